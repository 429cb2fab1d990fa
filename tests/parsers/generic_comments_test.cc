// Unknown themes: comment-like blocks under a comment-named element, and
// the page regions that look like comments but never are.
#include <boost/test/unit_test.hpp>
#include <string>

#include "parsers/parsers.h"
#include "tests/parsers/fixture_page.h"
#include "tests/support/test_paths.h"

namespace linkgraph {
namespace LINKGRAPH_FILE_SCOPE {

const std::string kGenericSource = "generic (comment-like blocks)";

ExtractedPage ExtractGeneric(const std::string& name, const std::string& url) {
  return testing::ExtractFixture("generic", name, url);
}

BOOST_AUTO_TEST_SUITE(generic_comments)

BOOST_AUTO_TEST_CASE(records_marked_only_by_comment_anchors_are_comments) {
  // Bare paragraphs, no class, no dates: each holds an anchor "cmt_N", a
  // bold name and its own words; the sidebar's links to "#cmt_9" are no
  // anchors.
  ExtractedPage page =
      ExtractGeneric("anchored_records.html", "http://blogy.example/konec-blogu.php");
  BOOST_TEST(page.comments_source == "records marked by comment anchors");
  BOOST_REQUIRE(page.comments.size() == 3u);
  BOOST_TEST(page.comments[0].author == "HejTy");
  BOOST_TEST(page.comments[0].id == "cmt_1");
  BOOST_TEST(page.comments[0].text == "Díky za všechno a hodně štěstí.");
  BOOST_TEST(page.comments[1].author == "rudidlo");  // the openID link is its site
  BOOST_TEST(page.comments[1].author_url == "http://rudidlo.example/");
  BOOST_TEST(page.comments[2].author == "Tomáš");
  BOOST_TEST(page.comments[2].author_url == "http://tomas.example/");  // "(www)"
  BOOST_TEST(page.comments[2].text == "Také se přidávám s velkým díky.");
}

BOOST_AUTO_TEST_CASE(flat_comments_thread_by_their_inline_indentation) {
  // Serendipity's threaded view lists replies flat under their parent,
  // indented by an inline padding; its h1 links the post's title home, and
  // the byline links the writer's page in German ("/autoren/").
  ExtractedPage page = ExtractGeneric(
      "indented_flat_thread.html", "http://laube.example/archives/124-Gartentreffen-im-Mai.html");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "Gartentreffen im Mai");
  BOOST_TEST(page.post.author == "Gretel");
  BOOST_REQUIRE(page.comments.size() == 4u);
  BOOST_TEST(page.comments[0].parent_id.empty());
  BOOST_TEST(page.comments[1].parent_id == page.comments[0].id);
  BOOST_TEST(page.comments[2].parent_id == page.comments[1].id);
  BOOST_TEST(page.comments[3].parent_id.empty());
  BOOST_TEST(page.comments[3].author == "Karl");
}

BOOST_AUTO_TEST_CASE(kommentar_blocks_are_found_with_authors_dates_and_text) {
  ExtractedPage page = ExtractGeneric("kommentare.html", "https://backstube.example/?p=7");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.comments_source == kGenericSource);
  BOOST_REQUIRE(page.comments.size() == 3u);
  const Comment& first = page.comments[0];
  BOOST_TEST(first.id == "k-101");
  BOOST_TEST(first.permalink == "https://backstube.example/2019/01/sauerteig-im-winter/#k-101");
  BOOST_TEST(first.author == "Greta Roggenkamp");
  BOOST_TEST(first.author_url == "https://mehlstaub.example/");
  BOOST_TEST(first.published == "2019-01-14T08:30:00+01:00");
  BOOST_TEST(first.text ==
             "Bei mir hilft ein Backofen mit eingeschaltetem Licht, das gibt genug Wärme.");
  BOOST_TEST(first.parent_id == "");
  BOOST_TEST(first.position == 1);
  BOOST_TEST(page.post.text.find("Backofen") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(nested_block_answers_the_block_it_sits_in) {
  ExtractedPage page = ExtractGeneric("kommentare.html", "https://backstube.example/?p=7");
  BOOST_REQUIRE(page.comments.size() == 3u);
  const Comment& reply = page.comments[1];
  BOOST_TEST(reply.id == "k-102");
  BOOST_TEST(reply.author == "Ilse Lindenhof");
  BOOST_TEST(reply.published == "2019-01-14T10:05:00+01:00");
  BOOST_TEST(reply.text == "Gute Idee, das probiere ich am Wochenende gleich aus.");
  BOOST_TEST(reply.parent_id == "k-101");
  BOOST_TEST(reply.position == 2);
  BOOST_TEST(page.comments[2].parent_id == "");  // back at the top level
}

BOOST_AUTO_TEST_CASE(block_without_id_gets_its_position_and_no_permalink) {
  ExtractedPage page = ExtractGeneric("kommentare.html", "https://backstube.example/?p=7");
  BOOST_REQUIRE(page.comments.size() == 3u);
  const Comment& third = page.comments[2];
  BOOST_TEST(third.id == "generic-3");
  BOOST_TEST(third.permalink == "");  // the page has no anchor to link to
  BOOST_TEST(third.author == "Paul Dinkelbach");
  BOOST_TEST(third.author_url == "");
  BOOST_TEST(third.position == 3);
}

BOOST_AUTO_TEST_CASE(list_items_under_responses_are_comments_with_nested_replies) {
  ExtractedPage page =
      ExtractGeneric("responses_list.html", "https://spokeandchain.example/gear-ratios/");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.comments_source == kGenericSource);
  BOOST_REQUIRE(page.comments.size() == 3u);
  const Comment& first = page.comments[0];
  BOOST_TEST(first.id == "response-7");
  BOOST_TEST(first.permalink == "https://spokeandchain.example/gear-ratios/#response-7");
  BOOST_TEST(first.author == "Moss Hawthorne");
  BOOST_TEST(first.author_url == "https://tinker.example/");
  BOOST_TEST(first.published == "2014-03-03T21:12:00+00:00");  // the title's instant
  BOOST_TEST(first.text ==
             "The gear ratio table in the second half saved me an afternoon of guessing.");
  BOOST_TEST(page.comments[1].id == "response-8");
  BOOST_TEST(page.comments[1].author == "Odile Marsh");
  BOOST_TEST(page.comments[1].published == "2014-03-04");
  BOOST_TEST(page.comments[1].parent_id == "response-7");
  BOOST_TEST(page.comments[1].text ==
             "Glad it helped; the third table has a typo I will fix tonight.");
  // A date printed as bare text beside the author.
  BOOST_TEST(page.comments[2].author == "Bertram Quill");
  BOOST_TEST(page.comments[2].published == "2014-03-05T07:40:00");
  BOOST_TEST(page.comments[2].parent_id == "");
}

BOOST_AUTO_TEST_CASE(items_of_one_list_are_one_kind_whatever_their_alternating_classes) {
  ExtractedPage page = ExtractGeneric("alternating_list.html", "https://rushandreed.example/cane/");
  BOOST_TEST(page.comments_source == kGenericSource);
  // The third item has no date outside its text: a date in prose is no
  // comment's date, so it is left out.
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].id == "c-31");
  BOOST_TEST(page.comments[1].id == "c-32");
}

BOOST_AUTO_TEST_CASE(short_comment_counts_when_its_list_has_a_substantial_one) {
  ExtractedPage page = ExtractGeneric("alternating_list.html", "https://rushandreed.example/cane/");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[1].author == "Hal Wicker");
  BOOST_TEST(page.comments[1].published == "2016-05-04T11:02:00");
  BOOST_TEST(page.comments[1].text == "Works for me.");
}

BOOST_AUTO_TEST_CASE(links_beside_the_name_give_neither_author_nor_date) {
  // A "Homepage" link classed user_homepage, titled with another date.
  ExtractedPage page = ExtractGeneric("alternating_list.html", "https://rushandreed.example/cane/");
  BOOST_REQUIRE(!page.comments.empty());
  BOOST_TEST(page.comments[0].author == "Ruth Osier");
  BOOST_TEST(page.comments[0].published == "2016-05-04T09:15:00");
  BOOST_TEST(page.comments[0].text ==
             "Twenty minutes was not enough for my old cane; an hour worked better.");
}

// Pages without comments that hold comment-like regions: precision first.
BOOST_AUTO_TEST_CASE(byline_blocks_head_the_paragraphs_that_follow_them) {
  ExtractedPage page =
      ExtractGeneric("byline_then_paragraphs.html",
                     "https://riverside-notes.example/archives/2007/08/lanterns.html");
  BOOST_REQUIRE(page.has_post);
  // Movable Type's reading takes no list of comments for one comment.
  BOOST_TEST(page.comments_source == kGenericSource);
  BOOST_REQUIRE(page.comments.size() == 3u);
  BOOST_TEST(page.comments[0].author == "Hana Ito");
  BOOST_TEST(page.comments[0].author_url == "https://tall-tales.example/");
  BOOST_TEST(page.comments[0].published == "2007-08-27T00:15:00");
  BOOST_TEST(page.comments[0].text ==
             "What a lovely evening that must have been.\nI came over from your link list and "
             "will be back.");
  BOOST_TEST(page.comments[1].author == "Riverside Ken");
  BOOST_TEST(page.comments[1].text ==
             "Thank you for visiting!\n\nThe festival runs every year in the last week of August.");
  BOOST_TEST(page.comments[2].author == "Mika");
  BOOST_TEST(page.comments[2].published == "2007-08-28T14:06:00");
  // The reply form after the last comment is no part of it.
  BOOST_TEST(page.comments[2].text == "I did not know about this festival, next year I will go.");
  for (const Comment& comment : page.comments) BOOST_TEST(comment.parent_id == "");
}

