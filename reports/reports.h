// Reports and exports: read the store, write tables, CSV or JSON for people
// and programs. Nothing here writes to the store. Functions are reentrant;
// a Store is used from one thread at a time.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "store/store.h"

namespace linkgraph::reports {

// dot and svg draw the graph; only the reports that are a graph (met, path,
// people) offer them.
enum class Format { kTable, kCsv, kJson, kDot, kSvg };

// "table", "csv", "json", "dot" or "svg"; kInvalidArgument otherwise.
Result<Format> ParseFormat(std::string_view name);

// Report kinds `linkgraph report KIND` offers.
inline constexpr std::string_view kReportKinds[] = {
    "met", "replies", "mentions", "links", "people", "person", "path", "vouch", "pages", "new"};

// One `linkgraph report` request.
struct ReportRequest {
  std::string kind;
  std::vector<std::string> arguments;  // WHO for person and vouch; A B for path
  Format format = Format::kTable;
  std::string person;  // --person WHO: met, mentions and replies about one person
  std::string asker;   // --as WHO: vouch shows how the asker reaches each voucher
  // The first N rows of each table (0: all; people: 20); drawings: the
  // best-connected people kept (0: all). Not for path.
  int limit = 0;
  std::string by;      // replies: "author" (default), "pair" or "reply" for csv
  std::string around;  // --around WHO: a drawing of WHO's neighbourhood, --depth hops deep
  int depth = 1;
  bool failed_only = false;  // pages: only those that yielded nothing or failed
  // new: rows first stored at or after `since` (kSinceLastRun or "": the
  // newest run's start; else an ISO date) and up to `until` (at its precision).
  // The other reports: only what is dated in the window by its evidence (an
  // edge's date, a post's or comment's published, a page's fetched_at);
  // undated items are left out once either is given. ISO dates only.
  std::string since;
  std::string until;
  // --format table on a terminal: its columns, which the table fits (see
  // WriteTableText); 0 (off a terminal): every cell whole, nothing wrapped.
  size_t width = 0;
};
inline constexpr char kSinceLastRun[] = "LAST";

// Checks the kind, its arguments and the format before any database is
// opened: kInvalidArgument with what is wrong.
Status CheckReportRequest(const ReportRequest& request);

// Writes the report; kInvalidArgument for a bad request, kNotFound when a
// WHO matches nobody.
Status WriteReport(const ReportRequest& request, store::Store& store, std::ostream& out);

// What `report met` could not read: "150 texts (posts and comments) were
// not read for meetings: no rules for their language (de 120, fr 30)", or
// "" when every text was read. For the reader, beside the report.
Result<std::string> MeetingsNotRead(store::Store& store);

// Who met whom (and spoke, and plans to meet): one row per (speaker, other
// person, kind), merging all the speaker's statements about that person.
Status WriteMet(store::Store& store, const ReportRequest& request, std::ostream& out);
Status WritePeople(store::Store& store, const ReportRequest& request, std::ostream& out);
Status WritePerson(store::Store& store, const ReportRequest& request, std::ostream& out);
Status WritePath(store::Store& store, const ReportRequest& request, std::ostream& out);
Status WriteVouch(store::Store& store, const ReportRequest& request, std::ostream& out);
// What the newest run (or the window asked for) added: edges from new texts
// (met first), people first seen, posts, comments and linkbacks.
Status WriteNew(store::Store& store, const ReportRequest& request, std::ostream& out);
// kInvalidArgument when --since or --until is not a date (or LAST).
Status CheckSinceUntil(const ReportRequest& request);

// Who replies to whom, and how fast: per blog author (top-level comments
// answered, unanswered, latencies), per pair of people, and per reply.
Status WriteReplies(store::Store& store, const ReportRequest& request, std::ostream& out);

// Every @mention: handle, source_url, in ("post"|"comment"), by; windowed
// by the published date of the text that mentions.
Status WriteMentions(store::Store& store, Format format, std::ostream& out);
Status WriteMentions(store::Store& store, const ReportRequest& request, std::ostream& out);

// Trackbacks and pingbacks received, and post-to-post links between stored
// posts; links within one blog are marked self. Windowed by published.
Status WriteLinks(store::Store& store, Format format, std::ostream& out);
Status WriteLinks(store::Store& store, const ReportRequest& request, std::ostream& out);

// What came of one stored page, by what its record and its counts say:
// stored (it gave a post, comments, trackbacks or mentions), no_content
// (read, nothing found), not_html, failed (not fetched or not read).
enum class PageOutcome { kStored, kNoContent, kNotHtml, kFailed };
const char* PageOutcomeName(PageOutcome outcome);  // "stored", "no_content", ...
PageOutcome OutcomeOfPage(const store::PageRecord& page);
// Why the page gave nothing; "" for a stored one.
std::string ReasonOfPage(const store::PageRecord& page);

// Every stored page by URL: url, fetch (HTTP status, "file", or the fetch
// error's kind), outcome, reason, posts, comments, trackbacks, mentions,
// fetched_at; with request.failed_only, those not stored.
Status WritePages(store::Store& store, const ReportRequest& request, std::ostream& out);

// Pages by outcome (every outcome, in enum order) and the commonest reasons
// pages gave nothing, most pages first.
struct PageOutcomes {
  std::vector<std::pair<PageOutcome, long long>> pages;
  std::vector<std::pair<std::string, long long>> top_reasons;
};
Result<PageOutcomes> CountPageOutcomes(store::Store& store, size_t top_reasons);

// Everything in the store as one JSON document with top-level arrays posts,
// comments, trackbacks, mentions, people and edges (keys documented in the
// README).
Status WriteJsonExport(store::Store& store, std::ostream& out);

// `linkgraph export --format`: json, csv, xlsx, graphml, gexf, dot or html.
enum class ExportFormat { kJson, kCsv, kXlsx, kGraphml, kGexf, kDot, kHtml };
inline constexpr std::string_view kExportFormats[] = {"json", "csv", "xlsx", "graphml",
                                                      "gexf", "dot", "html"};

// kInvalidArgument naming the choices for an unknown name.
Result<ExportFormat> ParseExportFormat(std::string_view name);

// The people graph: a node per person (id StoredPerson::key, which survives
// rebuilds; attributes name, handles, urls, sites, texts, degree, edges) and
// an edge per stored edge (label its kind; attributes kind, date,
// date_precision, detail, event, when, evidence, source_url), or per pair
// and kind when merged. The same store gives the same bytes.
struct GraphExportOptions {
  // One edge per (from, to, kind), weighted by how many it stands for, with
  // the earliest date, the span of all, and their details and evidence.
  bool merge_edges = false;
};
Status WriteGraphmlExport(store::Store& store, const GraphExportOptions& options,
                          std::ostream& out);
Status WriteGexfExport(store::Store& store, const GraphExportOptions& options,
                       std::ostream& out);  // GEXF 1.2draft, dynamic: edges dated by day
Status WriteDotExport(store::Store& store, const GraphExportOptions& options,
                      std::ostream& out);  // a Graphviz digraph
// One self-contained page (libraries and data inside, nothing fetched) that
// draws the graph with sigma.js: search by name, filters by kind and date,
// and an edge's evidence, kind, date and source on a click.
Status WriteHtmlExport(store::Store& store, const GraphExportOptions& options, std::ostream& out);

// Writes nodes.csv, edges.csv, posts.csv and comments.csv into folder,
// creating it. The files are written into a temporary sibling folder that
// then takes folder's place, so a killed export leaves either the old folder
// or the new one. An existing folder is replaced only when it holds nothing
// but those four files.
Status WriteCsvExport(store::Store& store, const GraphExportOptions& options,
                      const std::string& folder);

// Writes an xlsx workbook at path (replacing a file there) with sheets
// nodes, edges, posts and comments: the CSV export's columns and values.
// Text is always a string cell, never a formula; counts (texts, degree,
// position) are numbers; dates are ISO 8601 text, their precision noted on
// the header cell. kTooLarge, writing nothing, when a sheet would pass the
// 1,048,576 rows an xlsx sheet holds; a cell's text is cut at the 32,767
// characters one holds, ending in "…".
Status WriteXlsxExport(store::Store& store, const GraphExportOptions& options,
                       const std::string& path);

// An SVG drawing of a DOT graph, laid out by Graphviz's library: "dot" up to
// 300 nodes, "sfdp" above (a "layout" graph attribute overrides). kCorrupt
// when the DOT does not parse, kInternal when layout or rendering fails; the
// message carries Graphviz's own words, which never reach stderr.
// Thread-safe (calls are serialised: Graphviz keeps global state).
Result<std::string> RenderSvg(std::string_view dot);

// A short summary of what the store holds, what came of its pages and of
// the last crawl (finished or not, its totals and queue), for `linkgraph
// status`: "name value" lines, or with kJson one JSON object of the same
// facts. database: the location as messages show it ("" leaves it out).
Status WriteStatus(store::Store& store, std::ostream& out);
Status WriteStatus(store::Store& store, const std::string& database, Format format,
                   std::ostream& out);

}  // namespace linkgraph::reports
