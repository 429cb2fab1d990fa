// linkgraph_test_blog_server: serves a generated blog on 127.0.0.1 for the
// crawl benchmark. Prints the base URL on one line once every page is
// served, then runs until SIGTERM/SIGINT or until stdin reaches EOF (so a
// parent that dies takes the server with it; --ignore-stdin turns that off).
// --request-log FILE appends a line per request served, "<seconds since the
// epoch, to the microsecond> <Host header, or the port> <target>", flushed
// line by line, so a test can read it while the server runs.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include "tests/support/generated_blog.h"

namespace {

constexpr const char* kUsage =
    "usage: linkgraph_test_blog_server [--posts N] [--comments-per-post N] [--min-post-bytes B]\n"
    "                                  [--port P] [--rest-comments] [--comments-per-page K]\n"
    "                                  [--seed S] [--late-comments N] [--ignore-stdin]\n"
    "                                  [--request-log FILE]\n"
    "  --request-log FILE  append \"<epoch seconds.microseconds> <Host> <target>\"\n"
    "                      per request served, flushed line by line\n";

struct ServerArgs {
  int port = 0;
  bool watch_stdin = true;
  std::string request_log;  // "": no log
};

bool ParseArgs(int argc, char** argv, linkgraph::testing::BlogOptions* options, ServerArgs* args) {
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--rest-comments") {
      options->rest_comments = true;
      continue;
    }
    if (flag == "--ignore-stdin") {
      args->watch_stdin = false;
      continue;
    }
    if (i + 1 >= argc) return false;
    if (flag == "--request-log") {
      args->request_log = argv[++i];
      if (args->request_log.empty()) return false;
      continue;
    }
    const long value = std::strtol(argv[++i], nullptr, 10);
    if (value < 0) return false;
    if (flag == "--posts") {
      options->posts = static_cast<int>(value);
    } else if (flag == "--comments-per-post") {
      options->comments_per_post = static_cast<int>(value);
    } else if (flag == "--min-post-bytes") {
      options->min_post_bytes = static_cast<size_t>(value);
    } else if (flag == "--port" && value <= 65535) {
      args->port = static_cast<int>(value);
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

// Copies the server's request log to a file: the server keeps every request
// in memory, so a thread appends the ones it has not written yet, a few
// times a second and once more when the server stops.
class RequestLogWriter {
 public:
  RequestLogWriter(const linkgraph::testing::LoopbackHttpServer& server, FILE* file)
      : server_(server), file_(file), thread_([this] { Run(); }) {}
  ~RequestLogWriter() {
    stop_ = true;
    thread_.join();
    WriteNew();  // whatever arrived since the thread's last pass
    std::fclose(file_);
  }
  RequestLogWriter(const RequestLogWriter&) = delete;
  RequestLogWriter& operator=(const RequestLogWriter&) = delete;

 private:
  void Run() {
    while (!stop_) {
      WriteNew();
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

  void WriteNew() {
    const auto requests = server_.Requests();
    for (; written_ < requests.size(); ++written_) {
      const auto& request = requests[written_];
      // received_at is steady_clock; shifted onto the wall clock.
      const auto wall = std::chrono::duration_cast<std::chrono::microseconds>(
                            request.received_at.time_since_epoch() + steady_to_wall_)
                            .count();
      std::string host = request.Header("Host");
      if (host.empty()) host = std::to_string(server_.port());
      std::fprintf(file_, "%" PRId64 ".%06" PRId64 " %s %s\n", static_cast<int64_t>(wall / 1000000),
                   static_cast<int64_t>(wall % 1000000), host.c_str(), request.target.c_str());
      std::fflush(file_);
    }
  }

  const linkgraph::testing::LoopbackHttpServer& server_;
  FILE* const file_;
  const std::chrono::system_clock::duration steady_to_wall_ =
      std::chrono::system_clock::now().time_since_epoch() -
      std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::steady_clock::now().time_since_epoch());
  size_t written_ = 0;  // only the thread, then the destructor after join, touch it
  std::atomic<bool> stop_{false};
  std::thread thread_;  // last: starts once everything above is set
};

}  // namespace

int main(int argc, char** argv) {
  linkgraph::testing::BlogOptions options;
  ServerArgs args;
  if (!ParseArgs(argc, argv, &options, &args)) {
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
    FILE* log_file = nullptr;
    if (!args.request_log.empty()) {
      log_file = std::fopen(args.request_log.c_str(), "a");
      if (log_file == nullptr) {
        throw std::runtime_error("cannot open " + args.request_log + ": " + std::strerror(errno));
      }
    }
    linkgraph::testing::LoopbackHttpServer server(static_cast<uint16_t>(args.port));
    const auto blog = linkgraph::testing::GenerateBlog(options, server.Url(""));
    linkgraph::testing::ServeBlog(server, blog);
    // Declared after server: destroyed, and so flushed, before it stops.
    std::unique_ptr<RequestLogWriter> log_writer;
    if (log_file != nullptr) log_writer = std::make_unique<RequestLogWriter>(server, log_file);
    std::cout << server.Url("") << std::endl;  // endl: the parent waits for this line
    if (args.watch_stdin) {
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
