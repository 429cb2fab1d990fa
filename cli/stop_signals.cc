#include "cli/stop_signals.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <mutex>

namespace linkgraph::cli {
namespace {

// Lock-free, so a handler may set it; atomic, so the watcher sees it.
std::atomic<bool> g_stop_signalled{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void OnStopSignal(int) { g_stop_signalled = true; }

// How soon a signal becomes a stop request: well under what a person notices.
constexpr auto kWatchInterval = std::chrono::milliseconds(20);

}  // namespace

StopOnSignals::StopOnSignals() {
  g_stop_signalled = false;
  std::signal(SIGINT, OnStopSignal);
  std::signal(SIGTERM, OnStopSignal);
  watcher_ = std::jthread([this](std::stop_token done) {
    std::mutex mutex;
    std::condition_variable_any wake;
    std::unique_lock lock(mutex);
    // Waits on `done` too, so that destruction does not wait out an interval.
    while (!wake.wait_for(lock, done, kWatchInterval, [] { return g_stop_signalled.load(); })) {
      if (done.stop_requested()) return;
    }
    source_.request_stop();
  });
}

StopOnSignals::~StopOnSignals() {
  watcher_.request_stop();
  watcher_.join();
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

}  // namespace linkgraph::cli
