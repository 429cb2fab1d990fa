// Private to store/: what the store's tables need of a SQL database, so one
// piece of table code runs on every backend (SQLite today, PostgreSQL next).
// SQL text names its parameters ?1, ?2, ... (1-based); a backend that spells
// them otherwise rewrites them when it prepares. A connection and the
// queries it prepared are used from one thread at a time.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "common/result.h"

namespace linkgraph::store {

// One prepared statement of a connection. A bind failure is kept and
// reported by the next Step(), so a row can be bound in one expression.
class SqlQuery {
 public:
  virtual ~SqlQuery() = default;

  // Text is copied: temporaries are fine.
  virtual void BindText(int index, std::string_view value) = 0;
  virtual void BindInt(int index, long long value) = 0;
  virtual void BindNull(int index) = 0;

  // Runs the statement on its first call after a Reset(); true while a row
  // is ready to read, false once the statement is done. Several queries of
  // one connection may be stepped side by side inside a transaction: rows
  // arrive as they are stepped (or in small batches), never all at once.
  virtual Result<bool> Step() = 0;

  // Columns (0-based) of the current row; NULL reads as "" or 0.
  virtual std::string Text(int column) const = 0;
  virtual long long Int(int column) const = 0;
  virtual bool IsNull(int column) const = 0;

  // Ends the current execution, releasing any rows or cursor it holds, and
  // clears the bindings.
  virtual void Reset() = 0;

  // The statement's SQL, shortened, for error messages.
  virtual std::string Context() const = 0;
};

// Where backends differ beyond what one SQL text can say: the types of
// schema scripts, and whether queries of one connection stepped side by side
// need a transaction to read one snapshot.
enum class SqlDialect { kSqlite, kPostgres };

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;

  virtual SqlDialect Dialect() const = 0;

  // persistent: the statement will be kept and run many times. Its rows may
  // arrive all at once (PostgreSQL runs it whole rather than behind a
  // cursor), so only reads of a few rows, by key, are persistent.
  virtual Result<std::unique_ptr<SqlQuery>> Prepare(std::string_view sql, bool persistent) = 0;

  // Runs statements without parameters, separated by ';': schema scripts,
  // savepoints and transaction control.
  virtual Status Exec(std::string_view script) = 0;

  // Rows inserted, updated or deleted by the last statement that finished.
  virtual long long ChangedRows() = 0;

  // A transaction that holds the write lock from its start (a writer that
  // would otherwise fail at its first write waits up to the busy timeout
  // instead), and one that reads from one snapshot.
  virtual Status BeginWrite() = 0;
  virtual Status BeginRead() = 0;
  // True inside a transaction: after Begin*, before COMMIT or ROLLBACK (or a
  // failure that rolled back by itself).
  virtual bool InTransaction() = 0;
};

}  // namespace linkgraph::store
