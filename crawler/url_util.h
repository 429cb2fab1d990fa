// Private to crawler/: small URL text helpers shared by the fetcher and the
// frontier. Pure functions on strings; no I/O.
#pragma once

#include <string>
#include <string_view>

#include "common/ascii.h"

namespace linkgraph::crawler {

// "HTTP://x/" -> "http"; "" when url does not start with a valid scheme.
std::string SchemeOf(std::string_view url);

// "%41b%zz" -> "Ab%zz": malformed escapes are kept as written.
std::string PercentDecode(std::string_view text);
// Escapes every byte of a path except unreserved characters, '/' and the
// sub-delimiters RFC 3986 allows in a path segment.
std::string PercentEncodePath(std::string_view path);

}  // namespace linkgraph::crawler
