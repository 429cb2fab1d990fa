// The work of crawl and import as a library: a page's bytes made into the
// record the store saves, saved page files imported in batches, and the
// graph kept current after a save; the crawl itself is in crawl.h. cli/
// turns options into these calls, prints what an observer hears and maps
// results to exit codes. Functions are not thread-safe unless they say so;
// the store passed in is borrowed.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/outcome.h"
#include "common/result.h"
#include "graph/graph.h"
#include "store/store.h"

namespace linkgraph::pipeline {

// --- One page's record (page_record.cc) ---

// Extracts the page and fills the fetch record's status, error, hash and
// time. A page that cannot be extracted keeps its fetch record with the
// reason, so the store shows what was tried. When `previous` (the stored
// record of url, or nullptr) holds these exact bytes, extracted without
// error, the record only refreshes the fetch: a re-run costs no parse.
// Thread-safe.
store::PageToSave ProcessPage(std::string_view bytes, const std::string& url,
                              const std::string& transport_charset,
                              const store::PageFetch* previous);
// The same, looking the stored record of url up in `unchanged_in` (nullptr:
// always extract).
store::PageToSave ProcessPage(std::string_view bytes, const std::string& url,
                              const std::string& transport_charset, store::Store* unchanged_in);

// The stored record of an unchanged page, fetched again now: no extraction,
// nothing rewritten but the fetch bookkeeping.
store::PageToSave RefreshedPage(const store::PageFetch& previous);

// A fetch record for a page that never got as far as extraction: its
// status is the outcome's name ("http_404" with the HTTP status given).
store::PageToSave FailedPage(const std::string& url, UrlOutcome outcome, const std::string& error,
                             int http_status = 0);

// Why a page's record gives nothing to report, for a line on the terminal:
// "not HTML (content type application/pdf), nothing extracted", the fetch's
// error, or "no post or comments found: not a blog page (no post container,
// no comment list)"; "" when it holds a post, comments, trackbacks or
// mentions, or is an unchanged page not read again. Thread-safe.
std::string WhyNothingExtracted(const store::PageToSave& page);

// Whether the record holds a post: read now, or kept as stored (unchanged,
// not modified), whose posts stand.
bool HoldsPost(const store::PageToSave& page);

// Totals of several saves, and their one-line description ("3 new, 0
// changed, ... pages; 2 new posts, ...").
void AddOutcome(const store::SaveOutcome& from, store::SaveOutcome* into);
std::string DescribeOutcome(const store::SaveOutcome& outcome);

// --- The graph after a save (graph_update.cc) ---

struct GraphUpdate {
  bool derived = false;  // false: the stored graph was current, nothing done
  long long people = 0;
  long long edges = 0;
  long long texts_read = 0;  // read for meetings, not taken from a kept reading
};

// Derives people and edges from everything stored, replacing the stored
// graph.
//
// Test-only hook: when the environment variable named by
// kTestHoldBeforeGraphEnv holds a file path, the derivation first writes its
// pid to that file and then waits kTestHoldSeconds before reading anything,
// so a test can kill it at a known point (pages saved, graph not yet
// written). Never set outside tests; unset, it costs one getenv per
// derivation, and set, it only delays.
inline constexpr char kTestHoldBeforeGraphEnv[] = "LINKGRAPH_TEST_HOLD_BEFORE_GRAPH";
inline constexpr std::chrono::seconds kTestHoldSeconds{30};  // Default: 30 s
// Default: every text read again, as `linkgraph rebuild` does.
Result<GraphUpdate> DeriveGraph(store::Store& store,
                                graph::TextReuse reuse = graph::TextReuse::kReadEveryText);

// Derives again when `saved` added or changed pages, or when the stored
// graph is missing, stale (older than the pages) or came from other rules,
// reading again only the texts whose kept reading no longer holds.
// An error leaves the pages stored and the previous graph in place.
Result<GraphUpdate> UpdateGraph(store::Store& store, const store::SaveOutcome& saved);

// Why the stored graph is not what a derivation would give now.
enum class GraphStaleness { kCurrent, kNotBuilt, kOtherRules, kOlderThanPages };
Result<GraphStaleness> StalenessOf(store::Store& store);

// --- Import of saved pages (import.cc) ---

// The files named, and the page files (.html, .htm, .xhtml, .shtml) below
// the folders named, sorted per argument so runs are repeatable. Paths
// that do not exist are appended to `missing`.
std::vector<std::string> ListPageFiles(const std::vector<std::string>& paths,
                                       std::vector<std::string>* missing);

struct ImportConfig {
  // Extract every page again, even one stored with the same bytes.
  bool reextract = false;  // Default: false
  // Keep the graph current after the pages are saved (UpdateGraph).
  bool derive_graph = true;  // Default: true
  size_t batch_pages = 64;   // Default: 64 pages a transaction
  // Far above any real page; a larger file is refused without being read.
  std::uintmax_t max_file_bytes = std::uintmax_t{64} << 20;  // Default: 64 MB
};

// What an import tells as it goes; the default does nothing. Called on the
// importing thread.
struct ImportResult;
class ImportObserver {
 public:
  virtual ~ImportObserver() = default;
  // Each file as read and extracted, before it is saved.
  virtual void OnPage(const std::string& file, const store::PageToSave& page);
  // Every page saved, before the graph is derived.
  virtual void OnPagesSaved(const ImportResult& result);
};

struct ImportResult {
  size_t files = 0;   // read (or refused) before the end or a stop
  size_t failed = 0;  // whose record says why they were not extracted
  size_t with_posts = 0;  // HoldsPost: read with a post, or unchanged
  bool stopped = false;
  store::SaveOutcome saved;
  GraphUpdate graph;
  // Why the graph could not be derived; the pages are saved all the same
  // and the previous graph stays in place.
  std::optional<Error> graph_error;
};

// Reads, extracts and saves `files` (ListPageFiles) as a crawl would, in
// batches of one transaction each. A stop request ends it after the page
// being read; what was read is saved, the graph is then not derived. An
// error from the store ends it (the batches saved before stay saved).
Result<ImportResult> ImportFiles(const std::vector<std::string>& files, const ImportConfig& config,
                                 store::Store& store, ImportObserver& observer,
                                 std::stop_token stop = {});

}  // namespace linkgraph::pipeline
