// `report path A B` (how two people are connected, each hop with its
// evidence) and `report vouch WHO` (who already knows WHO in person or by
// voice, and how the asker reaches them).
#include <algorithm>
#include <iterator>
#include <map>

#include "common/terminal_text.h"
#include "graph/graph.h"
#include "reports/date_window.h"
#include "reports/drawing.h"
#include "reports/people_view.h"
#include "reports/table.h"

namespace linkgraph::reports {
namespace {

constexpr int kMaxHops = 6;

// "Dave Martin -> Wendy -> @LaraNewman": the people along a path from start.
Result<std::string> Chain(PeopleView& people, long long start,
                          const std::vector<store::StoredEdge>& path) {
  Result<const store::StoredPerson*> first = people.Get(start);
  if (!first) return first.error();
  std::string chain = LabelOf(**first);
  long long at = start;
  for (const store::StoredEdge& edge : path) {
    at = edge.from == at ? edge.to : edge.from;
    Result<const store::StoredPerson*> next = people.Get(at);
    if (!next) return next.error();
    chain += " -> " + LabelOf(**next);
  }
  return chain;
}

}  // namespace

Status WritePath(store::Store& store, const ReportRequest& request, std::ostream& out) {
  PeopleView people(store);
  Result<const store::StoredPerson*> a = people.Resolve(request.arguments.at(0));
  if (!a) return a.error().WithContext("report path");
  Result<const store::StoredPerson*> b = people.Resolve(request.arguments.at(1));
  if (!b) return b.error().WithContext("report path");
  WindowedGraph graph(store, DateWindowOf(request));
  Result<std::vector<store::StoredEdge>> path =
      graph::ShortestPath(graph, (*a)->id, (*b)->id, {}, kMaxHops);
  if (!path) return path.error().WithContext("report path");
  if (request.format == Format::kDot || request.format == Format::kSvg) {
    Result<Drawing> drawing = DrawingOf(people, *path);
    if (!drawing) return drawing.error().WithContext("report path");
    drawing->graph.name = "path";
    return WriteDrawing(*drawing, request.format, out);
  }
  Table table;
  table.header = {"hop", "from", "kind", "to", "detail", "date", "evidence", "source_url"};
  int hop = 0;
  for (const store::StoredEdge& edge : *path) {
    Result<const store::StoredPerson*> from = people.Get(edge.from);
    if (!from) return from.error().WithContext("report path");
    Result<const store::StoredPerson*> to = people.Get(edge.to);
    if (!to) return to.error().WithContext("report path");
    ++hop;
    table.rows.push_back({std::to_string(hop), LabelOf(**from), edge.kind, LabelOf(**to),
                          EdgeDetail(edge), edge.date, edge.evidence, edge.source_url});
    table.json.push_back({{"hop", hop},
                          {"from", (*from)->name},
                          {"from_id", (*from)->id},
                          {"kind", edge.kind},
                          {"to", (*to)->name},
                          {"to_id", (*to)->id},
                          {"detail", edge.detail},
                          {"event", edge.event},
                          {"date", edge.date},
                          {"evidence", edge.evidence},
                          {"source_url", edge.source_url}});
  }
  if (path->empty() && request.format == Format::kTable) {
    out << ForTerminal(LabelOf(**a)) << " and " << ForTerminal(LabelOf(**b)) << " are not connected within " << kMaxHops
        << " hops\n";
    return {};
  }
  Write(table, request.format, out, request.width);
  return {};
}

Status WriteVouch(store::Store& store, const ReportRequest& request, std::ostream& out) {
  PeopleView people(store);
  Result<const store::StoredPerson*> who = people.Resolve(request.arguments.at(0));
  if (!who) return who.error().WithContext("report vouch");
  const long long subject = (*who)->id;
  const std::string subject_label = LabelOf(**who);
  long long asker = 0;
  if (!request.asker.empty()) {
    Result<const store::StoredPerson*> found = people.Resolve(request.asker);
    if (!found) return found.error().WithContext("report vouch --as");
    asker = (*found)->id;
  }
  WindowedGraph graph(store, DateWindowOf(request));
  Result<std::vector<store::StoredEdge>> edges = graph.EdgesOf(subject);
  if (!edges) return edges.error().WithContext("report vouch");

  Table table;
  table.header = {"voucher", "kind", "detail", "said_by", "evidence", "source_url"};
  if (asker != 0) table.header.push_back("asker_reaches_voucher");
  std::map<long long, std::string> reach;  // voucher -> chain from the asker
  for (const store::StoredEdge& edge : *edges) {
    if (std::find(std::begin(graph::kAcquaintanceKinds), std::end(graph::kAcquaintanceKinds),
                  edge.kind) == std::end(graph::kAcquaintanceKinds)) {
      continue;
    }
    const long long voucher_id = edge.from == subject ? edge.to : edge.from;
    Result<const store::StoredPerson*> voucher = people.Get(voucher_id);
    if (!voucher) return voucher.error().WithContext("report vouch");
    Result<const store::StoredPerson*> speaker = people.Get(edge.from);
    if (!speaker) return speaker.error().WithContext("report vouch");
    std::vector<std::string> row = {LabelOf(**voucher), edge.kind,     EdgeDetail(edge),
                                    LabelOf(**speaker), edge.evidence, edge.source_url};
    nlohmann::json json = {{"voucher", (*voucher)->name},
                           {"voucher_id", (*voucher)->id},
                           {"voucher_handles", HandlesOf(**voucher)},
                           {"kind", edge.kind},
                           {"detail", edge.detail},
                           {"event", edge.event},
                           {"date", edge.date},
                           {"said_by", (*speaker)->name},
                           {"said_by_id", (*speaker)->id},
                           {"evidence", edge.evidence},
                           {"source_url", edge.source_url}};
    if (asker != 0) {
      if (!reach.count(voucher_id)) {
        Result<std::vector<store::StoredEdge>> path =
            graph::ShortestPath(graph, asker, voucher_id, {}, kMaxHops);
        if (!path) return path.error().WithContext("report vouch");
        Result<std::string> chain = asker == voucher_id ? Result<std::string>("(you)")
                                    : path->empty()     ? Result<std::string>("")
                                                        : Chain(people, asker, *path);
        if (!chain) return chain.error().WithContext("report vouch");
        reach[voucher_id] = *chain;
      }
      row.push_back(reach[voucher_id].empty() ? "not connected" : reach[voucher_id]);
      json["asker_reaches_voucher"] = reach[voucher_id];
    }
    table.rows.push_back(std::move(row));
    table.json.push_back(std::move(json));
  }
  LimitRows(table, request.limit);
  if (table.rows.empty() && request.format == Format::kTable) {
    out << "Nobody in the graph says they met or spoke with " << ForTerminal(subject_label) << "\n";
    return {};
  }
  Write(table, request.format, out, request.width);
  return {};
}

}  // namespace linkgraph::reports
