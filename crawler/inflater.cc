#include "crawler/inflater.h"

#include <algorithm>

#include "common/ascii.h"

namespace linkgraph::crawler {
namespace {

constexpr int kGzipWindow = 15 + 16;  // gzip header and trailer only
constexpr int kZlibWindow = 15;
constexpr int kRawWindow = -15;

}  // namespace

std::unique_ptr<Inflater> Inflater::For(std::string_view content_encoding) {
  const std::string encoding = ToLowerAscii(TrimAscii(content_encoding));
  if (encoding == "gzip" || encoding == "x-gzip") {
    auto inflater = std::unique_ptr<Inflater>(new Inflater(false));
    inflater->Restart(kGzipWindow);
    return inflater;
  }
  if (encoding == "deflate") {
    auto inflater = std::unique_ptr<Inflater>(new Inflater(true));
    inflater->Restart(kZlibWindow);
    return inflater;
  }
  return nullptr;
}

Inflater::Inflater(bool raw_deflate_fallback) : deflate_(raw_deflate_fallback) {}

Inflater::~Inflater() {
  if (initialised_) inflateEnd(&stream_);
}

bool Inflater::Restart(int window_bits) {
  if (initialised_) inflateEnd(&stream_);
  stream_ = z_stream{};
  initialised_ = inflateInit2(&stream_, window_bits) == Z_OK;
  if (!initialised_) error_ = "inflateInit2 failed";
  return initialised_;
}

bool Inflater::Decode(std::string_view compressed, std::string* out, size_t max_out) {
  if (!initialised_) return false;
  if (finished_) return true;  // bytes after the end of the stream are ignored
  stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream_.avail_in = static_cast<uInt>(compressed.size());
  char buffer[16384];
  while (stream_.avail_in > 0 && !finished_) {
    stream_.next_out = reinterpret_cast<Bytef*>(buffer);
    stream_.avail_out = sizeof buffer;
    int result = inflate(&stream_, Z_NO_FLUSH);
    if (result == Z_DATA_ERROR && deflate_ && !started_) {
      // "deflate" sent without its zlib wrapper: start again as raw.
      deflate_ = false;
      if (!Restart(kRawWindow)) return false;
      stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
      stream_.avail_in = static_cast<uInt>(compressed.size());
      continue;
    }
    if (result != Z_OK && result != Z_STREAM_END && result != Z_BUF_ERROR) {
      error_ = std::string("corrupt compressed body: ") +
               (stream_.msg != nullptr ? stream_.msg : "zlib error " + std::to_string(result));
      return false;
    }
    started_ = true;
    const size_t produced = sizeof buffer - stream_.avail_out;
    if (produced > max_out - std::min(max_out, out->size())) {
      too_large_ = true;
      return false;
    }
    out->append(buffer, produced);
    if (result == Z_STREAM_END) finished_ = true;
    if (result == Z_BUF_ERROR && produced == 0) break;
  }
  return true;
}

}  // namespace linkgraph::crawler
