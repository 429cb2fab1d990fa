// Webmention likes and reposts end to end: an imported microformats page's
// facepile is exported with each response's kind, and `report replies`
// counts only its text comment (a like asks for no answer).
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "tests/cli/cli_fixtures.h"

namespace linkgraph::cli_test {
namespace LINKGRAPH_FILE_SCOPE {

constexpr char kFacepilePostUrl[] = "https://plot14.example/2024/01/milk-jugs/";

// Two likes, a repost and one reply (by Onno Weiss) on Noor Akande's post.
std::string FacepilePage() {
  return (testing::TestDataDir() / "parsers" / "microformats" / "facepile.html").string();
}

BOOST_FIXTURE_TEST_SUITE(cli_comment_kinds, CliFixture)

BOOST_AUTO_TEST_CASE(imported_likes_are_exported_with_their_kind) {
  RunOk({"import", "--db", db, FacepilePage()});
  nlohmann::json exported = ExportJson();
  std::vector<std::string> kinds, authors;
  for (const auto& comment : exported["comments"]) {
    BOOST_TEST(comment["post_url"].get<std::string>() == kFacepilePostUrl);
    kinds.push_back(comment["kind"].get<std::string>());
    authors.push_back(comment["author"].get<std::string>());
    if (comment["kind"] != "comment") BOOST_TEST(comment["text"].get<std::string>() == "");
  }
  const std::vector<std::string> expected_kinds = {"like", "like", "repost", "comment"};
  BOOST_TEST(kinds == expected_kinds, boost::test_tools::per_element());
  const std::vector<std::string> expected_authors = {"Petra Hedge", "Onno Weiss", "Tamsin Roe",
                                                     "Onno Weiss"};
  BOOST_TEST(authors == expected_authors, boost::test_tools::per_element());
  // Only text comments are comments people wrote: the graph gives the
  // reply's author a "commented" edge and the likers none.
  long long commented = 0;
  for (const auto& edge : exported["edges"]) {
    if (edge["kind"] != "commented") continue;
    ++commented;
    BOOST_TEST(edge["from_name"].get<std::string>() == "Onno Weiss");
    BOOST_TEST(edge["source_url"].get<std::string>() == std::string(kFacepilePostUrl) + "#reply-3");
  }
  BOOST_TEST(commented == 1);
  BOOST_TEST(Status().at("comments") == 1);
}

BOOST_AUTO_TEST_CASE(likes_are_no_answers_or_unanswered_comments_in_report_replies) {
  RunOk({"import", "--db", db, FacepilePage()});
  nlohmann::json report =
      ParseJson(RunOk({"report", "replies", "--db", db, "--format", "json"}).out);
  BOOST_REQUIRE_EQUAL(report["authors"].size(), 1u);
  BOOST_TEST(report["authors"][0]["blog_author"].get<std::string>() == "Noor Akande");
  BOOST_TEST(report["authors"][0]["top_level_comments"].get<long long>() == 1);
  BOOST_TEST(report["authors"][0]["unanswered"].get<long long>() == 1);
  BOOST_REQUIRE_EQUAL(report["unanswered"].size(), 1u);
  BOOST_TEST(report["unanswered"][0]["comment_url"].get<std::string>() ==
             std::string(kFacepilePostUrl) + "#reply-3");
  BOOST_TEST(report["replies"].empty());
  BOOST_TEST(report["pairs"].empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::cli_test
