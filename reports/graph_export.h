// Private to reports/: the people graph of a store as the exports write it
// (GraphML, GEXF, DOT, and nodes.csv/edges.csv), and the identity lists the
// JSON export shares with it. Reads the store; thread-compatible.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "reports/graph_document.h"
#include "reports/reports.h"
#include "store/store.h"

namespace linkgraph::reports {

// Writes the people graph to writer as it reads the store, holding an
// index of the people (id -> key, degree) but no edge: the people once and
// the edges once to check them and count the degrees, then the people and
// the edges again to write them. Nodes keyed by StoredPerson::key, labelled
// with the name; attributes name, handles, urls, sites (lists joined by a
// space: none of them holds one), texts, degree (distinct other people
// joined by an edge) and edges (edges in plus out). Edges e1..eN in the
// store's order, labelled with their kind, dated by the days their date
// spans; attributes kind, date, date_precision, detail, event, when,
// evidence, source_url. With options.merge_edges the edges of one pair and
// kind are one, weighted by their number. kCorrupt, before
// anything is written, when an edge names a person not stored or two people
// share a key; after, when the graph changed between the reads.
Status WritePeopleGraph(store::Store& store, const GraphExportOptions& options,
                        GraphWriter& writer);

// The distinct values of the person's identities of this kind ("handle",
// "name", "url", "site"), in the stored order; handles always with their @.
std::vector<std::string> IdentityValues(const store::StoredPerson& person, std::string_view kind);

}  // namespace linkgraph::reports
