// The crawler: fetches bytes for URLs (file://, http://, https://) and walks
// a small site breadth-first. It knows nothing of HTML or the store: the
// caller parses each page and hands back the links to follow.
// A Fetcher is used from one thread at a time.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "common/result.h"

namespace linkgraph::crawler {

struct FetchOptions {
  std::string user_agent = "linkgraph/0.1 (+https://github.com/linkgraph/linkgraph)";
  long connect_timeout_ms = 10000;        // Default: 10 s
  long total_timeout_ms = 60000;          // Default: 60 s
  long max_redirects = 5;                 // Default: 5
  long long max_body_bytes = 10LL << 20;  // Default: 10 MB; larger bodies fail kTooLarge
};

// What one fetch returned. A 4xx/5xx answer is a FetchResponse, not an Error;
// Errors are for transfers that did not complete.
struct FetchResponse {
  std::string requested_url;
  std::string final_url;     // after redirects
  int http_status = 0;       // 0 for file://
  std::string content_type;  // "text/html; charset=utf-8", or guessed for files
  std::string etag;
  std::string last_modified;
  std::string body;
};

class Fetcher {
 public:
  virtual ~Fetcher() = default;
  virtual Result<FetchResponse> Fetch(const std::string& url) = 0;
};

// libcurl-backed fetcher for file://, http:// and https:// URLs. It keeps one
// connection alive between fetches; redirects go to http(s) only. Errors:
// kInvalidArgument (relative URL, file URL of another host), kUnsupported
// (other schemes, also by redirect), kNotFound (missing file), kTooLarge (body
// over max_body_bytes), kNetwork (connect, timeout, redirect limit, TLS).
std::unique_ptr<Fetcher> MakeCurlFetcher(const FetchOptions& options = {});

// Breadth-first frontier over the seeds' sites: the same scheme, host and port
// as a seed (for file:// URLs, the seed's folder and below). URLs are handed
// out in a normal form (lowercase scheme and host, no default port, no dot
// segments, no fragment, no "replytocom", "utm_*" or session-id parameter),
// each once, seeds first, at most max_pages in all.
class Frontier {
 public:
  explicit Frontier(std::vector<std::string> seeds, int max_pages = 1000);

  bool Next(std::string* url);
  // Queues the links of a fetched page that are in scope and not yet seen.
  // Links must be absolute; relative ones, other schemes (mailto:,
  // javascript:) and images, scripts, styles and archives are skipped.
  void AddLinks(const std::vector<std::string>& links);
  int handed_out() const { return handed_out_; }

 private:
  bool InScope(const std::string& url) const;

  std::vector<std::string> queue_;
  size_t next_ = 0;
  std::unordered_set<std::string> seen_;
  std::vector<std::string> scope_prefixes_;
  int max_pages_;
  int handed_out_ = 0;
};

class RobotsRules;

// The robots.txt of each http(s) host a crawl visits, fetched once through
// the crawl's fetcher and kept for the crawl (RFC 9309: a 4xx robots.txt
// allows everything; a 5xx or unreachable one disallows everything; only
// the first 500 KiB are read). file:// URLs are always allowed.
class RobotsPolicy {
 public:
  // user_agent: the crawl's User-Agent; its product token ("linkgraph")
  // picks the group.
  RobotsPolicy(Fetcher& fetcher, std::string user_agent);
  ~RobotsPolicy();
  RobotsPolicy(const RobotsPolicy&) = delete;
  RobotsPolicy& operator=(const RobotsPolicy&) = delete;

  // Whether the host's robots.txt is already known (no fetch needed).
  bool Knows(const std::string& url) const;
  // Fetches the host's robots.txt when not known yet.
  bool Allows(const std::string& url);
  // The host's Crawl-delay, when its robots.txt gives one.
  std::optional<double> CrawlDelaySeconds(const std::string& url);

 private:
  const RobotsRules& RulesFor(const std::string& url);

  Fetcher& fetcher_;
  std::string user_agent_;
  std::map<std::string, std::unique_ptr<RobotsRules>> hosts_;  // by "scheme://host:port"
};

// "file:///a/b.html" -> "/a/b.html"; "" when url is not a file URL.
std::string FilePathFromUrl(const std::string& url);
// "/a/b c.html" -> "file:///a/b%20c.html" (path made absolute first).
std::string FileUrlFromPath(const std::string& path);

}  // namespace linkgraph::crawler
