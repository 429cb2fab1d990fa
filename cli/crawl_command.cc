// `linkgraph crawl URL...`: the fetch loop. One thread drives the
// FetchScheduler (libcurl multi) and the store; worker threads extract the
// fetched bodies. Every finished URL is recorded with its page and the links
// it revealed in one transaction, a batch at a time, so a crawl killed at
// any moment resumes from the store when the same command runs again.
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <map>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "cli/commands.h"
#include "cli/crawl_parse.h"
#include "cli/crawl_progress.h"
#include "cli/page_pipeline.h"
#include "cli/run_lock.h"
#include "cli/work_pool.h"
#include "common/ascii.h"
#include "common/terminal_text.h"
#include "common/url_text.h"
#include "crawler/crawler.h"

namespace linkgraph::cli {
namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kBatchUrls = 50;
constexpr auto kBatchInterval = std::chrono::milliseconds(500);
constexpr int kMaxRedirectHops = 5;
constexpr long long kBatchesBetweenTrims = 20;

std::atomic<bool> g_stop_requested{false};

extern "C" void OnStopSignal(int) { g_stop_requested = true; }

// "http://host:8080/a" -> "http://host:8080/robots.txt" for a canonical web
// URL; "/robots.txt", as recorded before, for a file URL.
std::string RobotsUrlOf(const std::string& canonical_url) {
  return IsHttpUrl(canonical_url) ? SiteRootOf(canonical_url) + "robots.txt" : "/robots.txt";
}

std::string UserAgent(const std::string& contact) {
  std::string agent = "linkgraph/0.1 (+https://github.com/linkgraph/linkgraph";
  if (!contact.empty()) agent += "; " + contact;
  return agent + ")";
}

crawler::ContentKind AcceptFor(const std::string& kind) {
  if (kind == "sitemap" || kind == "feed") return crawler::ContentKind::kXml;
  if (kind == "comments") return crawler::ContentKind::kJson;
  return crawler::ContentKind::kHtml;
}

// A seed's redirect target as the crawl stores it: a page at a seed's depth
// (0) found via another URL. Only a redirect from a depth-0 page queues one;
// links, feeds and sitemaps' pages are one hop deeper, and robots.txt's
// sitemaps are not pages.
bool IsMovedSeed(const store::QueuedUrl& url) {
  return url.kind == "page" && url.depth == 0 && !url.via.empty();
}

bool Wants(const CrawlOptions& options, const char* discovery) {
  return std::find(options.discover.begin(), options.discover.end(), discovery) !=
         options.discover.end();
}

class CrawlSession {
 public:
  CrawlSession(const CrawlOptions& options, store::Store& store, crawler::Frontier frontier,
               std::vector<std::string> seeds)
      : options_(options),
        store_(store),
        frontier_(std::move(frontier)),
        seeds_(std::move(seeds)),
        scheduler_(SchedulerOptionsFrom(options)),
        progress_(options.quiet, isatty(STDERR_FILENO) == 1),
        pool_(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())),
              [](FetchedBody& body) { return ReadFetchedBody(body); },
              [this] { scheduler_.Wakeup(); }),
        writer_(
            1, [this](Batch& batch) { return store_.RecordCrawled(crawl_id_, batch.urls, batch.totals); },
            [this] { scheduler_.Wakeup(); }) {
    // Only the seeds as given may be private: a redirect or a link to
    // another private host:port must pass the address guard like any link.
    for (const std::string& seed : seeds_) {
      const std::string host = crawler::HostKeyOf(seed);
      if (!host.empty()) seed_hosts_.insert(host);
    }
  }

  int Run();

 private:
  static crawler::SchedulerOptions SchedulerOptionsFrom(const CrawlOptions& options) {
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

 public:
  Status Open();

 private:
  void Feed();
  void Handle(crawler::FetchResult result);
  void HandleRead(ReadBody read);
  // Queues url (or retypes it) and lists it in *queued; false with *refusal
  // set ("" when known already) when the frontier did not.
  bool Offer(const std::string& url, const std::string& kind, int depth, const std::string& via,
             std::vector<store::QueuedUrl>* queued, std::string* refusal = nullptr);
  // Offers what a body revealed, within --max-links-per-page, and notes on
  // *crawled how many links a limit refused, and which.
  void OfferLinks(const crawler::FrontierEntry& entry, const std::vector<Discovered>& links,
                  store::CrawledUrl* crawled);
  void ReportLimits() const;
  void Record(store::CrawledUrl crawled);
  void Flush();
  void TakeRecorded();
  void WaitForWriter();
  bool Done() const;
  // `outcome` is the outcome's name (OutcomeName).
  void Fail(store::CrawledUrl* crawled, const std::string& outcome, const std::string& why,
            bool counts_as_failure);

  const CrawlOptions& options_;
  store::Store& store_;
  crawler::Frontier frontier_;
  std::vector<std::string> seeds_;
  std::unordered_set<std::string> seed_hosts_;  // HostKeyOf the seeds: may be private
  crawler::FetchScheduler scheduler_;
  CrawlProgress progress_;
  WorkPool<FetchedBody, ReadBody> pool_;
  // The store's one user while the crawl runs: batches are recorded in the
  // order given, beside the fetching and the extraction.
  struct Batch {
    std::vector<store::CrawledUrl> urls;
    store::CrawlTotals totals;
  };
  WorkPool<Batch, Result<store::SaveOutcome>> writer_;

  long long crawl_id_ = 0;
  store::CrawlTotals totals_;
  store::SaveOutcome saved_;
  std::unordered_map<std::string, store::PageFetch> stored_;  // pages stored before this run
  std::unordered_map<long long, crawler::FrontierEntry> in_flight_;
  long long next_tag_ = 1;
  std::unordered_map<std::string, int> redirect_hops_;
  std::vector<store::CrawledUrl> batch_;
  long long batches_recorded_ = 0;
  Clock::time_point last_flush_ = Clock::now();
  Status failure_;
  bool resumed_ = false;
  // The crawl's own limits that stopped discovery (the frontier counts its own).
  std::map<std::string, long long> limit_refusals_;
  bool bytes_exhausted_ = false;  // --max-total-bytes reached: nothing more is fetched
};

