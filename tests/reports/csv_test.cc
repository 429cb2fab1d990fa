// CSV as reports write it: RFC 4180 quoting, CRLF line ends, and a ' before
// cells a spreadsheet would run as a formula.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>

#include "reports/table.h"
#include "tests/reports/report_fixtures.h"

namespace linkgraph::reports_test {
namespace {

namespace data = boost::unit_test::data;

struct CellCase {
  const char* why;
  std::string cell;
  std::string written;
};

std::ostream& operator<<(std::ostream& out, const CellCase& c) { return out << c.why; }

const CellCase kCells[] = {
    {"plain text is written as is", "Peter Gold", "Peter Gold"},
    {"empty stays empty", "", ""},
    {"a comma is quoted", "Rose, Margo", "\"Rose, Margo\""},
    {"quotes are doubled inside quotes", "say \"hi\"", "\"say \"\"hi\"\"\""},
    {"a line feed is quoted", "line one\nline two", "\"line one\nline two\""},
    {"a CRLF is quoted", "line one\r\nline two", "\"line one\r\nline two\""},
    {"a quote alone", "\"", "\"\"\"\""},
    {"= starts a formula", "=SUM(A1:A9)", "'=SUM(A1:A9)"},
    {"+ starts a formula", "+44 20 7946 0000", "'+44 20 7946 0000"},
    {"- starts a formula", "-2+3", "'-2+3"},
    {"@ starts a formula", "@HRMargo", "'@HRMargo"},
    {"a tab first is prefixed", "\tindented", "'\tindented"},
    {"a CR first is prefixed and quoted", "\rx", "\"'\rx\""},
    {"prefix and quoting together", "=HYPERLINK(\"http://x.example\",\"y\")",
     "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"y\"\")\""},
    {"only the first character counts", "a=b", "a=b"},
    {"an e-mail address is not a formula", "wendy@example.com", "wendy@example.com"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(csv)

BOOST_DATA_TEST_CASE(cell_is_quoted_and_prefixed_as_rfc4180_and_owasp_ask, data::make(kCells), c) {
  BOOST_TEST(reports::CsvCell(c.cell) == c.written, c.why);
}

BOOST_AUTO_TEST_CASE(table_is_written_with_header_and_crlf_line_ends) {
  reports::Table table;
  table.header = {"handle", "by"};
  table.rows = {{"@LaraNewman", "Wendy"}, {"x", "Newman, \"Lara\"\nLondon"}};
  std::ostringstream out;
  reports::WriteCsv(table, out);
  BOOST_TEST(out.str() ==
             "handle,by\r\n'@LaraNewman,Wendy\r\nx,\"Newman, \"\"Lara\"\"\nLondon\"\r\n");
}

BOOST_AUTO_TEST_CASE(mentions_csv_quotes_and_prefixes_what_the_page_gave) {
  auto db = OpenMemoryStore();
  const std::string post = "https://wendy.example/2009/12/06/post/";
  Save(*db, {PageBuilder(post)
                 .SetAuthor("=HYPERLINK(\"http://evil.example\",\"Wendy, HR\")")
                 .AddMention("LaraNewman", MentionPlace::kPost,
                             "=HYPERLINK(\"http://evil.example\",\"Wendy, HR\")")});
  std::vector<std::string> lines = CsvLines(Written(&reports::WriteMentions, *db, Format::kCsv));
  BOOST_REQUIRE(lines.size() == 2u);
  BOOST_TEST(lines[0] == "handle,by,in,source_url");
  BOOST_TEST(lines[1] ==
             "'@LaraNewman,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Wendy, HR\"\")\",post," +
                 post);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace linkgraph::reports_test
