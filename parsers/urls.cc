#include "parsers/urls.h"

#include <memory>
#include <vector>

#include "common/parsed_uri.h"
#include "parsers/text_util.h"

namespace linkgraph::parsers {
namespace {

std::string ToString(UriUriA* uri) {
  int length = 0;
  if (uriToStringCharsRequiredA(uri, &length) != URI_SUCCESS) return {};
  std::vector<char> buffer(static_cast<size_t>(length) + 1);
  if (uriToStringA(buffer.data(), uri, length + 1, nullptr) != URI_SUCCESS) return {};
  return std::string(buffer.data());
}

// Browsers accept spaces and other stray characters in href values.
std::string Sanitise(std::string_view reference) {
  std::string out;
  for (char c : TrimAscii(reference)) {
    if (c == ' ')
      out += "%20";
    else if (c == '\t' || c == '\n' || c == '\r')
      continue;
    else if (c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{' ||
             c == '|' || c == '}') {
      static const char kHex[] = "0123456789ABCDEF";
      out.push_back('%');
      out.push_back(kHex[(static_cast<unsigned char>(c) >> 4) & 0xF]);
      out.push_back(kHex[static_cast<unsigned char>(c) & 0xF]);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string ResolveUrl(std::string_view base, std::string_view reference) {
  ParsedUri base_uri;
  ParsedUri reference_uri;
  if (!base_uri.Parse(Sanitise(base)) || !reference_uri.Parse(Sanitise(reference))) return {};
  ParsedUri resolved;
  int added = uriAddBaseUriA(resolved.get(), reference_uri.get(), base_uri.get());
  resolved.MarkParsed();  // whatever it allocated before failing is freed too
  if (added != URI_SUCCESS) return {};
  std::string scheme = ToLowerAscii(UriRange(resolved.get()->scheme));
  if (scheme != "http" && scheme != "https" && scheme != "file") return {};
  uriNormalizeSyntaxA(resolved.get());
  // Cut the fragment from the text: after normalising, the URI owns its
  // ranges, and clearing them in place would leak them.
  std::string text = ToString(resolved.get());
  size_t fragment = text.find('#');
  if (fragment != std::string::npos) text.resize(fragment);
  return text;
}

std::string HostOf(std::string_view url) {
  ParsedUri uri;
  if (!uri.Parse(std::string(url))) return {};
  return ToLowerAscii(UriRange(uri.get()->hostText));
}

std::string SiteRootOf(std::string_view url) {
  ParsedUri uri;
  if (!uri.Parse(std::string(url))) return {};
  std::string scheme = ToLowerAscii(UriRange(uri.get()->scheme));
  std::string host = ToLowerAscii(UriRange(uri.get()->hostText));
  if (scheme.empty() || host.empty()) return {};
  std::string port(UriRange(uri.get()->portText));
  bool default_port =
      port.empty() || (scheme == "http" && port == "80") || (scheme == "https" && port == "443");
  return scheme + "://" + host + (default_port ? "" : ":" + port) + "/";
}

}  // namespace linkgraph::parsers
