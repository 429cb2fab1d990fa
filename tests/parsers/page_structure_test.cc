// Pages read by their structure where no known container or list name
// says what is what: comments on a page whose post container is unknown,
// comment items wrapped in items, fields cleaned of what themes glue on,
// post authors from bylines and metadata, listings left alone.
#include <boost/test/unit_test.hpp>
#include <string>

#include "parsers/parsers.h"
#include "tests/parsers/fixture_page.h"

namespace linkgraph {
namespace LINKGRAPH_FILE_SCOPE {

ExtractedPage Extract(const std::string& name, const std::string& url) {
  return testing::ExtractFixture("structure", name, url);
}

BOOST_AUTO_TEST_SUITE(page_structure)

BOOST_AUTO_TEST_CASE(comments_are_read_where_the_post_container_is_unknown) {
  ExtractedPage page =
      Extract("unknown_post_container.html", "http://blog.example/2009/03/dinner-at-the-crown/");
  BOOST_TEST(page.has_post);
  BOOST_TEST(page.post.title == "Dinner at the Crown");
  BOOST_TEST(page.post.text.find("dinner with @MervynDinnen") != std::string::npos);
  BOOST_TEST(page.post.author == "Wendy Jones");  // the page's JSON-LD posting
  BOOST_REQUIRE(page.comments.size() == 1u);
  BOOST_TEST(page.comments[0].author == "Mervyn Dinnen");  // "Log in to Reply" taken off
  BOOST_TEST(page.comments[0].text == "A great evening, and we have met at last!");
  BOOST_TEST(page.comments[0].published.starts_with("2009-03-03T09:15"));
  BOOST_TEST(page.comments_source.find("post from the page's structure") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(
    a_widget_that_is_the_comment_section_is_read_but_a_recent_comments_widget_is_not) {
  // Site builders render every part of a page as a "widget"; the sidebar's
  // digest of other posts' comments stays out.
  ExtractedPage page =
      Extract("site_builder_widgets.html", "http://blog.example/growing-a-garden-club");
  BOOST_TEST(page.has_post);
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Priya Shah");  // a "comment-from" heading
  BOOST_TEST(page.comments[0].published.starts_with("2016-04-12T09:05"));
  BOOST_TEST(page.comments[1].author == "Tom Greene");
  BOOST_TEST(page.comments[1].author_url == "http://tom.example/");
  BOOST_TEST(page.comments[1].text == "Thank you Priya, see you at the next meeting on Saturday.");
  BOOST_TEST(page.comments[1].parent_id == page.comments[0].id);  // depth-1 after depth-0
}

BOOST_AUTO_TEST_CASE(an_item_outside_the_region_named_for_comments_is_not_a_comment) {
  // A forum node shows its opening post as a div.comment inside the node.
  ExtractedPage page = Extract("forum_node_opening_post.html", "http://forum.example/node/9.html");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Robin");
  BOOST_TEST(page.comments[0].published.starts_with("2013-12-24T19:15"));
  BOOST_TEST(page.comments[1].author == "hazel");
  BOOST_TEST(page.comments[1].text ==
             "Thanks Robin, I will try a green light and report back here.");
}

BOOST_AUTO_TEST_CASE(the_title_is_the_heading_the_document_title_names_not_a_widget_or_the_blog) {
  // "Blog » Blog Archive » Post" over a page whose blog name and widget
  // titles are headings too.
  ExtractedPage page = Extract("title_among_headings.html", "http://walks.example/?p=12");
  BOOST_TEST(page.post.title == "In the rain from Whitby to Scarborough");
}

BOOST_AUTO_TEST_CASE(a_page_that_declares_itself_an_article_is_a_post_without_comments) {
  ExtractedPage page = Extract("declared_article.html", "http://news.example/2011/09/rules");
  BOOST_TEST(page.has_post);
  BOOST_TEST(page.comments.empty());
  BOOST_TEST(page.post.title == "Institutes back the new reporting rules");
  BOOST_TEST(page.post.text.find("met the board in London") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_page_with_a_form_to_comment_on_it_is_a_post_without_comments) {
  // Movable Type's classic template: no container the readers know, no
  // comment yet, but a form to write one; the blog's name is the heading
  // that links home and the first part of "Blog: Post".
  ExtractedPage page = Extract("commentable_post_without_comments.html",
                               "http://allotment.example/archives/frost_on_the_leeks.html");
  BOOST_TEST(page.has_post);
  BOOST_TEST(page.comments.empty());
  BOOST_TEST(page.post.title == "Frost on the leeks");
  BOOST_TEST(page.post.author == "Tomas");  // not "Tomas. Permalink"
  BOOST_TEST(page.post.text.find("dug the last of the parsnips") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_comment_opening_with_by_and_a_bold_name_names_its_writer) {
  // "By <strong>NAME</strong> on DATE" as the item's opening words; "powered
  // by <a>WordPress</a>" inside the text names no one.
  ExtractedPage page = Extract("bold_name_after_by.html", "http://code.example/charts-in-rails/");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Chipster");
  BOOST_TEST(page.comments[1].author == "charlie");
  BOOST_TEST(page.comments[1].author_url == "http://charlie.example/");
}

BOOST_AUTO_TEST_CASE(a_comments_permalink_that_shows_its_date_dates_it) {
  // "malina.<a href=#comment-1357>17.03.2009, 8:12</a>": the date is the
  // permalink's text, run into the name.
  ExtractedPage page =
      Extract("permalink_shows_the_date.html", "http://ogrod.example/2009/03/lancuszki/");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].published.starts_with("2009-03-17T08:12"));
  BOOST_TEST(page.comments[1].published.starts_with("2009-03-17T11:32"));
}

BOOST_AUTO_TEST_CASE(an_ambiguous_comment_date_follows_the_order_the_pages_other_dates_show) {
  // "21/03/2012" shows day first; "04/09/2012 at 11:59 am" is then the 4th
  // of September, though a 12-hour clock alone would read it American.
  ExtractedPage page =
      Extract("day_first_dates.html", "http://horta.example/2012/03/insert-com-select/");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].published.starts_with("2012-03-21T20:33"));
  BOOST_TEST(page.comments[1].published.starts_with("2012-09-04T11:59"));
}

BOOST_AUTO_TEST_CASE(the_items_of_a_comment_list_are_comments_whatever_their_class) {
  // ol.commentlist of li.graybox / li.alt with no id (old themes): the
  // list says what its items are. Russian dates in the genitive.
  ExtractedPage page = Extract("classless_list_items.html", "http://club.example/article/faq/");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "DirtyR");
  BOOST_TEST(page.comments[0].published.starts_with("2009-03-30T20:58"));
  BOOST_TEST(page.comments[1].author == "Админ");
  BOOST_TEST(page.comments[1].text == "В субботу в десять, приходите!");
}

BOOST_AUTO_TEST_CASE(a_pingback_shown_as_a_comment_is_a_linkback) {
  ExtractedPage page =
      Extract("unknown_post_container.html", "http://blog.example/2009/03/dinner-at-the-crown/");
  BOOST_REQUIRE(page.trackbacks.size() == 1u);
  BOOST_TEST(page.trackbacks[0].source_url == "http://other.example/2009/03/crown/");
  BOOST_TEST(page.trackbacks[0].title == "The Crown dinner, seen from the other side");
  BOOST_TEST(std::string(ToString(page.trackbacks[0].kind)) == "pingback");
}

BOOST_AUTO_TEST_CASE(a_comment_item_wrapping_a_comment_gives_it_once) {
  ExtractedPage page =
      Extract("wrapped_comment_items.html", "http://blog.example/2012/03/meeting-notes/");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments_source == "comment items found by their structure");
  BOOST_TEST(page.comments[0].author == "Alan Whitford");
  BOOST_TEST(page.comments[0].text == "Good to meet you both.");
  BOOST_TEST(page.comments[1].author == "Lara Newman");
  BOOST_TEST(page.comments[1].parent_id == page.comments[0].id);
  for (const Comment& comment : page.comments) {
    BOOST_TEST(!comment.id.starts_with("position-"), comment.id);
  }
}