BOOST_AUTO_TEST_CASE(a_posted_by_line_names_and_dates_a_block_without_an_author_element) {
  ExtractedPage page =
      ExtractGeneric("posted_by_lines.html", "https://ledger.example/news/standards");
  BOOST_TEST(page.comments_source.starts_with(kGenericSource));
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Florida Accountant");
  BOOST_TEST(page.comments[0].published == "2011-09-27T15:22:00");
  BOOST_TEST(page.comments[0].text.find("Posted by") == std::string::npos);
  BOOST_TEST(page.comments[1].author == "Cliff Sample");
  BOOST_TEST(page.comments[1].published == "2011-09-27T18:53:00");
}

BOOST_AUTO_TEST_CASE(sibling_blocks_named_comment_are_read_in_a_wrapper_named_for_the_post) {
  // blockquote.comment straight in article.post beside its h1; the name and
  // the date share a <cite>; the reply form is also named "comment".
  ExtractedPage page =
      ExtractGeneric("named_blocks_in_post_wrapper.html", "https://bench.example/post/flashing/");
  BOOST_TEST(page.comments_source == kGenericSource);
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Dana Stone");
  BOOST_TEST(page.comments[0].published == "2020-06-18");
  BOOST_TEST(page.comments[0].text ==
             "Thank you for the careful write-up, it saved me an evening.");
  BOOST_TEST(page.comments[1].author == "Trevor");
  BOOST_TEST(page.comments[1].published == "2020-06-17");
}

BOOST_AUTO_TEST_CASE(a_labelled_title_line_names_the_writer_and_links_in_the_text_do_not) {
  // "Comment from: NAME [Member]": the badge and the site's address are no
  // part of the name; a link in the text is no commenter's link; the
  // page's "en-US" reads "02/07/05" month first.
  ExtractedPage page =
      ExtractGeneric("labelled_comment_titles.html", "http://blog.example/2005/02/07/new_articles");
  BOOST_TEST(page.comments_source.starts_with(kGenericSource));
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Peter");
  BOOST_TEST(page.comments[0].published == "2005-02-07T16:49:00");
  BOOST_TEST(page.comments[1].author == "JD");
  BOOST_TEST(page.comments[1].published == "2005-02-08T09:05:00");
}

BOOST_AUTO_TEST_CASE(a_header_block_and_the_text_block_after_it_are_one_comment) {
  // Each comment is a header (bold name, date) and a sibling text block
  // named from the same stem; a flat reply says whom it answers.
  ExtractedPage page =
      ExtractGeneric("split_header_and_body.html", "https://lab.example/post/led-ring/");
  BOOST_TEST(page.comments_source == kGenericSource);
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Rob Miles");
  BOOST_TEST(page.comments[0].published == "2018-05-29");
  BOOST_TEST(page.comments[0].text ==
             "Happens to everyone: usually it is the wiring, not the missing resistor.");
  BOOST_TEST(page.comments[1].author == "David");
  BOOST_TEST(page.comments[1].published == "2018-05-30");
  BOOST_TEST(page.comments[1].text ==
             "I checked the ground wire and you were right about it coming loose.");
  BOOST_TEST(page.comments[1].parent_id == page.comments[0].id);
}

BOOST_AUTO_TEST_CASE(comment_like_regions_that_are_no_comments_give_none) {
  for (const char* name : {
           "recent_comments_widget.html",  // aside and #sidebar .widget, with dates
           "related_posts.html",           // div.related inside #comments
           "reply_form_only.html",         // #comments holds only #respond and its form
           "forum_navigation.html",        // nav, and a list of linked thread titles
           "comments_without_dates.html",  // authors and text but no date
       }) {
    BOOST_TEST_CONTEXT(name) {
      ExtractedPage page = ExtractGeneric(name, "https://blog.example/a-post/");
      BOOST_TEST(page.has_post);
      BOOST_TEST(page.comments.empty());
      BOOST_TEST(page.comments_source == "none found");
    }
  }
}

BOOST_AUTO_TEST_CASE(table_layouts_give_each_comment_a_header_row_and_a_text_row) {
  ExtractedPage page = ExtractGeneric("table_row_records.html", "http://league.example/news/12");
  BOOST_REQUIRE(page.comments.size() == 3u);
  BOOST_TEST(page.comments[0].author == "Stryke");
  BOOST_TEST(page.comments[0].published == "2007-09-06T15:45:00");
  BOOST_TEST(page.comments[0].text == "Valley in the demo, good choice for a first map.");
  BOOST_TEST(page.comments[2].author == "Numse");
  BOOST_TEST(page.post.author == "Admin");  // "Posted by: NAME - DATE"
}

BOOST_AUTO_TEST_CASE(list_items_a_template_printed_without_their_list_are_comments) {
  ExtractedPage page =
      ExtractGeneric("items_without_a_list.html", "http://chicken.example/node/107");
  BOOST_REQUIRE(page.comments.size() == 3u);
  BOOST_TEST(page.comments[0].author == "dave");
  BOOST_TEST(page.comments[1].author == "Clement");
  BOOST_TEST(page.comments[2].published == "2008-09-11");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph
