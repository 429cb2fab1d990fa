// Makes a folder read-only for the code under test, in a way that holds when
// the tests run as root (as in CI), where chmod alone stops nothing: the
// folder is made 0555 and, under root, the process's real and effective user
// and group become nobody (65534) while the guard lives (root stays the saved
// id, to come back), so the kernel's permission checks apply to it and to the
// children it starts meanwhile. Real ids change too: a child whose real and
// effective ids differ runs in secure mode, undumpable, where LeakSanitizer
// cannot inspect it. Not root: chmod is enough. When neither
// works (no CAP_SETUID, or a user whose writes chmod does not stop), the
// guard is inactive and why_not() says why, for a test to skip with it.
// Single-threaded tests only.
#pragma once

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace linkgraph::testing {

inline constexpr uid_t kNobody = 65534;

class ReadOnlyFolder {
 public:
  // folder and every folder above it must be searchable by others (a
  // TempDir is 0700: make it 0755 first). Files in it stay as they are.
  // programs: what the test will run meanwhile; the guard is inactive when
  // its user may not run one (a build under /root is not nobody's to run).
  explicit ReadOnlyFolder(std::filesystem::path folder,
                          const std::vector<std::string>& programs = {})
      : folder_(std::move(folder)) {
    std::error_code error;
    std::filesystem::permissions(folder_, std::filesystem::perms(0555),
                                 std::filesystem::perm_options::replace, error);
    if (error) {
      why_not_ = "cannot chmod " + folder_.string() + ": " + error.message();
      return;
    }
    if (geteuid() == 0) {
      if (setresgid(kNobody, kNobody, 0) != 0 || setresuid(kNobody, kNobody, 0) != 0) {
        why_not_ = std::string("running as root and cannot become nobody: ") + std::strerror(errno);
        Restore();
        return;
      }
      dropped_ = true;
    }
    if (faccessat(AT_FDCWD, folder_.c_str(), W_OK, AT_EACCESS) == 0) {
      why_not_ = "this user may write " + folder_.string() + " although it is 0555";
      Restore();
      return;
    }
    for (const std::string& program : programs) {
      if (faccessat(AT_FDCWD, program.c_str(), X_OK, AT_EACCESS) != 0) {
        why_not_ = "the user the guard runs as may not run " + program +
                   " (a folder above it is not searchable by others)";
        Restore();
        return;
      }
    }
  }
  ~ReadOnlyFolder() { Restore(); }
  ReadOnlyFolder(const ReadOnlyFolder&) = delete;
  ReadOnlyFolder& operator=(const ReadOnlyFolder&) = delete;

  bool active() const { return why_not_.empty(); }
  const std::string& why_not() const { return why_not_; }

 private:
  void Restore() {
    if (dropped_) {
      // Back to root first: only root may set the group back.
      if (setresuid(0, 0, 0) != 0 || setresgid(0, 0, 0) != 0) std::terminate();
      // A change of ids made the process undumpable; LeakSanitizer's check at
      // exit needs it dumpable again.
      prctl(PR_SET_DUMPABLE, 1);
      dropped_ = false;
    }
    std::error_code ignored;
    std::filesystem::permissions(folder_, std::filesystem::perms(0755),
                                 std::filesystem::perm_options::replace, ignored);
  }

  std::filesystem::path folder_;
  bool dropped_ = false;
  std::string why_not_;
};

}  // namespace linkgraph::testing
