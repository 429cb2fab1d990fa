// A crawl killed with SIGKILL at a random moment resumes when the same
// command runs again, ends with exactly what an uninterrupted crawl stores,
// and never fetches again a URL it had recorded. Also: one writer per
// database at a time, and options from a config file.
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <thread>
#include <map>
#include <memory>
#include <set>

#include "store/store.h"
#include "tests/cli/cli_fixtures.h"
#include "tests/crawler/loopback_http_server.h"
#include "tests/support/generated_blog.h"

namespace linkgraph::cli_test {
namespace LINKGRAPH_FILE_SCOPE {

using testing::LoopbackHttpServer;

struct BlogSite {
  LoopbackHttpServer server;
  testing::GeneratedBlog blog;

  explicit BlogSite(int posts) {
    testing::BlogOptions options;
    options.posts = posts;
    options.comments_per_post = 5;
    blog = testing::GenerateBlog(options, server.Url(""));
    testing::ServeBlog(server, blog);
  }

  std::vector<std::string> CrawlArgs(const std::string& db) const {
    return {"crawl",   "--db",          db,  "--delay", "0", "--per-host", "2",
            "--quiet", "--recrawl-after", "0", server.Url("/")};
  }
};

std::set<std::string> DoneUrls(const std::string& db) {
  std::set<std::string> done;
  for (const auto& url : LastStoredCrawl(db).urls) {
    if (url.done) done.insert(url.url.url);
  }
  return done;
}

BOOST_FIXTURE_TEST_SUITE(cli_crawl_resume, CliFixture)

BOOST_AUTO_TEST_CASE(a_killed_crawl_resumes_and_ends_as_an_uninterrupted_one) {
  BlogSite site(600);
  const auto args = site.CrawlArgs(db);
  // Killed once the first batch is recorded, well before the end: a request
  // count alone races the writer when extraction is fast.
  RunResult killed = testing::RunLinkgraph(args, dir.path(), std::chrono::seconds(120),
                                           [&] { return RecordedUrlCount(db) > 0; });
  BOOST_TEST_REQUIRE(killed.signal == SIGKILL, killed);
  const std::set<std::string> done_before = DoneUrls(db);
  BOOST_TEST(!done_before.empty());
  const size_t requests_before = site.server.Requests().size();

  RunResult resumed = Run(args);
  BOOST_TEST(resumed.exit_status == 0, resumed);
  // Nothing recorded before the kill is fetched again.
  const auto requests = site.server.Requests();
  for (size_t i = requests_before; i < requests.size(); ++i) {
    if (requests[i].target == "/robots.txt") continue;
    BOOST_TEST(done_before.count(site.server.Url(requests[i].target)) == 0, requests[i].target);
  }

  CliFixture uninterrupted;
  RunResult whole = uninterrupted.Run(site.CrawlArgs(uninterrupted.db));
  BOOST_TEST(whole.exit_status == 0, whole);
  BOOST_TEST((Export() == uninterrupted.Export()), "the resumed crawl stored something else");
  BOOST_TEST((Status() == uninterrupted.Status()));
}

BOOST_AUTO_TEST_CASE(a_finished_crawl_is_not_resumed_but_started_afresh) {
  BlogSite site(5);
  RunOk(site.CrawlArgs(db));
  RunResult again = RunOk(site.CrawlArgs(db));
  BOOST_TEST(again.err.find("resuming") == std::string::npos, again);
  BOOST_TEST(again.out.find("not modified") != std::string::npos, again);
}

BOOST_AUTO_TEST_CASE(a_second_run_on_a_busy_database_waits_then_exits_with_a_clear_message) {
  BlogSite site(3);
  // Another process holds the lock, as a crawl in progress does.
  const int fd = ::open(db.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  BOOST_REQUIRE(fd >= 0);
  BOOST_REQUIRE(::flock(fd, LOCK_EX | LOCK_NB) == 0);
  const std::string holder = "pid " + std::to_string(::getpid());
  const auto started = std::chrono::steady_clock::now();
  RunResult second = Run({"crawl", "--db", db, "--lock-timeout", "0.5", site.server.Url("/")});
  const auto waited = std::chrono::steady_clock::now() - started;
  BOOST_TEST(second.exit_status == 75, second);  // busy: try later
  BOOST_TEST(second.err.find("another linkgraph run") != std::string::npos, second);
  BOOST_TEST(second.err.find(holder) != std::string::npos, second);
  BOOST_TEST(second.err.find("--lock-timeout") != std::string::npos, second);
  BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(waited).count() >= 450);
  BOOST_TEST(site.server.Requests().empty());
  // Once the other run ends, the lock is free.
  ::close(fd);
  RunOk(site.CrawlArgs(db));
}

BOOST_AUTO_TEST_CASE(import_and_rebuild_wait_for_a_running_crawl_too) {
  BlogSite site(3);
  RunOk(site.CrawlArgs(db));
  const int fd = ::open(db.c_str(), O_RDWR | O_CLOEXEC);
  BOOST_REQUIRE(fd >= 0);
  BOOST_REQUIRE(::flock(fd, LOCK_EX | LOCK_NB) == 0);
  const std::string holder = "pid " + std::to_string(::getpid());
  const std::string page = (SampleDir() / "index.html").string();
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"import", "--db", db, page},
        std::vector<std::string>{"rebuild", "--db", db, "--lock-timeout", "0.2"}}) {
    RunResult refused = Run(args);
    BOOST_TEST(refused.exit_status == 75, refused);
    BOOST_TEST(refused.err.find("another linkgraph run") != std::string::npos, refused);
    BOOST_TEST(refused.err.find(holder) != std::string::npos, refused);
  }
  ::close(fd);
  RunOk({"import", "--db", db, page});
  RunOk({"rebuild", "--db", db});
}

