// Movable Type and TypePad pages: the post (with its extended part) and the
// comments of MT 5, TypePad and classic MT templates.
#include <boost/test/unit_test.hpp>
#include <string>

#include "parsers/parsers.h"
#include "tests/parsers/fixture_page.h"
#include "tests/support/test_paths.h"

namespace linkgraph {
namespace LINKGRAPH_FILE_SCOPE {

const char kPostUrl[] = "http://blog.example/2013/04/post.html";

ExtractedPage Extract(const std::string& name) {
  return testing::ExtractFixture("movable_type", name, kPostUrl);
}

BOOST_AUTO_TEST_SUITE(movable_type)

BOOST_AUTO_TEST_CASE(mt5_post_body_includes_the_extended_part) {
  ExtractedPage page = Extract("mt5_comments.html");
  BOOST_TEST(page.platform == "movabletype");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "Walking the river path");
  BOOST_TEST(page.post.author == "Mira Holt");
  BOOST_TEST(page.post.published.starts_with("2013-04-02T08:15"));
  BOOST_TEST(page.post.text.find("took the hill road") != std::string::npos);
  BOOST_TEST(page.post.text.find("a new roof") != std::string::npos);
  BOOST_TEST(page.post.text.find("open to visitors") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(mt5_comments_keep_page_ids_dates_and_order) {
  ExtractedPage page = Extract("mt5_comments.html");
  BOOST_REQUIRE(page.comments.size() == 4u);  // the empty preview is not one
  const Comment& first = page.comments[0];
  BOOST_TEST(first.id == "comment-501");
  BOOST_TEST(first.permalink == std::string(kPostUrl) + "#comment-501");
  BOOST_TEST(first.author == "Quill Baker");
  BOOST_TEST(first.published.starts_with("2013-04-02T09:00:12"));
  BOOST_TEST(first.text == "Was the mill open to visitors?");
  BOOST_TEST(first.position == 1);
  BOOST_TEST(page.comments[3].position == 4);
}

BOOST_AUTO_TEST_CASE(redirector_link_gives_the_target_from_its_title) {
  ExtractedPage page = Extract("mt5_comments.html");
  BOOST_REQUIRE(page.comments.size() == 4u);
  BOOST_TEST(page.comments[0].author_url == "http://quill.example/");
  BOOST_TEST(page.comments[2].author_url == "http://otter.example/blog");
  BOOST_TEST(page.comments[1].author_url == "");
}

BOOST_AUTO_TEST_CASE(replied_to_link_and_nesting_name_the_parent) {
  ExtractedPage page = Extract("mt5_comments.html");
  BOOST_REQUIRE(page.comments.size() == 4u);
  BOOST_TEST(page.comments[0].parent_id == "");
  BOOST_TEST(page.comments[1].parent_id == "comment-501");  // "replied to" in a flat list
  BOOST_TEST(page.comments[2].parent_id == "");
  BOOST_TEST(page.comments[3].parent_id == "comment-503");  // nested in its parent
}

BOOST_AUTO_TEST_CASE(a_byline_in_the_column_before_the_text_names_and_dates_the_comment) {
  ExtractedPage page = Extract("byline_column.html");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Jeff Example");
  BOOST_TEST(page.comments[0].author_url == "https://jeff.example/");
  BOOST_TEST(page.comments[0].published == "2007-03-11T21:04:00");
  BOOST_TEST(page.comments[1].author == "james");
  BOOST_TEST(page.comments[1].published == "2007-03-12T01:54:00");
  BOOST_TEST(page.comments[1].text.find("How to engage") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(typepad_post_reads_date_header_and_footer_time) {
  ExtractedPage page = Extract("typepad_comments.html");
  BOOST_TEST(page.platform == "typepad");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "Seed swap");
  BOOST_TEST(page.post.author == "Ada Lind");
  BOOST_TEST(page.post.published.starts_with("2013-03-14T18:05"));
  BOOST_TEST(page.post.text.find("labelled envelopes") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(typepad_comment_footers_give_author_and_date) {
  ExtractedPage page = Extract("typepad_comments.html");
  // Not the sidebar's recent comments, the pager or the hidden preview.
  BOOST_REQUIRE(page.comments.size() == 2u);
  const Comment& linked = page.comments[0];
  BOOST_TEST(linked.id == "comment-6a00aa11bb22cc33dd0144ee55ff1001");
  BOOST_TEST(linked.author == "Bramble");
  BOOST_TEST(linked.author_url == "http://bramble.example/");  // not the profile page
  BOOST_TEST(linked.published.starts_with("2013-03-15T09:12"));
  BOOST_TEST(linked.text == "Can I bring bean seeds?");
  const Comment& plain = page.comments[1];
  BOOST_TEST(plain.author == "Wren at Home");
  BOOST_TEST(plain.author_url == "");
  BOOST_TEST(plain.published.starts_with("2013-03-16T19:40"));
  BOOST_TEST(plain.parent_id == "");
}

BOOST_AUTO_TEST_CASE(classic_comments_pair_bodies_with_the_posted_line_after_them) {
  ExtractedPage page = Extract("classic_comments.html");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "Socks in June");
  BOOST_TEST(page.post.author == "june");
  BOOST_TEST(page.post.published.starts_with("2011-06-03T19:45"));
  BOOST_TEST(page.post.text.find("three tries") != std::string::npos);
  BOOST_TEST(page.post.text.find("mine took five") == std::string::npos);
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].id == "c004401");
  BOOST_TEST(page.comments[0].author == "Pat at Home");  // " at " inside the name
  BOOST_TEST(page.comments[0].published.starts_with("2011-06-03T20:02"));
  BOOST_TEST(page.comments[0].text == "Three tries is nothing, mine took five.");
  BOOST_TEST(page.comments[1].author == "Moth");
  BOOST_TEST(page.comments[1].author_url == "http://moth.example/");
  BOOST_TEST(page.comments[1].permalink == std::string(kPostUrl) + "#c004402");
}

BOOST_AUTO_TEST_CASE(chinese_posted_by_lines_name_writers_and_a_section_head_is_no_comment) {
  // "由 NAME 發表於 DATE" (Traditional) and "由 NAME 发表于 DATE" (Simplified),
  // with a stray template tag; an empty "Pings" block in comment markup.
  ExtractedPage page = Extract("classic_chinese_comments.html");
  BOOST_TEST(page.post.author == "jserv");  // the post's own "由 jserv 發表於" line
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Yu");
  BOOST_TEST(page.comments[0].author_url == "http://yu.example/");
  BOOST_TEST(page.comments[0].published.starts_with("2007-10-20T21:03"));
  BOOST_TEST(page.comments[1].author == "xwl");
  BOOST_TEST(page.comments[1].published.starts_with("2007-10-20T21:38"));
}

BOOST_AUTO_TEST_CASE(disqus_comment_area_yields_no_comments) {
  ExtractedPage page = Extract("disqus_no_comments.html");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "On caching");
  BOOST_TEST(page.post.author == "Lee Park");
  BOOST_TEST(page.comments.empty());  // the hidden copy for Disqus holds none
  BOOST_TEST(page.trackbacks.empty());
}

BOOST_AUTO_TEST_CASE(classic_trackback_items_are_read_where_the_page_names_no_platform) {
  // A saved classic page with no generator, trackbacks and no comments; its
  // byline is Japanese ("投稿者 NAME : DATE") and its blog's h1 links home
  // the way a saved copy does ("../index.html").
  ExtractedPage page = Extract("classic_trackbacks_only.html");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "冬のえんどう豆");
  BOOST_TEST(page.post.author == "Yet");
  BOOST_TEST(page.comments.empty());
  BOOST_REQUIRE(page.trackbacks.size() == 2u);
  BOOST_TEST(page.trackbacks[0].source_url == "http://blog.example.jp/hatake/archives/57.html");
  BOOST_TEST(page.trackbacks[0].title == "えんどう豆の冬越し");
  BOOST_TEST(page.trackbacks[1].title == "Winter peas");
  BOOST_TEST(page.trackbacks[1].published.starts_with("2004-09-01T21:15"));
  BOOST_TEST(std::string(ToString(page.trackbacks[1].kind)) == "trackback");
}

BOOST_AUTO_TEST_CASE(a_date_in_brackets_after_the_bylines_name_comes_off) {
  // MT 4's Japanese byline: "NAME (2008年8月 2日 19:04)" in one card.
  ExtractedPage page = Extract("mt4_dated_byline.html");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.author == "sjo");
  BOOST_TEST(page.post.published.starts_with("2008-08-02T19:04"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph
