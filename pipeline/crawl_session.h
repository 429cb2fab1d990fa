// Private to pipeline/: one run of a crawl (crawl.h). The thread that runs
// it drives the fetcher and decides what to fetch; extraction threads read
// the fetched bodies (crawl_read.h) and one store thread, the stores' only
// user while the crawl runs, records finished URLs (a batch per
// transaction, in the order they were finished) and looks up the stored
// records of the URLs about to be fetched.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <stop_token>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/clock.h"
#include "common/queued_url.h"
#include "crawler/crawler.h"
#include "pipeline/crawl.h"
#include "pipeline/crawl_read.h"
#include "pipeline/work_pool.h"
#include "store/store.h"

namespace linkgraph::pipeline {

class CrawlSession {
 public:
  // seeds: CanonicalSeeds(config.seeds). Borrows everything else; pages
  // and queue are usually one Store.
  CrawlSession(const CrawlConfig& config, std::vector<std::string> seeds, store::PageStore& pages,
               store::CrawlQueue& queue, CrawlObserver& observer, crawler::Fetcher& fetcher,
               const Clock& clock);
  CrawlSession(const CrawlSession&) = delete;
  CrawlSession& operator=(const CrawlSession&) = delete;

  // Opens the crawl in the store, new or resumed, and restores its frontier.
  Status Open();
  // Fetches until nothing is left, a stop request or a store error. Finishes
  // the crawl in the store unless stopped; the graph is the caller's.
  Result<CrawlResult> Run(std::stop_token stop);

 private:
  // A URL handed out by the frontier, with the stored record of its page
  // (validators, content hash) when there is one.
  struct ToFetch {
    QueuedUrl entry;
    std::optional<store::PageFetch> previous;
  };
  // What the store thread does, in the order submitted: records a batch
  // (when urls are given), or looks up the stored records of to_fetch.
  // Several workers: claims URLs of this worker's hosts (up to claim,
  // or renews its leases only when 0) and looks up their records.
  struct StoreJob {
    std::vector<store::CrawledUrl> urls;
    store::CrawlTotals totals;  // added by this batch
    std::vector<ToFetch> to_fetch;
    std::optional<size_t> claim;
  };
  struct StoreDone {
    bool recorded = false;  // a batch; else a look-up or a claim
    bool claimed = false;
    Result<store::SaveOutcome> saved = store::SaveOutcome{};
    size_t urls = 0;
    std::vector<ToFetch> to_fetch;
    long long queued_in_crawl = 0;  // a claim: the crawl's unrecorded URLs, all workers'
  };

  StoreDone DoStoreJob(StoreJob& job);
  Status Claim(size_t limit, StoreDone* done);
  // Several workers: asks for URLs of this worker's hosts when it wants
  // more to fetch, and renews its leases in time.
  void FeedShared(size_t wanted);
  void TakeClaimed(StoreDone& claimed);
  // Several workers: with nothing of its own under way, this worker is done
  // once the crawl has nothing left unrecorded.
  bool SharedDone() const;
  // The totals gathered since the last call, for the store to add.
  store::CrawlTotals TakeTotalsToAdd();
  Result<CrawlResult> FinishShared(CrawlResult result);
  // This worker's crawl as another worker finished it; nullopt while it
  // is not finished (or cannot be read).
  std::optional<CrawlResult> FinishedElsewhere();
  Status LookUp(std::vector<ToFetch>* to_fetch);
  // Restores the crawl's URLs into the frontier: those dealt with, then the
  // queued ones a page at a time.
  Status Restore();
  // Stored pages fetched after due_before count as seen: linked again, not fetched.
  Status MarkFreshPagesSeen(const std::string& due_before);
  void Feed();
  void StartFetches();
  void Handle(crawler::FetchResult result);
  void HandleRedirect(const QueuedUrl& entry, const crawler::FetchResult& result,
                      store::CrawledUrl* crawled);
  void HandleRead(ReadBody read);
  void OfferRobotsSitemaps();
  // Queues url (or retypes it) and lists it in *queued; false with *refusal
  // set ("" when known already) when the frontier did not.
  bool Offer(const std::string& url, UrlKind kind, int depth, const std::string& via,
             std::vector<store::QueuedUrl>* queued, std::string* refusal = nullptr);
  // Offers what a body revealed, within max_links_per_page, and notes on
  // *crawled how many links a limit refused, and which.
  void OfferLinks(const QueuedUrl& entry, const std::vector<Discovered>& links,
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
  // Finishes the crawl in the store with result's outcome.
  Result<CrawlResult> Finish(CrawlResult result);

  const CrawlConfig& config_;
  store::PageStore& pages_;
  std::string run_started_at_;  // the crawl's start: what saved pages add keeps it
  store::CrawlQueue& queue_;
  CrawlObserver& observer_;
  crawler::Fetcher& fetcher_;
  const Clock& clock_;
  std::vector<std::string> seeds_;
  std::unordered_set<std::string> seed_hosts_;  // HostKeyOf the seeds: may be private
  crawler::Frontier frontier_;
  const size_t extract_threads_;
  WorkPool<FetchedBody, ReadBody> pool_;
  // The stores' one user while the crawl runs: batches are recorded and
  // look-ups answered in the order given, beside the fetching and the
  // extraction.
  WorkPool<StoreJob, StoreDone> store_thread_;

  CrawlStart start_;
  store::CrawlTotals totals_;
  store::SaveOutcome saved_;
  long long pages_with_posts_ = 0;
  size_t batches_unfinished_ = 0;   // submitted to the store thread, not yet taken
  size_t looking_up_ = 0;           // URLs handed out, waiting for their stored records
  std::vector<ToFetch> looked_up_;  // ready to fetch
  std::unordered_map<long long, ToFetch> in_flight_;
  long long next_tag_ = 1;
  std::unordered_map<std::string, int> redirect_hops_;
  std::vector<store::CrawledUrl> batch_;
  long long batches_recorded_ = 0;
  std::chrono::steady_clock::time_point last_flush_;
  Status failure_;
  // The crawl's own limits that stopped discovery (the frontier counts its own).
  std::map<std::string, long long> limit_refusals_;
  bool bytes_exhausted_ = false;  // max_total_bytes reached: nothing more is fetched
  store::CrawlTotals totals_added_;  // the part of totals_ handed to the store already

  // Several workers on one crawl (queue_.SharesCrawls()).
  const bool shared_;
  store::CrawlQueue::WorkerLease lease_;
  bool claiming_ = false;
  // The last claim's answer, and whether it was asked with nothing of this
  // worker's under way (so that its count includes all this worker did).
  long long queued_in_crawl_ = -1;
  bool claimed_when_idle_ = false;
  size_t last_claim_size_ = 0;
  std::chrono::steady_clock::time_point last_claim_;
};

}  // namespace linkgraph::pipeline
