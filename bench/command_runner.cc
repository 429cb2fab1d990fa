#include "bench/command_runner.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>

extern char** environ;

namespace linkgraph::bench {
namespace {

bool WriteAll(int fd, const void* data, size_t size) {
  const char* at = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t written = write(fd, at, size);
    if (written <= 0) return false;
    at += written;
    size -= static_cast<size_t>(written);
  }
  return true;
}

bool ReadAll(int fd, void* data, size_t size) {
  char* at = static_cast<char*>(data);
  while (size > 0) {
    const ssize_t got = read(fd, at, size);
    if (got <= 0) return false;
    at += got;
    size -= static_cast<size_t>(got);
  }
  return true;
}

// In the helper: spawn, wait, and take the program's own rusage.
CommandRunner::Outcome Spawn(const std::vector<std::string>& command) {
  std::vector<char*> argv;
  for (const std::string& word : command) argv.push_back(const_cast<char*>(word.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  CommandRunner::Outcome outcome;
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return outcome;
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) != pid) return outcome;
  outcome.ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  outcome.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  outcome.peak_rss_kib = usage.ru_maxrss;
  return outcome;
}

// The helper's loop: a command is a count and length-prefixed words; the
// answer an Outcome. Ends when the benchmark closes its end.
[[noreturn]] void Serve(int from_bench, int to_bench) {
  while (true) {
    uint32_t count = 0;
    if (!ReadAll(from_bench, &count, sizeof count)) _exit(0);
    std::vector<std::string> command(count);
    for (std::string& word : command) {
      uint32_t length = 0;
      if (!ReadAll(from_bench, &length, sizeof length)) _exit(1);
      word.resize(length);
      if (length > 0 && !ReadAll(from_bench, word.data(), length)) _exit(1);
    }
    const CommandRunner::Outcome outcome = Spawn(command);
    if (!WriteAll(to_bench, &outcome, sizeof outcome)) _exit(1);
  }
}

}  // namespace

std::unique_ptr<CommandRunner> CommandRunner::Start() {
  int to_helper[2], from_helper[2];
  if (pipe(to_helper) != 0) return nullptr;
  if (pipe(from_helper) != 0) {
    close(to_helper[0]);
    close(to_helper[1]);
    return nullptr;
  }
  std::fflush(nullptr);  // the helper must not write the benchmark's buffered output again
  const pid_t helper = fork();
  if (helper == 0) {
    close(to_helper[1]);
    close(from_helper[0]);
    Serve(to_helper[0], from_helper[1]);
  }
  close(to_helper[0]);
  close(from_helper[1]);
  if (helper < 0) {
    close(to_helper[1]);
    close(from_helper[0]);
    return nullptr;
  }
  return std::unique_ptr<CommandRunner>(new CommandRunner(helper, to_helper[1], from_helper[0]));
}

CommandRunner::~CommandRunner() {
  close(to_helper_);
  close(from_helper_);
  waitpid(helper_, nullptr, 0);
}

CommandRunner::Outcome CommandRunner::Run(const std::vector<std::string>& argv) {
  const uint32_t count = static_cast<uint32_t>(argv.size());
  bool sent = WriteAll(to_helper_, &count, sizeof count);
  for (const std::string& word : argv) {
    const uint32_t length = static_cast<uint32_t>(word.size());
    sent = sent && WriteAll(to_helper_, &length, sizeof length) &&
           WriteAll(to_helper_, word.data(), word.size());
  }
  Outcome outcome;
  if (!sent || !ReadAll(from_helper_, &outcome, sizeof outcome)) return Outcome{};
  return outcome;
}

}  // namespace linkgraph::bench
