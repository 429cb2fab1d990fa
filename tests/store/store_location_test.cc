// Store locations as users write them (--db, a config's `db`): a SQLite
// file plain or as sqlite:PATH; PostgreSQL and other schemes refused with
// a message that says what to give instead.
#include <boost/test/unit_test.hpp>
#include <string>

#include "store/store.h"
#include "tests/support/test_store.h"

namespace linkgraph {
namespace LINKGRAPH_FILE_SCOPE {

using testing::Must;

BOOST_AUTO_TEST_SUITE(store_location)

BOOST_AUTO_TEST_CASE(a_plain_path_and_sqlite_colon_path_name_the_same_file) {
  BOOST_TEST(Must(store::ParseStoreLocation("linkgraph.db")).path == "linkgraph.db");
  BOOST_TEST(Must(store::ParseStoreLocation("sqlite:/var/lib/lg.db")).path == "/var/lib/lg.db");
  BOOST_TEST(Must(store::ParseStoreLocation("SQLite:rel/lg.db")).path == "rel/lg.db");
  BOOST_TEST(Must(store::ParseStoreLocation(":memory:")).path == ":memory:");
  // A colon elsewhere is part of a file's name.
  BOOST_TEST(Must(store::ParseStoreLocation("runs/2026-12-03T10:00.db")).path ==
             "runs/2026-12-03T10:00.db");
}

BOOST_AUTO_TEST_CASE(postgresql_uri_names_a_postgresql_store_as_written) {
  const store::StoreLocation parsed = Must(store::ParseStoreLocation("postgresql://lg@db/graph"));
  BOOST_TEST((parsed.backend == store::StoreLocation::Backend::kPostgres));
  BOOST_TEST(parsed.path == "postgresql://lg@db/graph");
  BOOST_TEST((Must(store::ParseStoreLocation("Postgres://x/y")).backend ==
              store::StoreLocation::Backend::kPostgres));
  BOOST_TEST(
      (Must(store::ParseStoreLocation("lg.db")).backend == store::StoreLocation::Backend::kSqlite));
}

BOOST_AUTO_TEST_CASE(other_locations_are_refused) {
  BOOST_TEST(!store::ParseStoreLocation("").ok());
  BOOST_TEST(!store::ParseStoreLocation("sqlite:").ok());
  BOOST_TEST(!store::ParseStoreLocation("mysql://x/y").ok());
}

BOOST_AUTO_TEST_CASE(open_store_opens_the_sqlite_file_a_location_names) {
  auto store = Must(store::OpenStore("sqlite::memory:"));
  BOOST_TEST(Must(store->Graph()).built == false);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph
