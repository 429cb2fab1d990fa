// Failures are never silent: a seed that is a PDF, a page that is no blog,
// each says why on stderr and in `report pages --failed`; a crawl that
// finds no post says so; `status --format json` counts the outcomes.
#include <boost/test/unit_test.hpp>

#include "tests/cli/cli_fixtures.h"
#include "tests/crawler/loopback_http_server.h"

namespace linkgraph::cli_test {
namespace LINKGRAPH_FILE_SCOPE {

using testing::LoopbackHttpServer;
using testing::Route;

Route Served(std::string content_type, std::string body) {
  Route route;
  route.headers = {{"Content-Type", std::move(content_type)}};
  route.body = std::move(body);
  return route;
}

constexpr char kShopPage[] =
    "<html><head><title>A shop</title></head><body><h1>Buy things</h1>"
    "<p>Nothing here is a blog.</p></body></html>";

// The row of `report pages --format csv` whose first cell is url.
std::vector<std::string> RowOf(const std::vector<std::vector<std::string>>& rows,
                               const std::string& url) {
  for (const auto& row : rows) {
    if (!row.empty() && row[0] == url) return row;
  }
  return {};
}

BOOST_FIXTURE_TEST_SUITE(cli_failures, CliFixture)

BOOST_AUTO_TEST_CASE(a_pdf_seed_says_why_on_stderr_and_in_report_pages_failed) {
  LoopbackHttpServer server;
  server.SetRoute("/cv.pdf", Served("application/pdf", "%PDF-1.4 not a page"));
  const std::string pdf = server.Url("/cv.pdf");
  RunResult crawled = Run({"crawl", "--db", db, "--delay", "0", pdf});
  BOOST_TEST(
      crawled.err.find(pdf + ": not HTML (content type application/pdf), nothing extracted") !=
          std::string::npos,
      crawled);
  BOOST_TEST(crawled.err.find("no post stored") != std::string::npos, crawled);
  BOOST_TEST(crawled.exit_status == 1, crawled);  // nothing fetched could be read: "crawl failed"

  RunResult failed = RunOk({"report", "pages", "--failed", "--format", "csv", "--db", db});
  const auto rows = ParseCsv(failed.out);
  BOOST_REQUIRE(!rows.empty());
  BOOST_TEST(rows[0][0] == "url");
  const std::vector<std::string> row = RowOf(rows, pdf);
  BOOST_REQUIRE_MESSAGE(row.size() >= 4, failed.out);
  BOOST_TEST(row[1] == "200");
  BOOST_TEST(row[2] == "not_html");
  BOOST_TEST(row[3].find("application/pdf") != std::string::npos, row[3]);
}

BOOST_AUTO_TEST_CASE(a_page_that_is_no_blog_gives_the_no_content_reason_and_no_post_line) {
  LoopbackHttpServer server;
  server.SetRoute("/shop.html", Served("text/html; charset=UTF-8", kShopPage));
  const std::string shop = server.Url("/shop.html");
  RunResult crawled = Run({"crawl", "--db", db, "--delay", "0", "--scope", "list", shop});
  BOOST_TEST(crawled.exit_status == 0, crawled);
  BOOST_TEST(
      crawled.err.find(shop + ": no post or comments found: not a blog page") != std::string::npos,
      crawled);
  // -q keeps the page's line to itself, not the crawl's verdict.
  CliFixture again;
  RunResult quiet = again.Run({"crawl", "-q", "--db", again.db, "--delay", "0", shop});
  BOOST_TEST(quiet.err.find("no post stored") != std::string::npos, quiet);
  BOOST_TEST(quiet.err.find("not a blog page") == std::string::npos, quiet);

  const nlohmann::json pages =
      ParseJson(RunOk({"report", "pages", "--format", "json", "--db", db}).out);
  BOOST_REQUIRE_EQUAL(pages.size(), 1u);
  BOOST_TEST(pages[0]["outcome"] == "no_content");
  BOOST_TEST(pages[0]["posts"] == 0);
}

BOOST_AUTO_TEST_CASE(crawl_explain_tells_each_url_what_was_read) {
  LoopbackHttpServer server;
  server.SetRoute("/shop.html", Served("text/html; charset=UTF-8", kShopPage));
  server.SetRoute("/cv.pdf", Served("application/pdf", "%PDF-1.4"));
  RunResult crawled = Run({"crawl", "--explain", "--db", db, "--delay", "0", "--scope", "list",
                           server.Url("/shop.html"), server.Url("/cv.pdf")});
  BOOST_TEST(crawled.out.find(server.Url("/shop.html") + ": platform unknown") != std::string::npos,
             crawled);
  BOOST_TEST(crawled.out.find(server.Url("/cv.pdf") +
                              ": not_html (content type application/pdf)") != std::string::npos,
             crawled);
}

BOOST_AUTO_TEST_CASE(an_imported_page_with_nothing_in_it_is_listed_with_its_reason) {
  const fs::path shop = dir.path() / "shop.html";
  WriteFile(shop, kShopPage);
  RunResult imported = Run({"import", "--db", db, shop.string()});
  BOOST_TEST(imported.err.find("no post stored") != std::string::npos, imported);
  BOOST_TEST(imported.err.find("shop.html: no post or comments found") != std::string::npos,
             imported);
  RunResult failed = RunOk({"report", "pages", "--failed", "--db", db});
  BOOST_TEST(failed.out.find("shop.html") != std::string::npos, failed);
  BOOST_TEST(failed.out.find("file") != std::string::npos, failed);
  BOOST_TEST(failed.out.find("no_content") != std::string::npos, failed);
}

BOOST_AUTO_TEST_CASE(report_pages_failed_leaves_out_the_pages_that_gave_posts) {
  CopyImportedSample();
  const fs::path shop = dir.path() / "shop.html";
  WriteFile(shop, kShopPage);
  Run({"import", "--db", db, shop.string()});
  const auto all = ParseCsv(RunOk({"report", "pages", "--format", "csv", "--db", db}).out);
  const auto failed =
      ParseCsv(RunOk({"report", "pages", "--failed", "--format", "csv", "--db", db}).out);
  BOOST_TEST(all.size() == 6u);     // header, four sample pages, the shop
  BOOST_TEST(failed.size() == 3u);  // header, the sample's index page (a listing), the shop
  const auto limited =
      ParseCsv(RunOk({"report", "pages", "--limit", "2", "--format", "csv", "--db", db}).out);
  BOOST_TEST(limited.size() == 3u);
}

BOOST_AUTO_TEST_CASE(status_json_parses_and_counts_pages_by_outcome) {
  CopyImportedSample();
  const fs::path shop = dir.path() / "shop.html";
  WriteFile(shop, kShopPage);
  Run({"import", "--db", db, shop.string()});
  const nlohmann::json status = ParseJson(RunOk({"status", "--format", "json", "--db", db}).out);
  BOOST_TEST(status["posts"] == 3);
  BOOST_TEST(status["pages"]["total"] == 5);
  BOOST_TEST(status["pages"]["by_outcome"]["stored"] == 3);
  BOOST_TEST(status["pages"]["by_outcome"]["no_content"] == 2);
  BOOST_TEST(status["pages"]["top_reasons"][0]["pages"] == 2);
  BOOST_TEST(status["graph"]["people"].get<long long>() > 0);
  // The table tells the same.
  const std::string table = RunOk({"status", "--db", db}).out;
  BOOST_TEST(table.find("stored=3 no_content=2") != std::string::npos, table);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::cli_test
