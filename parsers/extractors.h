// Private to parsers/: the stages that ExtractPage runs over one parsed page.
#pragma once

#include <string>

#include "common/model.h"
#include "parsers/html_document.h"

namespace linkgraph::parsers {

struct PageContext {
  const GumboNode* root = nullptr;
  std::string url;            // where the bytes came from
  std::string base_url;       // <base href> or url
  std::string canonical_url;  // rel=canonical or url
};

// An <a href> (or any URL attribute value) made absolute; "" when unusable.
std::string AbsoluteUrl(const PageContext& page, std::string_view href);

// "wordpress", "wordpresscom" or "" from the generator meta, markup and host.
std::string DetectPlatform(const PageContext& page);

// Title, author, date, body, links and site of the page's post. Returns false
// when the page is not a single post (an index, an archive, no body found).
bool ExtractPost(const PageContext& page, Post* post);

// Threaded comments and trackbacks/pingbacks in WordPress markup (comment
// lists of self-hosted and WordPress.com themes, old and new).
void ExtractWordPressComments(const PageContext& page, std::vector<Comment>* comments,
                              std::vector<Trackback>* trackbacks);

// Whether the node is a comment list or part of one: post extraction skips
// these subtrees.
bool IsCommentArea(const GumboNode* node);

}  // namespace linkgraph::parsers
