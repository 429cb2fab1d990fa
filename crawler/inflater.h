// Private to crawler/: decodes a gzip or deflate Content-Encoding as the
// body arrives, and knows whether the compressed stream ended. libcurl's own
// decoder accepts a gzip stream cut short (its Content-Length matching the
// cut) as a whole body; a crawler must not store half a page as the page.
#pragma once

#include <zlib.h>

#include <memory>
#include <string>
#include <string_view>

namespace linkgraph::crawler {

class Inflater {
 public:
  // content_encoding: the header's value; nullptr when it names no encoding
  // this class decodes ("identity", "" ...).
  static std::unique_ptr<Inflater> For(std::string_view content_encoding);
  ~Inflater();
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  // Appends the decoded bytes of `compressed` to *out, at most up to
  // max_out bytes in all. False on corrupt data (error() says why) or when
  // the decoded body would pass max_out (too_large() is then true).
  bool Decode(std::string_view compressed, std::string* out, size_t max_out);
  bool finished() const { return finished_; }
  bool too_large() const { return too_large_; }
  const std::string& error() const { return error_; }

 private:
  explicit Inflater(bool raw_deflate_fallback);
  bool Restart(int window_bits);

  z_stream stream_{};
  bool initialised_ = false;
  bool deflate_ = false;  // "deflate": zlib-wrapped, or raw as some servers send
  bool started_ = false;
  bool finished_ = false;
  bool too_large_ = false;
  std::string error_;
};

}  // namespace linkgraph::crawler
