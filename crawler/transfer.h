// Private to crawler/: one HTTP(S) or file transfer of the FetchScheduler,
// its libcurl easy handle and callbacks, and how its end is read: success,
// a redirect, an error to retry, or a final failure.
#pragma once

#include <curl/curl.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "crawler/crawler.h"
#include "crawler/curl_handles.h"
#include "crawler/inflater.h"

namespace linkgraph::crawler {

struct Transfer {
  FetchRequest request;
  std::string host;         // "http://host:port" for http(s), "" for file://
  bool is_robots = false;   // the host's robots.txt, fetched before its pages
  int attempt = 0;          // 1 for the first transfer of the request
  CurlEasy easy;
  CurlSlist headers;
  FetchResponse response;
  std::string location;     // the Location header of a 3xx, resolved by libcurl
  std::string retry_after;  // as sent
  std::string content_encoding;
  std::unique_ptr<Inflater> inflater;  // set at the first body bytes when encoded
  std::string decode_error;            // corrupt compressed data
  size_t max_body_bytes = 0;
  int status_line = 0;      // the status of the response being read
  bool too_large = false;   // the body callback refused more bytes
  bool wrong_type = false;  // the body callback refused a Content-Type
  bool blocked = false;     // the socket callback refused a private address
  bool private_allowed = false;
  char error_buffer[CURL_ERROR_SIZE] = {};
};

// Sets up transfer->easy for transfer->request (URL, callbacks, timeouts,
// conditional headers). The Transfer must not move afterwards: libcurl keeps
// pointers into it.
Status ConfigureTransfer(Transfer* transfer, const FetchOptions& options);

// How a finished transfer ended.
struct TransferEnd {
  FetchResult result;
  bool retry = false;  // a 5xx, 429 or network fault: worth another attempt
  std::optional<std::chrono::seconds> retry_after;  // when the server said how long to wait
};

TransferEnd ReadTransferEnd(Transfer* transfer, CURLcode code, const FetchOptions& options);

// Whether a Content-Type value is one `accept` keeps ("" is HTML).
bool AcceptsContentType(ContentKind accept, std::string_view content_type);

// Seconds from a Retry-After value (delta-seconds or an HTTP date); nullopt
// when unreadable.
std::optional<std::chrono::seconds> ParseRetryAfter(const std::string& value);

}  // namespace linkgraph::crawler
