// Tables on a terminal: fitted to its width by wrapping free text, never by
// cutting or breaking a URL; off a terminal (width 0) every cell is whole.
#include <boost/test/unit_test.hpp>
#include <sstream>

#include "reports/table.h"

namespace linkgraph::reports_test {
namespace LINKGRAPH_FILE_SCOPE {

using reports::Table;

const std::string kUrl =
    "https://wendytherecruiter.wordpress.com/2009/12/06/social-media-from-online-to-offline/"
    "#comment-105";
const std::string kEvidence =
    "I have had dinner with Lara and Margo at a supper club in Hackney on Friday and we went "
    "ice skating after, which was lovely";

Table MeetingTable() {
  Table table;
  table.header = {"a", "kind", "evidence", "source_url"};
  table.rows.push_back({"Wendy", "met", kEvidence, kUrl});
  table.rows.push_back({"Dave Martin", "met", "PS We have met!", kUrl});
  return table;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string Written(const Table& table, size_t width) {
  std::ostringstream out;
  reports::WriteTableText(table, out, width);
  return out.str();
}

// The words of the cell, in order, whatever lines they were wrapped onto.
bool HasWordsInOrder(const std::string& text, const std::string& cell) {
  size_t at = 0;
  std::istringstream words(cell);
  for (std::string word; words >> word;) {
    at = text.find(word, at);
    if (at == std::string::npos) return false;
    at += word.size();
  }
  return true;
}

BOOST_AUTO_TEST_SUITE(table_width)

BOOST_AUTO_TEST_CASE(off_a_terminal_every_cell_is_whole_on_one_line) {
  const std::vector<std::string> lines = Lines(Written(MeetingTable(), 0));
  BOOST_REQUIRE(lines.size() == 4u);  // header, two rows, the count
  BOOST_TEST(lines[1].find(kEvidence) != std::string::npos);
  BOOST_TEST(lines[1].find(kUrl) != std::string::npos);
  BOOST_TEST(lines[1].find("\u2026") == std::string::npos, "nothing is shortened");
}

BOOST_AUTO_TEST_CASE(on_a_terminal_the_evidence_wraps_and_the_url_stays_whole) {
  const size_t width = 160;
  const std::string text = Written(MeetingTable(), width);
  const std::vector<std::string> lines = Lines(text);
  BOOST_TEST(lines.size() > 4u, "the long evidence took more lines:\n" << text);
  size_t urls = 0;
  for (const std::string& line : lines) {
    BOOST_TEST(line.size() <= width, "a line wider than " << width << ": " << line);
    if (line.find(kUrl) != std::string::npos) ++urls;
  }
  BOOST_TEST(urls == 2u, "both URLs whole, each on one line:\n" << text);
  BOOST_TEST(HasWordsInOrder(text, kEvidence), "no word of the evidence is lost:\n" << text);
  BOOST_TEST(text.find("\u2026") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_terminal_narrower_than_a_url_wraps_the_row_not_the_url) {
  const std::string text = Written(MeetingTable(), 60);
  size_t urls = 0;
  for (const std::string& line : Lines(text)) urls += line.find(kUrl) != std::string::npos;
  BOOST_TEST(urls == 2u, "the URLs are never broken, even when wider than the terminal:\n" << text);
  BOOST_TEST(HasWordsInOrder(text, kEvidence));
}

BOOST_AUTO_TEST_CASE(a_url_in_a_column_of_names_is_never_broken) {
  // A person known only by a site's address shares the column with names.
  const std::string site = "http://www.ubervu.com/conversations/social-media/";
  Table table;
  table.header = {"person", "evidence"};
  table.rows.push_back({site, kEvidence});
  table.rows.push_back({"Wendy", kEvidence});
  const std::string text = Written(table, 60);
  BOOST_TEST(text.find(site) != std::string::npos, text);
  BOOST_TEST(HasWordsInOrder(text, kEvidence));
}

BOOST_AUTO_TEST_CASE(a_table_that_fits_is_written_as_off_a_terminal) {
  Table table;
  table.header = {"id", "person"};
  table.rows.push_back({"#12", "Wendy"});
  BOOST_TEST(Written(table, 80) == Written(table, 0));
}

BOOST_AUTO_TEST_CASE(control_characters_stay_escaped_when_wrapped) {
  Table table;
  table.header = {"evidence", "source_url"};
  table.rows.push_back({"a \x1b[31mred\x1b[0m word and many more words to wrap here", kUrl});
  const std::string text = Written(table, 40);
  BOOST_TEST(text.find('\x1b') == std::string::npos, text);
  BOOST_TEST(text.find("\\x1b") != std::string::npos, text);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::reports_test
