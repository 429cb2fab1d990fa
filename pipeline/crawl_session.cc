// The fetch loop of a crawl (crawl_session.h). Every finished URL is recorded
// with its page and the links it revealed in one transaction, a batch at a
// time, so a crawl killed at any moment resumes from the store.
#include "pipeline/crawl_session.h"

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <random>
#include <thread>

#include "common/url_text.h"

namespace linkgraph::pipeline {
namespace {

constexpr int kMaxRedirectHops = 5;
constexpr long long kBatchesBetweenTrims = 20;

// "http://host:8080/a" -> "http://host:8080/robots.txt" for a canonical web
// URL; "/robots.txt", as recorded before, for a file URL.
std::string RobotsUrlOf(const std::string& canonical_url) {
  return IsHttpUrl(canonical_url) ? SiteRootOf(canonical_url) + "robots.txt" : "/robots.txt";
}

crawler::ContentKind AcceptFor(UrlKind kind) {
  switch (kind) {
    case UrlKind::kSitemap:
    case UrlKind::kFeed:
      return crawler::ContentKind::kXml;
    case UrlKind::kComments:
      return crawler::ContentKind::kJson;
    case UrlKind::kPage:
      break;
  }
  return crawler::ContentKind::kHtml;
}

// A seed's redirect target as the crawl stores it: a page at a seed's depth
// (0) found via another URL. Only a redirect from a depth-0 page queues one;
// links, feeds and sitemaps' pages are one hop deeper, and robots.txt's
// sitemaps are not pages.
bool IsMovedSeed(const store::QueuedUrl& url) {
  return url.kind == UrlKind::kPage && url.depth == 0 && !url.via.empty();
}

size_t ExtractThreads(const CrawlConfig& config) {
  if (config.extract_threads > 0) return static_cast<size_t>(config.extract_threads);
  return std::max(1u, std::thread::hardware_concurrency());
}

// Queued URLs read from the store at a time when a crawl resumes.
constexpr size_t kRestorePage = 1000;

// Several workers: how long a worker that found nothing to claim waits
// before it asks again.
constexpr std::chrono::milliseconds kClaimPause{250};

// "machine:pid:random": unique among the workers alive at one time.
std::string DefaultWorkerName() {
  char machine[256] = {};
  if (gethostname(machine, sizeof machine - 1) != 0) machine[0] = '\0';
  std::random_device random;
  return std::string(machine[0] != '\0' ? machine : "worker") + ":" + std::to_string(getpid()) +
         ":" + std::to_string(random() % 1000000);
}

store::CrawlQueue::WorkerLease LeaseOf(const CrawlConfig& config) {
  store::CrawlQueue::WorkerLease lease;
  lease.worker = config.worker_name.empty() ? DefaultWorkerName() : config.worker_name;
  lease.lease_seconds = config.lease_seconds;
  lease.host_delay_seconds = config.fetch.delay_seconds;
  // As many hosts as keep the fetcher's transfers busy at its per-host limit.
  const int per_host = std::max(1, config.fetch.per_host);
  lease.max_hosts =
      static_cast<size_t>(std::max(1, (config.fetch.concurrency + per_host - 1) / per_host));
  // A claim hands out what keeps a host busy until the next one.
  lease.urls_per_host = static_cast<size_t>(per_host) * 4;
  return lease;
}

store::CrawlTotals Minus(const store::CrawlTotals& a, const store::CrawlTotals& b) {
  return {a.fetched - b.fetched,
          a.not_modified - b.not_modified,
          a.failed - b.failed,
          a.skipped - b.skipped,
          a.bytes - b.bytes,
          a.new_comments - b.new_comments,
          a.new_mentions - b.new_mentions};
}

}  // namespace

CrawlSession::CrawlSession(const CrawlConfig& config, std::vector<std::string> seeds,
                           store::PageStore& pages, store::CrawlQueue& queue,
                           CrawlObserver& observer, crawler::Fetcher& fetcher, const Clock& clock)
    : config_(config),
      pages_(pages),
      queue_(queue),
      observer_(observer),
      fetcher_(fetcher),
      clock_(clock),
      seeds_(std::move(seeds)),
      frontier_(crawler::CrawlScope(config.scope, seeds_), config.limits),
      extract_threads_(ExtractThreads(config)),
      pool_(
          static_cast<int>(extract_threads_),
          [](FetchedBody& body) { return ReadFetchedBody(body); }, [this] { fetcher_.Wakeup(); }),
      store_thread_(
          1, [this](StoreJob& job) { return DoStoreJob(job); }, [this] { fetcher_.Wakeup(); }),
      last_flush_(clock.Steady()),
      shared_(queue.SharesCrawls()),
      lease_(LeaseOf(config)) {
  // Only the seeds as given may be private: a redirect or a link to
  // another private host:port must pass the address guard like any link.
  for (const std::string& seed : seeds_) {
    const std::string host = crawler::HostKeyOf(seed);
    if (!host.empty()) seed_hosts_.insert(host);
  }
}

std::string CrawlSession::Now() const { return Iso8601Utc(clock_.Wall()); }

Status CrawlSession::Open() {
  std::string key = "scope=" + crawler::ScopeKindName(config_.scope);
  std::vector<std::string> sorted = seeds_;
  std::sort(sorted.begin(), sorted.end());
  for (const std::string& seed : sorted) key += " " + seed;

  // A new crawl starts from the seeds and the stored pages in scope that
  // are due; pages fetched more recently than recrawl_after are left alone.
  std::vector<store::QueuedUrl> initial;
  for (const std::string& seed : seeds_) initial.push_back({seed, UrlKind::kPage, 0, ""});
  const std::string due_before =
      Iso8601Utc(clock_.Wall() - std::chrono::duration_cast<std::chrono::system_clock::duration>(
                                     std::chrono::duration<double>(config_.recrawl_after_seconds)));
  const std::unordered_set<std::string> seed_set(seeds_.begin(), seeds_.end());
  Status read = queue_.EachPageFetch([&](store::PageFetch& page) -> Status {
    if (page.fetched_at <= due_before && seed_set.count(page.url) == 0 &&
        frontier_.Scope().Contains(page.url)) {
      initial.push_back({std::move(page.url), UrlKind::kPage, 1, "recrawl"});
    }
    return {};
  });
  if (!read) return read.error();
  Result<store::CrawlRun> run = queue_.OpenCrawl(key, initial, Now());
  if (!run) return run.error();
  std::vector<store::QueuedUrl>().swap(initial);
  start_ = {run->id, run->resumed, run->done, run->queued};
  // What this crawl adds keeps its start, so `report new` lists a crawl's
  // finds together, whichever worker or resumed run saved them.
  run_started_at_ = run->started_at;
  if (Status noted = pages_.RecordRun({run->started_at, store::RunCommand::kCrawl}); !noted) {
    return noted;
  }
  totals_ = run->totals;
  totals_added_ = run->totals;
  if (Status restored = Restore(); !restored) return restored;
  return MarkFreshPagesSeen(due_before);
}

Status CrawlSession::Restore() {
  const auto restore = [this](store::CrawlQueue::CrawlUrl& url) {
    if (IsMovedSeed(url.url)) frontier_.Scope().AddSeed(url.url.url);
    frontier_.Restore(std::move(url.url), url.done);
  };
  Status done = queue_.EachDoneUrl(start_.crawl_id, [&](store::CrawlQueue::CrawlUrl& url) {
    restore(url);
    return Status{};
  });
  if (!done) return done;
  long long after = 0;
  while (true) {
    Result<std::vector<store::CrawlQueue::CrawlUrl>> queued =
        queue_.QueuedUrls(start_.crawl_id, after, kRestorePage);
    if (!queued) return queued.error();
    if (queued->empty()) return {};
    after = queued->back().position;
    for (store::CrawlQueue::CrawlUrl& url : *queued) restore(url);
  }
}

Status CrawlSession::MarkFreshPagesSeen(const std::string& due_before) {
  return queue_.EachPageFetch([&](store::PageFetch& page) -> Status {
    if (page.fetched_at > due_before) frontier_.MarkSeen(page.url);
    return {};
  });
}

CrawlSession::StoreDone CrawlSession::DoStoreJob(StoreJob& job) {
  StoreDone done;
  if (!job.urls.empty()) {
    done.recorded = true;
    done.saved = queue_.RecordCrawled(start_.crawl_id, job.urls, job.totals);
    done.urls = job.urls.size();
    return done;
  }
  if (job.claim) {
    done.claimed = true;
    if (Status claimed = Claim(*job.claim, &done); !claimed) done.saved = claimed.error();
    return done;
  }
  if (Status found = LookUp(&job.to_fetch); !found) done.saved = found.error();
  done.to_fetch = std::move(job.to_fetch);
  return done;
}

Status CrawlSession::Claim(size_t limit, StoreDone* done) {
  Result<store::CrawlQueue::Claim> claim = queue_.ClaimUrls(start_.crawl_id, lease_, limit);
  if (!claim) return claim.error();
  done->queued_in_crawl = claim->queued;
  for (store::CrawlQueue::CrawlUrl& url : claim->urls) {
    done->to_fetch.push_back({std::move(url.url), std::nullopt});
  }
  return LookUp(&done->to_fetch);
}

Status CrawlSession::LookUp(std::vector<ToFetch>* to_fetch) {
  for (ToFetch& url : *to_fetch) {
    Result<std::optional<store::PageFetch>> stored = pages_.FindPage(url.entry.url);
    if (!stored) return stored.error();
    url.previous = std::move(*stored);
  }
  return {};
}

void CrawlSession::Feed() {
  const size_t want_waiting = static_cast<size_t>(std::max(16, config_.fetch.concurrency * 4));
  // The writer falling behind holds back fetching, so memory stays bounded:
  // extracted pages wait in batches, and each batch holds their texts.
  if (batches_unfinished_ >= 2 || bytes_exhausted_) return;
  if (totals_.bytes >= config_.max_total_bytes) {
    // What is still queued stays in the store; the crawl ends normally.
    bytes_exhausted_ = true;
    limit_refusals_["byte limit: body bytes fetched reached " +
                    std::to_string(config_.max_total_bytes) + " (--max-total-bytes)"] +=
        static_cast<long long>(frontier_.Queued());
    return;
  }
  if (shared_) {
    FeedShared(want_waiting);
    return;
  }
  // The stored records of the URLs handed out are looked up on the store
  // thread, a handful at a time, rather than all held from the start.
  std::vector<ToFetch> to_fetch;
  QueuedUrl entry;
  while (fetcher_.Waiting() + looking_up_ + to_fetch.size() < want_waiting &&
         pool_.Unfinished() < extract_threads_ * 8 && frontier_.Next(&entry)) {
    to_fetch.push_back({std::move(entry), std::nullopt});
  }
  if (to_fetch.empty()) return;
  looking_up_ += to_fetch.size();
  store_thread_.Submit(StoreJob{{}, {}, std::move(to_fetch), std::nullopt});
}

void CrawlSession::FeedShared(size_t want_waiting) {
  if (claiming_) return;
  const auto now = clock_.Steady();
  const size_t have = fetcher_.Waiting() + looking_up_ + looked_up_.size();
  const bool room = have < want_waiting && pool_.Unfinished() < extract_threads_ * 8;
  // A worker that found nothing waits a little before asking again,
  // rather than asking at every turn.
  const bool paused = last_claim_size_ == 0 && now - last_claim_ < kClaimPause;
  const size_t wanted = room && !paused ? want_waiting - have : 0;
  const bool renewal_due =
      now - last_claim_ >= std::chrono::duration<double>(config_.lease_seconds / 3);
  if (wanted == 0 && !renewal_due) return;
  // With nothing of its own under way, what this worker found is recorded
  // before it asks, so the answer says whether anything is left anywhere.
  claimed_when_idle_ =
      in_flight_.empty() && looked_up_.empty() && looking_up_ == 0 && pool_.Unfinished() == 0;
  if (claimed_when_idle_) Flush();
  claiming_ = true;
  last_claim_ = now;
  store_thread_.Submit(StoreJob{{}, {}, {}, wanted});
}

void CrawlSession::TakeClaimed(StoreDone& claimed) {
  claiming_ = false;
  if (!claimed.saved) {
    if (failure_) failure_ = claimed.saved.error();
    return;
  }
  queued_in_crawl_ = claimed.queued_in_crawl;
  last_claim_size_ = claimed.to_fetch.size();
  for (ToFetch& url : claimed.to_fetch) {
    // Another worker may have queued it: found again here, it is known.
    frontier_.MarkSeen(url.entry.url);
    looked_up_.push_back(std::move(url));
  }
}

bool CrawlSession::SharedDone() const {
  const bool idle = in_flight_.empty() && looking_up_ == 0 && looked_up_.empty() &&
                    pool_.Unfinished() == 0 && !claiming_;
  if (!idle) return false;
  if (bytes_exhausted_) return true;
  return claimed_when_idle_ && queued_in_crawl_ == 0 && batch_.empty() && batches_unfinished_ == 0;
}

store::CrawlTotals CrawlSession::TakeTotalsToAdd() {
  store::CrawlTotals added = Minus(totals_, totals_added_);
  // The store counts what its records found new itself.
  added.new_comments = 0;
  added.new_mentions = 0;
  totals_added_ = totals_;
  return added;
}

void CrawlSession::StartFetches() {
  for (ToFetch& url : looked_up_) {
    crawler::FetchRequest request;
    request.url = url.entry.url;
    request.accept = AcceptFor(url.entry.kind);
    request.allow_private = seed_hosts_.count(crawler::HostKeyOf(url.entry.url)) > 0;
    if (url.previous && url.previous->status == "ok") {
      request.etag = url.previous->etag;
      request.last_modified = url.previous->last_modified;
    }
    request.tag = static_cast<uint64_t>(next_tag_);
    in_flight_.emplace(next_tag_++, std::move(url));
    fetcher_.Add(std::move(request));
  }
  looked_up_.clear();
}

void CrawlSession::Fail(store::CrawledUrl* crawled, const std::string& outcome,
                        const std::string& why, bool counts_as_failure) {
  crawled->outcome = outcome;
  crawled->detail = why;
  if (counts_as_failure) {
    ++totals_.failed;
    observer_.OnUrlProblem(crawled->url, why);
  } else {
    ++totals_.skipped;
  }
}

void CrawlSession::Handle(crawler::FetchResult result) {
  auto found = in_flight_.find(static_cast<long long>(result.request.tag));
  if (found == in_flight_.end()) return;
  QueuedUrl entry = std::move(found->second.entry);
  std::optional<store::PageFetch> previous = std::move(found->second.previous);
  in_flight_.erase(found);
  totals_.bytes += static_cast<long long>(result.response.body.size());

  store::CrawledUrl crawled;
  crawled.url = entry.url;
  using crawler::FetchOutcome;
  switch (result.outcome) {
    case FetchOutcome::kOk: {
      ++totals_.fetched;
      FetchedBody body;
      body.previous = std::move(previous);
      body.want_feeds = config_.discover_feeds && entry.depth == 0;
      body.want_comments_api = config_.discover_comments;
      body.fetched_at = Now();
      body.entry = std::move(entry);
      body.result = std::move(result);
      pool_.Submit(std::move(body));
      return;
    }
    case FetchOutcome::kNotModified: {
      ++totals_.not_modified;
      crawled.outcome = OutcomeName(UrlOutcome::kNotModified);
      if (previous) {
        store::PageToSave page = RefreshedPage(*previous);
        page.fetch.fetched_at = Now();
        if (!result.response.etag.empty()) page.fetch.etag = result.response.etag;
        if (!result.response.last_modified.empty()) {
          page.fetch.last_modified = result.response.last_modified;
        }
        crawled.page = std::move(page);
      }
      break;
    }
    case FetchOutcome::kRedirect:
      HandleRedirect(entry, result, &crawled);
      break;
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
      if (entry.kind == UrlKind::kPage) {
        crawled.page = FailedPage(entry.url, outcome, result.error, status);
        crawled.page->fetch.fetched_at = Now();
        // Not a failure, but a page that gives nothing says so too.
        if (outcome == UrlOutcome::kNotHtml) {
          observer_.OnUrlProblem(entry.url, WhyNothingExtracted(*crawled.page));
        }
      }
      break;
    }
    case FetchOutcome::kDisallowed:
    case FetchOutcome::kBlocked:
      Fail(&crawled, crawler::ToString(result.outcome), result.error, false);
      observer_.OnUrlProblem(entry.url, result.error);
      break;
  }
  Record(std::move(crawled));
}

