// ISO 8601 strings as the store keeps them, to seconds since 1970: what
// reply latencies are computed from.
#include "reports/iso_time.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <optional>
#include <ostream>

namespace linkgraph::reports_test {
namespace LINKGRAPH_FILE_SCOPE {

namespace data = boost::unit_test::data;

// 2009-12-06T22:10:00Z.
constexpr long long kSeedComment = 1260137400;

struct TimeCase {
  const char* iso;
  std::optional<long long> seconds;
};

std::ostream& operator<<(std::ostream& out, const TimeCase& c) {
  return out << '"' << c.iso << '"';
}

const TimeCase kTimes[] = {
    {"2009-12-06T22:10:00", kSeedComment},  // no zone: read as UTC
    {"2009-12-06T22:10:00Z", kSeedComment},
    {"2009-12-06T22:10:00+00:00", kSeedComment},
    {"2009-12-06T23:10:00+01:00", kSeedComment},
    {"2009-12-06T17:10:00-05:00", kSeedComment},
    {"2009-12-07T03:40:00+05:30", kSeedComment},
    {"1970-01-01T00:00:00Z", 0},
    {"2000-02-29T12:00:00", 951825600},  // a leap day
    {"", std::nullopt},
    {"2009-12-06", std::nullopt},  // a date without a time
    {"December 6, 2009", std::nullopt},
};

BOOST_AUTO_TEST_SUITE(iso_time)

BOOST_DATA_TEST_CASE(seconds_since_epoch_honours_the_zone, data::make(kTimes), c) {
  std::optional<long long> seconds = reports::SecondsSinceEpoch(c.iso);
  BOOST_TEST(seconds.has_value() == c.seconds.has_value());
  if (seconds && c.seconds) BOOST_TEST(*seconds == *c.seconds);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::reports_test
