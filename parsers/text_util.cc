#include "parsers/text_util.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "common/terminal_text.h"
#include "common/utf8.h"

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

size_t CountWords(std::string_view utf8) {
  size_t words = 0;
  bool in_word = false;
  for (char c : utf8) {
    const auto byte = static_cast<unsigned char>(c);
    // Non-ASCII bytes are letters here: typographic dashes and quotes
    // ("—", "“") come out as words, which errs toward calling text prose.
    const bool word_byte = std::isalnum(byte) || byte >= 0x80;
    words += word_byte && !in_word;
    in_word = word_byte;
  }
  return words;
}

bool HasDigit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

namespace {

// A byte that may begin what MakeTextSafe changes: a C0 control but tab and
// line feed, DEL, or any byte of a multi-byte sequence (a C1 control, a bidi
// control, or bytes that are not UTF-8). ASCII text is left untouched, unread
// further.
bool MayNeedChange(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (byte < 0x20 && byte != '\t' && byte != '\n') || byte >= 0x7F;
}

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

}  // namespace

void MakeTextSafe(std::string* text) {
  std::string& bytes = *text;
  const size_t first =
      static_cast<size_t>(std::find_if(bytes.begin(), bytes.end(), MayNeedChange) - bytes.begin());
  // Built only once a byte has to change: most texts are valid UTF-8 with
  // nothing to drop, and a replacement can be longer than what it replaces.
  std::string safe;
  bool changed = false;
  for (size_t i = first; i < bytes.size();) {
    uint32_t code_point = 0;
    const size_t length = DecodeUtf8(bytes, i, &code_point);
    const bool invalid = length == 0;
    if (invalid || IsControlOrBidi(code_point)) {
      if (!changed) safe.assign(bytes, 0, i);
      changed = true;
      if (invalid) safe.append(kReplacementCharacter);
      i += invalid ? 1 : length;
      continue;
    }
    if (changed) safe.append(bytes, i, length);
    i += length;
  }
  if (changed) bytes = std::move(safe);
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

bool HasNamePart(std::string_view name, std::span<const std::string_view> parts) {
  size_t pos = 0;
  while (pos <= name.size()) {
    size_t end = name.find_first_of("-_", pos);
    if (end == std::string_view::npos) end = name.size();
    const std::string_view part = name.substr(pos, end - pos);
    for (std::string_view wanted : parts) {
      if (EqualsIgnoreCase(part, wanted)) return true;
    }
    pos = end + 1;
  }
  return false;
}

namespace {

// The words themes print after a commenter's name, in the languages seen:
// the whole text ("sagte,"), or the end of a name's line ("NAME says:").
const RE2& SaysPattern(bool whole_text) {
  static const std::string words =
      R"((?:says|said|wrote|writes|replied|replies|responded|commented|dice|dijo|escribi\x{f3}|)"
      R"(schreibt|schrieb|sagt|sagte|meinte|a dit|dit|a \x{e9}crit|zegt|zei|skrev|disse|scrive))";
  static const RE2 whole(R"((?i)^\s*)" + words + R"(\s*[:,.]?\s*$)");
  static const RE2 trailing(R"((?i)(?:^|\s+))" + words + R"(\s*[:,.]?\s*$)");
  return whole_text ? whole : trailing;
}

}  // namespace

bool IsSaysWord(std::string_view text) {
  return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), SaysPattern(true));
}

std::string WithoutSaysWord(std::string name) {
  // "Comment by X", "By X", and after the separator a theme prints before
  // the name, "by" in other languages (", par X").
  static const LazyRE2 kCommentBy = {
      R"((?i)^\s*(?:(?:comment(?:ed)?|posted|written|reply|response)\s+(?:by|from)\s*:?|by\s*:?|[,;:|]\s*(?:by|par|por|door|von|av))\s+)"};
  static const LazyRE2 kLeadingUrl = {R"(^https?://\S*\s+)"};
  RE2::Replace(&name, *kCommentBy, "");
  RE2::Replace(&name, SaysPattern(false), "");
  RE2::Replace(&name, *kLeadingUrl, "");
  return std::string(TrimAscii(name));
}

bool OpensWithByLabel(std::string_view text) {
  static const LazyRE2 kLabel = {
      R"((?i)^\s*(?:comment(?:ed)?|posted|written|reply|response)\s+(?:by|from)\b)"};
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *kLabel);
}

bool IsPingbackExcerpt(std::string_view text) {
  constexpr std::string_view kMarks[] = {"[...]", "[\xE2\x80\xA6]", "[&#8230;]"};
  text = TrimAscii(text);
  const auto opens = [text](std::string_view mark) { return text.starts_with(mark); };
  const auto closes = [text](std::string_view mark) { return text.ends_with(mark); };
  constexpr size_t kMinChars = 10;
  return text.size() > kMinChars && std::any_of(std::begin(kMarks), std::end(kMarks), opens) &&
         (std::any_of(std::begin(kMarks), std::end(kMarks), closes) ||
          text.ends_with("\xE2\x80\xA6") || text.ends_with("..."));
}

}  // namespace linkgraph::parsers
