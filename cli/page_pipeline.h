// Private to cli/: bytes of one page to a record the store can save, shared
// by import (files) and crawl (fetched URLs).
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "store/store.h"

namespace linkgraph::cli {

// Extracts the page and fills the fetch record's status, error, hash and
// time. A page that cannot be extracted keeps its fetch record with the
// reason, so the store shows what was tried. When unchanged_in already holds
// these exact bytes for url, extracted without error, the record only
// refreshes the fetch: a re-run costs no parse.
store::PageToSave ProcessPage(std::string_view bytes, const std::string& url,
                              const std::string& transport_charset,
                              store::Store* unchanged_in = nullptr);
// The same, given the stored record of url (nullptr when none): safe to call
// from several threads.
store::PageToSave ProcessPage(std::string_view bytes, const std::string& url,
                              const std::string& transport_charset,
                              const store::PageFetch* previous);

// The stored record of an unchanged page, fetched again now: no extraction,
// nothing rewritten but the fetch bookkeeping.
store::PageToSave RefreshedPage(const store::PageFetch& previous);

// A fetch record for a page that never got as far as extraction.
store::PageToSave FailedPage(const std::string& url, const std::string& status,
                             const std::string& error);

std::string NowIso8601Utc();
// The time that many seconds ago, in the same form.
std::string IsoUtcSecondsAgo(double seconds);

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

// "imported 3 pages: ..." totals for the closing line.
std::string DescribeOutcome(const store::SaveOutcome& outcome);

void AddOutcome(const store::SaveOutcome& from, store::SaveOutcome* into);

// Derives people and edges from everything stored, replacing the stored
// graph, and prints the totals unless quiet.
//
// Test-only hook: when the environment variable named by
// kTestHoldBeforeGraphEnv holds a file path, the derivation first writes its
// pid to that file and then waits kTestHoldSeconds before reading anything,
// so a test can kill it at a known point (pages saved, graph not yet
// written). Never set outside tests; unset, it costs one getenv per
// derivation, and set, it only delays.
inline constexpr char kTestHoldBeforeGraphEnv[] = "LINKGRAPH_TEST_HOLD_BEFORE_GRAPH";
inline constexpr std::chrono::seconds kTestHoldSeconds{30};  // Default: 30 s
Status DeriveGraph(store::Store& store, bool quiet);

// Re-derives people and edges after a save when pages changed, or when the
// stored graph is missing, stale (older than the pages) or came from other
// rules. Prints the new totals unless quiet; false (with the reason on
// stderr) when it failed, which leaves the pages stored and the previous
// graph in place.
bool UpdateGraph(store::Store& store, const store::SaveOutcome& saved, bool quiet,
                 const char* command);

// On stderr, a line when the stored graph is missing, older than the stored
// pages, or derived by other rules.
void WarnIfGraphStale(store::Store& store, const char* command);

}  // namespace linkgraph::cli
