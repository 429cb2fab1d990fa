// Private to parsers/: ASCII string helpers and whitespace normalisation.
#pragma once

#include <string>
#include <string_view>

namespace linkgraph::parsers {

inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
inline char ToLowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

std::string ToLowerAscii(std::string_view text);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix);
bool ContainsIgnoreCase(std::string_view text, std::string_view needle);
std::string_view Trim(std::string_view text);

// Collapses runs of whitespace (including no-break spaces) to one space within
// a line. '\n' in raw marks a line break and '\f' a paragraph break; the
// result has lines joined by "\n", paragraphs by "\n\n", nothing leading or
// trailing.
std::string CollapseText(std::string_view raw);

// The text on one line: every break becomes a space.
std::string OneLine(std::string_view text);

}  // namespace linkgraph::parsers