void CrawlSession::HandleRedirect(const QueuedUrl& entry, const crawler::FetchResult& result,
                                  store::CrawledUrl* crawled) {
  const int hops = redirect_hops_[entry.url] + 1;
  crawled->outcome = OutcomeName(UrlOutcome::kRedirected);
  crawled->detail = result.location;
  crawled->redirects.push_back({entry.url, result.location, result.response.http_status});
  if (hops > kMaxRedirectHops) {
    Fail(crawled, OutcomeName(UrlOutcome::kRedirectLimit),
         "more than " + std::to_string(kMaxRedirectHops) + " redirects in a row", true);
    return;
  }
  if (!IsHttpUrl(result.location) && IsHttpUrl(entry.url)) {
    // A web server must not send the crawler to read local files.
    crawled->detail += " (not followed: a web page may only redirect to http or https)";
    return;
  }
  // A seed, or a seed's earlier move (http -> https -> www).
  const bool is_seed = entry.kind == UrlKind::kPage && entry.depth == 0;
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
    crawled->discovered.push_back(*target);
  } else if (!refusal.empty()) {
    crawled->detail += " (not followed: " + refusal + ")";
  }
}

bool CrawlSession::Offer(const std::string& url, UrlKind kind, int depth, const std::string& via,
                         std::vector<store::QueuedUrl>* queued, std::string* refusal) {
  auto entry = frontier_.Offer(url, kind, depth, via, refusal);
  if (entry) queued->push_back(std::move(*entry));
  return entry.has_value();
}

