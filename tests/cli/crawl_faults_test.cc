// `linkgraph crawl` against a loopback server that injects faults on chosen
// paths. Each fault is recorded with its outcome, and the rest of the crawl
// is unaffected; the server's own request log says what was fetched.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>

#include "tests/cli/cli_fixtures.h"
#include "tests/cli/hostile_site_fixtures.h"
#include "store/store.h"
#include "tests/crawler/loopback_http_server.h"

namespace linkgraph::cli_test {
namespace LINKGRAPH_FILE_SCOPE {

using testing::LoopbackHttpServer;
using testing::Route;

int Count(const LoopbackHttpServer& server, const std::string& target) {
  int count = 0;
  for (const auto& request : server.Requests()) count += request.target == target;
  return count;
}

bool AnyTargetStartsWith(const LoopbackHttpServer& server, const std::string& prefix) {
  for (const auto& request : server.Requests()) {
    if (request.target.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

// The fault site: a home page that links to one path per fault and to two
// ordinary pages that must be stored whatever happens elsewhere.
struct FaultSite {
  LoopbackHttpServer server;

  FaultSite() {
    Route robots;
    robots.headers = {{"Content-Type", "text/plain"}};
    robots.body = "User-agent: *\nDisallow: /private/\n";
    server.SetRoute("/robots.txt", robots);
    const std::vector<std::string> targets = {
        "/good-1", "/good-2", "/flaky", "/busy", "/stall", "/reset", "/truncated-gzip",
        "/loop-a", "/huge", "/download", "/latin", "/private/secret", "/calendar/2026/11/",
        "/good-1?replytocom=17", "/good-1?utm_source=feed", "/gone"};
    std::string links;
    for (const std::string& target : targets) {
      links += "<a href=\"" + target + "\">" + target + "</a>\n";
    }
    Route home = Html(Page("Home", links));
    home.etag = "\"home-v1\"";
    server.SetRoute("/", home);
    for (const char* good : {"/good-1", "/good-2"}) {
      Route route = Html(Page(std::string("Good ") + good, "<a href=\"/\">home</a>"));
      route.etag = std::string("\"") + good + "-v1\"";
      server.SetRoute(good, route);
    }
    Route failed = Html("oops");
    failed.status = 500;
    server.SetSequence("/flaky", {failed, Html(Page("Flaky", ""))});
    Route busy = Html("busy");
    busy.status = 503;
    busy.headers.push_back({"Retry-After", "1"});
    server.SetSequence("/busy", {busy, Html(Page("Busy", ""))});
    Route stall = Html(Page("Stall", ""));
    stall.delay = std::chrono::milliseconds(3000);
    server.SetRoute("/stall", stall);
    Route reset = Html(Page("Reset", std::string(20000, 'x')));
    reset.reset_after_body_bytes = 1000;
    server.SetRoute("/reset", reset);
    std::string varied;  // compresses to well over the cut
    for (int i = 0; i < 4000; ++i) varied += std::to_string(i * 7919 % 10007) + " ";
    Route truncated = Html(Page("Truncated", varied));
    truncated.truncate_gzip_to = 2000;
    server.SetRoute("/truncated-gzip", truncated);
    Route loop_a;
    loop_a.status = 302;
    loop_a.headers = {{"Location", "/loop-b"}};
    server.SetRoute("/loop-a", loop_a);
    Route loop_b;
    loop_b.status = 301;
    loop_b.headers = {{"Location", "/loop-a"}};
    server.SetRoute("/loop-b", loop_b);
    Route huge = Html(std::string(30 << 20, 'h'));
    server.SetRoute("/huge", huge);
    Route download;
    download.headers = {{"Content-Type", "application/octet-stream"}};
    download.body = std::string(100000, '\x01');
    server.SetRoute("/download", download);
    Route latin;
    latin.headers = {{"Content-Type", "text/html; charset=windows-1252"}};
    // The sample's seed post with windows-1252 bytes in its title; the
    // header's charset outranks the page's own <meta charset=UTF-8>.
    latin.body = testing::ReadFile(SampleDir() / kSeedPageFile);
    for (size_t at = latin.body.find("From Online to Offline"); at != std::string::npos;
         at = latin.body.find("From Online to Offline", at)) {
      latin.body.replace(at, 22, "Caf\xe9 cr\xe8me Offline");
    }
    server.SetRoute("/latin", latin);
    server.SetRoute("/private/secret", Html(Page("Secret", "")));
    // A calendar that links to the next and previous month without end.
    server.SetPrefixHandler("/calendar/", [](const testing::LoggedRequest& request) {
      int year = 0, month = 0;
      std::sscanf(request.target.c_str(), "/calendar/%d/%d/", &year, &month);
      auto link = [](int y, int m, const char* text) {
        char href[64];
        std::snprintf(href, sizeof href, "/calendar/%04d/%02d/", y, m);
        return std::string("<a href=\"") + href + "\">" + text + "</a>";
      };
      return Html(Page("Calendar", link(month == 12 ? year + 1 : year, month % 12 + 1, "next") +
                                       link(month == 1 ? year - 1 : year,
                                            month == 1 ? 12 : month - 1, "previous")));
    });
  }

  std::vector<std::string> CrawlArgs(const std::string& db) const {
    return {"crawl",     "--db",      db,    "--delay",  "0",       "--timeout",
            "1",         "--retries", "2",   "--backoff", "0.05",   "--max-body",
            "10485760", "--discover", "none", server.Url("/")};
  }
};

BOOST_FIXTURE_TEST_SUITE(cli_crawl_faults, CliFixture)

BOOST_AUTO_TEST_CASE(each_fault_is_recorded_and_the_rest_of_the_crawl_is_stored) {
  FaultSite site;
  RunResult crawled = Run(site.CrawlArgs(db));
  BOOST_TEST(crawled.exit_status == 3, crawled);  // partial: some pages failed
  BOOST_TEST_MESSAGE(crawled.out << crawled.err);

  auto store = store::OpenSqliteStore(db);
  BOOST_REQUIRE(store.ok());
  auto page = [&](const std::string& target) {
    auto found = (*store)->FindPage(site.server.Url(target));
    BOOST_REQUIRE(found.ok());
    return found->value_or(store::PageFetch{});
  };
  auto status = [&](const std::string& target) { return page(target).status; };
  auto error = [&](const std::string& target) { return page(target).error; };

  BOOST_TEST(status("/good-1") == "ok");
  BOOST_TEST(status("/good-2") == "ok");
  // 500 then 200, and 503 with Retry-After then 200: retried, then stored.
  BOOST_TEST(status("/flaky") == "ok");
  BOOST_TEST(Count(site.server, "/flaky") == 2);
  BOOST_TEST(status("/busy") == "ok");
  BOOST_TEST(Count(site.server, "/busy") == 2);
  // Failures keep their reason.
  BOOST_TEST(status("/stall") == "network_error");
  BOOST_TEST(error("/stall").find("timeout") != std::string::npos, error("/stall"));
  BOOST_TEST(Count(site.server, "/stall") == 3);  // the first try and two retries
  BOOST_TEST(status("/reset") == "network_error");
  BOOST_TEST(status("/truncated-gzip") == "network_error");
  BOOST_TEST(status("/huge") == "too_large");
  BOOST_TEST(status("/download") == "not_html");
  BOOST_TEST(status("/gone") == "http_404");
  // A redirect loop ends: each end fetched once.
  BOOST_TEST(Count(site.server, "/loop-a") == 1);
  BOOST_TEST(Count(site.server, "/loop-b") == 1);
  // robots.txt: read once, the disallowed folder never requested.
  BOOST_TEST(Count(site.server, "/robots.txt") == 1);
  BOOST_TEST(!AnyTargetStartsWith(site.server, "/private/"));
  // ?replytocom= and utm_* are the same page as /good-1: fetched once.
  BOOST_TEST(Count(site.server, "/good-1") == 1);
  BOOST_TEST(!AnyTargetStartsWith(site.server, "/good-1?"));
  // The calendar is bounded: no year past next year is ever requested.
  int calendar_pages = 0;
  for (const auto& request : site.server.Requests()) {
    if (request.target.rfind("/calendar/", 0) != 0) continue;
    ++calendar_pages;
    BOOST_TEST(std::atoi(request.target.c_str() + 10) <= 2028, request.target);
  }
  BOOST_TEST(calendar_pages < 1200);
}

BOOST_AUTO_TEST_CASE(a_redirect_to_a_local_file_is_not_followed) {
  const fs::path secret = dir.path() / "secret.html";
  WriteFile(secret, Page("Local secret", "<p>the-local-secret-text</p>"));
  LoopbackHttpServer server;
  Route to_file;
  to_file.status = 302;
  to_file.headers = {{"Location", "file://" + secret.string()}};
  server.SetRoute("/", to_file);
  RunResult crawled = Run({"crawl", "--db", db, "--delay", "0", "--discover", "none",
                           server.Url("/")});
  BOOST_TEST_MESSAGE(crawled.out << crawled.err);

  auto store = store::OpenSqliteStore(db);
  BOOST_REQUIRE(store.ok());
  auto local = (*store)->FindPage("file://" + secret.string());
  BOOST_REQUIRE(local.ok());
  BOOST_TEST(!local->has_value());
  BOOST_TEST(Export().find("the-local-secret-text") == std::string::npos);
  auto last = (*store)->LastCrawl();
  BOOST_REQUIRE(last.ok());
  BOOST_REQUIRE(last->has_value());
  auto urls = (*store)->CrawlUrls((*last)->id);
  BOOST_REQUIRE(urls.ok());
  BOOST_TEST(urls->size() == 1u);  // the seed alone: the file was never queued
  for (const auto& url : *urls) BOOST_TEST(url.url.url.rfind("file:", 0) != 0, url.url.url);
}

BOOST_AUTO_TEST_CASE(a_windows_1252_page_is_stored_as_utf8) {
  FaultSite site;
  Run(site.CrawlArgs(db));
  const std::string exported = Export();
  BOOST_TEST(exported.find("Caf\xc3\xa9 cr\xc3\xa8me") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_second_crawl_sends_validators_and_transfers_no_unchanged_body) {
  FaultSite site;
  Run(site.CrawlArgs(db));
  const size_t first_run_requests = site.server.Requests().size();
  std::vector<std::string> args = site.CrawlArgs(db);
  args.insert(args.begin() + 1, {"--recrawl-after", "0"});
  RunResult second = Run(args);
  BOOST_TEST((second.exit_status == 3 || second.exit_status == 0), second);
  const auto requests = site.server.Requests();
  int conditional = 0;
  for (size_t i = first_run_requests; i < requests.size(); ++i) {
    const auto& request = requests[i];
    if (request.target == "/" || request.target == "/good-1" || request.target == "/good-2") {
      BOOST_TEST(!request.Header("If-None-Match").empty(), request.target);
      ++conditional;
    }
  }
  BOOST_TEST(conditional == 3);
  BOOST_TEST(second.out.find("3 not modified") != std::string::npos, second);
}

BOOST_AUTO_TEST_CASE(status_shows_the_last_crawl_and_its_outcome) {
  FaultSite site;
  Run(site.CrawlArgs(db));
  RunResult status = RunOk({"status", "--db", db});
  BOOST_TEST(status.out.find("partial") != std::string::npos, status);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::cli_test
