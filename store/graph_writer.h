// Private to store/: a derived graph written over the stored one in parts
// (GraphWrite), touching only the rows that differ, so that a derivation
// that changed little costs little. Edges and authors wait in temporary
// tables until Commit, so the write holds no more than the people and a
// hash of each stored edge; people keep their ids by key, and the writer
// maps the positions the derivation names people by to the stored ids.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace linkgraph::store {

class GraphTables;

class SqlGraphWrite final : public GraphWrite {
 public:
  // Clears the temporary tables and takes graph's people and state; its
  // edges and authors are added as the first batch. *busy is true while the
  // write lives, so that a second one is refused.
  static Result<std::unique_ptr<GraphWrite>> Begin(SqlConnection* db, StatementCache* statements,
                                                   GraphTables* tables, bool* busy,
                                                   const GraphSnapshot& graph);
  ~SqlGraphWrite() override { *busy_ = false; }

  Status AddEdges(const std::vector<StoredEdge>& edges) override;
  Status AddAuthors(const std::vector<Authorship>& authors) override;
  // Makes the stored graph read as graph would in a fresh store, but for the
  // ids of people stored before, and the order of edges that compare equal
  // but for their row: kept ones come before added ones.
  Status Commit() override;

 private:
  SqlGraphWrite(SqlConnection* db, StatementCache* statements, GraphTables* tables, bool* busy,
                GraphSnapshot graph)
      : db_(*db),
        statements_(*statements),
        tables_(*tables),
        busy_(busy),
        graph_(std::move(graph)) {}

  Status CheckPosition(long long position) const;
  Status Write();
  Status WritePeople();
  Status InsertPerson(long long id, const StoredPerson& person);
  Status UpdatePerson(const StoredPerson& stored, const StoredPerson& person);
  Status InsertIdentities(long long id, const StoredPerson& person);
  Status WriteEdges();
  Status MarkNewEdges(size_t* changes, size_t* stored_count);
  Status DeleteEdges(std::vector<long long> rows, bool every_row);
  Status WriteAuthors();
  Status DeleteRemovedPeople();

  SqlConnection& db_;
  StatementCache& statements_;
  GraphTables& tables_;
  bool* busy_;
  GraphSnapshot graph_;  // people and state; edges and authors are in the temporary tables
  long long edges_added_ = 0;
  bool committed_ = false;
  bool failed_ = false;             // an AddEdges or AddAuthors stopped part-way
  std::vector<long long> id_at_;    // by position - 1
  std::vector<long long> removed_;  // stored people no longer derived
};

}  // namespace linkgraph::store
