#include "tests/crawler/loopback_http_server.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace linkgraph::testing {
namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

// A client that keeps one connection busy forever still gets it closed
// now and then, as real servers do (Apache's MaxKeepAliveRequests).
constexpr int kMaxRequestsPerConnection = 10000;
// Enough for a handful of parallel clients on a small machine; all I/O is
// asynchronous, so threads only matter for handlers and gzip.
constexpr int kServerThreads = 4;
constexpr size_t kChunkBytes = 16 * 1024;

std::string Gzip(std::string_view data) {
  z_stream stream{};
  // 15 + 16: the largest window, wrapped in a gzip header and trailer.
  if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (result != Z_STREAM_END) throw std::runtime_error("deflate did not finish");
  return out;
}

// Chunked transfer coding of the whole body, terminating chunk included.
std::string Chunk(std::string_view data) {
  std::string out;
  out.reserve(data.size() + data.size() / kChunkBytes * 12 + 16);
  for (size_t at = 0; at < data.size(); at += kChunkBytes) {
    const std::string_view piece = data.substr(at, kChunkBytes);
    char size[20];
    std::snprintf(size, sizeof size, "%zx\r\n", piece.size());
    out.append(size).append(piece).append("\r\n");
  }
  return out.append("0\r\n\r\n");
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// libcurl honours http_proxy from the environment; loopback requests must
// never leave the machine through one.
void BypassProxiesForLoopback() {
  const char* current = std::getenv("no_proxy");
  const std::string value = current != nullptr ? current : "";
  if (value.find("127.0.0.1") != std::string::npos) return;
  setenv("no_proxy", (value.empty() ? "127.0.0.1" : value + ",127.0.0.1").c_str(), 1);
}

// A route with its body encoded once, so a static route costs no copy or
// compression per request: sessions share it through a shared_ptr.
struct PreparedRoute {
  Route route;
  std::string encoded;  // gzipped and/or chunk-framed body, when used
  bool use_encoded = false;

  std::string_view Wire() const { return use_encoded ? encoded : route.body; }
  bool Gzipped() const { return route.gzip || route.truncate_gzip_to >= 0; }
};
using PreparedPtr = std::shared_ptr<const PreparedRoute>;

PreparedPtr Prepare(Route route) {
  auto prepared = std::make_shared<PreparedRoute>();
  prepared->route = std::move(route);
  const Route& r = prepared->route;
  if (prepared->Gzipped()) {
    prepared->encoded = Gzip(r.body);
    if (r.truncate_gzip_to >= 0 &&
        prepared->encoded.size() > static_cast<size_t>(r.truncate_gzip_to)) {
      prepared->encoded.resize(static_cast<size_t>(r.truncate_gzip_to));
    }
    prepared->use_encoded = true;
  }
  if (r.chunked) {
    std::string framed = Chunk(prepared->Wire());
    prepared->encoded = std::move(framed);
    prepared->use_encoded = true;
  }
  return prepared;
}

const PreparedPtr& NotFound() {
  static const PreparedPtr kNotFound = [] {
    Route missing;
    missing.status = 404;
    missing.body = "no route";
    return Prepare(std::move(missing));
  }();
  return kNotFound;
}

// What one target answers: one of the three is set.
struct Entry {
  PreparedPtr route;
  std::vector<PreparedPtr> sequence;
  size_t served = 0;  // requests answered from sequence
  RouteHandler handler;
};

}  // namespace

std::string LoggedRequest::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsNoCase(key, name)) return value;
  }
  return "";
}

namespace {

// What the server threads and the test thread share.
struct ServerState {
  mutable std::mutex mutex;  // guards the four below
  std::map<std::string, Entry, std::less<>> routes;
  std::map<std::string, RouteHandler, std::less<>> prefixes;
  std::vector<LoggedRequest> log;
  int connections = 0;

  // Logs the request and picks its route; handlers run unlocked.
  PreparedPtr Answer(const LoggedRequest& request) {
    RouteHandler handler;
    {
      std::lock_guard lock(mutex);
      log.push_back(request);
      if (Entry* entry = Find(request.target)) {
        if (!entry->sequence.empty()) {
          return entry->sequence[std::min(entry->served++, entry->sequence.size() - 1)];
        }
        if (entry->route) return entry->route;
        handler = entry->handler;
      } else {
        handler = LongestPrefix(request.target);
      }
    }
    if (!handler) return NotFound();
    try {
      return Prepare(handler(request));
    } catch (const std::exception& error) {
      Route failed;
      failed.status = 500;
      failed.body = error.what();
      return Prepare(std::move(failed));
    }
  }

 private:
  Entry* Find(const std::string& target) {
    if (auto found = routes.find(target); found != routes.end()) return &found->second;
    const std::string_view path = std::string_view(target).substr(0, target.find('?'));
    if (auto found = routes.find(path); found != routes.end()) return &found->second;
    return nullptr;
  }

