// Private to parsers/: a cheap scan of the tags that bounds how deeply a page
// nests, and how many nodes it makes, before Gumbo sees it. Gumbo's memory
// grows with the square of the nesting depth (../shared/NOTES.md), so a
// hostile 50 KB page could exhaust the machine; a flat 16 MB page of short
// tags makes millions of nodes (about 400 bytes each, and seconds per
// million), and Gumbo checks each attribute of an element against all
// before it.
#pragma once

#include <cstddef>
#include <string_view>

namespace linkgraph::parsers {

// What a page would make of Gumbo's tree, as the scan estimates it.
struct TreeShape {
  int depth = 0;  // elements open at once
  // Elements (implied and reopened ones included), attributes, text runs,
  // comments and doctypes: what Gumbo allocates a node or attribute for.
  size_t nodes = 0;
  // The most attributes on one element (<html> and <body> tags merge theirs).
  size_t attributes = 0;
};

// The shape of the page's tree; the scan stops soon after any figure passes
// the one in stop_at, so a figure over stop_at's means "at least".
TreeShape EstimateTreeShape(std::string_view html, const TreeShape& stop_at);

// The deepest nesting of elements that stay open, approximated the way an
// HTML parser closes them: void elements and end tags are matched, elements
// that close implicitly (p, li, td, ...) do not accumulate.
int EstimateNestingDepth(std::string_view html, int stop_at);

}  // namespace linkgraph::parsers
