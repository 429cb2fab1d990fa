// For in-process crawl tests: a crawler::Fetcher that serves responses
// from memory, as the libcurl scheduler would return them, and a Clock
// that moves only when told. No sockets, no waiting on time.
#pragma once

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "common/clock.h"
#include "crawler/crawler.h"

namespace linkgraph::testing {

// What the fake site answers for one URL. Unknown URLs get a 404.
struct FakeResponse {
  int status = 200;  // 200, 301, 304, 404...; 0: the transfer fails (network error)
  std::string content_type = "text/html; charset=utf-8";
  std::string etag;      // a request sending it as If-None-Match gets a 304
  std::string location;  // 3xx: absolute
  std::string body;
};

// A response with that status and nothing else: a 404, or 0 for a transfer that fails.
inline FakeResponse ResponseOfStatus(int status) {
  FakeResponse response;
  response.status = status;
  return response;
}

// Thread-safe as the interface asks: Wakeup from any thread, the rest from
// the crawl's. Answers every request at the next Poll, except those for
// held URLs, which stay in flight for ever.
class FakeFetcher final : public crawler::Fetcher {
 public:
  void Serve(const std::string& url, FakeResponse response) {
    std::lock_guard lock(mutex_);
    site_[url] = std::move(response);
  }
  void Hold(const std::string& url) {
    std::lock_guard lock(mutex_);
    held_.insert(url);
  }
  // The requests answered, in order.
  std::vector<crawler::FetchRequest> Answered() const {
    std::lock_guard lock(mutex_);
    return answered_;
  }
  std::vector<std::string> AnsweredUrls() const {
    std::vector<std::string> urls;
    for (const crawler::FetchRequest& request : Answered()) urls.push_back(request.url);
    return urls;
  }

  Status Ready() const override { return {}; }
  void Add(crawler::FetchRequest request) override {
    std::lock_guard lock(mutex_);
    waiting_.push_back(std::move(request));
  }
  std::vector<crawler::FetchResult> Poll(std::chrono::milliseconds wait) override {
    std::unique_lock lock(mutex_);
    // Nothing to answer: wait for an extraction or a record to finish (they
    // call Wakeup), as the real scheduler waits on its sockets.
    if (!HasAnswerable()) wake_.wait_for(lock, wait, [this] { return woken_; });
    woken_ = false;
    std::vector<crawler::FetchResult> results;
    std::vector<crawler::FetchRequest> still_waiting;
    for (crawler::FetchRequest& request : waiting_) {
      if (held_.count(request.url) > 0) {
        still_waiting.push_back(std::move(request));
        continue;
      }
      answered_.push_back(request);
      results.push_back(Answer(std::move(request)));
    }
    waiting_ = std::move(still_waiting);
    return results;
  }
  void Wakeup() override {
    {
      std::lock_guard lock(mutex_);
      woken_ = true;
    }
    wake_.notify_all();
  }
  size_t Waiting() const override {
    std::lock_guard lock(mutex_);
    return waiting_.size();
  }
  crawler::SchedulerStats Stats() const override {
    std::lock_guard lock(mutex_);
    crawler::SchedulerStats stats;
    stats.waiting = waiting_.size();
    stats.in_flight = static_cast<int>(waiting_.size());
    return stats;
  }
  std::vector<std::string> TakeRobotsSitemaps() override { return {}; }

 private:
  bool HasAnswerable() const {
    for (const crawler::FetchRequest& request : waiting_) {
      if (held_.count(request.url) == 0) return true;
    }
    return false;
  }

  crawler::FetchResult Answer(crawler::FetchRequest request) const {
    crawler::FetchResult result;
    auto found = site_.find(request.url);
    const FakeResponse response = found != site_.end() ? found->second : ResponseOfStatus(404);
    result.response.requested_url = request.url;
    result.attempts = 1;
    if (response.status == 0) {
      result.outcome = crawler::FetchOutcome::kNetworkError;
      result.error = "connection refused";
    } else if (!request.etag.empty() && request.etag == response.etag) {
      result.outcome = crawler::FetchOutcome::kNotModified;
      result.response.http_status = 304;
      result.response.etag = response.etag;
    } else if (response.status >= 300 && response.status < 400) {
      result.outcome = crawler::FetchOutcome::kRedirect;
      result.response.http_status = response.status;
      result.location = response.location;
      result.error = "redirected (" + std::to_string(response.status) + ") to " + response.location;
    } else if (response.status >= 400) {
      result.outcome = crawler::FetchOutcome::kHttpError;
      result.response.http_status = response.status;
      result.error = "HTTP " + std::to_string(response.status);
    } else {
      result.outcome = crawler::FetchOutcome::kOk;
      result.response.http_status = response.status;
      result.response.content_type = response.content_type;
      result.response.etag = response.etag;
      result.response.body = response.body;
    }
    result.request = std::move(request);
    return result;
  }

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool woken_ = false;
  std::map<std::string, FakeResponse> site_;
  std::set<std::string> held_;
  std::vector<crawler::FetchRequest> waiting_;
  std::vector<crawler::FetchRequest> answered_;
};

// Both clocks stand still until Advance moves them together.
class FakeClock final : public Clock {
 public:
  std::chrono::steady_clock::time_point Steady() const override {
    std::lock_guard lock(mutex_);
    return std::chrono::steady_clock::time_point{} + elapsed_;
  }
  std::chrono::system_clock::time_point Wall() const override {
    std::lock_guard lock(mutex_);
    return std::chrono::sys_days{std::chrono::year{2024} / 3 / 1} + elapsed_;
  }
  void Advance(std::chrono::seconds by) {
    std::lock_guard lock(mutex_);
    elapsed_ += by;
  }

 private:
  mutable std::mutex mutex_;
  std::chrono::seconds elapsed_{0};
};

}  // namespace linkgraph::testing
