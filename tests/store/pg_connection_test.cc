// SqlConnection over PostgreSQL, against the private server ctest starts
// (tests/store/pg_test_server.h): parameters, prepared statements, cursors
// stepped side by side, transactions and error codes. Each case works in a
// schema of its own, dropped at its end.
#include "store/pg_connection.h"

#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <climits>
#include <memory>
#include <string>

#include "tests/store/pg_test_server.h"
#include "tests/store/store_fixtures.h"

namespace linkgraph::store_test {
namespace LINKGRAPH_FILE_SCOPE {

using store::SqlConnection;
using store::SqlQuery;

constexpr int kBusyTimeoutMs = 200;

std::unique_ptr<SqlQuery> PrepareOrFail(SqlConnection& db, const std::string& sql,
                                        bool persistent = false) {
  return Must(db.Prepare(sql, persistent));
}

// Steps sql, which yields one integer, to its value.
long long Single(SqlConnection& db, const std::string& sql) {
  auto query = PrepareOrFail(db, sql);
  BOOST_REQUIRE(Must(query->Step()));
  return query->Int(0);
}

std::unique_ptr<SqlConnection> OpenTestConnection() {
  return Must(store::OpenPgConnection(*TestPostgresUri(), kBusyTimeoutMs));
}

// A connection in a schema of its own, so reruns and parallel runs never
// share a table; the schema goes when the case ends.
class PgSchema {
 public:
  PgSchema() : db(OpenTestConnection()) {
    MustOk(db->Exec("CREATE SCHEMA " + name_));
    MustOk(db->Exec("SET search_path TO " + name_));
  }
  PgSchema(const PgSchema&) = delete;
  PgSchema& operator=(const PgSchema&) = delete;
  ~PgSchema() {
    if (db->InTransaction()) (void)db->Exec("ROLLBACK");
    (void)db->Exec("DROP SCHEMA " + name_ + " CASCADE");
  }

  // A second session on the same schema.
  std::unique_ptr<SqlConnection> Connect() const {
    auto connection = OpenTestConnection();
    MustOk(connection->Exec("SET search_path TO " + name_));
    return connection;
  }

  std::unique_ptr<SqlConnection> db;

