#include "parsers/html_document.h"

#include <cstring>

#include "parsers/text_util.h"

namespace linkgraph::parsers {

namespace {

GumboOptions ArenaOptions(ParseArena* arena) {
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = [](void* userdata, size_t size) {
    return static_cast<ParseArena*>(userdata)->Allocate(size);
  };
  options.deallocator = [](void*, void*) {};
  options.userdata = arena;
  // Nothing reads Gumbo's parse errors, and recording each one copies state.
  options.max_errors = 0;
  return options;
}

}  // namespace

void HtmlDocument::DestroyOutput::operator()(GumboOutput* output) const noexcept {
  gumbo_destroy_output(&kGumboDefaultOptions, output);
}

HtmlDocument::HtmlDocument(std::string utf8) : source_(std::move(utf8)) {
  if (source_.size() <= kArenaMaxBytes) {
    arena_ = std::make_unique<ParseArena>();
    GumboOptions options = ArenaOptions(arena_.get());
    output_ = gumbo_parse_with_options(&options, source_.data(), source_.size());
    return;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // as above: nothing reads them
  owned_output_.reset(gumbo_parse_with_options(&options, source_.data(), source_.size()));
  output_ = owned_output_.get();
}

bool IsElement(const GumboNode* node) {
  return node != nullptr && node->type == GUMBO_NODE_ELEMENT;
}

bool IsTag(const GumboNode* node, GumboTag tag) {
  return IsElement(node) && node->v.element.tag == tag;
}

bool IsHeading(const GumboNode* node) {
  if (!IsElement(node)) return false;
  switch (node->v.element.tag) {
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      return true;
    case GUMBO_TAG_UNKNOWN: {
      // original_tag is the start tag as written: "<h7 class=...>".
      const GumboStringPiece written = node->v.element.original_tag;
      return written.length >= 3 && written.data[0] == '<' &&
             (written.data[1] == 'h' || written.data[1] == 'H') && written.data[2] >= '0' &&
             written.data[2] <= '9';
    }
    default:
      return false;
  }
}

namespace {

// Gumbo lower-cases attribute names as it tokenizes, so the lower-case names
// asked for here compare exactly; gumbo_get_attribute's strcasecmp was a
// measurable share of extraction, called for every node of every walk.
const GumboAttribute* FindAttribute(const GumboNode* node, const char* name) {
  if (!IsElement(node)) return nullptr;
  const GumboVector& attributes = node->v.element.attributes;
  for (unsigned i = 0; i < attributes.length; ++i) {
    auto* attribute = static_cast<const GumboAttribute*>(attributes.data[i]);
    if (attribute->name[0] == name[0] && std::strcmp(attribute->name, name) == 0) return attribute;
  }
  return nullptr;
}

}  // namespace

std::string_view Attr(const GumboNode* node, const char* name) {
  const GumboAttribute* attribute = FindAttribute(node, name);
  return attribute == nullptr ? std::string_view() : std::string_view(attribute->value);
}

bool HasAttr(const GumboNode* node, const char* name) {
  return FindAttribute(node, name) != nullptr;
}

namespace {

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_FORM:
      return true;
    default:
      return false;
  }
}

bool IsParagraphTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE:
      return true;
    default:
      return false;
  }
}

bool IsInvisibleTag(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
         tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_IFRAME || tag == GUMBO_TAG_HEAD ||
         tag == GUMBO_TAG_TEXTAREA || tag == GUMBO_TAG_SELECT || tag == GUMBO_TAG_BUTTON;
}

// Collects raw text with '\n' for line breaks and '\f' for paragraph breaks;
// CollapseText turns that into the final form. Iterative: pages can be deep.
void CollectText(const GumboNode* root, const NodePredicate& prune, std::string* out) {
  struct Frame {
    const GumboNode* node;
    bool closing;
  };
  std::vector<Frame> stack{{root, false}};
  while (!stack.empty()) {
    Frame frame = stack.back();
    stack.pop_back();
    const GumboNode* node = frame.node;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      // Source line breaks are plain whitespace in HTML; only elements break lines.
      size_t from = out->size();
      out->append(node->v.text.text);
      for (size_t i = from; i < out->size(); ++i) {
        if (IsAsciiSpace((*out)[i])) (*out)[i] = ' ';
      }
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;
    GumboTag tag = node->type == GUMBO_NODE_ELEMENT ? node->v.element.tag : GUMBO_TAG_HTML;
    if (frame.closing) {
      out->push_back(IsParagraphTag(tag) ? '\f' : '\n');
      continue;
    }
    if (node != root &&
        ((node->type == GUMBO_NODE_ELEMENT && IsInvisibleTag(tag)) || (prune && prune(node)))) {
      continue;
    }
    if (node->type == GUMBO_NODE_ELEMENT && IsBlockTag(tag)) {
      out->push_back(IsParagraphTag(tag) ? '\f' : '\n');
      stack.push_back({node, true});
    }
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back({static_cast<const GumboNode*>(children.data[i - 1]), false});
    }
  }
}

}  // namespace

bool HasClass(const GumboNode* node, std::string_view token) {
  return AnyClassToken(node, [&](std::string_view t) { return EqualsIgnoreCase(t, token); });
}

namespace {

// One pass over the class attribute, whatever the number of tokens asked for.
template <typename Tokens>
bool AnyClassIn(const GumboNode* node, const Tokens& tokens) {
  return AnyClassToken(node, [&](std::string_view have) {
    for (const auto& token : tokens) {
      if (EqualsIgnoreCase(have, token)) return true;
    }
    return false;
  });
}

}  // namespace

