// Blogger pages: the post, threaded comments (li.comment in
// div.comment-thread), the old dl#comments-block, the classic templates'
// anchored items, backlinks, and pages with
// no comments at all. Fixtures are invented pages in Blogger's markup.
#include <boost/test/unit_test.hpp>
#include <string>

#include "parsers/parsers.h"
#include "tests/parsers/fixture_page.h"
#include "tests/support/test_paths.h"

namespace linkgraph {
namespace LINKGRAPH_FILE_SCOPE {

ExtractedPage ExtractBlogger(const std::string& name, const std::string& url) {
  return testing::ExtractFixture("blogger", name, url);
}

ExtractedPage Threaded() {
  return ExtractBlogger("threaded_comments.html", "https://kettlenotes.example.org/x.html");
}

ExtractedPage OldBlock() {
  return ExtractBlogger("old_comments_block.html", "http://lanternyard.blogspot.com/x.html");
}

BOOST_AUTO_TEST_SUITE(blogger)

BOOST_AUTO_TEST_CASE(post_title_author_and_date_come_from_blogger_markup) {
  ExtractedPage page = Threaded();
  BOOST_TEST(page.platform == "blogger");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "Winter Porridge Trials");
  BOOST_TEST(page.post.author == "Orla Benning");
  BOOST_TEST(page.post.published == "2014-01-11T08:30:00-05:00");
  BOOST_TEST(page.post.text ==
             "Three bowls of oats, cooked three ways, tasted by the whole kitchen.");
}

BOOST_AUTO_TEST_CASE(threaded_comments_keep_page_order_ids_and_permalinks) {
  ExtractedPage page = Threaded();
  BOOST_REQUIRE(page.comments.size() == 5u);
  const std::string post = "https://kettlenotes.example.org/2014/01/winter-porridge-trials.html";
  const char* ids[] = {"c5001", "c5002", "c5003", "c5004", "c5005"};
  for (size_t i = 0; i < 5; ++i) {
    BOOST_TEST(page.comments[i].id == ids[i]);
    BOOST_TEST(page.comments[i].permalink == post + "#" + ids[i]);
    BOOST_TEST(page.comments[i].position == static_cast<int>(i) + 1);
  }
}

BOOST_AUTO_TEST_CASE(reply_is_child_of_enclosing_comment) {
  ExtractedPage page = Threaded();
  BOOST_REQUIRE(page.comments.size() == 5u);
  BOOST_TEST(page.comments[0].parent_id == "");
  BOOST_TEST(page.comments[1].parent_id == "c5001");
  BOOST_TEST(page.comments[4].parent_id == "");
}

BOOST_AUTO_TEST_CASE(a_deleted_comment_keeps_its_writer_and_date_and_its_reply_answers_it) {
  // The page counts it ("5 comments:") and still names who wrote it and
  // when; the placeholder "removed by the author" is no one's words.
  ExtractedPage page = Threaded();
  BOOST_REQUIRE(page.comments.size() == 5u);
  BOOST_TEST(page.comments[2].id == "c5003");
  BOOST_TEST(page.comments[2].author == "Anonymous");
  BOOST_TEST(page.comments[2].published == "2014-01-11T12:00:00-05:00");
  BOOST_TEST(page.comments[2].text.empty());
  BOOST_TEST(page.comments[3].author == "Mags Quill");
  BOOST_TEST(page.comments[3].parent_id == "c5003");
}

BOOST_AUTO_TEST_CASE(threaded_author_date_and_text) {
  ExtractedPage page = Threaded();
  BOOST_REQUIRE(page.comments.size() == 5u);
  const Comment& first = page.comments[0];
  BOOST_TEST(first.author == "Piet Vander");  // not the avatar's link, not span.icon.user
  BOOST_TEST(first.author_url == "https://www.blogger.com/profile/201");
  BOOST_TEST(first.published == "2014-01-11T10:00:00");
  BOOST_TEST(first.text == "Steel-cut every time.\nSoak them overnight.");
  BOOST_TEST(page.comments[3].author_url == "http://quill.example.net/");
}

BOOST_AUTO_TEST_CASE(comment_id_is_read_from_the_comment_block_when_the_item_has_none) {
  ExtractedPage page = Threaded();
  BOOST_REQUIRE(page.comments.size() == 5u);
  BOOST_TEST(page.comments[4].id == "c5005");
  BOOST_TEST(page.comments[4].author == "Tamsin Reel");
}

BOOST_AUTO_TEST_CASE(unreadable_date_text_takes_the_permalinks_instant_in_the_shown_clocks_zone) {
  // "?showComment=1389463200000" (milliseconds since the epoch, 18:00 UTC)
  // under "11 Zorblat 2014 um 13:00": the blog's clock says UTC-5. Where
  // no clock is shown the instant stays in UTC (old_comments_block.html).
  ExtractedPage page = Threaded();
  BOOST_REQUIRE(page.comments.size() == 5u);
  BOOST_TEST(page.comments[3].published == "2014-01-11T13:00:00-05:00");
}

BOOST_AUTO_TEST_CASE(a_saved_copys_permalink_still_carries_the_comments_instant) {
  // "4/14/09" (a two-digit year with a one-digit month) is no date
  // ParseDate reads; the file name "lazy-loading.html%3FshowComment=..."
  // of a saved copy keeps the query: 02:00 UTC, shown as 7:00 PM.
  ExtractedPage page =
      ExtractBlogger("saved_copy_permalinks.html", "http://lanternyard.blogspot.com/x.html");
  BOOST_REQUIRE(page.comments.size() == 1u);
  BOOST_TEST(page.comments[0].published == "2009-04-14T19:00:00-07:00");
}

BOOST_AUTO_TEST_CASE(a_template_marking_comments_by_microdata_gives_names_dates_and_replies) {
  ExtractedPage page =
      ExtractBlogger("microdata_comment_thread.html", "https://apps.example/2019/12/crud.html");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Rahmat");
  BOOST_TEST(page.comments[0].published == "2021-09-28T18:46:00");
  BOOST_TEST(page.comments[1].author == "Jajang");
  BOOST_TEST(page.comments[1].published == "2021-12-29T03:21:00");
  BOOST_TEST(page.comments[1].parent_id == page.comments[0].id);
}

BOOST_AUTO_TEST_CASE(markup_inside_scripts_is_not_read_as_comments) {
  ExtractedPage page = Threaded();
  for (const Comment& comment : page.comments) BOOST_TEST(comment.id != "c999");
}

BOOST_AUTO_TEST_CASE(post_date_joins_the_day_heading_and_the_permalink_time) {
  ExtractedPage page = OldBlock();
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "Mending the shed roof");
  BOOST_TEST(page.post.author == "Ansel Hobb");  // not "Eingestellt von Ansel Hobb"
  BOOST_TEST(page.post.published == "2009-04-14T19:45:00");
}

