// `linkgraph crawl`: the sample blog walked from file:// and served over
// HTTP by the loopback server, with a broken link.
#include <boost/test/unit_test.hpp>

#include "tests/cli/cli_fixtures.h"
#include "tests/crawler/loopback_http_server.h"

namespace linkgraph::cli_test {
namespace LINKGRAPH_FILE_SCOPE {

using testing::LoopbackHttpServer;
using testing::Route;

Route HtmlRoute(std::string body) {
  Route route;
  route.headers = {{"Content-Type", "text/html; charset=UTF-8"}};
  route.body = std::move(body);
  return route;
}

BOOST_FIXTURE_TEST_SUITE(cli_crawl, CliFixture)

BOOST_AUTO_TEST_CASE(file_crawl_walks_four_pages_and_stores_what_import_stores) {
  RunResult crawled = RunOk({"crawl", "--db", db, SampleIndexFileUrl()});
  BOOST_TEST(crawled.out.find("crawled 4 pages (0 failed, 0 skipped)") != std::string::npos, crawled);
  auto summary = SummaryNumbers(crawled.out);
  BOOST_TEST(summary["new pages"] == 4);
  BOOST_TEST(summary["new posts"] == 3);
  BOOST_TEST(summary["new comments"] == 13);
  BOOST_TEST(summary["new trackbacks"] == 4);
  const std::string crawl_export = Export();

  CliFixture imported;
  imported.ImportSample();
  BOOST_TEST((crawl_export == imported.Export()), "crawl and import stored different things");
}

BOOST_AUTO_TEST_CASE(crawl_after_import_duplicates_nothing) {
  ImportSample();
  const std::string before = Export();
  const auto counts_before = Status();
  // Due at once (--recrawl-after 0): every page is read again and found unchanged.
  RunResult crawled =
      RunOk({"crawl", "--db", db, "--recrawl-after", "0", SampleIndexFileUrl()});
  auto summary = SummaryNumbers(crawled.out);
  BOOST_TEST(summary["unchanged pages"] == 4);
  for (const char* name : {"new pages", "changed pages", "new posts", "new comments",
                           "updated comments", "new trackbacks", "new mentions"}) {
    BOOST_TEST(summary[name] == 0, name << " after crawling what was imported");
  }
  BOOST_TEST((Status() == counts_before));
  BOOST_TEST((Export() == before), "the export changed after crawling what was imported");
}

BOOST_AUTO_TEST_CASE(pages_stored_recently_are_not_fetched_again_unless_due) {
  ImportSample();
  RunResult crawled = RunOk({"crawl", "--db", db, SampleIndexFileUrl()});
  auto summary = SummaryNumbers(crawled.out);
  // Only the seed, which is always checked; the rest were stored under a day ago.
  BOOST_TEST(summary["unchanged pages"] == 1);
  BOOST_TEST(summary["new pages"] == 0);
}

BOOST_AUTO_TEST_CASE(http_crawl_with_a_broken_link_exits_3_and_stores_the_good_pages) {
  LoopbackHttpServer server;
  for (const std::string& page : SamplePages()) {
    std::string html = testing::ReadFile(SampleDir() / page);
    if (page == "index.html") {
      ReplaceOnce(&html, "</body>", "<p><a href=\"gone/index.html\">An old post</a></p>\n</body>");
    }
    server.SetRoute("/" + page, HtmlRoute(std::move(html)));
  }
  const std::string missing = server.Url("/gone/index.html");

  RunResult crawled =
      Run({"crawl", "--db", db, "--delay", "0", "--timeout", "20", server.Url("/index.html")});
  BOOST_TEST(crawled.exit_status == 3, crawled);
  BOOST_TEST(crawled.out.find("crawled 5 pages (1 failed, 0 skipped)") != std::string::npos, crawled);
  BOOST_TEST(crawled.err.find(missing) != std::string::npos, crawled);
  BOOST_TEST(crawled.err.find("404") != std::string::npos, crawled);

  auto counts = Status();
  BOOST_TEST(counts["pages"] == 5);  // the four good ones and the 404, with its status
  BOOST_TEST(counts["posts"] == 3);
  BOOST_TEST(counts["comments"] == 13);
  BOOST_TEST(counts["trackbacks"] == 4);

  // The pages name canonical URLs on another site (the blog's real home), so
  // their posts are stored under the URLs they were fetched from: a page
  // speaks for its own site only.
  const nlohmann::json exported = ExportJson();
  BOOST_TEST(exported["posts"].size() == 3u);
  for (const auto& post : exported["posts"]) {
    const std::string url = post["url"];
    BOOST_TEST(url.rfind(server.Url("/"), 0) == 0, url);
  }

  int gone_requests = 0;
  for (const auto& request : server.Requests())
    gone_requests += request.target == "/gone/index.html";
  BOOST_TEST(gone_requests == 1);
}

BOOST_AUTO_TEST_CASE(http_crawl_obeys_robots_txt_and_its_crawl_delay) {
  LoopbackHttpServer server;
  Route robots;
  robots.headers = {{"Content-Type", "text/plain"}};
  robots.body = "User-agent: *\nDisallow: /private/\nCrawl-delay: 0.3\n";
  server.SetRoute("/robots.txt", robots);
  server.SetRoute("/index.html", HtmlRoute("<html><body><a href=\"/private/secret.html\">s</a>"
                                           "<a href=\"/public.html\">p</a></body></html>"));
  server.SetRoute("/public.html", HtmlRoute("<html><body><p>Public.</p></body></html>"));
  server.SetRoute("/private/secret.html", HtmlRoute("<html><body><p>No.</p></body></html>"));

  RunResult crawled = Run({"crawl", "--db", db, "--delay", "0", server.Url("/index.html")});
  BOOST_TEST(crawled.exit_status == 0, crawled);
  BOOST_TEST(crawled.out.find("crawled 2 pages (0 failed, 1 skipped)") !=
                 std::string::npos,
             crawled);

  std::vector<std::string> targets;
  std::vector<std::chrono::steady_clock::time_point> page_times;
  for (const auto& request : server.Requests()) {
    targets.push_back(request.target);
    if (request.target != "/robots.txt") page_times.push_back(request.received_at);
  }
  // robots.txt once, before anything else; never the disallowed folder.
  BOOST_TEST(targets == (std::vector<std::string>{"/robots.txt", "/index.html", "/public.html"}),
             boost::test_tools::per_element());
  // Crawl-delay 0.3 s outweighs --delay 0, by the server's own clock. The
  // server notes a request when its thread gets to it, late by however long
  // a busy machine kept that thread waiting, so the bound leaves room for
  // that; without the delay the gap is a few milliseconds.
  BOOST_REQUIRE_EQUAL(page_times.size(), 2u);
  const auto gap =
      std::chrono::duration_cast<std::chrono::milliseconds>(page_times[1] - page_times[0]);
  BOOST_TEST(gap.count() >= 200);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::cli_test
