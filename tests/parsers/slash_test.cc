// Slash (Slashdot) story pages: the story and its threaded comment tree,
// hidden and collapsed comments included.
#include <boost/test/unit_test.hpp>
#include <string>

#include "parsers/parsers.h"
#include "tests/parsers/fixture_page.h"
#include "tests/support/test_paths.h"

namespace linkgraph {
namespace LINKGRAPH_FILE_SCOPE {

const char kStoryUrl[] =
    "http://tech.slashdot.org/story/12/07/24/1203040/"
    "village-votes-to-keep-its-dial-up-modem-forever";

ExtractedPage ExtractSlash(const std::string& name, const std::string& url) {
  return testing::ExtractFixture("slash", name, url);
}

BOOST_AUTO_TEST_SUITE(slash)

BOOST_AUTO_TEST_CASE(story_gives_title_without_count_byline_and_summary) {
  ExtractedPage page = ExtractSlash("story_with_comments.html", kStoryUrl);
  BOOST_TEST(page.platform == "slash");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "Village Votes To Keep Its Dial-Up Modem Forever");
  BOOST_TEST(page.post.author == "quillpen");
  // The year is not printed; the story URL has it.
  BOOST_TEST(page.post.published == "2012-07-24T08:02:00");
  BOOST_TEST(page.post.text.find("The council decided") != std::string::npos);
  BOOST_REQUIRE(page.post.links.size() == 1u);
  BOOST_TEST(page.post.links[0].url == "http://news.example/modem");
}

BOOST_AUTO_TEST_CASE(every_tree_item_is_a_comment_with_its_parent_from_the_nesting) {
  ExtractedPage page = ExtractSlash("story_with_comments.html", kStoryUrl);
  BOOST_REQUIRE(page.comments.size() == 5u);
  BOOST_TEST(page.comments[0].id == "comment_500001");
  BOOST_TEST(page.comments[0].parent_id == "");
  BOOST_TEST(page.comments[1].id == "comment_500002");
  BOOST_TEST(page.comments[1].parent_id == "comment_500001");
  BOOST_TEST(page.comments[2].parent_id == "comment_500002");
  BOOST_TEST(page.comments[3].id == "comment_500004");
  BOOST_TEST(page.comments[3].parent_id == "");
  BOOST_TEST(page.comments[4].position == 5);
}

BOOST_AUTO_TEST_CASE(full_comment_gives_author_without_uid_date_and_body) {
  ExtractedPage page = ExtractSlash("story_with_comments.html", kStoryUrl);
  BOOST_REQUIRE(page.comments.size() == 5u);
  const Comment& first = page.comments[0];
  BOOST_TEST(first.permalink == std::string(kStoryUrl) + "#comment_500001");
  BOOST_TEST(first.author == "Pebble Drummer");
  BOOST_TEST(first.author_url == "http://slashdot.org/~Pebble+Drummer");
  BOOST_TEST(first.published == "2012-07-24T09:15:00");
  BOOST_TEST(first.text == "I still hum the handshake tune.");
  BOOST_TEST(page.comments[3].author == "Gravel");
  BOOST_TEST(page.comments[3].published == "2012-07-24T13:40:00");
}

BOOST_AUTO_TEST_CASE(hidden_and_oneline_comments_keep_what_they_show) {
  ExtractedPage page = ExtractSlash("story_with_comments.html", kStoryUrl);
  BOOST_REQUIRE(page.comments.size() == 5u);
  const Comment& hidden = page.comments[1];
  BOOST_TEST(hidden.author == "");
  BOOST_TEST(hidden.published == "");
  BOOST_TEST(hidden.text == "");
  const Comment& oneline = page.comments[2];
  BOOST_TEST(oneline.author == "Anonymous Coward");
  BOOST_TEST(oneline.author_url == "");
  BOOST_TEST(oneline.published == "");
  BOOST_TEST(oneline.text == "Screech indeed.");
}

BOOST_AUTO_TEST_CASE(story_with_an_empty_comment_listing_has_no_comments) {
  ExtractedPage page = ExtractSlash("story_without_comments.html",
                                    "http://tech.slashdot.org/story/12/07/25/0101010/quiet-story");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "Quiet Story");
  BOOST_TEST(page.post.published == "2012-07-25T01:01:00");
  BOOST_TEST(page.comments.empty());
}

BOOST_AUTO_TEST_CASE(front_page_of_stories_is_no_post) {
  ExtractedPage page = ExtractSlash("front_page.html", "http://tech.slashdot.org/");
  BOOST_TEST(!page.has_post);
  BOOST_TEST(page.comments.empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph
