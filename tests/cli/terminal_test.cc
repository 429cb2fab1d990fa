// What `linkgraph` draws only on a terminal, run on a pseudo-terminal: the
// crawl's live line (redrawn in place, with elapsed time and an ETA) and
// report tables fitted to the terminal's width, URLs kept whole.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <regex>
#include <sstream>

#include "common/utf8.h"
#include "tests/cli/cli_fixtures.h"
#include "tests/cli/run_in_terminal.h"
#include "tests/cli/slow_blog.h"

namespace linkgraph::cli_test {
namespace LINKGRAPH_FILE_SCOPE {

// The lines a terminal shows: split at "\n", each line's "\r" dropped.
std::vector<std::string> ScreenLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

BOOST_FIXTURE_TEST_SUITE(cli_terminal, CliFixture)

BOOST_AUTO_TEST_CASE(on_a_terminal_a_crawl_redraws_one_live_line_with_elapsed_time_and_an_eta) {
  SlowBlog site(12, std::chrono::milliseconds(150));
  RunResult crawled = testing::RunLinkgraphInTerminal(site.Args(db), dir.path(), 120);
  BOOST_TEST_REQUIRE(crawled.exit_status == 0, crawled);
  BOOST_TEST(Contains(crawled.out, "\r\033[K"), "the line is redrawn in place: " << crawled);
  BOOST_TEST(Contains(crawled.out, " elapsed"), crawled);
  BOOST_TEST(Contains(crawled.out, ", ETA "), "an ETA once the rate is known: " << crawled);
  BOOST_TEST(!Contains(crawled.out, "progress:"), "no periodic line on a terminal: " << crawled);
  BOOST_TEST(Contains(crawled.out, "linkgraph crawl ok: db="), crawled);
}

// Wide enough for every URL beside the narrowed text: each line fits.
BOOST_AUTO_TEST_CASE(on_a_terminal_a_report_table_fits_its_width_and_keeps_urls_whole) {
  CopyImportedSample();
  constexpr size_t kColumns = 300;
  const std::vector<std::string> args = {"report", "met", "--db", db};
  // Piped, the same table is wider than the terminal: the fit is the
  // terminal's doing.
  const std::string piped = RunOk(args).out;
  const std::vector<std::string> piped_lines = ScreenLines(piped);
  BOOST_TEST_REQUIRE(
      std::any_of(piped_lines.begin(), piped_lines.end(),
                  [&](const std::string& line) { return CountCodePoints(line) > kColumns; }));

  RunResult shown = testing::RunLinkgraphInTerminal(args, dir.path(), kColumns);
  BOOST_TEST_REQUIRE(shown.exit_status == 0, shown);
  const std::vector<std::string> lines = ScreenLines(shown.out);
  for (const std::string& line : lines) {
    BOOST_TEST(CountCodePoints(line) <= kColumns, "over " << kColumns << " columns: " << line);
  }
  BOOST_TEST(lines.size() > piped_lines.size(), "long cells wrap onto more lines: " << shown);
  const std::regex url(R"(https?://[^\s]+)");
  int urls = 0;
  for (auto it = std::sregex_iterator(piped.begin(), piped.end(), url);
       it != std::sregex_iterator(); ++it, ++urls) {
    BOOST_TEST(Contains(shown.out, it->str()), "URL cut: " << it->str());
  }
  BOOST_TEST(urls > 0, "the table shows URLs: " << piped);
}

// Too narrow for a URL among the names of `report people`: the row runs
// past the edge, the URL whole.
BOOST_AUTO_TEST_CASE(on_a_narrow_terminal_a_site_named_person_stays_whole) {
  CopyImportedSample();
  const std::vector<std::string> args = {"report", "people", "--db", db};
  RunResult shown = testing::RunLinkgraphInTerminal(args, dir.path(), 60);
  BOOST_TEST_REQUIRE(shown.exit_status == 0, shown);
  BOOST_TEST(Contains(shown.out, "http://www.ubervu.com/"), shown);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::cli_test
