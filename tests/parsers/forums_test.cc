// Forum threads: the first message on a thread's first page is the post,
// the others its comments; a later page holds comments only.
#include <boost/test/unit_test.hpp>
#include <string>

#include "parsers/parsers.h"
#include "tests/parsers/fixture_page.h"

namespace linkgraph {
namespace {

ExtractedPage Extract(const std::string& name, const std::string& url) {
  return testing::ExtractFixture("forums", name, url);
}

BOOST_AUTO_TEST_SUITE(forums)

BOOST_AUTO_TEST_CASE(a_phpbb_thread_opens_with_its_post) {
  ExtractedPage page =
      Extract("phpbb_subsilver_page1.html", "http://forum.example/viewtopic.php?t=5");
  BOOST_TEST(page.platform == "phpbb");
  BOOST_TEST(page.has_post);
  BOOST_TEST(page.post.title == "We met at the gig");
  BOOST_TEST(page.post.author == "wendy");
  BOOST_TEST(page.post.published == "2003-05-06T01:23:00");
  BOOST_REQUIRE(page.comments.size() == 1u);
  BOOST_TEST(page.comments[0].author == "lara");
  BOOST_TEST(page.comments[0].id == "p102");
  BOOST_TEST(page.comments[0].published == "2003-05-06T02:05:00");
  BOOST_TEST(page.comments[0].text == "Great to meet you in person!");
  BOOST_TEST(page.comments[0].parent_id.empty());
}

BOOST_AUTO_TEST_CASE(a_later_page_of_a_thread_holds_comments_only) {
  ExtractedPage page =
      Extract("phpbb_subsilver_page2.html", "http://forum.example/viewtopic.php?t=5&start=15");
  BOOST_TEST(page.post.title == "We met at the gig");
  BOOST_TEST(page.comments.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_mybb_thread_reads_names_and_dates_without_the_edit_note) {
  ExtractedPage page = Extract("mybb_postbit.html", "http://forum.example/showthread.php?tid=53");
  BOOST_TEST(page.platform == "mybb");
  BOOST_TEST(page.post.title == "Trombinoscope");
  BOOST_TEST(page.post.author == "ql28");
  BOOST_TEST(page.post.published == "2012-10-14T01:19:00");  // not the edit's 23-10
  BOOST_REQUIRE(page.comments.size() == 1u);
  BOOST_TEST(page.comments[0].author == "Dobe Ophi");
  BOOST_TEST(page.comments[0].author_url == "http://forum.example/member.php?action=profile&uid=9");
  BOOST_TEST(page.comments[0].id == "post_380");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace linkgraph
