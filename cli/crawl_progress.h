// Private to cli/: what a crawl tells its user while it runs: a live
// progress line on a terminal (none when stderr is not one, or with
// --quiet), and each failure on its own line above it.
#pragma once

#include <chrono>
#include <string>

#include "store/store.h"

namespace linkgraph::cli {

class CrawlProgress {
 public:
  CrawlProgress(bool quiet, bool live);
  ~CrawlProgress();

  // A line about one URL (a failure): printed unless quiet.
  void Note(const std::string& line);
  // Redraws the live line at most twice a second.
  void Update(const store::CrawlTotals& totals, size_t queued, int in_flight);
  void Clear();

 private:
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
