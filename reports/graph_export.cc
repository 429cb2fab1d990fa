// `linkgraph export --format graphml|gexf|dot`: the people and their edges,
// for Gephi, NetworkX and Graphviz, written as they are read from the store.
#include "reports/graph_export.h"

#include <algorithm>
#include <map>
#include <optional>
#include <ostream>
#include <tuple>
#include <type_traits>

#include "reports/iso_time.h"
#include "reports/people_view.h"
#include "reports/reports.h"

namespace linkgraph::reports {
namespace {

std::string Joined(const std::vector<std::string>& values) {
  std::string joined;
  for (const auto& value : values) joined += (joined.empty() ? "" : " ") + value;
  return joined;
}

// A read whose visitor may stop it: the visitor's own error comes back as it
// was made, the store's with "export" before it.
template <typename Row>
Status ExportRead(store::Store& store, Status (store::Store::*each)(const store::RowVisitor<Row>&),
                  const std::type_identity_t<store::RowVisitor<Row>>& visit) {
  Status stopped;
  Status read = (store.*each)([&](Row& row) -> Status {
    stopped = visit(row);
    return stopped;
  });
  if (!stopped) return stopped;
  if (!read) return read.error().WithContext("export");
  return {};
}

// What the edges need of a person, and the counts the node shows.
struct IndexedPerson {
  std::string key;
  long long degree = 0;  // distinct other people joined by an edge, as `report people` counts
  long long edges = 0;   // edges in plus out
};
using PersonIndex = std::map<long long, IndexedPerson>;  // by person id

Error GraphChanged() {
  return Error{ErrorCode::kCorrupt,
               "export: the graph changed while it was exported (a rebuild ran); export again"};
}

// People by id, refusing a person without a key and two with one key.
Result<PersonIndex> IndexPeople(store::Store& store) {
  PersonIndex index;
  std::map<std::string, long long> id_of_key;
  Status read = ExportRead<store::StoredPerson>(
      store, &store::Store::EachPerson, [&](store::StoredPerson& person) -> Status {
        if (person.key.empty()) {
          return Error{ErrorCode::kCorrupt,
                       "export: person " + std::to_string(person.id) + " has no key"};
        }
        auto [seen, inserted] = id_of_key.emplace(person.key, person.id);
        if (!inserted) {
          return Error{ErrorCode::kCorrupt, "export: person " + std::to_string(person.id) +
                                                " has the key '" + person.key + "' of person " +
                                                std::to_string(seen->second)};
        }
        index[person.id].key = std::move(person.key);
        return {};
      });
  if (!read) return read.error();
  return index;
}

// Parallel edges, merged: the store visits edges by (from, to, kind), so
// the edges of one merged edge come one after another.
bool SameLine(const store::StoredEdge& a, const store::StoredEdge& b) {
  return a.from == b.from && a.to == b.to && a.kind == b.kind;
}

// Counts every edge into the counts of its two people; the number of edges
// written (merged ones once). The pairs of people are held once each, for
// the degrees.
Result<size_t> CountDegrees(store::Store& store, PersonIndex& index, bool merge) {
  size_t written = 0;
  std::optional<store::StoredEdge> previous;
  std::vector<std::pair<long long, long long>> pairs;
  Status read = ExportRead<store::StoredEdge>(
      store, &store::Store::EachEdge, [&](store::StoredEdge& edge) -> Status {
        auto from = index.find(edge.from);
        auto to = index.find(edge.to);
        if (from == index.end() || to == index.end()) {
          return Error{ErrorCode::kCorrupt, "export: a " + edge.kind + " edge joins person " +
                                                std::to_string(edge.from) + " to person " +
                                                std::to_string(edge.to) + ", who is not stored"};
        }
        ++from->second.edges;
        ++to->second.edges;
        if (edge.from != edge.to) pairs.emplace_back(std::minmax(edge.from, edge.to));
        if (!merge || !previous || !SameLine(*previous, edge)) ++written;
        previous = std::move(edge);
        return {};
      });
  if (!read) return read.error();
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  for (const auto& [a, b] : pairs) {
    ++index[a].degree;
    ++index[b].degree;
  }
  return written;
}

Status WriteNodes(store::Store& store, const PersonIndex& index, GraphWriter& writer) {
  return ExportRead<store::StoredPerson>(
      store, &store::Store::EachPerson, [&](store::StoredPerson& person) -> Status {
        auto indexed = index.find(person.id);
        if (indexed == index.end() || indexed->second.key != person.key) return GraphChanged();
        writer.Node({person.key,
                     person.name,
                     {person.name, Joined(IdentityValues(person, "handle")),
                      Joined(IdentityValues(person, "url")), Joined(IdentityValues(person, "site")),
                      std::to_string(person.texts), std::to_string(indexed->second.degree),
                      std::to_string(indexed->second.edges)}});
        return {};
      });
}

// One edge as written, or the first of a merged one.
GraphEdge EdgeOf(const store::StoredEdge& edge, const PersonIndex& index, size_t number) {
  GraphEdge written;
  written.id = "e" + std::to_string(number);
  written.from = index.at(edge.from).key;
  written.to = index.at(edge.to).key;
  written.label = edge.kind;
  written.values = {edge.kind,     edge.date,      std::string(DatePrecision(edge.date)),
                    edge.detail,   edge.event,     edge.when,
                    edge.evidence, edge.source_url};
  if (auto span = DaySpan(edge.date)) std::tie(written.start, written.end) = *span;
  return written;
}

// Adds a parallel edge to a merged one: the earliest date and the span of
// all of them, the distinct details, evidence and sources, the weight.
void MergeInto(GraphEdge& merged, const store::StoredEdge& edge) {
  enum { kDate = 1, kPrecision, kDetail, kEvent, kWhen, kEvidence, kSourceUrl };
  std::vector<std::string>& values = merged.values;
  if (!edge.date.empty() && (values[kDate].empty() || edge.date < values[kDate])) {
    values[kDate] = edge.date;
    values[kPrecision] = std::string(DatePrecision(edge.date));
  }
  if (auto span = DaySpan(edge.date)) {
    if (merged.start.empty() || span->first < merged.start) merged.start = span->first;
    if (merged.end.empty() || span->second > merged.end) merged.end = span->second;
  }
  values[kDetail] = JoinUnique({values[kDetail], edge.detail}, "; ");
  values[kEvent] = JoinUnique({values[kEvent], edge.event}, "; ");
  values[kWhen] = JoinUnique({values[kWhen], edge.when}, "; ");
  values[kEvidence] = JoinUnique({values[kEvidence], edge.evidence}, " | ");
  values[kSourceUrl] = JoinUnique({values[kSourceUrl], edge.source_url}, " ");
  ++merged.weight;
}

Status WriteEdges(store::Store& store, const PersonIndex& index, bool merge, GraphWriter& writer) {
  size_t written = 0;
  std::optional<store::StoredEdge> previous;
  std::optional<GraphEdge> pending;  // a merged edge, until its last part is read
  Status read = ExportRead<store::StoredEdge>(
      store, &store::Store::EachEdge, [&](store::StoredEdge& edge) -> Status {
        if (!index.count(edge.from) || !index.count(edge.to)) return GraphChanged();
        if (!merge) {
          writer.Edge(EdgeOf(edge, index, ++written));
          return {};
        }
        if (!previous || !SameLine(*previous, edge)) {
          if (pending) writer.Edge(*pending);
          pending = EdgeOf(edge, index, ++written);
          pending->weight = 1;
        } else {
          MergeInto(*pending, edge);
        }
        previous = std::move(edge);
        return {};
      });
  if (!read) return read;
  if (pending) writer.Edge(*pending);
  return {};
}

Status WriteWith(std::unique_ptr<GraphWriter> writer, store::Store& store,
                 const GraphExportOptions& options, std::ostream& out) {
  if (Status written = WritePeopleGraph(store, options, *writer); !written) return written;
  if (!out) return Error{ErrorCode::kIo, "export: writing the output failed"};
  return {};
}

}  // namespace

std::vector<std::string> IdentityValues(const store::StoredPerson& person, std::string_view kind) {
  std::vector<std::string> values;
  for (const auto& held : person.identities) {
    const store::IdentityRef& identity = held.identity;
    if (identity.kind != kind) continue;
    // Handles are shown as people write them, whether or not the store kept the @.
    std::string value = identity.value;
    if (kind == "handle" && !value.empty() && value[0] != '@') value.insert(0, "@");
    if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
  }
  return values;
}

Status WritePeopleGraph(store::Store& store, const GraphExportOptions& options,
                        GraphWriter& writer) {
  auto state = store.Graph();
  if (!state.ok()) return state.error().WithContext("export");
  Result<PersonIndex> index = IndexPeople(store);
  if (!index) return index.error();
  Result<size_t> edges = CountDegrees(store, *index, options.merge_edges);
  if (!edges) return edges.error();

  GraphHeader header;
  header.attributes = {{"rules_version", state->rules_version}};
  header.node_attributes = {{"name"},
                            {"handles"},
                            {"urls"},
                            {"sites"},
                            {"texts", AttributeType::kLong},
                            {"degree", AttributeType::kLong},
                            {"edges", AttributeType::kLong}};
  header.edge_attributes = {{"kind"},  {"date"}, {"date_precision"}, {"detail"},
                            {"event"}, {"when"}, {"evidence"},       {"source_url"}};
  header.nodes = index->size();
  header.edges = *edges;
  header.dated = true;
  header.weighted = options.merge_edges;
  writer.Begin(header);
  if (Status written = WriteNodes(store, *index, writer); !written) return written;
  if (Status written = WriteEdges(store, *index, options.merge_edges, writer); !written) {
    return written;
  }
  writer.End();
  return {};
}

Result<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "json") return ExportFormat::kJson;
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "xlsx") return ExportFormat::kXlsx;
  if (name == "graphml") return ExportFormat::kGraphml;
  if (name == "gexf") return ExportFormat::kGexf;
  if (name == "dot") return ExportFormat::kDot;
  if (name == "html") return ExportFormat::kHtml;
  std::string known;
  for (std::string_view format : kExportFormats) {
    known += (known.empty() ? "" : ", ") + std::string(format);
  }
  return Error{ErrorCode::kInvalidArgument,
               "unknown format '" + std::string(name) + "' (available: " + known + ")"};
}

Status WriteGraphmlExport(store::Store& store, const GraphExportOptions& options,
                          std::ostream& out) {
  return WriteWith(MakeGraphmlWriter(out), store, options, out);
}

Status WriteGexfExport(store::Store& store, const GraphExportOptions& options, std::ostream& out) {
  return WriteWith(MakeGexfWriter(out), store, options, out);
}

Status WriteDotExport(store::Store& store, const GraphExportOptions& options, std::ostream& out) {
  return WriteWith(MakeDotWriter(out), store, options, out);
}

Status WriteHtmlExport(store::Store& store, const GraphExportOptions& options, std::ostream& out) {
  return WriteWith(MakeHtmlWriter(out), store, options, out);
}

}  // namespace linkgraph::reports