 private:
  static inline int schemas_made_ = 0;
  const std::string name_ =
      "lg_test_" + std::to_string(getpid()) + "_" + std::to_string(++schemas_made_);
};

// Rows 1..count in t(n).
void FillNumbers(SqlConnection& db, int count) {
  MustOk(db.Exec("CREATE TABLE t (n bigint PRIMARY KEY, note text)"));
  auto fill = PrepareOrFail(db, "INSERT INTO t (n) SELECT g FROM generate_series(1, ?1) g");
  fill->BindInt(1, count);
  BOOST_REQUIRE(!Must(fill->Step()));
}

// Open cursors of this session.
long long OpenCursors(SqlConnection& db) {
  // Inside a transaction this count runs behind a cursor of its own.
  return Single(db, "SELECT count(*) FROM pg_cursors") - (db.InTransaction() ? 1 : 0);
}

BOOST_AUTO_TEST_SUITE(pg_connection_offline)

BOOST_AUTO_TEST_CASE(refused_connection_names_the_server_but_not_the_password) {
  auto opened = store::OpenPgConnection("postgresql://lg:secret@127.0.0.1:1/crawl", 100);
  BOOST_REQUIRE(!opened.ok());
  const std::string& message = opened.error().message;
  BOOST_TEST(Code(opened.error().code) == Code(ErrorCode::kIo));
  BOOST_TEST(message.starts_with("connect postgresql://lg:***@127.0.0.1:1/crawl: "), message);
  BOOST_TEST(message.find("secret") == std::string::npos, message);
  BOOST_TEST(message.find('\n') == std::string::npos, message);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(pg_connection, PgSchema,
                         *boost::unit_test::precondition(PostgresAvailable{}))

BOOST_AUTO_TEST_CASE(bound_values_read_back_unchanged) {
  MustOk(db->Exec("CREATE TABLE v (id int PRIMARY KEY, s text, n bigint)"));
  struct Row {
    int id;
    std::string text;
    long long number;
  };
  const Row rows[] = {
      {1, "it's \"quoted\" ?1 -- not a comment /*", LLONG_MIN},
      {2, "Zoë — 東京 🙂", LLONG_MAX},
      {3, "", 0},
  };
  auto insert = PrepareOrFail(*db, "INSERT INTO v (id, s, n) VALUES (?1, ?2, ?3)", true);
  for (const Row& row : rows) {
    insert->BindInt(1, row.id);
    insert->BindText(2, row.text);
    insert->BindInt(3, row.number);
    BOOST_REQUIRE(!Must(insert->Step()));
    insert->Reset();
  }
  insert->BindInt(1, 4);  // ?2 and ?3 left unbound: NULL, as in SQLite
  BOOST_REQUIRE(!Must(insert->Step()));

  auto select = PrepareOrFail(*db, "SELECT s, n FROM v WHERE id = ?1");
  for (const Row& row : rows) {
    select->BindInt(1, row.id);
    BOOST_REQUIRE(Must(select->Step()));
    BOOST_TEST(select->Text(0) == row.text);
    BOOST_TEST(select->Int(1) == row.number);
    BOOST_TEST(!select->IsNull(0));
    BOOST_TEST(!Must(select->Step()));
    select->Reset();
  }
  select->BindInt(1, 4);
  BOOST_REQUIRE(Must(select->Step()));
  BOOST_TEST(select->IsNull(0));
  BOOST_TEST(select->Text(0) == "");
  BOOST_TEST(select->Int(1) == 0);
}

BOOST_AUTO_TEST_CASE(bind_past_the_last_parameter_fails_the_next_step) {
  auto select = PrepareOrFail(*db, "SELECT ?1::int");
  select->BindInt(2, 7);
  Result<bool> stepped = select->Step();
  BOOST_REQUIRE(!stepped.ok());
  BOOST_TEST(stepped.error().message == "SELECT ?1::int: no parameter 2 to bind");
  select->Reset();
  select->BindInt(1, 7);
  BOOST_REQUIRE(Must(select->Step()));
  BOOST_TEST(select->Int(0) == 7);
}

BOOST_AUTO_TEST_CASE(persistent_query_runs_many_times) {
  FillNumbers(*db, 0);
  auto insert = PrepareOrFail(*db, "INSERT INTO t (n, note) VALUES (?1, ?2)", true);
  MustOk(db->BeginWrite());
  for (int n = 1; n <= 500; ++n) {
    insert->BindInt(1, n);
    insert->BindText(2, "n" + std::to_string(n));
    BOOST_REQUIRE(!Must(insert->Step()));
    BOOST_REQUIRE_EQUAL(db->ChangedRows(), 1);
    insert->Reset();
  }
  MustOk(db->Exec("COMMIT"));
  BOOST_TEST(Single(*db, "SELECT count(*) FROM t") == 500);
  BOOST_TEST(Single(*db, "SELECT sum(n) FROM t WHERE note = 'n' || n") == 500 * 501 / 2);
}

BOOST_AUTO_TEST_CASE(a_persistent_read_runs_whole_beside_a_cursor) {
  FillNumbers(*db, 1000);
  MustOk(db->BeginRead());
  auto scan = PrepareOrFail(*db, "SELECT n FROM t ORDER BY n");
  auto by_key = PrepareOrFail(*db, "SELECT n * 2 FROM t WHERE n = ?1", true);
  BOOST_REQUIRE(Must(scan->Step()));
  for (long long n = 1; n <= 300; ++n) {
    BOOST_REQUIRE_EQUAL(scan->Int(0), n);
    by_key->BindInt(1, n);
    BOOST_REQUIRE(Must(by_key->Step()));
    BOOST_REQUIRE_EQUAL(by_key->Int(0), 2 * n);
    BOOST_REQUIRE(!Must(by_key->Step()));
    by_key->Reset();
    BOOST_REQUIRE(Must(scan->Step()));
  }
  BOOST_TEST(OpenCursors(*db) == 1);  // the scan's; the look-ups opened none
  scan->Reset();
  MustOk(db->Exec("COMMIT"));
}

BOOST_AUTO_TEST_CASE(two_reads_step_side_by_side_in_one_snapshot) {
  FillNumbers(*db, 1000);
  MustOk(db->BeginRead());
  auto up = PrepareOrFail(*db, "SELECT n FROM t WHERE n >= ?1 ORDER BY n");
  auto down = PrepareOrFail(*db, "SELECT n FROM t ORDER BY n DESC");
  up->BindInt(1, 1);
  BOOST_REQUIRE(Must(up->Step()));
  BOOST_REQUIRE(Must(down->Step()));
  BOOST_TEST(OpenCursors(*db) == 2);  // rows arrive in batches, not whole

  // A row written by another session after the snapshot stays unseen.
  auto other = Connect();
  MustOk(other->Exec("INSERT INTO t (n) VALUES (1001)"));

  long long rows = 1;
  for (long long n = 1; n <= 1000; ++n, ++rows) {
    BOOST_REQUIRE_EQUAL(up->Int(0), n);
    BOOST_REQUIRE_EQUAL(down->Int(0), 1001 - n);
    if (n == 1000) break;
    BOOST_REQUIRE(Must(up->Step()));
    BOOST_REQUIRE(Must(down->Step()));
  }
  BOOST_TEST(rows == 1000);
  BOOST_TEST(!Must(up->Step()));
  BOOST_TEST(!Must(down->Step()));
  BOOST_TEST(OpenCursors(*db) == 0);  // a read that ran out closes its cursor
  MustOk(db->Exec("COMMIT"));
  BOOST_TEST(!db->InTransaction());
}

BOOST_AUTO_TEST_CASE(reset_mid_read_closes_the_cursor_and_reruns_from_the_start) {
  FillNumbers(*db, 1000);
  MustOk(db->BeginRead());
  auto read = PrepareOrFail(*db, "SELECT n FROM t ORDER BY n");
  for (int i = 0; i < 300; ++i) BOOST_REQUIRE(Must(read->Step()));
  BOOST_TEST(read->Int(0) == 300);
  read->Reset();
  BOOST_TEST(OpenCursors(*db) == 0);
  long long rows = 0;
  while (Must(read->Step())) ++rows;
  BOOST_TEST(rows == 1000);
  MustOk(db->Exec("COMMIT"));
  read->Reset();

  // A half-read query whose transaction ended resets without failing the next.
  MustOk(db->BeginRead());
  BOOST_REQUIRE(Must(read->Step()));
  MustOk(db->Exec("COMMIT"));
  MustOk(db->BeginRead());
  read->Reset();
  BOOST_TEST(Single(*db, "SELECT count(*) FROM t") == 1000);
  MustOk(db->Exec("COMMIT"));
}

BOOST_AUTO_TEST_CASE(changed_rows_counts_the_last_write) {
  FillNumbers(*db, 100);
  auto update = PrepareOrFail(*db, "UPDATE t SET note = ?2 WHERE n <= ?1");
  update->BindInt(1, 10);
  update->BindText(2, "low");
  BOOST_REQUIRE(!Must(update->Step()));
  BOOST_TEST(db->ChangedRows() == 10);
  BOOST_TEST(Single(*db, "SELECT count(*) FROM t") == 100);
  BOOST_TEST(db->ChangedRows() == 10);  // a read changes nothing
  MustOk(db->Exec("DELETE FROM t WHERE n > 97"));
  BOOST_TEST(db->ChangedRows() == 3);
}

BOOST_AUTO_TEST_CASE(returning_rows_are_read_inside_a_transaction) {
  MustOk(db->Exec("CREATE TABLE r (id bigserial PRIMARY KEY, name text)"));
  MustOk(db->BeginWrite());
  auto insert = PrepareOrFail(*db, "INSERT INTO r (name) VALUES (?1) RETURNING id, name", true);
  insert->BindText(1, "wendy");
  BOOST_REQUIRE(Must(insert->Step()));
  BOOST_TEST(insert->Int(0) == 1);
  BOOST_TEST(insert->Text(1) == "wendy");
  BOOST_TEST(!Must(insert->Step()));
  BOOST_TEST(db->ChangedRows() == 1);
  MustOk(db->Exec("COMMIT"));
}

BOOST_AUTO_TEST_CASE(unique_violation_is_internal_and_says_so) {
  FillNumbers(*db, 1);
  auto insert = PrepareOrFail(*db, "INSERT INTO t (n) VALUES (?1)");
  insert->BindInt(1, 1);
  Result<bool> stepped = insert->Step();
  BOOST_REQUIRE(!stepped.ok());
  BOOST_TEST(Code(stepped.error().code) == Code(ErrorCode::kInternal));
  BOOST_TEST(stepped.error().message ==
             "INSERT INTO t (n) VALUES (?1): duplicate key value violates unique constraint "
             "\"t_pkey\"");
}

BOOST_AUTO_TEST_CASE(failed_statement_leaves_the_transaction_to_roll_back) {
  FillNumbers(*db, 1);
  MustOk(db->BeginWrite());
  BOOST_TEST(db->InTransaction());
  BOOST_TEST(!db->Exec("INSERT INTO t (n) VALUES (1)").ok());
  BOOST_TEST(db->InTransaction());
  MustOk(db->Exec("ROLLBACK"));
  BOOST_TEST(!db->InTransaction());
}

BOOST_AUTO_TEST_CASE(waiting_past_the_busy_timeout_for_a_row_lock_is_busy) {
  FillNumbers(*db, 1);
  MustOk(db->BeginWrite());
  MustOk(db->Exec("UPDATE t SET note = 'first' WHERE n = 1"));
  auto other = Connect();
  MustOk(other->BeginWrite());
  Status blocked = other->Exec("UPDATE t SET note = 'second' WHERE n = 1");
  BOOST_REQUIRE(!blocked.ok());
  BOOST_TEST(Code(blocked.error().code) == Code(ErrorCode::kBusy));
  BOOST_TEST(blocked.error().message.find("lock timeout") != std::string::npos,
             blocked.error().message);
  MustOk(other->Exec("ROLLBACK"));
  MustOk(db->Exec("COMMIT"));
}

BOOST_AUTO_TEST_CASE(a_broken_statement_fails_at_prepare_when_persistent) {
  Result<std::unique_ptr<SqlQuery>> prepared = db->Prepare("SELECT FROM WHERE", true);
  BOOST_REQUIRE(!prepared.ok());
  BOOST_TEST(prepared.error().message.starts_with("prepare SELECT FROM WHERE: syntax error"),
             prepared.error().message);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::store_test
