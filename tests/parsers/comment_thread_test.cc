// Whatever a page's markup claims, its comments leave the parser as a thread:
// one comment per id, and parent links that end.
#include <boost/test/unit_test.hpp>
#include <string>

#include "parsers/parsers.h"

namespace linkgraph::parsers {
namespace LINKGRAPH_FILE_SCOPE {

const char kUrl[] = "http://blog.example/2009/12/06/post/";

ExtractedPage Extract(const std::string& comment_list) {
  const std::string html =
      "<html><body><div class=\"post\"><h1 class=\"entry-title\">A post</h1>"
      "<div class=\"entry-content\"><p>The post's text, long enough to be a post.</p></div></div>"
      "<ol class=\"commentlist\">" +
      comment_list + "</ol></body></html>";
  auto page = ExtractPage(html, kUrl);
  BOOST_REQUIRE_MESSAGE(page.ok(), (page.ok() ? "" : page.error().message));
  return std::move(page).value();
}

std::string CommentItem(const std::string& id, const std::string& author,
                        const std::string& text, const std::string& children = "") {
  return "<li id=\"" + id + "\" class=\"comment\"><div class=\"comment-author vcard\"><cite "
         "class=\"fn\">" + author + "</cite></div><div class=\"comment-body\"><p>" + text +
         "</p></div>" + (children.empty() ? "" : "<ul class=\"children\">" + children + "</ul>") +
         "</li>";
}

BOOST_AUTO_TEST_SUITE(comment_thread)

BOOST_AUTO_TEST_CASE(a_comment_nested_in_a_copy_of_itself_is_kept_once_and_not_its_own_parent) {
  ExtractedPage page =
      Extract(CommentItem("comment-2", "Ann", "First", CommentItem("comment-2", "Bo", "Copy")));
  BOOST_REQUIRE_EQUAL(page.comments.size(), 1u);
  BOOST_TEST(page.comments[0].author == "Ann");
  BOOST_TEST(page.comments[0].parent_id == "");
  BOOST_TEST(page.comments[0].position == 1);
}

BOOST_AUTO_TEST_CASE(a_wrapper_and_its_body_of_one_id_give_one_comment_with_the_text) {
  ExtractedPage page = Extract(
      "<li id=\"comment-3\" class=\"comment\"><div id=\"comment-3\" class=\"comment\">"
      "<div class=\"comment-author vcard\"><cite class=\"fn\">Cy</cite></div>"
      "<div class=\"comment-body\"><p>The words of the comment</p></div></div></li>");
  BOOST_REQUIRE_EQUAL(page.comments.size(), 1u);
  BOOST_TEST(page.comments[0].text.find("The words of the comment") != std::string::npos);
  BOOST_TEST(page.comments[0].author == "Cy");
  BOOST_TEST(page.comments[0].parent_id == "");
}

BOOST_AUTO_TEST_CASE(a_real_reply_keeps_its_parent) {
  ExtractedPage page =
      Extract(CommentItem("comment-1", "Ann", "First", CommentItem("comment-2", "Bo", "Reply")));
  BOOST_REQUIRE_EQUAL(page.comments.size(), 2u);
  BOOST_TEST(page.comments[1].parent_id == "comment-1");
}

BOOST_AUTO_TEST_CASE(rest_comments_that_answer_each_other_in_a_cycle_are_cut_to_a_chain) {
  const std::string json = R"([
    {"id": 5, "parent": 6, "author_name": "Ann", "date": "2009-12-06T22:10:00",
     "content": {"rendered": "<p>One</p>"}, "link": "http://blog.example/p/#comment-5"},
    {"id": 6, "parent": 5, "author_name": "Bo", "date": "2009-12-06T22:11:00",
     "content": {"rendered": "<p>Two</p>"}, "link": "http://blog.example/p/#comment-6"},
    {"id": 7, "parent": 7, "author_name": "Cy", "date": "2009-12-06T22:12:00",
     "content": {"rendered": "<p>Three</p>"}, "link": "http://blog.example/p/#comment-7"}
  ])";
  auto page = ExtractRestComments(json, "http://blog.example/wp-json/wp/v2/comments?post=1",
                                  "http://blog.example/p/");
  BOOST_REQUIRE(page.ok());
  BOOST_REQUIRE_EQUAL(page->comments.size(), 3u);
  int roots = 0;
  for (const Comment& comment : page->comments) {
    BOOST_TEST(comment.parent_id != comment.id);
    if (comment.parent_id.empty()) ++roots;
  }
  BOOST_TEST(roots == 2);  // the cycle is cut once, the self-reply undone
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::parsers