BOOST_AUTO_TEST_CASE(options_come_from_a_config_file_and_the_command_line_wins) {
  BlogSite site(3);
  const fs::path config = dir.path() / "crawl.toml";
  WriteFile(config, "[crawl]\nurls = [\"" + site.server.Url("/") +
                        "\"]\ndelay = 0\nquiet = true\nmax-pages = 2\ndb = \"" + db + "\"\n");
  RunResult crawled = RunOk({"crawl", "--config", config.string(), "--max-pages", "3"});
  // quiet: one summary line
  BOOST_TEST(std::count(crawled.out.begin(), crawled.out.end(), '\n') == 1, crawled);
  BOOST_TEST(crawled.out.find(" linkgraph crawl ok: db=") == 20, crawled);
  // --max-pages 3 from the command line, not 2 from the file, and no delay.
  int pages = 0;
  for (const auto& request : site.server.Requests()) {
    const std::string& target = request.target;
    pages += target != "/robots.txt" && target != "/sitemap.xml" && target != "/feed/";
  }
  BOOST_TEST(pages == 3);
}

BOOST_AUTO_TEST_CASE(a_broken_config_file_is_a_usage_error_naming_the_problem) {
  const fs::path config = dir.path() / "broken.toml";
  WriteFile(config, "[crawl]\nconcurrency = \"many\"\n");
  RunResult crawled = Run({"crawl", "--config", config.string(), "http://127.0.0.1:9/"});
  BOOST_TEST(crawled.exit_status == 2, crawled);
  BOOST_TEST(crawled.err.find("concurrency") != std::string::npos, crawled);
  WriteFile(config, "[crawl]\nbogus = 1\n");
  crawled = Run({"crawl", "--config", config.string(), "http://127.0.0.1:9/"});
  BOOST_TEST(crawled.exit_status == 2, crawled);
  BOOST_TEST(crawled.err.find("bogus") != std::string::npos, crawled);
  crawled = Run({"crawl", "--config", (dir.path() / "missing.toml").string(), "http://x/"});
  BOOST_TEST(crawled.exit_status == 2, crawled);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::cli_test
