// The crawler: fetches bytes for URLs (file://, http://, https://) and walks
// a small site breadth-first. It knows nothing of HTML or the store: the
// caller parses each page and hands back the links to follow.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/outcome.h"
#include "common/queued_url.h"
#include "common/result.h"

namespace linkgraph::crawler {

struct FetchOptions {
  std::string user_agent = "linkgraph/0.1 (+https://github.com/linkgraph/linkgraph)";
  long connect_timeout_ms = 10000;        // Default: 10 s
  long total_timeout_ms = 60000;          // Default: 60 s
  long long max_body_bytes = 10LL << 20;  // Default: 10 MB; larger bodies fail kTooLarge
};

// What one fetch returned. A 4xx/5xx answer is a FetchResponse, not an Error;
// Errors are for transfers that did not complete.
struct FetchResponse {
  std::string requested_url;
  int http_status = 0;       // 0 for file://
  std::string content_type;  // "text/html; charset=utf-8", or guessed for files
  std::string etag;
  std::string last_modified;
  std::string body;
};

// ---- The concurrent crawl: a FetchScheduler runs many transfers at once
// (libcurl multi) under global and per-host limits, robots.txt, per-host
// delays, retries with backoff, and the private-address guard; a Frontier
// decides what to fetch next. Both are used from one thread.

// What a request may bring back; other content types are refused as soon as
// the headers arrive, without reading the body.
enum class ContentKind {
  kHtml,  // text/html, application/xhtml+xml (and no Content-Type at all)
  kXml,   // sitemaps and feeds: */xml, */rss+xml, */atom+xml, text/plain
  kJson,  // application/json (WordPress REST)
};

struct FetchRequest {
  std::string url;  // absolute, canonical
  ContentKind accept = ContentKind::kHtml;
  std::string etag;           // sent as If-None-Match; ""
  std::string last_modified;  // sent as If-Modified-Since; ""
  bool allow_private = false;  // may reach private addresses (a seed that is one)
  uint64_t tag = 0;            // the caller's, returned with the result
};

enum class FetchOutcome {
  kOk,           // 2xx with a body of the accepted kind
  kNotModified,  // 304 to a conditional request: no body
  kRedirect,     // 3xx: `location` says where (redirects are not followed here)
  kHttpError,    // 4xx, or 5xx after the retries
  kNetworkError,  // after the retries: refused, reset, timeout, truncated, bad encoding
  kWrongType,    // a Content-Type the request does not accept
  kTooLarge,     // body over the cap
  kDisallowed,   // robots.txt: not fetched
  kBlocked,      // resolves to a private, loopback or link-local address: not fetched
};

// The outcome a crawl records for a fetch that ended so (common/outcome.h),
// and its name.
UrlOutcome AsUrlOutcome(FetchOutcome outcome);
std::string ToString(FetchOutcome outcome);

struct FetchResult {
  FetchRequest request;
  FetchOutcome outcome = FetchOutcome::kOk;
  FetchResponse response;  // status, headers, body (kOk only)
  std::string location;    // kRedirect: the absolute target
  std::string error;       // why, for every outcome but kOk and kNotModified
  int attempts = 0;        // transfers made (0 when not fetched)
};

struct SchedulerOptions {
  FetchOptions fetch;  // user agent, timeouts, body cap (redirects are returned, not followed)
  int concurrency = 8;     // transfers in flight in all
  int per_host = 2;        // transfers in flight to one host
  double delay_seconds = 1.0;  // between request starts to one host; robots.txt Crawl-delay when larger
  int retries = 3;             // further attempts after a 5xx, 429 or network fault
  double backoff_seconds = 1.0;      // first retry's wait; doubled each time, with jitter
  double max_backoff_seconds = 60.0;  // also the longest Retry-After honoured
  bool obey_robots = true;
  bool allow_private = false;  // every request may reach private addresses
};

struct SchedulerStats {
  long long transfers = 0;  // attempts started, robots.txt included
  long long bytes = 0;      // body bytes received
  int in_flight = 0;
  size_t waiting = 0;  // requests added but not finished
};

// What a crawl asks of whatever fetches its URLs: requests in, results out
// as they finish. FetchScheduler is the real one; tests serve pages from
// memory. Used from one thread, but for Wakeup.
class Fetcher {
 public:
  virtual ~Fetcher() = default;

  // Whether requests can be fetched at all (an error says why not).
  virtual Status Ready() const = 0;
  virtual void Add(FetchRequest request) = 0;
  // Runs transfers until some finish or `wait` passes; returns the finished
  // ones (possibly none). Requests of one host start in the order added.
  virtual std::vector<FetchResult> Poll(std::chrono::milliseconds wait) = 0;
  // Makes a Poll in progress (or the next one) return at once. The one
  // method that may be called from another thread.
  virtual void Wakeup() = 0;
  // Requests added and not yet returned by Poll.
  virtual size_t Waiting() const = 0;
  virtual SchedulerStats Stats() const = 0;
  // Sitemap URLs named by the robots.txt files read since the last call.
  virtual std::vector<std::string> TakeRobotsSitemaps() = 0;
};

// The libcurl fetcher.
class FetchScheduler final : public Fetcher {
 public:
  explicit FetchScheduler(SchedulerOptions options);
  ~FetchScheduler() override;
  FetchScheduler(const FetchScheduler&) = delete;
  FetchScheduler& operator=(const FetchScheduler&) = delete;

