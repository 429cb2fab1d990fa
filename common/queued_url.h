// A URL a crawl is to fetch: the one entry the crawler's frontier hands out
// and the store's crawl queue keeps, and the kinds of body a URL is read as.
// Kinds are named only where they are stored (crawl_urls.kind) or shown.
// Plain values; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace linkgraph {

enum class UrlKind {
  kPage,      // an HTML page
  kSitemap,   // a sitemap or sitemap index
  kFeed,      // an RSS or Atom feed
  kComments,  // a page of WordPress REST comments
};

// "page", "sitemap", "feed", "comments": as the store writes them.
inline std::string_view UrlKindName(UrlKind kind) {
  switch (kind) {
    case UrlKind::kPage:
      return "page";
    case UrlKind::kSitemap:
      return "sitemap";
    case UrlKind::kFeed:
      return "feed";
    case UrlKind::kComments:
      return "comments";
  }
  return "page";
}

// The kind UrlKindName names; nullopt for any other text.
inline std::optional<UrlKind> ParseUrlKind(std::string_view name) {
  for (UrlKind kind : {UrlKind::kPage, UrlKind::kSitemap, UrlKind::kFeed, UrlKind::kComments}) {
    if (UrlKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

struct QueuedUrl {
  std::string url;                // canonical form (crawler/)
  UrlKind kind = UrlKind::kPage;  // what its body is read as
  int depth = 0;                  // link hops from a seed
  std::string via;                // the URL it was found on; "" for seeds
};

}  // namespace linkgraph
