#include "cli/crawl_progress.h"

#include <algorithm>
#include <iostream>
#include <utility>

#include "cli/page_explain.h"
#include "cli/run_log.h"
#include "common/terminal_text.h"
#include "store/store.h"

namespace linkgraph::cli {
namespace {

std::string Counted(size_t count, const char* one, const char* many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

}  // namespace

CrawlProgress::CrawlProgress(std::string database, const ProgressSettings& settings,
                             const Clock& clock)
    : database_(std::move(database)),
      settings_(settings),
      clock_(clock),
      meter_(clock.Steady(), settings.every) {
  settings_.live = settings.live && !settings.quiet;
}

CrawlProgress::~CrawlProgress() { Clear(); }

void CrawlProgress::Clear() {
  if (drawn_) TerminalOnly() << "\r\033[K" << std::flush;
  drawn_ = false;
}

void CrawlProgress::OnStarted(const pipeline::CrawlStart& start) {
  if (!start.resumed || settings_.quiet) return;
  std::cerr << "linkgraph crawl: resuming the unfinished crawl #" << start.crawl_id << " ("
            << start.done << " URLs done, " << start.queued << " queued)\n";
}

void CrawlProgress::OnUrlProblem(const std::string& url, const std::string& why) {
  // -v's line for the URL (OnUrlDone) says why too.
  if (settings_.quiet || settings_.verbose) return;
  Clear();
  // URLs and reasons come from the sites crawled: shown, never obeyed.
  std::cerr << "linkgraph crawl: " << ForTerminal(url + ": " + why) << '\n';
}

void CrawlProgress::OnUrlDone(const store::CrawledUrl& url) {
  if (!settings_.verbose) return;
  Clear();
  std::cerr << "linkgraph crawl: " << ForTerminal(DescribeCrawledUrl(url)) << '\n';
}

void CrawlProgress::OnProgress(const store::CrawlTotals& totals, size_t waiting, int in_flight) {
  if (settings_.quiet) return;
  const auto now = clock_.Steady();
  meter_.Observe({totals.fetched + totals.not_modified, totals.failed,
                  static_cast<long long>(waiting), in_flight},
                 now);
  if (!settings_.live) {
    if (std::optional<std::string> line = meter_.TakePeriodicLine()) {
      std::cerr << Iso8601Utc(clock_.Wall()) << " linkgraph crawl: " << *line << " (" << database_
                << ")\n";
    }
    return;
  }
  if (now - last_draw_ < std::chrono::milliseconds(500)) return;
  last_draw_ = now;
  TerminalOnly() << "\r\033[K" << meter_.LiveLine() << std::flush;
  drawn_ = true;
}

void CrawlProgress::OnFinished(const pipeline::CrawlResult& result) {
  Clear();
  for (const auto& [why, count] : result.limit_refusals) {
    std::cerr << "linkgraph crawl: " << why << ": " << count << " URLs not queued or fetched\n";
  }
  const store::CrawlTotals& totals = result.totals;
  if (!settings_.quiet) {
    std::cout << "crawled " << totals.fetched + totals.not_modified + totals.failed << " pages ("
              << totals.failed << " failed, " << totals.skipped << " skipped) into " << database_
              << ": " << pipeline::DescribeOutcome(result.saved) << '\n';
  }
}

std::string DescribeCrawl(const store::CrawlTotals& totals, double seconds) {
  return std::to_string(totals.fetched) + " fetched, " + std::to_string(totals.not_modified) +
         " not modified, " + std::to_string(totals.failed) + " failed, " +
         std::to_string(totals.skipped) + " skipped, " + std::to_string(totals.new_comments) +
         " new comments, " + std::to_string(totals.new_mentions) + " new mentions, " +
         FormatFixed(static_cast<double>(totals.bytes) / 1e6, 1) + " MB in " +
         FormatFixed(seconds, 1) + " s";
}

std::string DescribeCrawledUrl(const store::CrawledUrl& url) {
  std::string line = url.url + ": ";
  if (url.page) {
    const store::PageFetch& fetch = url.page->fetch;
    if (fetch.http_status > 0) line += "HTTP " + std::to_string(fetch.http_status) + " ";
    line += url.outcome + "; " + DescribeSavedPage(*url.page);
  } else {
    line += url.outcome + (url.detail.empty() ? "" : " (" + url.detail + ")");
  }
  if (!url.discovered.empty()) {
    line += "; " + Counted(url.discovered.size(), "URL", "URLs") + " queued";
  }
  return line;
}

}  // namespace linkgraph::cli
