#include "store/pg_connection.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/pg_handles.h"
#include "store/pg_sql_text.h"

namespace linkgraph::store {
namespace {

// Rows a cursor hands over per round trip: few enough that a large read
// never sits in memory whole, enough that round trips do not dominate.
constexpr int kFetchRows = 256;
constexpr size_t kContextChars = 60;

// The start of sql on one line, for messages.
std::string Shortened(std::string_view sql) {
  std::string text(sql.substr(0, kContextChars));
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return text;
}

// What a connection and its queries share: the server session and the
// counters that name prepared statements and cursors.
struct PgSession {
  PgConnHandle conn;
  long long changed_rows = 0;
  std::uint64_t names_made = 0;
  // Tells transactions apart for the cursors: a cursor dies with the
  // transaction that opened it, and a CLOSE of a cursor that is gone would
  // fail the transaction running now. Counts statements that start outside
  // a transaction, and every Exec, whose script may end one or roll back to
  // a savepoint.
  std::uint64_t transaction_serial = 0;

  PGconn* get() const { return conn.get(); }

  bool InTransaction() const {
    PGTransactionStatusType status = PQtransactionStatus(conn.get());
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
  }

  std::string NewName(std::string_view prefix) {
    return std::string(prefix) + std::to_string(++names_made);
  }

  // Takes ownership of what a libpq call returned, after noting the call as
  // a statement that ran: the result, or its failure with context.
  Result<PgResultHandle> Finish(PGresult* raw, std::string_view context) {
    PgResultHandle result(raw);
    if (!Succeeded(result.get())) return FromPg(conn.get(), result.get(), context);
    if (std::optional<long long> rows = ChangedRowsOf(result.get())) changed_rows = *rows;
    return result;
  }

  void NoteStatementStart() {
    if (PQtransactionStatus(conn.get()) == PQTRANS_IDLE) ++transaction_serial;
  }
};

class PgQuery final : public SqlQuery {
 public:
  PgQuery(std::shared_ptr<PgSession> session, DollarSql sql, std::string_view original,
          std::string prepared_name)
      : session_(std::move(session)),
        sql_(std::move(sql.text)),
        context_(Shortened(original)),
        row_query_(IsRowQuery(original)),
        prepared_name_(std::move(prepared_name)),
        params_(static_cast<size_t>(sql.parameter_count)) {}
  PgQuery(const PgQuery&) = delete;
  PgQuery& operator=(const PgQuery&) = delete;
  ~PgQuery() override { CloseCursor(); }

  void BindText(int index, std::string_view value) override { Bind(index, std::string(value)); }
  void BindInt(int index, long long value) override { Bind(index, std::to_string(value)); }
  void BindNull(int index) override { Bind(index, std::nullopt); }

  Result<bool> Step() override;

  std::string Text(int column) const override {
    const char* value = Cell(column);
    return value != nullptr ? value : "";
  }
  long long Int(int column) const override;
  bool IsNull(int column) const override { return Cell(column) == nullptr; }

  void Reset() override;
  std::string Context() const override { return context_; }

 private:
  void Bind(int index, std::optional<std::string> value);
  Status Start();
  Status RunWhole();
  Status OpenCursor();
  Status FetchBatch();
  void CloseCursor();
  std::vector<const char*> Values() const;
  // The current row's value in column; null for NULL or no such cell.
  const char* Cell(int column) const;

