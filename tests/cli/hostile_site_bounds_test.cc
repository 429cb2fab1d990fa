// `linkgraph crawl` against loopback sites that try to make it work without
// end: an endless sitemap index, endless REST comment pages, a flood of
// links. Each bound holds (the server's request log, the URLs the store
// queued, the database's size), the crawl says which bound stopped it, its
// ordinary pages are still stored, and it ends normally so the next run is
// not blocked. Also: a feed linked by <link rel=alternate> and <a href> is
// read as the feed it is.
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "store/store.h"
#include "tests/cli/cli_fixtures.h"
#include "tests/crawler/loopback_http_server.h"

namespace linkgraph::cli_test {
namespace LINKGRAPH_FILE_SCOPE {

using testing::LoggedRequest;
using testing::LoopbackHttpServer;
using testing::Route;

Route Typed(const std::string& type, std::string body) {
  Route route;
  route.headers = {{"Content-Type", type}};
  route.body = std::move(body);
  return route;
}

Route Html(std::string body) { return Typed("text/html; charset=UTF-8", std::move(body)); }

std::string Page(const std::string& title, const std::string& links) {
  return "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1>" + links +
         "</body></html>";
}

std::string Anchor(const std::string& target) {
  return "<a href=\"" + target + "\">" + target + "</a>\n";
}

int CountPrefix(const LoopbackHttpServer& server, const std::string& prefix) {
  int count = 0;
  for (const auto& request : server.Requests()) count += request.target.rfind(prefix, 0) == 0;
  return count;
}

// The number after prefix in a request target ("/x-12.xml" -> 12).
long Number(const LoggedRequest& request, const std::string& prefix) {
  return std::strtol(request.target.c_str() + prefix.size(), nullptr, 10);
}

// Two ordinary pages that every crawl of a hostile site must still store.
void AddGoodPages(LoopbackHttpServer* server) {
  for (const char* good : {"/good-1", "/good-2"}) {
    server->SetRoute(good, Html(Page(std::string("Good ") + good, "<p>an ordinary page</p>")));
  }
}

// A flood page of 20,000 links takes seconds to build and read under
// AddressSanitizer on a loaded machine: its fetch must not time out.
const std::string kFloodTimeout = "60";

struct HostileFixture : CliFixture {
  // A short timeout by default; pages that are slow to build and read on
  // purpose (a link flood, under a sanitizer on a busy machine) get more.
  std::vector<std::string> Args(const LoopbackHttpServer& server,
                                std::vector<std::string> extra = {},
                                const std::string& timeout = "5") const {
    std::vector<std::string> args = {"crawl",     "--db",  db,          "--delay", "0",
                                     "--timeout", timeout, "--retries", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(server.Url("/"));
    return args;
  }

  StoredCrawl LastCrawl() const { return LastStoredCrawl(db); }

  std::string PageStatus(const LoopbackHttpServer& server, const std::string& target) const {
    auto store = store::OpenSqliteStore(db);
    BOOST_REQUIRE(store.ok());
    auto found = (*store)->FindPage(server.Url(target));
    BOOST_REQUIRE(found.ok());
    return found->has_value() ? (*found)->status : "(not stored)";
  }

  // The database and its write-ahead log, in bytes.
  long long DatabaseBytes() const {
    long long bytes = 0;
    for (const std::string& path : {db, db + "-wal"}) {
      std::error_code ignored;
      const auto size = fs::file_size(path, ignored);
      if (!ignored) bytes += static_cast<long long>(size);
    }
    return bytes;
  }

  // A second run right after the first must not find the database busy.
  void ExpectNextRunNotBlocked(const LoopbackHttpServer& server) const {
    RunResult again = Run(Args(server, {"--quiet", "--discover", "none", "--max-pages", "1"}));
    BOOST_TEST((again.exit_status == 0 || again.exit_status == 3), again);
    BOOST_TEST(again.err.find("busy") == std::string::npos, again);
  }
};

// robots.txt names a sitemap index; every index names the posts' sitemap
// (the first one) or three freshly numbered indexes, without end.
struct EndlessSitemapSite {
  LoopbackHttpServer server;

  EndlessSitemapSite() {
    server.SetRoute("/robots.txt", Typed("text/plain", "User-agent: *\nAllow: /\nSitemap: " +
                                                           server.Url("/index-0.xml") + "\n"));
    server.SetRoute("/", Html(Page("Home", "<p>nothing linked</p>")));
    AddGoodPages(&server);
    server.SetRoute("/posts.xml",
                    Typed("application/xml",
                          "<?xml version=\"1.0\"?><urlset><url><loc>/good-1</loc></url>"
                          "<url><loc>/good-2</loc></url></urlset>"));
    server.SetPrefixHandler("/index-", [](const LoggedRequest& request) {
      const long n = Number(request, "/index-");
      std::string body = "<?xml version=\"1.0\"?><sitemapindex>";
      if (n == 0) body += "<sitemap><loc>/posts.xml</loc></sitemap>";
      for (long child = 3 * n + 1; child <= 3 * n + 3; ++child) {
        body += "<sitemap><loc>/index-" + std::to_string(child) + ".xml</loc></sitemap>";
      }
      return Typed("application/xml", body + "</sitemapindex>");
    });
  }
};

// A WordPress post whose REST comments answer every page full, with a next.
struct EndlessCommentsSite {
  LoopbackHttpServer server;
  static constexpr char kPost[] = "/2009/12/06/social-media-from-online-to-offline/";

  EndlessCommentsSite() {
    std::string post = testing::ReadFile(SampleDir() / kSeedPageFile);
    ReplaceOnce(&post, "</head>",
                "<link rel=\"https://api.w.org/\" href=\"/wp-json/\">"
                "<link rel=\"shortlink\" href=\"/?p=7\"></head>");
    server.SetRoute(kPost, Html(post));
    server.SetRoute("/", Html(Page("Home", Anchor(kPost) + Anchor("/good-1"))));
    AddGoodPages(&server);
    // The sample post links to its blog's other pages: ordinary ones here.
    server.SetPrefixHandler("/", [](const LoggedRequest&) { return Html(Page("Other", "")); });
    server.SetPrefixHandler("/wp-json/", [](const LoggedRequest& request) {
      const size_t at = request.target.find("&page=");
      const long page =
          at == std::string::npos ? 1 : std::strtol(request.target.c_str() + at + 6, nullptr, 10);
      std::string body = "[";
      for (int i = 0; i < 100; ++i) {
        const long id = page * 1000 + i;
        if (i > 0) body += ",";
        body += "{\"id\":" + std::to_string(id) +
                ",\"post\":7,\"parent\":0,\"author_name\":\"Bot " + std::to_string(id) +
                "\",\"date\":\"2009-12-07T10:00:00\",\"type\":\"comment\","
                "\"content\":{\"rendered\":\"<p>comment " +
                std::to_string(id) + "</p>\"}}";
      }
      Route route = Typed("application/json", body + "]");
      route.headers.push_back({"X-WP-TotalPages", "999999"});
      return route;
    });
  }
};

// A home page linking to the good pages and to flood pages, each of which
// links to `links` fresh pages of its own.
struct LinkFloodSite {
  LoopbackHttpServer server;

