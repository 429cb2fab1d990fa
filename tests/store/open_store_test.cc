// OpenSqliteStore: what it makes of new, old, foreign and newer files, and
// how stores sharing one file behave (WAL, busy timeout, all-or-none saves).
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "store/schema.h"
#include "store/store.h"
#include "tests/store/store_fixtures.h"
#include "tests/support/test_paths.h"

namespace linkgraph::store_test {
namespace LINKGRAPH_FILE_SCOPE {

using linkgraph::testing::ReadFile;
using linkgraph::testing::TempDir;

std::string DbPath(const TempDir& dir) { return (dir.path() / "linkgraph.db").string(); }

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

BOOST_AUTO_TEST_SUITE(open_store)

BOOST_AUTO_TEST_CASE(new_file_is_marked_versioned_and_in_wal_mode) {
  TempDir dir;
  { auto db = Must(store::OpenSqliteStore(DbPath(dir))); }
  RawDatabase raw(DbPath(dir));
  BOOST_TEST(raw.QueryInt("PRAGMA user_version") == store::LatestSchemaVersion());
  BOOST_TEST(raw.QueryInt("PRAGMA application_id") == store::kApplicationId);
  BOOST_TEST(raw.QueryText("PRAGMA journal_mode") == "wal");
}

BOOST_AUTO_TEST_CASE(reopened_store_keeps_its_data) {
  TempDir dir;
  { Must(Must(store::OpenSqliteStore(DbPath(dir)))->SavePages({PostPage()})); }
  auto db = Must(store::OpenSqliteStore(DbPath(dir)));
  CheckCounts(Must(db->Count()), FixtureCounts());
  BOOST_TEST(Must(db->SavePages({PostPage()})).pages_unchanged == 1);
}

BOOST_AUTO_TEST_CASE(newer_schema_version_is_refused) {
  TempDir dir;
  { auto db = Must(store::OpenSqliteStore(DbPath(dir))); }
  RawDatabase(DbPath(dir)).Exec("PRAGMA user_version = 99");
  auto opened = store::OpenSqliteStore(DbPath(dir));
  BOOST_REQUIRE(!opened.ok());
  BOOST_TEST(Code(opened.error().code) == Code(ErrorCode::kCorrupt));
  BOOST_TEST(opened.error().message ==
             "open " + DbPath(dir) +
                 ": created by a newer linkgraph (schema version 99; this linkgraph reads up to " +
                 std::to_string(store::LatestSchemaVersion()) + ")");
}

BOOST_AUTO_TEST_CASE(non_database_file_is_refused_with_clear_message) {
  TempDir dir;
  const std::string text = "Not a database: a shopping list.\n- eggs\n- flour\n- milk\n";
  std::ofstream(DbPath(dir)) << text;
  auto opened = store::OpenSqliteStore(DbPath(dir));
  BOOST_REQUIRE(!opened.ok());
  BOOST_TEST(Code(opened.error().code) == Code(ErrorCode::kCorrupt));
  BOOST_TEST(opened.error().message ==
             "open " + DbPath(dir) + ": not a linkgraph database: file is not a database");
  BOOST_TEST(ReadFile(DbPath(dir)) == text);  // left as it was
  BOOST_TEST(!std::filesystem::exists(DbPath(dir) + "-wal"));
}

BOOST_AUTO_TEST_CASE(database_of_another_program_is_refused_and_left_alone) {
  TempDir dir;
  RawDatabase(DbPath(dir)).Exec("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)");
  auto opened = store::OpenSqliteStore(DbPath(dir));
  BOOST_REQUIRE(!opened.ok());
  BOOST_TEST(Code(opened.error().code) == Code(ErrorCode::kCorrupt));
  BOOST_TEST(Contains(opened.error().message, "not a linkgraph database"));
  RawDatabase raw(DbPath(dir));
  BOOST_TEST(raw.QueryInt("SELECT count(*) FROM sqlite_master") == 1);
  BOOST_TEST(raw.QueryText("PRAGMA journal_mode") == "delete");
}

BOOST_AUTO_TEST_CASE(missing_file_is_not_found_when_not_creating) {
  TempDir dir;
  auto opened = store::OpenSqliteStore(DbPath(dir), store::OpenOptions{false, 100});
  BOOST_REQUIRE(!opened.ok());
  BOOST_TEST(Code(opened.error().code) == Code(ErrorCode::kNotFound));
  BOOST_TEST(!std::filesystem::exists(DbPath(dir)));
}

BOOST_AUTO_TEST_CASE(empty_file_is_refused_and_left_empty_when_not_creating) {
  TempDir dir;
  { std::ofstream touch(DbPath(dir)); }
  auto opened = store::OpenSqliteStore(DbPath(dir), store::OpenOptions{false, 100});
  BOOST_REQUIRE(!opened.ok());
  BOOST_TEST(Code(opened.error().code) == Code(ErrorCode::kNotFound));
  BOOST_TEST(opened.error().message.find("empty file") != std::string::npos);
  BOOST_TEST(std::filesystem::file_size(DbPath(dir)) == 0u);
}

BOOST_AUTO_TEST_CASE(memory_stores_are_private) {
  auto a = OpenMemoryStore();
  auto b = OpenMemoryStore();
  Must(a->SavePages({PostPage()}));
  BOOST_TEST(Must(b->Count()).pages == 0);
}

BOOST_AUTO_TEST_CASE(two_connections_see_each_others_writes) {
  TempDir dir;
  auto a = Must(store::OpenSqliteStore(DbPath(dir)));
  auto b = Must(store::OpenSqliteStore(DbPath(dir)));
  BOOST_TEST(Must(b->Count()).posts == 0);  // b has read before a writes
  Must(a->SavePages({PostPage()}));
  CheckCounts(Must(b->Count()), FixtureCounts());
  BOOST_TEST(Must(b->SavePages({PostPage()})).pages_unchanged == 1);
  Must(b->SavePages({PlainPage("https://wendy.example/about/", "ok", "h-about")}));
  BOOST_TEST(Must(a->FindPage("https://wendy.example/about/")).has_value());
  BOOST_TEST(Must(a->Posts()).size() == 1u);
}

// Two crawls started together by cron on a database that does not exist yet:
// both create and migrate it, then write, and neither fails or loses a page.
BOOST_AUTO_TEST_CASE(concurrent_writers_on_a_new_file_all_succeed) {
  TempDir dir;
  constexpr int kWriters = 3;
  constexpr int kBatches = 20;
  std::vector<std::string> errors(kWriters);
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      auto opened = store::OpenSqliteStore(DbPath(dir));
      if (!opened.ok()) {
        errors[w] = opened.error().message;
        return;
      }
      for (int b = 0; b < kBatches && errors[w].empty(); ++b) {
        std::string url = "https://wendy.example/" + std::to_string(w) + "/" + std::to_string(b);
        auto saved = (*opened)->SavePages({PostPage(), PlainPage(url, "ok", url)});
        if (!saved.ok()) errors[w] = saved.error().message;
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  for (const std::string& error : errors) BOOST_TEST(error.empty(), error);
  auto db = Must(store::OpenSqliteStore(DbPath(dir)));
  BOOST_TEST(Must(db->Count()).pages == 1 + kWriters * kBatches);
  BOOST_TEST(Must(db->Count()).comments == FixtureCounts().comments);
}

BOOST_AUTO_TEST_CASE(writer_waiting_past_busy_timeout_gets_busy_error) {
  TempDir dir;
  auto db = Must(store::OpenSqliteStore(DbPath(dir), store::OpenOptions{true, 50}));
  RawDatabase other(DbPath(dir));
  other.Exec("BEGIN IMMEDIATE");
  auto saved = db->SavePages({PostPage()});
  BOOST_REQUIRE(!saved.ok());
  BOOST_TEST(Code(saved.error().code) == Code(ErrorCode::kBusy));
  BOOST_TEST(Contains(saved.error().message, "save pages: "));
  BOOST_TEST(Must(db->Count()).pages == 0);  // readers are not blocked by the writer
  other.Exec("ROLLBACK");
  BOOST_TEST(Must(db->SavePages({PostPage()})).pages_new == 1);
}

BOOST_AUTO_TEST_CASE(failed_batch_leaves_store_unchanged) {
  TempDir dir;
  auto db = Must(store::OpenSqliteStore(DbPath(dir)));
  Must(db->SavePages({PostPage("hash-1")}));
  const std::string failing_url = "https://wendy.example/2010/01/fails/";
  // Another connection plants a fault: the third page's post cannot be saved.
  RawDatabase(DbPath(dir))
      .Exec("CREATE TRIGGER fail_one_post BEFORE INSERT ON posts WHEN NEW.url = '" + failing_url +
            "' BEGIN SELECT RAISE(ABORT, 'forced failure'); END");

  PageToSave edited = PostPage("hash-2");
  edited.extracted->comments[0].text = "edited";
  PageToSave failing = PostPage("hash-3");
  failing.fetch.url = failing_url;
  failing.extracted->post.url = failing_url;
  const std::vector<PageToSave> batch = {PlainPage("https://wendy.example/", "ok", "h-home"),
                                         edited, failing};

  auto saved = db->SavePages(batch);
  BOOST_REQUIRE(!saved.ok());
  BOOST_TEST(Contains(saved.error().message, "save page " + failing_url + ": "));
  BOOST_TEST(Contains(saved.error().message, "forced failure"));
  CheckCounts(Must(db->Count()), FixtureCounts());
  BOOST_TEST(!Must(db->FindPage("https://wendy.example/")).has_value());
  BOOST_TEST(Must(db->FindPage(kPostUrl))->content_hash == "hash-1");
  BOOST_TEST(Must(db->Comments()).at(0).comment.text == PostPage().extracted->comments[0].text);

  // The store is still usable, and the same batch goes through once fixed.
  RawDatabase(DbPath(dir)).Exec("DROP TRIGGER fail_one_post");
  auto retried = Must(db->SavePages(batch));
  BOOST_TEST(retried.pages_new == 2);
  BOOST_TEST(retried.pages_changed == 1);
  BOOST_TEST(retried.comments_updated == 1);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::store_test