BOOST_AUTO_TEST_CASE(the_post_author_comes_from_an_author_archive_link) {
  ExtractedPage page =
      Extract("wrapped_comment_items.html", "http://blog.example/2012/03/meeting-notes/");
  BOOST_TEST(page.post.author == "Lara Newman");
}

BOOST_AUTO_TEST_CASE(a_byline_no_class_names_is_read_by_its_words) {
  ExtractedPage page =
      Extract("byline_by_words.html", "http://blog.example/2008/02/12/ween-your-party/");
  BOOST_TEST(page.post.author == "eric");  // not "the time..." of the text, nor the licence's
}

BOOST_AUTO_TEST_CASE(a_byline_in_the_meta_block_of_an_entry_wrapper_names_the_author) {
  // The theme's "entry" wraps title, text and meta: its "Posted by" line
  // counts, its paragraph and list item opening with "By" do not.
  ExtractedPage page =
      Extract("byline_inside_entry_wrapper.html", "http://porch.example/2006/09/14/rate-case/");
  BOOST_TEST(page.post.author == "becky");
}

BOOST_AUTO_TEST_CASE(a_date_then_by_line_names_the_author) {
  ExtractedPage page =
      Extract("date_then_by_line.html", "http://widgets.example/blog/2010/09/27/clearing-floats/");
  BOOST_TEST(page.post.author == "Thierry Vale");
}

