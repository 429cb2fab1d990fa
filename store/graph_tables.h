// Private to store/: the derived graph's tables (people, person_identities,
// edges, authors, graph_state): writing a new derivation over them (by
// SqlGraphWrite), and the indexed reads the reports need on a graph too large to
// load (a person's edges, neighbours). One thread at a time.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace linkgraph::store {

class GraphTables {
 public:
  GraphTables(SqlConnection* db, StatementCache* statements) : db_(*db), statements_(statements) {}

  // The stored graph a row at a time, as Store's reads give it; a visitor's
  // error ends the read. Within the caller's transaction, if any: people
  // and their identities are two queries, so a reader wants a snapshot.
  // People by id, each with its identities.
  Status EachPerson(const RowVisitor<StoredPerson>& visit);
  // By from, to, kind.
  Status EachEdge(const RowVisitor<StoredEdge>& visit);
  // By source URL.
  Status EachAuthor(const RowVisitor<Authorship>& visit);

  // For SqlGraphWrite, which writes a new graph over the stored one
  // within its transaction and takes every row: people as above, and edges
  // in no order (the cheapest), each with its row id.
  Status EachPerson(const std::function<void(StoredPerson&&)>& on_person);
  Status EachEdge(const std::function<void(long long row, StoredEdge&&)>& on_edge);
  // Rules version, counts and pages version of the graph just written
  // (graph's people, and edges counted by the writer).
  Status WriteState(const GraphSnapshot& graph, long long edges);

  Result<GraphState> State();
  Result<std::optional<StoredPerson>> FindPerson(long long id);
  Result<std::vector<long long>> FindPeopleByIdentity(const std::string& kind,
                                                      const std::string& normalised);
  Result<std::vector<StoredEdge>> EdgesOf(long long person);
  Result<std::vector<StoredEdge>> EdgesBetween(long long a, long long b);
  Result<std::vector<long long>> Neighbours(long long person,
                                            const std::vector<std::string>& kinds);

 private:
  SqlConnection& db_;
  StatementCache* statements_;
};

}  // namespace linkgraph::store
