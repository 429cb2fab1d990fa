// Drupal pages: the node and its comments, threaded by .indented and by the
// parent the markup names (RDFa sioc:reply_of, "In reply to").
#include <boost/test/unit_test.hpp>
#include <string>

#include "parsers/parsers.h"
#include "tests/parsers/fixture_page.h"
#include "tests/support/test_paths.h"

namespace linkgraph {
namespace LINKGRAPH_FILE_SCOPE {

ExtractedPage ExtractDrupal(const std::string& name, const std::string& url) {
  return testing::ExtractFixture("drupal", name, url);
}

BOOST_AUTO_TEST_SUITE(drupal)

BOOST_AUTO_TEST_CASE(drupal8_node_gives_title_author_date_and_body) {
  ExtractedPage page =
      ExtractDrupal("drupal8_article.html", "https://orchard.example/blog/pruning-old-apple-trees");
  BOOST_TEST(page.platform == "drupal");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "Pruning Old Apple Trees");
  BOOST_TEST(page.post.author == "Wren Applegate");
  BOOST_TEST(page.post.published == "2021-03-14T09:30:00+00:00");
  BOOST_TEST(page.post.text.find("thin the crown") != std::string::npos);
  BOOST_TEST(page.post.text.find("Sidebar block") == std::string::npos);
  BOOST_TEST(page.post.text.find("How much of the crown") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(drupal8_comments_in_page_order_with_ids_and_permalinks) {
  ExtractedPage page =
      ExtractDrupal("drupal8_article.html", "https://orchard.example/blog/pruning-old-apple-trees");
  BOOST_REQUIRE(page.comments.size() == 4u);  // the comment form is no comment
  const Comment& first = page.comments[0];
  BOOST_TEST(first.id == "comment-11");
  BOOST_TEST(first.permalink == "https://orchard.example/blog/pruning-old-apple-trees#comment-11");
  BOOST_TEST(first.author == "Bramble Finch");
  BOOST_TEST(first.author_url == "https://bramble.example/");
  BOOST_TEST(first.published == "2021-03-14T10:15:00+00:00");
  BOOST_TEST(first.text == "How much of the crown do you take off in one winter?");
  BOOST_TEST(first.parent_id == "");
  BOOST_TEST(first.position == 1);
  BOOST_TEST(page.comments[3].id == "comment-14");
  BOOST_TEST(page.comments[3].position == 4);
}

BOOST_AUTO_TEST_CASE(reply_names_its_parent_and_nested_indented_reply_follows_indentation) {
  ExtractedPage page =
      ExtractDrupal("drupal8_article.html", "https://orchard.example/blog/pruning-old-apple-trees");
  BOOST_REQUIRE(page.comments.size() == 4u);
  // The hidden "In reply to ... by Bramble Finch" is not the reply's author.
  BOOST_TEST(page.comments[1].author == "Wren Applegate");
  BOOST_TEST(page.comments[1].parent_id == "comment-11");
  BOOST_TEST(page.comments[1].text == "No more than a quarter, or the tree sulks.");
  BOOST_TEST(page.comments[2].parent_id == "comment-12");
  BOOST_TEST(page.comments[2].published == "2021-03-15T08:05:00+00:00");
  BOOST_TEST(page.comments[3].parent_id == "");  // back at the top level after .indented
}

BOOST_AUTO_TEST_CASE(drupal7_ids_come_from_the_anchor_before_each_comment) {
  ExtractedPage page = ExtractDrupal("drupal7_node.html", "http://kuechenheft.example/node/5");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "Kürbissuppe im Herbst");
  BOOST_TEST(page.post.author == "Ilse Kornfeld");
  BOOST_TEST(page.post.published == "2015-11-06T08:30:00+01:00");
  BOOST_TEST(page.post.text == "Ein Rezept für kalte Tage.");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].id == "comment-21");
  BOOST_TEST(page.comments[0].author == "Jonas Eberwein");  // "(nicht überprüft)" left out
  BOOST_TEST(page.comments[0].published == "2015-11-06T09:00:00+01:00");
  BOOST_TEST(page.comments[0].text == "Mit Ingwer noch besser.");
  // sioc:reply_of names the node for a top-level comment: no parent.
  BOOST_TEST(page.comments[0].parent_id == "");
  BOOST_TEST(page.comments[1].id == "comment-22");
  BOOST_TEST(page.comments[1].parent_id == "comment-21");
  BOOST_TEST(page.comments[1].author == "Ilse Kornfeld");
}

BOOST_AUTO_TEST_CASE(a_saved_drupal6_page_is_known_by_its_assets_and_names_writers_after_the_date) {
  ExtractedPage page =
      ExtractDrupal("drupal6_garland_saved.html", "https://family.example/node/41/index.html");
  BOOST_TEST(page.platform == "drupal");  // no generator: its settings script and theme folder
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.author == "rfay");  // "DATE — NAME"
  BOOST_TEST(page.post.published == "2011-09-01T08:35:00");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Anonymous");
  BOOST_TEST(page.comments[0].published == "2011-09-01T09:10:00");  // the weekday says September
  BOOST_TEST(page.comments[1].author == "Gary Example");
  BOOST_TEST(page.comments[1].published == "2011-05-24T14:32:00");
}

BOOST_AUTO_TEST_CASE(a_forum_nodes_opening_message_is_the_post_not_a_comment) {
  ExtractedPage page = ExtractDrupal("drupal6_forum_node.html", "http://forum.example/node/9.html");
  BOOST_TEST(page.platform == "drupal");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.author == "hazel");
  BOOST_TEST(page.post.published == "2013-12-24T18:54:00");
  BOOST_REQUIRE(page.comments.size() == 1u);
  BOOST_TEST(page.comments[0].author == "Robin");
}

