// The FetchScheduler against loopback servers: its limits and delays read
// from the servers' own request logs, retries, validators, redirects,
// content types, robots.txt and the private-address guard; then what one
// transfer brings back: headers, decoded and capped bodies, faults, timeouts.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <ostream>
#include <chrono>
#include <fstream>
#include <string>
#include <vector>

#include "crawler/crawler.h"
#include "tests/crawler/loopback_http_server.h"
#include "tests/support/test_paths.h"

namespace linkgraph::crawler {

std::ostream& operator<<(std::ostream& out, FetchOutcome outcome) { return out << ToString(outcome); }

namespace LINKGRAPH_FILE_SCOPE {

using testing::LoopbackHttpServer;
using testing::Route;
using Clock = std::chrono::steady_clock;

SchedulerOptions LoopbackOptions() {
  SchedulerOptions options;
  options.fetch.connect_timeout_ms = 2000;
  options.fetch.total_timeout_ms = 5000;
  options.delay_seconds = 0;
  options.backoff_seconds = 0.05;
  options.allow_private = true;  // the servers are on 127.0.0.1
  return options;
}

Route Html(std::string body) {
  Route route;
  route.headers = {{"Content-Type", "text/html; charset=UTF-8"}};
  route.body = std::move(body);
  return route;
}

FetchRequest Request(const std::string& url, uint64_t tag = 0) {
  FetchRequest request;
  request.url = url;
  request.tag = tag;
  return request;
}

// Polls until every added request has come back, for at most 20 s.
std::vector<FetchResult> RunAll(FetchScheduler& scheduler) {
  std::vector<FetchResult> results;
  const Clock::time_point deadline = Clock::now() + std::chrono::seconds(20);
  while (scheduler.Waiting() > 0 && Clock::now() < deadline) {
    for (FetchResult& result : scheduler.Poll(std::chrono::milliseconds(200))) {
      results.push_back(std::move(result));
    }
  }
  return results;
}

// The one result of a single request through a fresh scheduler.
FetchResult FetchOne(const SchedulerOptions& options, FetchRequest request) {
  FetchScheduler scheduler(options);
  scheduler.Add(std::move(request));
  std::vector<FetchResult> results = RunAll(scheduler);
  BOOST_REQUIRE_EQUAL(results.size(), 1u);
  return std::move(results[0]);
}

std::vector<Clock::time_point> PageTimes(const LoopbackHttpServer& server) {
  std::vector<Clock::time_point> times;
  for (const auto& request : server.Requests()) {
    if (request.target != "/robots.txt") times.push_back(request.received_at);
  }
  std::sort(times.begin(), times.end());
  return times;
}

long long Millis(Clock::duration duration) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(duration).count();
}

BOOST_AUTO_TEST_SUITE(fetch_scheduler)

BOOST_AUTO_TEST_CASE(no_more_than_per_host_transfers_run_at_once) {
  LoopbackHttpServer server;
  for (int i = 0; i < 6; ++i) {
    Route slow = Html("<p>slow</p>");
    slow.delay = std::chrono::milliseconds(300);
    server.SetRoute("/slow-" + std::to_string(i), slow);
  }
  SchedulerOptions options = LoopbackOptions();
  options.per_host = 2;
  FetchScheduler scheduler(options);
  for (int i = 0; i < 6; ++i) scheduler.Add(Request(server.Url("/slow-" + std::to_string(i))));
  const std::vector<FetchResult> results = RunAll(scheduler);
  BOOST_TEST(results.size() == 6u);
  const auto times = PageTimes(server);
  BOOST_REQUIRE_EQUAL(times.size(), 6u);
  // A third request can only start when one of the first two has finished.
  for (size_t i = 2; i < times.size(); ++i) BOOST_TEST(Millis(times[i] - times[i - 2]) >= 280);
  // ...but two do run together.
  BOOST_TEST(Millis(times[1] - times[0]) < 250);
}

BOOST_AUTO_TEST_CASE(the_global_limit_holds_across_hosts) {
  LoopbackHttpServer first, second;
  for (LoopbackHttpServer* server : {&first, &second}) {
    Route slow = Html("<p>slow</p>");
    slow.delay = std::chrono::milliseconds(200);
    server->SetRoute("/a", slow);
    server->SetRoute("/b", slow);
  }
  SchedulerOptions options = LoopbackOptions();
  options.concurrency = 1;
  options.per_host = 2;
  FetchScheduler scheduler(options);
  for (LoopbackHttpServer* server : {&first, &second}) {
    scheduler.Add(Request(server->Url("/a")));
    scheduler.Add(Request(server->Url("/b")));
  }
  BOOST_TEST(RunAll(scheduler).size() == 4u);
  std::vector<Clock::time_point> times = PageTimes(first);
  const auto more = PageTimes(second);
  times.insert(times.end(), more.begin(), more.end());
  std::sort(times.begin(), times.end());
  BOOST_REQUIRE_EQUAL(times.size(), 4u);
  for (size_t i = 1; i < times.size(); ++i) BOOST_TEST(Millis(times[i] - times[i - 1]) >= 180);
}

BOOST_AUTO_TEST_CASE(requests_to_one_host_are_spaced_by_the_delay) {
  LoopbackHttpServer server;
  for (int i = 0; i < 4; ++i) server.SetRoute("/p" + std::to_string(i), Html("<p>p</p>"));
  SchedulerOptions options = LoopbackOptions();
  options.delay_seconds = 0.2;
  options.per_host = 4;
  FetchScheduler scheduler(options);
  for (int i = 0; i < 4; ++i) scheduler.Add(Request(server.Url("/p" + std::to_string(i))));
  BOOST_TEST(RunAll(scheduler).size() == 4u);
  std::vector<Clock::time_point> times;
  for (const auto& request : server.Requests()) times.push_back(request.received_at);
  BOOST_REQUIRE_EQUAL(times.size(), 5u);  // robots.txt counts as a request to the host
  // The scheduler spaces the starts; the server sees them a loopback trip
  // later, and one trip may take tens of milliseconds longer than the next
  // on a busy machine. So each gap is held to half the delay (none would
  // be about 1 ms), and the whole run, where the trips' jitter does not add
  // up, to the four delays less a trip's worth.
  for (size_t i = 1; i < times.size(); ++i) BOOST_TEST(Millis(times[i] - times[i - 1]) >= 100);
  BOOST_TEST(Millis(times.back() - times.front()) >= 4 * 200 - 50);
}

BOOST_AUTO_TEST_CASE(a_503_with_retry_after_waits_as_asked_then_succeeds) {
  LoopbackHttpServer server;
  Route busy = Html("busy");
  busy.status = 503;
  busy.headers.push_back({"Retry-After", "1"});
  server.SetSequence("/busy", {busy, Html("<p>now</p>")});
  FetchScheduler scheduler(LoopbackOptions());
  scheduler.Add(Request(server.Url("/busy")));
  const auto results = RunAll(scheduler);
  BOOST_REQUIRE_EQUAL(results.size(), 1u);
  BOOST_TEST(results[0].outcome == FetchOutcome::kOk);
  BOOST_TEST(results[0].attempts == 2);
  const auto times = PageTimes(server);
  BOOST_REQUIRE_EQUAL(times.size(), 2u);
  BOOST_TEST(Millis(times[1] - times[0]) >= 990);
}

BOOST_AUTO_TEST_CASE(a_retry_after_longer_than_the_longest_wait_gives_up_with_the_reason) {
  LoopbackHttpServer server;
  Route busy = Html("busy");
  busy.status = 503;
  busy.headers.push_back({"Retry-After", "3600"});
  server.SetRoute("/busy", busy);
  FetchScheduler scheduler(LoopbackOptions());
  scheduler.Add(Request(server.Url("/busy")));
  const auto results = RunAll(scheduler);
  BOOST_REQUIRE_EQUAL(results.size(), 1u);
  BOOST_TEST(results[0].outcome == FetchOutcome::kHttpError);
  BOOST_TEST(results[0].error.find("Retry-After 3600 s") != std::string::npos, results[0].error);
  BOOST_TEST(server.RequestCount("/busy") == 1);
}

BOOST_AUTO_TEST_CASE(server_errors_are_retried_then_given_up_with_the_count) {
  LoopbackHttpServer server;
  Route broken = Html("broken");
  broken.status = 500;
  server.SetRoute("/broken", broken);
  SchedulerOptions options = LoopbackOptions();
  options.retries = 2;
  FetchScheduler scheduler(options);
  scheduler.Add(Request(server.Url("/broken")));
  const auto results = RunAll(scheduler);
  BOOST_REQUIRE_EQUAL(results.size(), 1u);
  BOOST_TEST(results[0].outcome == FetchOutcome::kHttpError);
  BOOST_TEST(results[0].error.find("after 3 attempts") != std::string::npos, results[0].error);
  BOOST_TEST(server.RequestCount("/broken") == 3);
}

BOOST_AUTO_TEST_CASE(a_404_is_not_retried) {
  LoopbackHttpServer server;
  FetchScheduler scheduler(LoopbackOptions());
  scheduler.Add(Request(server.Url("/missing")));
  const auto results = RunAll(scheduler);
  BOOST_REQUIRE_EQUAL(results.size(), 1u);
  BOOST_TEST(results[0].outcome == FetchOutcome::kHttpError);
  BOOST_TEST(results[0].response.http_status == 404);
  BOOST_TEST(server.RequestCount("/missing") == 1);
}

BOOST_AUTO_TEST_CASE(a_matching_etag_gets_a_304_and_no_body) {
  LoopbackHttpServer server;
  Route page = Html(std::string(50000, 'x'));
  page.etag = "\"v1\"";
  server.SetRoute("/page", page);
  FetchScheduler scheduler(LoopbackOptions());
  FetchRequest request = Request(server.Url("/page"));
  request.etag = "\"v1\"";
  scheduler.Add(request);
  const auto results = RunAll(scheduler);
  BOOST_REQUIRE_EQUAL(results.size(), 1u);
  BOOST_TEST(results[0].outcome == FetchOutcome::kNotModified);
  BOOST_TEST(results[0].response.body.empty());
  BOOST_TEST(scheduler.Stats().bytes == 0);
}

BOOST_AUTO_TEST_CASE(redirects_come_back_with_their_target_unfollowed) {
  LoopbackHttpServer server;
  Route moved;
  moved.status = 301;
  moved.headers = {{"Location", "/new"}};
  server.SetRoute("/old", moved);
  FetchScheduler scheduler(LoopbackOptions());
  scheduler.Add(Request(server.Url("/old")));
  const auto results = RunAll(scheduler);
  BOOST_REQUIRE_EQUAL(results.size(), 1u);
  BOOST_TEST(results[0].outcome == FetchOutcome::kRedirect);
  BOOST_TEST(results[0].location == server.Url("/new"));
  BOOST_TEST(server.RequestCount("/new") == 0);
}

BOOST_AUTO_TEST_CASE(a_body_of_another_content_type_is_refused_without_reading_it) {
  LoopbackHttpServer server;
  Route binary;
  binary.headers = {{"Content-Type", "application/octet-stream"}};
  binary.body = std::string(30 << 20, '\x01');
  server.SetRoute("/big.bin", binary);
  FetchScheduler scheduler(LoopbackOptions());
  scheduler.Add(Request(server.Url("/big.bin")));
  const auto results = RunAll(scheduler);
  BOOST_REQUIRE_EQUAL(results.size(), 1u);
  BOOST_TEST(results[0].outcome == FetchOutcome::kWrongType);
  BOOST_TEST(results[0].error.find("application/octet-stream") != std::string::npos);
  BOOST_TEST(scheduler.Stats().bytes < (1 << 20));
}

BOOST_AUTO_TEST_CASE(a_body_over_the_cap_is_too_large) {
  LoopbackHttpServer server;
  server.SetRoute("/huge", Html(std::string(3 << 20, 'h')));
  SchedulerOptions options = LoopbackOptions();
  options.fetch.max_body_bytes = 1 << 20;
  FetchScheduler scheduler(options);
  scheduler.Add(Request(server.Url("/huge")));
  const auto results = RunAll(scheduler);
  BOOST_REQUIRE_EQUAL(results.size(), 1u);
  BOOST_TEST(results[0].outcome == FetchOutcome::kTooLarge);
}

BOOST_AUTO_TEST_CASE(robots_txt_is_read_once_and_disallowed_paths_are_never_requested) {
  LoopbackHttpServer server;
  Route robots;
  robots.headers = {{"Content-Type", "text/plain"}};
  robots.body = "User-agent: *\nDisallow: /private/\nSitemap: " + server.Url("/sitemap.xml") + "\n";
  server.SetRoute("/robots.txt", robots);
  server.SetRoute("/open", Html("<p>open</p>"));
  server.SetRoute("/private/x", Html("<p>x</p>"));
  FetchScheduler scheduler(LoopbackOptions());
  scheduler.Add(Request(server.Url("/open"), 1));
  scheduler.Add(Request(server.Url("/private/x"), 2));
  auto results = RunAll(scheduler);
  BOOST_REQUIRE_EQUAL(results.size(), 2u);
  std::sort(results.begin(), results.end(),
            [](const FetchResult& a, const FetchResult& b) { return a.request.tag < b.request.tag; });
  BOOST_TEST(results[0].outcome == FetchOutcome::kOk);
  BOOST_TEST(results[1].outcome == FetchOutcome::kDisallowed);
  BOOST_TEST(server.RequestCount("/robots.txt") == 1);
  BOOST_TEST(server.RequestCount("/private/x") == 0);
  BOOST_TEST(scheduler.TakeRobotsSitemaps() == std::vector<std::string>{server.Url("/sitemap.xml")});
}

BOOST_AUTO_TEST_CASE(a_robots_txt_answering_503_keeps_the_whole_host_out) {
  LoopbackHttpServer server;
  Route unavailable = Html("down");
  unavailable.status = 503;
  server.SetRoute("/robots.txt", unavailable);
  server.SetRoute("/page", Html("<p>page</p>"));
  SchedulerOptions options = LoopbackOptions();
  options.retries = 1;
  FetchScheduler scheduler(options);
  scheduler.Add(Request(server.Url("/page")));
  const auto results = RunAll(scheduler);
  BOOST_REQUIRE_EQUAL(results.size(), 1u);
  BOOST_TEST(results[0].outcome == FetchOutcome::kDisallowed);
  BOOST_TEST(results[0].error.find("robots.txt") != std::string::npos, results[0].error);
  BOOST_TEST(server.RequestCount("/page") == 0);
  BOOST_TEST(server.RequestCount("/robots.txt") == 2);  // tried again once
}

BOOST_AUTO_TEST_CASE(private_addresses_are_refused_unless_allowed) {
  LoopbackHttpServer server;
  server.SetRoute("/inside", Html("<p>inside</p>"));
  SchedulerOptions options = LoopbackOptions();
  options.allow_private = false;
  options.obey_robots = false;
  FetchScheduler scheduler(options);
  scheduler.Add(Request(server.Url("/inside"), 1));
  FetchRequest seed = Request(server.Url("/inside"), 2);
  seed.allow_private = true;  // a seed that is itself a private address
  scheduler.Add(seed);
  auto results = RunAll(scheduler);
  BOOST_REQUIRE_EQUAL(results.size(), 2u);
  std::sort(results.begin(), results.end(),
            [](const FetchResult& a, const FetchResult& b) { return a.request.tag < b.request.tag; });
  BOOST_TEST(results[0].outcome == FetchOutcome::kBlocked);
  BOOST_TEST(results[0].error.find("private") != std::string::npos);
  BOOST_TEST(results[1].outcome == FetchOutcome::kOk);
  BOOST_TEST(server.RequestCount("/inside") == 1);
}

BOOST_AUTO_TEST_CASE(an_ok_response_keeps_its_etag_last_modified_and_content_type) {
  LoopbackHttpServer server;
  Route post = Html("<html>post</html>");
  post.headers.push_back({"ETag", "\"abc123\""});
  post.headers.push_back({"Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT"});
  server.SetRoute("/post", post);
  const FetchResult result = FetchOne(LoopbackOptions(), Request(server.Url("/post")));
  BOOST_TEST(result.outcome == FetchOutcome::kOk, result.error);
  BOOST_TEST(result.response.http_status == 200);
  BOOST_TEST(result.response.body == "<html>post</html>");
  BOOST_TEST(result.response.content_type == "text/html; charset=UTF-8");
  BOOST_TEST(result.response.etag == "\"abc123\"");
  BOOST_TEST(result.response.last_modified == "Wed, 21 Oct 2015 07:28:00 GMT");
  BOOST_TEST(result.response.requested_url == server.Url("/post"));
}

BOOST_AUTO_TEST_CASE(a_server_error_without_retries_is_one_attempt_with_its_status) {
  LoopbackHttpServer server;
  Route broken = Html("broken");
  broken.status = 500;
  server.SetRoute("/broken", broken);
  SchedulerOptions options = LoopbackOptions();
  options.retries = 0;
  const FetchResult result = FetchOne(options, Request(server.Url("/broken")));
  BOOST_TEST(result.outcome == FetchOutcome::kHttpError);
  BOOST_TEST(result.response.http_status == 500);
  BOOST_TEST(result.error == "HTTP status 500");
  BOOST_TEST(result.attempts == 1);
  BOOST_TEST(server.RequestCount("/broken") == 1);
}

BOOST_AUTO_TEST_CASE(a_redirect_keeps_its_status_but_not_its_own_headers_or_body) {
  LoopbackHttpServer server;
  Route moved = Html("moved");
  moved.status = 301;
  moved.headers.push_back({"Location", "/new"});
  moved.headers.push_back({"ETag", "\"of-the-redirect\""});
  server.SetRoute("/old", moved);
  const FetchResult result = FetchOne(LoopbackOptions(), Request(server.Url("/old")));
  BOOST_TEST(result.outcome == FetchOutcome::kRedirect);
  BOOST_TEST(result.response.http_status == 301);
  BOOST_TEST(result.response.etag.empty());
  BOOST_TEST(result.response.body.empty());
}

// The scheduler never follows a Location, so a web page cannot make it read
// a local file; the target comes back for the caller, which must not follow
// a web page to a file:// URL.
BOOST_AUTO_TEST_CASE(a_redirect_to_a_file_url_is_returned_unread) {
  LoopbackHttpServer server;
  linkgraph::testing::TempDir dir;
  const auto secret = dir.path() / "secret.html";
  std::ofstream(secret) << "local secret";
  const std::string file_url = FileUrlFromPath(secret.string());
  Route sneaky;
  sneaky.status = 302;
  sneaky.headers = {{"Location", file_url}};
  server.SetRoute("/sneaky", sneaky);
  const FetchResult result = FetchOne(LoopbackOptions(), Request(server.Url("/sneaky")));
  BOOST_TEST(result.outcome == FetchOutcome::kRedirect);
  BOOST_TEST(result.location == file_url);
  BOOST_TEST(result.response.body.find("local secret") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_gzip_body_is_asked_for_and_decoded) {
  LoopbackHttpServer server;
  Route comments = Html("");
  for (int i = 0; i < 500; ++i) comments.body += "<p>comment " + std::to_string(i) + "</p>\n";
  comments.gzip = true;
  server.SetRoute("/gz", comments);
  SchedulerOptions options = LoopbackOptions();
  options.obey_robots = false;
  const FetchResult result = FetchOne(options, Request(server.Url("/gz")));
  BOOST_TEST(result.outcome == FetchOutcome::kOk, result.error);
  BOOST_TEST(result.response.body == comments.body);
  BOOST_TEST(server.Requests().at(0).Header("Accept-Encoding").find("gzip") != std::string::npos);
}

// A gzip bomb: about 1 KB on the wire, so only the decoded size can catch it.
BOOST_AUTO_TEST_CASE(a_gzip_body_decoding_past_the_cap_is_too_large) {
  LoopbackHttpServer server;
  Route bomb = Html(std::string(1 << 20, 'a'));
  bomb.gzip = true;
  server.SetRoute("/bomb", bomb);
  SchedulerOptions options = LoopbackOptions();
  options.fetch.max_body_bytes = 64 * 1024;
  const FetchResult result = FetchOne(options, Request(server.Url("/bomb")));
  BOOST_TEST(result.outcome == FetchOutcome::kTooLarge, result.error);
  BOOST_TEST(result.error == "body larger than 65536 bytes");
  BOOST_TEST(result.response.body.empty());
}

// No Content-Length to refuse up front, and the server stalls after half
// the body for longer than the total timeout: only a transfer cut off at the
// cap, while receiving, ends as too large rather than as a timeout.
BOOST_AUTO_TEST_CASE(a_chunked_body_over_the_cap_is_cut_off_while_receiving) {
  LoopbackHttpServer server;
  Route stream = Html(std::string(200000, 'x'));
  stream.chunked = true;
  stream.stall_mid_body = std::chrono::seconds(10);
  server.SetRoute("/stream", stream);
  SchedulerOptions options = LoopbackOptions();
  options.fetch.max_body_bytes = 1000;
  options.retries = 0;
  const FetchResult result = FetchOne(options, Request(server.Url("/stream")));
  BOOST_TEST(result.outcome == FetchOutcome::kTooLarge, result.error);
  BOOST_TEST(result.error == "body larger than 1000 bytes");
}

BOOST_AUTO_TEST_CASE(a_stalled_response_hits_the_total_timeout) {
  LoopbackHttpServer server;
  Route stall = Html("late");
  stall.delay = std::chrono::seconds(10);  // the server drops it when it stops
  server.SetRoute("/stall", stall);
  SchedulerOptions options = LoopbackOptions();
  options.fetch.total_timeout_ms = 300;
  options.retries = 0;
  options.obey_robots = false;
  const Clock::time_point start = Clock::now();
  const FetchResult result = FetchOne(options, Request(server.Url("/stall")));
  BOOST_TEST(result.outcome == FetchOutcome::kNetworkError);
  BOOST_TEST(result.error == "timeout: no complete answer in 300 ms");
  BOOST_TEST(result.attempts == 1);
  BOOST_TEST(Millis(Clock::now() - start) < 5000);
}

BOOST_AUTO_TEST_CASE(a_refused_connection_is_a_network_error_after_the_retries) {
  const std::string url =
      "http://127.0.0.1:" + std::to_string(LoopbackHttpServer::UnusedPort()) + "/";
  SchedulerOptions options = LoopbackOptions();
  options.retries = 1;
  options.obey_robots = false;  // else the unreachable robots.txt disallows the page
  const FetchResult result = FetchOne(options, Request(url));
  BOOST_TEST(result.outcome == FetchOutcome::kNetworkError);
  BOOST_TEST(result.error.find("Couldn't connect") != std::string::npos, result.error);
  BOOST_TEST(result.error.ends_with("(after 2 attempts)"), result.error);
  BOOST_TEST(result.attempts == 2);
}

BOOST_AUTO_TEST_CASE(the_user_agent_of_the_options_is_sent_with_every_request) {
  LoopbackHttpServer server;
  server.SetRoute("/", Html("<p>home</p>"));
  SchedulerOptions options = LoopbackOptions();
  options.fetch.user_agent = "linkgraph-test/1";
  BOOST_TEST(FetchOne(options, Request(server.Url("/"))).outcome == FetchOutcome::kOk);
  const auto requests = server.Requests();
  BOOST_REQUIRE_EQUAL(requests.size(), 2u);  // robots.txt, then the page
  for (const auto& request : requests) {
    BOOST_TEST(request.Header("User-Agent") == "linkgraph-test/1", request.target);
  }
}

BOOST_AUTO_TEST_CASE(consecutive_requests_to_one_host_reuse_one_connection) {
  LoopbackHttpServer server;
  server.SetRoute("/1", Html("<p>1</p>"));
  server.SetRoute("/2", Html("<p>2</p>"));
  SchedulerOptions options = LoopbackOptions();
  options.per_host = 1;
  FetchScheduler scheduler(options);
  scheduler.Add(Request(server.Url("/1")));
  scheduler.Add(Request(server.Url("/2")));
  BOOST_TEST(RunAll(scheduler).size() == 2u);
  BOOST_TEST(server.Requests().size() == 3u);  // robots.txt and both pages
  BOOST_TEST(server.Connections() == 1);
}

// Easy handles are recycled: one whose transfer was cut off must not carry
// its state into the next request.
BOOST_AUTO_TEST_CASE(a_handle_cut_off_at_the_cap_serves_the_next_request_cleanly) {
  LoopbackHttpServer server;
  server.SetRoute("/big", Html(std::string(5000, 'x')));
  Route small = Html("small");
  small.headers.push_back({"ETag", "\"s\""});
  server.SetRoute("/small", small);
  SchedulerOptions options = LoopbackOptions();
  options.concurrency = 1;
  options.fetch.max_body_bytes = 1000;
  options.obey_robots = false;
  FetchScheduler scheduler(options);
  scheduler.Add(Request(server.Url("/big"), 1));
  scheduler.Add(Request(server.Url("/small"), 2));
  auto results = RunAll(scheduler);
  BOOST_REQUIRE_EQUAL(results.size(), 2u);
  std::sort(results.begin(), results.end(), [](const FetchResult& a, const FetchResult& b) {
    return a.request.tag < b.request.tag;
  });
  BOOST_TEST(results[0].outcome == FetchOutcome::kTooLarge);
  BOOST_TEST(results[1].outcome == FetchOutcome::kOk, results[1].error);
  BOOST_TEST(results[1].response.body == "small");
  BOOST_TEST(results[1].response.etag == "\"s\"");
  BOOST_TEST(scheduler.Stats().transfers == 2);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::crawler
