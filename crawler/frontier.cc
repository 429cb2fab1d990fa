// The breadth-first Frontier. Every URL is reduced to its canonical form
// (canonical_url.h) before it is compared, so the scope test and the dedupe
// are plain string checks.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/canonical_url.h"
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
    const auto normal = CanonicalUrl(seed);
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
    const auto normal = CanonicalUrl(link);
    if (!normal || IsNonPageResource(*normal) || !InScope(*normal)) continue;
    if (seen_.insert(*normal).second) queue_.push_back(*normal);
  }
}

bool Frontier::InScope(const std::string& url) const {
  return std::any_of(scope_prefixes_.begin(), scope_prefixes_.end(),
                     [&url](const std::string& prefix) { return url.starts_with(prefix); });
}

}  // namespace linkgraph::crawler
