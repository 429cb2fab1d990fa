#include "parsers/text_util.h"

#include <algorithm>

#include "common/terminal_text.h"

namespace linkgraph::parsers {

bool ContainsIgnoreCase(std::string_view text, std::string_view needle) {
  if (needle.empty()) return true;
  for (size_t i = 0; i + needle.size() <= text.size(); ++i) {
    if (EqualsIgnoreCase(text.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

std::string CollapseText(std::string_view raw) {
  // 0: nothing pending, 1: space, 2: line break, 3: paragraph break.
  std::string out;
  out.reserve(raw.size());
  int pending = 0;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    int brk = 0;
    if (c == '\f') {
      brk = 3;
    } else if (c == '\n') {
      brk = 2;
    } else if (IsAsciiSpace(c)) {
      brk = 1;
    } else if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < raw.size() &&
               static_cast<unsigned char>(raw[i + 1]) == 0xA0) {
      brk = 1;  // U+00A0 no-break space
      ++i;
    }
    if (brk != 0) {
      if (brk > pending) pending = brk;
      continue;
    }
    if (!out.empty()) {
      if (pending == 3)
        out.append("\n\n");
      else if (pending == 2)
        out.push_back('\n');
      else if (pending == 1)
        out.push_back(' ');
    }
    pending = 0;
    out.push_back(c);
  }
  return out;
}

namespace {

// A byte that may begin what IsControlOrBidi drops: a C0 control but tab and
// line feed, DEL, or the lead byte of U+0080-U+009F (0xC2) or of the bidi
// controls (0xE2). Text without one is left untouched, unread further.
bool MayBeginControl(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (byte < 0x20 && byte != '\t' && byte != '\n') || byte == 0x7F || byte == 0xC2 ||
         byte == 0xE2;
}

}  // namespace

void DropControlCharacters(std::string* text) {
  std::string& bytes = *text;
  // Nearly every string has nothing to drop: find the first candidate at once.
  const size_t first = static_cast<size_t>(
      std::find_if(bytes.begin(), bytes.end(), MayBeginControl) - bytes.begin());
  size_t kept = first;
  for (size_t i = first; i < bytes.size();) {
    uint32_t code_point = 0;
    size_t length = terminal_internal::DecodeUtf8(bytes, i, &code_point);
    if (length == 0) length = 1;  // not UTF-8: kept as it is, terminals escape it
    else if (IsControlOrBidi(code_point)) {
      i += length;
      continue;
    }
    for (size_t k = 0; k < length; ++k) bytes[kept++] = bytes[i + k];
    i += length;
  }
  bytes.resize(kept);
}

std::string OneLine(std::string_view text) {
  std::string line = CollapseText(text);
  std::string out;
  out.reserve(line.size());
  for (char c : line) {
    if (c != '\n') {
      out.push_back(c);
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  return out;
}

}  // namespace linkgraph::parsers
