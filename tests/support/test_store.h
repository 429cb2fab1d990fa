// For tests of anything that reads or writes a store: the value of a
// Result or a failed test that shows its error, and a private in-memory
// store.
#pragma once

#include <boost/test/unit_test.hpp>
#include <memory>
#include <utility>

#include "common/result.h"
#include "store/store.h"

namespace linkgraph::testing {

// The value of result, or a failed test that shows its error.
template <typename T>
T Must(Result<T> result) {
  // Not BOOST_REQUIRE_MESSAGE: it builds its message even when the check passes.
  if (!result.ok()) BOOST_FAIL("unexpected error: " << result.error().message);
  return std::move(result).value();
}

inline std::unique_ptr<store::Store> OpenMemoryStore() {
  return Must(store::OpenSqliteStore(":memory:"));
}

}  // namespace linkgraph::testing
