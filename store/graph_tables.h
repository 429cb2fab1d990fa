// Private to store/: the derived graph's tables (people, person_identities,
// edges, authors, graph_state): writing a new derivation over them (by
// SqliteGraphWrite), and the indexed reads the reports need on a graph too large to
// load (a person's edges, neighbours). One thread at a time.
#pragma once

#include <sqlite3.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/sqlite_handles.h"
#include "store/store.h"

namespace linkgraph::store {

class GraphTables {
 public:
  GraphTables(sqlite3* db, StatementCache* statements) : db_(db), statements_(statements) {}

  // The stored graph a row at a time, for writing a new one over it within
  // the caller's transaction. People by id, each with its identities.
  Status EachPerson(const std::function<void(StoredPerson&&)>& on_person);
  // Edges in no order, each with its row id.
  Status EachEdge(const std::function<void(long long row, StoredEdge&&)>& on_edge);
  // By source URL.
  Status EachAuthor(const std::function<void(Authorship&&)>& on_author);
  // Rules version, counts and pages version of the graph just written
  // (graph's people, and edges counted by the writer).
  Status WriteState(const GraphSnapshot& graph, long long edges);

  Result<GraphState> State();
  Result<std::vector<StoredPerson>> People();
  Result<std::vector<StoredEdge>> Edges();
  Result<std::vector<Authorship>> Authors();
  Result<std::optional<StoredPerson>> FindPerson(long long id);
  Result<std::vector<long long>> FindPeopleByIdentity(const std::string& kind,
                                                      const std::string& normalised);
  Result<std::vector<StoredEdge>> EdgesOf(long long person);
  Result<std::vector<StoredEdge>> EdgesBetween(long long a, long long b);
  Result<std::vector<long long>> Neighbours(long long person,
                                            const std::vector<std::string>& kinds);

 private:
  sqlite3* db_;
  StatementCache* statements_;
};

}  // namespace linkgraph::store
