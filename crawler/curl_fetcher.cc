// The libcurl Fetcher: one easy handle per Fetcher, reused so that fetches
// of one site share a keep-alive connection.
#include <curl/curl.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include "crawler/crawler.h"
#include "crawler/curl_handles.h"
#include "crawler/transfer.h"
#include "crawler/url_util.h"

namespace linkgraph::crawler {
namespace {

// What the callbacks of one transfer write into.
struct TransferState {
  FetchResponse* response = nullptr;
  size_t max_body_bytes = 0;
  bool too_large = false;  // set when the body callback refused more bytes
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* state = static_cast<TransferState*>(user);
  const size_t bytes = size * count;
  std::string& body = state->response->body;
  // Checked on the decoded bytes, so a small gzip bomb is caught too.
  if (bytes > state->max_body_bytes - body.size()) {
    state->too_large = true;
    return 0;  // any count but `bytes` makes libcurl abort with CURLE_WRITE_ERROR
  }
  body.append(data, bytes);
  return bytes;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* response = static_cast<TransferState*>(user)->response;
  const size_t bytes = size * count;
  const std::string_view line(data, bytes);
  // Every response of a redirect chain starts with a status line; only the
  // headers of the last one describe the body we return.
  if (line.starts_with("HTTP/")) {
    response->content_type.clear();
    response->etag.clear();
    response->last_modified.clear();
    return bytes;
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return bytes;
  const std::string name = ToLowerAscii(TrimAscii(line.substr(0, colon)));
  const std::string value(TrimAscii(line.substr(colon + 1)));
  if (name == "content-type") response->content_type = value;
  if (name == "etag") response->etag = value;
  if (name == "last-modified") response->last_modified = value;
  return bytes;
}

class CurlFetcher final : public Fetcher {
 public:
  explicit CurlFetcher(const FetchOptions& options) : options_(options) { init_ = Init(); }
  // The handle keeps pointers to state_ and error_buffer_: never copied or moved.
  CurlFetcher(const CurlFetcher&) = delete;
  CurlFetcher& operator=(const CurlFetcher&) = delete;

  Result<FetchResponse> Fetch(const std::string& url) override;

 private:
  Status Init();
  Status SetProtocolOptions();
  Result<FetchResponse> Transfer(const std::string& url, const std::string& context);
  Error TransferError(CURLcode code, const std::string& context) const;

  FetchOptions options_;
  CurlEasy easy_;
  Status init_;
  TransferState state_;
  char error_buffer_[CURL_ERROR_SIZE] = {};
};

Status CurlFetcher::Init() {
  if (Status global = EnsureCurlGlobalInit(); !global) return global;
  easy_.reset(curl_easy_init());
  if (!easy_) return Error{ErrorCode::kInternal, "curl_easy_init failed"};
  CURL* easy = easy_.get();
  // libcurl reads a negative redirect limit as "unlimited" and rejects
  // negative sizes and timeouts; clamp all of them to zero.
  const long max_redirects = std::max(0L, options_.max_redirects);
  const curl_off_t max_body = std::max(0LL, options_.max_body_bytes);
  state_.max_body_bytes = static_cast<size_t>(max_body);

  CURLcode code = CURLE_OK;
  auto set = [&code](CURLcode result) {
    if (code == CURLE_OK) code = result;
  };
  // Without NOSIGNAL, timeouts during name resolution raise SIGALRM, which is
  // unsafe in a threaded program.
  set(curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L));
  set(curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, error_buffer_));
  set(curl_easy_setopt(easy, CURLOPT_USERAGENT, options_.user_agent.c_str()));
  set(curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L));
  set(curl_easy_setopt(easy, CURLOPT_MAXREDIRS, max_redirects));
  set(curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, std::max(0L, options_.connect_timeout_ms)));
  set(curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, std::max(0L, options_.total_timeout_ms)));
  // "" offers every encoding this libcurl decodes (gzip, deflate, ...).
  set(curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, ""));
  // Refuses early when Content-Length already says too much; OnBody catches
  // the rest (chunked or compressed bodies).
  set(curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, max_body));
  set(curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, OnBody));
  set(curl_easy_setopt(easy, CURLOPT_WRITEDATA, &state_));
  set(curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, OnHeader));
  set(curl_easy_setopt(easy, CURLOPT_HEADERDATA, &state_));
  if (code != CURLE_OK) return FromCurl(code, "curl_easy_setopt");
  return SetProtocolOptions();
}

