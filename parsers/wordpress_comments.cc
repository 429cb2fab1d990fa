// WordPress comment lists: <ol class="commentlist"> (2.x themes) and
// <ol class="comment-list"> (3.x+), items li.comment / li.pingback /
// li.trackback or li#comment-N, replies in ul.children inside the item they
// answer, pingbacks inline or in a list of their own.
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_set>

#include "parsers/dates.h"
#include "parsers/extractors.h"
#include "parsers/text_util.h"
#include "parsers/urls.h"

namespace linkgraph::parsers {
namespace {

bool IdIsAny(const GumboNode* node, std::initializer_list<std::string_view> ids) {
  std::string_view id = Id(node);
  for (std::string_view candidate : ids) {
    if (EqualsIgnoreCase(id, candidate)) return true;
  }
  return false;
}

// A list or box named for pings ("trackbacks_box", "ul.trackback",
// "pingbacks-list"): a root of its own beside the comments' list.
bool IsNamedForPings(const GumboNode* node) {
  static constexpr std::string_view kPingParts[] = {"trackback", "trackbacks", "pingback",
                                                    "pingbacks", "pings"};
  auto named = [](std::string_view name) { return HasNamePart(name, kPingParts); };
  return named(Id(node)) || AnyClassToken(node, named);
}

bool IsListRoot(const GumboNode* node) {
  if (!IsTag(node, GUMBO_TAG_OL) && !IsTag(node, GUMBO_TAG_UL) && !IsTag(node, GUMBO_TAG_DIV) &&
      !IsTag(node, GUMBO_TAG_DL) && !IsTag(node, GUMBO_TAG_SECTION)) {
    return false;
  }
  if (IsNamedForPings(node)) return true;
  return HasAnyClass(node, {"commentlist", "comment-list", "comments-list", "commentslist",
                            "pinglist", "trackbacklist", "pingbacklist", "ping-list",
                            "comment_list", "comments_list"}) ||
         IdIsAny(node, {"commentlist", "comment-list", "comments-list", "commentslist",
                        "comment_list", "comments_list", "dsq-comments", "pinglist"});
}

bool IsPingbackRoot(const GumboNode* node) {
  return ContainsIgnoreCase(Id(node), "ping") || ContainsIgnoreCase(Id(node), "trackback") ||
         HasClassPrefix(node, "ping") || HasClassPrefix(node, "trackback");
}

// The N of an id "comment-N" or "li-comment-N"; "" otherwise.
std::string CommentNumber(std::string_view id) {
  static const LazyRE2 kCommentId = {R"((?:li-)?comment-(\d+))"};
  std::string number;
  if (RE2::FullMatch(re2::StringPiece(id.data(), id.size()), *kCommentId, &number)) return number;
  return {};
}

// Some themes wrap each paragraph of a comment's text, and its reply button,
// in a <div class="comment">: a block of prose with no byline of its own.
bool IsParagraphWrapper(const GumboNode* node) {
  if (!IsTag(node, GUMBO_TAG_DIV) || !Id(node).empty()) return false;
  std::vector<const GumboNode*> children = ElementChildren(node);
  return std::all_of(children.begin(), children.end(), [](const GumboNode* child) {
    return IsTag(child, GUMBO_TAG_P) || IsTag(child, GUMBO_TAG_BLOCKQUOTE) ||
           IsTag(child, GUMBO_TAG_PRE) || HasClass(child, "reply");
  });
}

bool IsCommentItem(const GumboNode* node) {
  // Thesis-style lists pair <dt class="comment"> (who, when) with a <dd>.
  bool item_tag =
      IsTag(node, GUMBO_TAG_LI) || IsTag(node, GUMBO_TAG_ARTICLE) || IsTag(node, GUMBO_TAG_DT);
  if (!item_tag && !IsTag(node, GUMBO_TAG_DIV)) return false;
  if (HasAnyClass(node, {"comment", "pingback", "trackback"})) return !IsParagraphWrapper(node);
  return item_tag && !CommentNumber(Id(node)).empty();
}

bool IsLinkbackItem(const GumboNode* node, bool in_pingback_root) {
  return HasAnyClass(node, {"pingback", "trackback"}) ||
         (in_pingback_root && !HasClass(node, "comment"));
}

struct ItemScope {
  const GumboNode* item;
  // Inside an item, nested items and reply lists belong to other comments.
  bool operator()(const GumboNode* node) const {
    return node != item && (IsCommentItem(node) || HasClass(node, "children"));
  }
};

NodePredicate AnyClassOf(std::initializer_list<std::string_view> tokens) {
  std::vector<std::string> owned(tokens.begin(), tokens.end());
  return [owned](const GumboNode* node) { return HasAnyClass(node, owned); };
}

std::string CommentIdOf(const GumboNode* item, const ItemScope& scope) {
  std::string number = CommentNumber(Id(item));
  if (number.empty()) {
    const GumboNode* inner = FindFirst(
        item, [](const GumboNode* n) { return !CommentNumber(Id(n)).empty(); }, scope);
    if (inner != nullptr) number = CommentNumber(Id(inner));
  }
  if (number.empty()) {
    static const LazyRE2 kAnchor = {R"(#comment-(\d+)$)"};
    for (const GumboNode* link : FindAll(item, TagIs(GUMBO_TAG_A), scope)) {
      std::string_view href = Attr(link, "href");
      if (RE2::PartialMatch(re2::StringPiece(href.data(), href.size()), *kAnchor, &number)) break;
    }
  }
  if (!number.empty()) return "comment-" + number;
  // The item's own permalink, rel=bookmark ("#forum81145"), names it.
  return FragmentOfRelLink(item, scope, "bookmark");
}

bool IsBylineOrButton(const GumboNode* node);
const NodePredicate& NotCommentText();

// Whether the children of element before the index-th hold no text (an
// avatar, blank lines): what comes at index opens the element's text.
bool OpensText(const GumboNode* element, unsigned index) {
  const GumboVector& children = element->v.element.children;
  for (unsigned i = 0; i < index; ++i) {
    if (!TrimAscii(TextOf(static_cast<const GumboNode*>(children.data[i]))).empty()) return false;
  }
  return true;
}

// A link or bold name right after by-words ("Submitted by <a>Name</a> on
// ...", "By <strong>Name</strong> on DATE"), the way Drupal and many old
// themes name a commenter: on a byline's short line or as the comment's
// opening words, not in its text ("powered by <a>Blogger</a>").
const GumboNode* NameAfterByWords(const GumboNode* item, const ItemScope& scope) {
  static const LazyRE2 kByWords = {R"((?i)(?:^|\s)by\s*:?\s*$)"};
  std::vector<const GumboNode*> elements{item};
  for (const GumboNode* element : FindAll(
           item, [&scope](const GumboNode* n) { return !scope(n); }, scope)) {
    elements.push_back(element);
  }
  for (const GumboNode* element : elements) {
    const bool short_line = CountCodePoints(TextOf(element)) <= kMaxBylineChars;
    const GumboVector& children = element->v.element.children;
    for (unsigned i = 0; i + 1 < children.length; ++i) {
      const auto* text = static_cast<const GumboNode*>(children.data[i]);
      const auto* next = static_cast<const GumboNode*>(children.data[i + 1]);
      const bool name_tag =
          IsTag(next, GUMBO_TAG_A) || IsTag(next, GUMBO_TAG_STRONG) || IsTag(next, GUMBO_TAG_B);
      const bool opens_comment = element == item && OpensText(element, i);
      if (text->type == GUMBO_NODE_TEXT && name_tag && (short_line || opens_comment) &&
          RE2::PartialMatch(text->v.text.text, *kByWords)) {
        return next;
      }
    }
  }
  return nullptr;
}

// A link to the comment itself, on this page or by the post's whole
// address ("index.html#comment-2874", rel=bookmark).
bool IsPermalink(const GumboNode* link) {
  std::string_view href = Attr(link, "href");
  return href.starts_with('#') || AttrHasToken(link, "rel", "bookmark") ||
         !CommentNumber(FragmentOf(href)).empty();
}

// Digits are part of many names ("jacker8888", "Richard Marx 88"), and
// all of a comment's number ("#10", "10.") or its date.
bool IsNumberOrDate(const std::string& text) {
  if (!HasDigit(text)) return false;
  const auto first = static_cast<unsigned char>(text.front());
  return std::isdigit(first) || text.find('#') != std::string::npos ||
         !ParseDate(text, DateOrder::kDayFirst).empty() ||
         !ParseDate(text, DateOrder::kMonthFirst).empty();
}

// A name-like element in the comment's byline block: <strong>, <b>, a
// heading or a link that is not the permalink, and no number or date. A
// <dt> item is all byline: its text is the <dd>.
const GumboNode* NameInBylineBlock(const GumboNode* item, const ItemScope& scope) {
  std::vector<const GumboNode*> bylines = FindAll(item, IsBylineOrButton, scope);
  if (IsTag(item, GUMBO_TAG_DT)) bylines.insert(bylines.begin(), item);
  for (const GumboNode* byline : bylines) {
    const GumboNode* name = FindFirst(
        byline,
        [](const GumboNode* n) {
          if (!IsTag(n, GUMBO_TAG_STRONG) && !IsTag(n, GUMBO_TAG_B) && !IsTag(n, GUMBO_TAG_A) &&
              !IsHeading(n)) {
            return false;
          }
          std::string_view href = Attr(n, "href");
          const std::string text = OneLine(TextOf(n));
          return !(IsTag(n, GUMBO_TAG_A) && (href.empty() || IsPermalink(n))) && !text.empty() &&
                 text.size() < 80 && !IsNumberOrDate(text);
        },
        scope);
    if (name != nullptr) return name;
  }
  return nullptr;
}

// Inside a quotation or a paragraph of a comment's text, not its byline's
// short line ("<p class=sig>— <cite>NAME</cite>"): a long paragraph, or one
// whose words around node make a sentence ("This is why the article says:
// <cite>...</cite>").
bool InTextParagraph(const GumboNode* node) {
  constexpr size_t kMaxWordsAroundName = 2;
  for (const GumboNode* up = node->parent; up != nullptr; up = up->parent) {
    if (IsTag(up, GUMBO_TAG_BLOCKQUOTE)) return true;
    if (!IsTag(up, GUMBO_TAG_P) || IsBylineOrButton(up)) continue;
    if (CountCodePoints(TextOf(up)) > kMaxBylineChars) return true;
    const std::string around = TextOf(up, [node](const GumboNode* n) { return n == node; });
    if (CountWords(around) > kMaxWordsAroundName) return true;
  }
  return false;
}

// A bold name a theme marks only by the says-word after it: "<strong><a
// href=...>NAME</a></strong> sagte," straight in the item.
const GumboNode* NameBeforeSaysWord(const GumboNode* item, const ItemScope& scope) {
  const auto bold = [&scope](const GumboNode* n) {
    return !scope(n) && (IsTag(n, GUMBO_TAG_STRONG) || IsTag(n, GUMBO_TAG_B));
  };
  for (const GumboNode* name : FindAll(item, bold, scope)) {
    const GumboNode* parent = name->parent;
    const GumboVector& siblings = parent->v.element.children;
    for (unsigned i = name->index_within_parent + 1; i < siblings.length; ++i) {
      const auto* next = static_cast<const GumboNode*>(siblings.data[i]);
      if (next->type == GUMBO_NODE_WHITESPACE || next->type == GUMBO_NODE_COMMENT) continue;
      if (next->type == GUMBO_NODE_TEXT && IsSaysWord(next->v.text.text) &&
          !OneLine(TextOf(name)).empty()) {
        return name;
      }
      break;
    }
  }
  return nullptr;
}

const GumboNode* AuthorNode(const GumboNode* item, const ItemScope& scope) {
  // The commenter's card: its .fn, else the card ("by X" comes off the
  // name later); an .fn outside it names something else (SPIP marks the
  // post's title "url fn").
  if (const GumboNode* card = FindFirst(item, ClassIs("vcard"), scope)) {
    if (const GumboNode* name = FindFirst(card, ClassIs("fn"), scope)) return name;
    const std::string text = OneLine(TextOf(card));
    constexpr size_t kMaxCardNameBytes = 100;
    if (!text.empty() && text.size() < kMaxCardNameBytes) return card;
  }
  // Most specific first.
  static const NodePredicate kAuthorFinders[] = {
      AnyClassOf({"fn"}),
      // Not a title cited in the text ("I liked <cite>Vimanarama</cite>").
      [](const GumboNode* n) { return IsTag(n, GUMBO_TAG_CITE) && !InTextParagraph(n); },
      AnyClassOf({"comment-author", "commentauthor", "comment_author", "comment-author-name",
                  "author", "comment_name", "comment-name", "name"}),
      TagAndClass(GUMBO_TAG_A, "url"),
      // Names themes give their own way: "auth-name", "commenter_name",
      // "username", "comment-from" (HubSpot), "autor" (most European
      // languages' word), "comment-author-vcard"; not WordPress's flags on
      // a whole comment block ("bypostauthor", "comment-author-admin").
      [](const GumboNode* n) {
        const bool comment_block = HasAnyClass(n, {"comment", "byuser", "bypostauthor"});
        return AnyClassToken(n, [comment_block](std::string_view token) {
          return ((ContainsIgnoreCase(token, "name") || ContainsIgnoreCase(token, "author") ||
                   ContainsIgnoreCase(token, "autor")) &&
                  !ContainsIgnoreCase(token, "avatar") && !ContainsIgnoreCase(token, "url") &&
                  !StartsWithIgnoreCase(token, "by") &&
                  !(comment_block && StartsWithIgnoreCase(token, "comment-author-"))) ||
                 EqualsIgnoreCase(token, "from") || EndsWithIgnoreCase(token, "-from") ||
                 EndsWithIgnoreCase(token, "_from");
        });
      }};
  // An empty element of the kind (a layout's blank <cite>) names no one;
  // the item itself is no name, whatever flags its classes carry.
  for (const NodePredicate& find : kAuthorFinders) {
    const auto named = [&find, item](const GumboNode* n) {
      return n != item && find(n) && !OneLine(TextOf(n)).empty();
    };
    if (const GumboNode* node = FindFirst(item, named, scope)) return node;
  }
  if (const GumboNode* name = NameAfterByWords(item, scope)) return name;
  if (const GumboNode* name = NameInBylineBlock(item, scope)) return name;
  if (const GumboNode* name = NameBeforeSaysWord(item, scope)) return name;
  // A byline line in plain words, after the text or before it: "Comment by
  // NAME — October 28, 2010" (the label and the date come off the name).
  const auto is_comment_by = [](const GumboNode* n) {
    const std::string text = OneLine(TextOf(n));
    return CountCodePoints(text) <= kMaxBylineChars && OpensWithByLabel(text);
  };
  // The innermost such line: "<p><small>Comment by ...</small></p>".
  const GumboNode* line = FindFirst(item, is_comment_by, scope);
  for (const GumboNode* inner = line; inner != nullptr;
       inner =
           FindFirst(inner, [&](const GumboNode* n) { return n != inner && is_comment_by(n); })) {
    line = inner;
  }
  if (line != nullptr) return line;
  // Themes that head a comment "Name Said," or "Comment by Name".
  return FindFirst(
      item,
      [](const GumboNode* n) {
        if (!IsHeading(n) && !IsTag(n, GUMBO_TAG_STRONG) && !IsTag(n, GUMBO_TAG_B) &&
            !IsTag(n, GUMBO_TAG_SPAN)) {
          return false;
        }
        const std::string text = OneLine(TextOf(n));
        if (text.size() >= 100) return false;
        const std::string name = WithoutSaysWord(text);
        return !name.empty() && name != TrimAscii(text);
      },
      scope);
}

// The name and link of author, the element AuthorNode found.
void ReadAuthor(const PageContext& page, const GumboNode* author, std::string* name,
                std::string* url) {
  if (author == nullptr) return;
  // Not the permalink or date some themes put inside the name's element
  // ("<small>06/03/2011 &#8212; <a href=#comment-163>13:53</a></small>").
  *name = WithoutSaysWord(OneLine(TextOf(author, [author](const GumboNode* n) {
    return n != author && (IsTag(n, GUMBO_TAG_TIME) || (IsTag(n, GUMBO_TAG_A) && IsPermalink(n)) ||
                           HasClass(n, "comment-reply-link") ||
                           AnyClassToken(n,
                                         [](std::string_view token) {
                                           return ContainsIgnoreCase(token, "date") ||
                                                  ContainsIgnoreCase(token, "time");
                                         }) ||
                           // A date in either order: its order does not matter here.
                           (IsTag(n, GUMBO_TAG_SMALL) &&
                            !ParseDate(OneLine(TextOf(n)), DateOrder::kDayFirst).empty()));
  })));
  const GumboNode* link =
      IsTag(author, GUMBO_TAG_A) ? author : FindFirst(author, TagIs(GUMBO_TAG_A));
  if (link != nullptr) {
    std::string_view href = Attr(link, "href");
    if (!href.empty() && href[0] != '#') *url = AbsoluteUrl(page, href);
  }
}

bool IsContent(const GumboNode* node) {
  static const NodePredicate kContent =
      AnyClassOf({"comment-content", "comment-text", "comment-entry", "commenttext", "comment_text",
                  "comment_content", "comment-body-text", "commententry", "comment_entry",
                  "comment-entry-content", "comment_body", "dsq-comment-message"});
  if (kContent(node)) return true;
  // WordPress's "comment-body" holds the whole comment, byline and all;
  // LiveJournal's and others' hold its words only.
  return HasClass(node, "comment-body") && FindFirst(node, [](const GumboNode* n) {
                                             return NotCommentText()(n) ||
                                                    HasAnyClass(n, {"fn", "comment-author"}) ||
                                                    IsTag(n, GUMBO_TAG_CITE);
                                           }) == nullptr;
}

std::string ReadDate(const GumboNode* item, const ItemScope& scope, DateOrder order) {
  if (const GumboNode* time = FindFirst(item, TagIs(GUMBO_TAG_TIME), scope)) {
    std::string date = ParseDate(Attr(time, "datetime"), order);
    if (date.empty()) date = ParseDate(OneLine(TextOf(time)), order);
    if (!date.empty()) return date;
  }
  static const NodePredicate kIsMeta =
      AnyClassOf({"comment-meta", "commentmetadata", "comment-date", "comment-time", "comment_date",
                  "comment-info", "commentinfo", "comment-metadata", "date", "published",
                  "comment-datetime", "cmtinfo", "comment-meta-time", "comment_time"});
  for (const GumboNode* meta : FindAll(item, kIsMeta, scope)) {
    std::string date = ParseDate(Attr(meta, "title"), order);
    if (date.empty()) date = ParseDate(OneLine(TextOf(meta)), order);
    if (!date.empty()) return date;
  }
  // The comment's own permalink, titled with its date ("April 15, 2008 @
  // 12:37 pm") or showing it ("17.03.2009, 8:12").
  for (const GumboNode* link : FindAll(item, TagIs(GUMBO_TAG_A), scope)) {
    const std::string fragment = FragmentOf(Attr(link, "href"));
    if (fragment.empty() || (fragment != Id(item) && CommentNumber(fragment).empty())) continue;
    if (std::string date = ParseDate(Attr(link, "title"), order); !date.empty()) return date;
    if (std::string date = ParseDate(OneLine(TextOf(link)), order); !date.empty()) return date;
  }
  // Themes that print the date in an unmarked <small> beside the author.
  return ParseDate(
      OneLine(TextOf(item, [&](const GumboNode* node) { return scope(node) || IsContent(node); })),
      order);
}

const NodePredicate& NotCommentText() {
  static const NodePredicate kNotText = AnyClassOf(
      {"comment-author", "comment-meta", "commentmetadata", "reply", "comment-reply-link", "vcard",
       "says", "comment-awaiting-moderation", "comment-info", "commentinfo", "comment-metadata",
       "comment-footer", "comment-actions", "comment-edit-link", "cm-meta", "comment_meta",
       "comment_num", "commentnum", "sig"});
  return kNotText;
}

// Bylines, dates and buttons of themes that name them their own way
// ("commentmeta", "commenttitle", "comment-head"): a class with one of
// these words, on an element that is not the text itself.
bool IsBylineOrButton(const GumboNode* node) {
  if (IsContent(node)) return false;
  return AnyClassToken(node, [](std::string_view token) {
    for (std::string_view word : {"meta", "author", "reply", "date", "time", "title", "head",
                                  "avatar", "gravatar", "says", "permalink", "edit", "vote"}) {
      if (ContainsIgnoreCase(token, word)) return true;
    }
    return false;
  });
}

// Whether an element between node and item (exclusive) matches.
template <typename Predicate>
bool HasExcludedAncestor(const GumboNode* node, const GumboNode* item, const Predicate& excluded) {
  for (const GumboNode* up = node->parent; up != nullptr && up != item; up = up->parent) {
    if (excluded(up)) return true;
  }
  return false;
}

// "@Name" linked to the comment it answers ("@ Reply" plugins, replies
// written by hand): a link to an anchor of this page that opens the text.
std::string OpeningReplyAnchor(const GumboNode* item, const ItemScope& scope,
                               std::string_view text) {
  const GumboNode* body =
      IsTag(item, GUMBO_TAG_DT) ? NextElementSibling(item) : FindFirst(item, IsContent, scope);
  if (body == nullptr) body = item;
  const GumboNode* link = FindFirst(body, TagIs(GUMBO_TAG_A), scope);
  if (link == nullptr) return {};
  std::string_view href = Attr(link, "href");
  const std::string shown = OneLine(TextOf(link));
  if (href.empty() || href[0] != '#' || shown.empty() || !OneLine(text).starts_with(shown)) {
    return {};
  }
  return FragmentOf(href);
}

std::string ReadText(const GumboNode* item, const ItemScope& scope) {
  if (IsTag(item, GUMBO_TAG_DT)) {
    const GumboNode* dd = NextElementSibling(item);
    return IsTag(dd, GUMBO_TAG_DD) ? TextOf(dd) : std::string();
  }
  const GumboNode* content = FindFirst(item, IsContent, scope);
  if (content != nullptr) return CommentBodyText(content);
  auto excluded = [&](const GumboNode* node) {
    return scope(node) || NotCommentText()(node) || IsBylineOrButton(node) ||
           IsTag(node, GUMBO_TAG_CITE) || IsHeading(node);
  };
  // Old themes put the text in bare paragraphs beside the author and meta.
  std::string text;
  for (const GumboNode* block : FindAll(
           item,
           [](const GumboNode* n) {
             return IsTag(n, GUMBO_TAG_P) || IsTag(n, GUMBO_TAG_BLOCKQUOTE) ||
                    IsTag(n, GUMBO_TAG_PRE);
           },
           [&](const GumboNode* n) {
             return excluded(n) || IsTag(n, GUMBO_TAG_P) || IsTag(n, GUMBO_TAG_BLOCKQUOTE) ||
                    IsTag(n, GUMBO_TAG_PRE);
           })) {
    if (excluded(block) || HasExcludedAncestor(block, item, excluded)) continue;
    std::string paragraph = TextOf(block);
    if (paragraph.empty()) continue;
    if (!text.empty()) text += "\n\n";
    text += paragraph;
  }
  if (!text.empty()) return text;
  return TextOf(item, excluded);
}

void ReadLinkback(const PageContext& page, const GumboNode* item, const ItemScope& scope,
                  Trackback* trackback) {
  for (const GumboNode* link : FindAll(item, TagIs(GUMBO_TAG_A), scope)) {
    std::string_view href = Attr(link, "href");
    if (href.empty() || href[0] == '#' || ContainsIgnoreCase(href, "#comment-")) continue;
    // An icon's link is a theme's button (collapse, reply), not the citing page.
    std::string title = OneLine(TextOf(link));
    if (title.empty()) continue;
    std::string url = AbsoluteUrl(page, href);
    if (url.empty()) continue;
    trackback->source_url = url;
    trackback->title = std::move(title);
    break;
  }
  trackback->published = ReadDate(item, scope, page.date_order);
  const GumboNode* dd = IsTag(item, GUMBO_TAG_DT) ? NextElementSibling(item) : nullptr;
  if (trackback->published.empty() && IsTag(dd, GUMBO_TAG_DD)) {
    trackback->published = ParseDate(OneLine(TextOf(dd)), page.date_order);
  }
  trackback->kind = HasClass(item, "pingback") || ContainsIgnoreCase(TextOf(item), "pingback")
                        ? LinkbackKind::kPingback
                        : LinkbackKind::kTrackback;
}

// A link to a page of a site rather than to the site: a path of two or
// more steps ("/2009/07/slug", "/blog/index.php/110-title") or a query.
bool LinksToAPage(const std::string& url) {
  const std::string root = NormalSiteRootOf(url);
  if (root.empty() || url.size() <= root.size()) return false;
  std::string_view path = std::string_view(url).substr(root.size());
  if (path.find('?') != std::string_view::npos) return true;
  const size_t first_step_end = path.find('/');
  return first_step_end != std::string_view::npos && first_step_end + 1 < path.size();
}

// WordPress shows a trackback it received as a comment: the citing blog's
// name linked to the citing post, and the post's title in bold over its
// excerpt as the text ("<p><strong>TITLE</strong></p><p>EXCERPT</p>").
bool IsTrackbackShownAsComment(const PageContext& page, const GumboNode* item,
                               const ItemScope& scope, const GumboNode* author) {
  const GumboNode* link =
      IsTag(author, GUMBO_TAG_A) ? author : FindFirst(author, TagIs(GUMBO_TAG_A));
  if (link == nullptr || !LinksToAPage(AbsoluteUrl(page, Attr(link, "href")))) return false;
  // The text's paragraphs, not the byline's.
  const auto paragraph = [&scope, author](const GumboNode* n) {
    return IsTag(n, GUMBO_TAG_P) && !scope(n) && !IsBylineOrButton(n) && !Contains(n, author) &&
           !OneLine(TextOf(n)).empty();
  };
  const std::vector<const GumboNode*> paragraphs = FindAll(item, paragraph, scope);
  if (paragraphs.size() < 2) return false;
  const GumboNode* title = FindFirst(paragraphs.front(), [](const GumboNode* n) {
    return IsTag(n, GUMBO_TAG_STRONG) || IsTag(n, GUMBO_TAG_B);
  });
  return title != nullptr && OneLine(TextOf(title)) == OneLine(TextOf(paragraphs.front()));
}

// A text that is only its kind's label: "(pingback)", "Trackback".
std::optional<LinkbackKind> LinkbackLabel(std::string_view text) {
  std::string_view label = TrimAscii(text);
  if (label.size() >= 2 && label.front() == '(' && label.back() == ')') {
    label = TrimAscii(label.substr(1, label.size() - 2));
  }
  if (EqualsIgnoreCase(label, "pingback")) return LinkbackKind::kPingback;
  if (EqualsIgnoreCase(label, "trackback")) return LinkbackKind::kTrackback;
  return std::nullopt;
}

// An item whose label says what it is: "Pingback: <a>", "pingback at
// <date>", "Trackback by <a>", on a short line of its own.
bool LabelledLinkback(const GumboNode* item, const ItemScope& scope) {
  constexpr size_t kMaxLabelLineBytes = 60;
  // A link that says "TrackBack" points at something; it labels nothing.
  auto labelled = [](const GumboNode* n) {
    if (IsTag(n, GUMBO_TAG_A)) return false;
    const GumboVector& children = n->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type == GUMBO_NODE_WHITESPACE) continue;
      if (child->type != GUMBO_NODE_TEXT) return false;
      std::string_view text = TrimAscii(child->v.text.text);
      for (std::string_view label : {"pingback", "trackback"}) {
        if (!StartsWithIgnoreCase(text, label)) continue;
        const bool word_ends = text.size() == label.size() ||
                               !std::isalpha(static_cast<unsigned char>(text[label.size()]));
        if (word_ends) {
          return TextOf(n).size() <= kMaxLabelLineBytes || IsTag(n, GUMBO_TAG_LI) ||
                 IsTag(n, GUMBO_TAG_DIV);
        }
      }
      return false;
    }
    return false;
  };
  return labelled(item) || FindFirst(item, labelled, scope) != nullptr;
}

// WordPress.com's reblog, shown as a comment: "Reblogged this on <a
// href=post>Blog</a> and commented: ..." ("Rebloggé sur", "Reblogueó esto
// en" in other languages). The reblogging post links to this one as a
// pingback would.
bool ReadReblog(const PageContext& page, const GumboNode* item, const ItemScope& scope,
                const GumboNode* author, std::string_view text, Trackback* reblog) {
  if (!StartsWithIgnoreCase(TrimAscii(text), "reblog")) return false;
  const GumboNode* content = FindFirst(item, IsContent, scope);
  // The link in "Reblogged this on <a>BLOG</a>": not the reblogger's name,
  // the comment's permalink or a button, where no element holds the text.
  const GumboNode* link = FindFirst(
      content != nullptr ? content : item,
      [author, item](const GumboNode* n) {
        if (!IsTag(n, GUMBO_TAG_A) || Attr(n, "href").empty() || IsPermalink(n) ||
            Contains(author, n)) {
          return false;
        }
        for (const GumboNode* up = n->parent; up != nullptr && up != item; up = up->parent) {
          if (IsBylineOrButton(up)) return false;
        }
        return true;
      },
      scope);
  if (link == nullptr) return false;
  reblog->id = CommentIdOf(item, scope);
  reblog->source_url = AbsoluteUrl(page, Attr(link, "href"));
  reblog->title = OneLine(TextOf(link));
  reblog->published = ReadDate(item, scope, page.date_order);
  reblog->kind = LinkbackKind::kPingback;
  return !reblog->source_url.empty();
}

// Themes indent replies with a class; deeper levels are not believed.
constexpr int kMaxIndentationDepth = 64;

// N of an item's "depth-N" class, or -1.
int IndentationDepth(const GumboNode* item) {
  int depth = -1;
  AnyClassToken(item, [&depth](std::string_view token) {
    if (!StartsWithIgnoreCase(token, "depth-") || token.size() > 8) return false;
    int value = 0;
    for (char c : token.substr(6)) {
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    depth = token.size() > 6 ? value : -1;
    return depth >= 0;
  });
  return depth;
}

// An <a name="comment-N"> (or id) in the item, before any nested list.
bool HoldsCommentAnchor(const GumboNode* item) {
  const auto anchor = [](const GumboNode* n) {
    return IsTag(n, GUMBO_TAG_A) &&
           (!CommentNumber(Attr(n, "name")).empty() || !CommentNumber(Id(n)).empty());
  };
  const auto nested_list = [](const GumboNode* n) {
    return IsTag(n, GUMBO_TAG_UL) || IsTag(n, GUMBO_TAG_OL);
  };
  return FindFirst(item, anchor, nested_list) != nullptr;
}

class CommentWalker {
 public:
  CommentWalker(const PageContext& page, std::vector<Comment>* comments,
                std::vector<Trackback>* trackbacks)
      : page_(page), comments_(comments), trackbacks_(trackbacks), base_(comments->size()) {}

  void WalkRoot(const GumboNode* root) {
    root_ = root;
    const size_t first = comments_->size();
    Walk(root, "", IsPingbackRoot(root));
    NameFromSiblings(first);
  }

 private:
  // Depth is bounded by the depth guard ExtractPage runs before parsing.
  void Walk(const GumboNode* node, const std::string& parent_id, bool in_pingback_root) {
    std::string previous_sibling_id;
    // Flat lists thread by indentation classes alone: a "depth-2" item
    // answers the last "depth-1" item before it among its siblings.
    std::vector<std::string> last_at_depth;
    for (const GumboNode* child : ElementChildren(node)) {
      // Broken markup closes an item before its reply list (Disqus's
      // fallback does), and some templates put the list beside the item
      // (SPIP's li > div.comment + ul): the replies answer the item just
      // before them.
      const bool reply_list =
          HasClass(child, "children") || IsTag(child, GUMBO_TAG_UL) || IsTag(child, GUMBO_TAG_OL);
      if (reply_list && !IsCommentItem(child) && !previous_sibling_id.empty()) {
        Walk(child, previous_sibling_id, in_pingback_root);
        continue;
      }
      // Lists of pings often mark their items with no class at all, and so
      // do old themes their comment list's items (li.graybox, li.alt), which
      // hold the comment's anchor (<a name="comment-25">).
      const bool list_item =
          IsTag(child, GUMBO_TAG_LI) &&
          (in_pingback_root || (node == root_ && IsListRoot(node) && HoldsCommentAnchor(child)));
      const bool bare_item =
          IsRootsOwnList(node) && (list_item || (in_pingback_root && IsTag(child, GUMBO_TAG_DT)));
      if (!IsCommentItem(child) && !bare_item) {
        Walk(child, parent_id, in_pingback_root);
        continue;
      }
      // A root inside another root's items is walked twice: each item once.
      if (!read_.insert(child).second) continue;
      ItemScope scope{child};
      if (IsLinkbackItem(child, in_pingback_root) || LabelledLinkback(child, scope)) {
        Trackback trackback;
        trackback.id = CommentIdOf(child, scope);
        ReadLinkback(page_, child, scope, &trackback);
        if (!trackback.source_url.empty()) trackbacks_->push_back(std::move(trackback));
        Walk(child, parent_id, in_pingback_root);
        continue;
      }
      std::string text = ReadText(child, scope);
      const GumboNode* author = AuthorNode(child, scope);
      // A linkback shown as a comment may have replies: they are read.
      if (Trackback reblog; ReadReblog(page_, child, scope, author, text, &reblog)) {
        trackbacks_->push_back(std::move(reblog));
        Walk(child, parent_id, in_pingback_root);
        continue;
      }
      const bool shown_trackback = IsTrackbackShownAsComment(page_, child, scope, author);
      if (std::optional<LinkbackKind> labelled = LinkbackLabel(text);
          IsPingbackExcerpt(text) || labelled || shown_trackback) {
        Trackback pingback;
        pingback.id = CommentIdOf(child, scope);
        ReadLinkback(page_, child, scope, &pingback);
        pingback.kind =
            labelled.value_or(shown_trackback ? LinkbackKind::kTrackback : LinkbackKind::kPingback);
        if (!pingback.source_url.empty()) {
          trackbacks_->push_back(std::move(pingback));
          Walk(child, parent_id, in_pingback_root);
          continue;
        }
      }
      Comment comment;
      ReadAuthor(page_, author, &comment.author, &comment.author_url);
      // A wrapper around the comment proper (li.comment > div.comment) has
      // neither author nor text of its own: the comment is inside.
      if (comment.author.empty() && TrimAscii(text).empty()) {
        Walk(child, parent_id, in_pingback_root);
        continue;
      }
      comment.text = std::move(text);
      comment.id = CommentIdOf(child, scope);
      // On the post, not on this comment page: comments move between pages
      // as new ones arrive, and REST comments name the post the same way.
      comment.permalink = comment.id.empty() ? std::string() : page_.post_url + "#" + comment.id;
      comment.published = ReadDate(child, scope, page_.date_order);
      const int depth = IndentationDepth(child);
      comment.parent_id = parent_id;
      // rel=in-reply-to (microformats; SPIP's "^" link) names the parent.
      if (std::string replied_to = FragmentOfRelLink(child, scope, "in-reply-to");
          !replied_to.empty() && replied_to != comment.id) {
        comment.parent_id = replied_to;
      }
      if (comment.parent_id.empty() && depth <= 0)
        comment.parent_id = EarlierComment(OpeningReplyAnchor(child, scope, comment.text));
      if (depth > 0 && static_cast<size_t>(depth) <= last_at_depth.size() &&
          !last_at_depth[depth - 1].empty()) {
        comment.parent_id = last_at_depth[depth - 1];
      }
      comment.position = static_cast<int>(comments_->size()) + 1;
      // Replies need something to point at even where the theme gives no id.
      if (comment.id.empty()) comment.id = "position-" + std::to_string(comment.position);
      std::string id = comment.id;
      previous_sibling_id = id;
      if (depth >= 0 && depth < kMaxIndentationDepth) {
        last_at_depth.resize(std::max(last_at_depth.size(), static_cast<size_t>(depth) + 1));
        last_at_depth[depth] = id;
        last_at_depth.resize(depth + 1);  // a deeper item answers this one, not an earlier
      }
      items_.push_back({child, comment.author.empty() ? nullptr : author});
      comments_->push_back(std::move(comment));
      read_ids_.insert(id);
      Walk(child, id, in_pingback_root);
    }
  }

  // The root itself, or the outermost list in a box named for pings: where
  // its items are, not a list inside an item.
  bool IsRootsOwnList(const GumboNode* node) const {
    if (node == root_) return true;
    if (!IsTag(node, GUMBO_TAG_OL) && !IsTag(node, GUMBO_TAG_UL)) return false;
    for (const GumboNode* up = node->parent; up != nullptr && up != root_; up = up->parent) {
      if (IsTag(up, GUMBO_TAG_OL) || IsTag(up, GUMBO_TAG_UL) || IsTag(up, GUMBO_TAG_LI)) {
        return false;
      }
    }
    return true;
  }

  // The root's unnamed comments, from comments_[first] on, named by the
  // template their list shares.
  void NameFromSiblings(size_t first) {
    const bool all_named = std::all_of(comments_->begin() + first, comments_->end(),
                                       [](const Comment& c) { return !c.author.empty(); });
    if (all_named) return;
    const std::span<const SiblingItem> items(items_.begin() + (first - base_), items_.end());
    const std::vector<std::string> names = NamesFromSiblings(
        items, [](const GumboNode* item, const GumboNode* node) { return ItemScope{item}(node); });
    for (size_t i = 0; i < names.size(); ++i) {
      if (!names[i].empty()) (*comments_)[first + i].author = names[i];
    }
  }

  // id when a comment read before has it, else "".
  std::string EarlierComment(const std::string& id) const {
    return read_ids_.contains(id) ? id : std::string();
  }

  const PageContext& page_;
  std::vector<Comment>* comments_;
  std::vector<Trackback>* trackbacks_;
  const GumboNode* root_ = nullptr;
  std::unordered_set<const GumboNode*> read_;
  std::unordered_set<std::string> read_ids_;
  const size_t base_;                    // comments_ held before this walker's
  std::vector<SiblingItem> items_;       // each comment's element and name's, from base_ on
};

}  // namespace

std::string CommentBodyText(const GumboNode* content) { return TextOf(content, NotCommentText()); }

std::string FragmentOfRelLink(const GumboNode* item, const NodePredicate& scope,
                              std::string_view rel) {
  for (const GumboNode* link : FindAll(item, TagIs(GUMBO_TAG_A), scope)) {
    if (!AttrHasToken(link, "rel", rel)) continue;
    if (std::string fragment = FragmentOf(Attr(link, "href")); !fragment.empty()) return fragment;
  }
  return {};
}

bool IsCommentArea(const GumboNode* node) {
  return IsListRoot(node) || IdIsAny(node, {"comments", "respond", "disqus_thread"}) ||
         HasAnyClass(node, {"comments-area", "comments"});
}

std::string WriterOfAuthorsComment(const PageContext& page, const std::vector<Comment>& comments) {
  for (const GumboNode* item : FindAll(page.root, ClassIs("bypostauthor"))) {
    ItemScope scope{item};
    const std::string id = CommentIdOf(item, scope);
    if (id.empty()) continue;
    for (const Comment& comment : comments) {
      if (comment.id == id && !comment.author.empty()) return comment.author;
    }
  }
  return {};
}

bool HoldsCommentList(const GumboNode* root) {
  constexpr size_t kMinItems = 2;
  const auto own_list = [](const GumboNode* n) {
    return IsListRoot(n) && !IsNamedForPings(n) && !IsRefusedRegion(n);
  };
  for (const GumboNode* list : FindAll(root, own_list, IsRefusedRegion)) {
    const auto numbered_item = [](const GumboNode* n) {
      return IsCommentItem(n) && !CommentNumber(Id(n)).empty();
    };
    if (FindAll(list, numbered_item, IsRefusedRegion).size() >= kMinItems) return true;
  }
  return false;
}

