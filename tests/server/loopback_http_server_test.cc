// The loopback server's fault injection, seen through libcurl as the crawler
// sees it, and the generated blog, seen through parsers::ExtractPage.
#include "tests/crawler/loopback_http_server.h"

#include <curl/curl.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "parsers/parsers.h"
#include "tests/support/generated_blog.h"

namespace linkgraph::testing {
namespace LINKGRAPH_FILE_SCOPE {

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using CurlPtr = std::unique_ptr<CURL, CurlDeleter>;

struct Fetched {
  CURLcode code = CURLE_OK;
  long status = 0;
  std::string body;
  std::string headers;
};

struct Sink {
  Fetched* fetched;
  size_t abort_after = 0;  // 0: never
};

size_t WriteBody(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  sink->fetched->body.append(data, size * count);
  if (sink->abort_after > 0 && sink->fetched->body.size() >= sink->abort_after) return 0;
  return size * count;
}

size_t WriteHeader(char* data, size_t size, size_t count, void* user) {
  static_cast<Fetched*>(user)->headers.append(data, size * count);
  return size * count;
}

struct FetchOptions {
  std::vector<std::string> headers{};  // "Name: value"
  bool decode_gzip = false;
  size_t abort_after = 0;  // abort the transfer after this many body bytes
};

// One GET on a handle that may be reused, so keep-alive applies.
Fetched Fetch(CURL* curl, const std::string& url, const FetchOptions& options = {}) {
  Fetched fetched;
  Sink sink{&fetched, options.abort_after};
  std::unique_ptr<curl_slist, SlistDeleter> headers;
  for (const std::string& header : options.headers) {
    headers.reset(curl_slist_append(headers.release(), header.c_str()));
  }
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, WriteBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, WriteHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &fetched);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, options.decode_gzip ? "gzip" : nullptr);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 20000L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  fetched.code = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &fetched.status);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);  // headers go with this scope
  return fetched;
}

Fetched Fetch(const std::string& url, const FetchOptions& options = {}) {
  CurlPtr curl(curl_easy_init());
  return Fetch(curl.get(), url, options);
}

Route Text(std::string body, int status = 200) {
  Route route;
  route.status = status;
  route.body = std::move(body);
  return route;
}

// Compressible but not trivially so: gzip output of some kilobytes.
std::string Prose(size_t bytes) {
  std::string text;
  for (unsigned i = 0; text.size() < bytes; ++i) {
    text += "line " + std::to_string(i * 2654435761u % 100003) + " of the body\n";
  }
  return text;
}

// Whether bytes are a whole gzip stream, trailer included.
bool InflatesCompletely(const std::string& bytes) {
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 16) != Z_OK) return false;
  std::string out(1 << 16, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  int result = Z_OK;
  while (result == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    result = inflate(&stream, Z_NO_FLUSH);
  }
  inflateEnd(&stream);
  return result == Z_STREAM_END;
}

size_t Count(const std::string& text, const std::string& needle) {
  size_t count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++count;
  return count;
}

BOOST_AUTO_TEST_SUITE(loopback_http_server)

BOOST_AUTO_TEST_CASE(sequence_answers_500_then_200_and_repeats_the_last) {
  LoopbackHttpServer server;
  server.SetSequence("/flaky", {Text("down", 500), Text("up")});
  CurlPtr curl(curl_easy_init());
  BOOST_TEST(Fetch(curl.get(), server.Url("/flaky")).status == 500);
  const Fetched second = Fetch(curl.get(), server.Url("/flaky"));
  BOOST_TEST(second.status == 200);
  BOOST_TEST(second.body == "up");
  BOOST_TEST(Fetch(curl.get(), server.Url("/flaky")).status == 200);
  BOOST_TEST(server.RequestCount("/flaky") == 3);
  BOOST_TEST(server.Connections() == 1, "keep-alive: one connection for the three");
}