  RouteHandler LongestPrefix(std::string_view target) const {
    const RouteHandler* best = nullptr;
    size_t best_length = 0;
    for (const auto& [prefix, handler] : prefixes) {
      if (target.starts_with(prefix) && (best == nullptr || prefix.size() > best_length)) {
        best = &handler;
        best_length = prefix.size();
      }
    }
    return best == nullptr ? RouteHandler() : *best;
  }
};

bool HasNoBody(int status) {
  return status == 204 || status == 304 || (status >= 100 && status < 200);
}

// Status line and headers. length is the Content-Length to announce.
std::string ResponseHead(const Route& route, int status, bool gzipped, size_t length,
                         bool keep_alive, bool http10) {
  std::string head = "HTTP/1.1 " + std::to_string(status) + " ";
  const auto reason = http::obsolete_reason(static_cast<http::status>(status));
  head.append(reason.data(), reason.size());
  head.append("\r\n");
  if (!HasNoBody(status)) {
    if (route.chunked) {
      head.append("Transfer-Encoding: chunked\r\n");
    } else {
      head.append("Content-Length: ").append(std::to_string(length)).append("\r\n");
    }
    if (gzipped) head.append("Content-Encoding: gzip\r\n");
  }
  if (!route.etag.empty()) head.append("ETag: ").append(route.etag).append("\r\n");
  if (!route.last_modified.empty()) {
    head.append("Last-Modified: ").append(route.last_modified).append("\r\n");
  }
  if (!keep_alive) {
    head.append("Connection: close\r\n");
  } else if (http10) {
    head.append("Connection: keep-alive\r\n");
  }
  for (const auto& [name, value] : route.headers) {
    head.append(name).append(": ").append(value).append("\r\n");
  }
  return head.append("\r\n");
}

bool NotModified(const Route& route, const LoggedRequest& request) {
  if (!route.etag.empty() && request.Header("If-None-Match") == route.etag) return true;
  return !route.last_modified.empty() && request.Header("If-Modified-Since") == route.last_modified;
}

// One accepted connection: read a request, wait the route's delay, write the
// answer (faults included), repeat while the client keeps the connection.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, ServerState* server)
      : socket_(std::move(socket)), timer_(socket_.get_executor()), server_(server) {}

  void Read() {
    request_ = {};
    http::async_read(socket_, buffer_, request_,
                     [self = shared_from_this()](boost::system::error_code error, size_t) {
                       if (!error) self->Answer();
                     });
  }

 private:
  void Answer() {
    LoggedRequest logged{std::string(request_.method_string()),
                         std::string(request_.target()),
                         {},
                         std::chrono::steady_clock::now()};
    for (const auto& field : request_) {
      logged.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    route_ = server_->Answer(logged);
    not_modified_ = NotModified(route_->route, logged);
    if (route_->route.delay.count() <= 0) return Start();
    timer_.expires_after(route_->route.delay);
    timer_.async_wait([self = shared_from_this()](boost::system::error_code error) {
      if (!error) self->Start();
    });
  }

  // Head and the first part of the body: all of it, or what comes before
  // the reset or the stall.
  void Start() {
    const Route& route = route_->route;
    const int status = not_modified_ ? 304 : route.status;
    keep_alive_ = request_.keep_alive() && ++requests_ < kMaxRequestsPerConnection;
    const std::string_view wire = route_->Wire();
    head_ = ResponseHead(route, status, route_->Gzipped(), wire.size(), keep_alive_,
                         request_.version() == 10);
    body_ = HasNoBody(status) || request_.method() == http::verb::head ? std::string_view() : wire;
    size_t first = body_.size();
    if (route.reset_after_body_bytes >= 0) {
      first = std::min(first, static_cast<size_t>(route.reset_after_body_bytes));
    } else if (route.stall_mid_body.count() > 0) {
      first = body_.size() / 2;
    }
    const std::array<asio::const_buffer, 2> buffers{asio::buffer(head_),
                                                    asio::buffer(body_.data(), first)};
    asio::async_write(socket_, buffers,
                      [self = shared_from_this(), first](boost::system::error_code error, size_t) {
                        if (!error) self->AfterFirstPart(first);
                      });
  }

  void AfterFirstPart(size_t sent) {
    if (route_->route.reset_after_body_bytes >= 0) return Reset();
    if (sent == body_.size()) return Finish();
    timer_.expires_after(route_->route.stall_mid_body);
    timer_.async_wait([self = shared_from_this(), sent](boost::system::error_code error) {
      if (error) return;
      asio::async_write(self->socket_, asio::buffer(self->body_.substr(sent)),
                        [self](boost::system::error_code write_error, size_t) {
                          if (!write_error) self->Finish();
                        });
    });
  }

  void Finish() {
    if (keep_alive_) return Read();
    boost::system::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_send, ignored);
  }

