// `linkgraph export --format graphml|gexf|dot`: the people and their edges as
// a GraphDocument, for Gephi, NetworkX and Graphviz.
#include "reports/graph_export.h"

#include <algorithm>
#include <map>
#include <ostream>

#include "reports/reports.h"

namespace linkgraph::reports {
namespace {

std::string Joined(const std::vector<std::string>& values) {
  std::string joined;
  for (const auto& value : values) joined += (joined.empty() ? "" : " ") + value;
  return joined;
}

using Writer = void (*)(const GraphDocument&, std::ostream&);

Status WriteWith(Writer writer, store::Store& store, std::ostream& out) {
  auto graph = BuildPeopleGraph(store);
  if (!graph.ok()) return graph.error();
  writer(*graph, out);
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

Result<GraphDocument> BuildPeopleGraph(store::Store& store) {
  auto people = store.People();
  if (!people.ok()) return people.error().WithContext("export");
  auto edges = store.Edges();
  if (!edges.ok()) return edges.error().WithContext("export");
  auto state = store.Graph();
  if (!state.ok()) return state.error().WithContext("export");

  GraphDocument graph;
  graph.attributes = {{"rules_version", state->rules_version}};
  graph.node_attributes = {{"name"},
                           {"handles"},
                           {"urls"},
                           {"sites"},
                           {"texts", AttributeType::kLong},
                           {"degree", AttributeType::kLong}};
  graph.edge_attributes = {{"kind"}, {"date"},     {"detail"},    {"event"},
                           {"when"}, {"evidence"}, {"source_url"}};

  std::map<long long, size_t> index_of;  // person id -> node index
  std::map<std::string, long long> id_of_key;
  for (const store::StoredPerson& person : *people) {
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
    index_of[person.id] = graph.nodes.size();
    graph.nodes.push_back(
        {person.key,
         person.name,
         {person.name, Joined(IdentityValues(person, "handle")),
          Joined(IdentityValues(person, "url")), Joined(IdentityValues(person, "site")),
          std::to_string(person.texts), ""}});
  }

  std::vector<long long> degree(graph.nodes.size(), 0);
  for (const store::StoredEdge& edge : *edges) {
    auto from = index_of.find(edge.from);
    auto to = index_of.find(edge.to);
    if (from == index_of.end() || to == index_of.end()) {
      return Error{ErrorCode::kCorrupt, "export: a " + edge.kind + " edge joins person " +
                                            std::to_string(edge.from) + " to person " +
                                            std::to_string(edge.to) + ", who is not stored"};
    }
    ++degree[from->second];
    ++degree[to->second];
    graph.edges.push_back({"e" + std::to_string(graph.edges.size() + 1),
                           graph.nodes[from->second].id,
                           graph.nodes[to->second].id,
                           edge.kind,
                           {edge.kind, edge.date, edge.detail, edge.event, edge.when, edge.evidence,
                            edge.source_url}});
  }
  for (size_t i = 0; i < graph.nodes.size(); ++i) {
    graph.nodes[i].values.back() = std::to_string(degree[i]);
  }
  return graph;
}

Result<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "json") return ExportFormat::kJson;
  if (name == "csv") return ExportFormat::kCsv;
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
  return WriteWith(&WriteGraphml, store, out);
}

Status WriteGexfExport(store::Store& store, std::ostream& out) {
  return WriteWith(&WriteGexf, store, out);
}

Status WriteDotExport(store::Store& store, std::ostream& out) {
  return WriteWith(&WriteDot, store, out);
}

}  // namespace linkgraph::reports
