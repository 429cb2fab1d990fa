// Private to cli/: opening the store for a command, and the graph step
// of the commands that save pages, told on the terminal.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/pipeline.h"
#include "store/store.h"

namespace linkgraph::cli {

// Opens (creating as needed) the database for commands that save pages,
// with each site's posts kept its own by registrable domain.
Result<std::unique_ptr<store::Store>> OpenStoreToWrite(const std::string& database);

// Opens the database for rebuild: it must exist already.
Result<std::unique_ptr<store::Store>> OpenExistingStore(const std::string& database);

// The same for commands that only read it (report, export, status): when the
// database or its folder is not writable here (a read-only filesystem, a
// folder of another user), it is opened read-only, then immutable (no -shm
// needed; a note on stderr when a -wal file's changes are not seen), and
// the error names every way tried when none works.
Result<std::unique_ptr<store::Store>> OpenStoreToRead(const std::string& database,
                                                      const char* command);

// pipeline::UpdateGraph after a save, printing the new totals unless quiet;
// false (with the reason on stderr) when it failed, which leaves the pages
// stored and the previous graph in place.
bool UpdateGraph(store::Store& store, const store::SaveOutcome& saved, bool quiet,
                 const char* command);

// Prints a derivation's totals unless quiet or nothing was derived; on an
// error, says on stderr that the pages are stored and returns false.
bool ReportGraphUpdate(const Result<pipeline::GraphUpdate>& update, bool quiet,
                       const char* command);

// On stderr, a line when the stored graph is missing, older than the stored
// pages, or derived by other rules; when a crawl or import holds the
// database's lock (RunLock::Holder), that it is running and what to do.
void WarnIfGraphStale(store::Store& store, const std::string& database, const char* command);

}  // namespace linkgraph::cli