BOOST_AUTO_TEST_CASE(a_classic_template_names_each_commenter_after_by_and_before_the_time) {
  ExtractedPage page = ExtractBlogger("classic_template.html", "http://lanternyard.example/x.html");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].id == "c114452874506308693");
  BOOST_TEST(page.comments[0].author == "Mike Hales");
  BOOST_TEST(page.comments[0].published.empty());  // a time of day, no date
  BOOST_TEST(page.comments[0].text == "Lovely to meet you both at the fence.");
  BOOST_TEST(page.comments[1].author == "Wren Halloway");
  BOOST_TEST(page.comments[1].author_url == "http://www.blogger.com/profile/10858");
}

BOOST_AUTO_TEST_CASE(old_comments_block_yields_flat_comments_a_deleted_one_without_text) {
  ExtractedPage page = OldBlock();
  BOOST_REQUIRE(page.comments.size() == 3u);
  BOOST_TEST(page.comments[1].id == "c7002");
  BOOST_TEST(page.comments[1].author == "Anonymous");
  BOOST_TEST(page.comments[1].published == "2009-04-15T03:00:00");
  BOOST_TEST(page.comments[1].text.empty());
  const Comment& first = page.comments[0];
  BOOST_TEST(first.id == "c7001");
  BOOST_TEST(first.permalink ==
             "http://lanternyard.blogspot.com/2009/04/mending-shed-roof.html#c7001");
  BOOST_TEST(first.author == "Wren Halloway");
  BOOST_TEST(first.author_url == "http://www.blogger.com/profile/701");
  BOOST_TEST(first.published == "2009-04-15T02:00:00");
  BOOST_TEST(first.text == "Did the felt go on before the rain?\nOurs leaked for a week.");
  BOOST_TEST(first.parent_id == "");
  const Comment& second = page.comments[2];
  BOOST_TEST(second.id == "c7003");
  BOOST_TEST(second.position == 3);
  BOOST_TEST(second.author == "Anonym");  // without "hat gesagt…"
  BOOST_TEST(second.author_url == "");
  BOOST_TEST(second.published == "2009-04-16T01:00:00+00:00");
  BOOST_TEST(second.text == "Tar paper lasts longer than you think.");
  BOOST_TEST(second.parent_id == "");
}

BOOST_AUTO_TEST_CASE(backlinks_are_trackbacks_not_comments) {
  ExtractedPage page = OldBlock();
  BOOST_REQUIRE(page.trackbacks.size() == 1u);
  const Trackback& backlink = page.trackbacks[0];
  BOOST_TEST(backlink.source_url == "http://gutterworks.example.com/2009/04/roofs.html");
  BOOST_TEST(backlink.title == "Roofs we liked this spring");
  BOOST_TEST(backlink.published == "2009-04-20");
  BOOST_TEST((backlink.kind == LinkbackKind::kTrackback));
}

BOOST_AUTO_TEST_CASE(empty_comment_area_yields_no_comments) {
  ExtractedPage page = ExtractBlogger(
      "no_comments.html", "https://quiethours.blogspot.com/2016/02/nothing-to-add.html");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "Nothing to add");
  BOOST_TEST(page.post.text == "A short note that nobody answered.");
  BOOST_TEST(page.comments.empty());
  BOOST_TEST(page.trackbacks.empty());
}

BOOST_AUTO_TEST_CASE(front_page_with_several_posts_is_no_post) {
  ExtractedPage page = ExtractBlogger("front_page.html", "https://quiethours.blogspot.com/");
  BOOST_TEST(!page.has_post);
  BOOST_TEST(page.comments.empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph
