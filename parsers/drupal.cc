// Drupal pages (7 and 8+, core templates and themes built on them): the node
// and its comments. Comments are article.comment / div.comment blocks, ids
// "comment-N" on the block or on an <a id> just before it (Drupal 7); a
// reply follows its parent inside div.indented, and RDFa sioc:reply_of or an
// "In reply to" link names the parent where the theme prints them.
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <utility>

#include "parsers/dates.h"
#include "parsers/extractors.h"
#include "parsers/text_util.h"

namespace linkgraph::parsers {
namespace {

bool IsHidden(const GumboNode* node) {
  return HasAnyClass(node, {"visually-hidden", "element-invisible", "element-hidden", "hidden",
                            "sr-only", "parent"});
}

bool IsComment(const GumboNode* node) {
  if (!IsTag(node, GUMBO_TAG_ARTICLE) && !IsTag(node, GUMBO_TAG_DIV)) return false;
  return HasClass(node, "comment") || AttrHasToken(node, "typeof", "schema:Comment") ||
         AttrHasToken(node, "typeof", "sioct:Comment");
}

bool IsForm(const GumboNode* node) { return IsTag(node, GUMBO_TAG_FORM); }

bool IsSidebar(const GumboNode* node) {
  return IsTag(node, GUMBO_TAG_ASIDE) || IsTag(node, GUMBO_TAG_NAV) ||
         HasClassPrefix(node, "region-sidebar") || HasClass(node, "sidebar");
}

// The N of "comment-N", ".../comment/N" or "...#comment-N"; "" otherwise.
std::string DrupalCommentNumber(std::string_view text) {
  static const LazyRE2 kNumber = {R"((?:^|#|/)comment[-/](\d+)(?:$|[#?/]))"};
  std::string number;
  RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *kNumber, &number);
  return number;
}

// ---- The node ----

bool IsTeaser(const GumboNode* node) {
  return HasAnyClass(node, {"node--view-mode-teaser", "node-teaser"}) ||
         HasClassPrefix(node, "teaser");
}

bool IsNodeContainer(const GumboNode* node) {
  if (!IsTag(node, GUMBO_TAG_ARTICLE) && !IsTag(node, GUMBO_TAG_DIV)) return false;
  if (IsComment(node) || IsTeaser(node)) return false;
  static const LazyRE2 kNodeId = {R"(node-\d+)"};
  std::string_view id = Id(node);
  std::string_view itemtype = Attr(node, "itemtype");
  return HasClass(node, "node") || HasClassPrefix(node, "node--type-") ||
         RE2::FullMatch(re2::StringPiece(id.data(), id.size()), *kNodeId) ||
         AttrHasToken(node, "typeof", "schema:Article") ||
         AttrHasToken(node, "typeof", "schema:BlogPosting") ||
         AttrHasToken(node, "typeof", "sioc:Item") ||
         (IsTag(node, GUMBO_TAG_ARTICLE) && (itemtype.ends_with("schema.org/Article") ||
                                             itemtype.ends_with("schema.org/BlogPosting") ||
                                             itemtype.ends_with("schema.org/NewsArticle")));
}

bool SkipForNode(const GumboNode* node) {
  return IsCommentArea(node) || IsComment(node) || IsSidebar(node) || IsForm(node) ||
         EqualsIgnoreCase(Id(node), "comments");
}

bool InCommentArea(const GumboNode* node) {
  return FindAncestor(node, [](const GumboNode* n) {
           return IsCommentArea(n) ||
                  HasAnyClass(n, {"comment-wrapper", "field--type-comment", "field-type-comment"});
         }) != nullptr;
}

// Inside the node: forum nodes wrap the opening message in a block marked
// "comment" too, outside any comment area; it holds the node's own parts.
bool SkipWithinNode(const GumboNode* node) {
  return SkipForNode(node) && !(IsComment(node) && !InCommentArea(node));
}

// The one full node of the page; nullptr on listings (several nodes).
const GumboNode* FindNode(const GumboNode* root) {
  std::vector<const GumboNode*> nodes = FindAll(root, IsNodeContainer, [](const GumboNode* n) {
    return SkipForNode(n) || IsNodeContainer(n);
  });
  if (nodes.size() == 1) return nodes.front();
  std::vector<const GumboNode*> full;
  for (const GumboNode* node : nodes) {
    if (HasAnyClass(node, {"node--view-mode-full", "view-mode-full", "node-full"})) {
      full.push_back(node);
    }
  }
  return full.size() == 1 ? full.front() : nullptr;
}

// Field classes "field--name-body", "field-name-body", and a site's own body
// fields ("field-name-field-cc-body"); never the comment body.
bool IsBodyField(const GumboNode* node) {
  if (HasClassPrefix(node, "field--name-comment") || HasClassPrefix(node, "field-name-comment")) {
    return false;
  }
  if (AttrHasToken(node, "property", "content:encoded") ||
      AttrHasToken(node, "property", "schema:articleBody") ||
      EqualsIgnoreCase(Attr(node, "itemprop"), "articleBody")) {
    return true;
  }
  static const LazyRE2 kBodyField = {R"((?:^|\s)field-{1,2}name-(?:[a-z0-9_]+-)*body(?:\s|$))"};
  std::string_view classes = Attr(node, "class");
  return RE2::PartialMatch(re2::StringPiece(classes.data(), classes.size()), *kBodyField);
}

const GumboNode* FindNodeBody(const GumboNode* node) {
  if (const GumboNode* body = FindFirst(node, IsBodyField, SkipWithinNode)) return body;
  if (const GumboNode* body = FindFirst(
          node,
          [](const GumboNode* n) {
            return HasAnyClass(n, {"node__content", "node-content", "content"});
          },
          SkipWithinNode)) {
    return body;
  }
  return node;
}

std::string NodeTitle(const GumboNode* root, const GumboNode* node) {
  const GumboNode* title = FindFirst(
      node,
      [](const GumboNode* n) {
        return HasAnyClass(n, {"node__title", "node-title"}) ||
               ((IsTag(n, GUMBO_TAG_H1) || IsTag(n, GUMBO_TAG_H2)) &&
                (AttrHasToken(n, "property", "dc:title") ||
                 AttrHasToken(n, "property", "schema:name") ||
                 EqualsIgnoreCase(Attr(n, "itemprop"), "headline")));
      },
      SkipWithinNode);
  if (title == nullptr) {
    title = FindFirst(
        root,
        [](const GumboNode* n) {
          return IsTag(n, GUMBO_TAG_H1) && HasAnyClass(n, {"page-title", "page-header", "title"});
        },
        SkipWithinNode);
  }
  if (title == nullptr) title = FindFirst(node, TagIs(GUMBO_TAG_H1), SkipWithinNode);
  return title == nullptr ? std::string() : OneLine(TextOf(title));
}

// Drupal's link to a member's account page ("user/804", "View user
// profile."): where a theme marks no author, the author's name.
bool IsAccountLink(const GumboNode* node) {
  static const LazyRE2 kUserPage = {R"((?:^|/)user/\d+(?:[./?#]|$))"};
  std::string_view href = Attr(node, "href");
  return IsTag(node, GUMBO_TAG_A) && !OneLine(TextOf(node)).empty() &&
         RE2::PartialMatch(re2::StringPiece(href.data(), href.size()), *kUserPage);
}

// Drupal marks anonymous names: "Name (not verified)", translated.
void RemoveNotVerified(std::string* name) {
  static const LazyRE2 kNotVerified = {
      R"(\s*\((?:not verified|nicht überprüft|nicht verifiziert|non vérifié|no verificado|non verificato|bez overenia|neověřeno|niezweryfikowany)\)$)"};
  RE2::Replace(name, *kNotVerified, "");
}

// An account the reader may not open is shown unlinked, in an element of
// the theme's own naming ("Objavio/la <span class=korisnik>admin</span>,
// Thu, 2009-07-16 20:56"): the byline's one element that holds words and
// no date.
const GumboNode* UnlinkedAccount(const GumboNode* byline) {
  constexpr size_t kMaxNameWords = 4;
  const auto name_like = [](const GumboNode* n) {
    const std::string text = OneLine(TextOf(n));
    return !text.empty() && CountWords(text) <= kMaxNameWords && ParseDate(text).empty() &&
           !std::isdigit(static_cast<unsigned char>(text.front()));
  };
  std::vector<const GumboNode*> found = FindAll(byline, name_like);
  // The innermost of nested ones (<span><em>NAME</em></span>).
  std::erase_if(found, [&found](const GumboNode* n) {
    return std::any_of(found.begin(), found.end(),
                       [n](const GumboNode* other) { return other != n && Contains(n, other); });
  });
  return found.size() == 1 ? found.front() : nullptr;
}

std::string NodeAuthor(const GumboNode* node, const GumboNode* body) {
  auto skip = [body](const GumboNode* n) { return n == body || SkipWithinNode(n); };
  // Drupal 7 puts rel="sioc:has_creator" on the whole "Submitted by" line.
  const GumboNode* author = FindFirst(node, ClassIs("username"), skip);
  if (author == nullptr) {
    author = FindFirst(
        node,
        [](const GumboNode* n) {
          return AttrHasToken(n, "rel", "schema:author") ||
                 HasAnyClass(n, {"field--name-uid", "node__author"});
        },
        skip);
  }
  // The byline's account link ("2 august, 2010 - 16:07 poslal <a
  // href=user/239>"): not a link in the node's other blocks.
  if (author == nullptr) {
    if (const GumboNode* byline = FindFirst(node, ClassIs("submitted"), skip)) {
      author = FindFirst(byline, IsAccountLink);
      if (author == nullptr) author = UnlinkedAccount(byline);
    }
  }
  if (author == nullptr) return {};
  std::string name = OneLine(TextOf(author, IsHidden));
  RemoveNotVerified(&name);
  return name;
}

bool IsRdfaDate(const GumboNode* node) {
  for (std::string_view property :
       {"schema:dateCreated", "schema:datePublished", "dc:date", "dc:created"}) {
    if (AttrHasToken(node, "property", property)) return true;
  }
  return false;
}

std::string NodePublished(const GumboNode* node, const GumboNode* body) {
  const GumboNode* date = FindFirst(
      node, [](const GumboNode* n) { return IsRdfaDate(n) || IsTag(n, GUMBO_TAG_TIME); },
      [body](const GumboNode* n) { return n == body || SkipWithinNode(n); });
  if (date == nullptr) return {};
  for (const char* attribute : {"content", "datetime"}) {
    std::string found = ParseDate(Attr(date, attribute));
    if (!found.empty()) return found;
  }
  return ParseDate(OneLine(TextOf(date)));
}

// Drupal's own date formats write slashed dates month first ("m/d/Y -
// H:i"), so a page that shows no order and no language of its own
// follows them; a page in another language, or one whose dates show the
// day first, does not.
DateOrder DrupalDateOrder(const PageContext& page) {
  return page.date_order == DateOrder::kUnknown ? DateOrder::kMonthFirst : page.date_order;
}

// ---- Comments ----

struct CommentScope {
  const GumboNode* item;
  bool operator()(const GumboNode* node) const {
    return node != item && (IsComment(node) || HasClass(node, "indented"));
  }
};

bool IsDrupalPermalink(const GumboNode* node) {
  return IsTag(node, GUMBO_TAG_A) &&
         (HasClass(node, "permalink") || AttrHasToken(node, "rel", "bookmark"));
}

std::string CommentNumberOf(const GumboNode* item, const CommentScope& scope) {
  std::string number = DrupalCommentNumber(Id(item));
  // Drupal 7 marks the place with <a id="comment-N"></a> before the block.
  const GumboNode* before = PreviousElementSibling(item);
  if (number.empty() && IsTag(before, GUMBO_TAG_A)) number = DrupalCommentNumber(Id(before));
  if (number.empty()) number = DrupalCommentNumber(Attr(item, "about"));
  if (number.empty()) {
    // The "In reply to" link is a permalink too, but the parent's.
    auto skip = [&scope](const GumboNode* n) { return scope(n) || IsHidden(n); };
    if (const GumboNode* link = FindFirst(item, IsDrupalPermalink, skip)) {
      number = DrupalCommentNumber(Attr(link, "href"));
    }
  }
  return number;
}

// The parent's number when the markup names it (RDFa or "In reply to").
std::string ExplicitParent(const GumboNode* item, const CommentScope& scope) {
  const GumboNode* reply_of = FindFirst(
      item,
      [](const GumboNode* n) {
        return AttrHasToken(n, "rel", "sioc:reply_of") ||
               AttrHasToken(n, "property", "sioc:reply_of");
      },
      scope);
  if (reply_of != nullptr) {
    for (const char* attribute : {"resource", "href", "content"}) {
      std::string number = DrupalCommentNumber(Attr(reply_of, attribute));
      if (!number.empty()) return number;
    }
  }
  for (const GumboNode* hidden : FindAll(item, IsHidden, scope)) {
    if (!ContainsIgnoreCase(TextOf(hidden), "reply")) continue;
    if (const GumboNode* link = FindFirst(hidden, TagIs(GUMBO_TAG_A))) {
      std::string number = DrupalCommentNumber(Attr(link, "href"));
      if (!number.empty()) return number;
    }
  }
  return {};
}

int IndentDepth(const GumboNode* item) {
  int depth = 0;
  for (const GumboNode* up = item->parent; up != nullptr; up = up->parent) {
    if (HasClass(up, "indented")) ++depth;
  }
  return depth;
}

bool IsCommentContent(const GumboNode* node) {
  return AttrHasToken(node, "property", "schema:text") ||
         AttrHasToken(node, "property", "content:encoded") ||
         HasAnyClass(node, {"field--name-comment-body", "field-name-comment-body",
                            "comment__content", "comment-content", "content"});
}

bool IsBylineBlock(const GumboNode* node) {
  return IsTag(node, GUMBO_TAG_FOOTER) ||
         HasAnyClass(node, {"submitted", "comment__meta", "comment-meta", "meta", "comment-info",
                            "info"}) ||
         // Themes' own names for it: "comment-submitted", "node_submitted".
         AnyClassToken(node, [](std::string_view token) {
           return EndsWithIgnoreCase(token, "-submitted") ||
                  EndsWithIgnoreCase(token, "_submitted");
         });
}

// A byline no class names: a short line opening with by-words, in any of
// the languages AuthorFromByline reads ("Enviado por NAME em DATE",
// "Comment from NAME on DATE"), and holding a date's digits.
bool IsUnmarkedByline(const GumboNode* node) {
  static const LazyRE2 kOpening = {
      R"((?i)^\s*(?:\pL+\s+)?(?:by|from|von|par|por|door|da|di|av)\s+\S)"};
  if (!IsElement(node) || IsTag(node, GUMBO_TAG_A)) return false;
  const std::string text = OneLine(TextOf(node));
  return CountCodePoints(text) <= kMaxBylineChars && HasDigit(text) &&
         RE2::PartialMatch(text, *kOpening);
}

// The visible byline: "Name | Di, 21. April 2020 - 16:40", "Submitted by
// Name on Tue, 04/21/2020 - 16:40".
std::string BylineText(const GumboNode* item, const CommentScope& scope) {
  auto skip = [&scope](const GumboNode* n) { return scope(n) || IsCommentContent(n); };
  const GumboNode* byline = FindFirst(item, IsBylineBlock, skip);
  if (byline == nullptr) byline = FindFirst(item, IsUnmarkedByline, skip);
  if (byline == nullptr) return {};
  return OneLine(TextOf(byline, [](const GumboNode* n) {
    return IsHidden(n) || HasClass(n, "title") || HasClass(n, "links");
  }));
}

// "Name | date" (Drupal 7, 8) and "date — Name" (Drupal 6's Garland): the
// part on either side of the separator that holds no digits.
std::string AuthorBesideDate(const std::string& byline) {
  static const LazyRE2 kParts = {R"(^(.*?)\s*(?:\||\s\x{2014}|\s\x{2013})\s*(.*)$)"};
  std::string before;
  std::string after;
  if (!RE2::FullMatch(byline, *kParts, &before, &after)) return {};
  if (!before.empty() && !HasDigit(before) && HasDigit(after)) return before;
  if (!after.empty() && !HasDigit(after) && HasDigit(before)) return after;
  return {};
}

std::string AuthorFromByline(const std::string& byline) {
  // "Bloggat den 21 oktober, 2010 av Viktor": the name closes the line.
  static const LazyRE2 kClosingName = {
      R"((?i)\s(?:by|von|par|por|door|da|di|av|af)\s+([^\d,|:;]{1,60}?)\s*$)"};
  static const LazyRE2 kSubmitted = {
      R"((?i)(?:submitted|posted|written)?\s*(?:by|von|par|por|door|da|di|av)\s+(.+?)\s+(?:on|am|at|le|el|um|em|op|il|om|den)\s)"};
  std::string name;
  if (RE2::PartialMatch(byline, *kSubmitted, &name)) return std::string(TrimAscii(name));
  if (RE2::PartialMatch(byline, *kClosingName, &name)) return std::string(TrimAscii(name));
  return AuthorBesideDate(byline);
}

void ReadCommentAuthor(const PageContext& page, const GumboNode* item, const CommentScope& scope,
                       const std::string& byline, Comment* comment) {
  auto skip = [&scope](const GumboNode* n) {
    return scope(n) || IsHidden(n) || IsCommentContent(n);
  };
  const GumboNode* author = FindFirst(item, ClassIs("username"), skip);
  if (author == nullptr) {
    author = FindFirst(
        item,
        [](const GumboNode* n) {
          return HasAnyClass(n, {"comment__author", "comment-author"}) ||
                 AttrHasToken(n, "rel", "sioc:has_creator");
        },
        skip);
  }
  // Themes' own marks: "<em class=author>", "<a rel=author>" (HTML5 themes).
  if (author == nullptr) {
    author = FindFirst(
        item,
        [](const GumboNode* n) {
          return HasClass(n, "author") ||
                 (IsTag(n, GUMBO_TAG_A) && AttrHasToken(n, "rel", "author"));
        },
        skip);
    if (author != nullptr && OneLine(TextOf(author, IsHidden)).empty()) author = nullptr;
  }
  // An account link outside the text, where the theme marks no author.
  if (author == nullptr) author = FindFirst(item, IsAccountLink, skip);
  if (author == nullptr) {
    comment->author = AuthorFromByline(byline);
    RemoveNotVerified(&comment->author);
    return;
  }
  static const LazyRE2 kBy = {R"((?i)^(?:submitted\s+)?by:?\s+)"};
  // "NAME (not verified) says": the says-word after the mark comes off first.
  std::string name = WithoutSaysWord(OneLine(TextOf(author, IsHidden)));
  RE2::Replace(&name, *kBy, "");
  RemoveNotVerified(&name);
  comment->author = name;
  const GumboNode* link =
      IsTag(author, GUMBO_TAG_A) ? author : FindFirst(author, TagIs(GUMBO_TAG_A));
  if (link != nullptr) {
    std::string_view href = Attr(link, "href");
    if (!href.empty() && href[0] != '#') comment->author_url = AbsoluteUrl(page, href);
  }
}

// The visible date first: the RDFa one is often in UTC where the page
// shows local time. Where both say the same time, the RDFa one also says
// the zone.
std::string ReadCommentDate(const GumboNode* item, const CommentScope& scope,
                            const std::string& byline, DateOrder order) {
  auto skip = [&scope](const GumboNode* n) { return scope(n) || IsCommentContent(n); };
  const GumboNode* rdfa = FindFirst(item, IsRdfaDate, skip);
  const std::string stated = rdfa == nullptr ? std::string() : ParseDate(Attr(rdfa, "content"));
  std::string shown = ParseDate(byline, order);
  for (const GumboNode* node : FindAll(
           item,
           [](const GumboNode* n) {
             return IsTag(n, GUMBO_TAG_TIME) ||
                    HasAnyClass(n, {"comment__time", "comment-time", "comment-date", "date"});
           },
           skip)) {
    if (!shown.empty()) break;
    shown = ParseDate(Attr(node, "datetime"), order);
    if (shown.empty()) shown = ParseDate(OneLine(TextOf(node)), order);
  }
  if (shown.empty() || stated.starts_with(shown)) return stated;
  return shown;
}

// A content element that holds only the comment's subject link.
bool IsOnlyPermalink(const GumboNode* node) {
  const GumboNode* link = FindFirst(node, IsDrupalPermalink);
  return link != nullptr && TextOf(link) == TextOf(node);
}

std::string ReadCommentText(const GumboNode* item, const CommentScope& scope) {
  static const NodePredicate kFinders[] = {
      [](const GumboNode* n) {
        return AttrHasToken(n, "property", "schema:text") ||
               AttrHasToken(n, "property", "content:encoded");
      },
      [](const GumboNode* n) {
        return HasAnyClass(n, {"field--name-comment-body", "field-name-comment-body"}) &&
               !IsOnlyPermalink(n);
      },
      [](const GumboNode* n) {
        return HasAnyClass(n, {"comment__content", "comment-content", "content"});
      }};
  auto skip_text = [&scope](const GumboNode* n) {
    return scope(n) || IsHidden(n) || HasClass(n, "links") || IsDrupalPermalink(n);
  };
  for (const NodePredicate& find : kFinders) {
    if (const GumboNode* content = FindFirst(item, find, scope)) {
      return TextOf(content, skip_text);
    }
  }
  // Themes that wrap no element around the text: the comment's own
  // paragraphs, outside its byline ("<p class=submitted>").
  std::string text;
  for (const GumboNode* child : ElementChildren(item)) {
    if (!IsTag(child, GUMBO_TAG_P) && !IsTag(child, GUMBO_TAG_BLOCKQUOTE) &&
        !IsTag(child, GUMBO_TAG_PRE) && !IsTag(child, GUMBO_TAG_UL) &&
        !IsTag(child, GUMBO_TAG_OL)) {
      continue;
    }
    if (IsBylineBlock(child) || skip_text(child)) continue;
    std::string paragraph = TextOf(child, skip_text);
    if (paragraph.empty()) continue;
    if (!text.empty()) text += "\n\n";
    text += paragraph;
  }
  return text;
}

// The node's byline ("Submitted by X on DATE", "Von X am DATE"), for
// themes that mark neither the author nor the date.
std::string NodeBylineText(const GumboNode* node, const GumboNode* body) {
  const GumboNode* byline = FindFirst(
      node,
      [](const GumboNode* n) {
        return HasAnyClass(n, {"submitted", "node__meta", "node-meta", "meta"}) ||
               HasClassPrefix(n, "byline");
      },
      [body](const GumboNode* n) { return n == body || SkipWithinNode(n); });
  return byline == nullptr ? std::string() : OneLine(TextOf(byline, IsHidden));
}

// A block marked "comment" inside a comment is part of it, unless it sits
// in an .indented reply list that a theme put inside its parent.
bool IsPartOfAnotherComment(const GumboNode* item) {
  for (const GumboNode* up = item->parent; up != nullptr; up = up->parent) {
    if (HasClass(up, "indented")) return false;
    if (IsComment(up)) return true;
  }
  return false;
}

}  // namespace

