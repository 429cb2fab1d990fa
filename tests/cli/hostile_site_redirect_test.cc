// `linkgraph crawl` against sites whose seeds redirect: a redirect target
// joins the crawl's scope but never the addresses only the seeds may reach,
// and the scope it added survives a crawl killed and resumed.
#include <boost/test/unit_test.hpp>

#include <csignal>
#include <string>
#include <vector>

#include "store/store.h"
#include "tests/cli/cli_fixtures.h"
#include "tests/cli/hostile_site_fixtures.h"
#include "tests/crawler/loopback_http_server.h"
#include "tests/support/generated_blog.h"

namespace linkgraph::cli_test {
namespace LINKGRAPH_FILE_SCOPE {

using testing::LoopbackHttpServer;
using testing::Route;

// A site given as a seed (and so allowed to be private) with an ordinary home
// page, and a second seed on it that redirects to another private host:port
// that is no seed: a router's admin page, say.
struct RedirectToPrivateSite {
  LoopbackHttpServer seed;
  LoopbackHttpServer router;

  RedirectToPrivateSite() {
    seed.SetRoute("/", Html(Page("Home", "<a href=\"/good-1\">1</a> <a href=\"/good-2\">2</a>")));
    seed.SetRoute("/good-1", Html(Page("Good one", "<a href=\"/\">home</a>")));
    seed.SetRoute("/good-2", Html(Page("Good two", "<a href=\"/\">home</a>")));
    seed.SetRoute("/moved", RedirectTo(router.Url("/admin")));
    router.SetRoute("/admin", Html(Page("Router admin", "<p>router-admin-secret</p>")));
  }

  std::vector<std::string> CrawlArgs(const std::string& db) const {
    return {"crawl", "--db", db, "--delay", "0", "--discover", "none", seed.Url("/"),
            seed.Url("/moved")};
  }
};

// A blog that moved: its old home, the seed, answers 301 to its new home on
// another host:port, where a generated blog of `posts` posts is served.
struct MovedBlog {
  LoopbackHttpServer old_home;
  LoopbackHttpServer new_home;

  explicit MovedBlog(int posts) {
    testing::BlogOptions options;
    options.posts = posts;
    options.comments_per_post = 3;
    testing::ServeBlog(new_home, testing::GenerateBlog(options, new_home.Url("")));
    old_home.SetRoute("/", RedirectTo(new_home.Url("/"), 301));
  }

  // Both homes are loopback addresses, so private: --allow-private lets the
  // crawl follow the move. A per-host delay keeps the crawl long enough to
  // be killed in the middle.
  std::vector<std::string> CrawlArgs(const std::string& db) const {
    return {"crawl",     "--db",    db,         "--allow-private", "--delay", "0.1",
            "--per-host", "1",      "--quiet",  "--recrawl-after", "0",       old_home.Url("/")};
  }
};

BOOST_FIXTURE_TEST_SUITE(cli_hostile_site_redirect, CliFixture)

BOOST_AUTO_TEST_CASE(a_seed_redirect_to_another_private_host_is_blocked_and_recorded) {
  RedirectToPrivateSite site;
  RunResult crawled = Run(site.CrawlArgs(db));
  BOOST_TEST(crawled.exit_status == 0, crawled);
  BOOST_TEST_MESSAGE(crawled.out << crawled.err);

  // The private host the redirect named was never connected to.
  BOOST_TEST(site.router.Connections() == 0);
  BOOST_TEST(site.router.Requests().empty());
  const std::string target = site.router.Url("/admin");
  BOOST_TEST(CrawlUrlField(db, target, "outcome").value_or("(none)") == "blocked");
  BOOST_TEST(CrawlUrlField(db, target, "detail").value_or("").find("private") != std::string::npos);
  BOOST_TEST(Export().find("router-admin-secret") == std::string::npos);

  // The rest of the seed's site is crawled as usual.
  auto store = store::OpenSqliteStore(db);
  BOOST_REQUIRE(store.ok());
  for (const char* path : {"/", "/good-1", "/good-2"}) {
    auto page = (*store)->FindPage(site.seed.Url(path));
    BOOST_REQUIRE(page.ok());
    BOOST_TEST(page->value_or(store::PageFetch{}).status == "ok", path);
  }
  BOOST_TEST(CrawlUrlField(db, site.seed.Url("/moved"), "outcome").value_or("") == "redirected");
}

BOOST_AUTO_TEST_CASE(a_seed_redirect_to_a_private_host_is_followed_with_allow_private) {
  RedirectToPrivateSite site;
  std::vector<std::string> args = site.CrawlArgs(db);
  args.insert(args.begin() + 1, "--allow-private");
  RunResult crawled = Run(args);
  BOOST_TEST(crawled.exit_status == 0, crawled);
  BOOST_TEST(site.router.RequestCount("/admin") == 1);
  BOOST_TEST(CrawlUrlField(db, site.router.Url("/admin"), "outcome").value_or("") == "ok");
}

// http -> https -> www: each hop of a seed's move joins the scope, not only
// the first.
BOOST_AUTO_TEST_CASE(every_hop_of_a_seed_that_moved_twice_joins_the_scope) {
  LoopbackHttpServer old_home;
  LoopbackHttpServer interim;
  LoopbackHttpServer new_home;
  old_home.SetRoute("/", RedirectTo(interim.Url("/"), 301));
  interim.SetRoute("/", RedirectTo(new_home.Url("/"), 301));
  new_home.SetRoute("/", Html(Page("New home", "<a href=\"/post-1\">1</a>")));
  new_home.SetRoute("/post-1", Html(Page("Post one", "<a href=\"/\">home</a>")));
  RunResult crawled = Run({"crawl", "--db", db, "--allow-private", "--delay", "0", "--discover",
                           "none", old_home.Url("/")});
  BOOST_TEST(crawled.exit_status == 0, crawled);
  BOOST_TEST(new_home.RequestCount("/") == 1);
  BOOST_TEST(new_home.RequestCount("/post-1") == 1);
  BOOST_TEST(CrawlUrlField(db, new_home.Url("/post-1"), "outcome").value_or("") == "ok");
}

BOOST_AUTO_TEST_CASE(a_crawl_killed_after_a_seed_redirect_resumes_with_the_scope_it_added) {
  MovedBlog blog(30);
  const auto args = blog.CrawlArgs(db);
  const std::string new_home = blog.new_home.Url("/");
  // Killed as soon as the redirect is recorded (its target is then a URL of
  // the crawl), long before the new home's pages are all fetched.
  RunResult killed = testing::RunLinkgraph(args, dir.path(), std::chrono::seconds(120), [&] {
    return CrawlUrlField(db, new_home, "done").has_value();
  });
  BOOST_TEST_REQUIRE(killed.signal == SIGKILL, killed);
  BOOST_TEST(CrawlUrlField(db, blog.old_home.Url("/"), "outcome").value_or("") == "redirected");

  RunResult resumed = Run(args);
  BOOST_TEST(resumed.exit_status == 0, resumed);

  CliFixture uninterrupted;
  RunResult whole = uninterrupted.Run(blog.CrawlArgs(uninterrupted.db));
  BOOST_TEST(whole.exit_status == 0, whole);
  const auto counts = Status();
  BOOST_TEST(counts.at("pages") > 30, counts.at("pages"));
  BOOST_TEST((counts == uninterrupted.Status()), "the resumed crawl stored other counts");
  BOOST_TEST((Export() == uninterrupted.Export()), "the resumed crawl stored something else");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::cli_test