  explicit LinkFloodSite(int flood_pages, int links) {
    std::string home = Anchor("/good-1") + Anchor("/good-2");
    for (int i = 0; i < flood_pages; ++i) home += Anchor("/flood-" + std::to_string(i) + "/");
    server.SetRoute("/", Html(Page("Home", home)));
    AddGoodPages(&server);
    server.SetPrefixHandler("/flood-", [links](const LoggedRequest& request) {
      if (request.target.back() != '/') return Html(Page("Leaf", "<p>leaf</p>"));
      std::string body;
      body.reserve(static_cast<size_t>(links) * 40);
      for (int i = 0; i < links; ++i) body += Anchor(request.target + std::to_string(i));
      return Html(Page("Flood", body));
    });
  }
};

BOOST_FIXTURE_TEST_SUITE(cli_hostile_site_bounds, HostileFixture)

BOOST_AUTO_TEST_CASE(an_endless_sitemap_index_stops_at_the_nesting_bound) {
  EndlessSitemapSite site;
  RunResult crawled = Run(Args(site.server));
  BOOST_TEST(crawled.exit_status == 0, crawled);
  // Levels 0, 1 and 2 (--max-sitemap-depth 2): 1 + 3 + 9 indexes, never a 4th level.
  BOOST_TEST(CountPrefix(site.server, "/index-") == 13);
  BOOST_TEST(site.server.RequestCount("/posts.xml") == 1);
  BOOST_TEST(crawled.err.find("--max-sitemap-depth") != std::string::npos, crawled);
  BOOST_TEST(PageStatus(site.server, "/good-1") == "ok");
  BOOST_TEST(PageStatus(site.server, "/good-2") == "ok");
  const StoredCrawl last = LastCrawl();
  BOOST_TEST((last.run.outcome == CrawlOutcome::kOk));
  BOOST_TEST(last.urls.size() < 20u);
  ExpectNextRunNotBlocked(site.server);
}

BOOST_AUTO_TEST_CASE(an_endless_sitemap_index_stops_at_the_sitemap_count) {
  EndlessSitemapSite site;
  RunResult crawled = Run(Args(site.server, {"--max-sitemaps", "5", "--max-sitemap-depth", "50"}));
  BOOST_TEST(crawled.exit_status == 0, crawled);
  BOOST_TEST(CountPrefix(site.server, "/index-") + site.server.RequestCount("/posts.xml") == 5);
  BOOST_TEST(crawled.err.find("--max-sitemaps") != std::string::npos, crawled);
  BOOST_TEST(PageStatus(site.server, "/good-1") == "ok");
  BOOST_TEST(PageStatus(site.server, "/good-2") == "ok");
}

BOOST_AUTO_TEST_CASE(endless_rest_comment_pages_stop_at_the_per_post_bound) {
  EndlessCommentsSite site;
  RunResult crawled = Run(Args(site.server, {"--max-comment-pages-per-post", "5"}));
  BOOST_TEST(crawled.exit_status == 0, crawled);
  BOOST_TEST(CountPrefix(site.server, "/wp-json/") == 5);
  BOOST_TEST(crawled.err.find("--max-comment-pages-per-post") != std::string::npos, crawled);
  BOOST_TEST(PageStatus(site.server, EndlessCommentsSite::kPost) == "ok");
  BOOST_TEST(PageStatus(site.server, "/good-1") == "ok");
  // Five pages of 100 comments, plus the post's own: no more are stored.
  const auto counts = Status();
  BOOST_TEST(counts.at("comments") < 600);
  BOOST_TEST(counts.at("comments") >= 500);
  ExpectNextRunNotBlocked(site.server);
}

BOOST_AUTO_TEST_CASE(endless_rest_comment_pages_stop_at_the_crawl_bound) {
  EndlessCommentsSite site;
  RunResult crawled = Run(Args(site.server, {"--max-comment-pages", "3"}));
  BOOST_TEST(crawled.exit_status == 0, crawled);
  BOOST_TEST(CountPrefix(site.server, "/wp-json/") == 3);
  BOOST_TEST(crawled.err.find("(--max-comment-pages)") != std::string::npos, crawled);
}

BOOST_AUTO_TEST_CASE(a_link_flood_queues_no_more_than_max_pages) {
  LinkFloodSite site(8, 20000);
  RunResult crawled =
      Run(Args(site.server, {"--max-pages", "300", "--discover", "none"}, kFloodTimeout));
  BOOST_TEST(crawled.exit_status == 0, crawled);
  BOOST_TEST(site.server.Requests().size() <= 302u);  // 300 pages and robots.txt
  const StoredCrawl last = LastCrawl();
  BOOST_TEST(last.urls.size() <= 300u);
  BOOST_TEST(crawled.err.find("--max-pages") != std::string::npos, crawled);
  BOOST_TEST(PageStatus(site.server, "/good-1") == "ok");
  BOOST_TEST(PageStatus(site.server, "/good-2") == "ok");
  // 160,000 links offered: the store holds the 300 pages' worth only.
  BOOST_TEST(DatabaseBytes() < (8LL << 20), DatabaseBytes());
  ExpectNextRunNotBlocked(site.server);
}

BOOST_AUTO_TEST_CASE(a_link_flood_gives_each_page_max_links_per_page) {
  LinkFloodSite site(3, 20000);
  RunResult crawled =
      Run(Args(site.server, {"--max-links-per-page", "40", "--discover", "none"}, kFloodTimeout));
  BOOST_TEST(crawled.exit_status == 0, crawled);
  // The home page's 5 links, and 40 from each flood page.
  const StoredCrawl last = LastCrawl();
  BOOST_TEST(last.urls.size() == 1u + 5u + 3u * 40u);
  BOOST_TEST(crawled.err.find("--max-links-per-page") != std::string::npos, crawled);
  BOOST_TEST(PageStatus(site.server, "/good-2") == "ok");
}

BOOST_AUTO_TEST_CASE(a_feed_linked_by_link_and_anchor_is_read_as_a_feed) {
  LoopbackHttpServer server;
  server.SetRoute("/",
                  Html("<html><head><title>Blog</title><link rel=\"alternate\" "
                       "type=\"application/rss+xml\" href=\"/feed/\"></head><body><h1>Blog</h1>" +
                       Anchor("/feed/") + Anchor("/good-1") + "</body></html>"));
  AddGoodPages(&server);
  server.SetRoute("/feed/", Typed("application/rss+xml",
                                  "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                  "<title>Blog</title><item><title>Only in the feed</title>"
                                  "<link>" +
                                      server.Url("/good-2") + "</link></item></channel></rss>"));
  RunResult crawled = Run(Args(server));
  BOOST_TEST(crawled.exit_status == 0, crawled);
  BOOST_TEST(server.RequestCount("/feed/") == 1);
  BOOST_TEST(PageStatus(server, "/good-2") == "ok");           // found through the feed only
  BOOST_TEST(PageStatus(server, "/feed/") == "(not stored)");  // not a page
  for (const auto& url : LastCrawl().urls) {
    if (url.url.url == server.Url("/feed/")) BOOST_TEST(UrlKindName(url.url.kind) == "feed");
  }
}

BOOST_AUTO_TEST_CASE(the_byte_budget_ends_the_crawl_normally) {
  LinkFloodSite site(1, 2000);
  RunResult crawled = Run(Args(site.server, {"--max-total-bytes", "20000", "--discover", "none",
                                             "--concurrency", "1", "--per-host", "1"}));
  BOOST_TEST(crawled.exit_status == 0, crawled);
  BOOST_TEST(crawled.err.find("--max-total-bytes") != std::string::npos, crawled);
  // The flood page alone is over the budget: little is fetched after it.
  BOOST_TEST(site.server.Requests().size() < 40u);
  BOOST_TEST((LastCrawl().run.outcome == CrawlOutcome::kOk));
  ExpectNextRunNotBlocked(site.server);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::cli_test
