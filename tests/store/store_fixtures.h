// Fixtures for the store tests: a blog post page built as plain structs (the
// seed's shape: a post with mentions, threaded comments and trackbacks), a
// helper that fails the test on an Error, and raw SQLite access to a store's
// file, as another process or a damaged file would look.
#pragma once

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "store/schema.h"
#include "store/sql_statement.h"
#include "store/sqlite_handles.h"
#include "store/store.h"
#include "tests/support/test_store.h"

namespace linkgraph::store_test {

// An ErrorCode as a number Boost.Test can print.
inline int Code(ErrorCode code) { return static_cast<int>(code); }

using store::PageFetch;
using store::PageToSave;

inline constexpr const char* kPostUrl = "https://wendy.example/2009/12/underground/";

using testing::Must;
using testing::OpenMemoryStore;

// The Status counterpart of Must.
inline void MustOk(const Status& status) {
  if (!status.ok()) BOOST_FAIL("unexpected error: " << status.error().message);
}

inline PageFetch OkFetch(const std::string& url, const std::string& hash) {
  return PageFetch{url,
                   url,
                   "ok",
                   "",
                   200,
                   "\"e-" + hash + "\"",
                   "Sun, 06 Dec 2009 22:10:00 GMT",
                   hash,
                   "2024-03-01T10:00:00Z"};
}

inline Comment MakeComment(const std::string& id, const std::string& author,
                           const std::string& author_url, const std::string& text, int position,
                           const std::string& parent_id = "") {
  std::string permalink = id.empty() ? "" : std::string(kPostUrl) + "#" + id;
  std::string published = "2009-12-07T09:0" + std::to_string(position) + ":00";
  return Comment{id, permalink, author, author_url, published, text, parent_id, position};
}

// One post by Wendy: 2 mentions in the body, 2 comments (a thread), 1
// mention in a comment, a trackback and a pingback. Stored, it makes 1 site,
// 1 page, 1 post, 2 comments, 2 trackbacks, 3 mentions and 6 identities
// (names Wendy and Margo Rose, Margo's URL, three handles).
inline PageToSave PostPage(const std::string& hash = "hash-1") {
  PageToSave page;
  page.fetch = OkFetch(kPostUrl, hash);
  ExtractedPage extracted;
  extracted.url = kPostUrl;
  extracted.canonical_url = kPostUrl;
  extracted.platform = "wordpress";
  extracted.has_post = true;
  extracted.post =
      Post{kPostUrl,
           "A Weekend of Underground Restaurants",
           "Wendy",
           "2009-12-06T22:10:00",
           "Dinner with @MervynDinnen and @LaraNewman on Saturday.",
           {Link{"https://mervyn.example/blog/", "Mervyn"}, Link{"https://lara.example/", "Lara"}},
           "Wendy the Recruiter",
           "https://wendy.example/"};
  extracted.comments = {
      MakeComment("comment-1", "Margo Rose", "https://margo.example/",
                  "See you at TRULondon2 in Feb! @HRMargo", 1),
      MakeComment("comment-2", "Wendy", "", "Looking forward to it, Margo.", 2, "comment-1"),
  };
  extracted.trackbacks = {
      Trackback{"comment-3", "https://tweets.example/topsy", "Tweets that mention this",
                "2009-12-07T10:00:00", LinkbackKind::kTrackback},
      Trackback{"", "https://wendy.example/2009/12/weekend/",
                "A Weekend of Underground Restaurants « Wendy the Recruiter", "",
                LinkbackKind::kPingback},
  };
  extracted.mentions = {
      Mention{"MervynDinnen", MentionPlace::kPost, "", "Wendy"},
      Mention{"LaraNewman", MentionPlace::kPost, "", "Wendy"},
      Mention{"HRMargo", MentionPlace::kComment, "comment-1", "Margo Rose"},
  };
  page.extracted = std::move(extracted);
  return page;
}

// A page with no post: an index page, or one that failed.
inline PageToSave PlainPage(const std::string& url, const std::string& status,
                            const std::string& hash) {
  PageToSave page;
  page.fetch = OkFetch(url, hash);
  page.fetch.status = status;
  return page;
}

inline store::Counts FixtureCounts() {
  store::Counts counts;
  counts.sites = 1;
  counts.pages = 1;
  counts.posts = 1;
  counts.comments = 2;
  counts.trackbacks = 2;
  counts.mentions = 3;
  counts.identities = 6;
  return counts;
}

inline void CheckCounts(const store::Counts& actual, const store::Counts& expected) {
  BOOST_TEST(actual.sites == expected.sites);
  BOOST_TEST(actual.pages == expected.pages);
  BOOST_TEST(actual.posts == expected.posts);
  BOOST_TEST(actual.comments == expected.comments);
  BOOST_TEST(actual.trackbacks == expected.trackbacks);
  BOOST_TEST(actual.mentions == expected.mentions);
  BOOST_TEST(actual.identities == expected.identities);
}

// Creates path as a linkgraph of schema version `version` left it (empty),
// for the migration tests.
inline void MakeFileAtVersion(const std::string& path, int version) {
  sqlite3* handle = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  store::SqliteConnection db{store::DbHandle(handle)};
  BOOST_REQUIRE_EQUAL(rc, SQLITE_OK);
  BOOST_REQUIRE(store::MigrateTo(db, version).ok());
}

// A connection of its own to a store's file, as another process would hold.
class RawDatabase {
 public:
  explicit RawDatabase(const std::filesystem::path& path) : db_(Open(path)) {}
  void Exec(const std::string& sql) {
    Status done = db_.Exec(sql);
    if (!done.ok()) BOOST_FAIL("raw exec failed: " << done.error().message);
  }
  long long QueryInt(const std::string& sql) {
    auto query = Must(store::Statement::Prepare(db_, sql));
    BOOST_REQUIRE(query.StepRow().ok());
    return query.Int(0);
  }
  std::string QueryText(const std::string& sql) {
    auto query = Must(store::Statement::Prepare(db_, sql));
    BOOST_REQUIRE(query.StepRow().ok());
    return query.Text(0);
  }

 private:
  static store::DbHandle Open(const std::filesystem::path& path) {
    sqlite3* raw = nullptr;
    int rc =
        sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    store::DbHandle db(raw);
    BOOST_REQUIRE_EQUAL(rc, SQLITE_OK);
    return db;
  }

  store::SqliteConnection db_;
};

}  // namespace linkgraph::store_test
