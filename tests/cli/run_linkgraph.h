// Runs the built `linkgraph` binary (LINKGRAPH_BINARY) as a child process:
// fork and exec, no shell, in a working folder the test chooses, with its
// stdout and stderr captured and a bounded wait (killed after the timeout).
// Not thread-safe: call from the test thread only.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <algorithm>
#include <filesystem>
#include <functional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace linkgraph::testing {

struct RunResult {
  int exit_status = -1;  // WEXITSTATUS; -1 when the child did not exit normally
  int signal = 0;        // the signal that ended it, or 0
  bool timed_out = false;
  std::string out;  // everything written to stdout
  std::string err;  // everything written to stderr
};

// Shown by Boost.Test when a check on a RunResult fails.
inline std::ostream& operator<<(std::ostream& os, const RunResult& result) {
  return os << "exit " << result.exit_status << (result.timed_out ? " (timed out)" : "")
            << "\n--- stdout ---\n"
            << result.out << "\n--- stderr ---\n"
            << result.err;
}

namespace run_internal {

// Closes a descriptor at scope exit unless it was released.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() { Reset(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  void Reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_;
};

inline void MakePipe(Fd* read_end, Fd* write_end) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
  read_end->Reset(fds[0]);
  write_end->Reset(fds[1]);
}

// LINKGRAPH_BINARY and args as execv takes them, built before fork: between
// fork and exec only async-signal-safe calls are allowed.
class Argv {
 public:
  explicit Argv(const std::vector<std::string>& args) : storage_{LINKGRAPH_BINARY} {
    storage_.insert(storage_.end(), args.begin(), args.end());
    for (std::string& arg : storage_) pointers_.push_back(arg.data());
    pointers_.push_back(nullptr);
  }
  Argv(const Argv&) = delete;  // pointers_ point into storage_
  Argv& operator=(const Argv&) = delete;
  char* const* data() { return pointers_.data(); }

 private:
  std::vector<std::string> storage_;
  std::vector<char*> pointers_;
};

}  // namespace run_internal

// Runs LINKGRAPH_BINARY with args in working_dir. stdin is stdin_path. The
// child is killed (SIGKILL) when it outlives timeout; the result says so.
// kill_when, when given, is asked every 10 ms while the child runs; once it
// says true the child is sent kill_signals, one right after another, once:
// SIGKILL ends it (result.signal tells); after other signals (SIGINT,
// SIGTERM) its output is read on until it exits, within the timeout.
inline RunResult RunLinkgraph(const std::vector<std::string>& args,
                              const std::filesystem::path& working_dir,
                              std::chrono::seconds timeout = std::chrono::seconds(60),
                              const std::function<bool()>& kill_when = {},
                              const std::vector<int>& kill_signals = {SIGKILL},
                              const std::string& stdin_path = "/dev/null") {
  using run_internal::Fd;
  // Everything the child needs is built before fork: between fork and exec
  // only async-signal-safe calls are allowed (the test process has threads).
  const std::string dir = working_dir.string();
  run_internal::Argv argv(args);

  Fd out_read, out_write, err_read, err_write;
  run_internal::MakePipe(&out_read, &out_write);
  run_internal::MakePipe(&err_read, &err_write);
  Fd null_in(::open(stdin_path.c_str(), O_RDONLY | O_CLOEXEC));
  if (null_in.get() < 0) throw std::runtime_error("cannot open " + stdin_path);

  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    // dup2 clears O_CLOEXEC on the copies, so only fds 0-2 survive exec.
    if (::chdir(dir.c_str()) != 0 || ::dup2(null_in.get(), 0) < 0 ||
        ::dup2(out_write.get(), 1) < 0 || ::dup2(err_write.get(), 2) < 0) {
      ::_exit(126);
    }
    ::execv(argv.data()[0], argv.data());
    ::_exit(127);
  }
  out_write.Reset();
  err_write.Reset();

  RunResult result;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  Fd* sources[2] = {&out_read, &err_read};
  std::string* sinks[2] = {&result.out, &result.err};
  bool signalled = false;
  while (out_read.get() >= 0 || err_read.get() >= 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      ::kill(pid, SIGKILL);
      break;
    }
    if (kill_when && !signalled && kill_when()) {
      for (int kill_signal : kill_signals) ::kill(pid, kill_signal);
      signalled = true;
      if (std::find(kill_signals.begin(), kill_signals.end(), SIGKILL) != kill_signals.end()) break;
    }
    pollfd fds[2] = {{out_read.get(), POLLIN, 0}, {err_read.get(), POLLIN, 0}};
    const long long wait_ms = kill_when ? std::min<long long>(left.count(), 10) : left.count();
    int ready = ::poll(fds, 2, static_cast<int>(wait_ms));
    if (ready < 0 && errno != EINTR) throw std::runtime_error("poll failed");
    for (int i = 0; i < 2 && ready > 0; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      char buffer[65536];
      ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        sources[i]->Reset();  // end of output (or a broken pipe)
      }
    }
  }
  // The pipes close when the child exits, or earlier if it closes them: the
  // wait for its exit is bounded by the same deadline.
  int status = 0;
  while (true) {
    pid_t done = ::waitpid(pid, &status, result.timed_out ? 0 : WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) throw std::runtime_error("waitpid failed");
    if (done == 0 && std::chrono::steady_clock::now() >= deadline) {
      result.timed_out = true;
      ::kill(pid, SIGKILL);
    } else if (done == 0) {
      ::usleep(10000);
    }
  }
  if (WIFEXITED(status)) result.exit_status = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  return result;
}

}  // namespace linkgraph::testing
