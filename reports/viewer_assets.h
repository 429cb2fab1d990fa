// Private to reports/: the HTML viewer's files as the binary carries them,
// generated at build time by embed_files.cmake from reports/viewer/ (ours)
// and third_party/viewer/ (vendored). Constant bytes; thread-safe.
#pragma once

#include <string_view>

namespace linkgraph::reports::viewer_assets {

std::string_view Page();        // viewer.html, with the markers html_export.cc fills
std::string_view Style();       // viewer.css
std::string_view Script();      // viewer.js: layout, search, filters, the evidence panel
std::string_view Graphology();  // graphology.umd.min.js
std::string_view Sigma();       // sigma.min.js

}  // namespace linkgraph::reports::viewer_assets
