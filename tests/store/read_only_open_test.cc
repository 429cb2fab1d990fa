// Opening a store that may not be written: Access::kReadOnly and
// kImmutable read without writing anything (no -wal or -shm file, no
// migration), and the read-write open tells which of the file or its folder
// is not writable. The folder cases run as root too (see read_only_folder.h).
#include <sqlite3.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <set>
#include <string>

#include "store/schema.h"
#include "store/store.h"
#include "tests/store/store_fixtures.h"
#include "tests/support/read_only_folder.h"
#include "tests/support/test_paths.h"

namespace linkgraph::store_test {
namespace LINKGRAPH_FILE_SCOPE {

namespace fs = std::filesystem;
using linkgraph::testing::ReadOnlyFolder;
using linkgraph::testing::TempDir;

// A store with the fixture post in <dir>/data/linkgraph.db, closed (so its
// -wal and -shm files are gone), the folders searchable by nobody.
std::string MakeStore(const TempDir& dir) {
  fs::permissions(dir.path(), fs::perms(0755), fs::perm_options::replace);
  fs::create_directory(dir.path() / "data");
  const std::string path = (dir.path() / "data" / "linkgraph.db").string();
  Must(Must(store::OpenSqliteStore(path))->SavePages({PostPage()}));
  return path;
}

std::set<std::string> FilesIn(const fs::path& folder) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

store::OpenOptions With(store::Access access) {
  store::OpenOptions options;
  options.create_if_missing = false;
  options.access = access;
  return options;
}

BOOST_AUTO_TEST_SUITE(store_read_only_open)

BOOST_AUTO_TEST_CASE(immutable_access_reads_and_writes_nothing_beside_the_file) {
  TempDir dir;
  const std::string path = MakeStore(dir);
  const std::set<std::string> before = FilesIn(dir.path() / "data");
  BOOST_TEST(before == std::set<std::string>{"linkgraph.db"});
  {
    auto db = Must(store::OpenSqliteStore(path, With(store::Access::kImmutable)));
    CheckCounts(Must(db->Count()), FixtureCounts());
    BOOST_TEST(Must(db->Comments()).size() == 2u);
    BOOST_TEST(FilesIn(dir.path() / "data") == before);
    auto refused = db->SavePages({PostPage("hash-2")});
    BOOST_REQUIRE(!refused.ok());
    BOOST_TEST(refused.error().message.find("readonly") != std::string::npos,
               refused.error().message);
  }
  BOOST_TEST(FilesIn(dir.path() / "data") == before);
  auto db = Must(store::OpenSqliteStore(path));
  BOOST_TEST(Must(db->FindPage(kPostUrl))->content_hash == "hash-1");
}

BOOST_AUTO_TEST_CASE(read_only_access_reads_where_the_folder_is_writable) {
  TempDir dir;
  const std::string path = MakeStore(dir);
  auto db = Must(store::OpenSqliteStore(path, With(store::Access::kReadOnly)));
  CheckCounts(Must(db->Count()), FixtureCounts());
  BOOST_TEST(!db->SavePages({PostPage("hash-2")}).ok());
}

BOOST_AUTO_TEST_CASE(read_only_access_refuses_an_older_schema_it_cannot_migrate) {
  TempDir dir;
  const std::string path = (dir.path() / "old.db").string();
  MakeFileAtVersion(path, 4);
  for (store::Access access : {store::Access::kReadOnly, store::Access::kImmutable}) {
    auto opened = store::OpenSqliteStore(path, With(access));
    BOOST_REQUIRE(!opened.ok());
    BOOST_TEST(opened.error().message.find("needs migrating") != std::string::npos,
               opened.error().message);
  }
  BOOST_TEST(RawDatabase(path).QueryInt("PRAGMA user_version") == 4);
}

BOOST_AUTO_TEST_CASE(a_store_in_a_read_only_folder_is_read_immutable_and_refused_for_writing) {
  TempDir dir;
  const std::string path = MakeStore(dir);
  ReadOnlyFolder read_only(dir.path() / "data");
  if (!read_only.active()) {
    BOOST_TEST_MESSAGE("skipped: " << read_only.why_not());
    return;
  }
  // WAL needs a -shm file it can create: the ordinary and the read-only
  // opens fail, the read-write one saying why.
  auto writable = store::OpenSqliteStore(path, With(store::Access::kReadWrite));
  BOOST_REQUIRE(!writable.ok());
  // Under root, as nobody, the file is not writable either: both are named.
  const std::string& message = writable.error().message;
  BOOST_TEST(message.find("folder " + (dir.path() / "data").string()) != std::string::npos,
             message);
  BOOST_TEST(message.find("writable") != std::string::npos, message);
  BOOST_TEST(!store::OpenSqliteStore(path, With(store::Access::kReadOnly)).ok());
  auto db = Must(store::OpenSqliteStore(path, With(store::Access::kImmutable)));
  CheckCounts(Must(db->Count()), FixtureCounts());
  BOOST_TEST(FilesIn(dir.path() / "data") == std::set<std::string>{"linkgraph.db"});
}

BOOST_AUTO_TEST_CASE(a_read_only_database_file_is_refused_for_writing_naming_the_file) {
  TempDir dir;
  const std::string path = MakeStore(dir);
  fs::permissions(path, fs::perms(0444), fs::perm_options::replace);
  fs::permissions(dir.path() / "data", fs::perms(0777), fs::perm_options::replace);
  // Guards the folder above, so that under root this runs as nobody, who may
  // write data/ but not the file.
  ReadOnlyFolder as_nobody(dir.path());
  if (!as_nobody.active()) {
    BOOST_TEST_MESSAGE("skipped: " << as_nobody.why_not());
    return;
  }
  auto writable = store::OpenSqliteStore(path);
  BOOST_REQUIRE(!writable.ok());
  BOOST_TEST(writable.error().message.find("the database file is not writable") !=
                 std::string::npos,
             writable.error().message);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::store_test
