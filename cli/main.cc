// The `linkgraph` executable: reads the command line and runs one
// subcommand. Exit status: 0 success, 1 failure, 2 usage, 3 partial, 75
// busy, 130 and 143 interrupted by SIGINT and SIGTERM (cli/commands.h).
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command_line.h"

namespace linkgraph::cli {
namespace {

int Run(int argc, char** argv) {
  CommandLine line;
  if (int status = ParseCommandLine(std::vector<std::string>(argv + 1, argv + argc), &line,
                                    std::cout, std::cerr);
      status != kParsed) {
    return status;
  }
  using Command = CommandLine::Command;
  switch (line.command) {
    case Command::kImport: return RunImport(line.import);
    case Command::kCrawl: return RunCrawl(line.crawl);
    case Command::kReport: return RunReport(line.report);
    case Command::kRebuild:
      return RunRebuild(line.rebuild_database, line.rebuild_lock_timeout, line.rebuild_logging);
    case Command::kExport: return RunExport(line.export_command);
    case Command::kStatus:
      return RunStatus(line.status_database, line.status_format);
    case Command::kCopy:
      return RunCopy(line.copy_from, line.copy_to, line.copy_quiet);
    case Command::kNone: break;
  }
  return kExitUsage;
}

}  // namespace
}  // namespace linkgraph::cli

int main(int argc, char** argv) {
  // Exceptions are for bugs; they are caught once, here.
  try {
    return linkgraph::cli::Run(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "linkgraph: internal error: " << error.what() << '\n';
    return linkgraph::cli::kExitFailure;
  }
}
