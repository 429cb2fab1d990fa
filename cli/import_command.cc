// `linkgraph import PATH...`: saved pages from disk, extracted as a crawl
// would, saved in batches (one transaction each).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string_view>

#include "cli/commands.h"
#include "cli/page_explain.h"
#include "cli/page_pipeline.h"
#include "cli/run_lock.h"
#include "common/ascii.h"
#include "common/terminal_text.h"
#include "crawler/crawler.h"
#include "graph/graph.h"

namespace linkgraph::cli {
namespace {

namespace fs = std::filesystem;

// Tells each page as it is read: --explain's line, and a failure's reason.
class ImportPrinter : public pipeline::ImportObserver {
 public:
  ImportPrinter(const ImportOptions& options, size_t files) : options_(options), files_(files) {}

  void OnPage(const std::string& file, const store::PageToSave& page) override {
    // Titles and names come from the pages: shown, never obeyed.
    if (options_.explain) {
      std::cout << ForTerminal(ExplainPage(file, page, "--reextract reads it again")) << '\n';
    }
    // A failure is told even with -q; a page with nothing in it unless -q.
    const bool failed = page.fetch.status != "ok";
    if (failed || !options_.quiet) {
      if (std::string why = pipeline::WhyNothingExtracted(page); !why.empty()) {
        std::cerr << "linkgraph import: " << ForTerminal(file + ": " + why) << '\n';
      }
    }
  }

  void OnPagesSaved(const pipeline::ImportResult& result) override {
    if (options_.quiet) return;
    std::cout << "imported " << result.files - result.failed << " of " << files_ << " files into "
              << store::LocationForMessages(options_.database) << ": "
              << pipeline::DescribeOutcome(result.saved) << '\n';
  }

 private:
  const ImportOptions& options_;
  size_t files_;
};

}  // namespace

int RunImport(const ImportOptions& options) {
  std::vector<std::string> missing;
  std::vector<std::string> files = pipeline::ListPageFiles(options.paths, &missing);
  for (const std::string& path : missing) {
    std::cerr << "linkgraph import: " << ForTerminal(path) << ": no such file or directory\n";
  }
  if (files.empty()) {
    std::cerr << "linkgraph import: no pages to import\n";
    return kExitFailure;
  }
  Result<RunLock> lock = RunLock::Acquire(options.database, options.lock_timeout_seconds);
  if (!lock) {
    std::cerr << "linkgraph import: " << lock.error().message << '\n';
    return ExitStatusOfLockFailure(lock.error());
  }
  auto store = OpenStoreToWrite(options.database);
  if (!store.ok()) {
    std::cerr << "linkgraph import: " << store.error().message << '\n';
    return kExitFailure;
  }
  pipeline::ImportConfig config;
  config.reextract = options.reextract;
  config.derive_graph = !options.no_graph;
  ImportPrinter printer(options, files.size());
  Result<pipeline::ImportResult> imported = pipeline::ImportFiles(files, config, **store, printer);
  if (!imported) {
    std::cerr << "linkgraph import: " << imported.error().message << '\n';
    return kExitFailure;
  }
  if (imported->graph_error) {
    ReportGraphUpdate(*imported->graph_error, options.quiet, "import");
    return kExitFailure;
  }
  ReportGraphUpdate(imported->graph, options.quiet, "import");
  if (imported->with_posts == 0 && !imported->stopped) {
    std::cerr << "linkgraph import: no post stored: none of the " << imported->files
              << " files held a post (see 'linkgraph report pages --failed')\n";
  }
  return imported->failed + missing.size() > 0 ? kExitFailure : kExitOk;
}

}  // namespace linkgraph::cli