void CrawlSession::HandleRead(ReadBody read) {
  const QueuedUrl& entry = read.entry;
  if (read.crawled.outcome != OutcomeName(UrlOutcome::kOk)) {
    Fail(&read.crawled, read.crawled.outcome, read.crawled.detail, true);
  }
  // A listing of a known platform leads to its posts; a page of no known
  // platform that holds nothing is worth a line.
  if (read.crawled.page && read.crawled.page->extracted && entry.kind == UrlKind::kPage &&
      read.crawled.page->extracted->platform.empty()) {
    if (std::string why = WhyNothingExtracted(*read.crawled.page); !why.empty()) {
      observer_.OnUrlProblem(entry.url, why);
    }
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

void CrawlSession::OfferLinks(const QueuedUrl& entry, const std::vector<Discovered>& links,
                              store::CrawledUrl* crawled) {
  const long long limited_before = frontier_.LimitRefusalCount();
  std::string limit;  // the last limit that refused one of these links
  int pages_taken = 0;
  long long pages_left = 0;
  for (const Discovered& link : links) {
    // A link flood costs memory and store by the links queued, so only the
    // first links of a page are taken: those queued now or known already.
    // Sitemaps and feeds list a site's pages by design: max_pages bounds them.
    if (entry.kind == UrlKind::kPage && link.kind == UrlKind::kPage &&
        pages_taken >= config_.max_links_per_page) {
      ++pages_left;
      continue;
    }
    // A sitemap index's sitemaps are as deep as the index (their nesting is
    // bounded on its own); everything else is one hop further than where it
    // was found.
    const int depth = entry.kind == UrlKind::kSitemap && link.kind == UrlKind::kSitemap
                          ? entry.depth
                          : entry.depth + 1;
    const std::string& via = link.kind == UrlKind::kComments ? link.via : entry.url;
    const long long limited = frontier_.LimitRefusalCount();
    std::string refusal;
    const bool queued = Offer(link.url, link.kind, depth, via, &crawled->discovered, &refusal);
    if (link.kind == UrlKind::kPage && (queued || refusal.empty())) ++pages_taken;
    if (frontier_.LimitRefusalCount() > limited) limit = std::move(refusal);
  }
  if (pages_left > 0) {
    limit = "link limit: links taken from one page reached " +
            std::to_string(config_.max_links_per_page) + " (--max-links-per-page)";
    limit_refusals_[limit] += pages_left;
  }
  const long long refused = frontier_.LimitRefusalCount() - limited_before + pages_left;
  if (refused > 0) {
    // Recorded with the URL, so that the store says where discovery stopped and why.
    std::string& detail = crawled->detail;
    detail +=
        (detail.empty() ? "" : "; ") + std::to_string(refused) + " links not queued: " + limit;
  }
}

void CrawlSession::OfferRobotsSitemaps() {
  std::vector<store::QueuedUrl> queued;
  for (const std::string& sitemap : fetcher_.TakeRobotsSitemaps()) {
    Offer(sitemap, UrlKind::kSitemap, 0, "robots.txt", &queued);
  }
  if (queued.empty()) return;
  store::CrawledUrl note;  // robots.txt is not a crawl URL; only its sitemaps are queued
  note.url = RobotsUrlOf(queued.front().url);
  note.outcome = OutcomeName(UrlOutcome::kOk);
  note.discovered = std::move(queued);
  Record(std::move(note));
}

void CrawlSession::Record(store::CrawledUrl crawled) {
  if (crawled.page && HoldsPost(*crawled.page)) ++pages_with_posts_;
  if (crawled.page) crawled.page->run_started_at = run_started_at_;
  observer_.OnUrlDone(crawled);
  batch_.push_back(std::move(crawled));
  if (batch_.size() >= config_.batch_urls ||
      clock_.Steady() - last_flush_ >= config_.batch_interval) {
    Flush();
  }
}

void CrawlSession::Flush() {
  last_flush_ = clock_.Steady();
  if (batch_.empty()) return;
  ++batches_unfinished_;
  store_thread_.Submit(StoreJob{std::move(batch_), TakeTotalsToAdd(), {}, std::nullopt});
  batch_.clear();
}

void CrawlSession::TakeRecorded() {
  for (StoreDone& recorded : store_thread_.TakeDone()) {
    if (recorded.claimed) {
      TakeClaimed(recorded);
      continue;
    }
    if (!recorded.recorded) {
      looking_up_ -= recorded.to_fetch.size();
      if (!recorded.saved) {
        if (failure_) failure_ = recorded.saved.error();
        continue;
      }
      for (ToFetch& url : recorded.to_fetch) looked_up_.push_back(std::move(url));
      continue;
    }
    --batches_unfinished_;
    if (!recorded.saved) {
      if (failure_) failure_ = recorded.saved.error();
      continue;
    }
    const store::SaveOutcome& saved = *recorded.saved;
    AddOutcome(saved, &saved_);
    // Pages are built on the extraction threads and freed on this one;
    // glibc keeps the freed pieces in each thread's arena. Handing them back
    // now and then keeps a long crawl at the size of a short one (8,000
    // posts: 46 MB peak without, 41 MB with).
    if (++batches_recorded_ % kBatchesBetweenTrims == 0) malloc_trim(0);
    totals_.new_comments += saved.comments_new;
    totals_.new_mentions += saved.mentions_new;
    totals_added_.new_comments += saved.comments_new;
    totals_added_.new_mentions += saved.mentions_new;
    observer_.OnBatchRecorded(recorded.urls, totals_);
  }
}

void CrawlSession::WaitForWriter() {
  while (store_thread_.Unfinished() > 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    TakeRecorded();
  }
}

bool CrawlSession::Done() const {
  return in_flight_.empty() && looking_up_ == 0 && looked_up_.empty() && pool_.Unfinished() == 0 &&
         (frontier_.Queued() == 0 || bytes_exhausted_);
}

std::map<std::string, long long> CrawlSession::LimitRefusals() const {
  std::map<std::string, long long> limits = frontier_.LimitRefusals();
  for (const auto& [why, count] : limit_refusals_) limits[why] += count;
  return limits;
}

Result<CrawlResult> CrawlSession::Run(std::stop_token stop) {
  if (Status ready = fetcher_.Ready(); !ready) return ready.error();
  observer_.OnStarted(start_);
  // A stop request cuts the fetcher's wait short.
  std::stop_callback wake_on_stop(stop, [this] { fetcher_.Wakeup(); });
  const auto started = clock_.Steady();
  while (!stop.stop_requested() && failure_) {
    // Extractions first: the links they bring are fed in this same turn.
    for (ReadBody& read : pool_.TakeDone()) HandleRead(std::move(read));
    TakeRecorded();
    Feed();
    StartFetches();
    if (config_.discover_sitemaps) OfferRobotsSitemaps();
    if (shared_ ? SharedDone() : Done()) break;
    for (crawler::FetchResult& result : fetcher_.Poll(std::chrono::milliseconds(100))) {
      Handle(std::move(result));
    }
    const crawler::SchedulerStats stats = fetcher_.Stats();
    const size_t queued =
        shared_ ? static_cast<size_t>(std::max(0LL, queued_in_crawl_)) : frontier_.Queued();
    observer_.OnProgress(totals_, queued + looking_up_ + stats.waiting, stats.in_flight);
  }
  Flush();
  WaitForWriter();
  if (shared_) {
    // Hands this worker's hosts to the others at once rather than after
    // the lease time; a failure here only makes them wait for it.
    (void)queue_.ReleaseLeases(start_.crawl_id, lease_);
  }
  if (!failure_) {
    // Another worker may have ended the crawl (its byte limit): this one's
    // batch then finds it finished, and stops as the others do.
    if (shared_) {
      if (std::optional<CrawlResult> ended = FinishedElsewhere()) return std::move(*ended);
    }
    return failure_.error();
  }
  CrawlResult result;
  result.start = start_;
  result.totals = totals_;
  result.saved = saved_;
  result.pages_with_posts = pages_with_posts_;
  result.seconds = std::chrono::duration<double>(clock_.Steady() - started).count();
  if (stop.stop_requested()) {
    // Not finished in the store, so that the same crawl resumes.
    result.outcome = CrawlOutcome::kStopped;
    return result;
  }
  return shared_ ? FinishShared(std::move(result)) : Finish(std::move(result));
}

Result<CrawlResult> CrawlSession::FinishShared(CrawlResult result) {
  if (std::optional<CrawlResult> elsewhere = FinishedElsewhere()) return std::move(*elsewhere);
  // Everything this worker did is recorded: the outcome is judged on every
  // worker's totals.
  Result<std::optional<store::CrawlRun>> last = queue_.LastCrawl();
  if (!last) return last.error();
  if (*last && (*last)->id == start_.crawl_id) {
    totals_ = (*last)->totals;
    totals_added_ = totals_;
    result.totals = totals_;
  }
  Result<CrawlResult> finished = Finish(std::move(result));
  if (finished) return finished;
  // Another worker may have finished it between the read and the write.
  if (std::optional<CrawlResult> elsewhere = FinishedElsewhere()) return std::move(*elsewhere);
  return finished;
}

std::optional<CrawlResult> CrawlSession::FinishedElsewhere() {
  Result<std::optional<store::CrawlRun>> last = queue_.LastCrawl();
  if (!last || !*last || (*last)->id != start_.crawl_id || (*last)->finished_at.empty()) {
    return std::nullopt;
  }
  CrawlResult result;
  result.start = start_;
  result.finished_elsewhere = true;
  result.totals = (*last)->totals;
  result.outcome = (*last)->outcome.value_or(CrawlOutcome::kOk);
  return result;
}

Result<CrawlResult> CrawlSession::Finish(CrawlResult result) {
  const bool nothing =
      totals_.fetched + totals_.not_modified == 0 && totals_.failed + totals_.skipped > 0;
  result.outcome = nothing              ? CrawlOutcome::kFailed
                   : totals_.failed > 0 ? CrawlOutcome::kPartial
                                        : CrawlOutcome::kOk;
  if (Status finished =
          queue_.FinishCrawl(start_.crawl_id, result.outcome, TakeTotalsToAdd(), Now());
      !finished) {
    return finished.error();
  }
  result.limit_refusals = LimitRefusals();
  observer_.OnFinished(result);
  return result;
}

}  // namespace linkgraph::pipeline
