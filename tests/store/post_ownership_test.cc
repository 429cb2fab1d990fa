// A page speaks for its own site's posts only: a web page never writes a
// post under another site's URL, and a saved file never changes a post first
// read from the web, whatever the page's extraction says.
#include <boost/test/unit_test.hpp>

#include "store/store.h"
#include "tests/store/store_fixtures.h"

namespace linkgraph::store_test {
namespace LINKGRAPH_FILE_SCOPE {

// PostPage() read from another URL, its post retitled and a comment's author
// renamed: a forger's copy claiming the real post's URL.
PageToSave ForgedCopy(const std::string& page_url) {
  PageToSave page = PostPage("forged-hash");
  page.fetch.url = page_url;
  page.fetch.canonical_url = kPostUrl;
  page.extracted->url = page_url;
  page.extracted->post.title = "Hijacked";
  page.extracted->post.text = "I met @Mallory for dinner.";
  page.extracted->comments[0].author = "Mallory";
  return page;
}

const store::StoredPost& OnlyPost(const std::vector<store::StoredPost>& posts) {
  BOOST_REQUIRE_EQUAL(posts.size(), 1u);
  return posts.front();
}

BOOST_AUTO_TEST_SUITE(post_ownership)

BOOST_AUTO_TEST_CASE(a_web_page_never_writes_a_post_under_another_sites_url) {
  auto db = OpenMemoryStore();
  Must(db->SavePages({PostPage()}));
  const auto saved = Must(db->SavePages({ForgedCopy("https://forger.example/copy/")}));
  BOOST_TEST(saved.pages_new == 1);
  BOOST_TEST(saved.posts_new == 0);
  BOOST_TEST(OnlyPost(Must(db->Posts())).post.title == "A Weekend of Underground Restaurants");
  for (const auto& stored : Must(db->Comments())) BOOST_TEST(stored.comment.author != "Mallory");
  // Nor first: the real post is then stored as the real page says.
  auto fresh = OpenMemoryStore();
  Must(fresh->SavePages({ForgedCopy("https://forger.example/copy/")}));
  BOOST_TEST(Must(fresh->Posts()).empty());
}

BOOST_AUTO_TEST_CASE(a_page_of_the_same_site_updates_the_post) {
  auto db = OpenMemoryStore();
  Must(db->SavePages({PostPage()}));
  Must(db->SavePages({ForgedCopy("https://wendy.example/2009/12/underground/comment-page-2/")}));
  BOOST_TEST(OnlyPost(Must(db->Posts())).post.title == "Hijacked");
}

BOOST_AUTO_TEST_CASE(a_saved_file_never_changes_a_post_read_from_the_web) {
  auto db = OpenMemoryStore();
  Must(db->SavePages({PostPage()}));
  Must(db->SavePages({ForgedCopy("file:///home/me/saved/forged.html")}));
  BOOST_TEST(OnlyPost(Must(db->Posts())).post.title == "A Weekend of Underground Restaurants");
  for (const auto& stored : Must(db->Comments())) BOOST_TEST(stored.comment.author != "Mallory");
}

BOOST_AUTO_TEST_CASE(a_saved_file_names_the_post_it_is_a_copy_of) {
  auto db = OpenMemoryStore();
  Must(db->SavePages({ForgedCopy("file:///home/me/saved/copy.html")}));
  BOOST_TEST(OnlyPost(Must(db->Posts())).post.url == kPostUrl);
  // A newer saved copy of it may change it; the web may too.
  Must(db->SavePages({ForgedCopy("file:///home/me/saved/copy-2.html")}));
  Must(db->SavePages({PostPage()}));
  BOOST_TEST(OnlyPost(Must(db->Posts())).post.title == "A Weekend of Underground Restaurants");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::store_test
