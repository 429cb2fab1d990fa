// Comment kinds (comment, like, repost, bookmark): stored and read back,
// counted as comments only when they are text comments, keyed as before for
// the comments of older versions, and a file of schema version 3 migrated
// with its comments kept as kind 'comment'.
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "store/keys.h"
#include "store/schema.h"
#include "store/store.h"
#include "tests/store/store_fixtures.h"
#include "tests/support/test_paths.h"

namespace linkgraph::store_test {
namespace LINKGRAPH_FILE_SCOPE {

using linkgraph::testing::TempDir;

std::string DbPath(const TempDir& dir) { return (dir.path() / "linkgraph.db").string(); }

Comment MakeReaction(const std::string& id, const std::string& author, const std::string& kind,
                     int position) {
  Comment reaction = MakeComment(id, author, "https://" + id + ".example/", "", position);
  reaction.kind = kind;
  return reaction;
}

// The fixture's post with a like, a repost and a bookmark after its thread.
PageToSave PostPageWithReactions() {
  PageToSave page = PostPage();
  page.extracted->comments.push_back(MakeReaction("like-1", "Rui Costa", "like", 3));
  page.extracted->comments.push_back(MakeReaction("repost-1", "Ola Berg", "repost", 4));
  page.extracted->comments.push_back(MakeReaction("", "Kim Ode", "bookmark", 5));
  return page;
}

BOOST_AUTO_TEST_SUITE(comment_kinds)

BOOST_AUTO_TEST_CASE(kind_round_trips_and_defaults_to_comment) {
  auto db = OpenMemoryStore();
  const PageToSave page = PostPageWithReactions();
  Must(db->SavePages({page}));
  auto comments = Must(db->Comments());
  BOOST_REQUIRE_EQUAL(comments.size(), 5u);
  const std::vector<std::string> kinds = {"comment", "comment", "like", "repost", "bookmark"};
  for (size_t i = 0; i < comments.size(); ++i) {
    BOOST_TEST(comments[i].comment.kind == kinds[i]);
    BOOST_TEST(comments[i].comment.author == page.extracted->comments[i].author);
  }
  BOOST_TEST(comments[2].comment.text == "");
  BOOST_TEST(comments[4].comment.id.rfind("hash-", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(likes_are_stored_but_not_counted_as_comments) {
  auto db = OpenMemoryStore();
  store::SaveOutcome outcome = Must(db->SavePages({PostPageWithReactions()}));
  BOOST_TEST(outcome.comments_new == 2);
  BOOST_TEST(Must(db->Count()).comments == 2);
  BOOST_TEST(Must(db->Comments()).size() == 5u);
}

BOOST_AUTO_TEST_CASE(a_changed_kind_updates_the_stored_row) {
  auto db = OpenMemoryStore();
  PageToSave page = PostPageWithReactions();
  Must(db->SavePages({page}));
  page.fetch.content_hash = "hash-2";
  page.extracted->comments[2].kind = "repost";
  Must(db->SavePages({page}));
  BOOST_TEST(Must(db->Comments())[2].comment.kind == "repost");
}

BOOST_AUTO_TEST_CASE(an_unknown_kind_is_refused) {
  auto db = OpenMemoryStore();
  PageToSave page = PostPage();
  page.extracted->comments[0].kind = "clap";
  BOOST_TEST(!db->SavePages({page}).ok());
  BOOST_TEST(Must(db->Comments()).empty());  // all or none
}

BOOST_AUTO_TEST_CASE(derived_key_of_a_comment_is_unchanged_by_kinds) {
  // The key version 3 stored for an id-less comment: FNV-1a of
  // "Akiki\x1f2009-12-08T10:00:00\x1fNice post".
  Comment comment{"", "", "Akiki", "", "2009-12-08T10:00:00", "Nice post", "", 4};
  BOOST_TEST(store::CommentKeyOf(comment) == "hash-11da6507a455f812");
  // A like and a repost by one person at one time are two rows.
  Comment like = comment;
  like.text = "";
  like.kind = "like";
  Comment repost = like;
  repost.kind = "repost";
  BOOST_TEST(store::CommentKeyOf(like) != store::CommentKeyOf(repost));
}

BOOST_AUTO_TEST_CASE(version_3_file_migrates_and_keeps_its_comments_as_comments) {
  BOOST_REQUIRE(store::LatestSchemaVersion() >= 4);
  TempDir dir;
  // A file as linkgraph with schema version 3 left it, with a comment.
  MakeFileAtVersion(DbPath(dir), 3);
  {
    RawDatabase raw(DbPath(dir));
    raw.Exec(
        "INSERT INTO pages (id, url, canonical_url, status) VALUES (1, 'https://w.example/p/',"
        " 'https://w.example/p/', 'ok');"
        "INSERT INTO posts (id, url, page_id, title) VALUES (1, 'https://w.example/p/', 1, 'P');"
        "INSERT INTO comments (post_id, comment_key, permalink, author, published, text,"
        " position) VALUES (1, 'comment-9', 'https://w.example/p/#comment-9', 'Margo',"
        " '2009-12-07T09:00:00', 'Old words.', 1);");
    BOOST_REQUIRE(raw.QueryInt("PRAGMA user_version") == 3);
    BOOST_REQUIRE(raw.QueryInt("SELECT count(*) FROM pragma_table_info('comments')"
                               " WHERE name = 'kind'") == 0);
  }
  auto db = Must(store::OpenSqliteStore(DbPath(dir)));
  BOOST_TEST(RawDatabase(DbPath(dir)).QueryInt("PRAGMA user_version") ==
             store::LatestSchemaVersion());
  auto comments = Must(db->Comments());
  BOOST_REQUIRE_EQUAL(comments.size(), 1u);
  BOOST_TEST(comments[0].comment.id == "comment-9");
  BOOST_TEST(comments[0].comment.text == "Old words.");
  BOOST_TEST(comments[0].comment.kind == "comment");
  BOOST_TEST(Must(db->Count()).comments == 1);
  BOOST_TEST(
      RawDatabase(DbPath(dir)).QueryInt("SELECT count(*) FROM comments WHERE kind = 'comment'") ==
      1);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::store_test
