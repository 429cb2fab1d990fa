// The dev corpus of real pages (../shared/corpus/pages-dev, read in place)
// and the gathered pages (LINKGRAPH_GATHERED_CORPUS) scored against the
// expectations written by reading each page (tests/data/corpus-dev/,
// tests/data/corpus-gathered/). Its figures are floors: a change to a reader
// that loses comments, authors, threads or pingbacks anywhere on the real
// web fails here, split by split. linkgraph_dev_corpus_report prints the
// figures and each page's misses.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "parsers/parsers.h"
#include "tests/support/corpus_scoring.h"
#include "tests/support/test_paths.h"

namespace linkgraph {
namespace LINKGRAPH_FILE_SCOPE {

using nlohmann::json;
using testing::ScoreTally;

// The pages of a folder's pages-dev/ scored against the expectations in
// tests/data/<expectations>/, by split.
std::map<std::string, ScoreTally> ScoreBySplit(const std::filesystem::path& pages,
                                               const std::string& expectations) {
  std::map<std::string, ScoreTally> tallies;
  for (const auto& entry :
       std::filesystem::directory_iterator(testing::TestDataDir() / expectations)) {
    if (!entry.path().string().ends_with(".expected.json")) continue;
    const json expected = json::parse(testing::ReadFile(entry.path()));
    const std::string file = expected["file"];
    const std::string html = testing::ReadFile(pages / "pages-dev" / file);
    auto page = parsers::ExtractPage(html, "file:///corpus/" + file);
    BOOST_REQUIRE_MESSAGE(page.ok(), file << ": " << (page.ok() ? "" : page.error().message));
    tallies[testing::SplitOf(expected)].Add(testing::ScorePage(expected, html, *page));
  }
  return tallies;
}

// What a split must keep reaching; set a little under what was measured
// when a reader improved, so that only a real loss fails.
struct Floors {
  double found, exact, author, parent, linkback_f1, post_author;
};

void CheckFloors(const std::string& split, const ScoreTally& t, const Floors& floors) {
  BOOST_TEST_CONTEXT(split << " split, " << t.pages << " pages") {
    BOOST_TEST(t.comments_invented == 0, "pages without comments given some");
    BOOST_TEST(t.FoundRate() >= floors.found);
    BOOST_TEST(t.ExactCountRate() >= floors.exact);
    BOOST_TEST(t.CommentAuthorRate() >= floors.author);
    BOOST_TEST(t.ParentRate() >= floors.parent);
    BOOST_TEST(t.LinkbackF1() >= floors.linkback_f1);
    BOOST_TEST(t.PostAuthorRate() >= floors.post_author);
  }
}

BOOST_AUTO_TEST_SUITE(dev_corpus)

BOOST_AUTO_TEST_CASE(real_pages_keep_their_measured_figures) {
  if (!std::filesystem::is_directory(testing::CorpusDir() / "pages-dev")) {
    BOOST_TEST_MESSAGE("no pages-dev/ under " << testing::CorpusDir()
                                              << " (set LINKGRAPH_CORPUS); skipping");
    return;
  }
  const std::map<std::string, ScoreTally> tallies =
      ScoreBySplit(testing::CorpusDir(), "corpus-dev");
  BOOST_REQUIRE(tallies.contains("dev"));
  BOOST_REQUIRE(tallies.contains("check"));
  BOOST_TEST(tallies.at("dev").pages + tallies.at("check").pages == 154);
  CheckFloors("dev", tallies.at("dev"), {0.98, 0.98, 0.98, 0.99, 0.99, 0.97});
  CheckFloors("check", tallies.at("check"), {0.91, 0.88, 0.83, 0.84, 0.74, 0.82});
}

BOOST_AUTO_TEST_CASE(gathered_pages_keep_their_measured_figures) {
  const std::filesystem::path gathered = testing::GatheredCorpusDir();
  if (gathered.empty() || !std::filesystem::is_directory(gathered / "pages-dev")) {
    BOOST_TEST_MESSAGE(
        "LINKGRAPH_GATHERED_CORPUS names no folder with pages-dev/ (write one "
        "with scripts/gather-corpus-pages.sh); skipping");
    return;
  }
  const std::map<std::string, ScoreTally> tallies = ScoreBySplit(gathered, "corpus-gathered");
  BOOST_REQUIRE(tallies.contains("dev"));
  BOOST_REQUIRE(tallies.contains("check"));
  CheckFloors("dev", tallies.at("dev"), {0.97, 0.96, 0.97, 0.97, 0.96, 0.88});
  CheckFloors("check", tallies.at("check"), {0.99, 0.93, 0.73, 0.78, 0.85, 0.83});
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph
