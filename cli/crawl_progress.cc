#include "cli/crawl_progress.h"

#include <cstdio>
#include <iostream>
#include <utility>

#include "common/terminal_text.h"
#include "store/store.h"

namespace linkgraph::cli {
namespace {

std::string Fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

}  // namespace

CrawlProgress::CrawlProgress(std::string database, bool quiet, bool live)
    : database_(store::LocationForMessages(database)),
      quiet_(quiet),
      live_(live && !quiet),
      started_(std::chrono::steady_clock::now()) {}

CrawlProgress::~CrawlProgress() { Clear(); }

void CrawlProgress::Clear() {
  if (drawn_) std::cerr << "\r\033[K" << std::flush;
  drawn_ = false;
}

void CrawlProgress::OnStarted(const pipeline::CrawlStart& start) {
  if (!start.resumed || quiet_) return;
  std::cerr << "linkgraph crawl: resuming the unfinished crawl #" << start.crawl_id << " ("
            << start.done << " URLs done, " << start.queued << " queued)\n";
}

void CrawlProgress::OnUrlProblem(const std::string& url, const std::string& why) {
  if (quiet_) return;
  Clear();
  // URLs and reasons come from the sites crawled: shown, never obeyed.
  std::cerr << "linkgraph crawl: " << ForTerminal(url + ": " + why) << '\n';
}

void CrawlProgress::OnProgress(const store::CrawlTotals& totals, size_t waiting, int in_flight) {
  if (!live_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(500)) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - started_).count();
  const double rate = seconds > 0 ? static_cast<double>(totals.fetched + totals.not_modified) / seconds : 0;
  std::cerr << "\r\033[K" << totals.fetched << " fetched, " << totals.not_modified
            << " not modified, " << waiting << " queued, " << in_flight << " in flight, "
            << Fixed(rate, 1) << " pages/s, " << totals.failed << " errors" << std::flush;
  drawn_ = true;
}

void CrawlProgress::OnFinished(const pipeline::CrawlResult& result) {
  Clear();
  for (const auto& [why, count] : result.limit_refusals) {
    std::cerr << "linkgraph crawl: " << why << ": " << count << " URLs not queued or fetched\n";
  }
  const store::CrawlTotals& totals = result.totals;
  if (!quiet_) {
    std::cout << "crawled " << totals.fetched + totals.not_modified + totals.failed << " pages ("
              << totals.failed << " failed, " << totals.skipped << " skipped) into " << database_
              << ": " << pipeline::DescribeOutcome(result.saved) << '\n';
  }
  std::cout << "crawl " << pipeline::CrawlOutcomeName(result.outcome) << ": "
            << DescribeCrawl(totals, result.seconds) << '\n';
}

std::string DescribeCrawl(const store::CrawlTotals& totals, double seconds) {
  return std::to_string(totals.fetched) + " fetched, " + std::to_string(totals.not_modified) +
         " not modified, " + std::to_string(totals.failed) + " failed, " +
         std::to_string(totals.skipped) + " skipped, " + std::to_string(totals.new_comments) +
         " new comments, " + std::to_string(totals.new_mentions) + " new mentions, " +
         Fixed(static_cast<double>(totals.bytes) / 1e6, 1) + " MB in " + Fixed(seconds, 1) + " s";
}

}  // namespace linkgraph::cli
