// Fixtures for the end-to-end tests of the `linkgraph` executable: a fresh
// temporary folder per case (the child's working folder, and where its
// database lives), the bundled sample blog, and small readers of the
// binary's output (status lines, JSON, CSV).
#pragma once

#include <sqlite3.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"
#include "tests/cli/run_linkgraph.h"
#include "tests/support/test_paths.h"

namespace linkgraph::cli_test {

namespace fs = std::filesystem;
using testing::RunResult;

inline constexpr char kSeedPostUrl[] =
    "http://wendytherecruiter.wordpress.com/2009/12/06/social-media-from-online-to-offline/";
inline constexpr char kSeedPageFile[] =
    "2009/12/06/social-media-from-online-to-offline/index.html";

// The sample's four pages, relative to SampleDir().
inline const std::vector<std::string>& SamplePages() {
  static const std::vector<std::string> pages = {
      "index.html",
      "2009/11/20/why-i-started-blogging/index.html",
      kSeedPageFile,
      "2010/03/28/a-weekend-of-underground-restaurants/index.html",
  };
  return pages;
}

inline bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

inline fs::path SampleDir() { return testing::SourceDir() / "examples" / "wendy-the-recruiter"; }

inline std::string SampleIndexFileUrl() {
  return "file://" + (SampleDir() / "index.html").lexically_normal().string();
}

inline void WriteFile(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

// Replaces the first occurrence of from; fails the test when there is none,
// so a fixture edit that no longer applies cannot pass silently.
inline void ReplaceOnce(std::string* text, std::string_view from, std::string_view to) {
  size_t at = text->find(from);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "fixture text not found: " << from);
  text->replace(at, from.size(), to);
}

inline nlohmann::json ParseJson(const std::string& text) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& error) {
    BOOST_FAIL("output is not JSON: " << error.what() << "\n" << text.substr(0, 2000));
  }
  return {};
}

// "posts       3" lines of `linkgraph status`, by name: what is stored. The
// last crawl's "crawl-*" lines describe a run, not the store, and are left
// out unless asked for.
inline std::map<std::string, long long> StatusCounts(const std::string& out,
                                                     bool with_crawl = false) {
  std::map<std::string, long long> counts;
  std::istringstream lines(out);
  // A line's first two words: the free text after them (reasons, notes)
  // may have any number of words.
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::string name, value;
    if (!(words >> name >> value)) continue;
    if (!with_crawl && name.rfind("crawl-", 0) == 0) continue;
    if (!value.empty() && value.find_first_not_of("0123456789") == std::string::npos) {
      counts[name] = std::stoll(value);
    }
  }
  return counts;
}

// The numbers of an import or crawl summary line ("... 0 new, 0 changed,
// 4 unchanged pages; 0 new posts, 0 new comments (0 updated), ..."), by
// what they count: "new pages", "changed pages", "unchanged pages",
// "new posts", "new comments", "updated comments", "new trackbacks",
// "new mentions".
inline std::map<std::string, int> SummaryNumbers(const std::string& line) {
  static const std::regex kSummary(
      R"((\d+) new, (\d+) changed, (\d+) unchanged pages; (\d+) new posts, (\d+) new )"
      R"(comments \((\d+) updated\), (\d+) new trackbacks, (\d+) new mentions)");
  std::smatch match;
  BOOST_REQUIRE_MESSAGE(std::regex_search(line, match, kSummary), "no summary in: " << line);
  const char* names[] = {"new pages",    "changed pages",    "unchanged pages", "new posts",
                         "new comments", "updated comments", "new trackbacks",  "new mentions"};
  std::map<std::string, int> numbers;
  for (size_t i = 0; i < 8; ++i) numbers[names[i]] = std::stoi(match[i + 1].str());
  return numbers;
}

// RFC 4180 records: quoted fields may hold commas, CRLF and doubled quotes.
// Lines end in CRLF; a bare LF outside quotes fails the test.
inline std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, field_started = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"' && !field_started) {
      quoted = field_started = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      field_started = false;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      row.push_back(std::move(field));
      rows.push_back(std::move(row));
      row.clear();
      field.clear();
      field_started = false;
      ++i;
    } else {
      BOOST_REQUIRE_MESSAGE(c != '\n' && c != '"', "bad CSV at byte " << i);
      field += c;
      field_started = true;
    }
  }
  BOOST_REQUIRE_MESSAGE(!quoted && row.empty() && field.empty(), "CSV does not end in CRLF");
  return rows;
}

