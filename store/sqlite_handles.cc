#include "store/sqlite_handles.h"

#include <utility>

namespace linkgraph::store {
namespace {

ErrorCode CodeFor(int rc) {
  switch (rc & 0xff) {  // the primary code of an extended one
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ErrorCode::kBusy;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return ErrorCode::kCorrupt;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return ErrorCode::kIo;
    case SQLITE_TOOBIG:
      return ErrorCode::kTooLarge;
    default:
      return ErrorCode::kInternal;
  }
}

Error MakeError(int rc, std::string_view context, std::string_view message) {
  std::string text(context);
  text += ": ";
  text += message;
  return Error{CodeFor(rc), std::move(text)};
}

}  // namespace

Error FromSqlite(sqlite3* db, std::string_view context) {
  // With a null db (open ran out of memory) SQLite still answers both calls.
  return MakeError(sqlite3_extended_errcode(db), context, sqlite3_errmsg(db));
}

Error FromSqliteCode(int rc, std::string_view context) {
  return MakeError(rc, context, sqlite3_errstr(rc));
}

Status Exec(sqlite3* db, std::string_view sql) {
  while (true) {
    const char* tail = nullptr;
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), 0, &raw, &tail);
    StmtHandle stmt(raw);
    if (rc != SQLITE_OK) return FromSqlite(db, sql.substr(0, 60));
    if (stmt == nullptr) return {};  // only whitespace or comments were left
    do {
      rc = sqlite3_step(stmt.get());
    } while (rc == SQLITE_ROW);
    if (rc != SQLITE_DONE) return FromSqlite(db, sqlite3_sql(stmt.get()));
    sql.remove_prefix(static_cast<size_t>(tail - sql.data()));
  }
}

// ---- Statement

Result<Statement> Statement::Prepare(sqlite3* db, std::string_view sql, bool persistent) {
  sqlite3_stmt* raw = nullptr;
  unsigned flags = persistent ? SQLITE_PREPARE_PERSISTENT : 0;
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), flags, &raw, nullptr);
  StmtHandle stmt(raw);
  if (rc != SQLITE_OK) return FromSqlite(db, "prepare " + std::string(sql.substr(0, 60)));
  if (stmt == nullptr) return Error{ErrorCode::kInternal, "prepare: empty statement"};
  return Statement(db, std::move(stmt));
}

Statement& Statement::Bind(int index, std::string_view value) {
  // A null pointer would bind SQL NULL; "" must stay an empty string.
  const char* data = value.data() != nullptr ? value.data() : "";
  int rc =
      sqlite3_bind_text(stmt_.get(), index, data, static_cast<int>(value.size()), SQLITE_TRANSIENT);
  if (bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

Statement& Statement::Bind(int index, long long value) {
  int rc = sqlite3_bind_int64(stmt_.get(), index, value);
  if (bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

Statement& Statement::Bind(int index, std::optional<long long> value) {
  if (value) return Bind(index, *value);
  int rc = sqlite3_bind_null(stmt_.get(), index);
  if (bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

std::string Statement::Context() const {
  std::string_view sql = sqlite3_sql(stmt_.get());
  return std::string(sql.substr(0, 60)) + (sql.size() > 60 ? "..." : "");
}

Result<bool> Statement::Step() {
  if (bind_error_ != SQLITE_OK) return FromSqliteCode(bind_error_, "bind " + Context());
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return FromSqlite(db_, Context());
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
  if (!*row) return Error{ErrorCode::kInternal, Context() + ": no row returned"};
  return {};
}

std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_.get(), column);
  if (text == nullptr) return {};
  // Bytes after text, which may hold NULs, so never strlen.
  int size = sqlite3_column_bytes(stmt_.get(), column);
  return std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(size));
}

long long Statement::Int(int column) const { return sqlite3_column_int64(stmt_.get(), column); }

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
}

void Statement::Reset() {
  // reset returns the last step's error again; that was already reported.
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
  bind_error_ = SQLITE_OK;
}

// ---- StatementCache

Result<ScopedStatement> StatementCache::Get(std::string_view sql) {
  auto it = entries_.find(sql);
  if (it == entries_.end()) {
    Result<Statement> prepared = Statement::Prepare(db_, sql, /*persistent=*/true);
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

Result<Transaction> Transaction::BeginImmediate(sqlite3* db) {
  if (Status begun = Exec(db, "BEGIN IMMEDIATE"); !begun) return begun.error();
  return Transaction(db);
}

Result<Transaction> Transaction::BeginRead(sqlite3* db) {
  if (Status begun = Exec(db, "BEGIN"); !begun) return begun.error();
  return Transaction(db);
}

Status Transaction::Commit() {
  Status committed = Exec(db_, "COMMIT");
  // A failed COMMIT leaves the transaction open; the destructor rolls back.
  if (committed) db_ = nullptr;
  return committed;
}

Transaction::~Transaction() {
  // Some errors (a full disk, out of memory) already rolled back for us.
  if (db_ != nullptr && sqlite3_get_autocommit(db_) == 0) {
    (void)Exec(db_, "ROLLBACK");
  }
}

}  // namespace linkgraph::store
