// Private to parsers/: an owned Gumbo parse tree and small read-only helpers
// over its nodes. The tree lives as long as the HtmlDocument; extractors copy
// strings out before it is destroyed.
#pragma once

#include <gumbo.h>

#include <functional>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/ascii.h"
#include "parsers/parse_arena.h"

namespace linkgraph::parsers {

class HtmlDocument {
 public:
  // Pages up to this parse into a ParseArena (fast), bigger ones with
  // malloc (small). Default: 1 MB.
  static constexpr size_t kArenaMaxBytes = 1u << 20;

  // utf8 must outlive nothing: the document keeps its own copy.
  explicit HtmlDocument(std::string utf8);
  HtmlDocument(const HtmlDocument&) = delete;
  HtmlDocument& operator=(const HtmlDocument&) = delete;

  const GumboNode* root() const { return output_->root; }

 private:
  struct DestroyOutput {
    void operator()(GumboOutput* output) const noexcept;
  };

  std::string source_;  // Gumbo's original_text pointers refer into this
  // Owns every byte of the parse, output_ included: the tree is released with
  // the arena, without gumbo_destroy_output walking it node by node. Only
  // for pages up to kArenaMaxBytes: the arena never reuses what Gumbo frees
  // (token buffers, grown vectors), about 20 times the page in all.
  std::unique_ptr<ParseArena> arena_;
  // Bigger pages parse with malloc and free, which reuse: the tree only.
  std::unique_ptr<GumboOutput, DestroyOutput> owned_output_;
  const GumboOutput* output_;
};

using NodePredicate = std::function<bool(const GumboNode*)>;

bool IsElement(const GumboNode* node);
bool IsTag(const GumboNode* node, GumboTag tag);
// <h1> to <h6>, and the <h7>, <h8> some themes write, which HTML does not know.
bool IsHeading(const GumboNode* node);
// The attribute's value, or "" when absent.
std::string_view Attr(const GumboNode* node, const char* name);
bool HasAttr(const GumboNode* node, const char* name);
// Whether the class attribute holds this whitespace-separated token.
bool HasClass(const GumboNode* node, std::string_view token);
bool HasAnyClass(const GumboNode* node, std::initializer_list<std::string_view> tokens);
bool HasAnyClass(const GumboNode* node, std::span<const std::string> tokens);
// Whether any class token starts with prefix.
bool HasClassPrefix(const GumboNode* node, std::string_view prefix);
// Whether test(token) holds for any whitespace-separated token of list (a
// class, itemprop or rel value). Templates: they run on every node of a walk.
template <typename TokenTest>
bool AnyToken(std::string_view list, const TokenTest& test) {
  size_t pos = 0;
  while (pos < list.size()) {
    while (pos < list.size() && IsAsciiSpace(list[pos])) ++pos;
    size_t end = pos;
    while (end < list.size() && !IsAsciiSpace(list[end])) ++end;
    if (end > pos && test(list.substr(pos, end - pos))) return true;
    pos = end;
  }
  return false;
}
template <typename TokenTest>
bool AnyClassToken(const GumboNode* node, const TokenTest& test) {
  return AnyToken(Attr(node, "class"), test);
}
// The first class token ("" for none): a template's name for the element,
// before the modifiers and utility classes that follow it.
inline std::string_view FirstClass(const GumboNode* node) {
  std::string_view first;
  AnyClassToken(node, [&first](std::string_view token) {
    first = token;
    return true;
  });
  return first;
}
// Whether an attribute's token list (rel, RDFa property or typeof) holds
// token, any case.
inline bool AttrHasToken(const GumboNode* node, const char* attribute, std::string_view token) {
  return AnyToken(Attr(node, attribute),
                  [token](std::string_view each) { return EqualsIgnoreCase(each, token); });
}
std::string_view Id(const GumboNode* node);

// Element children in document order.
std::vector<const GumboNode*> ElementChildren(const GumboNode* node);
// The next element after node under the same parent, or nullptr.
const GumboNode* NextElementSibling(const GumboNode* node);
// The element before node under the same parent, or nullptr.
const GumboNode* PreviousElementSibling(const GumboNode* node);
// The raw text of a <script> (or <style>) element.
std::string ScriptText(const GumboNode* script);

// Descendants of root (not root itself) that match, in document order. The
// walk does not enter a node for which prune returns true (a match is still
// reported when the pruned node itself matches and report_pruned is set).
std::vector<const GumboNode*> FindAll(const GumboNode* root, const NodePredicate& match,
                                      const NodePredicate& prune = nullptr);
const GumboNode* FindFirst(const GumboNode* root, const NodePredicate& match,
                           const NodePredicate& prune = nullptr);
// The nearest ancestor that matches, or nullptr.
const GumboNode* FindAncestor(const GumboNode* node, const NodePredicate& match);
// Whether inner is outer or inside it.
bool Contains(const GumboNode* outer, const GumboNode* inner);

// Predicate helpers.
NodePredicate TagIs(GumboTag tag);
NodePredicate ClassIs(std::string_view token);
NodePredicate TagAndClass(GumboTag tag, std::string_view token);

// The content of the first <meta> whose attribute ("name", "property")
// equals value, any case, on one line; tDiary writes value= for content=.
// "" when there is none.
std::string MetaContent(const GumboNode* root, const char* attribute, std::string_view value);

// Visible text of a subtree: scripts, styles and pruned subtrees left out,
// block elements separated by line breaks, whitespace collapsed within lines,
// paragraphs separated by one blank line.
std::string TextOf(const GumboNode* node, const NodePredicate& prune = nullptr);

// The text nodes directly under node, on one line: a byline's words
// around the elements that hold its name and date.
std::string OwnText(const GumboNode* node);

}  // namespace linkgraph::parsers