BOOST_AUTO_TEST_CASE(matching_validator_gets_304_without_body) {
  LoopbackHttpServer server;
  Route route = Text("hello");
  route.etag = "\"v1\"";
  route.last_modified = "Fri, 12 Jun 2009 15:04:00 GMT";
  server.SetRoute("/page", route);

  const Fetched fresh = Fetch(server.Url("/page"));
  BOOST_TEST(fresh.status == 200);
  BOOST_TEST(fresh.headers.find("ETag: \"v1\"") != std::string::npos);
  BOOST_TEST(fresh.headers.find("Last-Modified: " + route.last_modified) != std::string::npos);

  const Fetched by_etag = Fetch(server.Url("/page"), {.headers = {"If-None-Match: \"v1\""}});
  BOOST_TEST(by_etag.code == CURLE_OK);
  BOOST_TEST(by_etag.status == 304);
  BOOST_TEST(by_etag.body.empty());
  const Fetched by_date =
      Fetch(server.Url("/page"), {.headers = {"If-Modified-Since: " + route.last_modified}});
  BOOST_TEST(by_date.status == 304);
  const Fetched stale = Fetch(server.Url("/page"), {.headers = {"If-None-Match: \"v0\""}});
  BOOST_TEST(stale.status == 200);
  BOOST_TEST(stale.body == "hello");
}

BOOST_AUTO_TEST_CASE(reset_mid_body_is_a_receive_error_and_the_server_goes_on) {
  LoopbackHttpServer server;
  Route route = Text(std::string(200000, 'x'));
  route.reset_after_body_bytes = 1000;
  server.SetRoute("/reset", route);
  server.SetRoute("/ok", Text("fine"));

  const Fetched reset = Fetch(server.Url("/reset"));
  BOOST_TEST(reset.code == CURLE_RECV_ERROR, curl_easy_strerror(reset.code));
  BOOST_TEST(reset.body.size() <= 1000u);
  BOOST_TEST(reset.headers.find("Content-Length: 200000") != std::string::npos);
  BOOST_TEST(Fetch(server.Url("/ok")).body == "fine");
}

BOOST_AUTO_TEST_CASE(truncated_gzip_is_a_decoding_error_not_a_length_mismatch) {
  LoopbackHttpServer server;
  Route route = Text(Prose(100000));
  route.truncate_gzip_to = 2000;
  server.SetRoute("/cut.gz", route);

  const Fetched raw = Fetch(server.Url("/cut.gz"));
  BOOST_TEST(raw.code == CURLE_OK, "the framing itself is intact");
  BOOST_TEST(raw.body.size() == 2000u);
  BOOST_TEST(raw.headers.find("Content-Encoding: gzip") != std::string::npos);

  BOOST_TEST(!InflatesCompletely(raw.body), "the gzip stream ends early");
  Route whole = Text(route.body);
  whole.gzip = true;
  server.SetRoute("/whole.gz", whole);
  BOOST_TEST(InflatesCompletely(Fetch(server.Url("/whole.gz")).body), "the check can pass");

  // libcurl 7.88 reports no error for a gzip stream cut short (it checks
  // no trailer): only the short result shows it, so crawlers must check.
  const Fetched decoded = Fetch(server.Url("/cut.gz"), {.decode_gzip = true});
  BOOST_TEST((decoded.code == CURLE_OK || decoded.code == CURLE_BAD_CONTENT_ENCODING),
             curl_easy_strerror(decoded.code));
  BOOST_TEST(!decoded.body.empty());
  BOOST_TEST(decoded.body.size() < route.body.size());
  BOOST_TEST(route.body.starts_with(decoded.body));
}

BOOST_AUTO_TEST_CASE(eight_parallel_clients_are_served_while_one_transfer_stalls) {
  LoopbackHttpServer server;
  Route stalled = Text(std::string(300000, 's'));
  stalled.stall_mid_body = std::chrono::milliseconds(1000);
  server.SetRoute("/stall", stalled);
  Route slow = Text("slow page");
  slow.delay = std::chrono::milliseconds(300);
  server.SetRoute("/slow", slow);

  std::atomic<bool> stall_done{false};
  Fetched stall_result;
  std::thread staller([&] {
    stall_result = Fetch(server.Url("/stall"));
    stall_done = true;
  });
  constexpr int kClients = 8;
  std::vector<Fetched> results(kClients);
  std::vector<std::chrono::steady_clock::time_point> finished(kClients);
  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&, i] {
      results[i] = Fetch(server.Url("/slow"));
      finished[i] = std::chrono::steady_clock::now();
    });
  }
  for (std::thread& client : clients) client.join();
  const bool stall_still_running = !stall_done;
  staller.join();

  for (const Fetched& result : results) BOOST_TEST(result.body == "slow page");
  // Served one after another, the second request would be read only after
  // the first answer went out.
  const auto first_answer = *std::min_element(finished.begin(), finished.end());
  for (const LoggedRequest& request : server.Requests()) {
    if (request.target == "/slow") BOOST_TEST((request.received_at < first_answer));
  }
  BOOST_TEST(stall_still_running);
  BOOST_TEST(stall_result.code == CURLE_OK);
  BOOST_TEST(stall_result.body.size() == 300000u);
  BOOST_TEST(server.Connections() == kClients + 1);
}

BOOST_AUTO_TEST_CASE(client_aborting_a_30_mb_body_does_not_stop_the_server) {
  LoopbackHttpServer server;
  server.SetRoute("/huge", Text(std::string(30u << 20, 'h')));
  server.SetRoute("/small", Text("small"));
  const Fetched aborted = Fetch(server.Url("/huge"), {.abort_after = 1u << 20});
  BOOST_TEST(aborted.code == CURLE_WRITE_ERROR);
  BOOST_TEST(aborted.body.size() < (30u << 20));
  const Fetched after = Fetch(server.Url("/small"));
  BOOST_TEST(after.body == "small");
  BOOST_TEST(server.RequestCount("/small") == 1);
}

BOOST_AUTO_TEST_CASE(exact_routes_first_then_the_longest_prefix_handler) {
  LoopbackHttpServer server;
  server.SetPrefixHandler("/a/", [](const LoggedRequest&) { return Text("short"); });
  server.SetPrefixHandler(
      "/a/b/", [](const LoggedRequest& request) { return Text("long " + request.target); });
  server.SetRoute("/a/b/exact", Text("exact"));
  server.SetHandler(
      "/boom", [](const LoggedRequest&) -> Route { throw std::runtime_error("handler failed"); });
  BOOST_TEST(Fetch(server.Url("/a/b/c?x=1")).body == "long /a/b/c?x=1");
  BOOST_TEST(Fetch(server.Url("/a/z")).body == "short");
  BOOST_TEST(Fetch(server.Url("/a/b/exact?q")).body == "exact");
  const Fetched boom = Fetch(server.Url("/boom"));
  BOOST_TEST(boom.status == 500);
  BOOST_TEST(boom.body == "handler failed");
  BOOST_TEST(Fetch(server.Url("/elsewhere")).status == 404);
}

