// --since and --until on the reports: which evidence dates a window keeps.
#include "reports/date_window.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>

namespace linkgraph::reports_test {
namespace LINKGRAPH_FILE_SCOPE {

namespace data = boost::unit_test::data;

struct WindowCase {
  const char* why;
  std::string since, until, date;
  bool kept;
};

std::ostream& operator<<(std::ostream& out, const WindowCase& c) { return out << c.why; }

const WindowCase kCases[] = {
    {"no bounds keep an undated item", "", "", "", true},
    {"a bound drops an undated item", "2010-01-01", "", "", false},
    {"--until alone drops an undated item", "", "2010", "", false},
    {"a date on --since is kept", "2009-12-06", "", "2009-12-06T22:10:00", true},
    {"a date before --since is dropped", "2009-12-07", "", "2009-12-06T22:10:00", false},
    {"a month that holds --since is kept", "2010-02-15", "", "2010-02", true},
    {"a date in --until's month is kept", "", "2010-02", "2010-02-28T23:59:00", true},
    {"a date after --until is dropped", "", "2010-02", "2010-03-01", false},
    {"a year that holds --until is kept", "", "2010-02-10", "2010", true},
    {"inside both bounds", "2009-12-01", "2009-12-31", "2009-12-06", true},
};

BOOST_AUTO_TEST_SUITE(date_window)

BOOST_DATA_TEST_CASE(window_keeps_what_its_dates_meet, data::make(kCases), c) {
  reports::DateWindow window{c.since, c.until};
  BOOST_TEST(window.Holds(c.date) == c.kept);
}

BOOST_AUTO_TEST_CASE(limit_keeps_the_first_rows_and_their_json) {
  reports::Table table;
  table.header = {"n"};
  for (int i = 0; i < 5; ++i) {
    table.rows.push_back({std::to_string(i)});
    table.json.push_back(i);
  }
  reports::LimitRows(table, 2);
  BOOST_TEST(table.rows.size() == 2u);
  BOOST_TEST(table.json.size() == 2u);
  BOOST_TEST(table.rows[1][0] == "1");
  reports::LimitRows(table, 0);
  BOOST_TEST(table.rows.size() == 2u, "0 keeps every row");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::reports_test
