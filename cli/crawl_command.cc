// `linkgraph crawl URL...`: the options made into a pipeline::CrawlConfig,
// one crawl per database (RunLock), progress printed as the crawl tells it,
// SIGINT and SIGTERM as its stop request, and its result as the exit status.
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <iostream>
#include <memory>
#include <string_view>

#include "cli/commands.h"
#include "cli/crawl_progress.h"
#include "cli/page_explain.h"
#include "cli/page_pipeline.h"
#include "cli/run_lock.h"
#include "cli/run_log.h"
#include "cli/stop_signals.h"
#include "common/terminal_text.h"
#include "crawler/crawler.h"
#include "pipeline/crawl.h"

namespace linkgraph::cli {
namespace {

std::string UserAgent(const std::string& contact) {
  std::string agent = "linkgraph/0.1 (+https://github.com/linkgraph/linkgraph";
  if (!contact.empty()) agent += "; " + contact;
  return agent + ")";
}

bool Wants(const CrawlOptions& options, const char* discovery) {
  return std::find(options.discover.begin(), options.discover.end(), discovery) !=
         options.discover.end();
}

crawler::SchedulerOptions SchedulerOptionsFrom(const CrawlOptions& options) {
  crawler::SchedulerOptions scheduler;
  scheduler.fetch.user_agent = UserAgent(options.contact);
  scheduler.fetch.connect_timeout_ms =
      static_cast<long>(std::min(options.connect_timeout_seconds, options.timeout_seconds) * 1000);
  scheduler.fetch.total_timeout_ms = static_cast<long>(options.timeout_seconds * 1000);
  scheduler.fetch.max_body_bytes = options.max_body_bytes;
  scheduler.concurrency = options.concurrency;
  scheduler.per_host = options.per_host;
  scheduler.delay_seconds = options.delay_seconds;
  scheduler.retries = options.retries;
  scheduler.backoff_seconds = options.backoff_seconds;
  scheduler.allow_private = options.allow_private;
  return scheduler;
}

crawler::FrontierLimits FrontierLimitsFrom(const CrawlOptions& options) {
  crawler::FrontierLimits limits;
  limits.max_pages = options.max_pages;
  limits.max_depth = options.max_depth;
  limits.max_sitemaps = options.max_sitemaps;
  limits.max_sitemap_nesting = options.max_sitemap_depth;
  limits.max_feeds = options.max_feeds;
  limits.max_comment_pages = options.max_comment_pages;
  limits.max_comment_pages_per_post = options.max_comment_pages_per_post;
  limits.max_queued_urls = options.max_queued_urls;
  limits.max_queued_per_host = options.max_queued_per_host;
  return limits;
}

pipeline::CrawlConfig ConfigFrom(const CrawlOptions& options, crawler::ScopeKind scope,
                                 std::vector<std::string> seeds) {
  pipeline::CrawlConfig config;
  config.seeds = std::move(seeds);
  config.scope = scope;
  config.limits = FrontierLimitsFrom(options);
  config.fetch = SchedulerOptionsFrom(options);
  config.max_links_per_page = options.max_links_per_page;
  config.max_total_bytes = options.max_total_bytes;
  config.recrawl_after_seconds = options.recrawl_after_seconds;
  config.discover_sitemaps = Wants(options, "sitemaps");
  config.discover_feeds = Wants(options, "feeds");
  config.discover_comments = Wants(options, "comments");
  config.derive_graph = !options.no_graph;
  config.lease_seconds = options.lease_seconds;
  config.worker_name = options.worker_name;
  return config;
}

// The progress printer, which also remembers whether the crawl got as far
// as being open in the store: an error after that leaves it resumable.
// With --explain, a line per URL on stdout.
class CrawlPrinter : public CrawlProgress {
 public:
  CrawlPrinter(const CrawlOptions& options, bool live)
      : CrawlProgress(store::LocationForMessages(options.database), SettingsOf(options, live)),
        explain_(options.explain) {}
  void OnStarted(const pipeline::CrawlStart& start) override {
    started_ = true;
    CrawlProgress::OnStarted(start);
  }
  void OnUrlDone(const store::CrawledUrl& url) override {
    CrawlProgress::OnUrlDone(url);
    if (!explain_) return;
    Clear();
    // URLs, titles and names come from the sites: shown, never obeyed.
    std::cout << ForTerminal(ExplainUrl(url)) << '\n';
  }
  bool started() const { return started_; }

 private:
  static ProgressSettings SettingsOf(const CrawlOptions& options, bool live) {
    ProgressSettings settings;
    settings.quiet = options.quiet;
    settings.verbose = options.logging.verbose;
    settings.live = live;
    settings.every = std::chrono::seconds(options.logging.progress_every_seconds);
    return settings;
  }
  static std::string ExplainUrl(const store::CrawledUrl& url) {
    if (url.page) return ExplainPage(url.url, *url.page, "the page is not read again");
    return url.url + ": " + url.outcome + (url.detail.empty() ? "" : " (" + url.detail + ")");
  }

