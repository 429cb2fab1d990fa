#include "cli/page_pipeline.h"

#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/run_lock.h"
#include "crawler/crawler.h"
#include "graph/graph.h"

namespace linkgraph::cli {

Result<std::unique_ptr<store::Store>> OpenStoreToWrite(const std::string& database) {
  store::OpenOptions options;
  options.site_of = crawler::SiteOfUrl;
  return store::OpenStore(database, options);
}

Result<std::unique_ptr<store::Store>> OpenExistingStore(const std::string& database) {
  Result<store::StoreLocation> location = store::ParseStoreLocation(database);
  if (!location) return location.error();
  std::error_code ignored;
  if (location->backend == store::StoreLocation::Backend::kSqlite && location->path != ":memory:" &&
      !std::filesystem::exists(location->path, ignored)) {
    const std::filesystem::path folder = std::filesystem::path(location->path).parent_path();
    const std::string why = !folder.empty() && !std::filesystem::is_directory(folder, ignored)
                                ? "its folder " + folder.string() + " does not exist; "
                                : "";
    return Error{ErrorCode::kNotFound, "no database at " + database + " (" + why +
                                           "run 'linkgraph import' or 'linkgraph crawl' "
                                           "first, or pass --db)"};
  }
  store::OpenOptions options;
  options.create_if_missing = false;
  return store::OpenStore(database, options);
}

Result<std::unique_ptr<store::Store>> OpenStoreToRead(const std::string& database,
                                                      const char* command) {
  Result<std::unique_ptr<store::Store>> store = OpenExistingStore(database);
  // Only a SQLite file or folder it may not write (kIo) is worth a
  // read-only try; PostgreSQL grants reading by role, not by file.
  if (store || store.error().code != ErrorCode::kIo) return store;
  Result<store::StoreLocation> location = store::ParseStoreLocation(database);
  if (!location || location->backend != store::StoreLocation::Backend::kSqlite) return store;
  const std::string writable_error = store.error().message;
  store::OpenOptions options;
  options.create_if_missing = false;
  for (store::Access access : {store::Access::kReadOnly, store::Access::kImmutable}) {
    options.access = access;
    store = store::OpenStore(database, options);
    if (store.ok() && access == store::Access::kImmutable) {
      std::error_code ignored;
      if (std::filesystem::file_size(database + "-wal", ignored) > 0 && !ignored) {
        std::cerr << "linkgraph " << command << ": " << database
                  << " is read without writing, so the changes still in " << database
                  << "-wal are not seen\n";
      }
    }
    if (store.ok() || store.error().code != ErrorCode::kIo) return store;
  }
  return Error{ErrorCode::kIo, "cannot read " + database + ": " + writable_error +
                                   "; reading it without writing failed too: " +
                                   store.error().message};
}

bool ReportGraphUpdate(const Result<pipeline::GraphUpdate>& update, bool quiet,
                       const char* command) {
  if (!update) {
    std::cerr << "linkgraph " << command << ": " << update.error().message
              << " (the pages are stored; run 'linkgraph rebuild' to try again)\n";
    return false;
  }
  if (update->derived && !quiet) {
    std::cout << "graph: " << update->people << " people, " << update->edges << " edges\n";
  }
  return true;
}

bool UpdateGraph(store::Store& store, const store::SaveOutcome& saved, bool quiet,
                 const char* command) {
  return ReportGraphUpdate(pipeline::UpdateGraph(store, saved), quiet, command);
}

void WarnIfGraphStale(store::Store& store, const std::string& database, const char* command) {
  Result<pipeline::GraphStaleness> staleness = pipeline::StalenessOf(store);
  if (!staleness) return;
  if (*staleness == pipeline::GraphStaleness::kCurrent) return;
  if (std::optional<std::string> holder = RunLock::Holder(database)) {
    // A crawl or import saves its pages first and derives the graph at its
    // end: rebuilding now would only wait for its lock.
    std::cerr << "linkgraph " << command << ": a crawl or import is writing this database ("
              << *holder << ") and derives people and edges when it ends; "
              << (*staleness == pipeline::GraphStaleness::kNotBuilt
                      ? "none are derived yet, so wait for it to finish and run this again\n"
                      : "until then this shows the graph derived before it (wait for it to "
                        "finish for the new pages)\n");
    return;
  }
  switch (*staleness) {
    case pipeline::GraphStaleness::kCurrent:
      return;
    case pipeline::GraphStaleness::kNotBuilt:
      std::cerr << "linkgraph " << command
                << ": people and edges are not derived yet; run 'linkgraph rebuild'\n";
      return;
    case pipeline::GraphStaleness::kOtherRules: {
      Result<store::GraphState> state = store.Graph();
      std::cerr << "linkgraph " << command << ": people and edges were derived by rules "
                << (state ? state->rules_version : std::string("of another version"))
                << ", this linkgraph has " << graph::kRulesVersion << "; run 'linkgraph rebuild'\n";
      return;
    }
    case pipeline::GraphStaleness::kOlderThanPages:
      std::cerr << "linkgraph " << command
                << ": people and edges are older than the stored pages (their derivation was "
                   "interrupted or failed); run 'linkgraph rebuild'\n";
      return;
  }
}

}  // namespace linkgraph::cli
