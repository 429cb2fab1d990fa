// `linkgraph export --format graphml|gexf|dot`: the people and their edges,
// for Gephi, NetworkX and Graphviz, written as they are read from the store.
#include "reports/graph_export.h"

#include <algorithm>
#include <map>
#include <ostream>
#include <type_traits>

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

// What the edges need of a person, and the degree the node shows.
struct IndexedPerson {
  std::string key;
  long long degree = 0;
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

// Counts every edge into the degrees of its two people; the number of edges.
Result<size_t> CountDegrees(store::Store& store, PersonIndex& index) {
  size_t edges = 0;
  Status read = ExportRead<store::StoredEdge>(
      store, &store::Store::EachEdge, [&](store::StoredEdge& edge) -> Status {
        auto from = index.find(edge.from);
        auto to = index.find(edge.to);
        if (from == index.end() || to == index.end()) {
          return Error{ErrorCode::kCorrupt, "export: a " + edge.kind + " edge joins person " +
                                                std::to_string(edge.from) + " to person " +
                                                std::to_string(edge.to) + ", who is not stored"};
        }
        ++from->second.degree;
        ++to->second.degree;
        ++edges;
        return {};
      });
  if (!read) return read.error();
  return edges;
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
                      std::to_string(person.texts), std::to_string(indexed->second.degree)}});
        return {};
      });
}

Status WriteEdges(store::Store& store, const PersonIndex& index, GraphWriter& writer) {
  size_t written = 0;
  return ExportRead<store::StoredEdge>(
      store, &store::Store::EachEdge, [&](store::StoredEdge& edge) -> Status {
        auto from = index.find(edge.from);
        auto to = index.find(edge.to);
        if (from == index.end() || to == index.end()) return GraphChanged();
        writer.Edge(
            {"e" + std::to_string(++written),
             from->second.key,
             to->second.key,
             edge.kind,
             {edge.kind, std::move(edge.date), std::move(edge.detail), std::move(edge.event),
              std::move(edge.when), std::move(edge.evidence), std::move(edge.source_url)}});
        return {};
      });
}

Status WriteWith(std::unique_ptr<GraphWriter> writer, store::Store& store, std::ostream& out) {
  if (Status written = WritePeopleGraph(store, *writer); !written) return written;
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

Status WritePeopleGraph(store::Store& store, GraphWriter& writer) {
  auto state = store.Graph();
  if (!state.ok()) return state.error().WithContext("export");
  Result<PersonIndex> index = IndexPeople(store);
  if (!index) return index.error();
  Result<size_t> edges = CountDegrees(store, *index);
  if (!edges) return edges.error();

  GraphHeader header;
  header.attributes = {{"rules_version", state->rules_version}};
  header.node_attributes = {{"name"},
                            {"handles"},
                            {"urls"},
                            {"sites"},
                            {"texts", AttributeType::kLong},
                            {"degree", AttributeType::kLong}};
  header.edge_attributes = {{"kind"}, {"date"},     {"detail"},    {"event"},
                            {"when"}, {"evidence"}, {"source_url"}};
  header.nodes = index->size();
  header.edges = *edges;
  writer.Begin(header);
  if (Status written = WriteNodes(store, *index, writer); !written) return written;
  if (Status written = WriteEdges(store, *index, writer); !written) return written;
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
  std::string known;
  for (std::string_view format : kExportFormats) {
    known += (known.empty() ? "" : ", ") + std::string(format);
  }
  return Error{ErrorCode::kInvalidArgument,
               "unknown format '" + std::string(name) + "' (available: " + known + ")"};
}

Status WriteGraphmlExport(store::Store& store, std::ostream& out) {
  return WriteWith(MakeGraphmlWriter(out), store, out);
}

Status WriteGexfExport(store::Store& store, std::ostream& out) {
  return WriteWith(MakeGexfWriter(out), store, out);
}

Status WriteDotExport(store::Store& store, std::ostream& out) {
  return WriteWith(MakeDotWriter(out), store, out);
}

}  // namespace linkgraph::reports
