// Runs the built `linkgraph` binary on a pseudo-terminal of a given size, as
// a person at a terminal runs it: stdin, stdout and stderr are the terminal,
// so what it draws only there (the crawl's live line, tables fitted to the
// width) can be checked. Output is what the terminal received, stdout and
// stderr interleaved, with the terminal's "\r\n" line ends. Bounded like
// RunLinkgraph: the child is killed after the timeout. Not thread-safe.
#pragma once

#include <poll.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/cli/run_linkgraph.h"

namespace linkgraph::testing {

inline RunResult RunLinkgraphInTerminal(const std::vector<std::string>& args,
                                        const std::filesystem::path& working_dir,
                                        unsigned short columns,
                                        std::chrono::seconds timeout = std::chrono::seconds(60)) {
  const std::string dir = working_dir.string();
  run_internal::Argv argv(args);

  winsize size{};
  size.ws_row = 40;
  size.ws_col = columns;
  int master = -1;
  const pid_t pid = ::forkpty(&master, nullptr, nullptr, &size);
  if (pid < 0) throw std::runtime_error("forkpty failed");
  if (pid == 0) {
    if (::chdir(dir.c_str()) != 0) ::_exit(126);
    ::execv(argv.data()[0], argv.data());
    ::_exit(127);
  }
  run_internal::Fd terminal(master);

  RunResult result;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  // The terminal reads EOF (or EIO on Linux) once the child and everything
  // it started have closed it.
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      ::kill(pid, SIGKILL);
      break;
    }
    pollfd fd = {terminal.get(), POLLIN, 0};
    const int ready = ::poll(&fd, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno != EINTR) throw std::runtime_error("poll failed");
    if (ready <= 0) continue;
    char buffer[65536];
    const ssize_t n = ::read(terminal.get(), buffer, sizeof buffer);
    if (n > 0) {
      result.out.append(buffer, static_cast<size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  // A child that closed the terminal may still run: its wait is bounded too.
  int status = 0;
  while (true) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) throw std::runtime_error("waitpid failed");
    if (done == 0 && std::chrono::steady_clock::now() >= deadline) {
      result.timed_out = true;
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      break;
    }
    if (done == 0) ::usleep(10000);
  }
  if (WIFEXITED(status)) result.exit_status = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  return result;
}

}  // namespace linkgraph::testing
