// Extraction: bytes of one page and its URL in, plain structs out
// (common/model.h). Pure functions: no network, no store, no globals that
// change; safe to call from several threads at once.
#pragma once

#include <string>
#include <string_view>

#include "common/model.h"
#include "common/result.h"

namespace linkgraph::parsers {

struct ExtractOptions {
  // Charset from the transport (an HTTP Content-Type header), tried before
  // the document's own <meta>. Default: none.
  std::string transport_charset;
  // Pages nested deeper than this are refused before Gumbo sees them: its
  // memory grows with the square of the depth. Default: 2,000.
  int max_tag_depth = 2000;
  // Pages over this are refused. Default: 16 MB.
  size_t max_bytes = 16u << 20;
};

// Extracts the post, comments, trackbacks, mentions and links of a blog page.
// Errors: kUnsupported for bytes that are not HTML (binary, empty),
// kTooLarge for pages over max_bytes or max_tag_depth.
Result<ExtractedPage> ExtractPage(std::string_view bytes, std::string_view url,
                                  const ExtractOptions& options = {});

// The charset parameter of a Content-Type header value, lower-cased; ""
// when none. For ExtractOptions::transport_charset.
std::string CharsetFromContentType(std::string_view content_type);

// Decodes bytes to UTF-8: the BOM, then transport_charset, then <meta
// charset>/http-equiv, else UTF-8 with invalid bytes read as windows-1252.
std::string DecodeToUtf8(std::string_view bytes, std::string_view transport_charset = "");

}  // namespace linkgraph::parsers
