// The subcommands that read the store: report and status (export is
// export_command.cc; rebuild, which re-derives the graph, rebuild_command.cc).
#include <sys/ioctl.h>  // TIOCGWINSZ
#include <unistd.h>     // isatty

#include <cstdlib>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "cli/page_pipeline.h"
#include "cli/run_lock.h"
#include "reports/reports.h"

namespace linkgraph::cli {
namespace {

int Fail(const char* command, const Error& error) {
  std::cerr << "linkgraph " << command << ": " << error.message << '\n';
  return error.code == ErrorCode::kInvalidArgument ? kExitUsage : kExitFailure;
}

// The columns of the terminal standard output is, so tables fit it; 0 when
// it is a pipe or a file, which get every cell whole.
size_t TerminalColumns() {
  if (isatty(STDOUT_FILENO) != 1) return 0;
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    char* end = nullptr;
    const long parsed = std::strtol(columns, &end, 10);
    if (end != columns && *end == '\0' && parsed > 0) return static_cast<size_t>(parsed);
  }
  return 80;
}

}  // namespace

int RunReport(const ReportOptions& options) {
  auto format = reports::ParseFormat(options.format);
  if (!format.ok()) return Fail("report", format.error());
  reports::ReportRequest request{options.kind,  options.arguments,   *format,       options.person,
                                 options.asker, options.limit,       options.by,    options.around,
                                 options.depth, options.failed_only, options.since, options.until};
  request.width = TerminalColumns();
  // A typo is a usage error, told before the database is opened.
  if (Status checked = reports::CheckReportRequest(request); !checked.ok()) {
    return Fail("report", checked.error());
  }
  auto store = OpenStoreToRead(options.database, "report");
  if (!store.ok()) return Fail("report", store.error());
  WarnIfGraphStale(**store, options.database, "report");
  Status written = reports::WriteReport(request, **store, std::cout);
  if (!written.ok()) return Fail("report", written.error());
  if (request.kind == "met" || request.kind == "person") {
    Result<std::string> not_read = reports::MeetingsNotRead(**store);
    if (not_read.ok() && !not_read->empty()) {
      std::cerr << "linkgraph report: note: " << *not_read << '\n';
    }
  }
  return kExitOk;
}

int RunCopy(const std::string& from, const std::string& to, bool quiet) {
  Result<store::CopyCounts> copied = store::CopyStore(from, to);
  if (!copied) {
    const int status = Fail("copy", copied.error());
    return copied.error().code == ErrorCode::kUnsupported ? kExitUsage : status;
  }
  if (quiet) return kExitOk;
  long long rows = 0;
  std::string tables;
  for (const auto& [table, count] : copied->rows) {
    rows += count;
    if (count > 0) tables += (tables.empty() ? "" : ", ") + table + " " + std::to_string(count);
  }
  std::cout << "copied " << rows << " rows from " << store::LocationForMessages(from) << " into "
            << store::LocationForMessages(to) << " (" << tables << ")\n";
  return kExitOk;
}

int RunStatus(const std::string& database, const std::string& format) {
  auto store = OpenStoreToRead(database, "status");
  if (!store.ok()) return Fail("status", store.error());
  Status written = reports::WriteStatus(
      **store, store::LocationForMessages(database),
      format == "json" ? reports::Format::kJson : reports::Format::kTable, std::cout);
  return written.ok() ? kExitOk : Fail("status", written.error());
}

}  // namespace linkgraph::cli
