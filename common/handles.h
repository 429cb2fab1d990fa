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

// Characters that, right before "@", mean we are inside an address or URL.
inline bool BlocksMention(char c) {
  return IsHandleChar(c) || c == '@' || c == '/' || c == '.' || c == ':' || c == '=' || c == '&' ||
         c == '+' || c == '-' || c == '%' || c == '#' || c == '!' || c == '$' || c == '*' ||
         c == '\\';
}

// The whitespace-free token around pos contains a URL scheme before pos.
inline bool InsideUrl(std::string_view text, size_t pos) {
  size_t start = pos;
  while (start > 0 && !IsAsciiSpace(text[start - 1])) --start;
  return text.substr(start, pos - start).find("://") != std::string_view::npos;
}

// Whether text[at] == '@' followed by the handle characters up to end is a
// mention: not inside an e-mail address, URL or domain ("@example.com"),
// not all digits ("@8" is a time or a count), at most 15 characters.
inline bool IsMentionAt(std::string_view text, size_t at, size_t end) {
  const std::string_view handle = text.substr(at + 1, end - at - 1);
  if (!IsHandle(handle)) return false;
  if (at > 0 && BlocksMention(text[at - 1])) return false;
  if (handle.find_first_not_of("0123456789") == std::string_view::npos) return false;
  if (end < text.size() && text[end] == '@') return false;
  if (end + 1 < text.size() && text[end] == '.' && IsHandleChar(text[end + 1])) return false;
  return !InsideUrl(text, at);
}

}  // namespace linkgraph
