// `report new`: what the last run added (or runs since a date), from the
// command line on the sample blog: posts, comments and linkbacks first
// stored, the edges their texts gave, meetings first, and the people first
// seen in them.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <set>
#include <thread>

#include "tests/cli/cli_fixtures.h"

namespace linkgraph::cli_test {
namespace LINKGRAPH_FILE_SCOPE {

struct NewFixture : CliFixture {
  void Import(const std::string& page) {
    RunOk({"import", "-q", "--db", db, (SampleDir() / page).string()});
  }

  nlohmann::json New(std::vector<std::string> args = {}) const {
    args.insert(args.begin(), {"report", "new"});
    for (const char* extra : {"--db", db.c_str(), "--format", "json"}) args.emplace_back(extra);
    return ParseJson(RunOk(args).out);
  }
};

std::multiset<std::string> Whats(const nlohmann::json& rows) {
  std::multiset<std::string> whats;
  for (const auto& row : rows) whats.insert(row.at("what").get<std::string>());
  return whats;
}

std::set<std::string> UrlsOf(const nlohmann::json& rows, const std::string& what) {
  std::set<std::string> urls;
  for (const auto& row : rows) {
    if (row.at("what") == what) urls.insert(row.at("url").get<std::string>());
  }
  return urls;
}

// Runs are told apart by their start, to the second.
void NextSecond() { std::this_thread::sleep_for(std::chrono::milliseconds(1100)); }

BOOST_FIXTURE_TEST_SUITE(cli_report_new, NewFixture)

BOOST_AUTO_TEST_CASE(the_first_run_is_all_new_with_meetings_first) {
  Import(kSeedPageFile);
  const nlohmann::json rows = New();
  const std::multiset<std::string> whats = Whats(rows);
  BOOST_TEST(whats.count("post") == 1u);
  BOOST_TEST(whats.count("comment") > 5u, rows.dump(1));
  BOOST_TEST(whats.count("edge") > 10u);
  BOOST_TEST(whats.count("person") > 5u);
  BOOST_TEST(UrlsOf(rows, "post") == std::set<std::string>{kSeedPostUrl});
  BOOST_REQUIRE(!rows.empty());
  BOOST_TEST(rows[0].at("what") == "edge");
  BOOST_TEST(rows[0].at("kind") == "met");
  for (const auto& row : rows) BOOST_TEST(!row.at("first_seen").get<std::string>().empty());
}

BOOST_AUTO_TEST_CASE(a_later_run_lists_only_what_it_added) {
  Import(kSeedPageFile);
  NextSecond();
  Import("2010/03/28/a-weekend-of-underground-restaurants/index.html");
  const nlohmann::json rows = New();
  const std::set<std::string> posts = UrlsOf(rows, "post");
  BOOST_TEST(posts.size() == 1u);
  BOOST_TEST(posts.count(kSeedPostUrl) == 0u, rows.dump(1));
  // Wendy wrote both posts: she is no new person.
  for (const auto& row : rows) {
    BOOST_TEST(!(row.at("what") == "person" && row.at("who") == "Wendy"), row.dump());
  }
  // Since a date before both runs: both runs' posts.
  BOOST_TEST(UrlsOf(New({"--since", "2000-01-01"}), "post").size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_run_that_adds_nothing_makes_nothing_new) {
  Import(kSeedPageFile);
  NextSecond();
  Import(kSeedPageFile);
  BOOST_TEST(New().empty());
  BOOST_TEST(!New({"--since", "2000-01-01"}).empty());
  BOOST_TEST(New({"--since", "2000-01-01", "--until", "2000-12"}).empty());
}

BOOST_AUTO_TEST_CASE(csv_and_table_carry_the_same_rows) {
  Import(kSeedPageFile);
  const size_t rows = New().size();
  const std::string csv = RunOk({"report", "new", "--db", db, "--format", "csv"}).out;
  BOOST_TEST(csv.rfind("what,first_seen,who,to,kind,text,url\r\n", 0) == 0u, csv.substr(0, 80));
  BOOST_TEST(RunOk({"report", "new", "--db", db}).out.find("Dave Martin") != std::string::npos);
  BOOST_TEST(rows > 20u);
}

BOOST_AUTO_TEST_CASE(since_and_until_are_checked_before_the_database_opens) {
  const std::string missing = (dir.path() / "none.db").string();
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"report", "new", "--since", "yesterday"},
        {"report", "new", "--until", "soon"},
        {"report", "met", "--since", "LAST"},
        {"report", "people", "--until", "later"}}) {
    std::vector<std::string> full = args;
    full.insert(full.end(), {"--db", missing});
    RunResult result = Run(full);
    BOOST_TEST(result.exit_status == 2, result);
    BOOST_TEST(!fs::exists(missing));
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::cli_test
