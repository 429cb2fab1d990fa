// Where the store tests find a PostgreSQL server: LINKGRAPH_TEST_PG holds a
// URI, else the file LINKGRAPH_TEST_PG_URI_FILE names holds one (ctest's
// postgres_start test writes it, see scripts/pg-test-server.sh). Without
// either, PostgresAvailable skips the cases it guards, saying why.
#pragma once

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>

namespace linkgraph::store_test {

inline std::optional<std::string> TestPostgresUri() {
  if (const char* uri = std::getenv("LINKGRAPH_TEST_PG"); uri != nullptr && *uri != '\0') {
    return uri;
  }
  const char* file = std::getenv("LINKGRAPH_TEST_PG_URI_FILE");
  if (file == nullptr) return std::nullopt;
  std::ifstream in(file);
  std::string uri;
  if (!std::getline(in, uri) || uri.empty()) return std::nullopt;
  return uri;
}

// A Boost.Test precondition: *boost::unit_test::precondition(PostgresAvailable{}).
struct PostgresAvailable {
  boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const {
    boost::test_tools::assertion_result available(TestPostgresUri().has_value());
    available.message() << "no PostgreSQL test server: set LINKGRAPH_TEST_PG to a URI, or run "
                           "through ctest, which starts one when PostgreSQL is installed";
    return available;
  }
};

}  // namespace linkgraph::store_test
