#include "crawler/transfer.h"

#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <filesystem>
#include <string_view>
#include <system_error>

#include "crawler/address_guard.h"
#include "crawler/url_util.h"

namespace linkgraph::crawler {
namespace {

// The content type a local file's extension suggests.
std::string GuessContentType(const std::string& path) {
  const std::string extension = ToLowerAscii(std::filesystem::path(path).extension().string());
  if (extension == ".html" || extension == ".htm" || extension == ".xhtml") return "text/html";
  if (extension == ".xml" || extension == ".rss" || extension == ".atom") return "application/xml";
  if (extension == ".json") return "application/json";
  if (extension == ".txt") return "text/plain";
  return "application/octet-stream";
}

// "10 s", "250 ms".
std::string FormatMillis(long millis) {
  if (millis % 1000 == 0) return std::to_string(millis / 1000) + " s";
  return std::to_string(millis) + " ms";
}

// A file:// URL checked before libcurl opens it, so a missing file reads as
// kNotFound with its path rather than as curl's generic "Couldn't read".
Status CheckLocalFile(const std::string& url) {
  const std::string path = FilePathFromUrl(url);
  if (path.empty()) return Error{ErrorCode::kInvalidArgument, "not a local file URL"};
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (!std::filesystem::exists(status)) return Error{ErrorCode::kNotFound, "no such file " + path};
  if (std::filesystem::is_directory(status)) {
    return Error{ErrorCode::kUnsupported, path + " is a directory"};
  }
  return {};
}

// Status lines and the headers a crawl needs, from the response being read.
// With redirects not followed there is one response, but a "100 Continue"
// or a proxy's answer can come first: each status line starts afresh.
size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const size_t bytes = size * count;
  const std::string_view line(data, bytes);
  if (line.starts_with("HTTP/")) {
    const size_t space = line.find(' ');
    transfer->status_line = space == std::string_view::npos
                                ? 0
                                : std::atoi(std::string(line.substr(space + 1, 3)).c_str());
    transfer->response.content_type.clear();
    transfer->response.etag.clear();
    transfer->response.last_modified.clear();
    transfer->retry_after.clear();
    transfer->content_encoding.clear();
    return bytes;
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return bytes;
  const std::string name = ToLowerAscii(TrimAscii(line.substr(0, colon)));
  std::string value(TrimAscii(line.substr(colon + 1)));
  if (name == "content-type") transfer->response.content_type = std::move(value);
  else if (name == "etag") transfer->response.etag = std::move(value);
  else if (name == "last-modified") transfer->response.last_modified = std::move(value);
  else if (name == "retry-after") transfer->retry_after = std::move(value);
  else if (name == "content-encoding") transfer->content_encoding = std::move(value);
  return bytes;
}

bool IsSuccess(int status) { return status >= 200 && status < 300; }

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const size_t bytes = size * count;
  if (transfer->status_line != 0 && !IsSuccess(transfer->status_line)) {
    return bytes;  // an error page or a redirect's body: not kept
  }
  std::string& body = transfer->response.body;
  if (body.empty() && transfer->status_line != 0 && !transfer->is_robots &&
      !AcceptsContentType(transfer->request.accept, transfer->response.content_type)) {
    transfer->wrong_type = true;
    return CURL_WRITEFUNC_ERROR;
  }
  if (body.empty() && !transfer->inflater) {
    transfer->inflater = Inflater::For(transfer->content_encoding);
  }
  if (transfer->inflater) {
    // Decoded here rather than by libcurl, to tell a whole stream from a cut one.
    if (transfer->inflater->Decode({data, bytes}, &body, transfer->max_body_bytes)) return bytes;
    if (transfer->inflater->too_large()) {
      transfer->too_large = true;
    } else {
      transfer->decode_error = transfer->inflater->error();
    }
    return CURL_WRITEFUNC_ERROR;
  }
  // Checked on the decoded bytes, so a small gzip bomb is caught too.
  if (bytes > transfer->max_body_bytes - body.size()) {
    transfer->too_large = true;
    if (transfer->is_robots) body.append(data, transfer->max_body_bytes - body.size());
    return CURL_WRITEFUNC_ERROR;
  }
  body.append(data, bytes);
  return bytes;
}

// Runs before every connect, with the address name resolution chose: the
// one place where a hostname that resolves to a private address (or an
// attacker's DNS that changes its answer) is caught.
curl_socket_t OnOpenSocket(void* user, curlsocktype purpose, curl_sockaddr* address) {
  auto* transfer = static_cast<Transfer*>(user);
  if (purpose == CURLSOCKTYPE_IPCXN && !transfer->private_allowed &&
      IsPrivateAddress(&address->addr)) {
    transfer->blocked = true;
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype, address->protocol);
}

const char* AcceptHeader(ContentKind accept) {
  switch (accept) {
    case ContentKind::kXml:
      return "Accept: application/xml, text/xml;q=0.9, application/rss+xml, "
             "application/atom+xml, */*;q=0.1";
    case ContentKind::kJson:
      return "Accept: application/json";
    case ContentKind::kHtml:
      break;
  }
  return "Accept: text/html, application/xhtml+xml;q=0.9, */*;q=0.1";
}

bool IsRetriedStatus(int status) {
  return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 ||
         status == 504;
}

bool IsRetriedCurlCode(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_GOT_NOTHING:
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_SSL_CONNECT_ERROR:
      return true;
    default:
      return false;
  }
}

