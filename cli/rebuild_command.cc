// `linkgraph rebuild`: people and edges derived again from every stored
// page, under the database's lock, told in one summary line.
#include <iostream>
#include <memory>
#include <string_view>

#include "cli/commands.h"
#include "cli/page_pipeline.h"
#include "cli/run_lock.h"
#include "cli/run_log.h"
#include "common/clock.h"
#include "pipeline/pipeline.h"

namespace linkgraph::cli {
namespace {

int Fail(const std::string& database, int status, const Error& error) {
  std::cerr << "linkgraph rebuild: " << error.message << '\n';
  return PrintSummary("rebuild", store::LocationForMessages(database), status, error.message);
}

}  // namespace

int RunRebuild(const std::string& database, double lock_timeout_seconds,
               const LoggingOptions& logging) {
  // Opened first, so that what follows is in it; closed last.
  Result<std::unique_ptr<RunLog>> log = RunLog::Open(logging.log_file);
  if (!log) {
    std::cerr << "linkgraph rebuild: " << log.error().message << '\n';
    return kExitUsage;
  }
  auto store = OpenExistingStore(database);
  if (!store.ok()) {
    return Fail(database,
                store.error().code == ErrorCode::kInvalidArgument ? kExitUsage : kExitFailure,
                store.error());
  }
  Result<RunLock> lock = RunLock::Acquire(database, lock_timeout_seconds);
  if (!lock) return Fail(database, ExitStatusOfLockFailure(lock.error()), lock.error());
  Result<pipeline::GraphUpdate> derived = pipeline::DeriveGraph(**store);
  if (!derived) return Fail(database, kExitFailure, derived.error());
  return PrintSummary("rebuild", store::LocationForMessages(database), kExitOk,
                      "graph: " + std::to_string(derived->people) + " people, " +
                          std::to_string(derived->edges) + " edges");
}

}  // namespace linkgraph::cli
