// The FetchScheduler: libcurl's multi interface driven from the caller's
// thread. Requests wait in per-host queues; a host's robots.txt is read
// before its first page; starts to one host are spaced by the delay (or the
// robots.txt Crawl-delay when larger) and bounded by the per-host limit,
// all transfers by the global one. Failed attempts that may succeed later
// (5xx, 429, network faults) wait with exponential backoff and jitter, or as
// long as Retry-After asks, within max_backoff_seconds.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <deque>
#include <map>
#include <random>
#include <unordered_map>
#include <utility>

#include "crawler/canonical_url.h"
#include "crawler/crawler.h"
#include "crawler/curl_handles.h"
#include "crawler/robots.h"
#include "crawler/transfer.h"
#include "crawler/url_util.h"

namespace linkgraph::crawler {
namespace {

using Clock = std::chrono::steady_clock;

Clock::duration Seconds(double seconds) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

// "http://host:8080/a/b?c" -> {"http://host:8080", "/a/b?c"}; {"", ""} for
// file:// URLs, which have no host to be polite to.
std::pair<std::string, std::string> HostAndPath(const std::string& url) {
  const std::string scheme = SchemeOf(url);
  if (scheme != "http" && scheme != "https") return {"", ""};
  const size_t authority = url.find("://") + 3;
  const size_t path = url.find('/', authority);
  if (path == std::string::npos) return {url, "/"};
  return {url.substr(0, path), url.substr(path)};
}

}  // namespace

UrlOutcome AsUrlOutcome(FetchOutcome outcome) {
  switch (outcome) {
    case FetchOutcome::kOk:
      return UrlOutcome::kOk;
    case FetchOutcome::kNotModified:
      return UrlOutcome::kNotModified;
    case FetchOutcome::kRedirect:
      return UrlOutcome::kRedirected;
    case FetchOutcome::kHttpError:
      return UrlOutcome::kHttpError;
    case FetchOutcome::kNetworkError:
      return UrlOutcome::kNetworkError;
    case FetchOutcome::kWrongType:
      return UrlOutcome::kNotHtml;
    case FetchOutcome::kTooLarge:
      return UrlOutcome::kTooLarge;
    case FetchOutcome::kDisallowed:
      return UrlOutcome::kDisallowed;
    case FetchOutcome::kBlocked:
      return UrlOutcome::kBlocked;
  }
  return UrlOutcome::kError;
}

std::string ToString(FetchOutcome outcome) { return OutcomeName(AsUrlOutcome(outcome)); }

struct FetchScheduler::Impl {
  // Nested, not file-local: a member of Impl whose type had internal
  // linkage would make GCC warn when this file is compiled in a batch.
  struct Pending {
    FetchRequest request;
    int attempts = 0;  // transfers already made
    Clock::time_point not_before{};
  };

  struct Host {
    enum class Robots { kUnknown, kFetching, kKnown };
    std::deque<Pending> queue;
    std::vector<Pending> retrying;
    int in_flight = 0;
    Clock::time_point next_start{};
    Clock::duration delay{};
    Robots robots_state = Robots::kUnknown;
    std::unique_ptr<RobotsRules> robots;  // null: everything allowed
    std::string robots_refusal;           // why the rules refuse everything, when they do
    int robots_attempts = 0;
  };

  explicit Impl(SchedulerOptions scheduler_options)
      : options(std::move(scheduler_options)), rng(std::random_device{}()) {
    options.concurrency = std::max(1, options.concurrency);
    options.per_host = std::max(1, options.per_host);
    options.retries = std::max(0, options.retries);
    ready = EnsureCurlGlobalInit();
    if (!ready) return;
    multi.reset(curl_multi_init());
    if (!multi) {
      ready = Error{ErrorCode::kInternal, "curl_multi_init failed"};
      return;
    }
    curl_multi_setopt(multi.get(), CURLMOPT_MAX_TOTAL_CONNECTIONS,
                      static_cast<long>(options.concurrency));
    curl_multi_setopt(multi.get(), CURLMOPT_MAXCONNECTS, static_cast<long>(options.concurrency * 2));
  }

  ~Impl() {
    for (auto& [easy, transfer] : running) curl_multi_remove_handle(multi.get(), easy);
  }

  Host& HostFor(const std::string& key) {
    auto [it, inserted] = hosts.try_emplace(key);
    if (inserted) {
      it->second.delay = key.empty() ? Clock::duration{} : Seconds(options.delay_seconds);
      if (key.empty() || !options.obey_robots) it->second.robots_state = Host::Robots::kKnown;
    }
    return it->second;
  }

  void Add(FetchRequest request) {
    ++waiting;
    HostFor(HostAndPath(request.url).first).queue.push_back(Pending{std::move(request), 0, {}});
  }

  void Finish(FetchResult result) {
    --waiting;
    finished.push_back(std::move(result));
  }

  void Refuse(Pending pending, FetchOutcome outcome, std::string why) {
    FetchResult result;
    result.request = std::move(pending.request);
    result.outcome = outcome;
    result.error = std::move(why);
    result.attempts = pending.attempts;
    Finish(std::move(result));
  }

  // The next request of a host that may start now, if any.
  std::optional<Pending> TakeReady(Host& host, Clock::time_point now) {
    auto due = std::min_element(host.retrying.begin(), host.retrying.end(),
                                [](const Pending& a, const Pending& b) {
                                  return a.not_before < b.not_before;
                                });
    if (due != host.retrying.end() && due->not_before <= now) {
      Pending pending = std::move(*due);
      host.retrying.erase(due);
      return pending;
    }
    if (host.queue.empty()) return std::nullopt;
    Pending pending = std::move(host.queue.front());
    host.queue.pop_front();
    return pending;
  }

  bool HasWork(const Host& host) const { return !host.queue.empty() || !host.retrying.empty(); }

  bool CanStart(const std::string& key, const Host& host, Clock::time_point now) const {
    if (static_cast<int>(running.size()) >= options.concurrency) return false;
    if (key.empty()) return true;
    return host.in_flight < options.per_host && now >= host.next_start;
  }

  void Dispatch() {
    const Clock::time_point now = Clock::now();
    for (auto& [key, host] : hosts) {
      while (HasWork(host) && CanStart(key, host, now)) {
        if (host.robots_state == Host::Robots::kFetching) break;
        if (host.robots_state == Host::Robots::kUnknown) {
          StartRobots(key, host, now);
          break;
        }
        std::optional<Pending> pending = TakeReady(host, now);
        if (!pending) break;
        if (host.robots && !host.robots->Allows(HostAndPath(pending->request.url).second)) {
          Refuse(std::move(*pending), FetchOutcome::kDisallowed,
                 host.robots_refusal.empty() ? "disallowed by robots.txt" : host.robots_refusal);
          continue;
        }
        Start(key, host, std::move(*pending), now, false);
      }
    }
  }

  void StartRobots(const std::string& key, Host& host, Clock::time_point now) {
    host.robots_state = Host::Robots::kFetching;
    Pending robots;
    robots.request.url = key + "/robots.txt";
    robots.request.accept = ContentKind::kXml;
    robots.attempts = host.robots_attempts;
    // A seed's host may be private; its robots.txt is then as reachable.
    robots.request.allow_private = AllowsPrivate(host);
    Start(key, host, std::move(robots), now, true);
  }

  bool AllowsPrivate(const Host& host) const {
    if (options.allow_private) return true;
    for (const Pending& pending : host.queue) {
      if (pending.request.allow_private) return true;
    }
    return false;
  }

  void Start(const std::string& key, Host& host, Pending pending, Clock::time_point now,
             bool is_robots) {
    auto transfer = std::make_unique<Transfer>();
    transfer->request = std::move(pending.request);
    transfer->host = key;
    transfer->is_robots = is_robots;
    transfer->attempt = pending.attempts + 1;
    transfer->private_allowed = options.allow_private || transfer->request.allow_private;
    if (!spare.empty()) {
      transfer->easy = std::move(spare.back());
      spare.pop_back();
      curl_easy_reset(transfer->easy.get());
    }
    Status configured = ConfigureTransfer(transfer.get(), options.fetch);
    CURLMcode added = CURLM_OK;
    if (configured) added = curl_multi_add_handle(multi.get(), transfer->easy.get());
    if (!configured || added != CURLM_OK) {
      const std::string why = !configured ? configured.error().message
                                          : std::string("curl_multi_add_handle: ") +
                                                curl_multi_strerror(added);
      if (is_robots) {
        SetRobots(host, RobotsRules::DisallowAll(), "robots.txt could not be fetched: " + why);
      } else {
        pending.request = std::move(transfer->request);
        Refuse(std::move(pending), FetchOutcome::kNetworkError, why);
      }
      return;
    }
    ++stats.transfers;
    ++host.in_flight;
    if (!key.empty()) host.next_start = now + host.delay;
    CURL* easy = transfer->easy.get();
    running.emplace(easy, std::move(transfer));
  }

