#include "reports/date_window.h"

#include <algorithm>
#include <string_view>

namespace linkgraph::reports {

bool DateWindow::Holds(const std::string& date) const {
  if (!Bounded()) return true;
  if (date.empty()) return false;
  // Compared at the coarser precision of the two, so "2010-02" meets a
  // window from 2010-02-15 and a date on 2026-12-31 is within --until 2026-12.
  if (!since.empty() && std::string_view(since).substr(0, date.size()) > date) return false;
  return until.empty() || date.compare(0, until.size(), until) <= 0;
}

DateWindow DateWindowOf(const ReportRequest& request) {
  return DateWindow{request.since, request.until};
}

void KeepDated(const DateWindow& window, std::vector<store::StoredEdge>& edges) {
  if (!window.Bounded()) return;
  std::erase_if(edges, [&](const store::StoredEdge& edge) { return !window.Holds(edge.date); });
}

void LimitRows(Table& table, int limit) {
  if (limit <= 0) return;
  const auto kept = static_cast<size_t>(limit);
  if (table.rows.size() > kept) table.rows.resize(kept);
  if (table.json.is_array() && table.json.size() > kept) {
    table.json.erase(table.json.begin() + static_cast<std::ptrdiff_t>(kept), table.json.end());
  }
}

Result<std::unique_ptr<store::GraphWrite>> WindowedGraph::BeginGraphWrite(
    const store::GraphSnapshot&) {
  return Error{ErrorCode::kInternal, "a windowed graph is read only"};
}

Status WindowedGraph::EachEdge(const store::RowVisitor<store::StoredEdge>& visit) {
  return graph_.EachEdge([&](store::StoredEdge& edge) -> Status {
    return window_.Holds(edge.date) ? visit(edge) : Status();
  });
}

Result<std::vector<store::StoredEdge>> WindowedGraph::EdgesOf(long long person) {
  Result<std::vector<store::StoredEdge>> edges = graph_.EdgesOf(person);
  if (edges) KeepDated(window_, *edges);
  return edges;
}

Result<std::vector<store::StoredEdge>> WindowedGraph::EdgesBetween(long long a, long long b) {
  Result<std::vector<store::StoredEdge>> edges = graph_.EdgesBetween(a, b);
  if (edges) KeepDated(window_, *edges);
  return edges;
}

Result<std::vector<long long>> WindowedGraph::Neighbours(long long person,
                                                         const std::vector<std::string>& kinds) {
  if (!window_.Bounded()) return graph_.Neighbours(person, kinds);
  Result<std::vector<store::StoredEdge>> edges = EdgesOf(person);
  if (!edges) return edges.error();
  std::vector<long long> neighbours;
  for (const store::StoredEdge& edge : *edges) {
    if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), edge.kind) == kinds.end()) {
      continue;
    }
    const long long other = edge.from == person ? edge.to : edge.from;
    if (other != person) neighbours.push_back(other);
  }
  std::sort(neighbours.begin(), neighbours.end());
  neighbours.erase(std::unique(neighbours.begin(), neighbours.end()), neighbours.end());
  return neighbours;
}

}  // namespace linkgraph::reports
