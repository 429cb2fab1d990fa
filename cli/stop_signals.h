// Private to cli/: SIGINT and SIGTERM as a stop request. A signal handler
// may only set a flag, so a watcher thread turns the flag into
// request_stop() (which is not async-signal-safe). While one lives, the two
// signals stop the work that holds its token, and the command exits
// 128 + the signal (130, 143) by returning that status: the handlers stay
// installed until the process exits, so a late signal cannot kill it
// after what it stored was told. A second signal while stopping ends the
// process at once with the same status (what was recorded stays: each
// batch is one transaction), as a second Ctrl-C does in Scrapy.
#pragma once

#include <stop_token>
#include <thread>

namespace linkgraph::cli {

class StopOnSignals {
 public:
  StopOnSignals();
  ~StopOnSignals();
  StopOnSignals(const StopOnSignals&) = delete;
  StopOnSignals& operator=(const StopOnSignals&) = delete;

  std::stop_token token() const { return source_.get_token(); }
  // The first signal received (SIGINT, SIGTERM), or 0.
  int signal() const;
  // What a command stopped by signal() exits with: 128 + the signal.
  int ExitStatus() const { return 128 + signal(); }

 private:
  std::stop_source source_;
  std::jthread watcher_;
};

}  // namespace linkgraph::cli
