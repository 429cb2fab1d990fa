#include "parsers/urls.h"

#include <uriparser/Uri.h>

#include <memory>
#include <vector>

#include "parsers/text_util.h"

namespace linkgraph::parsers {
namespace {

// Owns a UriUriA's internal allocations and the text its ranges point into.
class ParsedUri {
 public:
  ParsedUri() = default;
  ParsedUri(const ParsedUri&) = delete;
  ParsedUri& operator=(const ParsedUri&) = delete;
  ~ParsedUri() {
    if (parsed_) uriFreeUriMembersA(&uri_);
  }

  bool Parse(std::string text) {
    text_ = std::move(text);
    const char* error_pos = nullptr;
    parsed_ = uriParseSingleUriA(&uri_, text_.c_str(), &error_pos) == URI_SUCCESS;
    return parsed_;
  }
  UriUriA* get() { return &uri_; }
  void MarkParsed() { parsed_ = true; }

 private:
  std::string text_;
  UriUriA uri_{};
  bool parsed_ = false;
};

std::string Range(const UriTextRangeA& range) {
  if (range.first == nullptr || range.afterLast == nullptr) return {};
  return std::string(range.first, range.afterLast);
}

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
  std::string scheme = ToLowerAscii(Range(resolved.get()->scheme));
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
  return ToLowerAscii(Range(uri.get()->hostText));
}

std::string SiteRootOf(std::string_view url) {
  ParsedUri uri;
  if (!uri.Parse(std::string(url))) return {};
  std::string scheme = ToLowerAscii(Range(uri.get()->scheme));
  std::string host = ToLowerAscii(Range(uri.get()->hostText));
  if (scheme.empty() || host.empty()) return {};
  std::string port = Range(uri.get()->portText);
  bool default_port =
      port.empty() || (scheme == "http" && port == "80") || (scheme == "https" && port == "443");
  return scheme + "://" + host + (default_port ? "" : ":" + port) + "/";
}

}  // namespace linkgraph::parsers