Status CurlFetcher::SetProtocolOptions() {
  CURL* easy = easy_.get();
  CURLcode code = CURLE_OK;
#if LIBCURL_VERSION_NUM >= 0x075500  // 7.85.0 added the _STR forms
  code = curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "file,http,https");
  // A redirect must never turn a web fetch into a read of a local file.
  if (code == CURLE_OK) code = curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
  code =
      curl_easy_setopt(easy, CURLOPT_PROTOCOLS, CURLPROTO_FILE | CURLPROTO_HTTP | CURLPROTO_HTTPS);
  if (code == CURLE_OK) {
    code = curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS, CURLPROTO_HTTP | CURLPROTO_HTTPS);
  }
#endif
  if (code != CURLE_OK) return FromCurl(code, "curl_easy_setopt protocols");
  return {};
}

Result<FetchResponse> CurlFetcher::Fetch(const std::string& url) {
  const std::string context = "fetch " + url;
  if (!init_) return init_.error().WithContext(context);
  const std::string scheme = SchemeOf(url);
  if (scheme.empty()) return Error{ErrorCode::kInvalidArgument, context + ": not an absolute URL"};
  if (scheme == "file") {
    if (Status file = CheckLocalFile(url); !file) return file.error().WithContext(context);
  } else if (scheme != "http" && scheme != "https") {
    return Error{ErrorCode::kUnsupported,
                 context + ": unsupported scheme \"" + scheme + "\" (file, http, https only)"};
  }
  return Transfer(url, context);
}

Result<FetchResponse> CurlFetcher::Transfer(const std::string& url, const std::string& context) {
  CURL* easy = easy_.get();
  FetchResponse response;
  response.requested_url = url;
  state_.response = &response;
  state_.too_large = false;
  error_buffer_[0] = '\0';
  CURLcode code = curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  if (code == CURLE_OK) code = curl_easy_perform(easy);
  state_.response = nullptr;
  if (code != CURLE_OK) return TransferError(code, context);

  long status = 0;
  char* final_url = nullptr;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &final_url);
  response.http_status = static_cast<int>(status);
  response.final_url = final_url != nullptr ? final_url : url;
  if (SchemeOf(response.final_url) == "file") {
    response.content_type = GuessContentType(FilePathFromUrl(response.final_url));
  }
  return response;
}

Error CurlFetcher::TransferError(CURLcode code, const std::string& context) const {
  if (state_.too_large || code == CURLE_FILESIZE_EXCEEDED) {
    return Error{ErrorCode::kTooLarge, context + ": body larger than max_body_bytes (" +
                                           std::to_string(options_.max_body_bytes) + " bytes)"};
  }
  const std::string_view curl_detail(error_buffer_);
  if (code == CURLE_OPERATION_TIMEDOUT) {
    // libcurl words a timeout before the connection is up as "Connection
    // timed out" or "Resolving timed out"; anything later is the total limit.
    const bool connecting = curl_detail.starts_with("Connection timed out") ||
                            curl_detail.starts_with("Resolving timed out");
    if (connecting && options_.connect_timeout_ms < options_.total_timeout_ms) {
      return FromCurl(code, context,
                      "connect timeout " + FormatMillis(options_.connect_timeout_ms));
    }
    return FromCurl(code, context, "total timeout " + FormatMillis(options_.total_timeout_ms));
  }
  return FromCurl(code, context, std::string(curl_detail));
}

}  // namespace

std::unique_ptr<Fetcher> MakeCurlFetcher(const FetchOptions& options) {
  return std::make_unique<CurlFetcher>(options);
}

}  // namespace linkgraph::crawler
