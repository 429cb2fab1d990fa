// Private to store/: owners for SQLite's C handles, the one translation of
// SQLite errors into Error, and SqliteConnection, SQLite's SqlConnection.
// Everything here is used from the one thread that owns the connection.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <string>
#include <string_view>

#include "common/result.h"
#include "store/sql_connection.h"

namespace linkgraph::store {

struct DbCloser {
  void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* stmt) const noexcept { sqlite3_finalize(stmt); }
};
using DbHandle = std::unique_ptr<sqlite3, DbCloser>;
using StmtHandle = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

// The last error on db as "context: sqlite message". SQLITE_BUSY/LOCKED map
// to kBusy, NOTADB/CORRUPT to kCorrupt, file trouble to kIo.
Error FromSqlite(sqlite3* db, std::string_view context);
// The same for a result code that did not go through db (a bind failure).
Error FromSqliteCode(int rc, std::string_view context);

// Runs sql, which may hold several statements, none with parameters: for
// schema scripts and transaction control only.
Status Exec(sqlite3* db, std::string_view sql);

class SqliteConnection final : public SqlConnection {
 public:
  explicit SqliteConnection(DbHandle db) : db_(std::move(db)) {}

  // For what only SQLite has: pragmas, SQL functions, the open flags.
  sqlite3* raw() const { return db_.get(); }

  SqlDialect Dialect() const override { return SqlDialect::kSqlite; }
  Result<std::unique_ptr<SqlQuery>> Prepare(std::string_view sql, bool persistent) override;
  Status Exec(std::string_view script) override { return store::Exec(db_.get(), script); }
  long long ChangedRows() override { return sqlite3_changes64(db_.get()); }
  // BEGIN IMMEDIATE takes the write lock now, waiting up to the busy
  // timeout; a deferred transaction could fail later at its first write
  // (in WAL a reader cannot be upgraded once another writer committed).
  Status BeginWrite() override { return Exec("BEGIN IMMEDIATE"); }
  Status BeginRead() override { return Exec("BEGIN"); }
  bool InTransaction() override { return sqlite3_get_autocommit(db_.get()) == 0; }

 private:
  DbHandle db_;
};

}  // namespace linkgraph::store