BOOST_AUTO_TEST_CASE(comment_items_in_indented_wrappers_thread_by_the_indentation) {
  // Each comment in a wrapper of its own, indented by inline style; the
  // "comment-body" holds the words only, inside the meta block.
  ExtractedPage page =
      Extract("indented_comment_wrappers.html", "https://lakediary.example/68317.html");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "Summer at the lake");
  BOOST_REQUIRE(page.comments.size() == 3u);
  BOOST_TEST(page.comments[0].author == "sunnyday");
  BOOST_TEST(page.comments[0].text == "What a lovely afternoon that was.");
  BOOST_TEST(page.comments[0].published == "2007-10-03T20:34:00");
  BOOST_TEST(page.comments[1].parent_id == page.comments[0].id);
  BOOST_TEST(page.comments[1].text == "It was, we should go again next year.");
  BOOST_TEST(page.comments[2].parent_id.empty());
}

BOOST_AUTO_TEST_CASE(a_comment_by_line_after_the_text_names_the_writer_not_a_quoted_cite) {
  // "Comment by NAME — DATE" closes each item, linked or in plain words; a
  // <cite> quoted in a sentence of the text is no name.
  ExtractedPage page =
      Extract("byline_after_the_text.html", "http://widgets.example/blog/2010/09/floats/");
  BOOST_REQUIRE(page.comments.size() == 3u);
  BOOST_TEST(page.comments[0].author == "Jorge");
  BOOST_TEST(page.comments[1].author == "Thierry Vale");
  BOOST_TEST(page.comments[2].author == "unwiredbrain");
  BOOST_TEST(page.comments[2].published == "2010-10-28");
}

BOOST_AUTO_TEST_CASE(a_bare_name_in_an_author_block_names_the_writer_not_the_items_flags) {
  // "comment-author-vcard" holds the name as bare text; the item's own
  // "comment-author-house-owner" flag names no one.
  ExtractedPage page =
      Extract("bare_name_in_author_block.html", "https://house.example/avoiding-fossil-fuels/");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "John Christophers");
  BOOST_TEST(page.comments[1].author == "Nigel Lloyd");
}

BOOST_AUTO_TEST_CASE(a_posted_by_line_ends_the_name_before_its_category) {
  ExtractedPage page =
      Extract("posted_by_under_category.html", "https://papeles.example/blog/2007/01/25/din-a4/");
  BOOST_TEST(page.post.author == "Satya");  // not "Satya under Papel"
}

BOOST_AUTO_TEST_CASE(a_meta_line_of_the_post_ends_in_its_author) {
  // "Filed Under: inside by Steve - 2 Comments": not the photo's credit
  // before it, nor a comment's "by leaps and bounds".
  ExtractedPage page = Extract("meta_line_byline.html", "http://wrens.example/2009/09/18/chalk/");
  BOOST_TEST(page.post.author == "Steve");
}