bool HasAnyClass(const GumboNode* node, std::initializer_list<std::string_view> tokens) {
  return AnyClassIn(node, tokens);
}

bool HasAnyClass(const GumboNode* node, std::span<const std::string> tokens) {
  return AnyClassIn(node, tokens);
}

bool HasClassPrefix(const GumboNode* node, std::string_view prefix) {
  return AnyClassToken(node, [&](std::string_view t) { return StartsWithIgnoreCase(t, prefix); });
}

std::string_view Id(const GumboNode* node) { return Attr(node, "id"); }

std::vector<const GumboNode*> ElementChildren(const GumboNode* node) {
  std::vector<const GumboNode*> children;
  if (!IsElement(node)) return children;
  const GumboVector& all = node->v.element.children;
  for (unsigned i = 0; i < all.length; ++i) {
    auto* child = static_cast<const GumboNode*>(all.data[i]);
    if (IsElement(child)) children.push_back(child);
  }
  return children;
}

const GumboNode* NextElementSibling(const GumboNode* node) {
  const GumboNode* parent = node->parent;
  if (parent == nullptr || parent->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboVector& siblings = parent->v.element.children;
  for (unsigned i = node->index_within_parent + 1; i < siblings.length; ++i) {
    auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
    if (IsElement(sibling)) return sibling;
  }
  return nullptr;
}

const GumboNode* PreviousElementSibling(const GumboNode* node) {
  const GumboNode* parent = node->parent;
  if (parent == nullptr || parent->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboVector& siblings = parent->v.element.children;
  for (unsigned i = node->index_within_parent; i > 0; --i) {
    auto* sibling = static_cast<const GumboNode*>(siblings.data[i - 1]);
    if (IsElement(sibling)) return sibling;
  }
  return nullptr;
}

std::string ScriptText(const GumboNode* script) {
  std::string text;
  for (unsigned i = 0; i < script->v.element.children.length; ++i) {
    auto* child = static_cast<const GumboNode*>(script->v.element.children.data[i]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) {
      text += child->v.text.text;
    }
  }
  return text;
}

namespace {

// Depth-first, document order, without recursion (pages can be deep). Stops
// as soon as on_match returns false.
template <typename OnMatch>
void Walk(const GumboNode* root, const NodePredicate& match, const NodePredicate& prune,
          OnMatch on_match) {
  if (root == nullptr) return;
  std::vector<const GumboNode*> stack;
  auto push_children = [&stack](const GumboNode* node) {
    const GumboVector* children = nullptr;
    if (node->type == GUMBO_NODE_ELEMENT) children = &node->v.element.children;
    if (node->type == GUMBO_NODE_DOCUMENT) children = &node->v.document.children;
    if (children == nullptr) return;
    for (unsigned i = children->length; i > 0; --i) {
      auto* child = static_cast<const GumboNode*>(children->data[i - 1]);
      if (child->type == GUMBO_NODE_ELEMENT) stack.push_back(child);
    }
  };
  push_children(root);
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (match(node) && !on_match(node)) return;
    if (prune && prune(node)) continue;
    push_children(node);
  }
}

}  // namespace

std::vector<const GumboNode*> FindAll(const GumboNode* root, const NodePredicate& match,
                                      const NodePredicate& prune) {
  std::vector<const GumboNode*> found;
  Walk(root, match, prune, [&found](const GumboNode* node) {
    found.push_back(node);
    return true;
  });
  return found;
}

const GumboNode* FindFirst(const GumboNode* root, const NodePredicate& match,
                           const NodePredicate& prune) {
  const GumboNode* first = nullptr;
  Walk(root, match, prune, [&first](const GumboNode* node) {
    first = node;
    return false;
  });
  return first;
}

const GumboNode* FindAncestor(const GumboNode* node, const NodePredicate& match) {
  for (const GumboNode* up = node == nullptr ? nullptr : node->parent; up != nullptr;
       up = up->parent) {
    if (IsElement(up) && match(up)) return up;
  }
  return nullptr;
}

NodePredicate TagIs(GumboTag tag) {
  return [tag](const GumboNode* node) { return IsTag(node, tag); };
}

NodePredicate ClassIs(std::string_view token) {
  return [token = std::string(token)](const GumboNode* node) { return HasClass(node, token); };
}

NodePredicate TagAndClass(GumboTag tag, std::string_view token) {
  return [tag, token = std::string(token)](const GumboNode* node) {
    return IsTag(node, tag) && HasClass(node, token);
  };
}

std::string MetaContent(const GumboNode* root, const char* attribute, std::string_view value) {
  const GumboNode* meta = FindFirst(root, [&](const GumboNode* node) {
    return IsTag(node, GUMBO_TAG_META) && EqualsIgnoreCase(Attr(node, attribute), value);
  });
  if (meta == nullptr) return {};
  std::string_view content = Attr(meta, "content");
  return OneLine(content.empty() ? Attr(meta, "value") : content);
}

bool Contains(const GumboNode* outer, const GumboNode* inner) {
  for (const GumboNode* up = inner; up != nullptr; up = up->parent) {
    if (up == outer) return true;
  }
  return false;
}

std::string TextOf(const GumboNode* node, const NodePredicate& prune) {
  if (node == nullptr) return {};
  std::string raw;
  CollectText(node, prune, &raw);
  return CollapseText(raw);
}

std::string OwnText(const GumboNode* node) {
  std::string text;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_TEXT) (text += child->v.text.text) += ' ';
  }
  return OneLine(CollapseText(text));
}

}  // namespace linkgraph::parsers