std::string NetworkErrorText(const Transfer& transfer, CURLcode code,
                             const FetchOptions& options) {
  const std::string_view detail(transfer.error_buffer);
  if (code == CURLE_OPERATION_TIMEDOUT) {
    // libcurl words a timeout before the connection is up as "Connection
    // timed out" or "Resolving timed out"; anything later is the total limit.
    const bool connecting =
        detail.starts_with("Connection timed out") || detail.starts_with("Resolving timed out");
    if (connecting && options.connect_timeout_ms < options.total_timeout_ms) {
      return "connect timeout " + FormatMillis(options.connect_timeout_ms);
    }
    return "timeout: no complete answer in " + FormatMillis(options.total_timeout_ms);
  }
  std::string text = curl_easy_strerror(code);
  if (!detail.empty() && detail != text) text += " (" + std::string(detail) + ")";
  return text;
}

}  // namespace

bool AcceptsContentType(ContentKind accept, std::string_view content_type) {
  const std::string type = ToLowerAscii(content_type.substr(0, content_type.find(';')));
  switch (accept) {
    case ContentKind::kHtml:
      return type.empty() || type.find("html") != std::string::npos;
    case ContentKind::kXml:
      return type.empty() || type.find("xml") != std::string::npos ||
             type.find("rss") != std::string::npos || type.find("atom") != std::string::npos ||
             type == "text/plain";
    case ContentKind::kJson:
      return type.empty() || type.find("json") != std::string::npos;
  }
  return false;
}

std::optional<std::chrono::seconds> ParseRetryAfter(const std::string& value) {
  const std::string_view text = TrimAscii(value);
  if (text.empty()) return std::nullopt;
  if (std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (text.size() > 9) return std::chrono::seconds(999999999);
    return std::chrono::seconds(std::stoll(std::string(text)));
  }
  const time_t when = curl_getdate(std::string(text).c_str(), nullptr);
  if (when < 0) return std::nullopt;
  const time_t now = std::time(nullptr);
  return std::chrono::seconds(when > now ? when - now : 0);
}

Status ConfigureTransfer(Transfer* transfer, const FetchOptions& options) {
  if (!transfer->easy) transfer->easy.reset(curl_easy_init());
  if (!transfer->easy) return Error{ErrorCode::kInternal, "curl_easy_init failed"};
  CURL* easy = transfer->easy.get();
  const std::string& url = transfer->request.url;
  const std::string scheme = SchemeOf(url);
  if (scheme == "file") {
    if (Status file = CheckLocalFile(url); !file) return file;
  } else if (scheme != "http" && scheme != "https") {
    return Error{ErrorCode::kUnsupported,
                 "unsupported scheme \"" + scheme + "\" (file, http, https only)"};
  }
  transfer->max_body_bytes =
      transfer->is_robots ? 500 * 1024 : static_cast<size_t>(std::max(0LL, options.max_body_bytes));

  CurlSlist headers;
  curl_slist* list = curl_slist_append(nullptr, AcceptHeader(transfer->request.accept));
  headers.reset(list);
  if (!transfer->request.etag.empty() && list != nullptr) {
    list = curl_slist_append(list, ("If-None-Match: " + transfer->request.etag).c_str());
  }
  if (!transfer->request.last_modified.empty() && list != nullptr) {
    list = curl_slist_append(list,
                             ("If-Modified-Since: " + transfer->request.last_modified).c_str());
  }
  if (list == nullptr) return Error{ErrorCode::kInternal, "curl_slist_append failed"};
  transfer->headers = std::move(headers);

  CURLcode code = CURLE_OK;
  auto set = [&code](CURLcode result) {
    if (code == CURLE_OK) code = result;
  };
  // Without NOSIGNAL, timeouts during name resolution raise SIGALRM, which is
  // unsafe in a threaded program.
  set(curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L));
  set(curl_easy_setopt(easy, CURLOPT_URL, url.c_str()));
  set(curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->error_buffer));
  set(curl_easy_setopt(easy, CURLOPT_USERAGENT, options.user_agent.c_str()));
  set(curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer->headers.get()));
  // Redirects come back to the scheduler's caller, which records each hop
  // and checks the target's scope, robots.txt and address like any link.
  set(curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L));
  set(curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, std::max(0L, options.connect_timeout_ms)));
  set(curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, std::max(0L, options.total_timeout_ms)));
  // Offered, and decoded by Inflater: libcurl would take a cut gzip stream
  // for a whole one.
  set(curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "gzip, deflate"));
  set(curl_easy_setopt(easy, CURLOPT_HTTP_CONTENT_DECODING, 0L));
  set(curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, OnBody));
  set(curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer));
  set(curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, OnHeader));
  set(curl_easy_setopt(easy, CURLOPT_HEADERDATA, transfer));
  set(curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, OnOpenSocket));
  set(curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, transfer));
  set(curl_easy_setopt(easy, CURLOPT_PRIVATE, transfer));
