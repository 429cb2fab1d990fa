// CSV as reports write it: RFC 4180 quoting, CRLF line ends, and every cell
// exactly as stored, so programs read the values the JSON export holds.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>

#include "reports/table.h"
#include "tests/reports/report_fixtures.h"

namespace linkgraph::reports_test {
namespace LINKGRAPH_FILE_SCOPE {

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
    {"= is kept as is", "=SUM(A1:A9)", "=SUM(A1:A9)"},
    {"+ is kept as is", "+44 20 7946 0000", "+44 20 7946 0000"},
    {"- is kept as is", "-2+3", "-2+3"},
    {"@ is kept as is, so a handle reads as the handle", "@HRMargo", "@HRMargo"},
    {"a tab first is kept", "\tindented", "\tindented"},
    {"a CR first is quoted, not prefixed", "\rx", "\"\rx\""},
    {"a formula with quotes is only quoted", "=HYPERLINK(\"http://x.example\",\"y\")",
     "\"=HYPERLINK(\"\"http://x.example\"\",\"\"y\"\")\""},
    {"an apostrophe first is the text's own", "'quoted", "'quoted"},
    {"non-ASCII is written as UTF-8 bytes", "Zo\xC3\xAB, \xE6\x9D\xB1\xE4\xBA\xAC",
     "\"Zo\xC3\xAB, \xE6\x9D\xB1\xE4\xBA\xAC\""},
};

BOOST_AUTO_TEST_SUITE(csv)

BOOST_DATA_TEST_CASE(cell_is_quoted_as_rfc4180_and_otherwise_exact, data::make(kCells), c) {
  BOOST_TEST(reports::CsvCell(c.cell) == c.written, c.why);
}

BOOST_AUTO_TEST_CASE(table_is_written_with_header_and_crlf_line_ends) {
  reports::Table table;
  table.header = {"handle", "by"};
  table.rows = {{"@LaraNewman", "Wendy"}, {"x", "Newman, \"Lara\"\nLondon"}};
  std::ostringstream out;
  reports::WriteCsv(table, out);
  BOOST_TEST(out.str() ==
             "handle,by\r\n@LaraNewman,Wendy\r\nx,\"Newman, \"\"Lara\"\"\nLondon\"\r\n");
}

BOOST_AUTO_TEST_CASE(mentions_csv_quotes_what_the_page_gave_and_keeps_it_exact) {
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
             "@LaraNewman,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"Wendy, HR\"\")\",post," +
                 post);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::reports_test
