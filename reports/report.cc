#include <optional>
#include <ostream>
#include <string>
#include <string_view>

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
    {"met", 0, "report met [--person WHO]", true},  // every kind: [--since DATE] [--until DATE]
    {"replies", 0, "report replies [--by author|pair|reply|unanswered]", false},
    {"mentions", 0, "report mentions", false},
    {"links", 0, "report links", false},
    {"people", 0, "report people [--limit N]", true},
    {"person", 1, "report person WHO", false},
    {"path", 2, "report path A B", true},
    {"vouch", 1, "report vouch WHO [--as WHO]", false},
    {"pages", 0, "report pages [--failed] [--limit N]", false},
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
  if (request.limit > 0 && request.kind == "path") {
    return Invalid("--limit means nothing for 'path': it shows one chain of at most 6 hops");
  }
  if (!request.by.empty() && request.kind != "replies") return Invalid("--by is for 'replies'");
  if (request.failed_only && request.kind != "pages") return Invalid("--failed is for 'pages'");
  if (request.since == kSinceLastRun && request.kind != "new") {
    return Invalid("--since LAST is for 'new'; the other reports take a date (2026-12-01)");
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
  if (kind == "mentions") return WriteMentions(store, request, out);
  if (kind == "links") return WriteLinks(store, request, out);
  if (kind == "people") return WritePeople(store, request, out);
  if (kind == "person") return WritePerson(store, request, out);
  if (kind == "path") return WritePath(store, request, out);
  if (kind == "pages") return WritePages(store, request, out);
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

}  // namespace linkgraph::reports