#if LIBCURL_VERSION_NUM >= 0x075500  // 7.85.0 added the _STR forms
  set(curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "file,http,https"));
#else
  set(curl_easy_setopt(easy, CURLOPT_PROTOCOLS, CURLPROTO_FILE | CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
  if (code != CURLE_OK) return FromCurl(code, "curl_easy_setopt");
  return {};
}

TransferEnd ReadTransferEnd(Transfer* transfer, CURLcode code, const FetchOptions& options) {
  TransferEnd end;
  FetchResult& result = end.result;
  result.request = transfer->request;
  result.attempts = transfer->attempt;
  CURL* easy = transfer->easy.get();
  long status = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  transfer->response.http_status = static_cast<int>(status);
  transfer->response.requested_url = transfer->request.url;
  const bool is_file = transfer->host.empty();
  if (is_file) transfer->response.content_type = GuessContentType(FilePathFromUrl(transfer->request.url));

  if (transfer->blocked) {
    result.outcome = FetchOutcome::kBlocked;
    result.error = "refused: the host resolves to a private, loopback or link-local address "
                   "(--allow-private to permit)";
    return end;
  }
  if (transfer->wrong_type) {
    result.outcome = FetchOutcome::kWrongType;
    result.error = "content type " + transfer->response.content_type;
    result.response.http_status = transfer->response.http_status;
    result.response.content_type = transfer->response.content_type;
    return end;
  }
  if (transfer->too_large || code == CURLE_FILESIZE_EXCEEDED) {
    result.outcome = FetchOutcome::kTooLarge;
    result.error = "body larger than " + std::to_string(transfer->max_body_bytes) + " bytes";
    if (transfer->is_robots) result.response = std::move(transfer->response);
    return end;
  }
  if (!transfer->decode_error.empty()) {
    result.outcome = FetchOutcome::kNetworkError;
    result.error = transfer->decode_error;
    end.retry = true;
    return end;
  }
  if (code == CURLE_OK && transfer->inflater && !transfer->inflater->finished() &&
      IsSuccess(transfer->response.http_status)) {
    result.outcome = FetchOutcome::kNetworkError;
    result.error = "truncated body: the " + transfer->content_encoding +
                   " stream ended before its end";
    end.retry = true;
    return end;
  }
  if (code != CURLE_OK) {
    result.outcome = FetchOutcome::kNetworkError;
    result.error = NetworkErrorText(*transfer, code, options);
    end.retry = IsRetriedCurlCode(code);
    return end;
  }
  const int http = transfer->response.http_status;
  if (http == 304) {
    result.outcome = FetchOutcome::kNotModified;
    result.response = std::move(transfer->response);
    return end;
  }
  if (http >= 300 && http < 400) {
    char* location = nullptr;
    curl_easy_getinfo(easy, CURLINFO_REDIRECT_URL, &location);
    result.response.http_status = http;
    if (location == nullptr) {
      result.outcome = FetchOutcome::kHttpError;
      result.error = "HTTP status " + std::to_string(http) + " without a Location";
      return end;
    }
    result.outcome = FetchOutcome::kRedirect;
    result.location = location;
    result.error = "redirected (" + std::to_string(http) + ") to " + result.location;
    return end;
  }
  if (http >= 400) {
    result.outcome = FetchOutcome::kHttpError;
    result.error = "HTTP status " + std::to_string(http);
    result.response.http_status = http;
    end.retry = IsRetriedStatus(http);
    if (end.retry) end.retry_after = ParseRetryAfter(transfer->retry_after);
    return end;
  }
  if (is_file && !transfer->is_robots &&
      !AcceptsContentType(transfer->request.accept, transfer->response.content_type)) {
    result.outcome = FetchOutcome::kWrongType;
    result.error = "content type " + transfer->response.content_type;
    return end;
  }
  result.outcome = FetchOutcome::kOk;
  result.response = std::move(transfer->response);
  return end;
}

}  // namespace linkgraph::crawler
