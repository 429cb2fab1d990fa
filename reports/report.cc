#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>

#include "common/terminal_text.h"
#include "reports/reports.h"

namespace linkgraph::reports {

namespace {

struct KindSpec {
  std::string_view kind;
  size_t arguments;        // WHO, or A B
  std::string_view usage;  // for the error when they are missing
  bool draws;              // offers dot and svg
};

constexpr KindSpec kSpecs[] = {
    {"met", 0, "report met [--person WHO]", true},
    {"replies", 0, "report replies [--by author|pair|reply|unanswered]", false},
    {"mentions", 0, "report mentions", false},
    {"links", 0, "report links", false},
    {"people", 0, "report people [--limit N]", true},
    {"person", 1, "report person WHO", false},
    {"path", 2, "report path A B", true},
    {"vouch", 1, "report vouch WHO [--as WHO]", false},
    {"new", 0, "report new [--since LAST|DATE] [--until DATE]", false},
};

const KindSpec* SpecOf(std::string_view kind) {
  for (const KindSpec& spec : kSpecs) {
    if (spec.kind == kind) return &spec;
  }
  return nullptr;
}

Error Invalid(std::string message) {
  return Error{ErrorCode::kInvalidArgument, std::move(message)};
}

// One "name value" line of the last-crawl section, its values aligned.
template <typename T>
void CrawlLine(std::ostream& out, std::string_view name, const T& value) {
  constexpr size_t kWidth = 20;
  out << name << std::string(name.size() < kWidth ? kWidth - name.size() : 1, ' ');
  if constexpr (std::is_arithmetic_v<T>) {
    out << value << '\n';
  } else {
    out << ForTerminal(value) << '\n';
  }
}

// The newest crawl, finished or not. The free-text line comes last so that
// a reader taking the output as "name value" pairs stays in step.
void WriteLastCrawl(const std::optional<store::CrawlRun>& crawl,
                    const std::vector<store::CrawlQueue::LiveWorker>& workers, std::ostream& out) {
  if (!crawl) {
    CrawlLine(out, "crawl-started", "never");
    return;
  }
  const store::CrawlTotals& totals = crawl->totals;
  CrawlLine(out, "crawl-started", crawl->started_at);
  CrawlLine(out, "crawl-fetched", totals.fetched);
  CrawlLine(out, "crawl-not-modified", totals.not_modified);
  CrawlLine(out, "crawl-failed", totals.failed);
  CrawlLine(out, "crawl-skipped", totals.skipped);
  CrawlLine(out, "crawl-new-comments", totals.new_comments);
  CrawlLine(out, "crawl-new-mentions", totals.new_mentions);
  CrawlLine(out, "crawl-done", crawl->done);
  CrawlLine(out, "crawl-queued", crawl->queued);
  if (!workers.empty()) {
    // Several workers on one PostgreSQL crawl: who is at it, with how many hosts.
    std::string names;
    for (const store::CrawlQueue::LiveWorker& worker : workers) {
      names += (names.empty() ? "" : ", ") + worker.worker + " (" + std::to_string(worker.hosts) +
               (worker.hosts == 1 ? " host)" : " hosts)");
    }
    CrawlLine(out, "crawl-workers", std::to_string(workers.size()) + ": " + names);
  }
  CrawlLine(out, "crawl-outcome", crawl->outcome ? CrawlOutcomeName(*crawl->outcome) : "none");
  CrawlLine(out, "crawl-finished",
            crawl->finished_at.empty()
                ? "unfinished: killed or still running; the same command resumes it"
                : crawl->finished_at);
}

}  // namespace

Status CheckReportRequest(const ReportRequest& request) {
  const KindSpec* spec = SpecOf(request.kind);
  if (spec == nullptr) {
    std::string known;
    for (std::string_view name : kReportKinds)
      known += (known.empty() ? "" : ", ") + std::string(name);
    return Invalid("unknown report '" + request.kind + "' (available: " + known + ")");
  }
  if (request.arguments.size() != spec->arguments) {
    return Invalid("'" + request.kind + "' takes " + std::to_string(spec->arguments) +
                   " argument(s), got " + std::to_string(request.arguments.size()) +
                   " (usage: linkgraph " + std::string(spec->usage) + ")" +
                   (request.arguments.size() < spec->arguments
                        ? "; a shell drops an unquoted #ID as a comment: write '#5' or id:5"
                        : ""));
  }
  for (const std::string& who : request.arguments) {
    if (who.find_first_not_of(" \t") == std::string::npos) return Invalid("an empty WHO");
  }
  const bool drawing = request.format == Format::kDot || request.format == Format::kSvg;
  if (drawing && !spec->draws) {
    return Invalid(
        "'" + request.kind +
        "' is a table: use --format table, csv or json (dot and svg are for met, path and people)");
  }
  if (!request.person.empty() && request.kind != "met") {
    return Invalid(
        "--person filters 'met' only; for everything about one person use 'report person WHO'");
  }
  if (!request.asker.empty() && request.kind != "vouch") return Invalid("--as is for 'vouch'");
  if (!request.around.empty() &&
      (!drawing || (request.kind != "met" && request.kind != "people"))) {
    return Invalid(
        "--around draws a neighbourhood: use it with met or people and --format dot or svg");
  }
  if (request.around.empty() && request.depth != 1) return Invalid("--depth goes with --around");
  if (request.limit > 0 && request.kind != "people" && !(drawing && request.kind == "met")) {
    return Invalid("--limit is for 'people', and for met and people drawings (dot, svg)");
  }
  if (!request.by.empty() && request.kind != "replies") return Invalid("--by is for 'replies'");
  if ((!request.since.empty() || !request.until.empty()) && request.kind != "new") {
    return Invalid("--since and --until are for 'new'");
  }
  if (Status dates = CheckSinceUntil(request); !dates) return dates;
  if (!request.by.empty() && request.by != "author" && request.by != "pair" &&
      request.by != "reply" && request.by != "unanswered") {
    return Invalid("--by takes author, pair, reply or unanswered");
  }
  return {};
}

Status WriteReport(const ReportRequest& request, store::Store& store, std::ostream& out) {
  if (Status checked = CheckReportRequest(request); !checked) return checked;
  const std::string& kind = request.kind;
  if (kind == "met") return WriteMet(store, request, out);
  if (kind == "replies") return WriteReplies(store, request, out);
  if (kind == "mentions") return WriteMentions(store, request.format, out);
  if (kind == "links") return WriteLinks(store, request.format, out);
  if (kind == "people") return WritePeople(store, request, out);
  if (kind == "person") return WritePerson(store, request, out);
  if (kind == "path") return WritePath(store, request, out);
  if (kind == "new") return WriteNew(store, request, out);
  return WriteVouch(store, request, out);
}

Result<std::string> MeetingsNotRead(store::Store& store) {
  auto graph = store.Graph();
  if (!graph.ok()) return graph.error();
  long long total = 0;
  std::string languages;
  for (const auto& [language, texts] : graph->unread_languages) {
    total += texts;
    languages += (languages.empty() ? "" : ", ") + language + " " + std::to_string(texts);
  }
  if (total == 0) return std::string();
  return std::to_string(total) +
         " texts (posts and comments) were not read for meetings: no rules for their language (" +
         languages + ")";
}

Status WriteStatus(store::Store& store, std::ostream& out) {
  auto counts = store.Count();
  if (!counts.ok()) return counts.error().WithContext("status");
  // One "name value" pair a line, so scripts can read it too.
  out << "sites       " << counts->sites << '\n'
      << "posts       " << counts->posts << '\n'
      << "comments    " << counts->comments << '\n'
      << "trackbacks  " << counts->trackbacks << '\n'
      << "mentions    " << counts->mentions << '\n'
      << "identities  " << counts->identities << '\n'
      << "pages       " << counts->pages << '\n';
  for (const auto& [status, count] : counts->pages_by_status) {
    std::string label = "  " + ForTerminal(status);
    out << label << std::string(label.size() < 12 ? 12 - label.size() : 1, ' ') << count << '\n';
  }
  out << "last-fetch  "
      << (counts->last_fetched_at.empty() ? "never" : ForTerminal(counts->last_fetched_at))
      << '\n';
  auto graph = store.Graph();
  if (!graph.ok()) return graph.error().WithContext("status");
  out << "people      " << graph->people << '\n'
      << "edges       " << graph->edges << '\n'
      << "graph       "
      << (graph->built ? "derived " + graph->built_at + " by rules " + graph->rules_version
                       : std::string("not derived yet (linkgraph rebuild)"))
      << (graph->built && graph->stale
              ? ", older than the stored pages (linkgraph rebuild)"
              : "")
      << '\n';
  if (!graph->unread_languages.empty()) {
    out << "not-read    ";
    for (const auto& [language, texts] : graph->unread_languages) {
      out << language << '=' << texts << ' ';
    }
    out << "(texts whose language the meeting rules do not read)\n";
  }
  auto crawl = store.LastCrawl();
  if (!crawl.ok()) return crawl.error().WithContext("status");
  std::vector<store::CrawlQueue::LiveWorker> workers;
  if (*crawl && (*crawl)->finished_at.empty()) {
    auto live = store.LiveWorkers((*crawl)->id);
    if (!live.ok()) return live.error().WithContext("status");
    workers = std::move(*live);
  }
  WriteLastCrawl(*crawl, workers, out);
  return {};
}

}  // namespace linkgraph::reports
