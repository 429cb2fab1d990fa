// Private to pipeline/: one run of a crawl (crawl.h). The thread that runs
// it drives the fetcher and decides what to fetch; extraction threads read
// the fetched bodies (crawl_read.h) and one writer thread records finished
// URLs, a batch per transaction, in the order they were finished.
#pragma once

#include <chrono>
#include <map>
#include <stop_token>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/clock.h"
#include "crawler/crawler.h"
#include "pipeline/crawl.h"
#include "pipeline/crawl_read.h"
#include "pipeline/work_pool.h"
#include "store/store.h"

namespace linkgraph::pipeline {

class CrawlSession {
 public:
  // seeds: CanonicalSeeds(config.seeds). Borrows everything else.
  CrawlSession(const CrawlConfig& config, std::vector<std::string> seeds, store::Store& store,
               CrawlObserver& observer, crawler::Fetcher& fetcher, const Clock& clock);
  CrawlSession(const CrawlSession&) = delete;
  CrawlSession& operator=(const CrawlSession&) = delete;

  // Opens the crawl in the store, new or resumed, and restores its frontier.
  Status Open();
  // Fetches until nothing is left, a stop request or a store error.
  Result<CrawlResult> Run(std::stop_token stop);

 private:
  // A batch as the writer records it, and what came of it.
  struct Batch {
    std::vector<store::CrawledUrl> urls;
    store::CrawlTotals totals;
  };
  struct Recorded {
    Result<store::SaveOutcome> saved;
    size_t urls = 0;
    store::CrawlTotals totals;
  };

  void Feed();
  void Handle(crawler::FetchResult result);
  void HandleRedirect(const crawler::FrontierEntry& entry, const crawler::FetchResult& result,
                      store::CrawledUrl* crawled);
  void HandleRead(ReadBody read);
  void OfferRobotsSitemaps();
  // Queues url (or retypes it) and lists it in *queued; false with *refusal
  // set ("" when known already) when the frontier did not.
  bool Offer(const std::string& url, const std::string& kind, int depth, const std::string& via,
             std::vector<store::QueuedUrl>* queued, std::string* refusal = nullptr);
  // Offers what a body revealed, within max_links_per_page, and notes on
  // *crawled how many links a limit refused, and which.
  void OfferLinks(const crawler::FrontierEntry& entry, const std::vector<Discovered>& links,
                  store::CrawledUrl* crawled);
  void Record(store::CrawledUrl crawled);
  void Flush();
  void TakeRecorded();
  void WaitForWriter();
  bool Done() const;
  // `outcome` is the outcome's name (OutcomeName).
  void Fail(store::CrawledUrl* crawled, const std::string& outcome, const std::string& why,
            bool counts_as_failure);
  std::string Now() const;
  std::map<std::string, long long> LimitRefusals() const;
  // Finishes the crawl in the store with result's outcome, then the graph.
  Result<CrawlResult> Finish(CrawlResult result);

  const CrawlConfig& config_;
  store::Store& store_;
  CrawlObserver& observer_;
  crawler::Fetcher& fetcher_;
  const Clock& clock_;
  std::vector<std::string> seeds_;
  std::unordered_set<std::string> seed_hosts_;  // HostKeyOf the seeds: may be private
  crawler::Frontier frontier_;
  const size_t extract_threads_;
  WorkPool<FetchedBody, ReadBody> pool_;
  // The store's one user while the crawl runs: batches are recorded in the
  // order given, beside the fetching and the extraction.
  WorkPool<Batch, Recorded> writer_;

  CrawlStart start_;
  store::CrawlTotals totals_;
  store::SaveOutcome saved_;
  std::unordered_map<std::string, store::PageFetch> stored_;  // pages stored before this run
  std::unordered_map<long long, crawler::FrontierEntry> in_flight_;
  long long next_tag_ = 1;
  std::unordered_map<std::string, int> redirect_hops_;
  std::vector<store::CrawledUrl> batch_;
  long long batches_recorded_ = 0;
  std::chrono::steady_clock::time_point last_flush_;
  Status failure_;
  // The crawl's own limits that stopped discovery (the frontier counts its own).
  std::map<std::string, long long> limit_refusals_;
  bool bytes_exhausted_ = false;  // max_total_bytes reached: nothing more is fetched
};

}  // namespace linkgraph::pipeline
