// The crawl as a library: seeds in, pages fetched, extracted and recorded in
// the store as they come, a batch per transaction, so a crawl stopped or
// killed at any moment resumes from the store when run again with the same
// config. The fetcher and the clock are borrowed and may be replaced (tests
// serve pages from memory); the store is borrowed and used from one thread
// at a time. One crawl per store at a time: the caller holds the lock.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "crawler/crawler.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace linkgraph::pipeline {

struct CrawlConfig {
  // Where the crawl starts: http(s) or file URLs (CanonicalSeeds). The
  // crawl's identity in the store is its scope and its seeds, in any order.
  std::vector<std::string> seeds;
  crawler::ScopeKind scope = crawler::ScopeKind::kHost;  // Default: host
  // What a site can make the crawl queue (the defaults of FrontierLimits).
  crawler::FrontierLimits limits;
  // The libcurl fetcher's options when Crawl makes it; with any fetcher,
  // fetch.concurrency also sets how many requests are handed out ahead.
  crawler::SchedulerOptions fetch;
  // The first distinct in-scope links taken from one page. Default: 5,000
  int max_links_per_page = 5000;
  // Body bytes fetched, then nothing more is fetched and the crawl ends
  // normally with the rest still queued. Default: 5 GiB
  long long max_total_bytes = 5LL << 30;
  // Stored pages fetched longer ago than this are fetched again (with their
  // validators); younger ones are left alone. Default: 1 day
  double recrawl_after_seconds = 86400.0;
  // What a crawl follows besides links: robots.txt's sitemaps, the seeds'
  // feeds, WordPress REST comment pages. Default: all three.
  bool discover_sitemaps = true;
  bool discover_feeds = true;
  bool discover_comments = true;
  // Keep the graph current after a finished crawl (UpdateGraph). Default: true
  bool derive_graph = true;
  // A batch (one transaction) is recorded when it holds this many URLs or
  // when this long has passed since the last one. Default: 50 URLs, 500 ms
  size_t batch_urls = 50;
  std::chrono::milliseconds batch_interval{500};
  // Threads extracting fetched bodies. Default: 0, one per core
  int extract_threads = 0;
  // Several workers on one crawl, in a store that SharesCrawls()
  // (PostgreSQL): this worker's name among them, unique while it lives
  // (Default: "", the machine's name, the process id and a random number),
  // and how long a lease of this worker's outlives its last renewal: a
  // killed worker's hosts go to the others after that long. Default: 60 s
  std::string worker_name;
  double lease_seconds = 60.0;
};

// How a crawl ended (common/outcome.h).
using linkgraph::CrawlOutcome;
using linkgraph::CrawlOutcomeName;

// What the crawl found in the store when it opened.
struct CrawlStart {
  long long crawl_id = 0;
  bool resumed = false;  // an unfinished crawl of the same seeds and scope continues
  long long done = 0;    // its URLs dealt with before
  long long queued = 0;  // and still waiting
};

struct CrawlResult {
  CrawlOutcome outcome = CrawlOutcome::kOk;
  CrawlStart start;
  store::CrawlTotals totals;  // this crawl's, a resumed crawl's earlier runs included
  store::SaveOutcome saved;   // what this run's records changed
  double seconds = 0;         // from the first fetch to the last record
  // This run's pages that hold a post (HoldsPost: read with one, or kept as
  // stored); 0 after pages were fetched says the crawl found nothing to read.
  long long pages_with_posts = 0;
  // URLs not queued or not fetched because a limit was reached, by the
  // limit's description ("page limit: ... (--max-pages)").
  std::map<std::string, long long> limit_refusals;
  // Several workers: another worker finished the crawl, and derives the
  // graph; totals are this worker's view when it stopped.
  bool finished_elsewhere = false;
  GraphUpdate graph;  // after a finished crawl, when derive_graph
  // Why the graph could not be derived; the pages are stored all the same
  // and the previous graph stays in place.
  std::optional<Error> graph_error;
};

// What a crawl tells as it goes; the default does nothing. Called on the
// thread that called Crawl.
class CrawlObserver {
 public:
  virtual ~CrawlObserver() = default;
  // The crawl is open in the store and about to fetch.
  virtual void OnStarted(const CrawlStart& start);
  // A URL that failed, that robots.txt or the address guard kept from
  // being fetched, or a page that yielded nothing (not HTML; no post or
  // comments on a page of no known blog platform), and why.
  virtual void OnUrlProblem(const std::string& url, const std::string& why);
  // Each URL dealt with, as it joins the batch to be recorded.
  virtual void OnUrlDone(const store::CrawledUrl& url);
  // Each batch once recorded: its URLs, and the totals recorded with it.
  virtual void OnBatchRecorded(size_t urls, const store::CrawlTotals& totals);
  // After every turn of the fetch loop: URLs waiting (queued or handed to
  // the fetcher) and transfers in flight.
  virtual void OnProgress(const store::CrawlTotals& totals, size_t waiting, int in_flight);
  // The crawl is finished in the store, before the graph is derived. Not
  // called when a stop request or an error ended it.
  virtual void OnFinished(const CrawlResult& result);
};

// The seeds as a crawl takes them: canonical (crawler::CanonicalizeUrl),
// each once, in the order given; an error names the first that is not an
// http(s) or file URL.
Result<std::vector<std::string>> CanonicalSeeds(const std::vector<std::string>& urls);

// Crawls from config.seeds, or continues the unfinished crawl of the same
// seeds and scope. A stop request ends it after the URLs being recorded:
// outcome kStopped, and the next Crawl with the same config resumes. An
// error from the store ends it too (what was recorded before stays; the
// crawl resumes); the error of a batch names the URL the store refused.
// fetcher nullptr: a crawler::FetchScheduler made from config.fetch.
// clock nullptr: SystemClock().
Result<CrawlResult> Crawl(const CrawlConfig& config, store::Store& store, CrawlObserver& observer,
                          std::stop_token stop = {}, crawler::Fetcher* fetcher = nullptr,
                          const Clock* clock = nullptr);

}  // namespace linkgraph::pipeline
