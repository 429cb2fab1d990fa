#include "cli/run_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <utility>

#include "store/store.h"

namespace linkgraph::cli {
namespace {

// "pid 1234, linkgraph crawl ..." for another process holding an flock on
// the file, from /proc/locks; "" when none does or it cannot be told.
std::string DescribeHolder(const struct stat& file) {
  std::ifstream locks("/proc/locks");
  std::string line;
  while (std::getline(locks, line)) {
    std::istringstream fields(line);
    std::string number, type, advisory, mode, pid, device_inode;
    if (!(fields >> number >> type >> advisory >> mode >> pid >> device_inode)) continue;
    if (type != "FLOCK" || pid == std::to_string(getpid())) continue;
    const size_t last_colon = device_inode.rfind(':');
    if (last_colon == std::string::npos) continue;
    if (device_inode.substr(last_colon + 1) != std::to_string(file.st_ino)) continue;
    std::ifstream cmdline("/proc/" + pid + "/cmdline");
    std::string command, argument;
    for (int i = 0; i < 3 && std::getline(cmdline, argument, '\0'); ++i) {
      command += (command.empty() ? "" : " ") + argument;
    }
    return "pid " + pid + (command.empty() ? "" : ", " + command);
  }
  return "";
}

// A database named in a config file for cron often lives in a folder no
// run has made yet (/var/lib/linkgraph/): a writer makes it, as mkdir -p.
Status CreateFolderOf(const std::string& path) {
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  std::error_code error;
  if (folder.empty() || std::filesystem::is_directory(folder, error)) return {};
  std::filesystem::create_directories(folder, error);
  if (error) {
    return Error{ErrorCode::kIo,
                 "cannot create the database's folder " + folder.string() + ": " + error.message()};
  }
  return {};
}

std::string Seconds(double seconds) {
  std::ostringstream text;
  text << seconds;
  return text.str();
}

}  // namespace

Result<RunLock> RunLock::Acquire(const std::string& database,
                                 double timeout_seconds) {
  Result<store::StoreLocation> location = store::ParseStoreLocation(database);
  if (!location) return location.error();
  // Only a SQLite file is locked here: a PostgreSQL database has no file, and
  // its writers are kept apart by its own transactions and locks.
  if (location->backend != store::StoreLocation::Backend::kSqlite || location->path == ":memory:") {
    return RunLock(-1);
  }
  const std::string& path = location->path;
  if (Status folder = CreateFolderOf(path); !folder) return folder.error();
  const int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    const int error = errno;
    std::string message = "cannot open " + path + " for writing: " + std::strerror(error);
    if (error == EACCES || error == EPERM || error == EROFS) {
      message += " (crawl, import and rebuild write the database, so it and its folder must be "
                 "writable; report, export and status can read it as it is)";
    }
    return Error{ErrorCode::kIo, message};
  }
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                            std::chrono::duration<double>(timeout_seconds));
  while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      const std::string why = std::strerror(errno);
      close(fd);
      return Error{ErrorCode::kIo, "cannot lock " + path + ": " + why};
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      struct stat file {};
      const std::string holder = fstat(fd, &file) == 0 ? DescribeHolder(file) : "";
      close(fd);
      std::string message = "another linkgraph run is writing " + database;
      if (!holder.empty()) message += " (" + holder + ")";
      message += timeout_seconds > 0
                     ? "; gave up after waiting " + Seconds(timeout_seconds) + " s (--lock-timeout)"
                     : "; not waiting (--lock-timeout 0)";
      return Error{ErrorCode::kBusy, message};
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return RunLock(fd);
}

std::optional<std::string> RunLock::Holder(const std::string& database) {
  Result<store::StoreLocation> location = store::ParseStoreLocation(database);
  if (!location || location->backend != store::StoreLocation::Backend::kSqlite) return std::nullopt;
  struct stat file {};
  if (stat(location->path.c_str(), &file) != 0) return std::nullopt;
  std::string holder = DescribeHolder(file);
  if (holder.empty()) return std::nullopt;
  return holder;
}

RunLock::RunLock(RunLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

RunLock& RunLock::operator=(RunLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

RunLock::~RunLock() {
  if (fd_ >= 0) close(fd_);  // closing releases the flock
}

}  // namespace linkgraph::cli
