// `linkgraph status`: the last-crawl section, as people and scripts read it.
#include <boost/test/unit_test.hpp>
#include <map>
#include <sstream>
#include <string>

#include "reports/reports.h"
#include "tests/reports/report_fixtures.h"

namespace linkgraph::reports_test {
namespace LINKGRAPH_FILE_SCOPE {

std::string Status(store::Store& db) {
  std::ostringstream out;
  ::linkgraph::Status written = reports::WriteStatus(db, out);
  if (!written.ok()) BOOST_FAIL("status failed: " << written.error().message);
  return out.str();
}

// Read as tests/cli/cli_fixtures.h StatusCounts reads it: whitespace-separated
// "name value" pairs, numeric values kept.
std::map<std::string, long long> Numbers(const std::string& out) {
  std::map<std::string, long long> numbers;
  std::istringstream words(out);
  std::string name, value;
  while (words >> name >> value) {
    if (value.find_first_not_of("0123456789") == std::string::npos) {
      numbers[name] = std::stoll(value);
    }
  }
  return numbers;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

BOOST_AUTO_TEST_SUITE(status)

BOOST_AUTO_TEST_CASE(store_without_crawls_says_never) {
  auto db = OpenMemoryStore();
  const std::string out = Status(*db);
  BOOST_TEST(Contains(out, "\ncrawl-started       never\n"), out);
  BOOST_TEST(Numbers(out).at("pages") == 0);
}

BOOST_AUTO_TEST_CASE(unfinished_crawl_says_the_same_command_resumes_it) {
  auto db = OpenMemoryStore();
  const long long crawl = Must(db->OpenCrawl("k", {{"https://a.example/", UrlKind::kPage, 0, ""}},
                                             "2024-03-01T10:00:00Z"))
                              .id;
  store::CrawledUrl home;
  home.url = "https://a.example/";
  home.outcome = "ok";
  home.discovered = {{"https://a.example/1/", UrlKind::kPage, 1, "https://a.example/"},
                     {"https://a.example/2/", UrlKind::kPage, 1, "https://a.example/"}};
  Must(db->RecordCrawled(crawl, {home}, store::CrawlTotals{5, 1, 2, 3, 999, 4, 6}));

  const std::string out = Status(*db);
  BOOST_TEST(Contains(out, "\ncrawl-started       2024-03-01T10:00:00Z\n"), out);
  BOOST_TEST(Contains(out,
                      "\ncrawl-finished      unfinished: killed or still running; the same "
                      "command resumes it\n"),
             out);
  const auto numbers = Numbers(out);
  BOOST_TEST(numbers.at("crawl-fetched") == 5);
  BOOST_TEST(numbers.at("crawl-not-modified") == 1);
  BOOST_TEST(numbers.at("crawl-failed") == 2);
  BOOST_TEST(numbers.at("crawl-skipped") == 3);
  BOOST_TEST(numbers.at("crawl-new-comments") == 4);
  BOOST_TEST(numbers.at("crawl-new-mentions") == 6);
  BOOST_TEST(numbers.at("crawl-done") == 1);
  BOOST_TEST(numbers.at("crawl-queued") == 2);
  BOOST_TEST(numbers.at("mentions") == 0);  // the store's line, not the crawl's
}

BOOST_AUTO_TEST_CASE(finished_crawl_shows_its_outcome_and_time) {
  auto db = OpenMemoryStore();
  const long long crawl = Must(db->OpenCrawl("k", {}, "2024-03-01T10:00:00Z")).id;
  BOOST_REQUIRE(db->FinishCrawl(crawl, CrawlOutcome::kPartial, {}, "2024-03-01T11:30:00Z").ok());
  const std::string out = Status(*db);
  BOOST_TEST(Contains(out, "\ncrawl-outcome       partial\n"), out);
  BOOST_TEST(Contains(out, "\ncrawl-finished      2024-03-01T11:30:00Z\n"), out);
  BOOST_TEST(!Contains(out, "unfinished"), out);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::reports_test
