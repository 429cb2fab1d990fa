#include "tests/crawler/loopback_http_server.h"

#include <zlib.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

namespace linkgraph::testing {
namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

// A client that keeps one connection busy forever still cannot keep the
// server looping forever.
constexpr int kMaxRequestsPerConnection = 1000;

std::string Gzip(const std::string& data) {
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

}  // namespace

std::string LoggedRequest::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsNoCase(key, name)) return value;
  }
  return "";
}

namespace {

// What the server thread and the test thread share.
struct ServerState {
  mutable std::mutex mutex;  // guards the three below
  std::map<std::string, Route> routes;
  std::vector<LoggedRequest> log;
  int connections = 0;

  // Logs the request and picks its route.
  Route Answer(const http::request<http::string_body>& request) {
    LoggedRequest logged{std::string(request.method_string()),
                         std::string(request.target()),
                         {},
                         std::chrono::steady_clock::now()};
    for (const auto& field : request) {
      logged.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    const std::string target = logged.target;
    std::lock_guard lock(mutex);
    log.push_back(std::move(logged));
    if (auto found = routes.find(target); found != routes.end()) return found->second;
    if (auto found = routes.find(target.substr(0, target.find('?'))); found != routes.end()) {
      return found->second;
    }
    Route missing;
    missing.status = 404;
    missing.body = "no route";
    return missing;
  }
};

// One accepted connection: read a request, wait the route's delay, write the
// answer, repeat while the client keeps the connection alive.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, ServerState* server)
      : socket_(std::move(socket)), timer_(socket_.get_executor()), server_(server) {}

  void Read() {
    if (++requests_ > kMaxRequestsPerConnection) return;  // drops the connection
    request_ = {};
    http::async_read(socket_, buffer_, request_,
                     [self = shared_from_this()](boost::system::error_code error, size_t) {
                       if (!error) self->Delay();
                     });
  }

 private:
  void Delay() {
    route_ = server_->Answer(request_);
    timer_.expires_after(route_.delay);
    timer_.async_wait([self = shared_from_this()](boost::system::error_code error) {
      if (!error) self->Write();
    });
  }

  void Write() {
    response_ = {};
    response_.version(11);
    response_.result(static_cast<unsigned>(route_.status));
    response_.keep_alive(request_.keep_alive());
    response_.body() = route_.gzip ? Gzip(route_.body) : route_.body;
    if (route_.gzip) response_.set(http::field::content_encoding, "gzip");
    if (route_.chunked) {
      response_.chunked(true);
    } else {
      response_.prepare_payload();
    }
    for (const auto& [name, value] : route_.headers) response_.insert(name, value);
    http::async_write(socket_, response_,
                      [self = shared_from_this()](boost::system::error_code error, size_t) {
                        if (!error && self->response_.keep_alive()) self->Read();
                      });
  }

  tcp::socket socket_;
  asio::steady_timer timer_;
  ServerState* server_;
  boost::beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  http::response<http::string_body> response_;
  Route route_;
  int requests_ = 0;
};

}  // namespace

struct LoopbackHttpServer::Impl {
  asio::io_context io;
  tcp::acceptor acceptor{io};
  std::thread thread;
  uint16_t port = 0;
  ServerState state;

  void Accept();
};

void LoopbackHttpServer::Impl::Accept() {
  acceptor.async_accept([this](boost::system::error_code error, tcp::socket socket) {
    if (error) return;  // the acceptor was closed: the server is stopping
    {
      std::lock_guard lock(state.mutex);
      ++state.connections;
    }
    std::make_shared<Session>(std::move(socket), &state)->Read();
    Accept();
  });
}

LoopbackHttpServer::LoopbackHttpServer() : impl_(std::make_unique<Impl>()) {
  BypassProxiesForLoopback();
  const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), 0);
  impl_->acceptor.open(endpoint.protocol());
  impl_->acceptor.bind(endpoint);
  impl_->acceptor.listen();
  impl_->port = impl_->acceptor.local_endpoint().port();
  impl_->Accept();
  impl_->thread = std::thread([this] { impl_->io.run(); });
}

LoopbackHttpServer::~LoopbackHttpServer() {
  // Stopping drops pending reads, writes and delays; the sessions they held
  // are freed with the io_context.
  impl_->io.stop();
  impl_->thread.join();
}

void LoopbackHttpServer::SetRoute(const std::string& target, Route route) {
  std::lock_guard lock(impl_->state.mutex);
  impl_->state.routes[target] = std::move(route);
}

uint16_t LoopbackHttpServer::port() const { return impl_->port; }

std::string LoopbackHttpServer::Url(std::string_view target) const {
  return "http://127.0.0.1:" + std::to_string(impl_->port) + std::string(target);
}

std::vector<LoggedRequest> LoopbackHttpServer::Requests() const {
  std::lock_guard lock(impl_->state.mutex);
  return impl_->state.log;
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