  std::shared_ptr<PgSession> session_;
  const std::string sql_;
  const std::string context_;
  const bool row_query_;
  const std::string prepared_name_;  // empty: not prepared on the server
  std::vector<std::optional<std::string>> params_;
  std::optional<Error> bind_error_;
  bool started_ = false;
  PgResultHandle rows_;  // the whole result, or the cursor's current batch
  int row_ = -1;
  std::string cursor_;  // empty: no cursor open
  std::uint64_t cursor_serial_ = 0;
};

void PgQuery::Bind(int index, std::optional<std::string> value) {
  if (index < 1 || static_cast<size_t>(index) > params_.size()) {
    if (!bind_error_) {
      bind_error_ = Error{ErrorCode::kInternal,
                          context_ + ": no parameter " + std::to_string(index) + " to bind"};
    }
    return;
  }
  params_[static_cast<size_t>(index) - 1] = std::move(value);
}

std::vector<const char*> PgQuery::Values() const {
  std::vector<const char*> values;
  values.reserve(params_.size());
  for (const std::optional<std::string>& param : params_) {
    values.push_back(param ? param->c_str() : nullptr);
  }
  return values;
}

Result<bool> PgQuery::Step() {
  if (bind_error_) return *bind_error_;
  if (!started_) {
    started_ = true;
    if (Status running = Start(); !running) return running.error();
  }
  while (true) {
    if (rows_ != nullptr && ++row_ < PQntuples(rows_.get())) return true;
    if (cursor_.empty()) {
      rows_.reset();
      return false;
    }
    if (Status fetched = FetchBatch(); !fetched) return fetched.error();
  }
}

// Inside a transaction a read goes through a cursor, so several reads can be
// stepped side by side without any of them held whole. Outside one a SELECT
// runs whole: a cursor would need a transaction of its own, kept open for as
// long as the caller takes to step, and nothing the store reads outside a
// transaction is large. A persistent read (a look-up by key, run for every
// page written) runs whole too, as its prepared statement: a cursor would
// cost it two more round trips and a parse of its text each time.
Status PgQuery::Start() {
  if (row_query_ && session_->InTransaction() && prepared_name_.empty()) return OpenCursor();
  return RunWhole();
}

Status PgQuery::RunWhole() {
  std::vector<const char*> values = Values();
  const int count = static_cast<int>(values.size());
  session_->NoteStatementStart();
  PGresult* raw = prepared_name_.empty()
                      ? PQexecParams(session_->get(), sql_.c_str(), count, nullptr, values.data(),
                                     nullptr, nullptr, 0)
                      : PQexecPrepared(session_->get(), prepared_name_.c_str(), count,
                                       values.data(), nullptr, nullptr, 0);
  Result<PgResultHandle> result = session_->Finish(raw, context_);
  if (!result) return result.error();
  rows_ = std::move(*result);
  row_ = -1;
  return {};
}

Status PgQuery::OpenCursor() {
  std::string name = session_->NewName("lg_c");
  std::string declare = "DECLARE " + name + " NO SCROLL CURSOR FOR " + sql_;
  std::vector<const char*> values = Values();
  Result<PgResultHandle> declared = session_->Finish(
      PQexecParams(session_->get(), declare.c_str(), static_cast<int>(values.size()), nullptr,
                   values.data(), nullptr, nullptr, 0),
      context_);
  if (!declared) return declared.error();
  cursor_ = std::move(name);
  cursor_serial_ = session_->transaction_serial;
  return FetchBatch();
}

Status PgQuery::FetchBatch() {
  std::string fetch = "FETCH " + std::to_string(kFetchRows) + " FROM " + cursor_;
  Result<PgResultHandle> batch = session_->Finish(PQexec(session_->get(), fetch.c_str()), context_);
  if (!batch) return batch.error();
  rows_ = std::move(*batch);
  row_ = -1;
  // A short batch is the last: the cursor can go now rather than at Reset.
  if (PQntuples(rows_.get()) < kFetchRows) CloseCursor();
  return {};
}

void PgQuery::CloseCursor() {
  if (cursor_.empty()) return;
  if (session_->transaction_serial == cursor_serial_ &&
      PQtransactionStatus(session_->get()) == PQTRANS_INTRANS) {
    std::string close = "CLOSE " + cursor_;
    PgResultHandle closed(PQexec(session_->get(), close.c_str()));
  }
  cursor_.clear();
}

const char* PgQuery::Cell(int column) const {
  if (rows_ == nullptr || row_ < 0 || row_ >= PQntuples(rows_.get()) || column < 0 ||
      column >= PQnfields(rows_.get())) {
    return nullptr;
  }
  if (PQgetisnull(rows_.get(), row_, column) != 0) return nullptr;
  return PQgetvalue(rows_.get(), row_, column);
}

long long PgQuery::Int(int column) const {
  const char* cell = Cell(column);
  std::string_view text = cell != nullptr ? cell : "";
  if (text == "t") return 1;  // a boolean column, read as SQLite stores one
  long long value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

void PgQuery::Reset() {
  CloseCursor();
  rows_.reset();
  row_ = -1;
  started_ = false;
  std::fill(params_.begin(), params_.end(), std::nullopt);
  bind_error_.reset();
}

class PgConnection final : public SqlConnection {
 public:
  explicit PgConnection(std::shared_ptr<PgSession> session) : session_(std::move(session)) {}

  SqlDialect Dialect() const override { return SqlDialect::kPostgres; }

  Result<std::unique_ptr<SqlQuery>> Prepare(std::string_view sql, bool persistent) override;
  Status Exec(std::string_view script) override;
  long long ChangedRows() override { return session_->changed_rows; }

  // PostgreSQL locks rows as a statement writes them and a writer waits for
  // another's locks (up to lock_timeout); no transaction is ever refused an
  // upgrade from reading to writing, so a plain BEGIN needs no IMMEDIATE.
  Status BeginWrite() override { return Exec("BEGIN"); }
  // One snapshot for the whole transaction. Not READ ONLY: a SQLite read
  // transaction may still write, and the store's tables run on both.
  Status BeginRead() override { return Exec("BEGIN ISOLATION LEVEL REPEATABLE READ"); }
  bool InTransaction() override { return session_->InTransaction(); }

 private:
  std::shared_ptr<PgSession> session_;
};

Result<std::unique_ptr<SqlQuery>> PgConnection::Prepare(std::string_view sql, bool persistent) {
  DollarSql dollar_sql = DollarParameters(sql);
  std::string name;
  if (persistent) {
    name = session_->NewName("lg_s");
    session_->NoteStatementStart();
    Result<PgResultHandle> prepared =
        session_->Finish(PQprepare(session_->get(), name.c_str(), dollar_sql.text.c_str(),
                                   dollar_sql.parameter_count, nullptr),
                         "prepare " + Shortened(sql));
    if (!prepared) return prepared.error();
  }
  return std::unique_ptr<SqlQuery>(
      std::make_unique<PgQuery>(session_, std::move(dollar_sql), sql, std::move(name)));
}

Status PgConnection::Exec(std::string_view script) {
  ++session_->transaction_serial;
  std::string text(script);
  Result<PgResultHandle> done =
      session_->Finish(PQexec(session_->get(), text.c_str()), Shortened(script));
  if (!done) return done.error();
  return {};
}

// libpq prints server notices ("table does not exist, skipping") to stderr
// unless told otherwise; a library's caller decides what reaches stderr.
void IgnoreNotice(void*, const char*) {}

}  // namespace

Result<std::unique_ptr<SqlConnection>> OpenPgConnection(std::string_view uri, int busy_timeout_ms) {
  const std::string context = "connect " + WithoutPassword(uri);
  const std::string conninfo(uri);
  // uri is expanded in place of dbname; the pairs after it win over it, and
  // the fallback name only applies when uri names no application.
  const char* const keywords[] = {"dbname", "client_encoding", "fallback_application_name",
                                  nullptr};
  const char* const values[] = {conninfo.c_str(), "UTF8", "linkgraph", nullptr};
  auto session = std::make_shared<PgSession>();
  session->conn.reset(PQconnectdbParams(keywords, values, /*expand_dbname=*/1));
  if (session->conn == nullptr) return Error{ErrorCode::kIo, context + ": out of memory"};
  if (PQstatus(session->get()) != CONNECTION_OK) {
    return Error{ErrorCode::kIo, FromPg(session->get(), nullptr, context).message};
  }
  PQsetNoticeProcessor(session->get(), IgnoreNotice, nullptr);
  // lock_timeout 0 would wait forever, where a busy timeout of 0 means not
  // waiting at all.
  const int lock_timeout_ms = std::max(busy_timeout_ms, 1);
  auto connection = std::make_unique<PgConnection>(std::move(session));
  if (Status set = connection->Exec("SET lock_timeout = " + std::to_string(lock_timeout_ms));
      !set) {
    return set.error().WithContext(context);
  }
  return std::unique_ptr<SqlConnection>(std::move(connection));
}

}  // namespace linkgraph::store
