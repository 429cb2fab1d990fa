// The SQLite plumbing of store/: error translation, statements, the
// statement cache and transactions, on a private in-memory connection.
#include "store/sqlite_handles.h"

#include <boost/test/unit_test.hpp>

#include "store/sql_statement.h"
#include "tests/store/store_fixtures.h"

namespace linkgraph::store_test {
namespace LINKGRAPH_FILE_SCOPE {

using store::Statement;

store::SqliteConnection OpenMemory() {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  store::SqliteConnection db{store::DbHandle(raw)};
  BOOST_REQUIRE_EQUAL(rc, SQLITE_OK);
  BOOST_REQUIRE(db.Exec("CREATE TABLE t (v TEXT NOT NULL)").ok());
  return db;
}

long long Rows(store::SqliteConnection& db) {
  auto count = Must(Statement::Prepare(db, "SELECT count(*) FROM t"));
  BOOST_REQUIRE(count.StepRow().ok());
  return count.Int(0);
}

BOOST_AUTO_TEST_SUITE(sqlite_handles)

BOOST_AUTO_TEST_CASE(sqlite_error_reads_context_colon_message) {
  auto db = OpenMemory();
  Status failed = db.Exec("INSERT INTO missing VALUES (1)");
  BOOST_REQUIRE(!failed.ok());
  BOOST_TEST(failed.error().message == "INSERT INTO missing VALUES (1): no such table: missing");
  BOOST_TEST(store::FromSqlite(db.raw(), "ctx").message == "ctx: no such table: missing");
}

BOOST_AUTO_TEST_CASE(busy_and_locked_codes_become_kbusy) {
  BOOST_TEST(Code(store::FromSqliteCode(SQLITE_BUSY, "x").code) == Code(ErrorCode::kBusy));
  BOOST_TEST(Code(store::FromSqliteCode(SQLITE_BUSY_SNAPSHOT, "x").code) == Code(ErrorCode::kBusy));
  BOOST_TEST(Code(store::FromSqliteCode(SQLITE_LOCKED, "x").code) == Code(ErrorCode::kBusy));
  BOOST_TEST(Code(store::FromSqliteCode(SQLITE_NOTADB, "x").code) == Code(ErrorCode::kCorrupt));
  BOOST_TEST(Code(store::FromSqliteCode(SQLITE_IOERR_WRITE, "x").code) == Code(ErrorCode::kIo));
}

BOOST_AUTO_TEST_CASE(empty_text_binds_as_empty_string_not_null) {
  auto db = OpenMemory();
  auto insert = Must(Statement::Prepare(db, "INSERT INTO t (v) VALUES (?1)"));
  BOOST_TEST(insert.Bind(1, std::string_view()).Run().ok());
  BOOST_TEST(Rows(db) == 1);
}

BOOST_AUTO_TEST_CASE(bind_error_is_reported_by_step) {
  auto db = OpenMemory();
  auto insert = Must(Statement::Prepare(db, "INSERT INTO t (v) VALUES (?1)"));
  Status run = insert.BindAll(std::string_view("a"), std::string_view("one too many")).Run();
  BOOST_REQUIRE(!run.ok());
  BOOST_TEST(run.error().message.find("bind INSERT INTO t") == 0u);
  BOOST_TEST(Rows(db) == 0);
}

BOOST_AUTO_TEST_CASE(cached_statement_cannot_be_borrowed_twice) {
  auto db = OpenMemory();
  store::StatementCache cache(db);
  {
    auto first = Must(cache.Get("SELECT v FROM t"));
    auto second = cache.Get("SELECT v FROM t");
    BOOST_TEST(!second.ok());
  }
  BOOST_TEST(cache.Get("SELECT v FROM t").ok());  // returned when the first went out of scope
}

BOOST_AUTO_TEST_CASE(transaction_rolls_back_unless_committed) {
  auto db = OpenMemory();
  {
    auto transaction = Must(store::Transaction::BeginWrite(db));
    BOOST_REQUIRE(db.Exec("INSERT INTO t VALUES ('dropped')").ok());
  }
  BOOST_TEST(Rows(db) == 0);
  {
    auto transaction = Must(store::Transaction::BeginWrite(db));
    BOOST_REQUIRE(db.Exec("INSERT INTO t VALUES ('kept')").ok());
    BOOST_REQUIRE(transaction.Commit().ok());
  }
  BOOST_TEST(Rows(db) == 1);
  BOOST_TEST(!db.InTransaction());
}

BOOST_AUTO_TEST_CASE(transaction_inside_another_is_a_savepoint_of_it) {
  auto db = OpenMemory();
  {
    auto outer = Must(store::Transaction::BeginWrite(db));
    BOOST_REQUIRE(db.Exec("INSERT INTO t VALUES ('outer')").ok());
    {
      auto inner = Must(store::Transaction::BeginWrite(db));
      BOOST_REQUIRE(db.Exec("INSERT INTO t VALUES ('inner, rolled back')").ok());
    }
    BOOST_TEST(Rows(db) == 1);
    {
      auto inner = Must(store::Transaction::BeginWrite(db));
      BOOST_REQUIRE(db.Exec("INSERT INTO t VALUES ('inner, released')").ok());
      BOOST_REQUIRE(inner.Commit().ok());
    }
    BOOST_TEST(db.InTransaction());  // releasing the savepoint left the outer open
  }
  BOOST_TEST(Rows(db) == 0);  // the outer rolled back, with what the inner released
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::store_test
