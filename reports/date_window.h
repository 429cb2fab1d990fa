// Private to reports/: --since and --until on the reports other than `new`
// (which windows when rows were first stored): an item is kept by the date
// of its evidence (an edge's date, a comment's or post's published date, a
// page's fetch), and --limit. Plain values; WindowedGraph is used from one
// thread at a time, like the store it reads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "reports/reports.h"
#include "reports/table.h"
#include "store/store.h"

namespace linkgraph::reports {

// Dates compare as written (ISO 8601, a page's local time as the page gave
// it). A date as precise as a month or a year is kept when its span meets
// the window; an undated item is dropped once either bound is given.
struct DateWindow {
  std::string since;  // "" for no lower bound
  std::string until;  // "" for none; read at its precision ("2026-12": all December)

  bool Bounded() const { return !since.empty() || !until.empty(); }
  bool Holds(const std::string& date) const;
};
DateWindow DateWindowOf(const ReportRequest& request);

// Drops the edges whose dates the window does not hold.
void KeepDated(const DateWindow& window, std::vector<store::StoredEdge>& edges);

// The first `limit` rows of the table (and of its JSON); all when 0.
void LimitRows(Table& table, int limit);

// The graph reads graph::ShortestPath makes, seeing only the edges dated in
// the window.
class WindowedGraph final : public store::GraphStore {
 public:
  WindowedGraph(store::GraphStore& graph, DateWindow window)
      : graph_(graph), window_(std::move(window)) {}

  Result<std::unique_ptr<store::GraphWrite>> BeginGraphWrite(
      const store::GraphSnapshot& graph) override;
  Result<store::GraphState> Graph() override { return graph_.Graph(); }
  Status EachPerson(const store::RowVisitor<store::StoredPerson>& visit) override {
    return graph_.EachPerson(visit);
  }
  Status EachEdge(const store::RowVisitor<store::StoredEdge>& visit) override;
  Status EachAuthor(const store::RowVisitor<store::Authorship>& visit) override {
    return graph_.EachAuthor(visit);
  }
  Result<std::optional<store::StoredPerson>> FindPerson(long long id) override {
    return graph_.FindPerson(id);
  }
  Result<std::vector<long long>> FindPeopleByIdentity(const std::string& kind,
                                                      const std::string& normalised) override {
    return graph_.FindPeopleByIdentity(kind, normalised);
  }
  Result<std::vector<store::StoredEdge>> EdgesOf(long long person) override;
  Result<std::vector<store::StoredEdge>> EdgesBetween(long long a, long long b) override;
  Result<std::vector<long long>> Neighbours(long long person,
                                            const std::vector<std::string>& kinds = {}) override;

 private:
  store::GraphStore& graph_;
  DateWindow window_;
};

}  // namespace linkgraph::reports
