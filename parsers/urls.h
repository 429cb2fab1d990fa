// Private to parsers/: resolving and cleaning the URLs found in pages.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "common/ascii.h"

namespace linkgraph {
class ParsedUri;
}

namespace linkgraph::parsers {

// reference resolved against base (RFC 3986), normalised, fragment dropped.
// "" when either cannot be parsed or the result is not http(s) or file.
std::string ResolveUrl(std::string_view base, std::string_view reference);

// ResolveUrl against one base, parsed once: a page resolves hundreds of links
// against the same base.
class UrlResolver {
 public:
  explicit UrlResolver(std::string_view base);
  ~UrlResolver();
  UrlResolver(const UrlResolver&) = delete;
  UrlResolver& operator=(const UrlResolver&) = delete;

  std::string Resolve(std::string_view reference) const;

 private:
  std::unique_ptr<ParsedUri> base_;  // null when base cannot be parsed
};

// Links as uriparser reads them; common/url_text.h reads URLs as written.
// These stay apart because their callers need what the text rule does not
// give: "" for text that is no URI (a space, a raw non-ASCII host), and
// scheme-relative links ("//host/search", common in saved pages' forms).

// "https://u@Host:443/a" -> "https://host/": scheme, host, a port other
// than the scheme's default, "/"; user-info dropped; "" when url does not
// parse or names no host. Unlike common SiteRootOf, which keeps the whole
// authority: Post.site_url has been stored by this rule, so it stays.
std::string NormalSiteRootOf(std::string_view url);

// "//Host.example:8080/a" -> "host.example": the host of a link, lower-cased
// (an IPv6 literal without brackets); "" when none or url does not parse.
std::string HostOfLink(std::string_view url);

// A post's URL from the URL of one of its comment pages: without a trailing
// "comment-page-N/" path segment and without a "cpage=N" query parameter.
// Other URLs come back unchanged.
std::string WithoutCommentPage(std::string_view url);

// Bytes outside ASCII percent-encoded, as browsers send IRIs; feeds and
// sitemaps sometimes hold them unescaped.
std::string PercentEncodeNonAscii(std::string_view url);

// reference (trimmed, IRI bytes encoded) resolved against base; "" unless
// the result is http or https.
std::string ResolveHttpUrl(std::string_view base, std::string_view reference);

// The value of the query parameter name (as written, not decoded); false
// when absent.
bool QueryParameter(std::string_view url, std::string_view name, std::string* value);

// The part after '#' of a URL or an @id; "" when it has none.
std::string FragmentOf(std::string_view url);

// The query parameter name of url as a positive number (at most six
// digits), or fallback when absent, zero or not a number.
int PositiveQueryParameter(std::string_view url, std::string_view name, int fallback);

// url with the query parameter name set to value: replaced where present,
// else appended. The fragment is dropped.
std::string WithQueryParameter(std::string_view url, std::string_view name, std::string_view value);

}  // namespace linkgraph::parsers
