#include "cli/stop_signals.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <mutex>

namespace linkgraph::cli {
namespace {

// Lock-free, so a handler may set it; atomic, so the watcher sees it.
std::atomic<int> g_stop_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void OnStopSignal(int signal) {
  int none = 0;
  if (g_stop_signal.compare_exchange_strong(none, signal)) return;
  // Only async-signal-safe calls here: write(2) and _exit(2).
  constexpr char kMessage[] =
      "linkgraph: second signal: stopping now (what was recorded stays; run the same command "
      "to resume)\n";
  ssize_t ignored = ::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
  (void)ignored;
  ::_exit(128 + g_stop_signal.load());
}

// How soon a signal becomes a stop request: well under what a person notices.
constexpr auto kWatchInterval = std::chrono::milliseconds(20);

void Install(void (*handler)(int)) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

}  // namespace

StopOnSignals::StopOnSignals() {
  g_stop_signal = 0;
  Install(OnStopSignal);
  watcher_ = std::jthread([this](std::stop_token done) {
    std::mutex mutex;
    std::condition_variable_any wake;
    std::unique_lock lock(mutex);
    // Waits on `done` too, so that destruction does not wait out an interval.
    while (!wake.wait_for(lock, done, kWatchInterval, [] { return g_stop_signal.load() != 0; })) {
      if (done.stop_requested()) return;
    }
    source_.request_stop();
  });
}

// The handler stays: the command returns its status after this, and a
// signal then must not kill it (see the header).
StopOnSignals::~StopOnSignals() {
  watcher_.request_stop();
  watcher_.join();
}

int StopOnSignals::signal() const { return g_stop_signal.load(); }

}  // namespace linkgraph::cli
