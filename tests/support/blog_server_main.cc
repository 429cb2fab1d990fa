// linkgraph_test_blog_server: serves a generated blog on 127.0.0.1 for the
// crawl benchmark. Prints the base URL on one line once every page is
// served, then runs until SIGTERM/SIGINT or until stdin reaches EOF (so a
// parent that dies takes the server with it; --ignore-stdin turns that off).
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>

#include "tests/support/generated_blog.h"

namespace {

constexpr const char* kUsage =
    "usage: linkgraph_test_blog_server [--posts N] [--comments-per-post N] [--min-post-bytes B]\n"
    "                                  [--port P] [--rest-comments] [--comments-per-page K]\n"
    "                                  [--seed S] [--late-comments N] [--ignore-stdin]\n";

bool ParseArgs(int argc, char** argv, linkgraph::testing::BlogOptions* options, int* port,
               bool* watch_stdin) {
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--rest-comments") {
      options->rest_comments = true;
      continue;
    }
    if (flag == "--ignore-stdin") {
      *watch_stdin = false;
      continue;
    }
    if (i + 1 >= argc) return false;
    const long value = std::strtol(argv[++i], nullptr, 10);
    if (value < 0) return false;
    if (flag == "--posts") {
      options->posts = static_cast<int>(value);
    } else if (flag == "--comments-per-post") {
      options->comments_per_post = static_cast<int>(value);
    } else if (flag == "--min-post-bytes") {
      options->min_post_bytes = static_cast<size_t>(value);
    } else if (flag == "--port" && value <= 65535) {
      *port = static_cast<int>(value);
    } else if (flag == "--comments-per-page") {
      options->comments_per_page = static_cast<int>(value);
    } else if (flag == "--late-comments") {
      options->late_comments = static_cast<int>(value);
    } else if (flag == "--seed") {
      options->seed = static_cast<unsigned>(value);
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  linkgraph::testing::BlogOptions options;
  int port = 0;
  bool watch_stdin = true;
  if (!ParseArgs(argc, argv, &options, &port, &watch_stdin)) {
    std::cerr << kUsage;
    return 2;
  }
  // Blocked before any thread starts, so every thread inherits the mask
  // and only sigwait below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  try {
    linkgraph::testing::LoopbackHttpServer server(static_cast<uint16_t>(port));
    const auto blog = linkgraph::testing::GenerateBlog(options, server.Url(""));
    linkgraph::testing::ServeBlog(server, blog);
    std::cout << server.Url("") << std::endl;  // endl: the parent waits for this line
    if (watch_stdin) {
      // Detached: it may still sit in read() when main returns.
      std::thread([] {
        char buffer[256];
        while (read(STDIN_FILENO, buffer, sizeof buffer) > 0) {
        }
        kill(getpid(), SIGTERM);
      }).detach();
    }
    int received = 0;
    sigwait(&stop_signals, &received);
  } catch (const std::exception& error) {
    std::cerr << "linkgraph_test_blog_server: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
