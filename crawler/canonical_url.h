// Private to crawler/: the one canonical form of a URL the crawler compares,
// queues and stores. Pure functions on strings (uriparser underneath); no I/O,
// no shared state, thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace linkgraph::crawler {

// Inputs (and results) longer than this are refused: no blog page needs one,
// and crawler traps generate them.
inline constexpr size_t kMaxCanonicalUrlLength = 4096;

// The canonical form of an absolute http, https or file URL, or nullopt when
// url is relative, of another scheme, unparsable, holds control characters or
// is longer than kMaxCanonicalUrlLength. Surrounding ASCII whitespace is
// ignored. http(s): lowercase scheme and host (non-ASCII IDN bytes kept as
// given), no user-info, no default port, no dot segments, "/" for an empty
// path, no fragment, percent-escapes with uppercase hex and unreserved
// characters decoded, no ";jsessionid=" path parameter, and no "replytocom",
// "utm_*" or session-id query parameters (others keep their order); no empty
// "?". file: "file://" + the lexically normal local path, no query.
std::optional<std::string> CanonicalUrl(std::string_view url);

// reference resolved against base (RFC 3986 section 5; base is the page URL
// or its <base href>), then canonicalised. nullopt when base is not an
// absolute URL or the result is not canonicalisable.
std::optional<std::string> ResolveAndCanonicalise(std::string_view base,
                                                  std::string_view reference);

}  // namespace linkgraph::crawler
