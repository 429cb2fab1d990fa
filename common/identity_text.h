// How an identity is keyed, wherever it is stored or looked up: the store's
// record of what pages showed, the graph's people and a report's WHO.
// "@HRMargo" -> "hrmargo"; " Margo  Rose" -> "margo rose";
// "https://www.Example.com/blog/" -> "example.com/blog". Pure, header-only.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include "common/ascii.h"

namespace linkgraph {

inline std::string NormaliseHandle(std::string_view handle) {
  handle = TrimAscii(handle);
  if (!handle.empty() && handle.front() == '@') handle.remove_prefix(1);
  return ToLowerAscii(handle);
}

// Trimmed, inner whitespace runs as one space: how a name is shown.
inline std::string CollapseSpaces(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : TrimAscii(text)) {
    if (IsAsciiSpace(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

// ASCII case only: names in other scripts keep their letters, which is
// still one key per spelling.
inline std::string NormaliseName(std::string_view name) {
  return ToLowerAscii(CollapseSpaces(name));
}

// Scheme, "www.", default port, query, fragment and trailing slashes go:
// http://www.Example.com/blog/ and https://example.com/blog are one author.
inline std::string NormaliseUrl(std::string_view url) {
  url = TrimAscii(url);
  if (size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    url.remove_prefix(scheme + 3);
  } else if (url.substr(0, 2) == "//") {
    url.remove_prefix(2);
  }
  if (size_t end = url.find_first_of("?#"); end != std::string_view::npos) {
    url = url.substr(0, end);
  }
  const size_t host_end = std::min(url.find('/'), url.size());
  std::string host = ToLowerAscii(url.substr(0, host_end));
  std::string_view path = url.substr(host_end);
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  for (std::string_view port : {":80", ":443"}) {
    if (host.size() > port.size() &&
        host.compare(host.size() - port.size(), port.size(), port.data(), port.size()) == 0) {
      host.resize(host.size() - port.size());
    }
  }
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  return host + std::string(path);
}

}  // namespace linkgraph