  // An RST instead of a FIN: SO_LINGER with a zero timeout, then close.
  void Reset() {
    boost::system::error_code ignored;
    socket_.set_option(asio::socket_base::linger(true, 0), ignored);
    socket_.close(ignored);
  }

  tcp::socket socket_;
  asio::steady_timer timer_;
  ServerState* server_;
  boost::beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  PreparedPtr route_;      // keeps body_ alive
  std::string head_;       // status line and headers being written
  std::string_view body_;  // into route_
  bool not_modified_ = false;
  bool keep_alive_ = false;
  int requests_ = 0;
};

}  // namespace

struct LoopbackHttpServer::Impl {
  ServerState state;  // first: outlives the sessions the io_context frees
  asio::io_context io;
  tcp::acceptor acceptor{io};
  std::vector<std::thread> threads;
  uint16_t port = 0;

  void Accept();
};

void LoopbackHttpServer::Impl::Accept() {
  acceptor.async_accept([this](boost::system::error_code error, tcp::socket socket) {
    if (error == asio::error::operation_aborted || !acceptor.is_open()) return;
    if (!error) {
      {
        std::lock_guard lock(state.mutex);
        ++state.connections;
      }
      boost::system::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      std::make_shared<Session>(std::move(socket), &state)->Read();
    }
    Accept();  // also after a failed accept (EMFILE, a client that left)
  });
}

LoopbackHttpServer::LoopbackHttpServer() : LoopbackHttpServer(0) {}

LoopbackHttpServer::LoopbackHttpServer(uint16_t port) : impl_(std::make_unique<Impl>()) {
  BypassProxiesForLoopback();
  const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
  impl_->acceptor.open(endpoint.protocol());
  impl_->acceptor.set_option(asio::socket_base::reuse_address(true));
  impl_->acceptor.bind(endpoint);
  impl_->acceptor.listen();
  impl_->port = impl_->acceptor.local_endpoint().port();
  impl_->Accept();
  for (int i = 0; i < kServerThreads; ++i) {
    impl_->threads.emplace_back([this] { impl_->io.run(); });
  }
}

LoopbackHttpServer::~LoopbackHttpServer() {
  // Stopping abandons pending reads, writes, delays and stalls; the
  // sessions they hold, and with them the sockets, are freed with the
  // io_context.
  impl_->io.stop();
  for (std::thread& thread : impl_->threads) thread.join();
}

void LoopbackHttpServer::SetRoute(const std::string& target, Route route) {
  PreparedPtr prepared = Prepare(std::move(route));  // gzip outside the lock
  std::lock_guard lock(impl_->state.mutex);
  impl_->state.routes[target] = Entry{std::move(prepared), {}, 0, {}};
}

void LoopbackHttpServer::SetSequence(const std::string& target, std::vector<Route> routes) {
  if (routes.empty()) throw std::invalid_argument("SetSequence: no routes for " + target);
  std::vector<PreparedPtr> prepared;
  for (Route& route : routes) prepared.push_back(Prepare(std::move(route)));
  std::lock_guard lock(impl_->state.mutex);
  impl_->state.routes[target] = Entry{nullptr, std::move(prepared), 0, {}};
}

void LoopbackHttpServer::SetHandler(const std::string& target, RouteHandler handler) {
  std::lock_guard lock(impl_->state.mutex);
  impl_->state.routes[target] = Entry{nullptr, {}, 0, std::move(handler)};
}

void LoopbackHttpServer::SetPrefixHandler(const std::string& prefix, RouteHandler handler) {
  std::lock_guard lock(impl_->state.mutex);
  impl_->state.prefixes[prefix] = std::move(handler);
}

uint16_t LoopbackHttpServer::port() const { return impl_->port; }

std::string LoopbackHttpServer::Url(std::string_view target) const {
  return "http://127.0.0.1:" + std::to_string(impl_->port) + std::string(target);
}

std::vector<LoggedRequest> LoopbackHttpServer::Requests() const {
  std::lock_guard lock(impl_->state.mutex);
  return impl_->state.log;
}

int LoopbackHttpServer::RequestCount(std::string_view target) const {
  std::lock_guard lock(impl_->state.mutex);
  return static_cast<int>(
      std::count_if(impl_->state.log.begin(), impl_->state.log.end(),
                    [target](const LoggedRequest& request) { return request.target == target; }));
}

int LoopbackHttpServer::Connections() const {
  std::lock_guard lock(impl_->state.mutex);
  return impl_->state.connections;
}

uint16_t LoopbackHttpServer::UnusedPort() {
  asio::io_context io;
  tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  return acceptor.local_endpoint().port();  // closed again when acceptor goes
}

}  // namespace linkgraph::testing
