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

// ---- SqliteQuery

namespace {

class SqliteQuery final : public SqlQuery {
 public:
  SqliteQuery(sqlite3* db, StmtHandle stmt) : db_(db), stmt_(std::move(stmt)) {}

  void BindText(int index, std::string_view value) override {
    // A null pointer would bind SQL NULL; "" must stay an empty string.
    const char* data = value.data() != nullptr ? value.data() : "";
    Keep(sqlite3_bind_text(stmt_.get(), index, data, static_cast<int>(value.size()),
                           SQLITE_TRANSIENT));
  }
  void BindInt(int index, long long value) override {
    Keep(sqlite3_bind_int64(stmt_.get(), index, value));
  }
  void BindNull(int index) override { Keep(sqlite3_bind_null(stmt_.get(), index)); }

  Result<bool> Step() override {
    if (bind_error_ != SQLITE_OK) return FromSqliteCode(bind_error_, "bind " + Context());
    int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return FromSqlite(db_, Context());
  }

  std::string Text(int column) const override {
    const unsigned char* text = sqlite3_column_text(stmt_.get(), column);
    if (text == nullptr) return {};
    // Bytes after text, which may hold NULs, so never strlen.
    int size = sqlite3_column_bytes(stmt_.get(), column);
    return std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(size));
  }
  long long Int(int column) const override { return sqlite3_column_int64(stmt_.get(), column); }
  bool IsNull(int column) const override {
    return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
  }

  void Reset() override {
    // reset returns the last step's error again; that was already reported.
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
    bind_error_ = SQLITE_OK;
  }

  std::string Context() const override {
    std::string_view sql = sqlite3_sql(stmt_.get());
    return std::string(sql.substr(0, 60)) + (sql.size() > 60 ? "..." : "");
  }

 private:
  void Keep(int rc) {
    if (bind_error_ == SQLITE_OK) bind_error_ = rc;
  }

  sqlite3* db_;
  StmtHandle stmt_;
  int bind_error_ = SQLITE_OK;
};

}  // namespace

// ---- SqliteConnection

Result<std::unique_ptr<SqlQuery>> SqliteConnection::Prepare(std::string_view sql, bool persistent) {
  sqlite3_stmt* raw = nullptr;
  unsigned flags = persistent ? SQLITE_PREPARE_PERSISTENT : 0;
  int rc =
      sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()), flags, &raw, nullptr);
  StmtHandle stmt(raw);
  if (rc != SQLITE_OK) return FromSqlite(db_.get(), "prepare " + std::string(sql.substr(0, 60)));
  if (stmt == nullptr) return Error{ErrorCode::kInternal, "prepare: empty statement"};
  return std::unique_ptr<SqlQuery>(std::make_unique<SqliteQuery>(db_.get(), std::move(stmt)));
}

}  // namespace linkgraph::store
