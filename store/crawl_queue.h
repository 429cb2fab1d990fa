// The crawl queue: the role of a store (store.h) that keeps each crawl's
// frontier (the URLs queued and dealt with), its totals and its outcome, and
// the fetch records of stored pages a crawl revisits. Used from one thread
// at a time, like the Store that implements it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/outcome.h"
#include "common/queued_url.h"
#include "common/result.h"
#include "store/page_store.h"

namespace linkgraph::store {

// The crawl frontier, kept in the store as it changes so that a crawl killed
// at any moment resumes where it stopped: each finished URL is recorded in
// the same transaction as its page and the links it revealed.

// A URL a crawl is to fetch: the crawler's frontier entry, kept as it is.
using QueuedUrl = linkgraph::QueuedUrl;

// Running totals of one crawl, kept as it goes.
struct CrawlTotals {
  long long fetched = 0;       // responses received (a 304 counts too)
  long long not_modified = 0;  // 304s: no body, no parse
  long long failed = 0;        // given up: 4xx, 5xx after retries, network, too large...
  long long skipped = 0;       // not fetched: robots.txt, private address, trap, out of scope
  long long bytes = 0;         // body bytes received
  long long new_comments = 0;
  long long new_mentions = 0;
};

struct CrawlRun {
  long long id = 0;
  std::string key;          // the seeds and options that identify it, as the caller gave
  std::string started_at;   // ISO 8601 UTC
  std::string finished_at;  // "" while running, or after the process was killed
  std::optional<CrawlOutcome> outcome;  // nullopt until finished
  CrawlTotals totals;
  long long queued = 0;  // URLs still waiting
  long long done = 0;    // URLs dealt with (fetched, failed or skipped)
  bool resumed = false;  // set by OpenCrawl when it continued an unfinished crawl
};

struct RedirectHop {
  std::string from;
  std::string to;
  int http_status = 0;  // 301, 302, 303, 307, 308
};

// One URL of a crawl dealt with.
struct CrawledUrl {
  std::string url;      // as queued
  std::string outcome;  // "ok", "not_modified", "http_404", "network_error", "disallowed"...
  std::string detail;   // the reason, when not ok
  std::optional<PageToSave> page;     // saved in the same transaction
  std::vector<QueuedUrl> discovered;  // queued, unless this crawl has them already
  std::vector<RedirectHop> redirects;
};

class CrawlQueue {
 public:
  virtual ~CrawlQueue() = default;

  // The crawl frontier. OpenCrawl continues the newest unfinished crawl with
  // this key (resumed = true, seeds ignored), else starts one (started_at =
  // now) with the seeds queued in order, duplicates once. Unfinished crawls
  // of other keys are left as they are.
  virtual Result<CrawlRun> OpenCrawl(const std::string& key, const std::vector<QueuedUrl>& seeds,
                                     const std::string& now) = 0;
  // A URL of a crawl, and its place in the order URLs were queued.
  struct CrawlUrl {
    QueuedUrl url;
    bool done = false;
    long long position = 0;  // larger for URLs queued later; unique in a crawl
  };
  // The URLs the crawl has dealt with, one at a time in the order they were
  // queued: what a resumed crawl must not fetch again.
  virtual Status EachDoneUrl(long long crawl, const RowVisitor<CrawlUrl>& visit) = 0;
  // Up to `limit` of the URLs still queued in the crawl, in the order they
  // were queued, from the first after `after` (a position; 0 for the start):
  // the queue read a page at a time.
  virtual Result<std::vector<CrawlUrl>> QueuedUrls(long long crawl, long long after,
                                                   size_t limit) = 0;
  // Every URL the crawl holds: the dealt-with ones first, then the queued
  // ones, each in the order they were queued. For tests and tools; a crawl
  // reads them with the two calls above.
  Result<std::vector<CrawlUrl>> CrawlUrls(long long crawl);
  // In one transaction, all or nothing: saves the pages (as SavePages),
  // marks the URLs done (one that was never queued, a redirect target, is
  // added as done), queues what they discovered (a URL is queued once per
  // crawl), stores the redirect hops and adds `added` to the crawl's
  // totals: increments, so that several workers may record into one crawl.
  // The comments and mentions the pages brought that were new are counted
  // here, beside what `added` says. The error names the URL that failed. A finished or unknown
  // crawl is refused.
  virtual Result<SaveOutcome> RecordCrawled(long long crawl, const std::vector<CrawledUrl>& urls,
                                            const CrawlTotals& added) = 0;
  // Adds `added` to the totals and sets finished_at = now and the outcome.
  // A finished or unknown crawl is refused.
  virtual Status FinishCrawl(long long crawl, CrawlOutcome outcome, const CrawlTotals& added,
                             const std::string& now) = 0;
  // The newest crawl, finished or not; nullopt before the first.
  virtual Result<std::optional<CrawlRun>> LastCrawl() = 0;
  // Every stored page's fetch record, one at a time by URL: what a new
  // crawl recrawls. The validators (ETag, Last-Modified) a crawl sends are
  // FindPage's, looked up as each URL is fetched.
  virtual Status EachPageFetch(const RowVisitor<PageFetch>& visit) = 0;
  Result<std::vector<PageFetch>> PageFetches();  // EachPageFetch, collected

  // ---- Several workers on one crawl, in a store that SharesCrawls()
  // (PostgreSQL). A host (host and port, either scheme) is leased to one
  // worker at a time, which alone fetches its URLs; a lease not renewed for
  // lease_seconds expires, and the host, with the URLs its worker had
  // claimed and not recorded, goes to the next worker that asks. Times are
  // the database's clock, so workers on several machines agree.
  virtual bool SharesCrawls() const { return false; }
  struct WorkerLease {
    std::string worker;             // unique among live workers: "machine:pid:random"
    double lease_seconds = 60;      // how long a lease lives unless renewed
    double host_delay_seconds = 0;  // a host given up waits this long for its next worker
    size_t max_hosts = 4;           // hosts leased at once
    size_t urls_per_host = 8;       // URLs of one host handed out by one claim
  };
  struct Claim {
    std::vector<CrawlUrl> urls;  // claimed for this worker, in the order queued
    long long queued = 0;        // the crawl's URLs not yet recorded, by any worker
  };
  // In one transaction: renews this worker's leases, gives up its hosts
  // with nothing left to fetch, leases one more free or expired host while
  // it holds fewer than max_hosts (SELECT ... FOR UPDATE SKIP LOCKED:
  // workers never wait for each other), and claims up to `limit` unclaimed
  // URLs of its hosts, the oldest first, urls_per_host of a host at most.
  // limit 0 renews only. Unsupported where !SharesCrawls().
  virtual Result<Claim> ClaimUrls(long long crawl, const WorkerLease& lease, size_t limit);
  // Gives up every lease and unrecorded claim of this worker at once: a
  // worker that stops hands its hosts on without waiting for them to expire.
  virtual Status ReleaseLeases(long long crawl, const WorkerLease& lease);
  // The workers alive on a crawl, by name, and the hosts each holds; none
  // where !SharesCrawls().
  struct LiveWorker {
    std::string worker;
    long long hosts = 0;
  };
  virtual Result<std::vector<LiveWorker>> LiveWorkers(long long crawl);
};

}  // namespace linkgraph::store
