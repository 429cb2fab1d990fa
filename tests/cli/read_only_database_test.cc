// A database in a folder this user may not write (a read-only filesystem,
// another user's folder): report, export and status read it as they would a
// writable one, writing nothing beside it (WAL would need a -shm file), and
// crawl, import and rebuild refuse with a message saying what is not
// writable. Runs as root too: the child then runs as nobody (see
// tests/support/read_only_folder.h).
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "tests/cli/cli_fixtures.h"
#include "tests/support/read_only_folder.h"

namespace linkgraph::cli_test {
namespace LINKGRAPH_FILE_SCOPE {

using testing::ReadOnlyFolder;

std::set<std::string> FilesIn(const fs::path& folder) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

// The sample imported into <dir>/data/linkgraph.db, the folders searchable
// by nobody.
struct DataFolderFixture : CliFixture {
  fs::path data = dir.path() / "data";
  std::string data_db = (data / "linkgraph.db").string();

  DataFolderFixture() {
    fs::permissions(dir.path(), fs::perms(0755), fs::perm_options::replace);
    fs::create_directory(data);
    RunOk({"import", "--db", data_db, SampleDir().string()});
  }

  std::vector<std::vector<std::string>> ReaderCommands() const {
    return {{"report", "replies", "--db", data_db},
            {"export", "--db", data_db, "--format", "json"},
            {"status", "--db", data_db}};
  }
};

BOOST_FIXTURE_TEST_SUITE(cli_read_only_database, DataFolderFixture)

BOOST_AUTO_TEST_CASE(readers_read_a_database_in_a_read_only_folder_writing_nothing) {
  std::vector<std::string> expected;
  for (const auto& args : ReaderCommands()) expected.push_back(RunOk(args).out);
  const std::set<std::string> files = FilesIn(data);
  BOOST_TEST_REQUIRE(files == std::set<std::string>{"linkgraph.db"});

  ReadOnlyFolder read_only(data, {LINKGRAPH_BINARY});
  if (!read_only.active()) {
    BOOST_TEST_MESSAGE("skipped: " << read_only.why_not());
    return;
  }
  for (size_t i = 0; i < expected.size(); ++i) {
    RunResult read = Run(ReaderCommands()[i]);
    BOOST_TEST(read.exit_status == 0, read);
    BOOST_TEST(read.out == expected[i], ReaderCommands()[i][0]);
    BOOST_TEST(read.err.empty(), read);
  }
  BOOST_TEST(FilesIn(data) == files);
}

BOOST_AUTO_TEST_CASE(writers_refuse_a_database_in_a_read_only_folder_saying_why) {
  const std::set<std::string> files = FilesIn(data);
  ReadOnlyFolder read_only(data, {LINKGRAPH_BINARY});
  if (!read_only.active()) {
    BOOST_TEST_MESSAGE("skipped: " << read_only.why_not());
    return;
  }
  const std::vector<std::vector<std::string>> writers = {
      {"import", "--db", data_db, SampleDir().string()},
      {"crawl", "--db", data_db, "--quiet", SampleIndexFileUrl()},
      {"rebuild", "--db", data_db}};
  for (const auto& args : writers) {
    RunResult refused = Run(args);
    BOOST_TEST(refused.exit_status == 1, refused);
    BOOST_TEST(refused.err.find("writable") != std::string::npos, refused);
  }
  BOOST_TEST(FilesIn(data) == files);
}

BOOST_AUTO_TEST_CASE(a_database_that_cannot_be_read_at_all_gets_a_clear_message) {
  fs::permissions(data_db, fs::perms::none, fs::perm_options::replace);
  ReadOnlyFolder read_only(data, {LINKGRAPH_BINARY});
  if (!read_only.active()) {
    BOOST_TEST_MESSAGE("skipped: " << read_only.why_not());
    return;
  }
  RunResult refused = Run({"status", "--db", data_db});
  BOOST_TEST(refused.exit_status == 1, refused);
  BOOST_TEST(refused.err.find("cannot read " + data_db) != std::string::npos, refused);
  BOOST_TEST(refused.err.find("without writing failed too") != std::string::npos, refused);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::cli_test