  void SetRobots(Host& host, RobotsRules rules, std::string refusal) {
    host.robots = std::make_unique<RobotsRules>(std::move(rules));
    host.robots_refusal = std::move(refusal);
    host.robots_state = Host::Robots::kKnown;
    if (const std::optional<double> crawl_delay = host.robots->CrawlDelaySeconds()) {
      host.delay = std::max(host.delay, Seconds(*crawl_delay));
    }
    for (const std::string& sitemap : host.robots->Sitemaps()) robots_sitemaps.push_back(sitemap);
  }

  // RFC 9309: a robots.txt answered 4xx allows everything; 5xx or
  // unreachable (after the retries) allows nothing.
  void FinishRobots(Host& host, TransferEnd end) {
    const FetchResult& result = end.result;
    const std::string& user_agent = options.fetch.user_agent;
    switch (result.outcome) {
      case FetchOutcome::kOk:
      case FetchOutcome::kTooLarge:  // the first 500 KiB count
        SetRobots(host, RobotsRules::Parse(result.response.body, user_agent), "");
        return;
      case FetchOutcome::kHttpError:
        if (result.response.http_status < 500) {
          SetRobots(host, RobotsRules::AllowAll(), "");
          return;
        }
        break;
      case FetchOutcome::kRedirect:
        // Followed by few crawlers for robots.txt; an unreadable one allows all.
        SetRobots(host, RobotsRules::AllowAll(), "");
        return;
      case FetchOutcome::kBlocked:
        // No connection was made: the address guard refuses the host's pages
        // in turn, and each is recorded as blocked, not as disallowed.
        SetRobots(host, RobotsRules::AllowAll(), "");
        return;
      default:
        break;
    }
    SetRobots(host, RobotsRules::DisallowAll(),
              "not fetched: robots.txt " + result.error +
                  ", so the host is treated as disallowing everything (RFC 9309)");
  }

  Clock::duration Backoff(int attempts_made) {
    std::uniform_real_distribution<double> jitter(0.5, 1.5);
    const double seconds = options.backoff_seconds * std::pow(2.0, attempts_made - 1) * jitter(rng);
    return Seconds(std::min(seconds, options.max_backoff_seconds));
  }

  void Complete(CURL* easy, CURLcode code) {
    auto node = running.extract(easy);
    if (node.empty()) return;
    std::unique_ptr<Transfer> transfer = std::move(node.mapped());
    curl_multi_remove_handle(multi.get(), easy);
    Host& host = HostFor(transfer->host);
    --host.in_flight;
    stats.bytes += static_cast<long long>(transfer->response.body.size());
    TransferEnd end = ReadTransferEnd(transfer.get(), code, options.fetch);
    const Clock::time_point now = Clock::now();

    if (end.retry && transfer->attempt <= options.retries) {
      Clock::duration wait = Backoff(transfer->attempt);
      bool retry = true;
      if (end.retry_after) {
        if (*end.retry_after > Seconds(options.max_backoff_seconds)) {
          end.result.error += "; Retry-After " + std::to_string(end.retry_after->count()) +
                              " s is longer than the longest wait (" +
                              std::to_string(static_cast<long long>(options.max_backoff_seconds)) +
                              " s)";
          retry = false;
        } else {
          wait = *end.retry_after;
          host.next_start = std::max(host.next_start, now + wait);  // the host asked to slow down
        }
      }
      if (retry) {
        if (transfer->is_robots) {
          host.robots_attempts = transfer->attempt;
          host.robots_state = Host::Robots::kUnknown;
          host.next_start = std::max(host.next_start, now + wait);
        } else {
          host.retrying.push_back(Pending{std::move(transfer->request), transfer->attempt,
                                          now + wait});
        }
        Recycle(std::move(transfer));
        return;
      }
    }
    if (transfer->attempt > 1 && end.result.outcome != FetchOutcome::kOk) {
      end.result.error += " (after " + std::to_string(transfer->attempt) + " attempts)";
    }
    if (transfer->is_robots) {
      FinishRobots(host, std::move(end));
    } else {
      Finish(std::move(end.result));
    }
    Recycle(std::move(transfer));
  }

  void Recycle(std::unique_ptr<Transfer> transfer) {
    if (transfer->easy && spare.size() < static_cast<size_t>(options.concurrency)) {
      spare.push_back(std::move(transfer->easy));
    }
  }

  void ReadDone() {
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(multi.get(), &left)) {
      if (message->msg == CURLMSG_DONE) Complete(message->easy_handle, message->data.result);
    }
  }

  // How long until a host with work could start, when that is the only thing
  // to wait for; nullopt when nothing is waiting on a clock.
  std::optional<Clock::duration> UntilNextStart(Clock::time_point now) const {
    if (static_cast<int>(running.size()) >= options.concurrency) return std::nullopt;
    std::optional<Clock::duration> soonest;
    auto consider = [&](Clock::time_point when) {
      const Clock::duration wait = std::max(Clock::duration{}, when - now);
      if (!soonest || wait < *soonest) soonest = wait;
    };
    for (const auto& [key, host] : hosts) {
      if (!HasWork(host) || host.robots_state == Host::Robots::kFetching) continue;
      if (!key.empty() && host.in_flight >= options.per_host) continue;
      if (!host.queue.empty() || host.robots_state == Host::Robots::kUnknown) {
        consider(host.next_start);
      }
      for (const Pending& pending : host.retrying) {
        consider(std::max(pending.not_before, host.next_start));
      }
    }
    return soonest;
  }

  std::vector<FetchResult> Poll(std::chrono::milliseconds wait) {
    const Clock::time_point deadline = Clock::now() + wait;
    while (true) {
      Dispatch();
      int still_running = 0;
      curl_multi_perform(multi.get(), &still_running);
      ReadDone();
      Dispatch();
      const Clock::time_point now = Clock::now();
      if (!finished.empty() || now >= deadline || woken.exchange(false)) break;
      if (running.empty() && waiting == 0) {
        // Nothing to fetch: sleep until woken or the deadline.
        const auto millis =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count();
        curl_multi_poll(multi.get(), nullptr, 0, static_cast<int>(std::max<long long>(millis, 1)),
                        nullptr);
        woken = false;
        break;
      }
      Clock::duration sleep = deadline - now;
      if (std::optional<Clock::duration> next = UntilNextStart(now)) {
        sleep = std::min(sleep, *next);
      }
      const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(sleep).count();
      curl_multi_poll(multi.get(), nullptr, 0, static_cast<int>(std::max<long long>(millis, 1)),
                      nullptr);
    }
    std::vector<FetchResult> out;
    out.swap(finished);
    return out;
  }

  SchedulerOptions options;
  Status ready;
  CurlMulti multi;
  std::map<std::string, Host> hosts;  // "" holds file:// requests
  std::unordered_map<CURL*, std::unique_ptr<Transfer>> running;
  std::vector<CurlEasy> spare;  // easy handles kept for reuse
  std::vector<FetchResult> finished;
  std::vector<std::string> robots_sitemaps;
  size_t waiting = 0;
  std::atomic<bool> woken{false};
  SchedulerStats stats;
  std::mt19937 rng;
};

FetchScheduler::FetchScheduler(SchedulerOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}

FetchScheduler::~FetchScheduler() = default;

Status FetchScheduler::Ready() const { return impl_->ready; }

void FetchScheduler::Wakeup() {
  impl_->woken = true;
  if (impl_->multi) curl_multi_wakeup(impl_->multi.get());
}

void FetchScheduler::Add(FetchRequest request) { impl_->Add(std::move(request)); }

std::vector<FetchResult> FetchScheduler::Poll(std::chrono::milliseconds wait) {
  if (!impl_->ready) return {};
  return impl_->Poll(wait);
}

size_t FetchScheduler::Waiting() const { return impl_->waiting; }

SchedulerStats FetchScheduler::Stats() const {
  SchedulerStats stats = impl_->stats;
  stats.in_flight = static_cast<int>(impl_->running.size());
  stats.waiting = impl_->waiting;
  return stats;
}

std::vector<std::string> FetchScheduler::TakeRobotsSitemaps() {
  std::vector<std::string> out;
  out.swap(impl_->robots_sitemaps);
  return out;
}

std::optional<std::string> CanonicalizeUrl(std::string_view url) { return CanonicalUrl(url); }

}  // namespace linkgraph::crawler
