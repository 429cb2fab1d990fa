// The curl Fetcher against a loopback HTTP/1.1 server started by each case.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <fstream>
#include <string>

#include "crawler/crawler.h"
#include "tests/crawler/loopback_http_server.h"
#include "tests/crawler/result_text.h"
#include "tests/support/test_paths.h"

namespace linkgraph::crawler {
namespace {

using linkgraph::testing::CodeNumber;
using linkgraph::testing::ErrorCodeOf;
using linkgraph::testing::ErrorText;
using linkgraph::testing::LoopbackHttpServer;
using linkgraph::testing::Route;
using namespace std::chrono_literals;

// Short limits so that a broken case fails in seconds instead of hanging.
FetchOptions QuickOptions() {
  FetchOptions options;
  options.connect_timeout_ms = 2000;
  options.total_timeout_ms = 5000;
  return options;
}

Route Redirect(const std::string& location, int status = 302) {
  Route route;
  route.status = status;
  route.headers = {{"Location", location}};
  return route;
}

struct ServerFixture {
  LoopbackHttpServer server;
};

BOOST_FIXTURE_TEST_SUITE(http_fetch, ServerFixture)

BOOST_AUTO_TEST_CASE(ok_response_captures_etag_last_modified_and_content_type) {
  Route route;
  route.body = "<html>post</html>";
  route.headers = {{"Content-Type", "text/html; charset=utf-8"},
                   {"ETag", "\"abc123\""},
                   {"Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT"}};
  server.SetRoute("/post", route);
  const auto response = MakeCurlFetcher(QuickOptions())->Fetch(server.Url("/post"));
  BOOST_TEST_REQUIRE(response.ok(), ErrorText(response));
  BOOST_TEST(response->http_status == 200);
  BOOST_TEST(response->body == "<html>post</html>");
  BOOST_TEST(response->content_type == "text/html; charset=utf-8");
  BOOST_TEST(response->etag == "\"abc123\"");
  BOOST_TEST(response->last_modified == "Wed, 21 Oct 2015 07:28:00 GMT");
  BOOST_TEST(response->final_url == server.Url("/post"));
}

BOOST_AUTO_TEST_CASE(not_found_is_a_response_not_an_error) {
  const auto response = MakeCurlFetcher(QuickOptions())->Fetch(server.Url("/nothing-here"));
  BOOST_TEST_REQUIRE(response.ok(), ErrorText(response));
  BOOST_TEST(response->http_status == 404);
  BOOST_TEST(response->body == "no route");
}

BOOST_AUTO_TEST_CASE(server_error_is_a_response_not_an_error) {
  Route route;
  route.status = 503;
  route.body = "busy";
  server.SetRoute("/busy", route);
  const auto response = MakeCurlFetcher(QuickOptions())->Fetch(server.Url("/busy"));
  BOOST_TEST_REQUIRE(response.ok(), ErrorText(response));
  BOOST_TEST(response->http_status == 503);
}

BOOST_AUTO_TEST_CASE(redirect_is_followed_and_final_url_recorded) {
  Route moved = Redirect("/new", 301);
  moved.headers.emplace_back("ETag", "\"of-the-redirect\"");
  server.SetRoute("/old", moved);
  Route final_page;
  final_page.body = "new home";
  server.SetRoute("/new", final_page);
  const auto response = MakeCurlFetcher(QuickOptions())->Fetch(server.Url("/old"));
  BOOST_TEST_REQUIRE(response.ok(), ErrorText(response));
  BOOST_TEST(response->http_status == 200);
  BOOST_TEST(response->requested_url == server.Url("/old"));
  BOOST_TEST(response->final_url == server.Url("/new"));
  BOOST_TEST(response->body == "new home");
  BOOST_TEST(response->etag.empty(), "headers of the redirect itself must not be kept");
  BOOST_TEST(server.Requests().size() == 2u);
}

BOOST_AUTO_TEST_CASE(redirect_loop_is_an_error) {
  server.SetRoute("/a", Redirect("/b"));
  server.SetRoute("/b", Redirect("/a"));
  const auto response = MakeCurlFetcher(QuickOptions())->Fetch(server.Url("/a"));
  BOOST_TEST_REQUIRE(!response.ok());
  BOOST_TEST(ErrorCodeOf(response) == CodeNumber(ErrorCode::kNetwork));
  BOOST_TEST(ErrorText(response).find("redirect") != std::string::npos, ErrorText(response));
  // The first request and max_redirects (5) more, then it gives up.
  BOOST_TEST(server.Requests().size() == 6u);
}

BOOST_AUTO_TEST_CASE(redirects_beyond_max_redirects_are_an_error) {
  server.SetRoute("/1", Redirect("/2"));
  server.SetRoute("/2", Redirect("/3"));
  server.SetRoute("/3", Route{});
  FetchOptions options = QuickOptions();
  options.max_redirects = 1;
  BOOST_TEST(!MakeCurlFetcher(options)->Fetch(server.Url("/1")).ok());
  options.max_redirects = 2;
  BOOST_TEST(MakeCurlFetcher(options)->Fetch(server.Url("/1")).ok());
}

BOOST_AUTO_TEST_CASE(redirect_to_a_file_url_is_refused) {
  linkgraph::testing::TempDir dir;
  const auto secret = dir.path() / "secret.txt";
  std::ofstream(secret) << "local secret";
  server.SetRoute("/sneaky", Redirect(FileUrlFromPath(secret.string())));
  const auto response = MakeCurlFetcher(QuickOptions())->Fetch(server.Url("/sneaky"));
  BOOST_TEST_REQUIRE(!response.ok(), "a redirect read a local file");
  BOOST_TEST(ErrorCodeOf(response) == CodeNumber(ErrorCode::kUnsupported), ErrorText(response));
}

BOOST_AUTO_TEST_CASE(body_over_max_body_bytes_with_content_length_is_too_large) {
  Route route;
  route.body = std::string(5000, 'x');
  server.SetRoute("/big", route);
  FetchOptions options = QuickOptions();
  options.max_body_bytes = 1000;
  const auto response = MakeCurlFetcher(options)->Fetch(server.Url("/big"));
  BOOST_TEST_REQUIRE(!response.ok());
  BOOST_TEST(ErrorCodeOf(response) == CodeNumber(ErrorCode::kTooLarge));
  BOOST_TEST(ErrorText(response) ==
             "fetch " + server.Url("/big") + ": body larger than max_body_bytes (1000 bytes)");
}

BOOST_AUTO_TEST_CASE(chunked_body_over_max_body_bytes_is_cut_off_while_receiving) {
  Route route;
  route.body = std::string(200000, 'x');
  route.chunked = true;
  server.SetRoute("/stream", route);
  FetchOptions options = QuickOptions();
  options.max_body_bytes = 1000;
  const auto response = MakeCurlFetcher(options)->Fetch(server.Url("/stream"));
  BOOST_TEST_REQUIRE(!response.ok());
  BOOST_TEST(ErrorCodeOf(response) == CodeNumber(ErrorCode::kTooLarge));
}

BOOST_AUTO_TEST_CASE(gzip_body_is_decoded) {
  Route route;
  for (int i = 0; i < 500; ++i) route.body += "<p>comment " + std::to_string(i) + "</p>\n";
  route.gzip = true;
  server.SetRoute("/gz", route);
  const auto response = MakeCurlFetcher(QuickOptions())->Fetch(server.Url("/gz"));
  BOOST_TEST_REQUIRE(response.ok(), ErrorText(response));
  BOOST_TEST(response->body == route.body);
  BOOST_TEST(server.Requests().at(0).Header("Accept-Encoding").find("gzip") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(gzip_body_decoding_past_max_body_bytes_is_too_large) {
  Route route;
  route.body = std::string(1 << 20, 'a');  // about 1 KB on the wire
  route.gzip = true;
  server.SetRoute("/bomb", route);
  FetchOptions options = QuickOptions();
  options.max_body_bytes = 64 * 1024;
  const auto response = MakeCurlFetcher(options)->Fetch(server.Url("/bomb"));
  BOOST_TEST_REQUIRE(!response.ok());
  BOOST_TEST(ErrorCodeOf(response) == CodeNumber(ErrorCode::kTooLarge));
}

BOOST_AUTO_TEST_CASE(stalled_response_hits_the_total_timeout) {
  Route route;
  route.delay = 10s;  // far beyond the client's limit; the server drops it at exit
  server.SetRoute("/stall", route);
  FetchOptions options = QuickOptions();
  options.total_timeout_ms = 300;
  const auto response = MakeCurlFetcher(options)->Fetch(server.Url("/stall"));
  BOOST_TEST_REQUIRE(!response.ok());
  BOOST_TEST(ErrorCodeOf(response) == CodeNumber(ErrorCode::kNetwork));
  BOOST_TEST(ErrorText(response) ==
                 "fetch " + server.Url("/stall") + ": Timeout was reached (total timeout 300 ms)",
             ErrorText(response));
}

BOOST_AUTO_TEST_CASE(connection_refused_is_a_network_error) {
  const std::string url =
      "http://127.0.0.1:" + std::to_string(LoopbackHttpServer::UnusedPort()) + "/";
  const auto response = MakeCurlFetcher(QuickOptions())->Fetch(url);
  BOOST_TEST_REQUIRE(!response.ok());
  BOOST_TEST(ErrorCodeOf(response) == CodeNumber(ErrorCode::kNetwork));
  BOOST_TEST(ErrorText(response).starts_with("fetch " + url + ": "), ErrorText(response));
}

BOOST_AUTO_TEST_CASE(consecutive_fetches_reuse_one_connection) {
  server.SetRoute("/1", Route{});
  server.SetRoute("/2", Route{});
  auto fetcher = MakeCurlFetcher(QuickOptions());
  BOOST_TEST(fetcher->Fetch(server.Url("/1")).ok());
  BOOST_TEST(fetcher->Fetch(server.Url("/2")).ok());
  BOOST_TEST(server.Connections() == 1);
}

BOOST_AUTO_TEST_CASE(fetcher_works_again_after_a_failed_fetch) {
  Route big;
  big.body = std::string(5000, 'x');
  server.SetRoute("/big", big);
  Route small;
  small.body = "small";
  small.headers = {{"ETag", "\"s\""}};
  server.SetRoute("/small", small);
  FetchOptions options = QuickOptions();
  options.max_body_bytes = 1000;
  auto fetcher = MakeCurlFetcher(options);
  BOOST_TEST(!fetcher->Fetch(server.Url("/big")).ok());
  const auto response = fetcher->Fetch(server.Url("/small"));
  BOOST_TEST_REQUIRE(response.ok(), ErrorText(response));
  BOOST_TEST(response->body == "small");
  BOOST_TEST(response->etag == "\"s\"");
}

BOOST_AUTO_TEST_CASE(user_agent_from_options_is_sent) {
  FetchOptions options = QuickOptions();
  options.user_agent = "linkgraph-test/1";
  BOOST_TEST(MakeCurlFetcher(options)->Fetch(server.Url("/")).ok());
  BOOST_TEST(server.Requests().at(0).Header("User-Agent") == "linkgraph-test/1");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace linkgraph::crawler
