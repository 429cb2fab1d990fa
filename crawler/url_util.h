// Private to crawler/: small URL text helpers shared by the fetcher and the
// frontier. Pure functions on strings; no I/O.
#pragma once

#include <string>
#include <string_view>

namespace linkgraph::crawler {

// "HTTP://x/" -> "http"; "" when url does not start with a valid scheme.
std::string SchemeOf(std::string_view url);

// Without leading and trailing spaces, tabs, CR, LF and FF.
std::string_view TrimAscii(std::string_view text);
bool StartsWithNoCase(std::string_view text, std::string_view prefix);
std::string ToLowerAscii(std::string_view text);

// "%41b%zz" -> "Ab%zz": malformed escapes are kept as written.
std::string PercentDecode(std::string_view text);
// Escapes every byte of a path except unreserved characters, '/' and the
// sub-delimiters RFC 3986 allows in a path segment.
std::string PercentEncodePath(std::string_view path);

}  // namespace linkgraph::crawler
