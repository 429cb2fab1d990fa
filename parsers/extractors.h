// Private to parsers/: the stages that ExtractPage runs over one parsed page.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/model.h"
#include "parsers/html_document.h"
#include "parsers/urls.h"

namespace linkgraph::parsers {

struct PageContext {
  const GumboNode* root = nullptr;
  std::string url;            // where the bytes came from
  std::string base_url;       // <base href> or url
  std::unique_ptr<UrlResolver> base;  // resolves against base_url
  std::string canonical_url;  // rel=canonical or url
  // The post's own URL: canonical_url without a comment page
  // ("/comment-page-2/", "?cpage=2"), so that every page of a post's
  // comments names the same post.
  std::string post_url;
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

// The text of a comment's content element, reduced as for comments in
// pages: reply links, author and meta blocks left out. For the HTML of
// WordPress REST comments too, so that both give the same text.
std::string CommentBodyText(const GumboNode* content);

// Discovery for the crawler: the RSS/Atom feeds the page names with
// <link rel="alternate">, absolute, in page order, without repeats.
std::vector<std::string> FeedLinks(const PageContext& page);

// The WordPress REST URL of the post's comments when the page advertises
// the API root (<link rel="https://api.w.org/">) and the post's numeric id;
// "" otherwise. Only for pages with a post.
std::string CommentsApiUrl(const PageContext& page);

// The @mentions in text, appended as said by `by` in place.
void AddMentions(const std::string& text, MentionPlace place, const std::string& comment_id,
                 const std::string& by, std::vector<Mention>* mentions);

// Whether the node is a comment list or part of one: post extraction skips
// these subtrees.
bool IsCommentArea(const GumboNode* node);

}  // namespace linkgraph::parsers
