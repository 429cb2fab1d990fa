// The PostgreSQL connection's text work, without a server: ?N parameters
// spelled $N around literals and comments, which statements can run behind a
// cursor, and passwords kept out of messages.
#include "store/pg_sql_text.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <string>

namespace linkgraph::store_test {
namespace LINKGRAPH_FILE_SCOPE {

namespace data = boost::unit_test::data;

struct Rewrite {
  std::string sql;
  std::string expected;
  int parameter_count;
};

std::ostream& operator<<(std::ostream& out, const Rewrite& rewrite) { return out << rewrite.sql; }

const Rewrite kRewrites[] = {
    {"SELECT a FROM t WHERE b = ?1 AND c = ?2", "SELECT a FROM t WHERE b = $1 AND c = $2", 2},
    {"VALUES (?, ?, ?)", "VALUES ($1, $2, $3)", 3},
    {"SELECT ?2, ?, ?1", "SELECT $2, $3, $1", 3},  // a bare ? follows the largest, as in SQLite
    {"SELECT ?10", "SELECT $10", 10},
    {"SELECT '?1', 'it''s ?2', ?1", "SELECT '?1', 'it''s ?2', $1", 1},
    {"SELECT E'\\' ?1', ?1", "SELECT E'\\' ?1', $1", 1},
    {"SELECT \"odd?1\"\"name\" FROM t WHERE x = ?1", "SELECT \"odd?1\"\"name\" FROM t WHERE x = $1",
     1},
    {"SELECT ?1 -- is ?2 here?\n, ?2", "SELECT $1 -- is ?2 here?\n, $2", 2},
    {"SELECT /* ?1 /* nested ?2 */ still ?3 */ ?1", "SELECT /* ?1 /* nested ?2 */ still ?3 */ $1",
     1},
    {"SELECT 'never closed ?1", "SELECT 'never closed ?1", 0},
    {"SELECT 1", "SELECT 1", 0},
};

struct Kind {
  std::string sql;
  bool row_query;
};

std::ostream& operator<<(std::ostream& out, const Kind& kind) { return out << kind.sql; }

const Kind kKinds[] = {
    {"SELECT 1", true},
    {"  -- why\n /* note */ (select 1) UNION (select 2)", true},
    {"with x as (select 1) select * from x", true},
    {"VALUES (1), (2)", true},
    {"WITH gone AS (DELETE FROM t RETURNING id) SELECT * FROM gone", false},
    {"INSERT INTO t VALUES (1) RETURNING id", false},
    {"UPDATE t SET note = 'SELECT'", false},
    {"-- SELECT\nDELETE FROM t", false},
    {"CREATE TABLE t (a int)", false},
};

struct Hidden {
  std::string conninfo;
  std::string expected;
};

std::ostream& operator<<(std::ostream& out, const Hidden& hidden) { return out << hidden.expected; }

const Hidden kHiddenPasswords[] = {
    {"postgresql://lg:secret@db.example:5433/crawl", "postgresql://lg:***@db.example:5433/crawl"},
    {"postgresql://lg@127.0.0.1:5432/crawl", "postgresql://lg@127.0.0.1:5432/crawl"},
    {"postgres://lg:p%40ss@h/db?sslmode=require&password=other",
     "postgres://lg:***@h/db?sslmode=require&password=***"},
    {"postgresql://h/db?password=x", "postgresql://h/db?password=***"},
    {"postgresql://h", "postgresql://h"},
    {"host=db port=5433 password='a b\\' c' dbname=crawl",
     "host=db port=5433 password=*** dbname=crawl"},
    {"host=db password = secret dbname=x", "host=db password = *** dbname=x"},
    {"dbname=crawl", "dbname=crawl"},
};

BOOST_AUTO_TEST_SUITE(pg_sql_text)

BOOST_DATA_TEST_CASE(numbered_parameters_are_spelled_with_dollars_outside_literals_and_comments,
                     data::make(kRewrites), rewrite) {
  store::DollarSql dollar_sql = store::DollarParameters(rewrite.sql);
  BOOST_TEST(dollar_sql.text == rewrite.expected);
  BOOST_TEST(dollar_sql.parameter_count == rewrite.parameter_count);
}

BOOST_DATA_TEST_CASE(only_pure_reads_run_behind_a_cursor, data::make(kKinds), kind) {
  BOOST_TEST(store::IsRowQuery(kind.sql) == kind.row_query);
}

BOOST_DATA_TEST_CASE(passwords_never_reach_a_message, data::make(kHiddenPasswords), hidden) {
  BOOST_TEST(store::WithoutPassword(hidden.conninfo) == hidden.expected);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::store_test
