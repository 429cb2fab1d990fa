// Dates as blogs print them, to ISO 8601: a few cases here, and the table
// tests/data/parsers/dates/date_cases.tsv of forms in English, German, French
// and Spanish, relative dates and things that only look like dates.
#include "parsers/dates.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <exception>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/parsers/fixture_page.h"
#include "tests/support/table_file.h"
#include "tests/support/test_paths.h"

namespace linkgraph::parsers {
namespace LINKGRAPH_FILE_SCOPE {

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
    {"24/12/2013 - 18:54", "2013-12-24T18:54:00"},
    {"Tue, 24/12/2013 - 18:54", "2013-12-24T18:54:00"},
    {"14-10-2012, 01h19", "2012-10-14T01:19:00"},
    {"7/2/2015, 12:08:18 PM", "2015-07-02T12:08:18"},
    {"09/25/2013", "2013-09-25"},
    {"17/03/09 a las 14:05", "2009-03-17T14:05:00"},
    {"11/06/2015 - 09:00", ""},
    {"1/2 cup of flour", ""},
    {"12/2013-06", ""},
    {"2 days ago", ""},
    {"Decided 12, 2009", ""},
    {"", ""},
};

struct TableCase {
  size_t line = 0;
  std::string text;
  std::string iso;  // "" for no date ("-" in the table)
  std::string note;
};

std::ostream& operator<<(std::ostream& out, const TableCase& c) {
  return out << "date_cases.tsv:" << c.line << " " << c.note;
}

// Read when the cases are registered; a table that cannot be read, or a row
// that does not parse, gives no rows, and date_table_is_read_whole says so.
std::vector<TableCase> LoadDateTable() {
  std::vector<TableCase> cases;
  try {
    for (const auto& [number, columns] :
         testing::ReadTableRows(testing::TestDataDir() / "parsers" / "dates" / "date_cases.tsv")) {
      if (columns.size() != 3 || columns[1].empty()) return {};
      cases.push_back({number, columns[0], columns[1] == "-" ? "" : columns[1], columns[2]});
    }
  } catch (const std::exception&) {
    return {};
  }
  return cases;
}

BOOST_AUTO_TEST_SUITE(dates)

BOOST_DATA_TEST_CASE(printed_dates_become_iso_8601, boost::unit_test::data::make(kCases), c) {
  BOOST_TEST(ParseDate(c.text) == c.iso);
}

BOOST_AUTO_TEST_CASE(a_pages_other_dates_tell_the_order_of_an_ambiguous_one) {
  // "21/03/2012" on the same page: no month 21, so "04/09/2012" is the 4th
  // of September, even beside a 12-hour clock; a weekday still decides.
  const DateOrder day_first = SlashedDateOrder("21/03/2012 at 8:33 pm ... 04/09/2012 at 11:59");
  BOOST_TEST((day_first == DateOrder::kDayFirst));
  BOOST_TEST(ParseDate("04/09/2012 at 11:59", day_first) == "2012-09-04T11:59:00");
  BOOST_TEST(ParseDate("05/11/2007, 1:53 pm", day_first) == "2007-11-05T13:53:00");
  BOOST_TEST(ParseDate("05/11/2007, 1:53 pm") == "2007-05-11T13:53:00");  // alone: American
  BOOST_TEST(ParseDate("Thu, 09/01/2011", DateOrder::kDayFirst) == "2011-09-01");  // Thursday
  BOOST_TEST((SlashedDateOrder("12/25/2009 and 03/04/2010") == DateOrder::kMonthFirst));
  BOOST_TEST((SlashedDateOrder("25/12/2009 and 12/25/2009") == DateOrder::kUnknown));
  BOOST_TEST((SlashedDateOrder("03/04/2010") == DateOrder::kUnknown));
}

BOOST_AUTO_TEST_CASE(a_pages_language_tells_the_order_where_its_dates_do_not) {
  BOOST_TEST((LanguageDateOrder("de-DE") == DateOrder::kDayFirst));
  BOOST_TEST((LanguageDateOrder("pt_BR") == DateOrder::kDayFirst));
  BOOST_TEST((LanguageDateOrder("FR") == DateOrder::kDayFirst));
  BOOST_TEST((LanguageDateOrder("en-GB") == DateOrder::kDayFirst));
  BOOST_TEST((LanguageDateOrder("en_AU") == DateOrder::kDayFirst));
  BOOST_TEST((LanguageDateOrder("en-US") == DateOrder::kMonthFirst));
  BOOST_TEST((LanguageDateOrder("en") == DateOrder::kUnknown));
  // Year first: no day-month order to settle.
  BOOST_TEST((LanguageDateOrder("ja") == DateOrder::kUnknown));
  BOOST_TEST((LanguageDateOrder("zh-CN") == DateOrder::kUnknown));
  BOOST_TEST((LanguageDateOrder("") == DateOrder::kUnknown));
  BOOST_TEST((LanguageDateOrder("x") == DateOrder::kUnknown));
}

BOOST_AUTO_TEST_CASE(comments_on_a_german_page_read_ambiguous_slashed_dates_day_first) {
  // "06/03/2011" and "07/03/2011" alone could be June or March; the page
  // says lang="de-DE".
  const ExtractedPage page = testing::ExtractFixture("dates", "german-slashed-comment-dates.html",
                                                     "https://blog.example/2011/03/platte/");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].published == "2011-03-06T13:53:00");
  BOOST_TEST(page.comments[1].published == "2011-03-07T09:22:00");
}

BOOST_AUTO_TEST_CASE(date_table_is_read_whole) {
  const std::vector<TableCase> cases = LoadDateTable();
  BOOST_TEST(cases.size() >= 70u);
  size_t no_date = 0;
  for (const TableCase& c : cases) no_date += c.iso.empty() ? 1 : 0;
  BOOST_TEST(no_date >= 20u);
}

BOOST_DATA_TEST_CASE(each_table_row_gets_its_date, boost::unit_test::data::make(LoadDateTable()),
                     c) {
  BOOST_TEST_CONTEXT(c) { BOOST_TEST(ParseDate(c.text) == c.iso); }
}

// Many near-dates before the real one: each is looked at once, and the date
// at the end is still found.
BOOST_AUTO_TEST_CASE(a_long_text_of_near_dates_still_finds_the_date) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "12 Decided 2009, Summer 12, 2009, 01.23.45.67 ";
  text += "am 6. Dezember 2009 um 22:10";
  BOOST_TEST(ParseDate(text) == "2009-12-06T22:10:00");
}

BOOST_AUTO_TEST_CASE(date_words_are_months_weekdays_and_clock_halves_but_not_short_names) {
  for (const char* word : {"March", "Dezember,", "janv.", "pm", "Monday", "marca"}) {
    BOOST_TEST(parsers::IsDateWord(word), word);
  }
  for (const char* word : {"Sam", "Do", "fabienne", "Maria", "said", ""}) {
    BOOST_TEST(!parsers::IsDateWord(word), word);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::parsers
