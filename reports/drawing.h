// Private to reports/: the drawings of `report met|path|people --format
// dot|svg`. Parallel edges between two people become one line labelled with
// their kinds and counts, coloured by the strongest kind; an SVG carries a
// legend of the colours; a drawing can be cut to a person's neighbourhood or
// to its most connected people, so that it fits a page.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "common/result.h"
#include "reports/graph_document.h"
#include "reports/people_view.h"
#include "reports/reports.h"
#include "store/store.h"

namespace linkgraph::reports {

struct Drawing {
  GraphDocument graph;
  std::vector<std::string> kinds;  // the edge kinds drawn, strongest first: the legend
};

// People as nodes (id StoredPerson::key, label LabelOf), one line per
// ordered pair of people.
Result<Drawing> DrawingOf(PeopleView& people, const std::vector<store::StoredEdge>& edges);

// The edges whose two ends are at most `depth` hops from `center` along the
// edges given, in either direction.
std::vector<store::StoredEdge> Neighbourhood(const std::vector<store::StoredEdge>& edges,
                                             long long center, int depth);

// The edges among the `limit` people with the most distinct neighbours in
// the edges given (ties: the lower id), and those people's ids.
std::vector<store::StoredEdge> AmongBestConnected(const std::vector<store::StoredEdge>& edges,
                                                  size_t limit);

// The cuts a request asks for (--around WHO --depth N, then --limit N), or
// kNotFound when WHO matches nobody.
Result<std::vector<store::StoredEdge>> CutForDrawing(PeopleView& people,
                                                     std::vector<store::StoredEdge> edges,
                                                     const ReportRequest& request);

// Writes a drawing as DOT, or renders it as SVG with its legend.
Status WriteDrawing(const Drawing& drawing, Format format, std::ostream& out);

}  // namespace linkgraph::reports
