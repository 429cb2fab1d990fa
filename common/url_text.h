// The site and host a URL names, read from its text as written: the one
// rule the store keys sites by, shared by every module that compares or
// shows sites. Pure string functions, header-only, thread-safe; no URL
// parser, so modules without uriparser can use them.
#pragma once

#include <string>
#include <string_view>

#include "common/ascii.h"

namespace linkgraph {

// "HTTP://u@Host:8080/a?b" -> "HTTP://u@Host:8080": everything before the
// first '/', '?' or '#' after "://", as written; "" when url has no "://".
inline std::string_view SchemeAndAuthority(std::string_view url) {
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {};
  return url.substr(0, url.find_first_of("/?#", scheme_end + 3));
}

// "HTTPS://Example.com:8080/a/b?c" -> "https://example.com:8080/": scheme
// and authority lower-cased, kept whole (user-info and any port, the
// default one too), then "/"; "file:///" for local files; "" when url has
// no "scheme://". The sites table is keyed by exactly this text: changing
// it orphans the sites of existing stores.
inline std::string SiteRootOf(std::string_view url) {
  const std::string_view root = SchemeAndAuthority(url);
  if (root.empty() || root.starts_with("://")) return {};
  return ToLowerAscii(root) + "/";
}

// "http://u@Example.com:8080/a" -> "example.com": the host of SiteRootOf
// without user-info and port; IPv6 literals keep their brackets ("[::1]").
// "" when url has no "scheme://" or names no host (file:///).
inline std::string HostOfUrl(std::string_view url) {
  std::string_view authority = SchemeAndAuthority(url);
  if (authority.empty() || authority.starts_with("://")) return {};
  authority.remove_prefix(authority.find("://") + 3);
  if (const size_t at = authority.rfind('@'); at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  const size_t colon = authority.rfind(':');
  if (colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
    authority = authority.substr(0, colon);
  }
  return ToLowerAscii(authority);
}

}  // namespace linkgraph
