// `report people` (the most connected and most active) and `report person`
// (one person: identities with their evidence, sites, interactions).
#include <algorithm>
#include <map>
#include <set>

#include "common/terminal_text.h"
#include "graph/graph.h"
#include "reports/date_window.h"
#include "reports/drawing.h"
#include "reports/people_view.h"
#include "reports/table.h"

namespace linkgraph::reports {
namespace {

constexpr int kDefaultRows = 20;

struct Connections {
  std::set<long long> neighbours;
  std::map<std::string, long long> by_kind;  // edges in and out
};

// A blog's link to itself connects nobody.
bool JoinsTwo(const store::StoredEdge& edge) { return edge.from != edge.to; }

// Counted as the store visits the edges: a million of them are never held.
Result<std::map<long long, Connections>> CountConnections(store::Store& store,
                                                          const DateWindow& window) {
  std::map<long long, Connections> connections;
  Status read = store.EachEdge([&](store::StoredEdge& edge) -> Status {
    if (!JoinsTwo(edge) || !window.Holds(edge.date)) return {};
    connections[edge.from].neighbours.insert(edge.to);
    connections[edge.to].neighbours.insert(edge.from);
    ++connections[edge.from].by_kind[edge.kind];
    ++connections[edge.to].by_kind[edge.kind];
    return {};
  });
  if (!read) return read.error();
  return connections;
}

// The edges between the people shown (everyone's when null), for a drawing.
Result<std::vector<store::StoredEdge>> EdgesAmong(store::Store& store,
                                                  const std::set<long long>* shown,
                                                  const DateWindow& window) {
  std::vector<store::StoredEdge> among;
  Status read = store.EachEdge([&](store::StoredEdge& edge) -> Status {
    if (JoinsTwo(edge) && window.Holds(edge.date) &&
        (shown == nullptr || (shown->count(edge.from) && shown->count(edge.to)))) {
      among.push_back(std::move(edge));
    }
    return {};
  });
  if (!read) return read.error();
  return among;
}

// The best-connected people and the edges among them, or with --around one
// person's neighbourhood; either cut to --limit people (default 20).
Status DrawPeople(store::Store& store, const std::vector<const store::StoredPerson*>& ranked,
                  const ReportRequest& request, std::ostream& out) {
  std::set<long long> shown;
  for (auto* person : ranked) shown.insert(person->id);
  Result<std::vector<store::StoredEdge>> edges =
      EdgesAmong(store, request.around.empty() ? &shown : nullptr, DateWindowOf(request));
  if (!edges) return edges.error().WithContext("report people");
  ReportRequest cut = request;
  if (cut.limit == 0) cut.limit = kDefaultRows;
  PeopleView view(store);
  Result<std::vector<store::StoredEdge>> kept = CutForDrawing(view, std::move(*edges), cut);
  if (!kept) return kept.error().WithContext("report people");
  Result<Drawing> drawing = DrawingOf(view, *kept);
  if (!drawing) return drawing.error().WithContext("report people");
  drawing->graph.name = "people";
  return WriteDrawing(*drawing, request.format, out);
}

}  // namespace

Status WritePeople(store::Store& store, const ReportRequest& request, std::ostream& out) {
  Result<std::vector<store::StoredPerson>> people = store.People();
  if (!people) return people.error().WithContext("report people");
  const DateWindow window = DateWindowOf(request);
  Result<std::map<long long, Connections>> counted = CountConnections(store, window);
  if (!counted) return counted.error().WithContext("report people");
  std::map<long long, Connections>& connections = *counted;
  std::vector<const store::StoredPerson*> ranked;
  for (const store::StoredPerson& person : *people) {
    // In a window, only the people an edge dated in it joins.
    if (!window.Bounded() || connections.count(person.id)) ranked.push_back(&person);
  }
  auto degree = [&](const store::StoredPerson* person) {
    auto it = connections.find(person->id);
    return it == connections.end() ? 0 : static_cast<long long>(it->second.neighbours.size());
  };
  std::stable_sort(ranked.begin(), ranked.end(), [&](auto* x, auto* y) {
    return std::make_tuple(-degree(x), -x->texts, x->name) <
           std::make_tuple(-degree(y), -y->texts, y->name);
  });
  if (request.format == Format::kDot || request.format == Format::kSvg) {
    return DrawPeople(store, ranked, request, out);
  }
  const size_t limit = static_cast<size_t>(request.limit > 0 ? request.limit : kDefaultRows);
  if (ranked.size() > limit) ranked.resize(limit);
  Table table;
  table.header = {"id", "person", "degree", "texts"};
  for (std::string_view kind : graph::kEdgeKinds) table.header.emplace_back(kind);
  for (auto* person : ranked) {
    const Connections& counts = connections[person->id];
    std::vector<std::string> row = {"#" + std::to_string(person->id), LabelOf(*person),
                                    std::to_string(degree(person)), std::to_string(person->texts)};
    nlohmann::json by_kind = nlohmann::json::object();
    for (std::string_view kind : graph::kEdgeKinds) {
      auto it = counts.by_kind.find(std::string(kind));
      const long long count = it == counts.by_kind.end() ? 0 : it->second;
      row.push_back(std::to_string(count));
      by_kind[std::string(kind)] = count;
    }
    table.rows.push_back(std::move(row));
    table.json.push_back({{"id", person->id},
                          {"key", person->key},
                          {"name", person->name},
                          {"handles", HandlesOf(*person)},
                          {"degree", degree(person)},
                          {"texts", person->texts},
                          {"edges", std::move(by_kind)}});
  }
  Write(table, request.format, out, request.width);
  return {};
}

Status WritePerson(store::Store& store, const ReportRequest& request, std::ostream& out) {
  PeopleView people(store);
  Result<const store::StoredPerson*> found = people.Resolve(request.arguments.at(0));
  if (!found) return found.error().WithContext("report person");
  const store::StoredPerson person = **found;
  Result<std::vector<store::StoredEdge>> edges = store.EdgesOf(person.id);
  if (!edges) return edges.error().WithContext("report person");
  KeepDated(DateWindowOf(request), *edges);

  Table identities;
  identities.header = {"kind", "identity", "why"};
  for (const store::PersonIdentity& member : person.identities) {
    const std::string shown =
        member.identity.kind == "handle" ? "@" + member.identity.value : member.identity.value;
    identities.rows.push_back({member.identity.kind, shown, member.reason});
    identities.json.push_back(
        {{"kind", member.identity.kind}, {"value", shown}, {"why", member.reason}});
  }
  Table interactions;
  interactions.header = {"direction", "kind", "other", "detail", "date", "evidence", "source_url"};
  for (const store::StoredEdge& edge : *edges) {
    const bool outgoing = edge.from == person.id;
    Result<const store::StoredPerson*> other = people.Get(outgoing ? edge.to : edge.from);
    if (!other) return other.error().WithContext("report person");
    const std::string direction = edge.from == edge.to ? "self" : outgoing ? "to" : "from";
    const std::string detail = EdgeDetail(edge);
    interactions.rows.push_back({direction, edge.kind, LabelOf(**other), detail, edge.date,
                                 edge.evidence, edge.source_url});
    interactions.json.push_back({{"direction", direction},
                                 {"kind", edge.kind},
                                 {"other", (*other)->name},
                                 {"other_id", (*other)->id},
                                 {"detail", edge.detail},
                                 {"event", edge.event},
                                 {"when", edge.when},
                                 {"date", edge.date},
                                 {"evidence", edge.evidence},
                                 {"source_url", edge.source_url}});
  }
  LimitRows(interactions, request.limit);
  if (request.format == Format::kJson) {
    nlohmann::json document = {{"id", person.id},
                               {"name", person.name},
                               {"key", person.key},
                               {"handles", HandlesOf(person)},
                               {"sites", ValuesOf(person, "site")},
                               {"urls", ValuesOf(person, "url")},
                               {"texts", person.texts},
                               {"identities", identities.json},
                               {"interactions", interactions.json}};
    out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return {};
  }
  if (request.format == Format::kCsv) {
    WriteCsv(interactions, out);  // one table per CSV: the interactions
    return {};
  }
  out << ForTerminal(LabelOf(person)) << "  #" << person.id << "  (" << person.texts
      << " posts and comments)\n\nIdentities\n";
  WriteTableText(identities, out, request.width);
  out << "\nInteractions\n";
  WriteTableText(interactions, out, request.width);
  return {};
}

}  // namespace linkgraph::reports
