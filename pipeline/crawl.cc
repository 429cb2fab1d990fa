// A crawl from its config (crawl.h): the seeds checked, the fetcher made
// when none is given, and one session run.
#include "pipeline/crawl.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "pipeline/crawl_session.h"
#include "pipeline/graph_step.h"

namespace linkgraph::pipeline {

void CrawlObserver::OnStarted(const CrawlStart&) {}
void CrawlObserver::OnUrlProblem(const std::string&, const std::string&) {}
void CrawlObserver::OnUrlDone(const store::CrawledUrl&) {}
void CrawlObserver::OnBatchRecorded(size_t, const store::CrawlTotals&) {}
void CrawlObserver::OnProgress(const store::CrawlTotals&, size_t, int) {}
void CrawlObserver::OnFinished(const CrawlResult&) {}

Result<std::vector<std::string>> CanonicalSeeds(const std::vector<std::string>& urls) {
  std::vector<std::string> seeds;
  for (const std::string& url : urls) {
    std::optional<std::string> canonical = crawler::CanonicalizeUrl(url);
    if (!canonical) {
      return Error{ErrorCode::kInvalidArgument, "\"" + url + "\" is not an http(s) or file URL"};
    }
    if (std::find(seeds.begin(), seeds.end(), *canonical) == seeds.end()) {
      seeds.push_back(std::move(*canonical));
    }
  }
  return seeds;
}

Result<CrawlResult> Crawl(const CrawlConfig& config, store::Store& store, CrawlObserver& observer,
                          std::stop_token stop, crawler::Fetcher* fetcher, const Clock* clock) {
  Result<std::vector<std::string>> seeds = CanonicalSeeds(config.seeds);
  if (!seeds) return seeds.error();
  if (seeds->empty()) return Error{ErrorCode::kInvalidArgument, "no seed URLs"};
  std::unique_ptr<crawler::FetchScheduler> scheduler;
  if (fetcher == nullptr) {
    scheduler = std::make_unique<crawler::FetchScheduler>(config.fetch);
    fetcher = scheduler.get();
  }
  CrawlSession session(config, std::move(*seeds), store, store, observer, *fetcher,
                       clock != nullptr ? *clock : SystemClock());
  if (Status opened = session.Open(); !opened) return opened.error();
  Result<CrawlResult> result = session.Run(std::move(stop));
  // A stopped crawl is not finished: the graph waits for the run that is.
  if (result && result->outcome != CrawlOutcome::kStopped && !result->finished_elsewhere &&
      config.derive_graph) {
    UpdateGraphOf(store, &*result);
  }
  return result;
}

}  // namespace linkgraph::pipeline
