#include "parsers/charset.h"

#include <iconv.h>
#include <re2/re2.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <memory>
#include <utility>

#include "common/utf8.h"
#include "parsers/parsers.h"
#include "parsers/text_util.h"

namespace linkgraph::parsers {
namespace {

// The HTML standard's prescan looks at the first 1024 bytes; real pages put
// long scripts first, so look a little further.
constexpr size_t kSniffBytes = 8192;

// windows-1252's 0x80-0x9F block; the five undefined bytes map to U+FFFD.
constexpr std::array<uint16_t, 32> kWindows1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

uint32_t Windows1252CodePoint(unsigned char byte) {
  if (byte >= 0x80 && byte <= 0x9F) return kWindows1252High[byte - 0x80];
  return byte;
}

std::string FromWindows1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char c : bytes) AppendUtf8(Windows1252CodePoint(static_cast<unsigned char>(c)), &out);
  return out;
}

// Where the run of ASCII bytes from i ends: most of any page is ASCII.
size_t AsciiRunEnd(std::string_view bytes, size_t i) {
  while (i < bytes.size() && static_cast<unsigned char>(bytes[i]) < 0x80) ++i;
  return i;
}

// UTF-8 where it is valid, windows-1252 for stray bytes: what browsers
// effectively show for pages that mix the two.
std::string RepairUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size();) {
    size_t ascii_end = AsciiRunEnd(bytes, i);
    if (ascii_end > i) {
      out.append(bytes.substr(i, ascii_end - i));
      i = ascii_end;
      continue;
    }
    size_t length = Utf8SequenceLength(bytes, i);
    if (length == 0) {
      AppendUtf8(Windows1252CodePoint(static_cast<unsigned char>(bytes[i])), &out);
      ++i;
    } else {
      out.append(bytes.substr(i, length));
      i += length;
    }
  }
  return out;
}

struct IconvCloser {
  void operator()(iconv_t* handle) const noexcept {
    iconv_close(*handle);
    delete handle;
  }
};

// Any other charset through iconv; "" when iconv does not know it.
bool ConvertWithIconv(std::string_view bytes, const std::string& charset, std::string* out) {
  iconv_t raw = iconv_open("UTF-8", charset.c_str());
  if (raw == reinterpret_cast<iconv_t>(-1)) return false;
  std::unique_ptr<iconv_t, IconvCloser> handle(new iconv_t(raw));
  std::string input(bytes);
  char* in = input.data();
  size_t in_left = input.size();
  out->clear();
  std::array<char, 16384> buffer;
  while (in_left > 0) {
    char* out_ptr = buffer.data();
    size_t out_left = buffer.size();
    size_t rc = iconv(*handle, &in, &in_left, &out_ptr, &out_left);
    out->append(buffer.data(), buffer.size() - out_left);
    if (rc == static_cast<size_t>(-1)) {
      if (errno == E2BIG) continue;
      // An invalid or truncated sequence: show a replacement and go on.
      out->append("\xEF\xBF\xBD");
      ++in;
      --in_left;
    }
  }
  // glibc's UCS-4 and UTF-32 decoders pass surrogates and values past
  // U+10FFFF through as UTF-8-shaped bytes that are not UTF-8.
  *out = RepairUtf8(*out);
  return true;
}

// Labels of UTF-16 in its flavours; browsers also read "unicode" as UTF-16LE.
bool IsUtf16Label(std::string_view charset) {
  return charset.starts_with("utf-16") || charset.starts_with("utf16") ||
         charset.starts_with("ucs-2") || charset == "unicode" || charset == "unicodefffe";
}

// UTF-16 markup is mostly ASCII, so half its bytes are NUL: in even places
// for big-endian, odd ones for little-endian. No NUL in the first KB means the
// label lies (a server's default over UTF-8 bytes): "" then.
constexpr size_t kUtf16ProbeBytes = 1024;
const char* Utf16ByteOrder(std::string_view bytes) {
  std::string_view head = bytes.substr(0, kUtf16ProbeBytes);
  size_t even = 0;
  size_t odd = 0;
  for (size_t i = 0; i < head.size(); ++i) {
    if (head[i] == '\0') ++(i % 2 == 0 ? even : odd);
  }
  if (even + odd < head.size() / 8) return "";
  return even > odd ? "UTF-16BE" : "UTF-16LE";
}

bool IsWindows1252Label(std::string_view charset) {
  // The HTML standard maps all of these labels to windows-1252.
  for (std::string_view label : {"windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1",
                                 "latin1", "l1", "iso_8859-1", "us-ascii", "ascii", "cp819",
                                 "ibm819", "iso-ir-100", "iso_8859-1:1987", "csisolatin1"}) {
    if (charset == label) return true;
  }
  return false;
}

}  // namespace

std::string SniffMetaCharset(std::string_view bytes) {
  static const LazyRE2 kMetaCharset = {
      R"((?i)<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+))"};
  std::string charset;
  re2::StringPiece head(bytes.data(), std::min(bytes.size(), kSniffBytes));
  if (RE2::PartialMatch(head, *kMetaCharset, &charset)) return ToLowerAscii(charset);
  return {};
}

std::string CharsetFromContentType(std::string_view content_type) {
  static const LazyRE2 kCharsetParam = {R"((?i)charset\s*=\s*["']?([A-Za-z0-9_.:\-]+))"};
  std::string charset;
  re2::StringPiece value(content_type.data(), content_type.size());
  if (RE2::PartialMatch(value, *kCharsetParam, &charset)) return ToLowerAscii(charset);
  return {};
}

std::string DecodeToUtf8(std::string_view bytes, std::string_view transport_charset) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return RepairUtf8(bytes.substr(3));
  std::string converted;
  for (auto [bom, encoding] : {std::pair{"\xFF\xFE", "UTF-16LE"}, std::pair{"\xFE\xFF", "UTF-16BE"}}) {
    if (bytes.starts_with(bom) && ConvertWithIconv(bytes.substr(2), encoding, &converted)) {
      return converted;
    }
  }
  std::string charset = ToLowerAscii(TrimAscii(transport_charset));
  if (IsUtf16Label(charset)) {
    const char* byte_order = Utf16ByteOrder(bytes);
    if (*byte_order != '\0' && ConvertWithIconv(bytes, byte_order, &converted)) return converted;
    charset.clear();  // the label lies: the document's own <meta>, else UTF-8
  }
  if (charset.empty()) charset = SniffMetaCharset(bytes);
  // A <meta> read as ASCII cannot be in UTF-16: the HTML standard reads UTF-8.
  if (IsUtf16Label(charset)) charset = "utf-8";
  if (charset.empty() || charset == "utf-8" || charset == "utf8" ||
      charset == "unicode-1-1-utf-8") {
    return RepairUtf8(bytes);
  }
  if (IsWindows1252Label(charset)) return FromWindows1252(bytes);
  if (ConvertWithIconv(bytes, charset, &converted)) return converted;
  return RepairUtf8(bytes);  // an unknown label: the common case is UTF-8
}

}  // namespace linkgraph::parsers
