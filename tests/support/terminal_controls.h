// For tests: whether text holds bytes a terminal would obey instead of show,
// written out byte by byte (not with common/terminal_text.h, the code under
// test): ESC, BEL and the other C0 controls but tab and line feed, DEL, C1
// (U+0080-U+009F) and the bidi overrides and isolates; and whether text is
// well-formed UTF-8, by the byte ranges of RFC 3629's table.
#pragma once

#include <string_view>

namespace linkgraph::testing {

inline bool HasTerminalControl(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) return true;
    auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    auto third = i + 2 < text.size() ? static_cast<unsigned char>(text[i + 2]) : 0;
    if (c == 0xC2 && next >= 0x80 && next <= 0x9F) return true;
    if (c == 0xE2 && next == 0x80 && third >= 0xAA && third <= 0xAE) return true;
    if (c == 0xE2 && next == 0x81 && third >= 0xA6 && third <= 0xA9) return true;
  }
  return false;
}

}  // namespace linkgraph::testing
