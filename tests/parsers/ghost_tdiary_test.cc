// Ghost and tDiary pages: the post alone; their comment areas in the HTML
// are empty (Ghost's are filled by script) and give no comments.
#include <boost/test/unit_test.hpp>
#include <string>

#include "parsers/parsers.h"
#include "tests/parsers/fixture_page.h"
#include "tests/support/test_paths.h"

namespace linkgraph {
namespace LINKGRAPH_FILE_SCOPE {

ExtractedPage Extract(const std::string& name, const std::string& url) {
  return testing::ExtractFixture("ghost_tdiary", name, url);
}

BOOST_AUTO_TEST_SUITE(ghost_tdiary)

BOOST_AUTO_TEST_CASE(ghost_post_reads_title_author_date_and_content) {
  ExtractedPage page = Extract("ghost_casper_post.html", "https://orchard.example/winter-pruning/");
  BOOST_TEST(page.platform == "ghost");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "Winter pruning for beginners");
  BOOST_TEST(page.post.author == "Pia Okafor");
  BOOST_TEST(page.post.published == "2022-01-09T08:30:00+00:00");
  BOOST_TEST(page.post.text ==
             "Cut the crossing branches first, then open the centre. Ask @treeguy if unsure.\n\n"
             "Never take more than a quarter in one winter.");
  BOOST_REQUIRE(page.mentions.size() == 1u);
  BOOST_TEST(page.mentions[0].handle == "treeguy");
}

BOOST_AUTO_TEST_CASE(ghost_comment_area_filled_by_script_gives_no_comments) {
  ExtractedPage page = Extract("ghost_casper_post.html", "https://orchard.example/winter-pruning/");
  BOOST_TEST(page.comments.empty());
  BOOST_TEST(page.trackbacks.empty());
}

BOOST_AUTO_TEST_CASE(ghost_home_page_is_no_post) {
  ExtractedPage page = Extract("ghost_home.html", "https://orchard.example/");
  BOOST_TEST(!page.has_post);
}

BOOST_AUTO_TEST_CASE(tdiary_day_in_euc_jp_gives_its_sections) {
  ExtractedPage page = Extract("tdiary_day.html", "http://hanako.example/diary/20200305.html");
  BOOST_TEST(page.platform == "tdiary");
  BOOST_REQUIRE(page.has_post);
  // No day title: the sections' subtitles, without the "■" anchors.
  BOOST_TEST(page.post.title == "梅の花 / 駅前の工事");
  BOOST_TEST(page.post.author == "山田花子");  // <meta name="author" value=...>
  BOOST_TEST(page.post.published == "2020-03-05");
  BOOST_TEST(page.post.text.find("市の告知による。") != std::string::npos);  // footnotes
  BOOST_TEST(page.post.text.find("リンク元") == std::string::npos);          // referrer log
  BOOST_REQUIRE(page.mentions.size() == 1u);
  BOOST_TEST(page.mentions[0].handle == "ume_fan");
}

BOOST_AUTO_TEST_CASE(tdiary_empty_comment_and_trackback_areas_give_nothing) {
  ExtractedPage page = Extract("tdiary_day.html", "http://hanako.example/diary/20200305.html");
  BOOST_TEST(page.comments.empty());
  BOOST_TEST(page.trackbacks.empty());
}

BOOST_AUTO_TEST_CASE(tdiary_page_of_several_days_is_no_post) {
  ExtractedPage page = Extract("tdiary_latest.html", "http://hanako.example/diary/");
  BOOST_TEST(!page.has_post);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph
