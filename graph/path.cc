// ShortestPath: a bidirectional breadth-first search that asks the store
// for the neighbours of the nodes it visits, so a path across a graph of a
// million edges reads a few thousand index entries, not the graph.
#include <algorithm>
#include <array>
#include <tuple>
#include <unordered_map>

#include "graph/graph.h"

namespace linkgraph::graph {
namespace {

using Parents = std::unordered_map<long long, long long>;  // node -> the node it was reached from

int Strength(const std::string& kind) {
  static constexpr std::array<std::string_view, 7> kOrder = {
      "met", "spoke", "plans_to_meet", "replied", "commented", "mentioned", "linked"};
  for (size_t i = 0; i < kOrder.size(); ++i) {
    if (kOrder[i] == kind) return static_cast<int>(i);
  }
  return static_cast<int>(kOrder.size());
}

// Expands one whole level of a search; returns the meeting node (or 0).
Result<long long> ExpandLevel(store::GraphStore& store, const std::vector<std::string>& kinds,
                              std::vector<long long>* frontier, Parents* mine,
                              const Parents& theirs) {
  std::vector<long long> next;
  for (long long node : *frontier) {
    Result<std::vector<long long>> neighbours = store.Neighbours(node, kinds);
    if (!neighbours) return neighbours.error();
    for (long long neighbour : *neighbours) {
      if (!mine->emplace(neighbour, node).second) continue;
      if (theirs.count(neighbour)) return neighbour;
      next.push_back(neighbour);
    }
  }
  *frontier = std::move(next);
  return 0;
}

Result<store::StoredEdge> BestEdge(store::GraphStore& store, long long a, long long b,
                                   const std::vector<std::string>& kinds) {
  // Two index seeks: a hub's own edges may run to thousands.
  Result<std::vector<store::StoredEdge>> edges = store.EdgesBetween(a, b);
  if (!edges) return edges.error();
  const store::StoredEdge* best = nullptr;
  for (const store::StoredEdge& edge : *edges) {
    const bool joins = (edge.from == a && edge.to == b) || (edge.from == b && edge.to == a);
    const bool wanted =
        kinds.empty() || std::find(kinds.begin(), kinds.end(), edge.kind) != kinds.end();
    if (!joins || !wanted) continue;
    if (best == nullptr || std::make_tuple(Strength(edge.kind), edge.date) <
                               std::make_tuple(Strength(best->kind), best->date)) {
      best = &edge;
    }
  }
  if (best == nullptr) return Error{ErrorCode::kInternal, "a path hop lost its edge"};
  return *best;
}

}  // namespace

Result<std::vector<store::StoredEdge>> ShortestPath(store::GraphStore& store, long long from,
                                                    long long to,
                                                    const std::vector<std::string>& kinds,
                                                    int max_hops) {
  std::vector<store::StoredEdge> path;
  if (from == to) return path;
  Parents forward{{from, 0}}, backward{{to, 0}};
  std::vector<long long> forward_frontier{from}, backward_frontier{to};
  long long meeting = 0;
  for (int hops = 0; hops < max_hops && meeting == 0; ++hops) {
    if (forward_frontier.empty() || backward_frontier.empty()) break;
    // Grow the smaller side: the cost follows the frontier's size.
    const bool grow_forward = forward_frontier.size() <= backward_frontier.size();
    Result<long long> met = grow_forward
                                ? ExpandLevel(store, kinds, &forward_frontier, &forward, backward)
                                : ExpandLevel(store, kinds, &backward_frontier, &backward, forward);
    if (!met) return met.error();
    meeting = *met;
  }
  if (meeting == 0) return path;
  std::vector<long long> nodes;
  for (long long node = meeting; node != 0; node = forward[node]) nodes.push_back(node);
  std::reverse(nodes.begin(), nodes.end());
  for (long long node = backward[meeting]; node != 0; node = backward[node]) nodes.push_back(node);
  for (size_t i = 0; i + 1 < nodes.size(); ++i) {
    Result<store::StoredEdge> edge = BestEdge(store, nodes[i], nodes[i + 1], kinds);
    if (!edge) return edge.error();
    path.push_back(std::move(*edge));
  }
  return path;
}

}  // namespace linkgraph::graph
