// Extraction: bytes of one page and its URL in, plain structs out
// (common/model.h). Pure functions: no network, no store, no globals that
// change; safe to call from several threads at once.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/model.h"
#include "common/result.h"

namespace linkgraph::parsers {

struct ExtractOptions {
  // Charset from the transport (an HTTP Content-Type header), tried before
  // the document's own <meta>. Default: none.
  std::string transport_charset;
  // Pages nested deeper than this are refused before Gumbo sees them: its
  // memory grows with the square of the depth. Default: 2,000.
  int max_tag_depth = 2000;
  // Pages whose tree would hold more nodes than this (elements, implied and
  // reopened ones included, attributes, text runs and comments, as a scan of
  // the tags counts them) are refused before Gumbo sees them: each costs
  // Gumbo about 230 bytes and 1.5 s per million. The largest real page seen
  // has 42,000; a flat 16 MB page of short tags has up to 9 million.
  // Default: 1,000,000.
  size_t max_nodes = 1'000'000;
  // Pages with an element of more attributes than this are refused: Gumbo
  // checks each against all before it (<html> and <body> tags add theirs up).
  // The most seen on a real page is 51. Default: 1,000.
  size_t max_attributes = 1000;
  // Comments kept from one page, the first in page order; comments_source
  // says how many were dropped. The most on a real page seen is 270; the
  // biggest threads show a few thousand per page. Default: 10,000.
  size_t max_comments = 10'000;
  // @mentions kept from one page (post and kept comments). Default: 10,000.
  size_t max_mentions = 10'000;
  // Pages over this are refused. Default: 16 MB.
  size_t max_bytes = 16u << 20;
  // The site a web URL is on. A web page's rel=canonical naming another site
  // is ignored: a page speaks for its own site only, never for the posts of
  // another. A saved file (file:// URL) has no site: its canonical is how it
  // names the post it is a copy of, and is kept. Default: unset, the host
  // (crawl and import pass the registrable domain, crawler::SiteOfUrl).
  std::function<std::string(std::string_view url)> site_of{};
};

// Extracts the post, comments, trackbacks, mentions and links of a blog page,
// and what it advertises for discovery (feed_links, comments_api_url). On a
// comment page (/comment-page-N/, ?cpage=N) post.url and the comments'
// permalinks name the post itself; canonical_url stays the page's own, and
// is the page's URL when its rel=canonical leaves its site (site_of).
// Errors: kUnsupported for bytes that are not HTML (binary, empty),
// kTooLarge for pages over max_bytes, max_tag_depth, max_nodes or
// max_attributes.
Result<ExtractedPage> ExtractPage(std::string_view bytes, std::string_view url,
                                  const ExtractOptions& options = {});

// What a sitemap lists: pages (<urlset><url><loc>) and, for a sitemap
// index, further sitemaps (<sitemapindex><sitemap><loc>). Absolute http(s)
// URLs only (relative ones resolved against url), entities and CDATA
// resolved, in document order, at most 50,000 of each; <image:loc> and other
// extensions' URLs are not pages.
struct SitemapEntries {
  std::vector<std::string> pages;
  std::vector<std::string> sitemaps;
};
// Errors: kUnsupported when the bytes are not a sitemap (HTML, a feed, a
// plain-text URL list, gzip-compressed bytes: decompress them first).
Result<SitemapEntries> ParseSitemap(std::string_view bytes, std::string_view url);

// The item permalinks of an RSS 2.0, RSS 1.0 or Atom feed, absolute http(s),
// in feed order without repeats, at most 50,000: RSS <item><link> (else a
// permalink <guid>, else RSS 1.0's rdf:about), Atom <entry><link
// rel="alternate" href> (no rel means alternate). The channel's own link is
// not an item. Errors: kUnsupported when the bytes are not a feed.
Result<std::vector<std::string>> ParseFeedLinks(std::string_view bytes, std::string_view url);

// One page of WordPress REST comments (/wp-json/wp/v2/comments?post=ID) as
// an extraction of the post at post_url: has_post with only post.url set,
// comments with the ids, parents, authors and texts the HTML extractor gives
// ("comment-123", permalink post_url + "#comment-123"), so both merge without
// duplicates, and their mentions. Pingbacks and trackbacks become
// trackbacks. published is the comment's "date", the blog's local time
// without a zone ("2009-12-06T22:10:00"). *next_page_url is set to url with
// page=N+1 when this page was full (per_page entries, default 10), else "".
// Errors: kUnsupported when the bytes are not a JSON array (a WordPress
// error object's code is named in the message); kTooLarge over 16 MB or
// nested over 64 deep.
Result<ExtractedPage> ExtractRestComments(std::string_view json, std::string_view url,
                                          std::string_view post_url,
                                          std::string* next_page_url = nullptr);

// The charset parameter of a Content-Type header value, lower-cased; ""
// when none. For ExtractOptions::transport_charset.
std::string CharsetFromContentType(std::string_view content_type);

// Decodes bytes to UTF-8: the BOM, then transport_charset, then <meta
// charset>/http-equiv, else UTF-8 with invalid bytes read as windows-1252.
std::string DecodeToUtf8(std::string_view bytes, std::string_view transport_charset = "");

}  // namespace linkgraph::parsers