Status CrawlSession::Open() {
  Result<std::vector<store::PageFetch>> pages = store_.PageFetches();
  if (!pages) return pages.error();
  for (store::PageFetch& page : *pages) stored_.emplace(page.url, std::move(page));

  std::string key = "scope=" + options_.scope;
  std::vector<std::string> sorted = seeds_;
  std::sort(sorted.begin(), sorted.end());
  for (const std::string& seed : sorted) key += " " + seed;

  // A new crawl starts from the seeds and the stored pages in scope that
  // are due; pages fetched more recently than --recrawl-after are left alone.
  std::vector<store::QueuedUrl> initial;
  for (const std::string& seed : seeds_) initial.push_back({seed, "page", 0, ""});
  const std::string due_before = pipeline::IsoUtcSecondsAgo(options_.recrawl_after_seconds);
  std::unordered_set<std::string> seed_set(seeds_.begin(), seeds_.end());
  for (const auto& [url, page] : stored_) {
    if (seed_set.count(url) > 0 || !frontier_.Scope().Contains(url)) continue;
    if (page.fetched_at <= due_before) initial.push_back({url, "page", 1, "recrawl"});
  }
  Result<store::CrawlRun> run = store_.OpenCrawl(key, initial, pipeline::NowIso8601Utc());
  if (!run) return run.error();
  crawl_id_ = run->id;
  resumed_ = run->resumed;
  totals_ = run->totals;

  Result<std::vector<store::Store::CrawlUrl>> urls = store_.CrawlUrls(crawl_id_);
  if (!urls) return urls.error();
  for (store::Store::CrawlUrl& url : *urls) {
    if (IsMovedSeed(url.url)) frontier_.Scope().AddSeed(url.url.url);
    frontier_.Restore({url.url.url, url.url.kind, url.url.depth, url.url.via}, url.done);
  }
  // Stored pages that are not due count as seen: linked again, not fetched.
  for (const auto& [url, page] : stored_) {
    if (page.fetched_at > due_before) frontier_.MarkSeen(url);
  }
  if (resumed_ && !options_.quiet) {
    std::cerr << "linkgraph crawl: resuming the unfinished crawl #" << crawl_id_ << " ("
              << run->done << " URLs done, " << run->queued << " queued)\n";
  }
  return {};
}

