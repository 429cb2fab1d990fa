// Private to parsers/: ASCII string helpers and whitespace normalisation.
#pragma once

#include <string>
#include <string_view>

#include "common/ascii.h"

namespace linkgraph::parsers {

bool ContainsIgnoreCase(std::string_view text, std::string_view needle);

// Collapses runs of whitespace (including no-break spaces) to one space within
// a line. '\n' in raw marks a line break and '\f' a paragraph break; the
// result has lines joined by "\n", paragraphs by "\n\n", nothing leading or
// trailing.
std::string CollapseText(std::string_view raw);

// The text on one line: every break becomes a space.
std::string OneLine(std::string_view text);

}  // namespace linkgraph::parsers