BOOST_AUTO_TEST_CASE(teasers_in_an_aside_do_not_make_a_post_a_listing) {
  // SPIP: other articles teased in div#aside; its forum names writers
  // ", par NAME" and threads by rel=bookmark and rel=in-reply-to links.
  ExtractedPage page = Extract("spip_forum.html", "http://mag.example/magazine/diner");
  BOOST_TEST(page.has_post);
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Gérard");
  BOOST_TEST(page.comments[0].id == "forum501");
  BOOST_TEST(page.comments[1].author == "Phile");
  BOOST_TEST(page.comments[1].parent_id == "forum501");
}

BOOST_AUTO_TEST_CASE(layout_classes_on_body_do_not_make_the_page_chrome) {
  // <body class="... sidebar ...">: the page has a sidebar, it is not one.
  ExtractedPage page = Extract("layout_classes_on_body.html", "http://yum.example/martha/");
  BOOST_TEST(page.has_post);
  BOOST_TEST(page.post.author == "Lolo");
  BOOST_TEST(page.post.text.find("met the whole crew") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_body_postid_names_the_post_among_related_teasers) {
  ExtractedPage page = Extract("related_post_teasers.html", "http://news.example/2016/12/rookie/");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "Rookie officer stops the van");
  BOOST_TEST(page.post.author == "Jack Davis");
  BOOST_TEST(page.post.text.find("another story") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_webpage_in_a_json_ld_graph_names_the_author) {
  ExtractedPage page =
      Extract("yoast_written_by.html", "https://blog.example/2012/03/september-4/");
  BOOST_TEST(page.post.author == "Molly W.");  // the graph, before Twitter's "Written by"
}

BOOST_AUTO_TEST_CASE(commenters_named_the_ways_themes_name_them) {
  ExtractedPage page = Extract("comment_author_forms.html", "http://blog.example/2009/03/bylines/");
  BOOST_REQUIRE(page.comments.size() == 6u);
  BOOST_TEST(page.comments[0].author == "malina.");          // without the permalink's date
  BOOST_TEST(page.comments[1].author == "brianna charron");  // not the bypostauthor item
  BOOST_TEST(page.comments[2].author == "enrique");
  BOOST_TEST(page.comments[3].author == "charliemic");
  BOOST_TEST(page.comments[3].author_url == "http://blog.example/user/4253");
  BOOST_TEST(page.comments[4].author == "Leslie Levy");
  BOOST_TEST(page.comments[5].author == "Roland Lopes");
}

BOOST_AUTO_TEST_CASE(a_term_list_names_its_commenters_and_an_opening_anchor_threads_a_reply) {
  ExtractedPage page =
      Extract("term_list_comments.html", "http://two-in-seoul.example/2009/10/photo-fun/");
  BOOST_REQUIRE(page.comments.size() == 4u);
  BOOST_TEST(page.comments[0].author == "Kathy Example");  // <strong> in the <dt>
  BOOST_TEST(page.comments[1].author == "Bill Sample");    // "NAME replied:"
  BOOST_TEST(page.comments[2].author == "Chad");
  BOOST_TEST(page.comments[0].parent_id == "");
  BOOST_TEST(page.comments[1].parent_id == "");
  // "@Bill Sample" opens the text and links to Bill's comment.
  BOOST_TEST(page.comments[2].parent_id == "comment-667");
  // A link to a comment inside the text is a reference, not a reply.
  BOOST_TEST(page.comments[3].author == "Dana Sample");
  BOOST_TEST(page.comments[3].parent_id == "");
}

BOOST_AUTO_TEST_CASE(paragraphs_wrapped_as_comments_are_the_text_of_the_comment_around_them) {
  ExtractedPage page =
      Extract("paragraph_wrappers.html", "http://werkbank.example/2009/08/sauberer-code-1/");
  BOOST_REQUIRE(page.comments.size() == 1u);
  BOOST_TEST(page.comments[0].author == "Christa Beispiel");
  BOOST_TEST(page.comments[0].text ==
             "Schöne Zusammenfassung, nur zwei Ergänzungen.\n\nDreimal schreiben heißt: umbauen.");
  // The pingback's source is the citing page, not the theme's icon link to this one.
  BOOST_REQUIRE(page.trackbacks.size() == 1u);
  BOOST_TEST(page.trackbacks[0].source_url == "http://werkbank.example/2009/11/sauberer-code-2/");
}

BOOST_AUTO_TEST_CASE(a_signed_item_dated_by_its_permalink_and_a_ping_known_by_its_label) {
  ExtractedPage page = Extract("signed_items_and_labelled_pings.html",
                               "http://notebook.example/2008/04/shell-history");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Piano Hacker");
  BOOST_TEST(page.comments[0].published == "2008-04-15T12:37:00");  // the permalink's title
  BOOST_TEST(page.comments[0].text == "Mostly cd and ls, then git and make.");  // no signature
  BOOST_TEST(page.comments[1].author == "Stef Example");
  BOOST_TEST(page.comments[1].published == "2008-04-15T13:17:00");
  BOOST_REQUIRE(page.trackbacks.size() == 2u);
  BOOST_TEST(page.trackbacks[0].source_url == "http://lucas.example/2008/04/15/shell-history/");
  BOOST_TEST((page.trackbacks[0].kind == LinkbackKind::kPingback));
  BOOST_TEST((page.trackbacks[1].kind == LinkbackKind::kTrackback));
}

BOOST_AUTO_TEST_CASE(names_and_labels_inside_a_comments_text_are_not_its_byline) {
  ExtractedPage page = Extract("text_that_looks_like_a_byline.html",
                               "http://lamplight.example/2005/03/comics-and-the-web/");
  BOOST_REQUIRE(page.comments.size() == 2u);        // a link saying "TrackBack" labels nothing
  BOOST_TEST(page.comments[0].author == "Rose");    // not the <cite>d title
  BOOST_TEST(page.comments[1].author == "Steven");  // not "powered by <a>Blogger</a>"
  BOOST_TEST(page.trackbacks.empty());
}

BOOST_AUTO_TEST_CASE(a_blank_cite_of_the_layout_names_no_commenter) {
  ExtractedPage page =
      Extract("blank_cite_beside_author.html", "http://anamnesis.example/2009/07/mates/");
  BOOST_REQUIRE(page.comments.size() == 1u);
  BOOST_TEST(page.comments[0].author == "Culoman");
  BOOST_TEST(page.comments[0].published == "2009-07-28T08:23:00");
}

BOOST_AUTO_TEST_CASE(pings_in_boxes_named_for_them_are_linkbacks_beside_the_comments) {
  ExtractedPage page = Extract("ping_boxes.html", "http://tooltips.example/2009/11/beta-9/");
  BOOST_REQUIRE(page.comments.size() == 1u);
  BOOST_TEST(page.comments[0].author == "Mara Example");
  BOOST_REQUIRE(page.trackbacks.size() == 2u);
  BOOST_TEST(page.trackbacks[0].source_url ==
             "http://social.example/conversations/tooltips/beta-9/");
  BOOST_TEST((page.trackbacks[0].kind == LinkbackKind::kTrackback));
  BOOST_TEST(page.trackbacks[1].source_url == "http://other.example/2009/11/tooltips-beta/");
  BOOST_TEST((page.trackbacks[1].kind == LinkbackKind::kPingback));
}

BOOST_AUTO_TEST_CASE(a_date_inside_the_author_block_is_no_part_of_the_name) {
  ExtractedPage page = Extract("date_inside_author_block.html", "http://mova.example/pryvit-svit/");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Коментатор WordPress");
  BOOST_TEST(page.comments[0].published == "2021-08-14");
  // An unmarked <small> with a date whose order the page does not tell.
  BOOST_TEST(page.comments[1].author == "Maik");
}

BOOST_AUTO_TEST_CASE(the_classic_themes_filed_under_line_names_the_post_author) {
  // No class names the post's block: the block around the heading, the
  // meta line and the text is it; the site's author meta names two people.
  ExtractedPage page = Extract("classic_meta_line.html", "http://lost.example/2005/05/28/anyone/");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.author == "Geoff");
  BOOST_REQUIRE(page.comments.size() == 1u);
  BOOST_TEST(page.comments[0].author == "librarygrrrl");
  BOOST_TEST(page.comments[0].published == "2005-05-29T08:24:00");
}

