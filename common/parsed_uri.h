// An owner for uriparser's parsed URI (the parsers resolve links with it,
// the crawler canonicalises URLs): it frees the URI's allocations and keeps
// the text its ranges point into alive. Header-only; a module that includes
// it links uriparser itself.
#pragma once

#include <uriparser/Uri.h>

#include <string>
#include <string_view>
#include <utility>

namespace linkgraph {

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
  // For uriparser calls that fill the URI (resolution): call MarkParsed()
  // once they succeeded, so its members are freed.
  UriUriA* get() { return &uri_; }
  void MarkParsed() { parsed_ = true; }

  const UriUriA& uri() const { return uri_; }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  UriUriA uri_{};
  bool parsed_ = false;
};

// The text of one part of a parsed URI; "" when the part is absent.
inline std::string_view UriRange(const UriTextRangeA& range) {
  if (range.first == nullptr || range.afterLast == nullptr) return {};
  return std::string_view(range.first, static_cast<size_t>(range.afterLast - range.first));
}

}  // namespace linkgraph
