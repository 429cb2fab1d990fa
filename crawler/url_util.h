// Private to crawler/: small URL text helpers shared by the fetcher, the
// frontier and the crawl scope. Pure functions on strings; no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/ascii.h"

namespace linkgraph::crawler {

// "HTTP://x/" -> "http"; "" when url does not start with a valid scheme.
std::string SchemeOf(std::string_view url);

// The value of a hexadecimal digit ('a'..'f' in either case), -1 for any
// other character.
int HexDigitValue(char c);
// RFC 3986's unreserved characters: letters, digits and "-._~".
bool IsUnreservedUrlChar(char c);
// Appends byte as a percent escape with upper-case digits: 0x2F -> "%2F".
void AppendPercentEscape(unsigned char byte, std::string* out);

// "%41b%zz" -> "Ab%zz": malformed escapes are kept as written.
std::string PercentDecode(std::string_view text);
// Escapes every byte of a path except unreserved characters, '/' and the
// sub-delimiters RFC 3986 allows in a path segment.
std::string PercentEncodePath(std::string_view path);

// The parts of a canonical URL (CanonicalUrl), as views into it. For
// "http://h:8080/a/b?x=1": scheme "http", host "h", port "8080", path "/a/b",
// query "x=1". file URLs have an empty host and port. Nothing is decoded.
struct UrlParts {
  std::string_view scheme;
  std::string_view host;  // lower case; IPv6 literals keep their brackets
  std::string_view port;  // "" for the scheme's default
  std::string_view path;
  std::string_view query;  // without the '?'
};
// nullopt when url is not an absolute http, https or file URL.
std::optional<UrlParts> SplitCanonicalUrl(std::string_view url);

// The host as the crawl compares hosts, http and https alike:
// "example.com:8080", or "example.com" when the URL gives no port (the
// default port of either scheme); "" for file URLs.
std::string HostKey(const UrlParts& parts);
// HostKey of a canonical URL's parts; "" for file URLs and what does not
// split (every file URL counts as one host).
std::string HostKeyOfCanonical(std::string_view canonical_url);

// The folder a canonical file URL is in, with its '/': "file:///a/b.html" ->
// "file:///a/". Every URL under a file seed's folder starts with it.
std::string FileUrlFolder(std::string_view file_url);

}  // namespace linkgraph::crawler