void CrawlSession::Feed() {
  const size_t workers = std::max(1u, std::thread::hardware_concurrency());
  const size_t want_waiting = static_cast<size_t>(std::max(16, options_.concurrency * 4));
  crawler::FrontierEntry entry;
  // The writer falling behind holds back fetching, so memory stays bounded:
  // extracted pages wait in batches, and each batch holds their texts.
  if (writer_.Unfinished() >= 2 || bytes_exhausted_) return;
  if (totals_.bytes >= options_.max_total_bytes) {
    // What is still queued stays in the store; the crawl ends normally.
    bytes_exhausted_ = true;
    limit_refusals_["byte limit: body bytes fetched reached " +
                    std::to_string(options_.max_total_bytes) + " (--max-total-bytes)"] +=
        static_cast<long long>(frontier_.Queued());
    return;
  }
  while (scheduler_.Waiting() < want_waiting && pool_.Unfinished() < workers * 8 &&
         frontier_.Next(&entry)) {
    crawler::FetchRequest request;
    request.url = entry.url;
    request.accept = AcceptFor(entry.kind);
    request.allow_private = seed_hosts_.count(crawler::HostKeyOf(entry.url)) > 0;
    if (auto stored = stored_.find(entry.url);
        stored != stored_.end() && stored->second.status == "ok") {
      request.etag = stored->second.etag;
      request.last_modified = stored->second.last_modified;
    }
    request.tag = static_cast<uint64_t>(next_tag_);
    in_flight_.emplace(next_tag_++, std::move(entry));
    scheduler_.Add(std::move(request));
  }
}

void CrawlSession::Fail(store::CrawledUrl* crawled, const std::string& outcome,
                        const std::string& why, bool counts_as_failure) {
  crawled->outcome = outcome;
  crawled->detail = why;
  if (counts_as_failure) {
    ++totals_.failed;
    progress_.Note(crawled->url + ": " + why);
  } else {
    ++totals_.skipped;
  }
}

