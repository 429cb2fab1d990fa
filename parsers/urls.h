// Private to parsers/: resolving and cleaning the URLs found in pages.
#pragma once

#include <string>
#include <string_view>

namespace linkgraph::parsers {

// reference resolved against base (RFC 3986), normalised, fragment dropped.
// "" when either cannot be parsed or the result is not http(s) or file.
std::string ResolveUrl(std::string_view base, std::string_view reference);

// "https://Host:443/a" -> "https://host/": scheme, host and "/".
std::string SiteRootOf(std::string_view url);

// The host, lower-cased; "" when none.
std::string HostOf(std::string_view url);

}  // namespace linkgraph::parsers