BOOST_AUTO_TEST_CASE(a_declared_platform_is_not_read_with_another_platforms_markup) {
  // WordPress.com with a layout column whose id ("c2") is Movable Type's
  // comment id form, and only the reply form in its comment section.
  ExtractedPage page =
      Extract("layout_id_like_a_comment.html", "https://art.example/2009/serpent/");
  BOOST_TEST(page.platform == "wordpresscom");
  BOOST_TEST(page.comments.empty());
}

BOOST_AUTO_TEST_CASE(a_wordpress_com_reblog_is_a_linkback_from_the_reblogging_post) {
  ExtractedPage page = Extract("comment_author_forms.html", "http://blog.example/2009/03/bylines/");
  BOOST_REQUIRE(page.trackbacks.size() == 2u);
  BOOST_TEST(page.trackbacks[0].source_url == "http://impybat.example/2012/08/21/3956/");
  BOOST_TEST(page.trackbacks[0].title == "Impybat's Emporium");
  BOOST_TEST(page.comments.size() == 6u);
}

BOOST_AUTO_TEST_CASE(an_entry_labelled_pingback_is_a_linkback_without_excerpt_marks) {
  ExtractedPage page = Extract("comment_author_forms.html", "http://blog.example/2009/03/bylines/");
  BOOST_REQUIRE(page.trackbacks.size() == 2u);
  BOOST_TEST(page.trackbacks[1].source_url == "http://other.example/p/");
  BOOST_TEST(std::string(ToString(page.trackbacks[1].kind)) == "pingback");
}

