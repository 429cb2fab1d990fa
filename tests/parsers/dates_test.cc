// Dates as blogs print them, to ISO 8601.
#include "parsers/dates.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <string>

namespace linkgraph::parsers {
namespace {

struct Case {
  const char* text;
  const char* iso;
};

std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.text; }

const Case kCases[] = {
    {"December 6, 2009 at 10:10 pm", "2009-12-06T22:10:00"},
    {"December 10, 2009 at 12:05 am", "2009-12-10T00:05:00"},
    {"on Sunday, December 6th, 2009 at 9:31 pm", "2009-12-06T21:31:00"},
    {"Aug 08, 2012 @ 16:44:30", "2012-08-08T16:44:30"},
    {"on 25 Oct 2012 at 7:14 pm", "2012-10-25T19:14:00"},
    {"July 10th, 2012, 1:26 am", "2012-07-10T01:26:00"},
    {"2019-08-03T04:11:57+00:00", "2019-08-03T04:11:57+00:00"},
    {"2019-08-03T04:11:57Z", "2019-08-03T04:11:57+00:00"},
    {"2012-07-11", "2012-07-11"},
    {"22. Jul, 2012 / ", "2012-07-22"},
    {"29. Mai 2019 um 17:39", "2019-05-29T17:39:00"},
    {"3 décembre 2019 à 10:15", "2019-12-03T10:15:00"},
    {"5 de marzo de 2020", "2020-03-05"},
    {"07.22.12 at 20:33", "2012-07-22T20:33:00"},
    {"29.05.2019 17:39", "2019-05-29T17:39:00"},
    {"2 days ago", ""},
    {"Decided 12, 2009", ""},
    {"", ""},
};

BOOST_AUTO_TEST_SUITE(dates)

BOOST_DATA_TEST_CASE(printed_dates_become_iso_8601, boost::unit_test::data::make(kCases), c) {
  BOOST_TEST(ParseDate(c.text) == c.iso);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace linkgraph::parsers
