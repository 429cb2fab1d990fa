// A hand-written fixture page under tests/data/parsers/FOLDER/ read by
// parsers::ExtractPage as if fetched from url; the test stops when the page
// is refused.
#pragma once

#include <boost/test/unit_test.hpp>
#include <string>

#include "parsers/parsers.h"
#include "tests/support/test_paths.h"

namespace linkgraph::testing {

inline ExtractedPage ExtractFixture(const std::string& folder, const std::string& name,
                                    const std::string& url) {
  std::string bytes = ReadFile(TestDataDir() / "parsers" / folder / name);
  auto page = parsers::ExtractPage(bytes, url);
  BOOST_REQUIRE_MESSAGE(page.ok(), name << ": " << (page.ok() ? "" : page.error().message));
  return std::move(page).value();
}

}  // namespace linkgraph::testing
