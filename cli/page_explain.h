// Private to cli/: --explain's line for one page of an import or a crawl:
// how it was read (the platform's reading) and what was found, or why
// nothing was. For checking a new blog's markup before crawling it.
#pragma once

#include <string>

#include "store/store.h"

namespace linkgraph::cli {

// "LABEL: platform wordpress; post \"...\" by ...; 3 comments (1 replies),
// ..." or "LABEL: not_html (content type application/pdf)". unchanged_hint:
// what reads an unchanged page again, said after "unchanged since it was
// stored". Raw: pass it through ForTerminal.
std::string ExplainPage(const std::string& label, const store::PageToSave& page,
                        const std::string& unchanged_hint);

// -v's account of a page: "stored a post, 3 comments, 1 trackback, 0
// mentions", "unchanged, kept as stored", or why nothing was (raw).
std::string DescribeSavedPage(const store::PageToSave& page);

}  // namespace linkgraph::cli