// The newest crawl stored in db and every URL it holds, queued or done.
struct StoredCrawl {
  store::CrawlRun run;
  std::vector<store::Store::CrawlUrl> urls;
};

inline StoredCrawl LastStoredCrawl(const std::string& db) {
  auto store = store::OpenSqliteStore(db);
  BOOST_REQUIRE(store.ok());
  auto last = (*store)->LastCrawl();
  BOOST_REQUIRE(last.ok());
  BOOST_REQUIRE(last->has_value());
  auto urls = (*store)->CrawlUrls((*last)->id);
  BOOST_REQUIRE(urls.ok());
  return {std::move(**last), std::move(*urls)};
}

// How many URLs the running crawl has recorded as done, read without
// disturbing it; 0 while the database or its tables do not exist yet.
inline int RecordedUrlCount(const std::string& db) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> connection(raw, sqlite3_close);
  if (rc != SQLITE_OK) return 0;
  sqlite3_stmt* raw_statement = nullptr;
  if (sqlite3_prepare_v2(raw, "SELECT count(*) FROM crawl_urls WHERE done = 1", -1, &raw_statement,
                         nullptr) != SQLITE_OK) {
    return 0;
  }
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw_statement, sqlite3_finalize);
  return sqlite3_step(raw_statement) == SQLITE_ROW ? sqlite3_column_int(raw_statement, 0) : 0;
}

// Sets the variable for the children started while it lives.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() { ::unsetenv(name_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
};

// A database of `linkgraph import PATHS`, made once per test process and
// list of paths, for cases that only read what an import stored: importing
// the sample again for each of them took most of the report suites' time
// (a second per import under ASan). Each case copies it (CopyImported).
inline fs::path ImportedOnce(const std::vector<std::string>& paths) {
  static std::map<std::vector<std::string>, std::unique_ptr<testing::TempDir>> made;
  std::unique_ptr<testing::TempDir>& dir = made[paths];
  if (!dir) {
    auto fresh = std::make_unique<testing::TempDir>();
    std::vector<std::string> args = {"import", "-q", "--db",
                                     (fresh->path() / "linkgraph.db").string()};
    args.insert(args.end(), paths.begin(), paths.end());
    RunResult result = testing::RunLinkgraph(args, fresh->path());
    BOOST_REQUIRE_MESSAGE(result.exit_status == 0, "linkgraph failed: " << result);
    dir = std::move(fresh);
  }
  return dir->path() / "linkgraph.db";
}

// One case: a fresh folder that is the child's working folder and holds its
// database, so nothing is ever written where the tests were started.
struct CliFixture {
  testing::TempDir dir;
  std::string db = (dir.path() / "linkgraph.db").string();

  RunResult Run(const std::vector<std::string>& args) const {
    return testing::RunLinkgraph(args, dir.path());
  }

  // Runs a command that must succeed (exit 0).
  RunResult RunOk(const std::vector<std::string>& args) const {
    RunResult result = Run(args);
    BOOST_REQUIRE_MESSAGE(result.exit_status == 0, "linkgraph failed: " << result);
    return result;
  }

  RunResult ImportSample() const { return RunOk({"import", "--db", db, SampleDir().string()}); }

  // This case's database becomes a copy of ImportedOnce(paths): what
  // ImportSample stores, for a case that does not check the import itself.
  void CopyImported(const std::vector<std::string>& paths) const {
    fs::copy_file(ImportedOnce(paths), db, fs::copy_options::overwrite_existing);
  }
  void CopyImportedSample() const { CopyImported({SampleDir().string()}); }

  std::string Export() const { return RunOk({"export", "--db", db, "--format", "json"}).out; }

  nlohmann::json ExportJson() const { return ParseJson(Export()); }

  std::map<std::string, long long> Status() const {
    return StatusCounts(RunOk({"status", "--db", db}).out);
  }
};

}  // namespace linkgraph::cli_test
