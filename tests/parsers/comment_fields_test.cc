// What themes glue onto comments, taken off: says-words, buttons after
// names, byline and date lines around the text, pingbacks shown as
// comments.
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "parsers/extractors.h"
#include "parsers/text_util.h"

namespace linkgraph::parsers {
namespace LINKGRAPH_FILE_SCOPE {

Comment Made(std::string author, std::string text, std::string author_url = "") {
  Comment comment;
  comment.id = "comment-1";
  comment.author = std::move(author);
  comment.text = std::move(text);
  comment.author_url = std::move(author_url);
  return comment;
}

BOOST_AUTO_TEST_SUITE(comment_fields)

BOOST_AUTO_TEST_CASE(says_words_come_off_names_but_not_off_a_name_ending_in_one) {
  BOOST_TEST(WithoutSaysWord("Mark Said,") == "Mark");
  BOOST_TEST(WithoutSaysWord("Wendy says:") == "Wendy");
  BOOST_TEST(WithoutSaysWord("Comment by Lara Newman") == "Lara Newman");
  BOOST_TEST(WithoutSaysWord("Comment from Leslie Levy") == "Leslie Levy");
  BOOST_TEST(WithoutSaysWord(", par  Horus") == "Horus");
  BOOST_TEST(WithoutSaysWord("Par Lagerkvist") == "Par Lagerkvist");  // a name, no separator
  BOOST_TEST(WithoutSaysWord("Candice") == "Candice");
}

BOOST_AUTO_TEST_CASE(a_pingback_excerpt_is_bracketed_by_ellipses) {
  BOOST_TEST(IsPingbackExcerpt("[\xE2\x80\xA6] had dinner at the Crown [\xE2\x80\xA6]"));
  BOOST_TEST(IsPingbackExcerpt("[...] the quote was cut..."));
  BOOST_TEST(!IsPingbackExcerpt("I agree [...] with you"));
  BOOST_TEST(!IsPingbackExcerpt("[...][...]"));
}

BOOST_AUTO_TEST_CASE(buttons_after_a_name_and_date_lines_around_the_text_come_off) {
  std::vector<Comment> comments = {Made("Mervyn Dinnen Log in to Reply",
                                        "Mervyn Dinnen:\nApril 27, 2007 @ 6:58 am\nWe met!\n"
                                        "comment at 13. March 2006")};
  std::vector<Trackback> trackbacks;
  CleanCommentFields(&comments, &trackbacks);
  BOOST_REQUIRE(comments.size() == 1u);
  BOOST_TEST(comments[0].author == "Mervyn Dinnen");
  BOOST_TEST(comments[0].text == "We met!");
}

BOOST_AUTO_TEST_CASE(the_post_author_badge_comes_off_the_name) {
  // WordPress's default themes mark the post's author's own comments with a
  // "Post author" label inside the name element.
  std::vector<Comment> comments = {Made("Quantium Post author", "Here is the link."),
                                   Made("Ann Postauthor", "A surname, not a badge.")};
  std::vector<Trackback> trackbacks;
  CleanCommentFields(&comments, &trackbacks);
  BOOST_REQUIRE(comments.size() == 2u);
  BOOST_TEST(comments[0].author == "Quantium");
  BOOST_TEST(comments[1].author == "Ann Postauthor");
}

BOOST_AUTO_TEST_CASE(a_date_after_the_name_and_a_leading_colon_come_off_the_name) {
  std::vector<Comment> comments = {
      Made("librarygrrrl \xE2\x80\x94 May 29, 2005 @ 8:24 am", "I am reading."),
      Made("jonathan winton:", "Visit the village."),
      Made("Smith - Jones", "A double-barrelled name keeps its dash."),
      Made("Agent 99 - Control", "No date after the dash."),
      Made("Posted by: Geren at July 26, 2005  9:44 PM", "Movable Type's byline."),
      Made("Ron on Tuesdays", "No date after \"on\".")};
  std::vector<Trackback> trackbacks;
  CleanCommentFields(&comments, &trackbacks);
  BOOST_REQUIRE(comments.size() == 6u);
  BOOST_TEST(comments[4].author == "Geren");
  BOOST_TEST(comments[5].author == "Ron on Tuesdays");
  BOOST_TEST(comments[0].author == "librarygrrrl");
  BOOST_TEST(comments[1].author == "jonathan winton");
  BOOST_TEST(comments[2].author == "Smith - Jones");
  BOOST_TEST(comments[3].author == "Agent 99 - Control");
}

BOOST_AUTO_TEST_CASE(a_comment_signed_trackback_by_a_blog_is_a_trackback) {
  std::vector<Comment> comments = {
      Made("Trackback by Buddha John", "Homesick Blues: my friend has a nice post",
           "http://bj.example/archives/2005/06/homesick.html"),
      Made("Pingback from Lamplight", "A note on the post", "http://lamplight.example/p/7"),
      Made("Trackback Fan", "A commenter whose name starts with the word.")};
  std::vector<Trackback> trackbacks;
  CleanCommentFields(&comments, &trackbacks);
  BOOST_REQUIRE(comments.size() == 1u);
  BOOST_TEST(comments[0].author == "Trackback Fan");
  BOOST_REQUIRE(trackbacks.size() == 2u);
  BOOST_TEST((trackbacks[0].kind == LinkbackKind::kTrackback));
  BOOST_TEST(trackbacks[0].title == "Buddha John");
  BOOST_TEST(trackbacks[0].source_url == "http://bj.example/archives/2005/06/homesick.html");
  BOOST_TEST((trackbacks[1].kind == LinkbackKind::kPingback));
}

BOOST_AUTO_TEST_CASE(a_first_line_naming_the_author_stays_text) {
  std::vector<Comment> comments = {Made("Wendy", "@HRWendy Local hiring in a busy city\nMore.")};
  std::vector<Trackback> trackbacks;
  CleanCommentFields(&comments, &trackbacks);
  BOOST_TEST(comments[0].text == "@HRWendy Local hiring in a busy city\nMore.");
}

BOOST_AUTO_TEST_CASE(a_pingback_shown_as_a_comment_moves_and_its_replies_lose_the_parent) {
  std::vector<Comment> comments = {
      Made("Other blog", "[...] quoted text from the post [...]", "http://other.example/a/"),
      Made("Lara", "Thanks for the link")};
  comments[1].id = "comment-2";
  comments[1].parent_id = "comment-1";
  std::vector<Trackback> trackbacks;
  CleanCommentFields(&comments, &trackbacks);
  BOOST_REQUIRE(trackbacks.size() == 1u);
  BOOST_TEST(trackbacks[0].source_url == "http://other.example/a/");
  BOOST_TEST(trackbacks[0].title == "Other blog");
  BOOST_REQUIRE(comments.size() == 1u);
  BOOST_TEST(comments[0].parent_id.empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::parsers
