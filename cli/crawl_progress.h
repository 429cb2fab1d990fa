// Private to cli/: what a crawl tells its user while it runs: on a terminal
// a live progress line (elapsed time, ETA), off one a progress line every
// --progress-every seconds, each failure on its own line, with -v a line
// per URL dealt with, and the detail lines of a finished crawl. The one
// summary line is RunCrawl's. Nothing but the summary and errors with
// --quiet.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "cli/progress_meter.h"
#include "common/clock.h"
#include "pipeline/crawl.h"
#include "store/store.h"

namespace linkgraph::cli {

struct ProgressSettings {
  bool quiet = false;
  bool verbose = false;            // a line per URL dealt with
  bool live = false;               // stderr is a terminal: the live line, not the periodic one
  std::chrono::seconds every{60};  // off a terminal; zero: never
};

class CrawlProgress : public pipeline::CrawlObserver {
 public:
  // database: as messages name it. clock: borrowed.
  CrawlProgress(std::string database, const ProgressSettings& settings,
                const Clock& clock = SystemClock());
  ~CrawlProgress() override;

  void OnStarted(const pipeline::CrawlStart& start) override;
  // A line about one URL (a failure): printed unless quiet.
  void OnUrlProblem(const std::string& url, const std::string& why) override;
  // With -v: "URL: HTTP 200 ok; stored a post, 3 comments, ...; 12 URLs queued".
  void OnUrlDone(const store::CrawledUrl& url) override;
  // Redraws the live line at most twice a second, or prints the periodic line.
  void OnProgress(const store::CrawlTotals& totals, size_t waiting, int in_flight) override;
  // The limits that stopped discovery, and (unless quiet) what was saved.
  void OnFinished(const pipeline::CrawlResult& result) override;
  void Clear();

 private:
  std::string database_;
  ProgressSettings settings_;
  const Clock& clock_;
  bool drawn_ = false;
  ProgressMeter meter_;
  std::chrono::steady_clock::time_point last_draw_{};
};

// "2508 fetched, 0 not modified, 1 failed, 3 skipped, 2090 new comments,
// 120 new mentions, 110.8 MB in 4.2 s"
std::string DescribeCrawl(const store::CrawlTotals& totals, double seconds);

// -v's line for one URL a crawl dealt with (raw: pass it through
// ForTerminal).
std::string DescribeCrawledUrl(const store::CrawledUrl& url);

}  // namespace linkgraph::cli
