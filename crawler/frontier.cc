// The breadth-first Frontier. Every URL is reduced to one normal form before
// it is compared, so the scope test and the dedupe are plain string checks:
// http(s): lowercase scheme and host, no credentials, no default port, a
//          path without dot segments ("/" at least), no "replytocom"
//          parameter, no fragment;
// file:    "file://" + the lexically normal path, percent-encoded one way.
#include <algorithm>
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/crawler.h"
#include "crawler/url_util.h"

namespace linkgraph::crawler {
namespace {

// Links that are surely not pages. Feeds (.xml, /feed/) are kept on purpose:
// comment feeds carry pingbacks that the HTML may not show.
constexpr std::array<std::string_view, 23> kSkippedExtensions = {
    ".jpg", ".jpeg", ".png",  ".gif",   ".webp", ".svg", ".ico", ".bmp",
    ".css", ".js",   ".pdf",  ".zip",   ".gz",   ".tgz", ".mp3", ".mp4",
    ".avi", ".mov",  ".woff", ".woff2", ".ttf",  ".exe", ".dmg"};

// RFC 3986 section 5.2.4 for a path that starts with '/': "/a/./b/../c" ->
// "/a/c". A ".." above the root stays at the root.
std::string RemoveDotSegments(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t begin = 1;
  while (begin <= path.size()) {
    size_t end = path.find('/', begin);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view segment = path.substr(begin, end - begin);
    if (segment == ".." && !segments.empty()) segments.pop_back();
    if (segment != "." && segment != "..") segments.push_back(segment);
    // "/a/b/.." names the folder "/a/", so it keeps its trailing slash.
    if ((segment == "." || segment == "..") && end == path.size()) segments.emplace_back();
    begin = end + 1;
  }
  std::string out;
  for (std::string_view segment : segments) {
    out += '/';
    out += segment;
  }
  return out.empty() ? "/" : out;
}

// Removes "replytocom" parameters: WordPress adds them to every reply link,
// and each would otherwise be another copy of the same post.
std::string DropReplyToCom(std::string_view query) {
  std::string out;
  size_t begin = 0;
  while (begin <= query.size()) {
    size_t end = query.find('&', begin);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view parameter = query.substr(begin, end - begin);
    if (!parameter.empty() && parameter.substr(0, parameter.find('=')) != "replytocom") {
      if (!out.empty()) out += '&';
      out += parameter;
    }
    begin = end + 1;
  }
  return out;
}

// "user@Example.COM:80" -> "example.com" for http; nullopt when malformed.
std::optional<std::string> NormalizeAuthority(std::string_view authority, std::string_view scheme) {
  // Credentials are dropped: they would end up in logs and in the store.
  if (const size_t at = authority.rfind('@'); at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  size_t host_end = authority.find(':');
  if (authority.starts_with('[')) {  // IPv6 literal: "[::1]:8080"
    host_end = authority.find(']');
    if (host_end == std::string_view::npos) return std::nullopt;
    ++host_end;
  }
  const std::string_view host = authority.substr(0, host_end);
  std::string_view port = host_end < authority.size() ? authority.substr(host_end) : "";
  if (host.empty() || (!port.empty() && !port.starts_with(':'))) return std::nullopt;
  if (!port.empty()) port.remove_prefix(1);
  if (!std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  if ((scheme == "http" && port == "80") || (scheme == "https" && port == "443")) port = {};
  std::string out = ToLowerAscii(host);
  if (!port.empty()) out += ":" + std::string(port);
  return out;
}

std::optional<std::string> NormalizeWebUrl(std::string_view url, const std::string& scheme) {
  url.remove_prefix(scheme.size() + 1);
  if (!url.starts_with("//")) return std::nullopt;
  url.remove_prefix(2);
  url = url.substr(0, url.find('#'));
  const size_t authority_end = url.find_first_of("/?");
  const auto authority = NormalizeAuthority(url.substr(0, authority_end), scheme);
  if (!authority) return std::nullopt;
  url = authority_end == std::string_view::npos ? "" : url.substr(authority_end);
  const size_t query_at = url.find('?');
  const std::string_view path = url.substr(0, query_at);
  std::string out = scheme + "://" + *authority + RemoveDotSegments(path.empty() ? "/" : path);
  if (query_at != std::string_view::npos) {
    const std::string query = DropReplyToCom(url.substr(query_at + 1));
    if (!query.empty()) out += "?" + query;
  }
  return out;
}

// The normal form of a link, or nullopt for links the crawler never follows
// (other schemes, relative links, malformed URLs).
std::optional<std::string> Normalize(std::string_view link) {
  link = TrimAscii(link);
  const std::string scheme = SchemeOf(link);
  if (scheme == "http" || scheme == "https") return NormalizeWebUrl(link, scheme);
  if (scheme != "file") return std::nullopt;
  const std::string path = FilePathFromUrl(std::string(link));
  if (path.empty()) return std::nullopt;
  return "file://" + PercentEncodePath(std::filesystem::path(path).lexically_normal().string());
}

// The part of a normal URL that every URL in its scope starts with:
// "http://host/" or, for files, the URL of the file's folder with a '/'.
std::string ScopePrefix(const std::string& normal) {
  if (SchemeOf(normal) == "file") return normal.substr(0, normal.rfind('/') + 1);
  const size_t authority = normal.find("://") + 3;
  return normal.substr(0, normal.find('/', authority) + 1);
}

bool IsNonPageResource(std::string_view normal) {
  const std::string_view path = normal.substr(0, normal.find('?'));
  const std::string_view name = path.substr(path.rfind('/') + 1);
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  const std::string extension = ToLowerAscii(name.substr(dot));
  return std::find(kSkippedExtensions.begin(), kSkippedExtensions.end(), extension) !=
         kSkippedExtensions.end();
}

}  // namespace

Frontier::Frontier(std::vector<std::string> seeds, int max_pages) : max_pages_(max_pages) {
  for (const std::string& seed : seeds) {
    const auto normal = Normalize(seed);
    if (!normal) continue;
    std::string prefix = ScopePrefix(*normal);
    if (std::find(scope_prefixes_.begin(), scope_prefixes_.end(), prefix) ==
        scope_prefixes_.end()) {
      scope_prefixes_.push_back(std::move(prefix));
    }
    if (static_cast<int>(queue_.size()) < max_pages_ && seen_.insert(*normal).second) {
      queue_.push_back(*normal);
    }
  }
}

bool Frontier::Next(std::string* url) {
  if (next_ >= queue_.size() || handed_out_ >= max_pages_) return false;
  *url = queue_[next_++];
  ++handed_out_;
  return true;
}

void Frontier::AddLinks(const std::vector<std::string>& links) {
  for (const std::string& link : links) {
    // Nothing queued past max_pages would ever be handed out; not queueing it
    // also bounds memory on sites with endless generated links.
    if (static_cast<int>(queue_.size()) >= max_pages_) return;
    const auto normal = Normalize(link);
    if (!normal || IsNonPageResource(*normal) || !InScope(*normal)) continue;
    if (seen_.insert(*normal).second) queue_.push_back(*normal);
  }
}

bool Frontier::InScope(const std::string& url) const {
  return std::any_of(scope_prefixes_.begin(), scope_prefixes_.end(),
                     [&url](const std::string& prefix) { return url.starts_with(prefix); });
}

}  // namespace linkgraph::crawler
