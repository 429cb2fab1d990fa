// Private to store/: the table code's view of a SQL database, on any
// backend's SqlConnection: a prepared Statement, a per-connection statement
// cache, row loops and an RAII Transaction.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include "common/result.h"
#include "store/sql_connection.h"

namespace linkgraph::store {

// One prepared statement. Binding errors are kept and reported by the next
// Step(), so call sites can bind a row in one expression.
class Statement {
 public:
  // persistent: the statement will be kept and reused (a hint to the backend).
  static Result<Statement> Prepare(SqlConnection& connection, std::string_view sql,
                                   bool persistent = false);

  // Parameters are 1-based. Text is copied, so temporaries are fine.
  Statement& Bind(int index, std::string_view value) {
    query_->BindText(index, value);
    return *this;
  }
  Statement& Bind(int index, long long value) {
    query_->BindInt(index, value);
    return *this;
  }
  Statement& Bind(int index, int value) { return Bind(index, static_cast<long long>(value)); }
  Statement& Bind(int index, std::optional<long long> value) {
    if (value) return Bind(index, *value);
    query_->BindNull(index);
    return *this;
  }
  // Binds values to parameters 1, 2, ... in order.
  template <typename... Values>
  Statement& BindAll(const Values&... values) {
    int index = 0;
    (Bind(++index, values), ...);
    return *this;
  }

  // true when a row is ready to read, false when the statement is done.
  Result<bool> Step() { return query_->Step(); }
  // Steps to completion, for statements that return no rows.
  Status Run();
  // Steps once and expects a row (a SELECT by key, or RETURNING).
  Status StepRow();

  // Column values of the current row; NULL reads as "" or 0.
  std::string Text(int column) const { return query_->Text(column); }
  long long Int(int column) const { return query_->Int(column); }
  bool IsNull(int column) const { return query_->IsNull(column); }

  // Ends the current execution (and any read it holds) and clears bindings.
  void Reset() { query_->Reset(); }

 private:
  explicit Statement(std::unique_ptr<SqlQuery> query) : query_(std::move(query)) {}

  std::unique_ptr<SqlQuery> query_;
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
// costs about as much as running them. A cached read may hand over its rows
// all at once (see SqlConnection::Prepare): reads of a whole table are
// prepared for the one read instead.
class StatementCache {
 public:
  explicit StatementCache(SqlConnection& connection) : connection_(connection) {}
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
  SqlConnection& connection_;
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

// "head VALUES (?1, ?2), (?3, ?4) tail" for `rows` rows of `columns` values.
std::string MultiRowInsertSql(std::string_view head, int columns, size_t rows,
                              std::string_view tail);

// Rows of one InsertRows statement at most: 64 rows of a few columns stay
// far below both backends' parameter limits.
inline constexpr size_t kRowsPerInsert = 64;

// Inserts rows (tuples bound in order to one row's parameters) several per
// statement: a round trip per row costs PostgreSQL more than the row does.
// Statements hold a power of two of rows, so only a few are prepared per
// table. For plain inserts and ON CONFLICT DO NOTHING: a DO UPDATE may not
// meet one key twice in one statement.
template <typename... Values>
Status InsertRows(StatementCache& cache, std::string_view head, std::string_view tail,
                  const std::vector<std::tuple<Values...>>& rows) {
  for (size_t done = 0; done < rows.size();) {
    size_t count = kRowsPerInsert;
    while (count > rows.size() - done) count /= 2;
    Result<ScopedStatement> insert =
        cache.Get(MultiRowInsertSql(head, static_cast<int>(sizeof...(Values)), count, tail));
    if (!insert) return insert.error();
    int index = 0;
    for (size_t row = done; row < done + count; ++row) {
      std::apply([&](const auto&... values) { ((*insert)->Bind(++index, values), ...); },
                 rows[row]);
    }
    if (Status inserted = (*insert)->Run(); !inserted) return inserted;
    done += count;
  }
  return {};
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
Status ForEachRow(SqlConnection& connection, std::string_view sql, OnRow on_row) {
  Result<Statement> query = Statement::Prepare(connection, sql);
  if (!query) return query.error();
  return EachRow(*query, on_row);
}

// A transaction that rolls back in its destructor unless Commit() ran.
// Begun inside another (a write while a snapshot is read), it is a
// savepoint of that one: committing it releases the savepoint, and the
// outer transaction's commit makes it durable.
class Transaction {
 public:
  // Holds the write lock from the start (SqlConnection::BeginWrite).
  static Result<Transaction> BeginWrite(SqlConnection& connection);
  // Several reads from one snapshot.
  static Result<Transaction> BeginRead(SqlConnection& connection);

  Transaction(Transaction&& other) noexcept
      : connection_(other.connection_), nested_(other.nested_) {
    other.connection_ = nullptr;
  }
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  Status Commit();

 private:
  Transaction(SqlConnection* connection, bool nested) : connection_(connection), nested_(nested) {}
  static Result<Transaction> Begin(SqlConnection& connection, Status (SqlConnection::*begin)());

  SqlConnection* connection_;  // null once committed or moved from
  bool nested_;
};

}  // namespace linkgraph::store