  bool explain_;
  bool started_ = false;
};

int Usage(const std::string& message) {
  std::cerr << "linkgraph crawl: " << message << '\n';
  return kExitUsage;
}

// The run's one summary line, on stdout, and the status it ends with.
int Summarize(const CrawlOptions& options, int status, const std::string& detail) {
  return PrintSummary("crawl", store::LocationForMessages(options.database), status, detail);
}

// A crawl that fetched pages and found a post in none of them did nothing
// a report can show: said plainly. Not judged for a resumed crawl or one of
// several workers (this run saw only a part).
bool FoundNoPost(const pipeline::CrawlResult& result, bool shared) {
  const store::CrawlTotals& totals = result.totals;
  if (result.start.resumed || shared || result.pages_with_posts > 0) return false;
  const long long pages = totals.fetched + totals.failed + totals.skipped;
  if (pages == 0) return false;
  std::cerr << "linkgraph crawl: no post stored: none of the " << pages
            << " URLs dealt with held a post (see 'linkgraph report pages --failed')\n";
  return true;
}

int ExitStatusOf(pipeline::CrawlOutcome outcome) {
  switch (outcome) {
    case pipeline::CrawlOutcome::kOk:
      return kExitOk;
    case pipeline::CrawlOutcome::kPartial:
      return kExitPartial;
    case pipeline::CrawlOutcome::kFailed:
    case pipeline::CrawlOutcome::kStopped:
      return kExitFailure;
  }
  return kExitFailure;
}

// A crawl that ended (not stopped, no error): the graph step told, then
// the summary.
int EndOfCrawl(const pipeline::CrawlResult& result, const CrawlOptions& options, bool shared) {
  int status = ExitStatusOf(result.outcome);
  std::string detail = "crawl #" + std::to_string(result.start.crawl_id) + ": ";
  // One summary line per worker; the graph is the finishing worker's.
  if (result.finished_elsewhere) detail += "finished by another worker, which derives the graph; ";
  detail += DescribeCrawl(result.totals, result.seconds);
  if (result.graph_error) {
    ReportGraphUpdate(*result.graph_error, options.quiet, "crawl");
    detail += "; people and edges not derived (see above)";
    status = kExitFailure;
  } else if (!options.no_graph) {
    ReportGraphUpdate(result.graph, options.quiet, "crawl");
  }
  FoundNoPost(result, shared);
  return Summarize(options, status, detail);
}

// A crawl ended by SIGINT or SIGTERM: 128 + the signal, after its summary.
int EndOfStoppedCrawl(const pipeline::CrawlResult& result, const CrawlOptions& options,
                      const StopOnSignals& stop) {
  const char* by = stop.signal() == SIGTERM  ? " (SIGTERM)"
                   : stop.signal() == SIGINT ? " (SIGINT)"
                                             : "";
  return Summarize(options, stop.signal() != 0 ? stop.ExitStatus() : kExitFailure,
                   "crawl #" + std::to_string(result.start.crawl_id) + ": " +
                       DescribeCrawl(result.totals, result.seconds) + by +
                       "; run the same command to resume");
}

}  // namespace

int RunCrawl(const CrawlOptions& options) {
  // Opened first, so that what follows is in it; closed last.
  Result<std::unique_ptr<RunLog>> log = RunLog::Open(options.logging.log_file);
  if (!log) return Usage(log.error().message);
  const std::optional<crawler::ScopeKind> scope = crawler::ParseScopeKind(options.scope);
  if (!scope) return Usage("--scope must be host, site or list, not \"" + options.scope + "\"");
  if (options.seeds.empty()) return Usage("no seed URLs (give them, or urls = [...] in --config)");
  Result<std::vector<std::string>> seeds = pipeline::CanonicalSeeds(options.seeds);
  if (!seeds) return Usage(seeds.error().message);

  Result<RunLock> lock = RunLock::Acquire(options.database, options.lock_timeout_seconds);
  if (!lock) {
    std::cerr << "linkgraph crawl: " << lock.error().message << '\n';
    return Summarize(options, ExitStatusOfLockFailure(lock.error()), lock.error().message);
  }
  auto store = OpenStoreToWrite(options.database);
  if (!store.ok()) {
    std::cerr << "linkgraph crawl: " << store.error().message << '\n';
    return Summarize(options, kExitFailure, store.error().message);
  }
  const pipeline::CrawlConfig config = ConfigFrom(options, *scope, std::move(*seeds));
  CrawlPrinter printer(options, isatty(STDERR_FILENO) == 1);
  StopOnSignals stop;
  Result<pipeline::CrawlResult> crawled = pipeline::Crawl(config, **store, printer, stop.token());
  printer.Clear();
  if (!crawled) {
    std::string message = crawled.error().message;
    if (printer.started()) {
      message += " (what was recorded before is kept; run the same command to resume)";
    }
    std::cerr << "linkgraph crawl: " << ForTerminal(message) << '\n';
    return Summarize(options, kExitFailure, message);
  }
  if (crawled->outcome == pipeline::CrawlOutcome::kStopped) {
    return EndOfStoppedCrawl(*crawled, options, stop);
  }
  return EndOfCrawl(*crawled, options, (*store)->SharesCrawls());
}

}  // namespace linkgraph::cli
