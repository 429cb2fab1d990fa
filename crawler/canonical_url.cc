#include "crawler/canonical_url.h"

#include <array>
#include <filesystem>
#include <vector>

#include "common/ascii.h"
#include "common/parsed_uri.h"
#include "crawler/crawler.h"
#include "crawler/url_util.h"

namespace linkgraph::crawler {
namespace {

std::optional<std::string> ToString(const UriUriA* uri) {
  int length = 0;
  if (uriToStringCharsRequiredA(uri, &length) != URI_SUCCESS) return std::nullopt;
  std::vector<char> buffer(static_cast<size_t>(length) + 1);
  if (uriToStringA(buffer.data(), uri, length + 1, nullptr) != URI_SUCCESS) return std::nullopt;
  return std::string(buffer.data());
}

bool IsEscape(std::string_view text, size_t i) {
  return text[i] == '%' && i + 2 < text.size() && HexDigitValue(text[i + 1]) >= 0 &&
         HexDigitValue(text[i + 2]) >= 0;
}

// What uriparser will accept, the way browsers read an href: surrounding
// whitespace ignored; spaces, non-ASCII bytes, stray '%' and the characters
// RFC 3986 never allows escaped. nullopt for control characters anywhere
// inside (a sign of a broken or hostile page) and for overlong input.
std::optional<std::string> Sanitise(std::string_view text) {
  text = TrimAscii(text);
  if (text.size() > kMaxCanonicalUrlLength) return std::nullopt;
  static constexpr std::string_view kEscaped = " \"<>\\^`{|}";
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte == 0x7F) return std::nullopt;
    const bool stray_percent =
        text[i] == '%' &&
        (i + 2 >= text.size() || HexDigitValue(text[i + 1]) < 0 || HexDigitValue(text[i + 2]) < 0);
    if (byte >= 0x80 || stray_percent || kEscaped.find(text[i]) != std::string_view::npos) {
      AppendPercentEscape(byte, &out);
    } else {
      out += text[i];
    }
  }
  return out;
}

// "%7e%2f" -> "~%2F": unreserved characters decoded, other escapes uppercase.
std::string NormalizeEscapes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (!IsEscape(text, i)) {
      out += text[i];
      continue;
    }
    const auto byte =
        static_cast<unsigned char>(HexDigitValue(text[i + 1]) * 16 + HexDigitValue(text[i + 2]));
    if (IsUnreservedUrlChar(static_cast<char>(byte))) {
      out += static_cast<char>(byte);
    } else {
      AppendPercentEscape(byte, &out);
    }
    i += 2;
  }
  return out;
}

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

// "post;jsessionid=AB12;v=1" -> "post;v=1": Java servlets put the session id
// in the path, which would make every visit another page.
std::string DropJsessionid(std::string_view segment) {
  std::string out(segment.substr(0, segment.find(';')));
  size_t begin = segment.find(';');
  while (begin != std::string_view::npos) {
    const size_t end = segment.find(';', begin + 1);
    const std::string_view parameter = segment.substr(begin, end - begin);  // with its ';'
    if (!StartsWithIgnoreCase(parameter, ";jsessionid=")) out += parameter;
    begin = end;
  }
  return out;
}

// Parameters that never change the page: WordPress reply links, campaign
// tracking, and the session ids of PHP, Java, ASP and ColdFusion.
bool IsDroppedParameter(std::string_view name) {
  static constexpr std::array<std::string_view, 8> kNames = {
      "replytocom", "phpsessid", "jsessionid", "sid", "sessionid", "session_id", "cfid", "cftoken"};
  for (std::string_view dropped : kNames) {
    if (EqualsIgnoreCase(name, dropped)) return true;
  }
  return StartsWithIgnoreCase(name, "utm_") || StartsWithIgnoreCase(name, "aspsessionid");
}

// The query without dropped or empty parameters, the rest in their order:
// "?p=12&cpage=2" is not "?cpage=2&p=12" to every blog engine.
std::string CleanQuery(std::string_view query) {
  std::string out;
  size_t begin = 0;
  while (begin <= query.size()) {
    size_t end = query.find('&', begin);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view parameter = query.substr(begin, end - begin);
    if (!parameter.empty() && !IsDroppedParameter(parameter.substr(0, parameter.find('=')))) {
      if (!out.empty()) out += '&';
      out += parameter;
    }
    begin = end + 1;
  }
  return out;
}

