// A deterministic, generated WordPress-style blog for crawler tests and
// benchmarks: posts with threaded comments, @mentions and pingbacks in the
// markup parsers::ExtractPage reads, index pages, a feed, a sitemap,
// robots.txt and optionally the REST comments API. GenerateBlog is pure (same
// options and base URL, same bytes); ServeBlog installs it on a server.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "tests/crawler/loopback_http_server.h"

namespace linkgraph::testing {

struct BlogOptions {
  int posts = 50;                 // Default: 50
  int comments_per_post = 6;      // comments and replies on each post. Default: 6
  int posts_per_index_page = 10;  // "/" and "/page/N/". Default: 10
  // Pads each post body with paragraphs up to about this many bytes of
  // page (50,000 for the crawl benchmark). Default: 0, no padding.
  size_t min_post_bytes = 0;
  bool robots_txt = true;
  // Extra lines in robots.txt's "User-agent: *" group, e.g.
  // "Disallow: /private/\nCrawl-delay: 1". Default: none.
  // "{}" so designated initializers may leave it out (-Wmissing-field-initializers).
  std::string robots_extra{};
  bool sitemap = true;  // "/sitemap.xml", named in robots.txt
  bool feed = true;     // "/feed/", RSS 2.0 of the 10 newest posts
  // Posts advertise the WordPress REST API (<link rel="https://api.w.org/">
  // and the post's JSON) and "/wp-json/wp/v2/comments?post=ID" answers as
  // WordPress does (per_page up to 100, page, X-WP-Total). Default: off.
  bool rest_comments = false;
  // > 0: top-level threads split over "/YYYY/MM/slug/comment-page-N/" (N >=
  // 2; page 1 is the post itself), K threads per page, as WordPress pages
  // comments oldest first. Default: 0, all on the post.
  int comments_per_page = 0;
  // Reply links "?replytocom=ID#respond" under each comment. Default: off.
  bool replytocom_links = false;
  unsigned seed = 1;
  // One more top-level comment, stating a meeting ("I had coffee with
  // @X last week"), on this many posts spread evenly: what a nightly recrawl
  // finds changed. Everything else is as without it. Default: 0.
  int late_comments = 0;
};

// What one post holds, for assertions. Counts are what ExtractPage should
// report over the post's pages (all comment pages together).
struct GeneratedPost {
  std::string target;  // "/2009/06/slug/"
  int id = 0;          // WordPress post id
  std::string title;
  std::string author;                             // display name of the blog's owner
  std::string published;                          // ISO 8601 as the extractor gives it
  std::vector<std::string> comment_page_targets;  // ".../comment-page-2/", ...
  int comments = 0;                               // comments including replies
  int replies = 0;                                // comments with a parent
  int body_mentions = 0;  // distinct @handles in the post body (on every comment page again)
  int comment_mentions = 0;
  int pingbacks = 0;
};

struct GeneratedBlog {
  std::string base_url;  // "http://127.0.0.1:PORT", no trailing slash
  // HTML pages, target -> body: "/", "/page/N/", posts, comment pages, "/about/".
  std::map<std::string, std::string> pages;
  // Everything else, target -> {content type, body}: robots.txt, sitemap,
  // feed, REST JSON (the comments endpoint is computed per request).
  std::map<std::string, std::pair<std::string, std::string>> files;
  std::vector<GeneratedPost> posts;  // oldest first
  // REST comment objects per post id, oldest first (when rest_comments).
  std::map<int, std::vector<std::string>> rest_comments;
  // Totals over all posts; mentions = body + comment mentions, each once.
  int comments = 0, replies = 0, mentions = 0, pingbacks = 0;
};

// base_url is where the blog will be served (server.Url("")): feed, sitemap,
// REST and pingback URLs are absolute; page links are root-relative.
GeneratedBlog GenerateBlog(const BlogOptions& options, const std::string& base_url);

// Installs every page and file as a route (HTML as "text/html;
// charset=UTF-8"; each with an ETag, so a revisit can be a 304) and, for the
// REST comments, a prefix handler. Routes hold copies: blog may go after.
void ServeBlog(LoopbackHttpServer& server, const GeneratedBlog& blog);

}  // namespace linkgraph::testing
