// Private to cli/: one crawl per database at a time. The lock is an flock(2)
// on the database file itself (independent of SQLite's own fcntl locks, and
// no file beside it), so the kernel releases it when the holder exits, even
// by kill -9: a stale lock never outlives its process.
#pragma once

#include <optional>
#include <string>

#include "cli/commands.h"
#include "common/result.h"

namespace linkgraph::cli {

class RunLock {
 public:
  // Waits up to timeout_seconds (0: not at all) for the lock, creating the
  // database file, and its folder, when missing. Fails with kBusy, naming the holder's pid
  // and command when /proc tells them.
  static Result<RunLock> Acquire(const std::string& database, double timeout_seconds);
  // The run writing a SQLite database now ("pid 1234, linkgraph crawl
  // ..."), told from /proc/locks without taking the lock; nullopt when none
  // is, it cannot be told, or the database is PostgreSQL's.
  static std::optional<std::string> Holder(const std::string& database);
  RunLock(RunLock&& other) noexcept;
  RunLock& operator=(RunLock&& other) noexcept;
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;
  ~RunLock();

 private:
  explicit RunLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

// What a command exits with when Acquire failed: busy (try later) when
// another run held the lock past the timeout, else a failure.
inline int ExitStatusOfLockFailure(const Error& error) {
  return error.code == ErrorCode::kBusy ? kExitBusy : kExitFailure;
}

}  // namespace linkgraph::cli
