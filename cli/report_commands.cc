// The read-only subcommands: report, export, status.
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/page_pipeline.h"
#include "reports/reports.h"

namespace linkgraph::cli {
namespace {

int Fail(const char* command, const Error& error) {
  std::cerr << "linkgraph " << command << ": " << error.message << '\n';
  return error.code == ErrorCode::kInvalidArgument ? kExitUsage : kExitFailure;
}

}  // namespace

int RunReport(const ReportOptions& options) {
  auto format = reports::ParseFormat(options.format);
  if (!format.ok()) return Fail("report", format.error());
  // A typo in the kind is a usage error, told before the database is opened.
  if (Status kind = reports::CheckReportKind(options.kind); !kind.ok()) {
    return Fail("report", kind.error());
  }
  auto store = OpenExistingStore(options.database);
  if (!store.ok()) return Fail("report", store.error());
  Status written = reports::WriteReport(options.kind, **store, *format, std::cout);
  return written.ok() ? kExitOk : Fail("report", written.error());
}

int RunExport(const ExportOptions& options) {
  if (options.format != "json") {
    return Fail("export", Error{ErrorCode::kInvalidArgument,
                                "format '" + options.format + "' is not available yet (json)"});
  }
  auto store = OpenExistingStore(options.database);
  if (!store.ok()) return Fail("export", store.error());
  if (options.out.empty() || options.out == "-") {
    Status written = reports::WriteJsonExport(**store, std::cout);
    return written.ok() ? kExitOk : Fail("export", written.error());
  }
  // Write beside the target and rename, so a failed export never leaves a
  // half-written file where a good one was.
  std::string partial = options.out + ".partial";
  {
    std::ofstream file(partial, std::ios::binary | std::ios::trunc);
    if (!file) return Fail("export", Error{ErrorCode::kIo, "cannot write " + partial});
    Status written = reports::WriteJsonExport(**store, file);
    file.close();
    if (!written.ok() || !file) {
      std::remove(partial.c_str());
      return Fail("export", written.ok() ? Error{ErrorCode::kIo, "cannot write " + partial}
                                         : written.error());
    }
  }
  if (std::rename(partial.c_str(), options.out.c_str()) != 0) {
    std::remove(partial.c_str());
    return Fail("export", Error{ErrorCode::kIo, "cannot write " + options.out});
  }
  return kExitOk;
}

int RunStatus(const std::string& database) {
  auto store = OpenExistingStore(database);
  if (!store.ok()) return Fail("status", store.error());
  std::cout << "database    " << database << '\n';
  Status written = reports::WriteStatus(**store, std::cout);
  return written.ok() ? kExitOk : Fail("status", written.error());
}

}  // namespace linkgraph::cli
