// Forum threads: the first message on a thread's first page is the post,
// the others its comments; a later page holds comments only. Threads of
// packages no reader knows are read by the structure of their messages.
#include <boost/test/unit_test.hpp>
#include <string>
#include <string_view>

#include "parsers/parsers.h"
#include "tests/parsers/fixture_page.h"

namespace linkgraph {
namespace LINKGRAPH_FILE_SCOPE {

ExtractedPage Extract(const std::string& name, const std::string& url) {
  return testing::ExtractFixture("forums", name, url);
}

// text with every from replaced by to.
std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
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

BOOST_AUTO_TEST_CASE(a_thread_of_an_unknown_package_is_read_by_its_messages_structure) {
  // The opening post set apart before the replies, and a guest's reply with
  // no profile to link.
  ExtractedPage page = Extract("structural_thread.html", "http://forum.example/threads/show.9/");
  BOOST_TEST(page.has_post);
  BOOST_TEST(page.comments_source == "forum messages found by their structure");
  BOOST_TEST(page.post.title == "Meeting up at the spring show");
  BOOST_TEST(page.post.author == "hazel");
  BOOST_TEST(page.post.published.starts_with("2016-04-12T09:05"));
  BOOST_TEST(page.post.text.find("finally meet a few of you") != std::string::npos);
  BOOST_REQUIRE(page.comments.size() == 3u);
  BOOST_TEST(page.comments[0].author == "Robin");  // the name, not the avatar's letter
  BOOST_TEST(page.comments[0].author_url == "http://forum.example/members/robin.7/");
  BOOST_TEST(page.comments[0].id == "js-post-102");
  BOOST_TEST(page.comments[0].text ==
             "I will be there with my sister, we met Ann at last year's show too.");
  BOOST_TEST(page.comments[1].author == "A guest");
  BOOST_TEST(page.comments[1].published.starts_with("2016-04-12T12:00"));
  BOOST_TEST(page.comments[2].author == "hazel");
  BOOST_TEST(page.comments[2].parent_id.empty());
}

BOOST_AUTO_TEST_CASE(a_posters_join_date_is_not_the_date_of_the_message) {
  // The profile column ("Joined: DATE") comes before the message's own
  // date in the page; its short line is no message date.
  ExtractedPage page =
      Extract("profile_join_dates.html", "http://board.example/viewtopic.php?t=12");
  BOOST_TEST(page.comments_source == "forum messages found by their structure");
  BOOST_TEST(page.post.published.starts_with("2018-04-07T16:53"));
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Oskar");
  BOOST_TEST(page.comments[0].published.starts_with("2018-06-13T16:55"));
  BOOST_TEST(page.comments[1].published.starts_with("2018-06-13T18:05"));
}

BOOST_AUTO_TEST_CASE(a_phpbb2_template_with_the_text_in_its_own_row_reads_each_message_once) {
  // Templates derived from subSilver give the name and details a row and
  // the text the next; the poster column's "Anmeldungsdatum" is no date of
  // the message, and <title> ends with the thread's title, in German.
  ExtractedPage page =
      Extract("phpbb2_split_rows.html", "http://garten.example/viewtopic.php?t=101");
  BOOST_TEST(page.platform == "phpbb");
  BOOST_TEST(page.post.title == "42 - Erbsen im Winter");
  BOOST_TEST(page.post.author == "Gretel");
  BOOST_TEST(page.post.published.starts_with("2005-03-18T12:34"));
  BOOST_TEST(page.post.text.find("im Verein getroffen") != std::string::npos);
  BOOST_REQUIRE(page.comments.size() == 1u);
  BOOST_TEST(page.comments[0].author == "Hans");
  BOOST_TEST(page.comments[0].published.starts_with("2005-03-18T13:51"));
  BOOST_TEST(page.comments[0].text == "Ja, unter Vlies klappt das gut.");
}

BOOST_AUTO_TEST_CASE(a_forum_rendered_as_static_pages_is_read_by_its_numbered_signed_messages) {
  // No profile links, ids "post-N" as WordPress gives its teasers, but each
  // record names its writer and none is headed by a link to another page.
  ExtractedPage page =
      Extract("static_forum_copy.html", "http://archive.example/topics/12/seed-bank/");
  BOOST_TEST(page.comments_source == "forum messages found by their structure");
  BOOST_TEST(page.post.title == "Finishing the seed bank");
  BOOST_TEST(page.post.author == "Marigold");
  BOOST_TEST(page.post.published.starts_with("2017-08-14T06:55"));
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Oskar");
  BOOST_TEST(page.comments[1].author == "Hazel");
  BOOST_TEST(page.comments[1].published.starts_with("2017-08-15T19:40"));
  BOOST_TEST(page.comments[1].id == "post-1992");
}

BOOST_AUTO_TEST_CASE(a_bbpress_topic_inside_a_wordpress_page_is_read_as_a_thread) {
  // WordPress finds a post and no comments; the messages are a forum run
  // whose dates sit in a header block before each one, and whose last
  // message is too short to start a run of its own.
  ExtractedPage page =
      Extract("bbpress_topic.html", "http://allotment.example/forums/topic/seed-drill/");
  BOOST_TEST(page.comments_source == "forum messages found by their structure");
  BOOST_TEST(page.post.title == "Sharing the seed drill");
  BOOST_TEST(page.post.author == "marigold");
  BOOST_TEST(page.post.published.starts_with("2014-10-21T00:46"));
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Oskar");
  BOOST_TEST(page.comments[0].published.starts_with("2014-10-21T08:56"));
  BOOST_TEST(page.comments[0].id == "post-2205");
  BOOST_TEST(page.comments[1].text == "Super!");
  BOOST_TEST(page.comments[1].published.starts_with("2014-10-21T19:13"));
}

BOOST_AUTO_TEST_CASE(a_posts_slug_that_holds_the_word_profiles_is_no_profile_link) {
  // "/2008/06/bike-profiles-lsn/" links the post to itself: no forum run
  // of one writer's messages.
  ExtractedPage post = testing::ExtractFixture("structure", "profiles_in_the_slug.html",
                                               "http://plans.example/2008/06/bike-profiles-lsn/");
  BOOST_TEST(post.has_post);
  BOOST_TEST(post.comments.empty());
}

BOOST_AUTO_TEST_CASE(a_profile_button_names_no_writer_the_username_block_does) {
  // The only profile links are buttons ("Profile", "Send PM"); the name is
  // div.username, inside a user block that also holds rank and join date.
  ExtractedPage page =
      Extract("profile_buttons.html", "http://zaibatsu.example/showthread.php?t=5");
  BOOST_TEST(page.comments_source == "forum messages found by their structure");
  BOOST_TEST(page.post.author == "Marigold");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Oskar");
  BOOST_TEST(page.comments[1].author == "Hazel");
  BOOST_TEST(page.comments[1].published.starts_with("2013-05-13T07:12"));
}

BOOST_AUTO_TEST_CASE(a_members_profile_page_is_no_thread) {
  // The about box (dated by "Joined"), the panel's links and one comment
  // listed from elsewhere share a parent's profile links; no block before
  // them is a message's header.
  ExtractedPage page =
      Extract("member_profile_page.html", "http://allotment.example/profile/comments/7/marigold");
  BOOST_TEST(page.comments.empty());
  BOOST_TEST(page.comments_source != "forum messages found by their structure");
}

BOOST_AUTO_TEST_CASE(a_static_forums_posted_on_by_line_signs_its_messages) {
  ExtractedPage page =
      Extract("static_forum_posted_by.html", "http://asm.example/forum/thread-12.html");
  BOOST_TEST(page.comments_source == "forum messages found by their structure");
  BOOST_TEST(page.post.author == "NOP-erator");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "latigo");
  BOOST_TEST(page.comments[1].author == "Ernie");
  BOOST_TEST(page.comments[1].published.starts_with("2001-09-11T15:11"));
}

BOOST_AUTO_TEST_CASE(on_a_later_page_of_an_unknown_package_every_message_is_a_comment) {
  for (const char* url : {"http://forum.example/threads/show.9/page-2",
                          "http://forum.example/threads/show.9/page2.html",
                          "http://forum.example/viewtopic.php?t=9&start=15"}) {
    ExtractedPage page = Extract("structural_thread.html", url);
    BOOST_TEST_CONTEXT(url) {
      BOOST_TEST(page.post.author.empty());  // the opening post is on page 1
      BOOST_TEST(page.post.title == "Meeting up at the spring show");
      BOOST_REQUIRE(page.comments.size() == 4u);
      BOOST_TEST(page.comments[0].author == "hazel");
    }
  }
  // A message's own link ("?p=102") is no later page.
  ExtractedPage first =
      Extract("structural_thread.html", "http://forum.example/viewtopic.php?p=102");
  BOOST_TEST(first.post.author == "hazel");
  BOOST_TEST(first.comments.size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_thread_whose_messages_each_link_their_own_heading_is_no_listing) {
  // phpBB 3's prosilver: each message's h3 links to the message itself
  // ("viewtopic.php?p=503#p503"), and the menu's "memberlist.php" is no
  // member's profile. Saved as a file, its links stay on its site.
  for (const char* url :
       {"https://forum.example/phpbb/viewtopic.php?t=77", "file:///saved/prosilver_thread.html"}) {
    ExtractedPage page = Extract("prosilver_thread.html", url);
    BOOST_TEST_CONTEXT(url) {
      BOOST_TEST(page.comments_source == "forum messages found by their structure");
      BOOST_TEST(page.post.author == "El toro");
      BOOST_TEST(page.post.published.starts_with("2020-06-04T17:51"));
      BOOST_REQUIRE(page.comments.size() == 2u);
      BOOST_TEST(page.comments[0].author == "type21");
      BOOST_TEST(page.comments[0].id == "p503");
      BOOST_TEST(page.comments[1].author == "El toro");
      BOOST_TEST(page.comments[1].text.find("see you at the summer meet") != std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_saved_later_page_is_known_by_its_title) {
  // A saved copy's own address says nothing; "Page 2" in its title does.
  ExtractedPage page = Extract("later_page_by_title.html", "file:///saved/showthread.html");
  BOOST_TEST(page.post.author.empty());  // the opening post is on page 1
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Marigold");
  BOOST_TEST(page.comments[1].author == "Basil");
}

BOOST_AUTO_TEST_CASE(a_thread_in_a_moderation_form_with_rank_badges_is_read) {
  // XenForo 1: the list sits in a moderation <form>, profile links are
  // relative ("members/robin.7/"), the writer's heading carries a rank
  // badge linking elsewhere, and the date (with its time in a title) sits
  // under the text.
  ExtractedPage page = Extract("xenforo1_thread.html", "file:///saved/thread.html");
  BOOST_TEST(page.comments_source == "forum messages found by their structure");
  BOOST_TEST(page.post.author == "hazel");
  BOOST_TEST(page.post.published.starts_with("2016-04-12T09:05"));
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Robin");
  BOOST_TEST(page.comments[0].published.starts_with("2016-04-12T10:40"));
  BOOST_TEST(page.comments[1].author == "hazel");
  BOOST_TEST(page.comments[1].text == "Wonderful, see you all by the tea tent at eleven.");
}

BOOST_AUTO_TEST_CASE(boxes_around_the_thread_are_no_opening_message) {
  // Records share a utility class ("ipsBox") with a notice before them and
  // with the box around the whole thread; only their own ("cPost") counts.
  ExtractedPage page = Extract("boxed_thread.html", "https://pirates.example/topic/5-wake-up/");
  BOOST_TEST(page.post.author == "Graf");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "admin");
  BOOST_TEST(page.comments[1].author == "Graf");
}

BOOST_AUTO_TEST_CASE(records_nested_in_a_message_are_replies_to_it) {
  // vBulletin 5: a reply's comments are records of the same kind inside
  // it, in a page whose every part is a widget.
  ExtractedPage page = Extract("nested_comments_thread.html", "http://forum.example/t/11-question");
  BOOST_TEST(page.post.author == "South");
  BOOST_REQUIRE(page.comments.size() == 3u);
  BOOST_TEST(page.comments[0].author == "Christine");
  BOOST_TEST(page.comments[0].text.find("Ben") == std::string::npos);  // not its reply's words
  BOOST_TEST(page.comments[1].author == "Ben");
  BOOST_TEST(page.comments[1].parent_id == page.comments[0].id);
  BOOST_TEST(page.comments[1].published.starts_with("2017-02-21T10:00"));
  BOOST_TEST(page.comments[2].author == "Nycto");
  BOOST_TEST(page.comments[2].parent_id.empty());
}

BOOST_AUTO_TEST_CASE(a_forum_listing_is_not_read_as_a_thread) {
  // Rows with a writer's profile link and a date, each headed by the link
  // to the thread it lists.
  ExtractedPage page = Extract("structural_listing.html", "http://forum.example/categories/public");
  BOOST_TEST(page.comments.empty());
  BOOST_TEST(!page.has_post);
}

BOOST_AUTO_TEST_CASE(smf2_thread_gives_guests_and_members_with_their_header_dates) {
  ExtractedPage page = Extract("smf2_thread.html", "https://game.example/index.php?topic=669.0");
  BOOST_TEST(page.platform == "smf");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.author == "empo");
  BOOST_TEST(page.post.published == "2011-04-24T22:37:12");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "Dopeman");  // a guest: no profile link
  BOOST_TEST(page.comments[0].author_url == "");
  BOOST_TEST(page.comments[0].id == "msg4877");
  BOOST_TEST(page.comments[0].published == "2011-04-24T22:48:56");
  BOOST_TEST(page.comments[1].author == "empo");
  BOOST_TEST(page.comments[1].author_url == "https://game.example/index.php?action=profile;u=44");
  BOOST_TEST(page.comments[1].published == "2011-04-25T08:02:10");  // not the quote's date
}

BOOST_AUTO_TEST_CASE(smf1_table_thread_gives_its_writers_and_dates) {
  ExtractedPage page = Extract("smf1_thread.html", "https://coins.example/index.php?topic=11.0");
  BOOST_TEST(page.platform == "smf");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.author == "Theymos");
  BOOST_TEST(page.post.published == "2010-05-31T18:52:05");
  BOOST_REQUIRE(page.comments.size() == 1u);
  BOOST_TEST(page.comments[0].author == "lfm");
  BOOST_TEST(page.comments[0].published == "2010-06-01T09:15:44");
  BOOST_TEST(page.comments[0].text == "Does escrow through a third person count as owning it?");
}

BOOST_AUTO_TEST_CASE(numbered_messages_without_profile_links_are_a_thread) {
  // A copy saved by a visitor who may not see profiles: no writer is
  // linked; the messages are numbered (p1384262) and each names its writer
  // in bold beside a rank ("Member").
  ExtractedPage page =
      Extract("numbered_guest_thread.html", "https://bbs.example/viewtopic.php?id=177777");
  BOOST_TEST(page.comments_source == "forum messages found by their structure");
  BOOST_TEST(page.post.author == "syamajala");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "zosodk69");
  BOOST_TEST(page.comments[0].id == "p1386246");
  BOOST_TEST(page.comments[0].published == "2014-02-26T18:16:27");
  BOOST_TEST(page.comments[1].author == "carepack");
}

BOOST_AUTO_TEST_CASE(login_links_name_no_writer) {
  // "Login to post comments" under each comment links to user/login, a
  // path that looks like a member's page: it names no one.
  ExtractedPage page =
      Extract("login_links_are_no_writers.html", "http://family.example/node/107.html");
  BOOST_TEST(page.comments_source != "forum messages found by their structure");
  for (const Comment& comment : page.comments) BOOST_TEST(comment.author != "Login");
  BOOST_TEST(page.post.author != "Login");
}

BOOST_AUTO_TEST_CASE(a_saved_copy_with_absolute_links_is_read_as_the_site_its_forms_post_to) {
  // The prosilver thread as a browser's "Save page as" keeps it, read from
  // a file: no canonical link, every link absolute; the profile links name
  // the site that its search form posts to.
  std::string bytes =
      testing::ReadFile(testing::TestDataDir() / "parsers" / "forums" / "prosilver_thread.html");
  bytes = ReplaceAll(
      bytes, "<link rel=\"canonical\" href=\"https://forum.example/phpbb/viewtopic.php?t=77\">",
      "");
  bytes = ReplaceAll(bytes, "href=\"./", "href=\"https://forum.example/phpbb/");
  bytes = ReplaceAll(bytes, "<div id=\"wrap\" class=\"wrap\">",
                     "<div id=\"wrap\" class=\"wrap\"><form "
                     "action=\"https://forum.example/phpbb/search.php\"></form>");
  auto extracted = parsers::ExtractPage(bytes, "file:///saved/viewtopic.php.htm");
  BOOST_REQUIRE(extracted.ok());
  const ExtractedPage& page = extracted.value();
  BOOST_TEST(page.comments_source == "forum messages found by their structure");
  BOOST_TEST(page.post.author == "El toro");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].author == "type21");
}

BOOST_AUTO_TEST_CASE(boards_that_name_their_last_post_are_a_listing) {
  ExtractedPage page =
      Extract("board_index_last_posts.html", "http://game.example/forums/index.html");
  BOOST_TEST(page.comments.empty());
  BOOST_TEST(!page.has_post);
}

BOOST_AUTO_TEST_CASE(rows_whose_text_is_the_link_to_a_thread_are_a_listing) {
  // Each row's biggest block is the title's link itself, beside an
  // unlinked starter name; the profile link and date are the last poster's.
  ExtractedPage page =
      Extract("thread_title_rows.html", "http://forum.example/forumdisplay.php?f=14");
  BOOST_TEST(page.comments.empty());
  BOOST_TEST(!page.has_post);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph
