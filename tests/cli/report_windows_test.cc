// --since, --until and --limit on every report, and the ids the exports
// join by, on the imported sample blog.
#include <boost/test/unit_test.hpp>
#include <map>
#include <set>

#include "tests/cli/cli_fixtures.h"

namespace linkgraph::cli_test {
namespace LINKGRAPH_FILE_SCOPE {

nlohmann::json ReportJson(const CliFixture& cli, std::vector<std::string> args) {
  args.insert(args.begin(), "report");
  args.insert(args.end(), {"--db", cli.db, "--format", "json"});
  return ParseJson(cli.RunOk(args).out);
}

BOOST_FIXTURE_TEST_SUITE(cli_report_windows, CliFixture)

BOOST_AUTO_TEST_CASE(met_since_until_keeps_only_statements_dated_in_the_window) {
  CopyImportedSample();
  const nlohmann::json all = ReportJson(*this, {"met"});
  const nlohmann::json february =
      ReportJson(*this, {"met", "--since", "2010-01", "--until", "2010-02"});
  BOOST_TEST(february.size() < all.size());
  BOOST_REQUIRE(!february.empty());
  for (const auto& row : february) {
    for (const auto& statement : row["statements"]) {
      const std::string date = statement["date"];
      BOOST_TEST(
          (!date.empty() && date.substr(0, 7) >= "2010-01" && date.substr(0, 7) <= "2010-02"),
          statement);
    }
  }
}

BOOST_AUTO_TEST_CASE(every_report_takes_since_and_until) {
  CopyImportedSample();
  for (std::vector<std::string> args :
       std::vector<std::vector<std::string>>{{"met"},
                                             {"replies"},
                                             {"mentions"},
                                             {"links"},
                                             {"people"},
                                             {"person", "Wendy"},
                                             {"path", "@LaraNewman", "Dave Martin"},
                                             {"vouch", "@LaraNewman"},
                                             {"pages"},
                                             {"new"}}) {
    args.insert(args.end(), {"--since", "2009-12-01", "--until", "2009-12-31"});
    ReportJson(*this, args);
  }
  // Nothing in the sample is dated in 1990: every list is empty.
  BOOST_TEST(ReportJson(*this, {"mentions", "--since", "1990", "--until", "1990"}).empty());
  BOOST_TEST(ReportJson(*this, {"links", "--until", "1990"}).empty());
  BOOST_TEST(ReportJson(*this, {"people", "--until", "1990"}).empty());
  BOOST_TEST(ReportJson(*this, {"pages", "--until", "1990"}).empty());
  BOOST_TEST(ReportJson(*this, {"replies", "--until", "1990"})["replies"].empty());
  BOOST_TEST(ReportJson(*this, {"person", "Wendy", "--until", "1990"})["interactions"].empty());
  BOOST_TEST(ReportJson(*this, {"path", "@LaraNewman", "Dave Martin", "--until", "1990"}).empty());
}

BOOST_AUTO_TEST_CASE(since_last_is_for_new_and_a_bad_date_is_a_usage_error) {
  const RunResult last = Run({"report", "met", "--db", db, "--since", "LAST"});
  BOOST_TEST(last.exit_status == 2);
  BOOST_TEST(last.err.find("LAST is for 'new'") != std::string::npos, last.err);
  const RunResult bad = Run({"report", "people", "--db", db, "--until", "yesterday"});
  BOOST_TEST(bad.exit_status == 2);
  BOOST_TEST(bad.err.find("--until") != std::string::npos, bad.err);
}

BOOST_AUTO_TEST_CASE(limit_cuts_every_listing_report) {
  CopyImportedSample();
  for (const std::string kind : {"met", "mentions", "links", "people", "pages", "new"}) {
    BOOST_TEST(ReportJson(*this, {kind, "--limit", "1"}).size() == 1u, kind);
  }
  BOOST_TEST(ReportJson(*this, {"replies", "--limit", "1"})["replies"].size() == 1u);
  BOOST_TEST(ReportJson(*this, {"person", "Wendy", "--limit", "2"})["interactions"].size() == 2u);
  BOOST_TEST(ReportJson(*this, {"vouch", "@LaraNewman", "--limit", "1"}).size() == 1u);
  const RunResult path =
      Run({"report", "path", "Wendy", "@LaraNewman", "--db", db, "--limit", "2"});
  BOOST_TEST(path.exit_status == 2);
  BOOST_TEST(path.err.find("--limit means nothing for 'path'") != std::string::npos, path.err);
}

BOOST_AUTO_TEST_CASE(texts_name_their_authors_by_the_id_and_key_of_people_and_nodes) {
  CopyImportedSample();
  const nlohmann::json exported = ExportJson();
  std::map<long long, std::string> key_of;
  for (const auto& person : exported["people"]) key_of[person["id"]] = person["key"];
  const nlohmann::json people = ReportJson(*this, {"people", "--limit", "1000"});
  for (const auto& person : people) {
    BOOST_TEST(key_of.at(person["id"]) == person["key"].get<std::string>(),
               "report people and the export agree on " << person);
  }
  std::set<std::string> comment_ids;
  for (const auto& comment : exported["comments"]) {
    BOOST_TEST(comment_ids.insert(comment["id"].get<std::string>()).second, comment["id"]);
  }
  for (const nlohmann::json* texts : {&exported["posts"], &exported["comments"]}) {
    for (const auto& text : *texts) {
      BOOST_REQUIRE_MESSAGE(text["author_id"].is_number(), text);
      BOOST_TEST(key_of.at(text["author_id"]) == text["author_key"].get<std::string>(), text);
    }
  }
  for (const auto& comment : exported["comments"]) {
    const std::string parent = comment["parent_id"];
    BOOST_TEST((parent.empty() || comment_ids.count(parent) == 1u), comment);
  }
}

BOOST_AUTO_TEST_CASE(reports_name_people_by_the_ids_of_report_people) {
  CopyImportedSample();
  std::set<long long> ids;
  for (const auto& person : ReportJson(*this, {"people", "--limit", "1000"})) {
    ids.insert(person["id"].get<long long>());
  }
  const nlohmann::json met = ReportJson(*this, {"met"});
  BOOST_REQUIRE(!met.empty());
  for (const auto& row : met) {
    BOOST_TEST((ids.count(row["a_id"]) == 1u && ids.count(row["b_id"]) == 1u), row);
  }
  for (const auto& hop : ReportJson(*this, {"path", "@LaraNewman", "Dave Martin"})) {
    BOOST_TEST((ids.count(hop["from_id"]) == 1u && ids.count(hop["to_id"]) == 1u), hop);
  }
  for (const auto& row : ReportJson(*this, {"vouch", "@LaraNewman"})) {
    BOOST_TEST((ids.count(row["voucher_id"]) == 1u && ids.count(row["said_by_id"]) == 1u), row);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::cli_test
