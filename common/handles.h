// Twitter-style @handles in text, the one rule parsers/ (mentions in posts
// and comments) and graph/ (parties of a meeting, names that carry a
// handle) share: what a handle is, and when an "@" starts a mention rather
// than sitting inside an e-mail address, a URL or a domain.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

#include "common/ascii.h"

namespace linkgraph {

inline constexpr size_t kMaxHandleLength = 15;

inline bool IsHandleChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// "HRMargo": 1 to 15 handle characters (no "@").
inline bool IsHandle(std::string_view handle) {
  return !handle.empty() && handle.size() <= kMaxHandleLength &&
         std::all_of(handle.begin(), handle.end(), IsHandleChar);
}

// Characters that, right before "@", mean we are inside an address, a URL
// path or a hashtag (Twitter's rule, with "/" and "=" for URLs whose
// scheme is left out: "medium.com/@writer").
inline bool BlocksMention(char c) {
  return IsHandleChar(c) || c == '@' || c == '!' || c == '#' || c == '$' || c == '%' || c == '&' ||
         c == '*' || c == '/' || c == '=' || c == '\\';
}

// The whitespace-free token around pos contains a URL scheme before pos.
inline bool InsideUrl(std::string_view text, size_t pos) {
  size_t start = pos;
  while (start > 0 && !IsAsciiSpace(text[start - 1])) --start;
  return text.substr(start, pos - start).find("://") != std::string_view::npos;
}

// "RT@user" and "RT:@user", retweet forms: "RT" (any case) as a word of
// its own, maybe with a colon, right before the "@".
inline bool AfterRetweetMark(std::string_view text, size_t at) {
  size_t mark = at;
  if (mark > 0 && text[mark - 1] == ':') --mark;
  if (mark < 2 || !EqualsIgnoreCase(text.substr(mark - 2, 2), "rt")) return false;
  if (mark == 2) return true;
  const char before = text[mark - 3];
  return !IsHandleChar(before) && before != '+' && before != '~' && before != '.' && before != '-';
}

// The code point of the UTF-8 sequence at text[pos]; 0 when none is there.
inline char32_t CodePointAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  const unsigned char lead = byte(0);
  size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
  if (pos + length > text.size()) return 0;
  char32_t code = length == 1 ? lead : lead & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) code = (code << 6) | (byte(i) & 0x3F);
  return code;
}

// Latin letters beyond ASCII ("\u00e9", "\u0142", "\u1ec7"): a handle that runs into
// one is part of a word, not a mention.
inline bool IsAccentedLatin(char32_t c) {
  return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x1E00 && c <= 0x1EFF) ||
         (c >= 0x2C60 && c <= 0x2C7F) || (c >= 0xA720 && c <= 0xA7FF);
}

// "@" or the full-width "\uff20" at text[at]; its length in bytes, else 0.
inline size_t AtSignLength(std::string_view text, size_t at) {
  if (at < text.size() && text[at] == '@') return 1;
  return text.substr(at, 3) == "\xEF\xBC\xA0" ? 3 : 0;
}

// Whether the at sign at text[at] followed by the handle characters
// text[begin, end) is a mention, by Twitter's rules: 1 to 15 handle
// characters, all-digit ones too ("@2012"); not after a letter, digit or
// URL character (e-mail addresses, URL paths), except the retweet marks
// "RT@" and "RT:@"; not running into another at sign, an accented Latin
// letter or "://"; not a domain ("@example.com") nor inside a URL.
inline bool IsMentionAt(std::string_view text, size_t at, size_t begin, size_t end) {
  const std::string_view handle = text.substr(begin, end - begin);
  if (!IsHandle(handle)) return false;
  if (at > 0 && BlocksMention(text[at - 1]) && !AfterRetweetMark(text, at)) return false;
  if (AtSignLength(text, end) > 0) return false;
  if (IsAccentedLatin(CodePointAt(text, end))) return false;
  if (text.substr(end, 3) == "://") return false;
  if (end + 1 < text.size() && text[end] == '.' && IsHandleChar(text[end + 1])) return false;
  return !InsideUrl(text, at);
}

// Calls found(at, begin, end) for each mention in text, in order: the at
// sign at text[at], the handle at text[begin, end).
template <typename Found>
void ForEachMention(std::string_view text, const Found& found) {
  for (size_t at = 0; at < text.size(); ++at) {
    const size_t sign = AtSignLength(text, at);
    if (sign == 0) continue;
    size_t end = at + sign;
    while (end < text.size() && IsHandleChar(text[end])) ++end;
    if (IsMentionAt(text, at, at + sign, end)) found(at, at + sign, end);
    at = end - 1;
  }
}

}  // namespace linkgraph
