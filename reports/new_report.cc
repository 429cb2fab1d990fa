// `report new`: what appeared since the last run (or a date): the edges
// that new texts gave (meetings first), the people first seen in them, and
// the new posts, comments and linkbacks, one row each, for a nightly mail.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "graph/graph.h"
#include "reports/date_window.h"
#include "reports/iso_time.h"
#include "reports/kind_styles.h"
#include "reports/people_view.h"
#include "reports/table.h"

namespace linkgraph::reports {
namespace {

// The window rows are new in: first_seen at or after `since`, and up to
// `until` at the precision it is written in ("2026-12" takes the month).
struct Window {
  std::string since;
  std::string until;

  bool Holds(const std::string& first_seen) const {
    if (first_seen.empty() || first_seen < since) return false;
    return until.empty() || first_seen.compare(0, until.size(), until) <= 0;
  }
};

Result<Window> WindowOf(store::Store& store, const ReportRequest& request) {
  Window window{request.since, request.until};
  if (!window.since.empty() && window.since != kSinceLastRun) return window;
  Result<std::vector<store::RunRecord>> runs = store.Runs();
  if (!runs) return runs.error();
  // Nothing was ever saved by a run that noted its start: nothing is new.
  window.since = runs->empty() ? "~" : runs->back().started_at;
  return window;
}

struct NewRows {
  Table table;
  // The new posts, comments and linkbacks: their URLs and when first seen.
  std::unordered_map<std::string, std::string> first_seen_of;
};

void AddRow(NewRows& rows, std::string_view what, const std::string& first_seen,
            const std::string& who, const std::string& to, const std::string& kind,
            const std::string& text, const std::string& url) {
  rows.table.rows.push_back({std::string(what), first_seen, who, to, kind, text, url});
  rows.table.json.push_back({{"what", what},
                             {"first_seen", first_seen},
                             {"who", who},
                             {"to", to},
                             {"kind", kind},
                             {"text", text},
                             {"url", url}});
}

Status AddTexts(store::Store& store, const Window& window, NewRows& rows) {
  NewRows posts, comments, linkbacks;
  Status read = store.EachPost([&](store::StoredPost& stored) -> Status {
    if (!window.Holds(stored.first_seen)) return {};
    rows.first_seen_of.emplace(stored.post.url, stored.first_seen);
    AddRow(posts, "post", stored.first_seen, stored.post.author, "", "", stored.post.title,
           stored.post.url);
    return {};
  });
  if (!read) return read;
  read = store.EachComment([&](store::StoredComment& stored) -> Status {
    if (!window.Holds(stored.first_seen) || stored.comment.kind != "comment") return {};
    const std::string url = graph::PermalinkOf(stored);
    rows.first_seen_of.emplace(url, stored.first_seen);
    AddRow(comments, "comment", stored.first_seen, stored.comment.author, "", "",
           stored.comment.text, url);
    return {};
  });
  if (!read) return read;
  read = store.EachTrackback([&](store::StoredTrackback& stored) -> Status {
    if (!window.Holds(stored.first_seen)) return {};
    rows.first_seen_of.emplace(stored.trackback.source_url, stored.first_seen);
    AddRow(linkbacks, ToString(stored.trackback.kind), stored.first_seen,
           stored.trackback.source_url, stored.post_url, "", stored.trackback.title,
           stored.trackback.source_url);
    return {};
  });
  if (!read) return read;
  for (NewRows* part : {&posts, &comments, &linkbacks}) {
    for (size_t i = 0; i < part->table.rows.size(); ++i) {
      rows.table.rows.push_back(std::move(part->table.rows[i]));
      rows.table.json.push_back(std::move(part->table.json[i]));
    }
  }
  return {};
}

// Edges whose source is a new text, meetings first, and the people none
// but new texts name: seen in new edges or writing new texts, and in no
// edge or text before.
Status AddGraph(store::Store& store, NewRows& rows) {
  std::vector<store::StoredEdge> edges;
  std::map<long long, std::string> seen_new;  // a person: the earliest new text naming them
  std::set<long long> seen_before;
  const auto note = [&](long long id, const std::string& source_url) {
    auto fresh = rows.first_seen_of.find(source_url);
    if (fresh == rows.first_seen_of.end()) {
      seen_before.insert(id);
      return false;
    }
    auto [it, added] = seen_new.emplace(id, fresh->second);
    if (!added && fresh->second < it->second) it->second = fresh->second;
    return true;
  };
  Status read = store.EachEdge([&](store::StoredEdge& edge) -> Status {
    const bool fresh = note(edge.from, edge.source_url);
    note(edge.to, edge.source_url);
    if (fresh) edges.push_back(std::move(edge));
    return {};
  });
  if (!read) return read;
  read = store.EachAuthor([&](store::Authorship& author) -> Status {
    note(author.person, author.source_url);
    return {};
  });
  if (!read) return read;
  std::stable_sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) {
    return KindStrength(a.kind) < KindStrength(b.kind);
  });
  PeopleView people(store);
  NewRows graph_rows;
  for (const store::StoredEdge& edge : edges) {
    Result<const store::StoredPerson*> from = people.Get(edge.from);
    if (!from) return from.error();
    Result<const store::StoredPerson*> to = people.Get(edge.to);
    if (!to) return to.error();
    AddRow(graph_rows, "edge", rows.first_seen_of.at(edge.source_url), LabelOf(**from),
           LabelOf(**to), edge.kind, edge.evidence, edge.source_url);
  }
  for (const auto& [id, first_seen] : seen_new) {
    if (seen_before.count(id)) continue;
    Result<const store::StoredPerson*> person = people.Get(id);
    if (!person) return person.error();
    AddRow(graph_rows, "person", first_seen, LabelOf(**person), "", "", "", (*person)->key);
  }
  // The graph's rows come first: meetings are the news.
  for (size_t i = 0; i < rows.table.rows.size(); ++i) {
    graph_rows.table.rows.push_back(std::move(rows.table.rows[i]));
    graph_rows.table.json.push_back(std::move(rows.table.json[i]));
  }
  graph_rows.table.header = std::move(rows.table.header);
  rows.table = std::move(graph_rows.table);
  return {};
}

}  // namespace

Status CheckSinceUntil(const ReportRequest& request) {
  if (!request.since.empty() && request.since != kSinceLastRun &&
      DatePrecision(request.since).empty()) {
    return Error{ErrorCode::kInvalidArgument,
                 "--since takes LAST or a date (2026-12-01, 2026-12-01T06:00:00Z), not '" +
                     request.since + "'"};
  }
  if (!request.until.empty() && DatePrecision(request.until).empty()) {
    return Error{
        ErrorCode::kInvalidArgument,
        "--until takes a date (2026-12-01, 2026-12-01T06:00:00Z), not '" + request.until + "'"};
  }
  return {};
}

Status WriteNew(store::Store& store, const ReportRequest& request, std::ostream& out) {
  Result<Window> window = WindowOf(store, request);
  if (!window) return window.error().WithContext("report new");
  NewRows rows;
  rows.table.header = {"what", "first_seen", "who", "to", "kind", "text", "url"};
  if (Status read = AddTexts(store, *window, rows); !read) {
    return read.error().WithContext("report new");
  }
  if (Status read = AddGraph(store, rows); !read) return read.error().WithContext("report new");
  LimitRows(rows.table, request.limit);
  Write(rows.table, request.format, out, request.width);
  return {};
}

}  // namespace linkgraph::reports
