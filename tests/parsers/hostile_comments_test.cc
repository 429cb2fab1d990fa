// Pages with more comments or @mentions than any real page: what is kept
// from one page is bounded, and the page says what was dropped. The pages
// are built here, never stored.
#include <boost/test/unit_test.hpp>
#include <string>

#include "parsers/parsers.h"

namespace linkgraph::parsers {
namespace LINKGRAPH_FILE_SCOPE {

constexpr char kUrl[] = "http://blog.example/2009/12/06/post/";

std::string WordPressPage(int comments, const std::string& comment_text) {
  std::string html =
      "<html><head><meta name=\"generator\" content=\"WordPress 6.1\"></head><body>"
      "<article class=\"post hentry\"><h1 class=\"entry-title\">A post</h1>"
      "<div class=\"entry-content\"><p>Hello.</p></div></article><ol class=\"commentlist\">";
  for (int i = 1; i <= comments; ++i) {
    std::string id = std::to_string(i);
    html += "<li id=\"comment-" + id + "\" class=\"comment\"><cite class=\"fn\">u" + id +
            "</cite><p>" + comment_text + "</p></li>";
  }
  return html + "</ol></body></html>";
}

BOOST_AUTO_TEST_SUITE(hostile_comments)

BOOST_AUTO_TEST_CASE(first_ten_thousand_comments_of_a_page_are_kept) {
  auto page = ExtractPage(WordPressPage(12000, "Nice post"), kUrl);
  BOOST_REQUIRE(page.ok());
  BOOST_REQUIRE(page->comments.size() == 10000u);
  BOOST_TEST(page->comments.front().id == "comment-1");
  BOOST_TEST(page->comments.back().id == "comment-10000");
  BOOST_TEST(page->comments_source.ends_with("(first 10000 of 12000 comments kept)"),
             page->comments_source);
}

BOOST_AUTO_TEST_CASE(comment_limit_is_an_option) {
  ExtractOptions options;
  options.max_comments = 3;
  auto page = ExtractPage(WordPressPage(5, "Nice post"), kUrl, options);
  BOOST_REQUIRE(page.ok());
  BOOST_TEST(page->comments.size() == 3u);
  BOOST_TEST(page->comments_source.find("(first 3 of 5 comments kept)") != std::string::npos);
  auto all = ExtractPage(WordPressPage(5, "Nice post"), kUrl);
  BOOST_REQUIRE(all.ok());
  BOOST_TEST(all->comments.size() == 5u);
  BOOST_TEST(all->comments_source.find("kept") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(mentions_of_a_page_are_bounded) {
  std::string handles;
  for (int i = 0; i < 400; ++i) handles += "@user" + std::to_string(i) + " ";
  auto page = ExtractPage(WordPressPage(100, handles), kUrl);  // 40,000 mentions
  BOOST_REQUIRE(page.ok());
  BOOST_TEST(page->comments.size() == 100u);
  BOOST_TEST(page->mentions.size() == 10000u);
}

BOOST_AUTO_TEST_CASE(many_anchored_records_after_a_long_prefix_are_read_once_each) {
  // 20,000 bare records marked by "cmt_N" anchors after 30,000 blocks of
  // other text: each anchor's record is found from counts, not by searching
  // the shared parent's subtree again for every anchor (80 s before, for
  // this page; now linear).
  std::string html = "<html><body><div>";
  for (int i = 0; i < 30000; ++i) html += "<div><span>x</span></div>";
  for (int i = 1; i <= 20000; ++i) {
    const std::string n = std::to_string(i);
    html += "<p><span id=\"cmt_" + n + "\">" + n + "</span>. <strong>N" + n + "</strong><br>text " +
            n + "</p>";
  }
  html += "</div></body></html>";
  auto page = ExtractPage(html, kUrl);
  BOOST_REQUIRE(page.ok());
  BOOST_TEST(page->comments.size() == 10000u);  // the first 10,000 kept
  BOOST_TEST(page->comments.front().author == "N1");
  BOOST_TEST(page->comments_source.find("records marked by comment anchors") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::parsers
