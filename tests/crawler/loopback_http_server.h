// A small HTTP/1.1 server for tests and benchmarks that injects faults: it
// listens on 127.0.0.1, serves every connection concurrently (asio, a few
// threads), and answers canned, sequenced or computed routes, with resets,
// stalls, truncated gzip and validators on demand. Thread-safe: routes may be
// set and the request log read from any thread while it runs. The destructor
// closes every connection, stops and joins promptly.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace linkgraph::testing {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// One answer. Unknown targets get a 404 with body "no route". Faults act on
// the body bytes as sent (after gzip and chunk framing).
struct Route {
  int status = 200;
  HeaderList headers;  // sent as given, after the headers the server writes itself
  std::string body;
  std::chrono::milliseconds delay{0};  // waited before the status line is sent
  bool gzip = false;                   // body sent gzip-compressed with "Content-Encoding: gzip"
  bool chunked = false;                // no Content-Length: the size is known only while reading

  // Validators, sent as ETag / Last-Modified when set. A request whose
  // If-None-Match equals etag, or whose If-Modified-Since equals
  // last_modified (string equality), gets a 304 with no body instead.
  std::string etag;
  std::string last_modified;

  // >= 0: the headers announce the whole body, but only this many body bytes
  // are sent before the connection is reset (SO_LINGER 0, close): a reset
  // mid-body. Default: -1, off.
  long long reset_after_body_bytes = -1;
  // >= 0: the body is gzipped and the compressed bytes cut to this length;
  // Content-Length is the cut length, so the framing is right and only the
  // gzip stream is truncated. Implies Content-Encoding: gzip. Default: -1, off.
  long long truncate_gzip_to = -1;
  // > 0: half the body is sent, then nothing for this long, then the rest:
  // a stalled transfer. Default: 0, off.
  std::chrono::milliseconds stall_mid_body{0};
};

struct LoggedRequest {
  std::string method;
  std::string target;  // path and query, as sent
  HeaderList headers;
  std::chrono::steady_clock::time_point received_at;  // when the request was read

  // The first header of that name (case-insensitive), or "".
  std::string Header(std::string_view name) const;
};

// Computes a route per request. Runs on a server thread, several at once
// when requests arrive in parallel; must be thread-safe and should return
// quickly (the destructor waits for a running handler). An exception it
// throws becomes a 500 whose body is the exception's what().
using RouteHandler = std::function<Route(const LoggedRequest&)>;

class LoopbackHttpServer {
 public:
  // Listening when it returns; throws if it cannot bind. port 0: ephemeral.
  LoopbackHttpServer();
  explicit LoopbackHttpServer(uint16_t port);
  ~LoopbackHttpServer();
  LoopbackHttpServer(const LoopbackHttpServer&) = delete;
  LoopbackHttpServer& operator=(const LoopbackHttpServer&) = delete;

  // Routes are found by the request target, exactly, then without its query
  // ("/a?b=1" falls back to "/a"), then by the longest matching prefix
  // handler. The three Set calls below replace whatever the target had.
  void SetRoute(const std::string& target, Route route);
  // The n-th request to target gets routes[n-1]; the last one repeats
  // ("500, then 200"). routes must not be empty.
  void SetSequence(const std::string& target, std::vector<Route> routes);
  void SetHandler(const std::string& target, RouteHandler handler);
  // For any target that starts with prefix and has no exact route; the
  // longest matching prefix wins.
  void SetPrefixHandler(const std::string& prefix, RouteHandler handler);

  uint16_t port() const;
  std::string Url(std::string_view target) const;  // "http://127.0.0.1:<port>" + target
  std::vector<LoggedRequest> Requests() const;
  int RequestCount(std::string_view target) const;  // requests whose target equals target
  int Connections() const;                          // TCP connections accepted so far

  // A loopback port that nothing listens on (bound, read, closed), for
  // "connection refused".
  static uint16_t UnusedPort();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace linkgraph::testing
