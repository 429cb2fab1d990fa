// The test runner itself: what it captures, and that a child that hangs is
// killed at the timeout rather than hanging the suite.
#include <signal.h>

#include <boost/test/unit_test.hpp>
#include <chrono>

#include "tests/cli/cli_fixtures.h"
#include "tests/crawler/loopback_http_server.h"

namespace linkgraph::cli_test {

BOOST_FIXTURE_TEST_SUITE(run_linkgraph, CliFixture)

BOOST_AUTO_TEST_CASE(runner_captures_stdout_stderr_and_exit_status) {
  RunResult version = Run({"--version"});
  BOOST_TEST(version.exit_status == 0, version);
  BOOST_TEST(version.out.find("linkgraph 0.1.0") != std::string::npos, version);
  BOOST_TEST(!version.timed_out);

  RunResult usage = Run({"no-such-command"});
  BOOST_TEST(usage.exit_status == 2, usage);
  BOOST_TEST(!usage.err.empty(), usage);
  BOOST_TEST(usage.signal == 0);
}

BOOST_AUTO_TEST_CASE(runner_kills_a_child_that_outlives_its_timeout) {
  testing::LoopbackHttpServer server;
  testing::Route slow;
  slow.body = "<html><body>late</body></html>";
  slow.delay = std::chrono::milliseconds(3000);
  server.SetRoute("/slow", slow);
  RunResult result = testing::RunLinkgraph({"crawl", "--db", db, server.Url("/slow")}, dir.path(),
                                           std::chrono::seconds(1));
  BOOST_TEST(result.timed_out, result);
  BOOST_TEST(result.signal == SIGKILL, result);
  BOOST_TEST(result.exit_status == -1, result);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace linkgraph::cli_test
