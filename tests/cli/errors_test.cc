// What `linkgraph` says and returns when it cannot do what it was asked:
// bad inputs, bad arguments, missing or foreign databases, and --help.
#include <sqlite3.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <set>

#include "tests/cli/cli_fixtures.h"

namespace linkgraph::cli_test {
namespace LINKGRAPH_FILE_SCOPE {

namespace data = boost::unit_test::data;

std::set<std::string> FilesIn(const fs::path& folder) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

// The read commands and the write commands, each pointed at db.
std::vector<std::vector<std::string>> EveryDatabaseCommand(const std::string& db) {
  return {{"import", "--db", db, SampleDir().string()},
          {"crawl", "--db", db, SampleIndexFileUrl()},
          {"report", "replies", "--db", db},
          {"export", "--db", db},
          {"status", "--db", db}};
}

// A valid SQLite file that belongs to some other program.
void WriteForeignSqlite(const fs::path& path) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open(path.c_str(), &raw);
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> db(raw, sqlite3_close);
  BOOST_REQUIRE_EQUAL(rc, SQLITE_OK);
  BOOST_REQUIRE_EQUAL(sqlite3_exec(db.get(),
                                   "CREATE TABLE notes (body TEXT);"
                                   "INSERT INTO notes VALUES ('keep me');",
                                   nullptr, nullptr, nullptr),
                      SQLITE_OK);
}

const char* const kHelpCommands[] = {"", "import", "crawl", "report", "export", "status"};

BOOST_FIXTURE_TEST_SUITE(cli_errors, CliFixture)

BOOST_AUTO_TEST_CASE(import_of_missing_file_fails_naming_the_path) {
  const std::string missing = (dir.path() / "no-such-page.html").string();
  RunResult result = Run({"import", "--db", db, missing});
  BOOST_TEST(result.exit_status == 1, result);
  BOOST_TEST(Contains(result.err, missing), result);
  BOOST_TEST(Contains(result.err, "no such file"), result);
}

BOOST_AUTO_TEST_CASE(import_of_text_file_fails_saying_not_html) {
  const fs::path notes = dir.path() / "notes.html";
  WriteFile(notes, "Meeting notes: call Margo on Friday.\n");
  RunResult result = Run({"import", "--db", db, notes.string()});
  BOOST_TEST(result.exit_status == 1, result);
  BOOST_TEST(Contains(result.err, notes.string()), result);
  BOOST_TEST(Contains(result.err, "not HTML"), result);
}

BOOST_AUTO_TEST_CASE(import_of_empty_file_fails_saying_empty) {
  const fs::path empty = dir.path() / "empty.html";
  WriteFile(empty, "");
  RunResult result = Run({"import", "--db", db, empty.string()});
  BOOST_TEST(result.exit_status == 1, result);
  BOOST_TEST(Contains(result.err, empty.string()), result);
  BOOST_TEST(Contains(result.err, "empty"), result);
}

BOOST_AUTO_TEST_CASE(import_of_binary_file_fails_saying_not_html) {
  const fs::path image = dir.path() / "photo.html";
  std::string bytes = "\x89PNG\r\n\x1a\n";
  bytes += std::string("\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0", 21);
  for (int i = 0; i < 512; ++i) bytes += static_cast<char>((i * 37) & 0xff);
  WriteFile(image, bytes);
  RunResult result = Run({"import", "--db", db, image.string()});
  BOOST_TEST(result.exit_status == 1, result);
  BOOST_TEST(Contains(result.err, image.string()), result);
  BOOST_TEST(Contains(result.err, "not HTML"), result);
}

BOOST_AUTO_TEST_CASE(crawl_of_missing_file_url_fails) {
  const std::string url = "file://" + (dir.path() / "nowhere" / "index.html").string();
  RunResult result = Run({"crawl", "--db", db, url});
  BOOST_TEST(result.exit_status == 1, result);
  BOOST_TEST(Contains(result.err, url), result);
}

BOOST_AUTO_TEST_CASE(unknown_report_kind_is_usage_error_listing_the_kinds) {
  CopyImportedSample();
  RunResult result = Run({"report", "gossip", "--db", db});
  BOOST_TEST(result.exit_status == 2, result);
  BOOST_TEST(Contains(result.err, "gossip"), result);
  for (const char* kind : {"replies", "mentions", "links"}) {
    BOOST_TEST(Contains(result.err, kind), result);
  }
  BOOST_TEST(result.out.empty(), result);
}

BOOST_AUTO_TEST_CASE(unknown_report_format_is_usage_error) {
  CopyImportedSample();
  RunResult result = Run({"report", "replies", "--db", db, "--format", "xml"});
  BOOST_TEST(result.exit_status == 2, result);
  BOOST_TEST(Contains(result.err, "xml"), result);
  BOOST_TEST(result.out.empty(), result);
}

BOOST_AUTO_TEST_CASE(unknown_export_format_is_usage_error) {
  CopyImportedSample();
  RunResult result = Run({"export", "--db", db, "--format", "xml"});
  BOOST_TEST(result.exit_status == 2, result);
  BOOST_TEST(Contains(result.err, "xml"), result);
  BOOST_TEST(result.out.empty(), result);
}

BOOST_AUTO_TEST_CASE(no_subcommand_is_usage_error) {
  RunResult result = Run({});
  BOOST_TEST(result.exit_status == 2, result);
  BOOST_TEST(!result.err.empty(), result);
}

BOOST_AUTO_TEST_CASE(reading_a_database_that_does_not_exist_fails_and_creates_none) {
  const std::string missing = (dir.path() / "never-made.db").string();
  for (const auto& args : {std::vector<std::string>{"report", "replies", "--db", missing},
                           std::vector<std::string>{"export", "--db", missing},
                           std::vector<std::string>{"status", "--db", missing}}) {
    RunResult result = Run(args);
    BOOST_TEST(result.exit_status == 1, args[0] << ": " << result);
    BOOST_TEST(Contains(result.err, "no database at " + missing), args[0] << ": " << result);
  }
  BOOST_TEST(FilesIn(dir.path()).empty(), "files were created");
}

BOOST_AUTO_TEST_CASE(garbage_file_as_database_is_refused_and_left_unchanged) {
  const fs::path garbage = dir.path() / "notes.db";
  std::string bytes = "These are my notes, not a database.\n";
  for (int i = 0; i < 4096; ++i) bytes += static_cast<char>((i * 131 + 7) & 0xff);
  WriteFile(garbage, bytes);
  const std::set<std::string> files = FilesIn(dir.path());
  for (const auto& args : EveryDatabaseCommand(garbage.string())) {
    RunResult result = Run(args);
    BOOST_TEST(result.exit_status == 1, args[0] << ": " << result);
    BOOST_TEST(Contains(result.err, "not a linkgraph database"), args[0] << ": " << result);
    BOOST_TEST((testing::ReadFile(garbage) == bytes), args[0] << " changed the file");
    BOOST_TEST((FilesIn(dir.path()) == files), args[0] << " left files behind");
  }
}

BOOST_AUTO_TEST_CASE(other_programs_sqlite_file_is_refused_and_left_unchanged) {
  const fs::path foreign = dir.path() / "notes.sqlite";
  WriteForeignSqlite(foreign);
  const std::string bytes = testing::ReadFile(foreign);
  const std::set<std::string> files = FilesIn(dir.path());
  for (const auto& args : EveryDatabaseCommand(foreign.string())) {
    RunResult result = Run(args);
    BOOST_TEST(result.exit_status == 1, args[0] << ": " << result);
    BOOST_TEST(Contains(result.err, "not a linkgraph database"), args[0] << ": " << result);
    BOOST_TEST((testing::ReadFile(foreign) == bytes), args[0] << " changed the file");
    BOOST_TEST((FilesIn(dir.path()) == files), args[0] << " left files behind");
  }
}

BOOST_DATA_TEST_CASE(help_exits_0_and_prints_usage, data::make(kHelpCommands), command) {
  std::vector<std::string> args;
  if (*command != '\0') args.push_back(command);
  args.push_back("--help");
  RunResult result = Run(args);
  BOOST_TEST(result.exit_status == 0, result);
  BOOST_TEST(Contains(result.out + result.err, "Usage"), result);
}

BOOST_AUTO_TEST_CASE(an_unreachable_postgresql_database_is_named_without_its_password) {
  // Port 1 on the loopback: nothing listens there, so the refusal is at once.
  RunResult result = Run({"status", "--db", "postgresql://lg:s3cret@127.0.0.1:1/graph"});
  BOOST_TEST(result.exit_status != 0, result);
  BOOST_TEST(Contains(result.err, "connect postgresql://lg:***@127.0.0.1:1/graph"), result);
  BOOST_TEST(!Contains(result.err, "s3cret"), result);
}

BOOST_AUTO_TEST_CASE(sqlite_colon_path_names_the_same_file_as_the_path) {
  RunResult imported = Run({"import", "--quiet", "--db", "sqlite:" + db, SampleDir().string()});
  BOOST_TEST(imported.exit_status == 0, imported);
  RunResult status = Run({"status", "--db", db});
  BOOST_TEST(status.exit_status == 0, status);
  BOOST_TEST(Contains(status.out, "posts       3"), status);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::cli_test