void CrawlSession::Handle(crawler::FetchResult result) {
  auto found = in_flight_.find(static_cast<long long>(result.request.tag));
  if (found == in_flight_.end()) return;
  crawler::FrontierEntry entry = std::move(found->second);
  in_flight_.erase(found);
  totals_.bytes += static_cast<long long>(result.response.body.size());

  store::CrawledUrl crawled;
  crawled.url = entry.url;
  using crawler::FetchOutcome;
  switch (result.outcome) {
    case FetchOutcome::kOk: {
      ++totals_.fetched;
      FetchedBody body;
      if (auto stored = stored_.find(entry.url); stored != stored_.end()) {
        body.previous = stored->second;
      }
      body.want_feeds = Wants(options_, "feeds") && entry.depth == 0;
      body.want_comments_api = Wants(options_, "comments");
      body.entry = std::move(entry);
      body.result = std::move(result);
      pool_.Submit(std::move(body));
      return;
    }
    case FetchOutcome::kNotModified: {
      ++totals_.not_modified;
      crawled.outcome = OutcomeName(UrlOutcome::kNotModified);
      if (auto stored = stored_.find(entry.url); stored != stored_.end()) {
        store::PageToSave page = pipeline::RefreshedPage(stored->second);
        if (!result.response.etag.empty()) page.fetch.etag = result.response.etag;
        if (!result.response.last_modified.empty()) {
          page.fetch.last_modified = result.response.last_modified;
        }
        crawled.page = std::move(page);
      }
      break;
    }
    case FetchOutcome::kRedirect: {
      const int hops = redirect_hops_[entry.url] + 1;
      crawled.outcome = OutcomeName(UrlOutcome::kRedirected);
      crawled.detail = result.location;
      crawled.redirects.push_back({entry.url, result.location, result.response.http_status});
      if (hops > kMaxRedirectHops) {
        Fail(&crawled, OutcomeName(UrlOutcome::kRedirectLimit),
             "more than " + std::to_string(kMaxRedirectHops) + " redirects in a row", true);
        break;
      }
      if (!IsHttpUrl(result.location) && IsHttpUrl(entry.url)) {
        // A web server must not send the crawler to read local files.
        crawled.detail += " (not followed: a web page may only redirect to http or https)";
        break;
      }
      // A seed, or a seed's earlier move (http -> https -> www).
      const bool is_seed = entry.kind == "page" && entry.depth == 0;
      std::string refusal;
      auto target = frontier_.Offer(result.location, entry.kind, entry.depth, entry.url, &refusal);
      if (!target && is_seed && refusal == "out of scope") {
        // A seed that moved (http -> https, a new domain): its new home joins
        // the scope, but not the hosts that may be private. Queued as the
        // seed was, with the seed as its via (IsMovedSeed), and recorded with
        // the redirect, so a resumed crawl restores the scope it added.
        if (auto canonical = crawler::CanonicalizeUrl(result.location)) {
          frontier_.Scope().AddSeed(*canonical);
          target = frontier_.Offer(*canonical, entry.kind, entry.depth, entry.url, &refusal);
        }
      }
      if (target) {
        redirect_hops_[target->url] = hops;
        crawled.discovered.push_back({target->url, target->kind, target->depth, target->via});
      } else if (!refusal.empty()) {
        crawled.detail += " (not followed: " + refusal + ")";
      }
      break;
    }
    case FetchOutcome::kHttpError:
    case FetchOutcome::kNetworkError:
    case FetchOutcome::kTooLarge:
    case FetchOutcome::kWrongType: {
      // A type refused is no failure of the crawl; the page's record still
      // says why it holds nothing.
      const UrlOutcome outcome = crawler::AsUrlOutcome(result.outcome);
      const int status =
          result.outcome == FetchOutcome::kHttpError || result.outcome == FetchOutcome::kWrongType
              ? result.response.http_status
              : 0;
      Fail(&crawled, OutcomeName(outcome, status), result.error, outcome != UrlOutcome::kNotHtml);
      if (entry.kind == "page") {
        crawled.page = pipeline::FailedPage(entry.url, outcome, result.error, status);
      }
      break;
    }
    case FetchOutcome::kDisallowed:
    case FetchOutcome::kBlocked:
      Fail(&crawled, crawler::ToString(result.outcome), result.error, false);
      progress_.Note(entry.url + ": " + result.error);
      break;
  }
  Record(std::move(crawled));
}

bool CrawlSession::Offer(const std::string& url, const std::string& kind, int depth,
                         const std::string& via, std::vector<store::QueuedUrl>* queued,
                         std::string* refusal) {
  auto entry = frontier_.Offer(url, kind, depth, via, refusal);
  if (entry) queued->push_back({entry->url, entry->kind, entry->depth, entry->via});
  return entry.has_value();
}

void CrawlSession::HandleRead(ReadBody read) {
  const crawler::FrontierEntry& entry = read.entry;
  if (read.crawled.outcome != OutcomeName(UrlOutcome::kOk)) {
    Fail(&read.crawled, read.crawled.outcome, read.crawled.detail, true);
  }
  // rel=canonical: the page's own name for itself is not fetched again.
  if (read.crawled.page && read.crawled.page->extracted) {
    const std::string& canonical = read.crawled.page->extracted->canonical_url;
    if (!canonical.empty() && canonical != entry.url) {
      if (auto normal = crawler::CanonicalizeUrl(canonical)) frontier_.MarkSeen(*normal);
    }
  }
  OfferLinks(entry, read.links, &read.crawled);
  Record(std::move(read.crawled));
}

