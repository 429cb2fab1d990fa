// Private to store/: writes a derived graph over the stored one within the
// caller's write transaction, touching only the rows that differ, so that a
// derivation that changed little costs little. People keep their ids by key;
// the snapshot names people by position, and the writer maps those to the
// stored ids. One writer per write; one thread.
#pragma once

#include <sqlite3.h>

#include <string>
#include <vector>

#include "common/result.h"
#include "store/sqlite_handles.h"
#include "store/store.h"

namespace linkgraph::store {

class GraphTables;

class GraphWriter {
 public:
  GraphWriter(sqlite3* db, StatementCache* statements, GraphTables* tables)
      : db_(db), statements_(*statements), tables_(*tables) {}

  // Makes the stored graph read as graph would in a fresh store, but for the
  // ids of people stored before, and the order of edges that compare equal
  // but for their row: kept ones come before added ones.
  Status Write(const GraphSnapshot& graph);

 private:
  Status WritePeople(const std::vector<StoredPerson>& people);
  Status InsertPerson(long long id, const StoredPerson& person);
  Status UpdatePerson(const StoredPerson& stored, const StoredPerson& person);
  Status InsertIdentities(long long id, const StoredPerson& person);
  Status WriteEdges(const std::vector<StoredEdge>& edges);
  Status DeleteEdges(std::vector<long long> rows, bool every_row);
  Status InsertEdges(const std::vector<StoredEdge>& edges);
  Status WriteAuthors(const std::vector<Authorship>& authors);
  Status DeleteRemovedPeople();
  // The stored id of the person at a 1-based snapshot position.
  Result<long long> IdAt(long long position) const;

  sqlite3* db_;
  StatementCache& statements_;
  GraphTables& tables_;
  std::vector<long long> id_at_;    // by snapshot position - 1
  std::vector<long long> removed_;  // stored people no longer derived
};

}  // namespace linkgraph::store
