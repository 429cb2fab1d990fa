#include "cli/crawl_progress.h"

#include <cstdio>
#include <iostream>

#include "common/terminal_text.h"

namespace linkgraph::cli {
namespace {

std::string Fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

}  // namespace

CrawlProgress::CrawlProgress(bool quiet, bool live)
    : quiet_(quiet), live_(live && !quiet), started_(std::chrono::steady_clock::now()) {}

CrawlProgress::~CrawlProgress() { Clear(); }

void CrawlProgress::Clear() {
  if (drawn_) std::cerr << "\r\033[K" << std::flush;
  drawn_ = false;
}

void CrawlProgress::Note(const std::string& line) {
  if (quiet_) return;
  Clear();
  // URLs and reasons come from the sites crawled: shown, never obeyed.
  std::cerr << "linkgraph crawl: " << ForTerminal(line) << '\n';
}

void CrawlProgress::Update(const store::CrawlTotals& totals, size_t queued, int in_flight) {
  if (!live_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(500)) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - started_).count();
  const double rate = seconds > 0 ? static_cast<double>(totals.fetched + totals.not_modified) / seconds : 0;
  std::cerr << "\r\033[K" << totals.fetched << " fetched, " << totals.not_modified
            << " not modified, " << queued << " queued, " << in_flight << " in flight, "
            << Fixed(rate, 1) << " pages/s, " << totals.failed << " errors" << std::flush;
  drawn_ = true;
}

std::string DescribeCrawl(const store::CrawlTotals& totals, double seconds) {
  return std::to_string(totals.fetched) + " fetched, " + std::to_string(totals.not_modified) +
         " not modified, " + std::to_string(totals.failed) + " failed, " +
         std::to_string(totals.skipped) + " skipped, " + std::to_string(totals.new_comments) +
         " new comments, " + std::to_string(totals.new_mentions) + " new mentions, " +
         Fixed(static_cast<double>(totals.bytes) / 1e6, 1) + " MB in " + Fixed(seconds, 1) + " s";
}

}  // namespace linkgraph::cli