BOOST_AUTO_TEST_CASE(an_unlinked_account_in_a_localised_byline_is_the_node_author) {
  ExtractedPage page =
      ExtractDrupal("drupal6_unlinked_account_byline.html", "https://kultura.example/izjava.html");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.author == "urednica");
  BOOST_TEST(page.post.published == "2009-07-16T20:56:00");
}

BOOST_AUTO_TEST_CASE(slashed_dates_follow_drupals_own_month_first_format_on_an_english_page) {
  ExtractedPage page =
      ExtractDrupal("drupal6_default_dates.html", "https://notes.example/blog/funky-dns");
  BOOST_REQUIRE(page.comments.size() == 1u);
  BOOST_TEST(page.comments[0].author == "Bence");
  BOOST_TEST(page.comments[0].published == "2008-11-03T22:12:00");  // "m/d/Y - H:i"
}

BOOST_AUTO_TEST_CASE(localised_bylines_and_account_links_name_the_writers) {
  ExtractedPage page =
      ExtractDrupal("drupal6_localised_bylines.html", "https://mutirao.example/derivas.html");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.author == "felipe");                  // "Enviado por NAME em DATE"
  BOOST_TEST(page.post.published == "2008-03-05T13:43:00");  // "qua": Wednesday 5 March
  BOOST_REQUIRE(page.comments.size() == 6u);
  BOOST_TEST(page.comments[0].author == "felipe");
  BOOST_TEST(page.comments[0].published == "2008-03-07T18:32:00");  // "sex": Friday
  BOOST_TEST(page.comments[1].author == "Ross Example");            // the user/804 account link
  BOOST_TEST(page.comments[1].published == "2007-01-31T18:16:00");  // "Comment from NAME on DATE"
  BOOST_TEST(page.comments[2].author == "Tantchen");                // "NAME (not verified) says"
  BOOST_TEST(page.comments[3].author == "Lena");                    // "... av NAME" closes the line
  BOOST_TEST(page.comments[4].author == "andre");
  BOOST_TEST(page.comments[4].published == "2010-04-21T12:20:00");  // div.comment-submitted
  BOOST_TEST(page.comments[5].author == "Havran");
  BOOST_TEST(page.comments[5].published == "2009-02-16T12:27:00");  // Slovak "február"
}

BOOST_AUTO_TEST_CASE(
    the_nodes_byline_account_link_names_its_author_and_title_beats_a_block_heading) {
  // "DATE poslal <a href=user/239>NAME</a>": no author class, a member's
  // account link; an archive notice's h2.title is not the node's title,
  // which <title> names.
  ExtractedPage page = ExtractDrupal("drupal6_account_link_bylines.html",
                                     "https://drupal.example/blog/stretnutie-v-ziline");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "Stretnutie v Žiline");
  BOOST_TEST(page.post.author == "frankye");
  BOOST_TEST(page.post.published.starts_with("2010-08-02T16:07"));
  BOOST_REQUIRE(page.comments.size() == 1u);
  BOOST_TEST(page.comments[0].author == "Hosť Peter");  // "(bez overenia)" comes off
}

BOOST_AUTO_TEST_CASE(bylines_in_info_and_meta_blocks_and_in_plain_bold_name_the_writers) {
  // Themes put "Posted by NAME on DATE" in div.info after the text, the
  // node's in div.meta, or a byline in a bare <b> with no class at all.
  ExtractedPage page =
      ExtractDrupal("drupal6_info_and_bold_bylines.html", "https://banda.example/concierto");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.author == "admin");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "yamnia");
  BOOST_TEST(page.comments[0].published.starts_with("2011-03-26T17:37"));
  BOOST_TEST(page.comments[1].author == "Emilio");
  BOOST_TEST(page.comments[1].published.starts_with("2009-08-24"));
}

BOOST_AUTO_TEST_CASE(themes_own_author_marks_name_commenters_and_bare_paragraphs_are_the_text) {
  // "<em class=author>" and an HTML5 "<a rel=author>" name the writers; a
  // comment with no content wrapper has its own paragraphs for text, not
  // its byline nor its links.
  ExtractedPage page =
      ExtractDrupal("drupal_theme_author_marks.html", "https://cuaderno.example/node/31");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Jordi Prat");
  BOOST_TEST(page.comments[0].author_url == "http://jordi.example/");
  BOOST_TEST(page.comments[0].text ==
             "Hola, Edu. Recién llego del mismo viaje.\n\nPronto cuelgo mis notas y las comparto.");
  BOOST_TEST(page.comments[1].author == "Ana");
}

BOOST_AUTO_TEST_CASE(drupal_links_classes_tell_a_saved_drupal6_page) {
  ExtractedPage page = testing::ExtractFixture("forums", "login_links_are_no_writers.html",
                                               "http://family.example/node/107.html");
  BOOST_TEST(page.platform == "drupal");  // li.comment_forbidden
}

BOOST_AUTO_TEST_CASE(node_with_only_a_comment_form_has_no_comments) {
  ExtractedPage page = ExtractDrupal("no_comments.html", "https://orchard.example/blog/quiet");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "Quiet Post");
  BOOST_TEST(page.comments.empty());
  BOOST_TEST(page.trackbacks.empty());
}

BOOST_AUTO_TEST_CASE(front_page_of_teasers_is_no_post) {
  ExtractedPage page = ExtractDrupal("front_page.html", "https://orchard.example/");
  BOOST_TEST(!page.has_post);
  BOOST_TEST(page.comments.empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph
