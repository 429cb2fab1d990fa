// Private to store/: the derived graph's tables (people, person_identities,
// edges, graph_state): replacing them as a whole, and the indexed reads the
// reports need on a graph too large to load (a person's edges, neighbours).
#pragma once

#include <sqlite3.h>

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

  // Within the caller's write transaction.
  Status Replace(const GraphSnapshot& graph);

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
  Status InsertPerson(const StoredPerson& person, long long id);
  Status InsertEdge(const StoredEdge& edge);

  sqlite3* db_;
  StatementCache* statements_;
};

}  // namespace linkgraph::store