// Lowercase ASCII; escaped non-ASCII bytes (an IDN host as the page wrote
// it, escaped by Sanitise) are put back as raw bytes. An escaped ASCII
// character other than an unreserved one (a space, '/') makes no host name.
std::optional<std::string> CanonicalHost(const UriUriA& uri) {
  const std::string_view host = UriRange(uri.hostText);
  if (host.empty() || uri.hostData.ipFuture.first != nullptr) return std::nullopt;
  if (uri.hostData.ip6 != nullptr) return "[" + ToLowerAscii(host) + "]";
  const std::string normal = NormalizeEscapes(host);
  std::string out;
  for (size_t i = 0; i < normal.size(); ++i) {
    if (IsEscape(normal, i)) {
      if (HexDigitValue(normal[i + 1]) < 8) return std::nullopt;
      out += static_cast<char>(HexDigitValue(normal[i + 1]) * 16 + HexDigitValue(normal[i + 2]));
      i += 2;
    } else {
      out += ToLowerAscii(normal[i]);
    }
  }
  return out;
}

// ":0080" -> ":80"; "" for no port or the scheme's default one; nullopt
// when out of range.
std::optional<std::string> CanonicalPort(std::string_view port, std::string_view scheme) {
  while (port.size() > 1 && port.front() == '0') port.remove_prefix(1);
  if (port.empty()) return "";
  if (port.size() > 5 || std::stoi(std::string(port)) > 65535) return std::nullopt;
  if ((scheme == "http" && port == "80") || (scheme == "https" && port == "443")) return "";
  return ":" + std::string(port);
}

std::optional<std::string> CanonicalWebUrl(const UriUriA& uri, const std::string& scheme) {
  // User-info ("user:pass@") is dropped: credentials must not reach logs or
  // the store, and the same page with and without them is one page.
  const auto host = CanonicalHost(uri);
  if (!host) return std::nullopt;
  const auto port = CanonicalPort(UriRange(uri.portText), scheme);
  if (!port) return std::nullopt;
  std::string path;
  for (const UriPathSegmentA* segment = uri.pathHead; segment != nullptr; segment = segment->next) {
    path += '/';
    path += DropJsessionid(NormalizeEscapes(UriRange(segment->text)));
  }
  std::string out = scheme + "://" + *host + *port + RemoveDotSegments(path);
  const std::string query = CleanQuery(NormalizeEscapes(UriRange(uri.query)));
  if (!query.empty()) out += "?" + query;
  return out;
}

// "file://" + the lexically normal path, escaped the one way FileUrlFromPath
// escapes, so every spelling of a local file is one URL.
std::optional<std::string> CanonicalFileUrl(const std::string& text) {
  const std::string path = FilePathFromUrl(text);
  if (path.empty()) return std::nullopt;
  return "file://" + PercentEncodePath(std::filesystem::path(path).lexically_normal().string());
}

std::optional<std::string> CanonicalOfParsed(const ParsedUri& parsed) {
  const std::string scheme = ToLowerAscii(UriRange(parsed.uri().scheme));
  std::optional<std::string> out;
  if (scheme == "http" || scheme == "https") out = CanonicalWebUrl(parsed.uri(), scheme);
  if (scheme == "file") out = CanonicalFileUrl(parsed.text());
  if (out && out->size() > kMaxCanonicalUrlLength) return std::nullopt;
  return out;
}

}  // namespace

std::optional<std::string> CanonicalUrl(std::string_view url) {
  auto text = Sanitise(url);
  ParsedUri parsed;
  if (!text || !parsed.Parse(std::move(*text))) return std::nullopt;
  return CanonicalOfParsed(parsed);
}

std::optional<std::string> ResolveAndCanonicalise(std::string_view base,
                                                  std::string_view reference) {
  auto base_text = Sanitise(base);
  auto reference_text = Sanitise(reference);
  ParsedUri base_uri;
  ParsedUri reference_uri;
  if (!base_text || !reference_text || !base_uri.Parse(std::move(*base_text)) ||
      !reference_uri.Parse(std::move(*reference_text)) || UriRange(base_uri.uri().scheme).empty()) {
    return std::nullopt;
  }
  ParsedUri resolved;
  const int added = uriAddBaseUriA(resolved.get(), reference_uri.get(), base_uri.get());
  resolved.MarkParsed();  // whatever it allocated before failing is freed too
  if (added != URI_SUCCESS) return std::nullopt;
  const auto text = ToString(resolved.get());
  if (!text) return std::nullopt;
  return CanonicalUrl(*text);
}

}  // namespace linkgraph::crawler
