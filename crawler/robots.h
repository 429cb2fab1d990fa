// Private to crawler/: robots.txt (RFC 9309, with Google's documented
// behaviour) parsed for one product token into the rules the crawler honours
// for one host. Pure: bytes in, a value out; no I/O. A RobotsRules is an
// immutable value after Parse(), safe to read from several threads.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace linkgraph::crawler {

class RobotsRules {
 public:
  // Only the first kMaxBodyBytes of a robots.txt are read (RFC 9309 §2.5); a
  // line cut at that boundary is dropped.
  static constexpr std::size_t kMaxBodyBytes = 500 * 1024;
  // Longer lines are cut to this length, as Google's parser does.
  static constexpr std::size_t kMaxLineBytes = 16 * 1024;
  // Allow/Disallow lines past this many in the chosen group are ignored.
  static constexpr std::size_t kMaxRules = 10000;
  static constexpr std::size_t kMaxSitemaps = 1000;
  // Larger Crawl-delay values are lowered to this: a site cannot stall the
  // crawl of a host for more than a minute per page.
  static constexpr double kMaxCrawlDelaySeconds = 60.0;

  // Parses robots.txt bytes for product_token ("linkgraph", or a whole
  // User-Agent string such as "linkgraph/0.1 (+https://...)": only the leading
  // product token counts). The rules are those of the groups whose User-agent
  // names that token (case-insensitive, merged when several do), else those of
  // the "*" groups, else none. Lines are "field: value # comment"; unknown
  // fields and garbage lines are ignored; a UTF-8 BOM, CRLF, CR and a missing
  // final newline are accepted.
  static RobotsRules Parse(std::string_view body, std::string_view product_token);
  // For a robots.txt answered 4xx (RFC 9309 §2.3.1.3): crawl everything.
  static RobotsRules AllowAll();
  // For a robots.txt answered 5xx or unreachable (RFC 9309 §2.3.1.4): crawl
  // nothing (but /robots.txt itself).
  static RobotsRules DisallowAll();

  // path_and_query is "/a/b?c=d" (a fragment is ignored). Both it and the
  // rules are compared with %xx of unreserved characters decoded, other
  // escapes in upper case and non-ASCII bytes escaped. The longest matching
  // rule wins, Allow on a tie; no matching rule allows. In rules, `*` matches
  // any run of characters and a final `$` anchors the end. "/robots.txt" is
  // always allowed. Linear in the path for each rule (no backtracking).
  bool Allows(std::string_view path_and_query) const;

  // Crawl-delay of the chosen group in seconds: a non-negative decimal
  // ("10", "0.5"), the largest when several, capped at kMaxCrawlDelaySeconds.
  // Other values ("abc", "-1", "1e3") are ignored.
  std::optional<double> CrawlDelaySeconds() const { return crawl_delay_; }

  // Sitemap: values in file order, from anywhere in the file (they belong to
  // no group), as written.
  const std::vector<std::string>& Sitemaps() const { return sitemaps_; }

 private:
  struct Rule {
    std::string pattern;  // normalised for comparison, starts with '/' or '*'
    bool allow = false;
  };

  std::vector<Rule> rules_;
  std::optional<double> crawl_delay_;
  std::vector<std::string> sitemaps_;
};

}  // namespace linkgraph::crawler