BOOST_AUTO_TEST_CASE(destructor_returns_with_clients_connected_and_transfers_stalled) {
  std::thread client;
  Fetched stalled;
  {
    LoopbackHttpServer server;
    Route route = Text(std::string(100000, 'z'));
    route.stall_mid_body = std::chrono::seconds(30);
    server.SetRoute("/forever", route);
    client = std::thread([&, url = server.Url("/forever")] { stalled = Fetch(url); });
    while (server.RequestCount("/forever") == 0)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }  // must not wait the 30 s
  client.join();
  BOOST_TEST(stalled.code != CURLE_OK, "the connection closed under the client");
  BOOST_TEST(stalled.body.size() < 100000u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(generated_blog)

BOOST_AUTO_TEST_CASE(every_post_extracts_with_its_comments_replies_mentions_and_pingbacks) {
  const std::string base = "http://127.0.0.1:8";
  const GeneratedBlog blog = GenerateBlog(BlogOptions{.posts = 12}, base);
  BOOST_REQUIRE(blog.posts.size() == 12u);
  int comments = 0, replies = 0, mentions = 0, pingbacks = 0;
  for (const GeneratedPost& post : blog.posts) {
    BOOST_TEST_CONTEXT(post.target) {
      const auto page = parsers::ExtractPage(blog.pages.at(post.target), base + post.target);
      BOOST_REQUIRE(page.ok());
      BOOST_TEST(page->platform == "wordpress");
      BOOST_REQUIRE(page->has_post);
      BOOST_TEST(page->post.title == post.title);
      BOOST_TEST(page->post.author == post.author);
      BOOST_TEST(page->post.published == post.published);
      BOOST_TEST(page->comments.size() == static_cast<size_t>(post.comments));
      std::set<std::string> ids;
      int page_replies = 0;
      for (const Comment& comment : page->comments) {
        BOOST_TEST(!comment.author.empty());
        BOOST_TEST(!comment.published.empty());
        if (!comment.parent_id.empty()) {
          ++page_replies;
          BOOST_TEST(ids.contains(comment.parent_id), "a reply follows what it answers");
        }
        ids.insert(comment.id);
      }
      BOOST_TEST(page_replies == post.replies);
      BOOST_TEST(page->mentions.size() ==
                 static_cast<size_t>(post.body_mentions + post.comment_mentions));
      BOOST_TEST(page->trackbacks.size() == static_cast<size_t>(post.pingbacks));
      for (const Trackback& ping : page->trackbacks)
        BOOST_TEST((ping.kind == LinkbackKind::kPingback));
      comments += static_cast<int>(page->comments.size());
      replies += page_replies;
      mentions += static_cast<int>(page->mentions.size());
      pingbacks += static_cast<int>(page->trackbacks.size());
    }
  }
  BOOST_TEST(comments == blog.comments);
  BOOST_TEST(replies == blog.replies);
  BOOST_TEST(mentions == blog.mentions);
  BOOST_TEST(pingbacks == blog.pingbacks);
  BOOST_TEST(replies > 0);
  BOOST_TEST(pingbacks > 0);
}

BOOST_AUTO_TEST_CASE(late_comments_change_only_the_posts_they_are_added_to) {
  const std::string base = "http://127.0.0.1:8";
  // Padded, as the benchmark pads: a longer page needs less padding, which
  // must not shift the padding of the posts after it.
  const GeneratedBlog before =
      GenerateBlog(BlogOptions{.posts = 12, .min_post_bytes = 20000}, base);
  const GeneratedBlog after =
      GenerateBlog(BlogOptions{.posts = 12, .min_post_bytes = 20000, .late_comments = 3}, base);
  BOOST_TEST(after.comments == before.comments + 3);
  int changed = 0;
  for (size_t i = 0; i < before.posts.size(); ++i) {
    const std::string& target = before.posts[i].target;
    if (before.pages.at(target) == after.pages.at(target)) continue;
    ++changed;
    BOOST_TEST_CONTEXT(target) {
      const auto page = parsers::ExtractPage(after.pages.at(target), base + target);
      BOOST_REQUIRE(page.ok());
      BOOST_REQUIRE(page->comments.size() == static_cast<size_t>(before.posts[i].comments + 1));
      BOOST_TEST(page->comments.back().text.find("I had coffee with @") == 0u);
      BOOST_TEST(page->comments.back().parent_id.empty());
    }
  }
  BOOST_TEST(changed == 3);
}

BOOST_AUTO_TEST_CASE(index_pages_are_not_posts_and_reach_every_post) {
  const std::string base = "http://127.0.0.1:8";
  const GeneratedBlog blog =
      GenerateBlog(BlogOptions{.posts = 25, .posts_per_index_page = 10}, base);
  std::set<std::string> linked;
  for (const std::string index : {"/", "/page/2/", "/page/3/"}) {
    const auto page = parsers::ExtractPage(blog.pages.at(index), base + index);
    BOOST_REQUIRE(page.ok());
    BOOST_TEST(!page->has_post);
    linked.insert(page->page_links.begin(), page->page_links.end());
  }
  for (const GeneratedPost& post : blog.posts) BOOST_TEST(linked.contains(base + post.target));
  BOOST_TEST(!blog.pages.contains("/page/4/"));
}

BOOST_AUTO_TEST_CASE(comment_pages_together_hold_every_comment) {
  const std::string base = "http://127.0.0.1:8";
  const GeneratedBlog blog = GenerateBlog(
      BlogOptions{
          .posts = 4, .comments_per_post = 12, .comments_per_page = 2, .replytocom_links = true},
      base);
  const GeneratedPost& post = blog.posts.at(1);
  BOOST_REQUIRE(!post.comment_page_targets.empty());
  BOOST_TEST(blog.pages.at(post.target).find(post.target + "?replytocom=") != std::string::npos);
  std::vector<std::string> targets{post.target};
  targets.insert(targets.end(), post.comment_page_targets.begin(), post.comment_page_targets.end());
  size_t comments = 0, pingbacks = 0;
  std::set<std::string> ids;
  for (const std::string& target : targets) {
    const auto page = parsers::ExtractPage(blog.pages.at(target), base + target);
    BOOST_REQUIRE(page.ok());
    BOOST_TEST(page->canonical_url == base + target);
    comments += page->comments.size();
    pingbacks += page->trackbacks.size();
    for (const Comment& comment : page->comments) ids.insert(comment.id);
  }
  BOOST_TEST(comments == static_cast<size_t>(post.comments));
  BOOST_TEST(ids.size() == comments, "no comment shown on two pages");
  BOOST_TEST(pingbacks == static_cast<size_t>(post.pingbacks));
}

BOOST_AUTO_TEST_CASE(padded_posts_reach_the_minimum_size_and_stay_deterministic) {
  const BlogOptions options{.posts = 5, .min_post_bytes = 50000};
  const GeneratedBlog blog = GenerateBlog(options, "http://127.0.0.1:8");
  for (const GeneratedPost& post : blog.posts) {
    BOOST_TEST(blog.pages.at(post.target).size() >= 50000u);
    BOOST_TEST(blog.pages.at(post.target).size() < 52000u);
  }
  BOOST_TEST((GenerateBlog(options, "http://127.0.0.1:8").pages == blog.pages));
  BOOST_TEST((GenerateBlog(BlogOptions{.posts = 5, .min_post_bytes = 50000, .seed = 2},
                           "http://127.0.0.1:8")
                  .pages != blog.pages));
}

BOOST_AUTO_TEST_CASE(served_blog_revalidates_and_lists_its_pages) {
  LoopbackHttpServer server;
  const GeneratedBlog blog =
      GenerateBlog(BlogOptions{.posts = 8, .robots_extra = "Disallow: /private/"}, server.Url(""));
  ServeBlog(server, blog);
  const std::string post_url = server.Url(blog.posts.at(3).target);
  const Fetched first = Fetch(post_url);
  BOOST_TEST(first.status == 200);
  BOOST_TEST(first.body == blog.pages.at(blog.posts.at(3).target));
  BOOST_TEST(first.headers.find("Content-Type: text/html; charset=UTF-8") != std::string::npos);
  const size_t at = first.headers.find("ETag: ");
  BOOST_REQUIRE(at != std::string::npos);
  const std::string etag = first.headers.substr(at + 6, first.headers.find('\r', at) - at - 6);
  BOOST_TEST(Fetch(post_url, {.headers = {"If-None-Match: " + etag}}).status == 304);

  const Fetched robots = Fetch(server.Url("/robots.txt"));
  BOOST_TEST(robots.body.find("Disallow: /private/\n") != std::string::npos);
  BOOST_TEST(robots.body.find("Sitemap: " + server.Url("/sitemap.xml")) != std::string::npos);
  const Fetched sitemap = Fetch(server.Url("/sitemap.xml"));
  BOOST_TEST(Count(sitemap.body, "<loc>" + server.Url("/")) == blog.pages.size());
  BOOST_TEST(Count(sitemap.body, "<loc>" + server.Url(blog.posts.at(0).target) + "</loc>") == 1u);
  const Fetched feed = Fetch(server.Url("/feed/"));
  BOOST_TEST(Count(feed.body, "<item>") == 8u);
  const size_t first_item = feed.body.find("<item>");
  BOOST_TEST(feed.body.find("<link>" + server.Url(blog.posts.back().target) + "</link>",
                            first_item) == feed.body.find("<link>", first_item),
             "newest first");
}

BOOST_AUTO_TEST_CASE(rest_comments_answer_like_wordpress) {
  LoopbackHttpServer server;
  const GeneratedBlog blog = GenerateBlog(
      BlogOptions{.posts = 3, .comments_per_post = 7, .rest_comments = true}, server.Url(""));
  ServeBlog(server, blog);
  const GeneratedPost& post = blog.posts.at(1);
  BOOST_TEST(blog.pages.at(post.target)
                 .find("<link rel=\"https://api.w.org/\" href=\"" + server.Url("/wp-json/") +
                       "\"") != std::string::npos);
  const std::string url = server.Url("/wp-json/wp/v2/comments?post=" + std::to_string(post.id));
  const Fetched all = Fetch(url + "&per_page=100");
  BOOST_TEST(all.status == 200);
  BOOST_TEST(all.headers.find("X-WP-Total: 7") != std::string::npos);
  const auto json = nlohmann::json::parse(all.body);
  BOOST_REQUIRE(json.is_array());
  BOOST_TEST(json.size() == 7u);
  std::set<int> ids;
  for (const auto& comment : json) ids.insert(comment.at("id").get<int>());
  int replies = 0;
  for (const auto& comment : json) {
    BOOST_TEST(comment.at("post").get<int>() == post.id);
    BOOST_TEST(comment.at("type").get<std::string>() == "comment");
    const int parent = comment.at("parent").get<int>();
    if (parent != 0) ++replies;
    BOOST_TEST((parent == 0 || ids.contains(parent)));
  }
  BOOST_TEST(replies == post.replies);
  const Fetched second_page = Fetch(url + "&per_page=5&page=2");
  BOOST_TEST(nlohmann::json::parse(second_page.body).size() == 2u);
  BOOST_TEST(Fetch(url + "&per_page=5&page=3").status == 400);
  BOOST_TEST(Fetch(url + "&per_page=101").status == 400);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::testing
