// Private to store/: owners for SQLite's C handles, the one translation of
// SQLite errors into Error, a prepared Statement, a per-connection statement
// cache and an RAII Transaction. Everything here is used from the one thread
// that owns the connection.
#pragma once

#include <sqlite3.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "common/result.h"

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

// One prepared statement. Binding errors are kept and reported by the next
// Step(), so call sites can bind a row in one expression.
class Statement {
 public:
  // persistent: the statement will be kept and reused (a hint to SQLite).
  static Result<Statement> Prepare(sqlite3* db, std::string_view sql, bool persistent = false);

  Statement(Statement&&) noexcept = default;
  Statement& operator=(Statement&&) noexcept = default;

  // Parameters are 1-based. Text is copied, so temporaries are fine.
  Statement& Bind(int index, std::string_view value);
  Statement& Bind(int index, long long value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<long long>(value)); }
  Statement& Bind(int index, std::optional<long long> value);
  // Binds values to parameters 1, 2, ... in order.
  template <typename... Values>
  Statement& BindAll(const Values&... values) {
    int index = 0;
    (Bind(++index, values), ...);
    return *this;
  }

  // true when a row is ready to read, false when the statement is done.
  Result<bool> Step();
  // Steps to completion, for statements that return no rows.
  Status Run();
  // Steps once and expects a row (a SELECT by key, or RETURNING).
  Status StepRow();

  // Column values of the current row; NULL reads as "" or 0.
  std::string Text(int column) const;
  long long Int(int column) const;
  bool IsNull(int column) const;

  // Ends the current execution (and any read it holds) and clears bindings.
  void Reset();

 private:
  Statement(sqlite3* db, StmtHandle stmt) : db_(db), stmt_(std::move(stmt)) {}
  std::string Context() const;

  sqlite3* db_;
  StmtHandle stmt_;
  int bind_error_ = SQLITE_OK;
};

// A statement borrowed from a StatementCache: reset when it goes out of
// scope, so a half-read SELECT never keeps an old snapshot open.
class ScopedStatement {
 public:
  ScopedStatement(Statement* statement, bool* in_use) : statement_(statement), in_use_(in_use) {}
  ScopedStatement(ScopedStatement&& other) noexcept
      : statement_(other.statement_), in_use_(other.in_use_) {
    other.statement_ = nullptr;
  }
  ScopedStatement& operator=(ScopedStatement&&) = delete;
  ~ScopedStatement() {
    if (statement_ == nullptr) return;
    statement_->Reset();
    *in_use_ = false;
  }
  Statement* operator->() const { return statement_; }
  Statement& operator*() const { return *statement_; }

 private:
  Statement* statement_;
  bool* in_use_;
};

// Prepared statements of one connection, kept for its lifetime: the write
// path runs the same few statements for every page, and preparing them
// costs about as much as running them.
class StatementCache {
 public:
  explicit StatementCache(sqlite3* db) : db_(db) {}
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  // The statement for sql, ready to bind. Fails (kInternal) if the same
  // statement is still borrowed: that would be a bug in the caller.
  Result<ScopedStatement> Get(std::string_view sql);

 private:
  struct Entry {
    Statement statement;
    bool in_use = false;
  };
  sqlite3* db_;
  // std::map: entries never move, so borrowed pointers stay valid.
  std::map<std::string, Entry, std::less<>> entries_;
};

// Runs a cached statement that returns no rows, values bound to ?1, ?2...
template <typename... Values>
Status RunCached(StatementCache& cache, std::string_view sql, const Values&... values) {
  Result<ScopedStatement> statement = cache.Get(sql);
  if (!statement) return statement.error();
  return (*statement)->BindAll(values...).Run();
}

// Steps a bound statement and calls on_row(statement) for each row; an
// on_row that returns a Status ends the read with its error.
template <typename OnRow>
Status EachRow(Statement& statement, OnRow on_row) {
  while (true) {
    Result<bool> row = statement.Step();
    if (!row) return row.error();
    if (!*row) return {};
    if constexpr (std::is_same_v<decltype(on_row(statement)), Status>) {
      if (Status visited = on_row(statement); !visited) return visited;
    } else {
      on_row(statement);
    }
  }
}

// EachRow over a query without parameters, prepared for this one read.
template <typename OnRow>
Status ForEachRow(sqlite3* db, std::string_view sql, OnRow on_row) {
  Result<Statement> query = Statement::Prepare(db, sql);
  if (!query) return query.error();
  return EachRow(*query, on_row);
}

// A write transaction that rolls back in its destructor unless Commit() ran.
class Transaction {
 public:
  // BEGIN IMMEDIATE takes the write lock now, waiting up to the busy
  // timeout; a deferred transaction could fail later at its first write
  // (in WAL a reader cannot be upgraded once another writer committed).
  static Result<Transaction> BeginImmediate(sqlite3* db);
  // A deferred transaction, for several reads from one snapshot.
  static Result<Transaction> BeginRead(sqlite3* db);

  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  Status Commit();

 private:
  explicit Transaction(sqlite3* db) : db_(db) {}
  sqlite3* db_;  // null once committed or moved from
};

}  // namespace linkgraph::store
