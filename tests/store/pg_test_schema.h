// A schema of its own in the PostgreSQL test server's database, for a test
// that needs a fresh store there: created empty, dropped with everything in
// it when the test ends. Uri() opens a store inside it (search_path).
#pragma once

#include <unistd.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <memory>
#include <string>

#include "store/pg_connection.h"
#include "tests/store/pg_test_server.h"
#include "tests/store/store_fixtures.h"

namespace linkgraph::store_test {

class PostgresTestSchema {
 public:
  explicit PostgresTestSchema(std::string base_uri) : base_uri_(std::move(base_uri)) {
    static std::atomic<int> made{0};
    name_ = "lg_test_" + std::to_string(getpid()) + "_" + std::to_string(++made);
    auto connection = Must(store::OpenPgConnection(base_uri_, kTimeoutMs));
    Status created =
        connection->Exec("DROP SCHEMA IF EXISTS " + name_ + " CASCADE; CREATE SCHEMA " + name_);
    BOOST_REQUIRE_MESSAGE(created.ok(), "create schema: " << created.error().message);
  }
  PostgresTestSchema(const PostgresTestSchema&) = delete;
  PostgresTestSchema& operator=(const PostgresTestSchema&) = delete;
  ~PostgresTestSchema() {
    auto connection = store::OpenPgConnection(base_uri_, kTimeoutMs);
    if (connection) (void)(*connection)->Exec("DROP SCHEMA IF EXISTS " + name_ + " CASCADE");
  }

  std::string Uri() const {
    const char* joiner = base_uri_.find('?') == std::string::npos ? "?" : "&";
    return base_uri_ + joiner + "options=-csearch_path%3D" + name_;
  }

 private:
  static constexpr int kTimeoutMs = 10000;
  std::string base_uri_;
  std::string name_;
};

}  // namespace linkgraph::store_test