BOOST_AUTO_TEST_CASE(a_listing_gets_no_post_and_no_comments_from_its_sidebar) {
  ExtractedPage page = Extract("listing_with_bylines.html", "http://blog.example/");
  BOOST_TEST(!page.has_post);
  BOOST_TEST(page.comments.empty());
  BOOST_TEST(page.trackbacks.empty());
}

BOOST_AUTO_TEST_CASE(unmarked_names_are_read_from_the_element_the_linked_names_fill) {
  ExtractedPage page = Extract("sibling_slot_names.html", "http://blog.example/2009/02/puyer/");
  BOOST_REQUIRE(page.comments.size() == 3u);
  BOOST_TEST(page.comments[0].author == "Rina");
  BOOST_TEST(page.comments[1].author == "Hilda Iriany");
  BOOST_TEST(page.comments[2].author == "Samsul");
}

BOOST_AUTO_TEST_CASE(an_unlinked_name_sits_between_the_words_the_linked_names_have) {
  ExtractedPage page = Extract("sibling_says_names.html", "http://blog.example/2005/07/exile/");
  BOOST_REQUIRE(page.comments.size() == 3u);
  BOOST_TEST(page.comments[1].author == "zack soto");
  BOOST_TEST(page.comments[2].author == "Gail Example");  // not its "Permalink"
}

BOOST_AUTO_TEST_CASE(a_linked_name_beside_a_date_leaves_the_others_to_the_shared_byline) {
  ExtractedPage page = Extract("sibling_meta_names.html", "http://notes.example/2008/07/chat/");
  BOOST_REQUIRE(page.comments.size() == 3u);
  BOOST_TEST(page.comments[0].author == "afon");
  BOOST_TEST(page.comments[1].author == "hhochy");
  BOOST_TEST(page.comments[2].author == "Andrey Example");
}

BOOST_AUTO_TEST_CASE(unmarked_names_are_the_words_the_shared_bylines_do_not_repeat) {
  ExtractedPage page =
      Extract("sibling_byline_names.html", "http://blog.example/2010/03/canberra/");
  BOOST_REQUIRE(page.comments.size() == 4u);
  BOOST_TEST(page.comments[0].author == "fabienne");
  BOOST_TEST(page.comments[1].author == "Jan de Vries");
  BOOST_TEST(page.comments[2].author == "Nicole");
  BOOST_TEST(page.comments[3].author == "Luba & Wim");
  BOOST_TEST(page.comments[1].published == "2010-03-23");
}

