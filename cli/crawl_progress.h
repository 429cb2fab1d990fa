// Private to cli/: what a crawl tells its user while it runs: a live
// progress line on a terminal (none when stderr is not one, or with
// --quiet), each failure on its own line above it, and the summary of a
// finished crawl.
#pragma once

#include <chrono>
#include <string>

#include "pipeline/crawl.h"
#include "store/store.h"

namespace linkgraph::cli {

class CrawlProgress : public pipeline::CrawlObserver {
 public:
  // database: as the summary names it.
  CrawlProgress(std::string database, bool quiet, bool live);
  ~CrawlProgress() override;

  void OnStarted(const pipeline::CrawlStart& start) override;
  // A line about one URL (a failure): printed unless quiet.
  void OnUrlProblem(const std::string& url, const std::string& why) override;
  // Redraws the live line at most twice a second.
  void OnProgress(const store::CrawlTotals& totals, size_t waiting, int in_flight) override;
  // The limits that stopped discovery, then the summary lines.
  void OnFinished(const pipeline::CrawlResult& result) override;
  void Clear();

 private:
  std::string database_;
  bool quiet_;
  bool live_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_draw_{};
};

// "2508 fetched, 0 not modified, 1 failed, 3 skipped, 2090 new comments,
// 120 new mentions, 110.8 MB in 4.2 s"
std::string DescribeCrawl(const store::CrawlTotals& totals, double seconds);

}  // namespace linkgraph::cli
