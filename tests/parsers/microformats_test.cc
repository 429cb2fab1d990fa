// microformats2 pages (IndieWeb sites, Jekyll themes): the main h-entry's
// post, p-comment h-cite replies threaded by nesting and u-in-reply-to,
// Webmention likes and reposts left out; classic hentry as the fallback.
#include <boost/test/unit_test.hpp>
#include <string>

#include "parsers/parsers.h"
#include "tests/support/test_paths.h"

namespace linkgraph {
namespace {

ExtractedPage Extract(const std::string& name, const std::string& url) {
  std::string bytes = testing::ReadFile(testing::TestDataDir() / "parsers" / "microformats" / name);
  auto page = parsers::ExtractPage(bytes, url);
  BOOST_REQUIRE_MESSAGE(page.ok(), name << ": " << (page.ok() ? "" : page.error().message));
  return std::move(page).value();
}

const char kThreadUrl[] = "https://mira.example/2023/04/kettle/";

BOOST_AUTO_TEST_SUITE(microformats)

BOOST_AUTO_TEST_CASE(post_is_the_main_h_entry_not_its_reply_context) {
  ExtractedPage page = Extract("reply_thread.html", kThreadUrl);
  BOOST_TEST(page.platform == "microformats");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "Kettle descaling, revisited");
  BOOST_TEST(page.post.author == "Mira Lindqvist");
  BOOST_TEST(page.post.published == "2023-04-02T09:15:00+02:00");
  BOOST_TEST(page.post.text.starts_with("Citric acid beats vinegar"));
  // The quoted post being replied to is context, not the body.
  BOOST_TEST(page.post.text.find("vinegar trick failed") == std::string::npos);
  int post_mentions = 0;
  for (const Mention& mention : page.mentions) {
    if (mention.in == MentionPlace::kPost) {
      ++post_mentions;
      BOOST_TEST(mention.handle == "hanna_k");
    }
  }
  BOOST_TEST(post_mentions == 1);
}

BOOST_AUTO_TEST_CASE(p_comment_items_are_comments_and_likes_are_not) {
  ExtractedPage page = Extract("reply_thread.html", kThreadUrl);
  BOOST_REQUIRE(page.comments.size() == 4u);
  for (const Comment& comment : page.comments) {
    BOOST_TEST(comment.author != "Rui Costa");  // the like
    BOOST_TEST(comment.author != "Ola Berg");   // the repost
  }
  BOOST_TEST(page.trackbacks.empty());
  const Comment& first = page.comments[0];
  BOOST_TEST(first.id == "reply-41");
  BOOST_TEST(first.permalink == std::string(kThreadUrl) + "#reply-41");
  BOOST_TEST(first.author == "Tobi Hart");
  BOOST_TEST(first.author_url == "https://social.example/@tobi");
  BOOST_TEST(first.published == "2023-04-02T10:01:00+00:00");
  BOOST_TEST(first.text == "Citric acid worked, thank you!");
  BOOST_TEST(first.position == 1);
}

BOOST_AUTO_TEST_CASE(comment_without_id_gets_a_stable_id_from_its_url) {
  ExtractedPage page = Extract("reply_thread.html", kThreadUrl);
  ExtractedPage again = Extract("reply_thread.html", kThreadUrl);
  BOOST_REQUIRE(page.comments.size() == 4u);
  const Comment& juno = page.comments[2];
  BOOST_TEST(juno.author == "Juno Park");
  BOOST_TEST(juno.id.starts_with("mention-"));
  BOOST_TEST(juno.id.size() > std::string("mention-").size());
  BOOST_TEST(juno.id == again.comments[2].id);
  BOOST_TEST(juno.id != page.comments[1].id);
}

BOOST_AUTO_TEST_CASE(nested_p_comment_and_in_reply_to_give_parents) {
  ExtractedPage page = Extract("reply_thread.html", kThreadUrl);
  BOOST_REQUIRE(page.comments.size() == 4u);
  BOOST_TEST(page.comments[0].parent_id == "");
  BOOST_TEST(page.comments[1].author == "Mira Lindqvist");
  BOOST_TEST(page.comments[1].parent_id == "reply-41");  // nested in the reply
  BOOST_TEST(page.comments[1].text == "Glad it did, @tobi.");
  BOOST_TEST(page.comments[2].parent_id == "");
  BOOST_TEST(page.comments[3].author == "Vik Rao");
  BOOST_TEST(page.comments[3].parent_id == page.comments[2].id);  // u-in-reply-to its u-url
}

BOOST_AUTO_TEST_CASE(h_cite_replies_in_a_webmentions_section_after_the_entry) {
  ExtractedPage page = Extract("webmentions_after_entry.html", "https://field.example/moss/");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "Notes on moss");
  BOOST_TEST(page.post.author == "Ada Quill");
  BOOST_REQUIRE(page.comments.size() == 1u);  // the u-like-of is a like
  BOOST_TEST(page.comments[0].author == "Fern Oduya");
  BOOST_TEST(page.comments[0].published == "2022-11-06T07:45:00+00:00");
  BOOST_TEST(page.comments[0].text == "Not in my garden: the south wall is green.");
}

BOOST_AUTO_TEST_CASE(comments_built_by_script_are_not_in_the_page) {
  ExtractedPage page =
      Extract("empty_webmentions.html", "https://bean.example/2021/03/14/pour-over/");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "Pour-over ratios");
  BOOST_TEST(page.post.author == "Sol");
  BOOST_TEST(page.post.published == "2021-03-14T00:00:00");
  BOOST_TEST(page.comments.empty());
  BOOST_TEST(page.trackbacks.empty());
  BOOST_TEST(page.mentions.empty());
}

BOOST_AUTO_TEST_CASE(note_title_is_never_a_nested_cards_name) {
  ExtractedPage page = Extract("note_without_name.html", "https://lee.example/2022/10/1/");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title != "Kim Ode");
  BOOST_TEST(page.post.title != "Lee Ames");
  BOOST_TEST(page.post.author == "Lee Ames");  // an img p-name gives its alt
  BOOST_TEST(page.post.text == "Bringing two tripods, if that helps.");
  BOOST_TEST(page.comments.empty());
}

BOOST_AUTO_TEST_CASE(classic_hentry_is_the_fallback) {
  ExtractedPage page = Extract("classic_hentry.html", "https://valley.example/bridges/");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "Old bridges of the valley");
  BOOST_TEST(page.post.author == "Ines Walder");
  BOOST_TEST(page.post.published == "2008-06-21T14:30:00+01:00");
  BOOST_TEST(page.post.text == "Three stone bridges remain; the fourth fell in 1951.");
  BOOST_TEST(page.comments.empty());
}

BOOST_AUTO_TEST_CASE(a_feed_of_several_entries_is_no_post) {
  ExtractedPage page = Extract("listing.html", "https://field.example/");
  BOOST_TEST(!page.has_post);
  BOOST_TEST(page.comments.empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace linkgraph