BOOST_AUTO_TEST_CASE(a_comment_list_of_its_own_makes_a_blog_classed_page_a_post) {
  ExtractedPage page =
      Extract("blog_class_post_with_comments.html", "http://camp.example/blog/2010/08/28/reply/");
  BOOST_TEST(page.has_post);
  // "Post » Site": the side the site's heading (a link to "/") names.
  BOOST_TEST(page.post.title == "A reply to the columnist");
  BOOST_REQUIRE(page.comments.size() == 4u);
  // "NAME on <a>DATE</a>" after the text: the words the bylines share
  // around the name, even where a text holds a date of its own.
  BOOST_TEST(page.comments[0].author == "Pat");
  BOOST_TEST(page.comments[2].author == "Reality check");
  BOOST_TEST(page.comments[3].author == "Edinburger");
  BOOST_TEST(page.comments[3].published == "2010-09-01");
}

BOOST_AUTO_TEST_CASE(the_authors_own_comment_names_a_post_no_byline_names) {
  ExtractedPage page =
      Extract("author_known_by_own_comment.html", "http://notes.example/2012/07/gitolite/");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.author == "Phil Example");  // li.bypostauthor
}

BOOST_AUTO_TEST_CASE(a_bold_name_before_a_says_word_is_the_commenter) {
  ExtractedPage page =
      Extract("bold_name_before_says_word.html", "http://mahom.example/2010/02/ring/");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "jens");  // "<strong><a>NAME</a></strong> sagte,"
  BOOST_TEST(page.comments[1].author == "Cooper");
}

BOOST_AUTO_TEST_CASE(a_trackback_shown_as_a_comment_is_a_linkback_from_the_citing_post) {
  ExtractedPage page =
      Extract("trackback_shown_as_comment.html", "http://blog.example/2008/02/ajax-struts/");
  BOOST_REQUIRE(page.trackbacks.size() == 1u);
  BOOST_TEST(page.trackbacks[0].source_url ==
             "http://zero.example/blog/index.php/2006/01/23/110-ajax-struts");
  BOOST_TEST(page.trackbacks[0].title == "The weblog of Seb");
  BOOST_TEST(std::string(ToString(page.trackbacks[0].kind)) == "trackback");
}

BOOST_AUTO_TEST_CASE(a_reblog_shown_as_a_comment_keeps_its_replies) {
  ExtractedPage page =
      Extract("reblog_with_reply.html", "https://notes.example/2012/02/14/purple-sunbird/");
  BOOST_REQUIRE(page.trackbacks.size() == 1u);
  BOOST_TEST(page.trackbacks[0].source_url == "http://havehest.example/2012/02/14/purple-sunbird/");
  BOOST_TEST(page.trackbacks[0].title == "With the Sky as the Ceiling");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Hindupur");  // the answer to the reblog
  BOOST_TEST(page.comments[1].author == "Ray");
}

BOOST_AUTO_TEST_CASE(a_bold_opening_under_a_link_to_a_home_page_stays_a_comment) {
  ExtractedPage page =
      Extract("trackback_shown_as_comment.html", "http://blog.example/2008/02/ajax-struts/");
  BOOST_REQUIRE(page.comments.size() == 3u);
  BOOST_TEST(page.comments[1].author == "Maria");
}

BOOST_AUTO_TEST_CASE(a_name_may_hold_digits_that_are_no_number_or_date) {
  ExtractedPage page =
      Extract("trackback_shown_as_comment.html", "http://blog.example/2008/02/ajax-struts/");
  BOOST_REQUIRE(page.comments.size() == 3u);
  BOOST_TEST(page.comments[0].author == "jacker8888");
}

BOOST_AUTO_TEST_CASE(a_card_name_leaves_out_the_permalink_button_and_separators) {
  ExtractedPage page =
      Extract("trackback_shown_as_comment.html", "http://blog.example/2008/02/ajax-struts/");
  BOOST_REQUIRE(page.comments.size() == 3u);
  BOOST_TEST(page.comments[2].author == "Angi");
  BOOST_TEST(page.comments[2].published == "2008-02-21T17:39:00");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph
