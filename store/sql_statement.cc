#include "store/sql_statement.h"

#include <utility>

namespace linkgraph::store {

// ---- Statement

Result<Statement> Statement::Prepare(SqlConnection& connection, std::string_view sql,
                                     bool persistent) {
  Result<std::unique_ptr<SqlQuery>> query = connection.Prepare(sql, persistent);
  if (!query) return query.error();
  return Statement(std::move(*query));
}

Status Statement::Run() {
  while (true) {
    Result<bool> row = Step();
    if (!row) return row.error();
    if (!*row) return {};
  }
}

Status Statement::StepRow() {
  Result<bool> row = Step();
  if (!row) return row.error();
  if (!*row) return Error{ErrorCode::kInternal, query_->Context() + ": no row returned"};
  return {};
}

// ---- StatementCache

Result<ScopedStatement> StatementCache::Get(std::string_view sql) {
  auto it = entries_.find(sql);
  if (it == entries_.end()) {
    Result<Statement> prepared = Statement::Prepare(connection_, sql, /*persistent=*/true);
    if (!prepared) return prepared.error();
    it = entries_.emplace(std::string(sql), Entry{std::move(prepared).value()}).first;
  }
  Entry& entry = it->second;
  if (entry.in_use) {
    return Error{ErrorCode::kInternal,
                 "statement borrowed twice: " + std::string(sql.substr(0, 60))};
  }
  entry.in_use = true;
  return ScopedStatement(&entry.statement, &entry.in_use);
}

// ---- Transaction

constexpr const char* kSavepoint = "SAVEPOINT linkgraph_nested";
constexpr const char* kRelease = "RELEASE linkgraph_nested";
constexpr const char* kRollbackToSavepoint =
    "ROLLBACK TO linkgraph_nested; RELEASE linkgraph_nested";

Result<Transaction> Transaction::Begin(SqlConnection& connection,
                                       Status (SqlConnection::*begin)()) {
  const bool nested = connection.InTransaction();
  Status begun = nested ? connection.Exec(kSavepoint) : (connection.*begin)();
  if (!begun) return begun.error();
  return Transaction(&connection, nested);
}

Result<Transaction> Transaction::BeginWrite(SqlConnection& connection) {
  return Begin(connection, &SqlConnection::BeginWrite);
}

Result<Transaction> Transaction::BeginRead(SqlConnection& connection) {
  return Begin(connection, &SqlConnection::BeginRead);
}

Status Transaction::Commit() {
  Status committed = connection_->Exec(nested_ ? kRelease : "COMMIT");
  // A failed COMMIT leaves the transaction open; the destructor rolls back.
  if (committed) connection_ = nullptr;
  return committed;
}

Transaction::~Transaction() {
  // Some errors (a full disk, out of memory) already rolled back for us.
  if (connection_ != nullptr && connection_->InTransaction()) {
    (void)connection_->Exec(nested_ ? kRollbackToSavepoint : "ROLLBACK");
  }
}

std::string MultiRowInsertSql(std::string_view head, int columns, size_t rows,
                              std::string_view tail) {
  std::string sql(head);
  sql += " VALUES ";
  int parameter = 0;
  for (size_t row = 0; row < rows; ++row) {
    sql += row == 0 ? "(" : ", (";
    for (int column = 0; column < columns; ++column) {
      if (column > 0) sql += ", ";
      sql += "?" + std::to_string(++parameter);
    }
    sql += ")";
  }
  if (!tail.empty()) sql += " " + std::string(tail);
  return sql;
}

}  // namespace linkgraph::store
