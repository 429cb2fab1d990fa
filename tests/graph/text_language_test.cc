// Which texts the meeting rules read: the language of a text from its
// most common words (tests/data/graph/text_language_cases.tsv), and that a
// build counts the texts it did not read instead of reading them.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "graph/graph.h"
#include "tests/support/table_file.h"
#include "tests/support/test_paths.h"

namespace linkgraph::graph {
namespace LINKGRAPH_FILE_SCOPE {

namespace data = boost::unit_test::data;

struct LanguageCase {
  size_t line = 0;
  std::string text;
  std::string language;
};

std::ostream& operator<<(std::ostream& out, const LanguageCase& c) {
  return out << "text_language_cases.tsv:" << c.line << " " << c.text;
}

std::vector<LanguageCase> LanguageCases() {
  std::vector<LanguageCase> cases;
  for (const testing::TableRow& row :
       testing::ReadTableRows(testing::TestDataDir() / "graph" / "text_language_cases.tsv")) {
    cases.push_back({row.line, row.columns.at(0), row.columns.size() > 1 ? row.columns[1] : ""});
  }
  return cases;
}

BOOST_AUTO_TEST_SUITE(text_language)

BOOST_DATA_TEST_CASE(each_text_has_its_language, data::make(LanguageCases()), c) {
  BOOST_TEST(std::string(TextLanguage(c.text)) == c.language);
}

BOOST_AUTO_TEST_CASE(only_english_and_texts_too_short_to_tell_are_read) {
  BOOST_TEST(MeetingRulesRead("en"));
  BOOST_TEST(MeetingRulesRead(""));
  BOOST_TEST(!MeetingRulesRead("de"));
}

BOOST_AUTO_TEST_CASE(a_build_counts_the_texts_it_could_not_read_and_reads_no_meeting_in_them) {
  GraphInputs inputs;
  store::StoredPost german;
  german.post.url = "https://blog.example.de/2014/05/abend/";
  german.post.author = "Anna Berger";
  german.post.text =
      "Gestern habe ich mich endlich mit Jonas Keller getroffen, und wir waren zusammen essen. "
      "Es ist schon lange her, dass wir uns gesehen haben. I met Jonas Keller.";
  store::StoredPost english;
  english.post.url = "https://blog.example/2014/05/evening/";
  english.post.author = "Wendy Smith";
  english.post.text = "I met Jonas Keller at the station and we had dinner with the team.";
  inputs.posts = {german, english};
  const store::GraphSnapshot graph = BuildGraph(inputs);
  BOOST_TEST(graph.unread_languages.size() == 1u);
  BOOST_TEST(graph.unread_languages.at("de") == 1);
  long long met = 0;
  for (const store::StoredEdge& edge : graph.edges) met += edge.kind == "met" ? 1 : 0;
  BOOST_TEST(met == 1);  // Wendy's, not Anna's
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::graph
