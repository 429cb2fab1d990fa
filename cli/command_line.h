// Private to cli/: the command line read into the options of one subcommand,
// and its --config file, without running anything else, so that the
// executable and the config file's fuzz target share one reading. Reads
// --urls-file (standard input for "-"); not thread-safe.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace linkgraph::cli {

struct CommandLine {
  enum class Command { kNone, kImport, kCrawl, kReport, kRebuild, kExport, kStatus, kCopy };
  Command command = Command::kNone;
  ImportOptions import;
  CrawlOptions crawl;  // with the --config file and --urls-file read in
  ReportOptions report;
  ExportOptions export_command;
  std::string rebuild_database = kDefaultDatabase;
  bool rebuild_quiet = false;  // accepted; rebuild prints only its summary anyway
  double rebuild_lock_timeout = 0.0;
  LoggingOptions rebuild_logging;
  std::string status_database = kDefaultDatabase;
  std::string status_format = "table";
  std::string copy_from;  // a SQLite location
  std::string copy_to;    // a PostgreSQL URI
  bool copy_quiet = false;
};

// ParseCommandLine's result when a command is to run.
inline constexpr int kParsed = -1;

// Reads args (the program name left out), then the --config file's values
// for options args left out, into *line and returns kParsed; or prints what
// was asked (--help, --version: to out) or what is wrong (to err) and
// returns the exit status: 0, or kExitUsage.
int ParseCommandLine(std::vector<std::string> args, CommandLine* line, std::ostream& out,
                     std::ostream& err);

}  // namespace linkgraph::cli