  // Fails only when libcurl cannot be set up.
  Status Ready() const override;
  void Add(FetchRequest request) override;
  std::vector<FetchResult> Poll(std::chrono::milliseconds wait) override;
  void Wakeup() override;
  size_t Waiting() const override;
  SchedulerStats Stats() const override;
  std::vector<std::string> TakeRobotsSitemaps() override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The canonical form the crawler compares, queues and stores (lowercase
// scheme and host, no default port or fragment, no "replytocom", "utm_*" or
// session-id parameters); nullopt for what is not an http(s) or file URL.
std::optional<std::string> CanonicalizeUrl(std::string_view url);

// What a crawl may visit, from its seeds.
enum class ScopeKind {
  kHost,  // the seeds' hosts: same host name and port, http and https alike
          // (http://x/ and https://x/ are one host, http://x:8080/ another)
  kSite,  // the seeds' registrable domains (public suffix list), either scheme, any
          // port: www.example.co.uk and blog.example.co.uk are one site; an IP
          // address or "localhost" is a site of its own, and so is each blog of a
          // blog host the list lacks (a.wordpress.com, b.tumblr.com, ...)
  kList,  // the seeds themselves and nothing else
};
// For every kind, file:// seeds take in their folder and below (kList: only
// the seeds).

// The host a URL names, as kHost compares them: "example.com" or
// "example.com:8080" (no default port), http and https alike; "" for file
// URLs and what is not a URL.
std::string HostKeyOf(std::string_view url);
// The site a URL is on, as kSite compares them: "example.co.uk" for
// https://www.example.co.uk/a, "a.wordpress.com" for a blog there, the
// address for an IP; "" for file URLs and what is not a URL.
std::string SiteOfUrl(std::string_view url);

// "host", "site", "list"; nullopt for anything else.
std::optional<ScopeKind> ParseScopeKind(const std::string& text);
// The name ParseScopeKind reads.
std::string ScopeKindName(ScopeKind kind);

// Copyable; not thread-safe for AddSeed while another thread calls Contains.
class CrawlScope {
 public:
  CrawlScope(ScopeKind kind, const std::vector<std::string>& seeds);
  // url: canonical (CanonicalUrl). Seeds are always in scope.
  bool Contains(const std::string& url) const;
  // A seed's redirect target joins the scope (http -> https, or a moved blog).
  void AddSeed(const std::string& url);

 private:
  ScopeKind kind_;
  std::unordered_set<std::string> seeds_;  // canonical
  std::unordered_set<std::string> hosts_;  // "host" or "host:port" (no default port)
  std::unordered_set<std::string> sites_;  // registrable domains, IPs, "localhost"
  std::vector<std::string> folders_;       // file:// seeds' folders ("file:///a/b/")
};

// Bounds on the URLs a site can generate without end: calendars, date
// archives far in the past or future, endless pagination, repeating path
// segments, ever longer URLs.
struct TrapLimits {
  int max_url_length = 1024;
  int max_path_segments = 16;
  int max_segment_repeats = 2;   // the same segment more often than this: a trap
  int max_page_number = 5000;    // /page/N/, ?paged=N, ?page=N, /comment-page-N/, ?cpage=N
  int earliest_year = 1990;      // dates in the URL outside [earliest, this year + 1]
  // Date-like URLs alike but for their numbers (/2009/06/12/ and /2009/06/13/,
  // ?month=2009-06 and ?month=2009-07): those whose every number is part of a
  // year, month or day. Posts (/?p=N, /2009/06/slug/) and pages are not counted.
  int max_urls_per_shape = 1000;
};

// Remembers the URL shapes a crawl has admitted. Not thread-safe.
class TrapGuard {
 public:
  explicit TrapGuard(TrapLimits limits = {}, int current_year = 0);  // 0: from the clock
  // "" when url (canonical) may be queued, else why not ("calendar: year
  // 2087 (outside 1990..2026)", "pagination: page 6000 (limit 5000)", "shape
  // budget: ..."). Counts the URL's shape when it is admitted, so call it
  // once per distinct URL (after the seen-check).
  std::string Check(const std::string& url);

 private:
  TrapLimits limits_;
  int current_year_;
  std::unordered_map<std::string, int> shapes_;  // admitted date-like URLs per shape
};

// What a crawl may queue. Every bound counts what was queued in this crawl,
// restored entries included, so that a site cannot make the queue, the
// memory or the stored frontier grow without end whatever its pages hold.
struct FrontierLimits {
  // "page" entries handed out, in all. Once this many pages are handed out
  // or queued, further page URLs are not queued at all. Default: 50,000
  int max_pages = 50000;
  int max_depth = -1;  // link hops from a seed; -1: no limit
  // Sitemap files queued, in all (a big blog's index names tens). Default: 1,000
  int max_sitemaps = 1000;
  // Sitemap indexes within sitemap indexes: a sitemap named by robots.txt or
  // a page is level 0, one named by a level-0 index level 1 (WordPress,
  // Yoast), and so on. Deeper ones are not queued. Default: 2
  int max_sitemap_nesting = 2;
  // Feeds queued, in all (the seeds' RSS/Atom links). Default: 100
  int max_feeds = 100;
  // WordPress REST comment pages queued, in all. Default: 50,000
  int max_comment_pages = 50000;
  // REST comment pages of one post (at per_page=100: 10,000 comments). Default: 100
  int max_comment_pages_per_post = 100;
  // URLs of every kind queued, in all, and on one host (scheme, host, port).
  int max_queued_urls = 250000;    // Default: 250,000
  int max_queued_per_host = 100000;  // Default: 100,000
};

// The strength of a kind: a URL queued as a page and offered again as a
// kind the site declared (feed, sitemap, comments) takes that kind while it
// waits. The declared kinds are equally strong: the first wins.
int KindStrength(UrlKind kind);  // kPage: 0; kFeed, kSitemap, kComments: 1

// Breadth-first: each URL once per crawl, in scope, within the limits and
// not a trap. Pages are handed out before further discovery only in the
// order they were offered.
class Frontier {
 public:
  Frontier(CrawlScope scope, FrontierLimits limits, TrapLimits traps = {});

  // A URL already dealt with (in this crawl, or stored and not due): never
  // queued again. Returns false when it was seen already.
  bool MarkSeen(const std::string& url);
  // An entry from a stored crawl, queued as it is when not seen yet.
  void Restore(QueuedUrl entry, bool done);
  // A seed or a discovered link: canonicalised, and queued when new, in
  // scope, within depth and the limits, and not a trap. Returns the queued
  // entry, or nullopt with *refusal set to the reason ("" when the URL was
  // seen already). Seeds (depth 0, no via) skip the scope, trap and limit
  // checks. A URL waiting as a "page" and offered as a stronger kind is
  // queued as that kind instead (KindStrength): the returned entry says so.
  std::optional<QueuedUrl> Offer(std::string_view url, UrlKind kind, int depth, std::string via,
                                 std::string* refusal = nullptr);
  bool Next(QueuedUrl* entry);

  size_t Queued() const { return queue_.size() - next_; }
  int PagesHandedOut() const { return pages_handed_out_; }
  // URLs refused by one of the FrontierLimits counts (not depth), by reason.
  const std::map<std::string, long long>& LimitRefusals() const { return limit_refusals_; }
  long long LimitRefusalCount() const { return limit_refusal_count_; }
  CrawlScope& Scope() { return scope_; }

 private:
  // "" when entry may be queued under its kind's limits, else why not.
  std::string CheckKindLimits(const QueuedUrl& entry) const;
  // "" when one more URL may be queued on url's host and in all.
  std::string CheckUrlLimits(const std::string& url) const;
  // A sitemap's index level: one more than the sitemap that named it.
  int SitemapNesting(const QueuedUrl& entry) const;
  void CountUrl(const std::string& url);
  void CountKind(const QueuedUrl& entry, int nesting);
  void Push(QueuedUrl entry);
  // The waiting "page" entry of url, retyped as kind when the limits allow.
  std::optional<QueuedUrl> Upgrade(const std::string& url, UrlKind kind, std::string via,
                                   std::string* refusal);
  std::string RefuseForLimit(std::string why);

  CrawlScope scope_;
  FrontierLimits limits_;
  TrapGuard traps_;
  std::unordered_set<std::string> seen_;
  std::vector<QueuedUrl> queue_;
  size_t next_ = 0;
  size_t erased_ = 0;  // entries dropped from the queue's front: queue_[i] is number erased_ + i
  int pages_handed_out_ = 0;
  // Counts against the limits.
  int pages_waiting_ = 0;
  int sitemaps_ = 0;
  int feeds_ = 0;
  int comment_pages_ = 0;
  long long queued_ = 0;
  std::unordered_map<std::string, int> queued_per_host_;
  std::unordered_map<std::string, int> comment_pages_per_post_;
  std::unordered_map<std::string, int> sitemap_nesting_;  // sitemap URL -> index level
  // Waiting "page" entries by the hash of their URL, to their queue number:
  // what an upgrade finds. A colliding hash only costs that URL its upgrade.
  std::unordered_map<size_t, size_t> waiting_pages_;
  std::map<std::string, long long> limit_refusals_;
  long long limit_refusal_count_ = 0;
};

// "file:///a/b.html" -> "/a/b.html"; "" when url is not a file URL.
std::string FilePathFromUrl(const std::string& url);
// "/a/b c.html" -> "file:///a/b%20c.html" (path made absolute first).
std::string FileUrlFromPath(const std::string& path);

}  // namespace linkgraph::crawler
