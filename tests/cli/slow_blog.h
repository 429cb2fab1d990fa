// A generated blog served on 127.0.0.1 for the end-to-end crawl tests; with
// a delay, every answer waits that long, so that a crawl lasts long enough
// to be signalled or to show its progress.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "tests/crawler/loopback_http_server.h"
#include "tests/support/generated_blog.h"

namespace linkgraph::cli_test {

inline testing::Route SlowRoute(const std::string& type, const std::string& body,
                                std::chrono::milliseconds delay) {
  testing::Route route;
  route.headers = {{"Content-Type", type}};
  route.body = body;
  route.delay = delay;
  return route;
}

// A generated blog; with a delay, every answer waits that long, so that a
// crawl lasts long enough to be signalled or to print progress.
struct SlowBlog {
  testing::LoopbackHttpServer server;
  testing::GeneratedBlog blog;

  explicit SlowBlog(int posts, std::chrono::milliseconds delay = std::chrono::milliseconds(0)) {
    testing::BlogOptions options;
    options.posts = posts;
    options.comments_per_post = 2;
    blog = testing::GenerateBlog(options, server.Url(""));
    if (delay.count() == 0) {
      testing::ServeBlog(server, blog);
      return;
    }
    for (const auto& [target, body] : blog.pages) {
      server.SetRoute(target, SlowRoute("text/html; charset=UTF-8", body, delay));
    }
    for (const auto& [target, file] : blog.files) {
      server.SetRoute(target, SlowRoute(file.first, file.second, delay));
    }
  }

  std::vector<std::string> Args(const std::string& db, std::vector<std::string> more = {}) const {
    std::vector<std::string> args = {
        "crawl", "--db", db, "--delay", "0", "--per-host", "1", "--recrawl-after", "0"};
    args.insert(args.end(), more.begin(), more.end());
    args.push_back(server.Url("/"));
    return args;
  }
};

}  // namespace linkgraph::cli_test