void CrawlSession::OfferLinks(const crawler::FrontierEntry& entry,
                              const std::vector<Discovered>& links, store::CrawledUrl* crawled) {
  const long long limited_before = frontier_.LimitRefusalCount();
  std::string limit;  // the last limit that refused one of these links
  int pages_taken = 0;
  long long pages_left = 0;
  for (const Discovered& link : links) {
    // A link flood costs memory and store by the links queued, so only the
    // first links of a page are taken: those queued now or known already.
    // Sitemaps and feeds list a site's pages by design: --max-pages bounds them.
    if (entry.kind == "page" && link.kind == "page" &&
        pages_taken >= options_.max_links_per_page) {
      ++pages_left;
      continue;
    }
    // A sitemap index's sitemaps are as deep as the index (their nesting is
    // bounded on its own); everything else is one hop further than where it
    // was found.
    const int depth =
        entry.kind == "sitemap" && link.kind == "sitemap" ? entry.depth : entry.depth + 1;
    const std::string& via = link.kind == "comments" ? link.via : entry.url;
    const long long limited = frontier_.LimitRefusalCount();
    std::string refusal;
    const bool queued = Offer(link.url, link.kind, depth, via, &crawled->discovered, &refusal);
    if (link.kind == "page" && (queued || refusal.empty())) ++pages_taken;
    if (frontier_.LimitRefusalCount() > limited) limit = std::move(refusal);
  }
  if (pages_left > 0) {
    limit = "link limit: links taken from one page reached " +
            std::to_string(options_.max_links_per_page) + " (--max-links-per-page)";
    limit_refusals_[limit] += pages_left;
  }
  const long long refused = frontier_.LimitRefusalCount() - limited_before + pages_left;
  if (refused > 0) {
    // Recorded with the URL, so that the store says where discovery stopped and why.
    std::string& detail = crawled->detail;
    detail += (detail.empty() ? "" : "; ") + std::to_string(refused) + " links not queued: " + limit;
  }
}

void CrawlSession::Record(store::CrawledUrl crawled) {
  batch_.push_back(std::move(crawled));
  if (batch_.size() >= kBatchUrls || Clock::now() - last_flush_ >= kBatchInterval) Flush();
}

void CrawlSession::Flush() {
  last_flush_ = Clock::now();
  if (batch_.empty()) return;
  writer_.Submit(Batch{std::move(batch_), totals_});
  batch_.clear();
}

void CrawlSession::TakeRecorded() {
  for (Result<store::SaveOutcome>& saved : writer_.TakeDone()) {
    if (!saved) {
      if (failure_) failure_ = saved.error();
      continue;
    }
    pipeline::AddOutcome(*saved, &saved_);
    // Pages are built on the extraction threads and freed on this one;
    // glibc keeps the freed pieces in each thread's arena. Handing them back
    // now and then keeps a long crawl at the size of a short one (8,000
    // posts: 46 MB peak without, 41 MB with).
    if (++batches_recorded_ % kBatchesBetweenTrims == 0) malloc_trim(0);
    totals_.new_comments += saved->comments_new;
    totals_.new_mentions += saved->mentions_new;
  }
}

void CrawlSession::WaitForWriter() {
  while (writer_.Unfinished() > 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    TakeRecorded();
  }
}

bool CrawlSession::Done() const {
  return in_flight_.empty() && pool_.Unfinished() == 0 &&
         (frontier_.Queued() == 0 || bytes_exhausted_);
}

void CrawlSession::ReportLimits() const {
  std::map<std::string, long long> limits = frontier_.LimitRefusals();
  for (const auto& [why, count] : limit_refusals_) limits[why] += count;
  for (const auto& [why, count] : limits) {
    std::cerr << "linkgraph crawl: " << why << ": " << count << " URLs not queued or fetched\n";
  }
}

