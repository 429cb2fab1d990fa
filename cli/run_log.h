// Private to cli/: what a command that writes the database (crawl, import,
// rebuild) tells a cron job: one summary line that starts with the time
// and names the database, and --log FILE, a timestamped copy of every line
// the command prints on stdout and stderr. Not thread-safe: one RunLog per
// process, made and destroyed on the main thread.
#pragma once

#include <chrono>
#include <fstream>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

#include "common/result.h"

namespace linkgraph::cli {

// "2026-12-04T15:40:02Z linkgraph crawl ok: db=/var/lib/x.db crawl #3: 120
// fetched, ...": command, outcome, the database (as messages name it) and
// the detail.
std::string SummaryLine(std::chrono::system_clock::time_point when, std::string_view command,
                        std::string_view outcome, const std::string& database,
                        std::string_view detail);

// The word a summary line gives for an exit status (cli/commands.h): ok,
// partial, failed, usage, busy, interrupted.
std::string_view OutcomeOfStatus(int status);

// Prints SummaryLine(now, command, OutcomeOfStatus(status), database,
// detail) on stdout and returns status. detail may hold text from pages or
// errors: it is made terminal-safe here.
int PrintSummary(std::string_view command, const std::string& database, int status,
                 std::string_view detail);

// Whether a line starts as SummaryLine's do (an ISO 8601 UTC time and a
// space), so that the log does not stamp it twice.
bool StartsWithTimestamp(std::string_view line);

// The stream for what is only for a person watching a terminal (the live
// progress line): stderr, never copied to the log.
std::ostream& TerminalOnly();

class RunLog {
 public:
  // Appends std::cout's and std::cerr's lines to `path` (created when
  // missing, its folder must exist) from now until destruction, each after
  // the time it was written. An error names the path and why.
  // "" (no --log): nullptr.
  static Result<std::unique_ptr<RunLog>> Open(const std::string& path);
  ~RunLog();
  RunLog(const RunLog&) = delete;
  RunLog& operator=(const RunLog&) = delete;

 private:
  class Tee;
  RunLog() = default;

  std::ofstream file_;
  std::unique_ptr<Tee> out_;
  std::unique_ptr<Tee> err_;
  std::streambuf* original_out_ = nullptr;
  std::streambuf* original_err_ = nullptr;
};

}  // namespace linkgraph::cli
