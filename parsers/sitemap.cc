// Sitemaps (sitemaps.org 0.9): <urlset><url><loc> lists pages,
// <sitemapindex><sitemap><loc> lists further sitemaps. Read with the
// forgiving scanner of xml_scan.h: Gumbo is an HTML parser and would
// mangle XML.
#include "parsers/parsers.h"
#include "parsers/text_util.h"
#include "parsers/urls.h"
#include "parsers/xml_scan.h"

namespace linkgraph::parsers {
namespace {

// The protocol's own limit per sitemap file.
constexpr size_t kMaxSitemapEntries = 50000;

bool IsGzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F &&
         static_cast<unsigned char>(bytes[1]) == 0x8B;
}

}  // namespace

Result<SitemapEntries> ParseSitemap(std::string_view bytes, std::string_view url) {
  if (IsGzip(bytes)) {
    return Error{ErrorCode::kUnsupported, "not a sitemap (gzip-compressed; decompress first)"};
  }
  XmlScanner scanner(bytes);
  XmlToken token;
  std::vector<std::string>* entries = nullptr;
  std::string_view entry_name;  // "url" or "sitemap"
  // Element depth, and the depth of the open <url>/<sitemap> (0: none), so
  // that only its own <loc> counts, not <image:loc> deeper down.
  int depth = 0;
  int entry_depth = 0;
  bool in_loc = false;
  std::string loc;
  SitemapEntries result;
  while (scanner.Next(&token)) {
    if (token.kind == XmlToken::Kind::kText) {
      if (in_loc) loc += token.cdata ? std::string(token.text) : DecodeXmlEntities(token.text);
      continue;
    }
    std::string_view name = LocalName(token.name);
    if (token.kind == XmlToken::Kind::kStart) {
      if (entries == nullptr) {
        if (EqualsIgnoreCase(name, "urlset")) {
          entries = &result.pages;
          entry_name = "url";
        } else if (EqualsIgnoreCase(name, "sitemapindex")) {
          entries = &result.sitemaps;
          entry_name = "sitemap";
        } else {
          return Error{ErrorCode::kUnsupported,
                       "not a sitemap (root element <" + std::string(token.name) + ">)"};
        }
      }
      if (token.self_closing) continue;
      ++depth;
      if (entry_depth == 0 && EqualsIgnoreCase(name, entry_name)) entry_depth = depth;
      if (entry_depth > 0 && depth == entry_depth + 1 && EqualsIgnoreCase(name, "loc")) {
        in_loc = true;
        loc.clear();
      }
      continue;
    }
    if (in_loc && EqualsIgnoreCase(name, "loc")) {
      in_loc = false;
      std::string resolved = ResolveHttpUrl(url, loc);
      if (!resolved.empty() && entries->size() < kMaxSitemapEntries) {
        entries->push_back(std::move(resolved));
      }
    }
    if (depth == entry_depth) entry_depth = 0;
    if (depth > 0) --depth;
  }
  if (entries == nullptr) return Error{ErrorCode::kUnsupported, "not a sitemap (no XML elements)"};
  return result;
}

}  // namespace linkgraph::parsers
