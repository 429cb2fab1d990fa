// SavePages: what a save writes and counts, re-saves and edits, and the read
// side that returns it.
#include <boost/test/unit_test.hpp>

#include "store/store.h"
#include "tests/store/store_fixtures.h"

namespace linkgraph::store_test {
namespace LINKGRAPH_FILE_SCOPE {

using store::SaveOutcome;

SaveOutcome Save(store::Store& db, const std::vector<PageToSave>& pages) {
  return Must(db.SavePages(pages));
}

// Compares every field, so a test states the whole outcome it expects.
void CheckOutcome(const SaveOutcome& actual, const SaveOutcome& expected) {
  BOOST_TEST(actual.pages_new == expected.pages_new);
  BOOST_TEST(actual.pages_changed == expected.pages_changed);
  BOOST_TEST(actual.pages_unchanged == expected.pages_unchanged);
  BOOST_TEST(actual.posts_new == expected.posts_new);
  BOOST_TEST(actual.comments_new == expected.comments_new);
  BOOST_TEST(actual.comments_updated == expected.comments_updated);
  BOOST_TEST(actual.trackbacks_new == expected.trackbacks_new);
  BOOST_TEST(actual.mentions_new == expected.mentions_new);
}

std::vector<std::string> Handles(store::Store& db) {
  std::vector<std::string> handles;
  for (const auto& stored : Must(db.Mentions())) handles.push_back(stored.mention.handle);
  return handles;
}

BOOST_AUTO_TEST_SUITE(save_pages)

BOOST_AUTO_TEST_CASE(first_save_counts_every_new_row) {
  auto db = OpenMemoryStore();
  CheckOutcome(Save(*db, {PostPage()}), SaveOutcome{1, 0, 0, 1, 2, 0, 2, 3});
  CheckCounts(Must(db->Count()), FixtureCounts());
}

BOOST_AUTO_TEST_CASE(resaving_identical_page_changes_nothing) {
  auto db = OpenMemoryStore();
  Save(*db, {PostPage()});
  CheckOutcome(Save(*db, {PostPage()}), SaveOutcome{0, 0, 1, 0, 0, 0, 0, 0});
  CheckCounts(Must(db->Count()), FixtureCounts());
}

BOOST_AUTO_TEST_CASE(rewrite_writes_the_extraction_of_an_unchanged_page) {
  auto db = OpenMemoryStore();
  Save(*db, {PostPage()});
  PageToSave reextracted = PostPage();
  reextracted.extracted->comments[0].text = "what a newer extractor reads";
  CheckOutcome(Save(*db, {reextracted}), SaveOutcome{0, 0, 1, 0, 0, 0, 0, 0});  // skipped
  BOOST_TEST(Must(db->Comments())[0].comment.text != "what a newer extractor reads");
  reextracted.rewrite = true;
  CheckOutcome(Save(*db, {reextracted}), SaveOutcome{0, 0, 1, 0, 0, 1, 0, 0});
  BOOST_TEST(Must(db->Comments())[0].comment.text == "what a newer extractor reads");
  CheckCounts(Must(db->Count()), FixtureCounts());
}

BOOST_AUTO_TEST_CASE(same_content_under_new_hash_counts_only_the_page) {
  auto db = OpenMemoryStore();
  Save(*db, {PostPage("hash-1")});
  CheckOutcome(Save(*db, {PostPage("hash-2")}), SaveOutcome{0, 1, 0, 0, 0, 0, 0, 0});
  CheckCounts(Must(db->Count()), FixtureCounts());
  BOOST_TEST(Must(db->FindPage(kPostUrl))->content_hash == "hash-2");
}

BOOST_AUTO_TEST_CASE(unchanged_page_refreshes_only_its_fetch_date) {
  auto db = OpenMemoryStore();
  Save(*db, {PostPage()});
  PageToSave again = PostPage();
  again.fetch.fetched_at = "2024-04-01T10:00:00Z";
  again.extracted->post.title = "ignored: the hash says nothing changed";
  CheckOutcome(Save(*db, {again}), SaveOutcome{0, 0, 1, 0, 0, 0, 0, 0});
  BOOST_TEST(Must(db->FindPage(kPostUrl))->fetched_at == "2024-04-01T10:00:00Z");
  BOOST_TEST(Must(db->Posts()).at(0).post.title == "A Weekend of Underground Restaurants");
}

BOOST_AUTO_TEST_CASE(same_page_twice_in_one_batch_is_new_then_unchanged) {
  auto db = OpenMemoryStore();
  CheckOutcome(Save(*db, {PostPage(), PostPage()}), SaveOutcome{1, 0, 1, 1, 2, 0, 2, 3});
  CheckCounts(Must(db->Count()), FixtureCounts());
}

BOOST_AUTO_TEST_CASE(empty_batch_saves_nothing) {
  auto db = OpenMemoryStore();
  CheckOutcome(Save(*db, {}), SaveOutcome{});
  CheckCounts(Must(db->Count()), store::Counts{});
}

BOOST_AUTO_TEST_CASE(page_without_url_is_refused) {
  auto db = OpenMemoryStore();
  auto saved = db->SavePages({PlainPage("", "ok", "h")});
  BOOST_REQUIRE(!saved.ok());
  BOOST_TEST(static_cast<int>(saved.error().code) == static_cast<int>(ErrorCode::kInvalidArgument));
}

BOOST_AUTO_TEST_CASE(edited_comment_text_updates_in_place) {
  auto db = OpenMemoryStore();
  Save(*db, {PostPage("hash-1")});
  PageToSave edited = PostPage("hash-2");
  edited.extracted->comments[1].text = "Looking forward to it, Margo. (edited)";
  CheckOutcome(Save(*db, {edited}), SaveOutcome{0, 1, 0, 0, 0, 1, 0, 0});
  CheckCounts(Must(db->Count()), FixtureCounts());
  auto comments = Must(db->Comments());
  BOOST_REQUIRE_EQUAL(comments.size(), 2u);
  BOOST_TEST(comments[1].comment.text == "Looking forward to it, Margo. (edited)");
}

BOOST_AUTO_TEST_CASE(comment_absent_from_refetch_is_kept) {
  auto db = OpenMemoryStore();
  Save(*db, {PostPage("hash-1")});
  PageToSave refetched = PostPage("hash-2");
  refetched.extracted->comments.erase(refetched.extracted->comments.begin());
  refetched.extracted->mentions.pop_back();  // the mention stood in comment-1
  CheckOutcome(Save(*db, {refetched}), SaveOutcome{0, 1, 0, 0, 0, 0, 0, 0});
  CheckCounts(Must(db->Count()), FixtureCounts());
}

BOOST_AUTO_TEST_CASE(comment_page_adds_comments_and_keeps_the_post_body) {
  auto db = OpenMemoryStore();
  Save(*db, {PostPage()});
  PageToSave page2 = PostPage();
  page2.fetch = OkFetch(std::string(kPostUrl) + "comment-page-2/", "hash-p2");
  page2.extracted->post.text.clear();  // comment pages show no body
  page2.extracted->post.links.clear();
  page2.extracted->comments = {
      MakeComment("comment-7", "Dave Martin", "", "PS We have met! @wendy", 3)};
  page2.extracted->trackbacks.clear();
  page2.extracted->mentions = {
      Mention{"wendy", MentionPlace::kComment, "comment-7", "Dave Martin"}};
  CheckOutcome(Save(*db, {page2}), SaveOutcome{1, 0, 0, 0, 1, 0, 0, 1});
  auto posts = Must(db->Posts());
  BOOST_REQUIRE_EQUAL(posts.size(), 1u);
  BOOST_TEST(posts[0].post.text == PostPage().extracted->post.text);
  BOOST_TEST(posts[0].post.links.size() == 2u);
  BOOST_TEST(posts[0].page_url == kPostUrl);
  BOOST_TEST(Must(db->Count()).comments == 3);
  BOOST_TEST(Must(db->Count()).mentions == 4);  // the body's two survive
}

BOOST_AUTO_TEST_CASE(mention_removed_from_edited_text_is_deleted) {
  auto db = OpenMemoryStore();
  Save(*db, {PostPage("hash-1")});
  PageToSave edited = PostPage("hash-2");
  edited.extracted->post.text = "Dinner with @MervynDinnen on Saturday.";
  edited.extracted->mentions.erase(edited.extracted->mentions.begin() + 1);
  CheckOutcome(Save(*db, {edited}), SaveOutcome{0, 1, 0, 0, 0, 0, 0, 0});
  BOOST_TEST(Handles(*db) == (std::vector<std::string>{"MervynDinnen", "HRMargo"}));
}

BOOST_AUTO_TEST_CASE(mention_removed_from_edited_comment_is_deleted) {
  auto db = OpenMemoryStore();
  Save(*db, {PostPage("hash-1")});
  PageToSave edited = PostPage("hash-2");
  edited.extracted->comments[0].text = "See you at TRULondon2 in Feb!";
  edited.extracted->mentions.pop_back();
  CheckOutcome(Save(*db, {edited}), SaveOutcome{0, 1, 0, 0, 0, 1, 0, 0});
  BOOST_TEST(Handles(*db) == (std::vector<std::string>{"MervynDinnen", "LaraNewman"}));
}

BOOST_AUTO_TEST_CASE(mention_added_to_edited_text_counts_only_the_new_one) {
  auto db = OpenMemoryStore();
  Save(*db, {PostPage("hash-1")});
  PageToSave edited = PostPage("hash-2");
  edited.extracted->post.text += " Drinks with @ClareWildman tomorrow.";
  edited.extracted->mentions.push_back(Mention{"ClareWildman", MentionPlace::kPost, "", "Wendy"});
  CheckOutcome(Save(*db, {edited}), SaveOutcome{0, 1, 0, 0, 0, 0, 0, 1});
  BOOST_TEST(Must(db->Count()).mentions == 4);
}

BOOST_AUTO_TEST_CASE(comment_without_id_gets_a_stable_derived_key) {
  auto db = OpenMemoryStore();
  PageToSave page = PostPage("hash-1");
  page.extracted->comments.push_back(MakeComment("", "Akiki", "", "Great post @Wendy", 3));
  page.extracted->mentions.push_back(Mention{"Wendy", MentionPlace::kComment, "", "Akiki"});
  CheckOutcome(Save(*db, {page}), SaveOutcome{1, 0, 0, 1, 3, 0, 2, 4});
  page.fetch.content_hash = "hash-2";
  CheckOutcome(Save(*db, {page}), SaveOutcome{0, 1, 0, 0, 0, 0, 0, 0});
  auto comments = Must(db->Comments());
  BOOST_REQUIRE_EQUAL(comments.size(), 3u);
  BOOST_TEST(comments[2].comment.id.rfind("hash-", 0) == 0u);
  auto mentions = Must(db->Mentions());
  BOOST_TEST(mentions.back().mention.comment_id == comments[2].comment.id);
  BOOST_TEST(mentions.back().source_url == kPostUrl);  // no permalink: the post's page
}

BOOST_AUTO_TEST_CASE(one_source_pinging_twice_keeps_both_pings) {
  auto db = OpenMemoryStore();
  PageToSave page = PostPage("hash-1");
  Trackback again = page.extracted->trackbacks[0];
  again.id = "comment-999";
  again.published = "2009-12-07T09:00:00";
  page.extracted->trackbacks.push_back(again);
  Save(*db, {page});
  auto trackbacks = Must(db->Trackbacks());
  BOOST_REQUIRE_EQUAL(trackbacks.size(), 3u);
  BOOST_TEST(trackbacks[2].trackback.id == "comment-999");
  BOOST_TEST(trackbacks[2].trackback.source_url == trackbacks[0].trackback.source_url);
}

BOOST_AUTO_TEST_CASE(ping_without_id_is_keyed_by_its_source_url) {
  auto db = OpenMemoryStore();
  PageToSave page = PostPage("hash-1");
  for (Trackback& trackback : page.extracted->trackbacks) trackback.id.clear();
  Save(*db, {page});
  page.fetch.content_hash = "hash-2";
  CheckOutcome(Save(*db, {page}), SaveOutcome{0, 1, 0, 0, 0, 0, 0, 0});
  auto trackbacks = Must(db->Trackbacks());
  BOOST_REQUIRE_EQUAL(trackbacks.size(), 2u);
  BOOST_TEST(trackbacks[0].trackback.id == "");
}

BOOST_AUTO_TEST_CASE(edited_trackback_is_updated_in_place) {
  auto db = OpenMemoryStore();
  Save(*db, {PostPage("hash-1")});
  PageToSave edited = PostPage("hash-2");
  edited.extracted->trackbacks[0].title = "Tweets that mention this -- Topsy.com";
  edited.extracted->trackbacks.pop_back();  // absent, and kept
  CheckOutcome(Save(*db, {edited}), SaveOutcome{0, 1, 0, 0, 0, 0, 0, 0});
  auto trackbacks = Must(db->Trackbacks());
  BOOST_REQUIRE_EQUAL(trackbacks.size(), 2u);
  BOOST_TEST(trackbacks[0].trackback.title == "Tweets that mention this -- Topsy.com");
}

BOOST_AUTO_TEST_CASE(posts_comments_and_trackbacks_round_trip) {
  auto db = OpenMemoryStore();
  const PageToSave page = PostPage();
  Save(*db, {page});
  const ExtractedPage& in = *page.extracted;

  auto posts = Must(db->Posts());
  BOOST_REQUIRE_EQUAL(posts.size(), 1u);
  const Post& post = posts[0].post;
  BOOST_TEST(post.url == in.post.url);
  BOOST_TEST(post.title == in.post.title);
  BOOST_TEST(post.author == in.post.author);
  BOOST_TEST(post.published == in.post.published);
  BOOST_TEST(post.text == in.post.text);
  BOOST_TEST(post.site_name == in.post.site_name);
  BOOST_TEST(post.site_url == in.post.site_url);
  BOOST_REQUIRE_EQUAL(post.links.size(), 2u);
  BOOST_TEST(post.links[1].url == in.post.links[1].url);
  BOOST_TEST(post.links[1].text == in.post.links[1].text);
  BOOST_TEST(posts[0].page_url == kPostUrl);

  auto comments = Must(db->Comments());
  BOOST_REQUIRE_EQUAL(comments.size(), 2u);
  for (size_t i = 0; i < comments.size(); ++i) {
    const Comment& out = comments[i].comment;
    const Comment& expected = in.comments[i];
    BOOST_TEST(comments[i].post_url == kPostUrl);
    BOOST_TEST(out.id == expected.id);
    BOOST_TEST(out.permalink == expected.permalink);
    BOOST_TEST(out.author == expected.author);
    BOOST_TEST(out.author_url == expected.author_url);
    BOOST_TEST(out.published == expected.published);
    BOOST_TEST(out.text == expected.text);
    BOOST_TEST(out.parent_id == expected.parent_id);
    BOOST_TEST(out.position == expected.position);
  }

  auto trackbacks = Must(db->Trackbacks());
  BOOST_REQUIRE_EQUAL(trackbacks.size(), 2u);
  BOOST_TEST(trackbacks[0].trackback.id == "comment-3");
  BOOST_TEST(trackbacks[0].trackback.source_url == in.trackbacks[0].source_url);
  BOOST_TEST(trackbacks[0].trackback.published == in.trackbacks[0].published);
  BOOST_TEST((trackbacks[1].trackback.kind == LinkbackKind::kPingback));
}

BOOST_AUTO_TEST_CASE(mentions_name_their_place_and_source_url) {
  auto db = OpenMemoryStore();
  Save(*db, {PostPage()});
  auto mentions = Must(db->Mentions());
  BOOST_REQUIRE_EQUAL(mentions.size(), 3u);
  BOOST_TEST((mentions[0].mention.in == MentionPlace::kPost));
  BOOST_TEST(mentions[0].source_url == kPostUrl);
  BOOST_TEST(mentions[0].mention.by == "Wendy");
  BOOST_TEST((mentions[2].mention.in == MentionPlace::kComment));
  BOOST_TEST(mentions[2].mention.comment_id == "comment-1");
  BOOST_TEST(mentions[2].source_url == std::string(kPostUrl) + "#comment-1");
  BOOST_TEST(mentions[2].post_url == kPostUrl);
}

BOOST_AUTO_TEST_CASE(comments_are_ordered_by_post_url_then_position) {
  auto db = OpenMemoryStore();
  PageToSave b = PostPage();
  PageToSave a = PostPage();
  a.fetch = OkFetch("https://wendy.example/2009/11/earlier/", "hash-a");
  a.extracted->post.url = "https://wendy.example/2009/11/earlier/";
  std::swap(a.extracted->comments[0], a.extracted->comments[1]);  // page order 2, 1
  Save(*db, {b, a});
  std::vector<std::string> order;
  for (const auto& stored : Must(db->Comments())) {
    order.push_back(stored.post_url.substr(22, 7) + std::to_string(stored.comment.position));
  }
  BOOST_TEST(order == (std::vector<std::string>{"2009/111", "2009/112", "2009/121", "2009/122"}));
}

BOOST_AUTO_TEST_CASE(post_url_falls_back_to_canonical_url) {
  auto db = OpenMemoryStore();
  PageToSave page = PostPage();
  page.fetch.url = "https://wendy.example/?p=123";
  page.extracted->url = "https://wendy.example/?p=123";
  page.extracted->post.url.clear();
  Save(*db, {page});
  BOOST_TEST(Must(db->Posts()).at(0).post.url == kPostUrl);
  BOOST_TEST(Must(db->Posts()).at(0).page_url == "https://wendy.example/?p=123");
}

BOOST_AUTO_TEST_CASE(page_without_post_belongs_to_its_host) {
  auto db = OpenMemoryStore();
  Save(*db, {PostPage(), PlainPage("https://WENDY.example/feed.xml", "not_html", "h")});
  CheckOutcome(Save(*db, {PlainPage("https://other.example:8080/a?b", "http_404", "")}),
               SaveOutcome{1, 0, 0, 0, 0, 0, 0, 0});
  BOOST_TEST(Must(db->Count()).sites == 2);  // wendy.example/ and other.example:8080/
  auto found = Must(db->FindPage("https://other.example:8080/a?b"));
  BOOST_REQUIRE(found.has_value());
  BOOST_TEST(found->status == "http_404");
  BOOST_TEST(found->http_status == 200);
  BOOST_TEST(!Must(db->FindPage("https://nowhere.example/")).has_value());
}

BOOST_AUTO_TEST_CASE(page_status_change_counts_as_changed) {
  auto db = OpenMemoryStore();
  Save(*db, {PlainPage("https://wendy.example/x", "error", "")});
  CheckOutcome(Save(*db, {PlainPage("https://wendy.example/x", "error", "")}),
               SaveOutcome{0, 0, 1, 0, 0, 0, 0, 0});
  CheckOutcome(Save(*db, {PlainPage("https://wendy.example/x", "http_404", "")}),
               SaveOutcome{0, 1, 0, 0, 0, 0, 0, 0});
}

BOOST_AUTO_TEST_CASE(handle_is_one_identity_whatever_its_case) {
  auto db = OpenMemoryStore();
  PageToSave page = PostPage();
  page.extracted->mentions.push_back(Mention{"@hrmargo", MentionPlace::kPost, "", "Wendy"});
  Save(*db, {page});
  BOOST_TEST(Must(db->Count()).identities == FixtureCounts().identities);
  BOOST_TEST(Handles(*db).at(2) == "hrmargo");  // stored without "@", as written
}

BOOST_AUTO_TEST_CASE(unicode_round_trips) {
  auto db = OpenMemoryStore();
  PageToSave page = PostPage();
  const std::string title = "Zoë’s café — 日本語のブログ 🎉";
  const std::string url = "https://wendy.example/2009/12/café-日本/";
  page.fetch.url = url;
  page.extracted->post.url = url;
  page.extracted->post.title = title;
  page.extracted->comments[0].author = "Małgorzata Różańska";
  page.extracted->mentions[0].handle = "Zoë";
  Save(*db, {page});
  BOOST_TEST(Must(db->Posts()).at(0).post.title == title);
  BOOST_TEST(Must(db->Posts()).at(0).post.url == url);
  BOOST_TEST(Must(db->Comments()).at(0).comment.author == "Małgorzata Różańska");
  BOOST_TEST(Must(db->Mentions()).at(0).mention.handle == "Zoë");
  BOOST_TEST(Must(db->FindPage(url)).has_value());
  CheckOutcome(Save(*db, {page}), SaveOutcome{0, 0, 1, 0, 0, 0, 0, 0});
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::store_test
