// Private to parsers/: a cheap scan of the tags that bounds how deeply a page
// nests before Gumbo sees it. Gumbo's memory grows with the square of the
// nesting depth (../shared/NOTES.md), so a hostile 50 KB page could exhaust
// the machine.
#pragma once

#include <string_view>

namespace linkgraph::parsers {

// The deepest nesting of elements that stay open, approximated the way an
// HTML parser closes them: void elements and end tags are matched, elements
// that close implicitly (p, li, td, ...) do not accumulate.
int EstimateNestingDepth(std::string_view html, int stop_at);

}  // namespace linkgraph::parsers
