// Private to parsers/: which charset a page is in, and conversion to UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace linkgraph::parsers {

// The charset named by <meta charset> or <meta http-equiv=Content-Type> in
// the first bytes of the document, lower-cased; "" when none.
std::string SniffMetaCharset(std::string_view bytes);

}  // namespace linkgraph::parsers
