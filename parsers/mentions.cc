#include "parsers/mentions.h"

#include <re2/re2.h>

#include "parsers/text_util.h"

namespace linkgraph::parsers {
namespace {

constexpr size_t kMaxHandleLength = 15;

bool IsHandleChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Characters that, right before "@", mean we are inside an address or URL.
bool BlocksMention(char c) {
  return IsHandleChar(c) || c == '@' || c == '/' || c == '.' || c == ':' || c == '=' || c == '&' ||
         c == '+' || c == '-' || c == '%' || c == '#' || c == '!' || c == '$' || c == '*' ||
         c == '\\';
}

// The whitespace-free token around pos contains a URL scheme before pos.
bool InsideUrl(std::string_view text, size_t pos) {
  size_t start = pos;
  while (start > 0 && !IsAsciiSpace(text[start - 1])) --start;
  return text.substr(start, pos - start).find("://") != std::string_view::npos;
}

}  // namespace

std::vector<std::string> FindMentions(std::string_view text) {
  static const LazyRE2 kHandle = {"@([A-Za-z0-9_]+)"};
  std::vector<std::string> handles;
  std::vector<std::string> seen;  // lower-cased, to dedupe
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match[2];
  size_t start = 0;
  while (start < text.size() &&
         kHandle->Match(input, start, text.size(), RE2::UNANCHORED, match, 2)) {
    size_t at = static_cast<size_t>(match[0].data() - text.data());
    size_t end = at + match[0].size();
    start = end;
    if (at > 0 && BlocksMention(text[at - 1])) continue;
    if (match[1].size() > kMaxHandleLength) continue;
    // "@8" is a time or a count, never a handle anyone writes.
    if (std::string_view(match[1].data(), match[1].size()).find_first_not_of("0123456789") ==
        std::string_view::npos) {
      continue;
    }
    if (end < text.size() && text[end] == '@') continue;
    // "@example.com": a domain, not a handle.
    if (end + 1 < text.size() && text[end] == '.' && IsHandleChar(text[end + 1])) continue;
    if (InsideUrl(text, at)) continue;
    std::string handle(match[1].data(), match[1].size());
    std::string key = ToLowerAscii(handle);
    bool duplicate = false;
    for (const std::string& other : seen) duplicate = duplicate || other == key;
    if (duplicate) continue;
    seen.push_back(std::move(key));
    handles.push_back(std::move(handle));
  }
  return handles;
}

}  // namespace linkgraph::parsers
