// `linkgraph import PATH...`: saved pages from disk, extracted as a crawl
// would, saved in batches (one transaction each).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <string_view>

#include "cli/commands.h"
#include "cli/page_explain.h"
#include "cli/page_pipeline.h"
#include "cli/run_lock.h"
#include "cli/run_log.h"
#include "cli/stop_signals.h"
#include "common/ascii.h"
#include "common/clock.h"
#include "common/terminal_text.h"
#include "crawler/crawler.h"
#include "graph/graph.h"

namespace linkgraph::cli {
namespace {

namespace fs = std::filesystem;

// Tells each page as it is read: --explain's line, and a failure's reason.
class ImportPrinter : public pipeline::ImportObserver {
 public:
  explicit ImportPrinter(const ImportOptions& options) : options_(options) {}

  void OnPage(const std::string& file, const store::PageToSave& page) override {
    // Titles and names come from the pages: shown, never obeyed.
    if (options_.explain) {
      std::cout << ForTerminal(ExplainPage(file, page, "--reextract reads it again")) << '\n';
    }
    // -v's line says why a page gave nothing too.
    if (options_.logging.verbose) {
      std::cerr << "linkgraph import: " << ForTerminal(file + ": " + DescribeSavedPage(page))
                << '\n';
      return;
    }
    // A failure is told even with -q; a page with nothing in it unless -q.
    const bool failed = page.fetch.status != "ok";
    if (failed || !options_.quiet) {
      if (std::string why = pipeline::WhyNothingExtracted(page); !why.empty()) {
        std::cerr << "linkgraph import: " << ForTerminal(file + ": " + why) << '\n';
      }
    }
  }

 private:
  const ImportOptions& options_;
};

// The run's one summary line, on stdout, and the status it ends with.
int Summarize(const ImportOptions& options, int status, const std::string& detail) {
  return PrintSummary("import", store::LocationForMessages(options.database), status, detail);
}

std::string DescribeImport(const pipeline::ImportResult& imported, size_t files) {
  return "imported " + std::to_string(imported.files - imported.failed) + " of " +
         std::to_string(files) + " files: " + pipeline::DescribeOutcome(imported.saved);
}

}  // namespace

int RunImport(const ImportOptions& options) {
  // Opened first, so that what follows is in it; closed last.
  Result<std::unique_ptr<RunLog>> log = RunLog::Open(options.logging.log_file);
  if (!log) {
    std::cerr << "linkgraph import: " << log.error().message << '\n';
    return kExitUsage;
  }
  std::vector<std::string> missing;
  std::vector<std::string> files = pipeline::ListPageFiles(options.paths, &missing);
  for (const std::string& path : missing) {
    std::cerr << "linkgraph import: " << ForTerminal(path) << ": no such file or directory\n";
  }
  if (files.empty()) {
    std::cerr << "linkgraph import: no pages to import\n";
    return Summarize(options, kExitFailure, "no pages to import");
  }
  Result<RunLock> lock = RunLock::Acquire(options.database, options.lock_timeout_seconds);
  if (!lock) {
    std::cerr << "linkgraph import: " << lock.error().message << '\n';
    return Summarize(options, ExitStatusOfLockFailure(lock.error()), lock.error().message);
  }
  auto store = OpenStoreToWrite(options.database);
  if (!store.ok()) {
    std::cerr << "linkgraph import: " << store.error().message << '\n';
    return Summarize(options, kExitFailure, store.error().message);
  }
  pipeline::ImportConfig config;
  config.reextract = options.reextract;
  config.derive_graph = !options.no_graph;
  ImportPrinter printer(options);
  StopOnSignals stop;
  Result<pipeline::ImportResult> imported =
      pipeline::ImportFiles(files, config, **store, printer, stop.token());
  if (!imported) {
    std::cerr << "linkgraph import: " << imported.error().message << '\n';
    return Summarize(options, kExitFailure, imported.error().message);
  }
  const std::string detail = DescribeImport(*imported, files.size());
  if (imported->stopped && stop.signal() != 0) {
    return Summarize(options, stop.ExitStatus(),
                     detail + "; run the same command to import the rest");
  }
  if (imported->graph_error) {
    ReportGraphUpdate(*imported->graph_error, options.quiet, "import");
    return Summarize(options, kExitFailure, detail + "; people and edges not derived (see above)");
  }
  ReportGraphUpdate(imported->graph, options.quiet, "import");
  if (imported->with_posts == 0 && !imported->stopped) {
    std::cerr << "linkgraph import: no post stored: none of the " << imported->files
              << " files held a post (see 'linkgraph report pages --failed')\n";
  }
  const bool failed = imported->failed + missing.size() > 0;
  return Summarize(options, failed ? kExitFailure : kExitOk, detail);
}

}  // namespace linkgraph::cli