int CrawlSession::Run() {
  if (Status ready = scheduler_.Ready(); !ready) {
    std::cerr << "linkgraph crawl: " << ForTerminal(ready.error().message) << '\n';
    return kExitFailure;
  }
  const Clock::time_point started = Clock::now();
  while (!g_stop_requested && failure_) {
    // Extractions first: the links they bring are fed in this same turn.
    for (ReadBody& read : pool_.TakeDone()) HandleRead(std::move(read));
    TakeRecorded();
    Feed();
    if (Wants(options_, "sitemaps")) {
      std::vector<store::QueuedUrl> queued;
      for (const std::string& sitemap : scheduler_.TakeRobotsSitemaps()) {
        Offer(sitemap, "sitemap", 0, "robots.txt", &queued);
      }
      if (!queued.empty()) {
        store::CrawledUrl note;  // robots.txt is not a crawl URL; only its sitemaps are queued
        note.url = RobotsUrlOf(queued.front().url);
        note.outcome = OutcomeName(UrlOutcome::kOk);
        note.discovered = std::move(queued);
        Record(std::move(note));
      }
    }
    if (Done()) break;
    for (crawler::FetchResult& result : scheduler_.Poll(std::chrono::milliseconds(100))) {
      Handle(std::move(result));
    }
    const crawler::SchedulerStats stats = scheduler_.Stats();
    progress_.Update(totals_, frontier_.Queued() + stats.waiting, stats.in_flight);
  }
  Flush();
  WaitForWriter();
  progress_.Clear();
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  if (!failure_) {
    std::cerr << "linkgraph crawl: " << ForTerminal(failure_.error().message)
              << " (what was recorded before is kept; run the same command to resume)\n";
    return kExitFailure;
  }
  if (g_stop_requested) {
    std::cerr << "linkgraph crawl: interrupted after " << DescribeCrawl(totals_, seconds)
              << "; run the same command to resume\n";
    return kExitFailure;
  }
  const bool nothing =
      totals_.fetched + totals_.not_modified == 0 && totals_.failed + totals_.skipped > 0;
  const std::string outcome = nothing ? "failed" : totals_.failed > 0 ? "partial" : "ok";
  if (Status finished = store_.FinishCrawl(crawl_id_, outcome, totals_, pipeline::NowIso8601Utc());
      !finished) {
    std::cerr << "linkgraph crawl: " << ForTerminal(finished.error().message) << '\n';
    return kExitFailure;
  }
  ReportLimits();
  if (options_.quiet) {
    std::cout << "crawl " << outcome << ": " << DescribeCrawl(totals_, seconds) << '\n';
  } else {
    std::cout << "crawled " << totals_.fetched + totals_.not_modified + totals_.failed << " pages ("
              << totals_.failed << " failed, " << totals_.skipped << " skipped) into "
              << options_.database << ": " << pipeline::DescribeOutcome(saved_) << '\n';
    std::cout << "crawl " << outcome << ": " << DescribeCrawl(totals_, seconds) << '\n';
  }
  if (!options_.no_graph && !UpdateGraph(store_, saved_, options_.quiet, "crawl")) return kExitFailure;
  if (nothing) return kExitFailure;
  return totals_.failed > 0 ? kExitPartial : kExitOk;
}

int Usage(const std::string& message) {
  std::cerr << "linkgraph crawl: " << message << '\n';
  return kExitUsage;
}

}  // namespace

int RunCrawl(const CrawlOptions& options) {
  const std::optional<crawler::ScopeKind> scope_kind = crawler::ParseScopeKind(options.scope);
  if (!scope_kind) return Usage("--scope must be host, site or list, not \"" + options.scope + "\"");
  if (options.seeds.empty()) return Usage("no seed URLs (give them, or urls = [...] in --config)");
  std::vector<std::string> seeds;
  for (const std::string& seed : options.seeds) {
    std::optional<std::string> canonical = crawler::CanonicalizeUrl(seed);
    if (!canonical) {
      return Usage("\"" + seed + "\" is not an http(s) or file URL");
    }
    if (std::find(seeds.begin(), seeds.end(), *canonical) == seeds.end()) seeds.push_back(*canonical);
  }

  Result<RunLock> lock = RunLock::Acquire(options.database, options.lock_timeout_seconds);
  if (!lock) {
    std::cerr << "linkgraph crawl: " << lock.error().message << '\n';
    return kExitFailure;
  }
  auto store = OpenStoreToWrite(options.database);
  if (!store.ok()) {
    std::cerr << "linkgraph crawl: " << store.error().message << '\n';
    return kExitFailure;
  }
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
  crawler::Frontier frontier(crawler::CrawlScope(*scope_kind, seeds), limits);

  g_stop_requested = false;
  std::signal(SIGINT, OnStopSignal);
  std::signal(SIGTERM, OnStopSignal);
  CrawlSession session(options, **store, std::move(frontier), seeds);
  if (Status opened = session.Open(); !opened) {
    std::cerr << "linkgraph crawl: " << opened.error().message << '\n';
    return kExitFailure;
  }
  const int status = session.Run();
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  return status;
}

}  // namespace linkgraph::cli
