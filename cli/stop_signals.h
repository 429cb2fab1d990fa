// Private to cli/: SIGINT and SIGTERM as a stop request. A signal handler
// may only set a flag, so a watcher thread turns the flag into
// request_stop() (which is not async-signal-safe). While one lives, the two
// signals stop the work that holds its token; the default handlers are back
// once it is destroyed.
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

 private:
  std::stop_source source_;
  std::jthread watcher_;
};

}  // namespace linkgraph::cli
