// `linkgraph report` and `linkgraph export` on the imported sample blog: the
// JSON and CSV that scripts read.
#include <boost/test/unit_test.hpp>
#include <regex>
#include <set>

#include "tests/cli/cli_fixtures.h"

namespace linkgraph::cli_test {
namespace LINKGRAPH_FILE_SCOPE {

std::set<std::string> Keys(const nlohmann::json& object) {
  std::set<std::string> keys;
  for (const auto& item : object.items()) keys.insert(item.key());
  return keys;
}

// Every object of export[array] has at least these keys.
void CheckHasKeys(const nlohmann::json& exported, const std::string& array,
                  const std::set<std::string>& wanted) {
  BOOST_REQUIRE_MESSAGE(exported.contains(array) && exported[array].is_array(),
                        "no top-level array " << array);
  BOOST_TEST(!exported[array].empty(), array << " is empty");
  for (const auto& object : exported[array]) {
    std::set<std::string> keys = Keys(object);
    for (const std::string& key : wanted) {
      BOOST_TEST(keys.count(key) == 1u, array << " object without " << key << ": " << object);
    }
  }
}

bool IsIso8601(const std::string& date) {
  static const std::regex kIso(R"(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})?)?)");
  return std::regex_match(date, kIso);
}

std::string Text(const nlohmann::json& value) { return value.get<std::string>(); }

BOOST_FIXTURE_TEST_SUITE(cli_report, CliFixture)

BOOST_AUTO_TEST_CASE(replies_json_has_five_keys_and_wendys_four_seed_replies) {
  CopyImportedSample();
  nlohmann::json report =
      ParseJson(RunOk({"report", "replies", "--db", db, "--format", "json"}).out);
  BOOST_TEST((Keys(report) == std::set<std::string>{"authors", "pairs", "unanswered", "replies"}));
  const nlohmann::json& replies = report["replies"];
  BOOST_REQUIRE(replies.is_array());
  BOOST_TEST(replies.size() == 6u);
  const std::set<std::string> keys = {"replier", "replied_to", "comment_url", "reply_url",
                                      "latency_hours"};
  std::vector<std::string> seed_replied_to;
  for (const auto& reply : replies) {
    BOOST_TEST((Keys(reply) == keys), reply);
    if (Text(reply["reply_url"]).rfind(kSeedPostUrl, 0) != 0) continue;
    seed_replied_to.push_back(Text(reply["replied_to"]));
    BOOST_TEST(Text(reply["replier"]) == "Wendy");
    BOOST_TEST(Text(reply["comment_url"]).rfind(kSeedPostUrl, 0) == 0u);
    BOOST_REQUIRE(reply["latency_hours"].is_number());
    double hours = reply["latency_hours"];
    BOOST_TEST(hours > 77.0);
    BOOST_TEST(hours < 96.0);
  }
  // People as the graph names them: the display name without its handle,
  // the handle shown beside it.
  const std::vector<std::string> expected = {"Margo Rose (@HRMargo)", "Peter Gold", "Dave Martin",
                                             "Akiki"};
  BOOST_TEST(seed_replied_to == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(export_json_has_documented_arrays_keys_and_iso_dates) {
  CopyImportedSample();
  nlohmann::json exported = ExportJson();
  BOOST_REQUIRE(exported.is_object());
  CheckHasKeys(exported, "posts", {"url", "title", "author", "published", "site"});
  CheckHasKeys(exported, "comments",
               {"id", "post_url", "author", "author_url", "published", "parent_id", "text"});
  CheckHasKeys(exported, "trackbacks", {"post_url", "source_url", "title", "published", "kind"});
  CheckHasKeys(exported, "mentions", {"handle", "source_url", "in", "by"});
  for (const char* array : {"posts", "comments", "trackbacks"}) {
    for (const auto& object : exported[array]) {
      const std::string published = Text(object["published"]);
      BOOST_TEST(IsIso8601(published), array << " date '" << published << "' is not ISO 8601");
      BOOST_TEST(published.find('T') != std::string::npos, "the sample gives times: " << object);
    }
  }
}

BOOST_AUTO_TEST_CASE(export_lists_seed_mentions_in_post_and_in_comment) {
  CopyImportedSample();
  nlohmann::json exported = ExportJson();
  std::vector<std::string> in_post, in_comment;
  for (const auto& mention : exported["mentions"]) {
    const std::string source = Text(mention["source_url"]);
    if (source.rfind(kSeedPostUrl, 0) != 0) continue;
    const std::string in = Text(mention["in"]);
    BOOST_TEST((in == "post" || in == "comment"), mention);
    (in == "post" ? in_post : in_comment).push_back(Text(mention["handle"]));
    if (in == "post") BOOST_TEST(source == kSeedPostUrl);
  }
  const std::vector<std::string> expected_post = {
      "@LisaScales",   "@AndyHeadworth", "@AlanWhitford", "@RadicalRecruit",
      "@MervynDinnen", "@LaraNewman",    "@ClareWildman"};
  BOOST_TEST(in_post == expected_post, boost::test_tools::per_element());
  const std::vector<std::string> expected_comment = {"@HRMargo"};
  BOOST_TEST(in_comment == expected_comment, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(export_out_writes_parsable_json_and_leaves_no_partial_file) {
  CopyImportedSample();
  const fs::path out = dir.path() / "export.json";
  RunResult result = RunOk({"export", "--db", db, "--format", "json", "--out", out.string()});
  BOOST_TEST(result.out.empty(), result);
  BOOST_REQUIRE(fs::exists(out));
  const std::string written = testing::ReadFile(out);
  nlohmann::json exported = ParseJson(written);
  BOOST_TEST(exported["posts"].size() == 3u);
  BOOST_TEST((written == Export()), "the file differs from the export on stdout");
  BOOST_TEST(!fs::exists(out.string() + ".partial"));
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    BOOST_TEST(entry.path().extension() != ".partial", entry.path());
  }
}

BOOST_AUTO_TEST_CASE(export_html_is_one_page_holding_every_person_on_stdout_or_in_a_file) {
  CopyImportedSample();
  const std::string page = RunOk({"export", "--db", db, "--format", "html"}).out;
  BOOST_TEST(page.rfind("<!DOCTYPE html>", 0) == 0u, page.substr(0, 200));
  const std::string data_start = "<script type=\"application/json\" id=\"graph-data\">";
  const size_t start = page.find(data_start);
  BOOST_REQUIRE(start != std::string::npos);
  const size_t end = page.find("</script>", start);
  BOOST_REQUIRE(end != std::string::npos);
  const nlohmann::json graph =
      ParseJson(page.substr(start + data_start.size(), end - start - data_start.size()));
  BOOST_TEST(graph["nodes"].size() == ExportJson()["people"].size());

  const fs::path out = dir.path() / "graph.html";
  RunOk({"export", "--db", db, "--format", "html", "--out", out.string()});
  BOOST_TEST((testing::ReadFile(out) == page), "the file differs from the page on stdout");
}

BOOST_AUTO_TEST_CASE(mentions_csv_has_header_crlf_rows_and_handles_exactly_as_stored) {
  CopyImportedSample();
  RunResult result = RunOk({"report", "mentions", "--db", db, "--format", "csv"});
  BOOST_TEST(result.out.rfind("handle,by,in,source_url\r\n", 0) == 0u, result.out);
  auto rows = ParseCsv(result.out);
  BOOST_REQUIRE(rows.size() == 13u);  // header and 12 stored mentions
  const std::vector<std::string> header = {"handle", "by", "in", "source_url"};
  BOOST_TEST(rows[0] == header, boost::test_tools::per_element());
  bool saw_margo = false;
  for (size_t i = 1; i < rows.size(); ++i) {
    BOOST_REQUIRE(rows[i].size() == 4u);
    BOOST_TEST(rows[i][0].rfind("@", 0) == 0u, "handle cell " << rows[i][0]);
    if (rows[i][0] == "@HRMargo") {
      saw_margo = true;
      // The comment's author name starts with @ too.
      BOOST_TEST(rows[i][1] == "@HRMargo Margo Rose");
      BOOST_TEST(rows[i][2] == "comment");
    }
  }
  BOOST_TEST(saw_margo);
}

BOOST_AUTO_TEST_CASE(mentions_csv_quotes_commas_and_quotes_rfc4180) {
  std::string html = testing::ReadFile(SampleDir() / kSeedPageFile);
  ReplaceOnce(&html, ">@HRMargo Margo Rose</a></cite>",
              ">@HRMargo &quot;Pickle&quot; Rose, HR</a></cite>");
  const fs::path page = dir.path() / "seed.html";
  WriteFile(page, html);
  RunOk({"import", "--db", db, page.string()});
  RunResult result = RunOk({"report", "mentions", "--db", db, "--format", "csv"});
  const std::string cell = R"("@HRMargo ""Pickle"" Rose, HR")";
  BOOST_TEST(result.out.find("@HRMargo," + cell + ",comment,") != std::string::npos, result.out);
  bool found = false;
  for (const auto& row : ParseCsv(result.out)) {
    found = found || (row.size() == 4 && row[1] == "@HRMargo \"Pickle\" Rose, HR");
  }
  BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(links_json_marks_the_blogs_pingback_to_itself_as_self) {
  CopyImportedSample();
  nlohmann::json links = ParseJson(RunOk({"report", "links", "--db", db, "--format", "json"}).out);
  BOOST_REQUIRE(links.is_array());
  BOOST_TEST(links.size() == 4u);  // the underground post's link is the pingback's other end
  int self = 0;
  for (const auto& link : links) {
    bool is_self = link["self"].get<bool>();
    self += is_self;
    BOOST_TEST(is_self == (Text(link["kind"]) == "pingback"), link);
  }
  BOOST_TEST(self == 1);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::cli_test
