// A tiny HTTP/1.1 server for tests: listens on 127.0.0.1 on an ephemeral port
// and answers configured routes from one background thread until it is
// destroyed (the destructor stops and joins). Routes may be set and the
// request log read from the test thread while it runs.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace linkgraph::testing {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// One canned answer. Unknown paths get a 404 with body "no route".
struct Route {
  int status = 200;
  HeaderList headers;  // sent as given, after Content-Length/Transfer-Encoding
  std::string body;
  std::chrono::milliseconds delay{0};  // waited before the status line is sent
  bool gzip = false;                   // body sent gzip-compressed with "Content-Encoding: gzip"
  bool chunked = false;                // no Content-Length: the size is known only while reading
};

struct LoggedRequest {
  std::string method;
  std::string target;  // path and query, as sent
  HeaderList headers;
  std::chrono::steady_clock::time_point received_at;  // when the request was read

  // The first header of that name (case-insensitive), or "".
  std::string Header(std::string_view name) const;
};

class LoopbackHttpServer {
 public:
  LoopbackHttpServer();  // listening when it returns; throws if it cannot bind
  ~LoopbackHttpServer();
  LoopbackHttpServer(const LoopbackHttpServer&) = delete;
  LoopbackHttpServer& operator=(const LoopbackHttpServer&) = delete;

  // target is matched exactly against the request target, then without its query.
  void SetRoute(const std::string& target, Route route);

  uint16_t port() const;
  std::string Url(std::string_view target) const;  // "http://127.0.0.1:<port>" + target
  std::vector<LoggedRequest> Requests() const;
  int Connections() const;  // TCP connections accepted so far

  // A loopback port that nothing listens on (bound, read, closed), for
  // "connection refused".
  static uint16_t UnusedPort();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace linkgraph::testing
