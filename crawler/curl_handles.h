// Private to crawler/: owners for libcurl handles and the one place that turns
// CURLcode into our Error. Owners are move-only unique_ptrs whose deleters
// never throw. EnsureCurlGlobalInit() may be called from any thread.
#pragma once

#include <curl/curl.h>

#include <memory>
#include <string>

#include "common/result.h"

namespace linkgraph::crawler {

struct CurlEasyDeleter {
  void operator()(CURL* easy) const noexcept { curl_easy_cleanup(easy); }
};
using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;

struct CurlMultiDeleter {
  void operator()(CURLM* multi) const noexcept { curl_multi_cleanup(multi); }
};
using CurlMulti = std::unique_ptr<CURLM, CurlMultiDeleter>;

struct CurlSlistDeleter {
  void operator()(curl_slist* list) const noexcept { curl_slist_free_all(list); }
};
using CurlSlist = std::unique_ptr<curl_slist, CurlSlistDeleter>;

// Runs curl_global_init once per process; later calls return the first outcome.
Status EnsureCurlGlobalInit();

// Error{code, "context: <curl's text> (detail)"}, as in
// "fetch http://x/y: Timeout was reached (connect timeout 10 s)". curl's text
// is not repeated when detail ends with it; an empty detail is left out.
Error FromCurl(CURLcode code, const std::string& context, const std::string& detail = "");

}  // namespace linkgraph::crawler
