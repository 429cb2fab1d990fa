// `report met`: who met whom, spoke with whom, plans to meet whom.
#include <algorithm>
#include <map>
#include <tuple>

#include "graph/graph.h"
#include "reports/date_window.h"
#include "reports/drawing.h"
#include "reports/people_view.h"
#include "reports/table.h"

namespace linkgraph::reports {
namespace {

bool IsMeeting(const std::string& kind) {
  return kind == "met" || kind == "spoke" || kind == "plans_to_meet";
}

int KindOrder(const std::string& kind) { return kind == "met" ? 0 : kind == "spoke" ? 1 : 2; }

// One row: every statement of one speaker about one person, of one kind.
struct MetRow {
  const store::StoredPerson* a = nullptr;
  const store::StoredPerson* b = nullptr;
  std::string kind;
  std::vector<const store::StoredEdge*> statements;
};

std::string RowDetail(const MetRow& row) {
  std::vector<std::string> parts;
  for (const store::StoredEdge* edge : row.statements) parts.push_back(EdgeDetail(*edge));
  std::string detail = JoinUnique(parts, "; ");
  // Nothing but the words themselves: quote them ("PS We have met!").
  if (detail.empty() && !row.statements.empty()) {
    detail = "\"" + row.statements.front()->evidence + "\"";
  }
  return detail;
}

template <typename Field>
std::vector<std::string> Collect(const MetRow& row, Field field) {
  std::vector<std::string> values;
  for (const store::StoredEdge* edge : row.statements) values.push_back(edge->*field);
  return values;
}

std::string EarliestDate(const MetRow& row) {
  std::string earliest;
  for (const store::StoredEdge* edge : row.statements) {
    if (!edge->date.empty() && (earliest.empty() || edge->date < earliest)) earliest = edge->date;
  }
  return earliest;
}

nlohmann::json StatementJson(const store::StoredEdge& edge) {
  return {{"detail", edge.detail}, {"event", edge.event},       {"when", edge.when},
          {"date", edge.date},     {"evidence", edge.evidence}, {"source_url", edge.source_url}};
}

nlohmann::json RowJson(const MetRow& row) {
  nlohmann::json statements = nlohmann::json::array();
  for (const store::StoredEdge* edge : row.statements) statements.push_back(StatementJson(*edge));
  return {{"a", row.a->name},
          {"a_id", row.a->id},
          {"a_handles", HandlesOf(*row.a)},
          {"b", row.b->name},
          {"b_id", row.b->id},
          {"b_handles", HandlesOf(*row.b)},
          {"kind", row.kind},
          {"detail", RowDetail(row)},
          {"event", JoinUnique(Collect(row, &store::StoredEdge::event), "; ")},
          {"date", EarliestDate(row)},
          {"evidence", JoinUnique(Collect(row, &store::StoredEdge::evidence), " | ")},
          {"source_url", JoinUnique(Collect(row, &store::StoredEdge::source_url), " ")},
          {"statements", std::move(statements)}};
}

Result<std::vector<store::StoredEdge>> MeetingEdges(store::Store& store, PeopleView& people,
                                                    const std::string& who) {
  if (who.empty()) {
    // Every edge visited, only the meetings kept: a tenth of them or fewer.
    std::vector<store::StoredEdge> meetings;
    Status read = store.EachEdge([&](store::StoredEdge& edge) -> Status {
      if (IsMeeting(edge.kind)) meetings.push_back(std::move(edge));
      return {};
    });
    if (!read) return read.error();
    return meetings;
  }
  Result<const store::StoredPerson*> person = people.Resolve(who);
  if (!person) return person.error();
  Result<std::vector<store::StoredEdge>> edges = store.EdgesOf((*person)->id);
  if (!edges) return edges.error();
  std::erase_if(*edges, [](const store::StoredEdge& edge) { return !IsMeeting(edge.kind); });
  return edges;
}

}  // namespace

Status WriteMet(store::Store& store, const ReportRequest& request, std::ostream& out) {
  PeopleView people(store);
  Result<std::vector<store::StoredEdge>> edges = MeetingEdges(store, people, request.person);
  if (!edges) return edges.error().WithContext("report met");
  KeepDated(DateWindowOf(request), *edges);
  if (request.format == Format::kDot || request.format == Format::kSvg) {
    Result<std::vector<store::StoredEdge>> kept = CutForDrawing(people, std::move(*edges), request);
    if (!kept) return kept.error().WithContext("report met");
    Result<Drawing> drawing = DrawingOf(people, *kept);
    if (!drawing) return drawing.error().WithContext("report met");
    drawing->graph.name = "met";
    return WriteDrawing(*drawing, request.format, out);
  }
  std::map<std::tuple<long long, long long, std::string>, MetRow> rows;
  for (const store::StoredEdge& edge : *edges) {
    MetRow& row = rows[{edge.from, edge.to, edge.kind}];
    if (row.a == nullptr) {
      Result<const store::StoredPerson*> a = people.Get(edge.from);
      if (!a) return a.error().WithContext("report met");
      Result<const store::StoredPerson*> b = people.Get(edge.to);
      if (!b) return b.error().WithContext("report met");
      row = MetRow{*a, *b, edge.kind, {}};
    }
    row.statements.push_back(&edge);
  }
  std::vector<MetRow*> ordered;
  for (auto& [key, row] : rows) ordered.push_back(&row);
  std::sort(ordered.begin(), ordered.end(), [](const MetRow* x, const MetRow* y) {
    return std::make_tuple(x->a->name, KindOrder(x->kind), EarliestDate(*x), LabelOf(*x->b)) <
           std::make_tuple(y->a->name, KindOrder(y->kind), EarliestDate(*y), LabelOf(*y->b));
  });
  Table table;
  table.header = {"a", "b", "kind", "detail", "date", "evidence", "source_url"};
  for (const MetRow* row : ordered) {
    table.rows.push_back({LabelOf(*row->a), LabelOf(*row->b), row->kind, RowDetail(*row),
                          EarliestDate(*row),
                          JoinUnique(Collect(*row, &store::StoredEdge::evidence), " | "),
                          JoinUnique(Collect(*row, &store::StoredEdge::source_url), " ")});
    table.json.push_back(RowJson(*row));
  }
  LimitRows(table, request.limit);
  Write(table, request.format, out, request.width);
  return {};
}

}  // namespace linkgraph::reports
