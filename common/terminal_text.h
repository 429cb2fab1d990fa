// Text from web pages made safe to print on a terminal: what a terminal would
// obey instead of show (escape sequences, C1 controls, bidi overrides that
// reorder the line) is written as a visible escape. Files (CSV, JSON) keep
// the exact text; this is for stdout/stderr only. Pure, header-only,
// thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/utf8.h"

namespace linkgraph {

namespace terminal_internal {

inline void AppendHex(const char* prefix, uint32_t value, int digits, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->append(prefix);
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out->push_back(kHex[(value >> shift) & 0xF]);
}

}  // namespace terminal_internal

// Code points a terminal obeys or that spoof the order of what it shows:
// C0 controls but tab and line feed, DEL, C1 controls (U+0080-U+009F) and
// the bidi embeddings, overrides and isolates (U+202A-U+202E,
// U+2066-U+2069).
inline bool IsControlOrBidi(uint32_t code_point) {
  return (code_point < 0x20 && code_point != '\t' && code_point != '\n') ||
         (code_point >= 0x7F && code_point <= 0x9F) ||
         (code_point >= 0x202A && code_point <= 0x202E) ||
         (code_point >= 0x2066 && code_point <= 0x2069);
}

// text with control characters, bidi controls and bytes that are not UTF-8
// written as visible escapes (\x1b, \u202e, \xff); with one_line, tab and
// line feed too (\t, \n), so a page cannot add lines to a report.
inline std::string ForTerminal(std::string_view text, bool one_line = true) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    uint32_t code_point = 0;
    size_t length = DecodeUtf8(text, i, &code_point);
    if (length == 0) {
      terminal_internal::AppendHex("\\x", static_cast<unsigned char>(text[i]), 2, &out);
      ++i;
      continue;
    }
    if (one_line && (code_point == '\n' || code_point == '\t')) {
      out.append(code_point == '\n' ? "\\n" : "\\t");
    } else if (!IsControlOrBidi(code_point)) {
      out.append(text.substr(i, length));
    } else if (code_point < 0x80) {
      terminal_internal::AppendHex("\\x", code_point, 2, &out);
    } else {
      terminal_internal::AppendHex("\\u", code_point, 4, &out);
    }
    i += length;
  }
  return out;
}

}  // namespace linkgraph
