#include "crawler/curl_handles.h"

#include <string_view>

namespace linkgraph::crawler {
namespace {

ErrorCode CodeFor(CURLcode code) {
  switch (code) {
    case CURLE_UNSUPPORTED_PROTOCOL:
      return ErrorCode::kUnsupported;
    case CURLE_URL_MALFORMAT:
      return ErrorCode::kInvalidArgument;
    case CURLE_REMOTE_FILE_NOT_FOUND:
      return ErrorCode::kNotFound;
    case CURLE_FILESIZE_EXCEEDED:
      return ErrorCode::kTooLarge;
    // The fetcher checks that a file exists before reading it, so a file that
    // cannot be read is an I/O failure (permissions, a vanished file).
    case CURLE_FILE_COULDNT_READ_FILE:
    case CURLE_READ_ERROR:
    case CURLE_WRITE_ERROR:
      return ErrorCode::kIo;
    case CURLE_FAILED_INIT:
    case CURLE_OUT_OF_MEMORY:
    case CURLE_BAD_FUNCTION_ARGUMENT:
    case CURLE_UNKNOWN_OPTION:
    case CURLE_NOT_BUILT_IN:
      return ErrorCode::kInternal;
    default:
      return ErrorCode::kNetwork;
  }
}

}  // namespace

Status EnsureCurlGlobalInit() {
  // curl_global_init is not thread-safe in every libcurl build; a function
  // local static is initialised exactly once even when threads race here.
  // There is no matching curl_global_cleanup: other threads may still be
  // using libcurl at exit, and the process reclaims everything anyway.
  static const CURLcode code = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (code != CURLE_OK) return FromCurl(code, "curl_global_init");
  return {};
}

Error FromCurl(CURLcode code, const std::string& context, const std::string& detail) {
  const std::string_view text = curl_easy_strerror(code);
  std::string_view extra = detail;
  // libcurl's detail often ends by repeating its own text ("Failed to connect
  // to h port 1 after 0 ms: Couldn't connect to server"); say it once.
  if (extra.ends_with(text)) extra.remove_suffix(text.size());
  while (!extra.empty() && (extra.back() == ' ' || extra.back() == ':')) extra.remove_suffix(1);
  std::string message = context + ": " + std::string(text);
  if (!extra.empty()) message += " (" + std::string(extra) + ")";
  return Error{CodeFor(code), std::move(message)};
}

}  // namespace linkgraph::crawler
