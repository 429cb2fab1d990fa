// microformats2 pages (IndieWeb sites, Jekyll themes): the main h-entry's
// post, p-comment h-cite replies threaded by nesting and u-in-reply-to,
// Webmention likes, reposts and bookmarks kept with their kind and no text;
// classic hentry as the fallback.
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "parsers/parsers.h"
#include "tests/parsers/fixture_page.h"
#include "tests/support/test_paths.h"

namespace linkgraph {
namespace LINKGRAPH_FILE_SCOPE {

ExtractedPage Extract(const std::string& name, const std::string& url) {
  return testing::ExtractFixture("microformats", name, url);
}

// The comments with text, without the likes, reposts and bookmarks.
std::vector<Comment> TextComments(const ExtractedPage& page) {
  std::vector<Comment> texts;
  for (const Comment& comment : page.comments) {
    if (comment.kind == "comment") texts.push_back(comment);
  }
  return texts;
}

const char kThreadUrl[] = "https://mira.example/2023/04/kettle/";
const char kFacepileUrl[] = "https://plot14.example/2024/01/milk-jugs/";

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

BOOST_AUTO_TEST_CASE(p_comment_items_are_comments_and_likes_are_kept_as_likes) {
  ExtractedPage page = Extract("reply_thread.html", kThreadUrl);
  BOOST_REQUIRE(page.comments.size() == 6u);
  BOOST_TEST(page.comments[0].kind == "like");
  BOOST_TEST(page.comments[0].author == "Rui Costa");
  BOOST_TEST(page.comments[0].text == "");
  BOOST_TEST(page.comments[1].kind == "repost");
  BOOST_TEST(page.comments[1].author == "Ola Berg");
  const std::vector<Comment> texts = TextComments(page);
  BOOST_REQUIRE(texts.size() == 4u);
  BOOST_TEST(page.trackbacks.empty());
  const Comment& first = texts[0];
  BOOST_TEST(first.id == "reply-41");
  BOOST_TEST(first.permalink == std::string(kThreadUrl) + "#reply-41");
  BOOST_TEST(first.author == "Tobi Hart");
  BOOST_TEST(first.author_url == "https://social.example/@tobi");
  BOOST_TEST(first.published == "2023-04-02T10:01:00+00:00");
  BOOST_TEST(first.text == "Citric acid worked, thank you!");
  BOOST_TEST(first.position == 3);  // after the facepile's like and repost
}

BOOST_AUTO_TEST_CASE(comment_without_id_gets_a_stable_id_from_its_url) {
  ExtractedPage page = Extract("reply_thread.html", kThreadUrl);
  ExtractedPage again = Extract("reply_thread.html", kThreadUrl);
  const std::vector<Comment> texts = TextComments(page);
  BOOST_REQUIRE(texts.size() == 4u);
  const Comment& juno = texts[2];
  BOOST_TEST(juno.author == "Juno Park");
  BOOST_TEST(juno.id.starts_with("mention-"));
  BOOST_TEST(juno.id.size() > std::string("mention-").size());
  BOOST_TEST(juno.id == TextComments(again)[2].id);
  BOOST_TEST(juno.id != texts[1].id);
}

BOOST_AUTO_TEST_CASE(nested_p_comment_and_in_reply_to_give_parents) {
  ExtractedPage page = Extract("reply_thread.html", kThreadUrl);
  const std::vector<Comment> texts = TextComments(page);
  BOOST_REQUIRE(texts.size() == 4u);
  BOOST_TEST(texts[0].parent_id == "");
  BOOST_TEST(texts[1].author == "Mira Lindqvist");
  BOOST_TEST(texts[1].parent_id == "reply-41");  // nested in the reply
  BOOST_TEST(texts[1].text == "Glad it did, @tobi.");
  BOOST_TEST(texts[2].parent_id == "");
  BOOST_TEST(texts[3].author == "Vik Rao");
  BOOST_TEST(texts[3].parent_id == texts[2].id);  // u-in-reply-to its u-url
}

BOOST_AUTO_TEST_CASE(facepile_likes_and_reposts_are_kept_with_their_kind) {
  ExtractedPage page = Extract("facepile.html", kFacepileUrl);
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "Winter sowing in milk jugs");
  BOOST_REQUIRE(page.comments.size() == 4u);

  const Comment& petra = page.comments[0];  // p-like h-cite, a photo-only h-card
  BOOST_TEST(petra.kind == "like");
  BOOST_TEST(petra.id == "like-7");
  BOOST_TEST(petra.permalink == std::string(kFacepileUrl) + "#like-7");
  BOOST_TEST(petra.author == "Petra Hedge");
  BOOST_TEST(petra.author_url == "https://hedge.example/");
  BOOST_TEST(petra.published == "2024-01-21T08:10:00+00:00");
  BOOST_TEST(petra.text == "");
  BOOST_TEST(petra.parent_id == "");
  BOOST_TEST(petra.position == 1);

  const Comment& onno = page.comments[1];  // p-like h-cite without id, with u-url
  BOOST_TEST(onno.kind == "like");
  BOOST_TEST(onno.id.starts_with("mention-"));
  BOOST_TEST(onno.author == "Onno Weiss");
  BOOST_TEST(onno.author_url == "https://social.example/@onno");
  BOOST_TEST(onno.published == "");
  BOOST_TEST(onno.text == "");

  const Comment& tamsin = page.comments[2];  // an h-cite holding u-repost-of
  BOOST_TEST(tamsin.kind == "repost");
  BOOST_TEST(tamsin.author == "Tamsin Roe");
  BOOST_TEST(tamsin.published == "2024-01-22T19:30:00+00:00");
  BOOST_TEST(tamsin.text == "");
  BOOST_TEST(tamsin.parent_id == "");

  const Comment& reply = page.comments[3];
  BOOST_TEST(reply.kind == "comment");
  BOOST_TEST(reply.id == "reply-3");
  BOOST_TEST(reply.author == "Onno Weiss");
  BOOST_TEST(reply.text == "Do the jugs need holes in the bottom?");
  BOOST_TEST(reply.position == 4);

  // Stable ids: a second reading names every response the same.
  ExtractedPage again = Extract("facepile.html", kFacepileUrl);
  for (size_t i = 0; i < page.comments.size(); ++i) {
    BOOST_TEST(page.comments[i].id == again.comments[i].id);
  }
  BOOST_TEST(onno.id != tamsin.id);
  BOOST_TEST(page.mentions.empty());
}

BOOST_AUTO_TEST_CASE(h_cite_replies_in_a_webmentions_section_after_the_entry) {
  ExtractedPage page = Extract("webmentions_after_entry.html", "https://field.example/moss/");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.post.title == "Notes on moss");
  BOOST_TEST(page.post.author == "Ada Quill");
  BOOST_REQUIRE(page.comments.size() == 2u);
  BOOST_TEST(page.comments[0].kind == "comment");
  BOOST_TEST(page.comments[0].author == "Fern Oduya");
  BOOST_TEST(page.comments[0].published == "2022-11-06T07:45:00+00:00");
  BOOST_TEST(page.comments[0].text == "Not in my garden: the south wall is green.");
  // The u-like-of is a like: its "liked this" is no text of the author's.
  BOOST_TEST(page.comments[1].kind == "like");
  BOOST_TEST(page.comments[1].author == "Bo Lind");
  BOOST_TEST(page.comments[1].author_url == "https://bo.example/");
  BOOST_TEST(page.comments[1].text == "");
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

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph
