// Runs programs from a helper process forked while the benchmark is still
// small, so that each program's peak RSS is its own: on Linux a child's
// ru_maxrss starts from the RSS of the process that forked it (the kernel
// carries it over at exec), which for the benchmark is hundreds of MiB.
// One runner per process, used from one thread; not copyable.
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

namespace linkgraph::bench {

class CommandRunner {
 public:
  struct Outcome {
    bool ok = false;        // started, and exited with status 0
    double ms = 0;          // wall time from spawn to exit
    long peak_rss_kib = 0;  // the program's ru_maxrss
  };

  // Forks the helper: call before allocating much. Null when fork fails.
  static std::unique_ptr<CommandRunner> Start();
  ~CommandRunner();  // closes the pipes and reaps the helper
  CommandRunner(const CommandRunner&) = delete;
  CommandRunner& operator=(const CommandRunner&) = delete;

  // Runs argv (argv[0] a path) with stdout to /dev/null and waits for it.
  Outcome Run(const std::vector<std::string>& argv);

 private:
  CommandRunner(pid_t helper, int to_helper, int from_helper)
      : helper_(helper), to_helper_(to_helper), from_helper_(from_helper) {}

  pid_t helper_;
  int to_helper_;
  int from_helper_;
};

}  // namespace linkgraph::bench