bool FindDrupalPost(const PageContext& page, PostParts* parts) {
  const GumboNode* node = FindNode(page.root);
  if (node == nullptr) return false;
  parts->container = node;
  parts->body = FindNodeBody(node);
  parts->title = NodeTitle(page.root, node);
  parts->author = NodeAuthor(node, parts->body);
  parts->published = NodePublished(node, parts->body);
  if (parts->author.empty() || parts->published.empty()) {
    std::string byline = NodeBylineText(node, parts->body);
    if (parts->author.empty()) parts->author = AuthorFromByline(byline);
    if (parts->published.empty()) parts->published = ParseDate(byline, DrupalDateOrder(page));
  }
  return true;
}

void ExtractDrupalComments(const PageContext& page, std::vector<Comment>* comments,
                           std::vector<Trackback>*) {
  // Open threads, innermost last: (indent depth, comment id).
  std::vector<std::pair<int, std::string>> open;
  for (const GumboNode* item : FindAll(page.root, IsComment, IsForm)) {
    if (IsPartOfAnotherComment(item)) continue;
    CommentScope scope{item};
    std::string number = CommentNumberOf(item, scope);
    // Outside a comment area, only blocks that name themselves as comments.
    if (number.empty() && !InCommentArea(item)) continue;
    Comment comment;
    comment.position = static_cast<int>(comments->size()) + 1;
    comment.id =
        number.empty() ? "position-" + std::to_string(comment.position) : "comment-" + number;
    if (!number.empty()) comment.permalink = page.post_url + "#" + comment.id;
    std::string byline = BylineText(item, scope);
    ReadCommentAuthor(page, item, scope, byline, &comment);
    comment.published = ReadCommentDate(item, scope, byline, DrupalDateOrder(page));
    comment.text = ReadCommentText(item, scope);

    int depth = IndentDepth(item);
    while (!open.empty() && open.back().first >= depth) open.pop_back();
    std::string parent = ExplicitParent(item, scope);
    if (!parent.empty() && parent != number) {
      comment.parent_id = "comment-" + parent;
    } else if (!open.empty()) {
      comment.parent_id = open.back().second;
    }
    open.emplace_back(depth, comment.id);
    comments->push_back(std::move(comment));
  }
}

}  // namespace linkgraph::parsers