void ExtractWordPressComments(const PageContext& page, std::vector<Comment>* comments,
                              std::vector<Trackback>* trackbacks) {
  CommentWalker walker(page, comments, trackbacks);
  // Roots nested in another root (a pingback list inside the comments list)
  // are reached by walking the outer one.
  for (const GumboNode* root : FindAll(page.root, IsListRoot, IsListRoot)) {
    walker.WalkRoot(root);
  }
}

void ExtractCommentItems(const PageContext& page, std::vector<Comment>* comments,
                         std::vector<Trackback>* trackbacks) {
  CommentWalker walker(page, comments, trackbacks);
  std::vector<const GumboNode*> roots;
  for (const GumboNode* item : FindAll(page.root, IsCommentItem, [](const GumboNode* n) {
         return IsCommentItem(n) || IsRefusedRegion(n);
       })) {
    const GumboNode* parent = item->parent;
    if (parent != nullptr && std::find(roots.begin(), roots.end(), parent) == roots.end()) {
      roots.push_back(parent);
    }
  }
  // Where some items sit in a region named for comments (div#comments),
  // items elsewhere are not comments: Drupal's forum node shows its opening
  // post as a div.comment inside the node.
  const auto in_comment_region = [](const GumboNode* node) {
    for (; node != nullptr && node->type == GUMBO_NODE_ELEMENT; node = node->parent) {
      if (IsCommentNamed(node)) return true;
    }
    return false;
  };
  if (std::any_of(roots.begin(), roots.end(), in_comment_region)) {
    std::erase_if(roots, [&](const GumboNode* root) { return !in_comment_region(root); });
  }
  // Each item in a wrapper of its own, the wrappers side by side and
  // indented by inline style (LiveJournal): the indentation is the thread.
  IndentedThread indented;
  for (const GumboNode* root : roots) {
    const size_t first = comments->size();
    walker.WalkRoot(root);
    const int indentation = InlineIndentation(root);
    if (indentation < 0 || comments->size() == first) continue;
    Comment& opening = (*comments)[first];
    std::string answered = indented.Place(indentation, opening.id);
    if (opening.parent_id.empty()) opening.parent_id = std::move(answered);
  }
}

}  // namespace linkgraph::parsers
