// `linkgraph import`: the sample blog from disk, imported once, twice, and
// again after a page was edited.
#include <boost/test/unit_test.hpp>
#include <map>
#include <set>
#include <sstream>

#include "tests/cli/cli_fixtures.h"

namespace linkgraph::cli_test {
namespace LINKGRAPH_FILE_SCOPE {

int CommentsOf(const nlohmann::json& export_json, const std::string& post_url) {
  int count = 0;
  for (const auto& comment : export_json["comments"]) count += comment["post_url"] == post_url;
  return count;
}

const nlohmann::json* FindComment(const nlohmann::json& export_json, const std::string& id) {
  for (const auto& comment : export_json["comments"]) {
    if (comment["comment_id"] == id) return &comment;
  }
  return nullptr;
}

// The seed page with comment 105's text edited and a new top-level comment
// 130 (a copy of 107's <li> without its replies, with new words).
std::string EditSeedPage(std::string html) {
  ReplaceOnce(&html, "I totally agree", "I wholeheartedly agree");
  const std::string start_tag =
      R"(<li class="comment even thread-odd thread-alt depth-1" id="li-comment-107">)";
  size_t start = html.find(start_tag);
  BOOST_REQUIRE(start != std::string::npos);
  size_t children = html.find(R"(<ul class="children">)", start);
  size_t list_end = html.find("</ol>", start);
  BOOST_REQUIRE(children != std::string::npos && list_end != std::string::npos);
  std::string copy = html.substr(start, children - start) + "</li>\n";
  for (size_t at; (at = copy.find("comment-107")) != std::string::npos;) {
    copy.replace(at, 11, "comment-130");
  }
  ReplaceOnce(&copy, "Great post Wendy!", "Coming back to this a week later: still true.");
  html.insert(list_end, copy);
  return html;
}

BOOST_FIXTURE_TEST_SUITE(cli_import, CliFixture)

BOOST_AUTO_TEST_CASE(importing_sample_stores_3_posts_13_comments_4_trackbacks) {
  RunResult imported = ImportSample();
  auto summary = SummaryNumbers(imported.out);
  BOOST_TEST(summary["new pages"] == 4);
  BOOST_TEST(summary["new posts"] == 3);
  BOOST_TEST(summary["new comments"] == 13);
  BOOST_TEST(summary["new trackbacks"] == 4);

  auto counts = Status();
  BOOST_TEST(counts["pages"] == 4);
  BOOST_TEST(counts["posts"] == 3);
  BOOST_TEST(counts["comments"] == 13);
  BOOST_TEST(counts["trackbacks"] == 4);

  nlohmann::json exported = ExportJson();
  BOOST_TEST(exported["posts"].size() == 3u);
  BOOST_TEST(exported["comments"].size() == 13u);
  BOOST_TEST(exported["trackbacks"].size() == 4u);
  BOOST_TEST(CommentsOf(exported, kSeedPostUrl) == 8);
  BOOST_TEST(CommentsOf(exported,
                        "http://wendytherecruiter.wordpress.com/2010/03/28/"
                        "a-weekend-of-underground-restaurants/") == 3);
  BOOST_TEST(CommentsOf(exported,
                        "http://wendytherecruiter.wordpress.com/2009/11/20/"
                        "why-i-started-blogging/") == 2);
  for (const auto& trackback : exported["trackbacks"]) {
    BOOST_TEST((trackback["post_url"] == kSeedPostUrl), trackback);
  }
}

BOOST_AUTO_TEST_CASE(explain_names_each_pages_platform_and_what_was_read) {
  const fs::path blogger = testing::TestDataDir() / "parsers" / "blogger" / "threaded_comments.html";
  const fs::path seed = SampleDir() / "2009" / "12" / "06" / "social-media-from-online-to-offline" /
                        "index.html";
  RunResult explained =
      RunOk({"import", "--explain", "--no-graph", "--db", db, blogger.string(), seed.string()});
  std::istringstream lines(explained.out);
  std::map<std::string, std::string> by_file;
  for (std::string line; std::getline(lines, line);) {
    for (const fs::path& file : {blogger, seed}) {
      if (line.starts_with(file.string() + ": ")) by_file[file.string()] = line;
    }
  }
  const std::string& blogger_line = by_file[blogger.string()];
  BOOST_TEST(blogger_line.find("platform blogger") != std::string::npos, blogger_line);
  BOOST_TEST(blogger_line.find("comments read as blogger") != std::string::npos, blogger_line);
  const std::string& seed_line = by_file[seed.string()];
  BOOST_TEST(seed_line.find("platform wordpresscom") != std::string::npos, seed_line);
  BOOST_TEST(seed_line.find("8 comments (4 replies), 4 trackbacks") != std::string::npos,
             seed_line);
  // Explaining changes nothing: the pages are stored as by a plain import.
  BOOST_TEST(Status()["comments"] >= 8);
}

BOOST_AUTO_TEST_CASE(reimporting_same_files_changes_nothing_and_reports_nothing_new) {
  ImportSample();
  const std::string first = Export();
  RunResult again = ImportSample();
  auto summary = SummaryNumbers(again.out);
  BOOST_TEST(summary["unchanged pages"] == 4);
  for (const char* name : {"new pages", "changed pages", "new posts", "new comments",
                           "updated comments", "new trackbacks", "new mentions"}) {
    BOOST_TEST(summary[name] == 0, name << " after the second import");
  }
  BOOST_TEST((Export() == first), "the export differs after a second import");
}

BOOST_AUTO_TEST_CASE(reextract_rewrites_unchanged_files_without_duplicating) {
  ImportSample();
  const std::string first = Export();
  RunResult again = RunOk({"import", "--reextract", "--db", db, SampleDir().string()});
  auto summary = SummaryNumbers(again.out);
  BOOST_TEST(summary["unchanged pages"] == 4);
  BOOST_TEST(summary["new comments"] == 0);
  BOOST_TEST((Export() == first), "the export differs after --reextract");
}

BOOST_AUTO_TEST_CASE(edited_page_updates_comment_text_and_adds_one_comment) {
  const fs::path page = dir.path() / "seed.html";
  const std::string original = testing::ReadFile(SampleDir() / kSeedPageFile);
  WriteFile(page, original);
  RunOk({"import", "--db", db, page.string()});
  nlohmann::json before = ExportJson();
  BOOST_REQUIRE(before["comments"].size() == 8u);

  const std::string edited = EditSeedPage(original);
  BOOST_REQUIRE(edited != original);
  WriteFile(page, edited);
  auto summary = SummaryNumbers(RunOk({"import", "--db", db, page.string()}).out);
  BOOST_TEST(summary["changed pages"] == 1);
  BOOST_TEST(summary["new comments"] == 1);
  BOOST_TEST(summary["updated comments"] == 1);
  BOOST_TEST(summary["new posts"] == 0);

  nlohmann::json after = ExportJson();
  BOOST_TEST(after["comments"].size() == before["comments"].size() + 1);
  BOOST_TEST(after["posts"].size() == 1u);
  BOOST_TEST((after["trackbacks"] == before["trackbacks"]));
  BOOST_TEST((after["mentions"] == before["mentions"]));
  std::set<std::string> ids;
  for (const auto& comment : after["comments"]) {
    BOOST_TEST(ids.insert(comment["id"].get<std::string>()).second, "duplicate " << comment["id"]);
  }
  const nlohmann::json* dave = FindComment(after, "comment-105");
  BOOST_REQUIRE(dave != nullptr);
  const std::string text = (*dave)["text"];
  BOOST_TEST(text.find("I wholeheartedly agree") != std::string::npos);
  BOOST_TEST(text.find("I totally agree") == std::string::npos);
  const nlohmann::json* added = FindComment(after, "comment-130");
  BOOST_REQUIRE(added != nullptr);
  BOOST_TEST((*added)["author"].get<std::string>() == "Akiki");
  BOOST_TEST((*added)["parent_id"].get<std::string>() == "");
  BOOST_TEST((*added)["text"].get<std::string>().find("a week later") != std::string::npos);
  BOOST_TEST(Status()["comments"] == 9);
}

BOOST_AUTO_TEST_CASE(import_with_one_bad_file_stores_the_good_ones_and_fails) {
  const fs::path notes = dir.path() / "notes.html";
  WriteFile(notes, "just some words, no markup at all\n");
  RunResult result = Run({"import", "--db", db, notes.string(), SampleDir().string()});
  // Documented: 1 when an input failed, even though the rest were stored.
  BOOST_TEST(result.exit_status == 1, result);
  BOOST_TEST(result.err.find(notes.string()) != std::string::npos, result);
  BOOST_TEST(Status()["posts"] == 3);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::cli_test
