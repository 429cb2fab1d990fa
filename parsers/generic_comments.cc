// Comments of unknown themes, found by their shape: repeated sibling blocks
// (same tag and a shared class, or the items of one list) under an element
// whose id or class says comment, each with an author, a date and text of
// its own. Runs last, when no platform reading or stated data found any.
// Precision first: one failed check and the page gets no comments, since a
// page without comments must never be given invented ones.
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>
#include <unordered_set>

#include "parsers/dates.h"
#include "parsers/extractors.h"
#include "parsers/text_util.h"

namespace linkgraph::parsers {
namespace {

// Every block needs text of its own beyond author and date (links left
// out); at least one of a group needs this much of it.
constexpr size_t kMinSubstantialChars = 20;
constexpr size_t kMaxAuthorChars = 80;
// A date element's own text; longer text is prose that may mention a date.
constexpr size_t kMaxDateTextChars = 80;

// Parts of names that say comment; matched anywhere in a class token or the
// id ("commentlist", "post-comments", "kommentare").
constexpr std::array<std::string_view, 8> kCommentWords = {"comment",    "kommentar", "commentaire",
                                                           "comentario", "responses", "discussion",
                                                           "reactions",  "replies"};

// Whole parts ("-" or "_" separated) of names of page regions that list
// comment-like items but never hold a post's comments.
constexpr std::array<std::string_view, 32> kRefusedParts = {
    "sidebar",      "nav",        "navbar",     "navigation", "menu",        "related",
    "relatedposts", "yarpp",      "pagination", "pager",      "paging",      "share",
    "sharing",      "sharedaddy", "social",     "addtoany",   "respond",     "form",
    "commentform",  "bio",        "about",      "tagcloud",   "cloud",       "tags",
    "recent",       "popular",    "trending",   "breadcrumb", "breadcrumbs", "subscribe",
    "newsletter",   "archives"};
// Refused too, unless the widget is the comment section (IsCommentWidget).
constexpr std::array<std::string_view, 2> kWidgetParts = {"widget", "widgets"};

// Page chrome above a comment area; inside a comment, a <header> or
// <footer> is its byline.
constexpr std::array<std::string_view, 4> kPageChromeParts = {"footer", "header", "masthead",
                                                              "colophon"};

// Layout flags on a page's wrappers ("has-sidebar", "no-sidebar") name the
// page's shape, not the element.
bool IsLayoutFlag(std::string_view token) {
  for (std::string_view prefix : {"has-", "with-", "no-", "without-", "is-"}) {
    if (StartsWithIgnoreCase(token, prefix)) return true;
  }
  return false;
}

template <typename Test>
bool AnyName(const GumboNode* node, const Test& test) {
  std::string_view id = Id(node);
  return (!id.empty() && test(id)) || AnyClassToken(node, test);
}

template <size_t N>
bool HasPart(std::string_view name, const std::array<std::string_view, N>& parts) {
  return !IsLayoutFlag(name) && HasNamePart(name, parts);
}

// A widget is sidebar furniture ("widget_recent_comments") unless it is the
// comment section itself, as site builders render every part of a page as a
// widget ("hs_cos_wrapper_widget hs_cos_wrapper_type_blog_comments"); a
// name such as "recentcomments" that says comments from elsewhere does not
// count.
// Whether an id or class token holds a word that says comment.
bool SaysComment(std::string_view name) {
  return std::any_of(kCommentWords.begin(), kCommentWords.end(),
                     [name](std::string_view word) { return ContainsIgnoreCase(name, word); });
}

bool IsCommentWidget(const GumboNode* node) {
  bool names_comments = false;
  bool names_a_digest = false;
  AnyName(node, [&](std::string_view name) {
    names_comments = names_comments || SaysComment(name);
    for (std::string_view digest : {"recent", "latest", "popular", "last"}) {
      names_a_digest = names_a_digest || ContainsIgnoreCase(name, digest);
    }
    return false;
  });
  return names_comments && !names_a_digest;
}

// Short words that may be a name; a link's address shown as its text
// ("http://example.org/", "www.example.org") is a site, never a name.
bool IsNameText(const std::string& name) {
  return !name.empty() && CountCodePoints(name) <= kMaxAuthorChars &&
         name.find("://") == std::string::npos && !StartsWithIgnoreCase(name, "www.");
}

// The name after a label, up to a member badge ("[Visitor]"), a bracket,
// a separator or the end: "Comment from: NAME [Member] · ".
std::string NameAfterLabel(const std::string& line) {
  if (!OpensWithByLabel(line)) return {};
  std::string name = WithoutSaysWord(line);
  name.resize(std::min(name.size(), name.find_first_of("[(|")));
  for (std::string_view separator : {"\u00b7", "\u2022"}) {
    name.resize(std::min(name.size(), name.find(separator)));
  }
  name = std::string(TrimAscii(name));
  return IsNameText(name) && !HasDigit(name.substr(0, 1)) ? name : std::string();
}

bool IsDocumentLevel(const GumboNode* node) {
  return IsTag(node, GUMBO_TAG_BODY) || IsTag(node, GUMBO_TAG_HTML);
}

}  // namespace

bool IsCommentNamed(const GumboNode* node) {
  if (IsDocumentLevel(node)) return false;
  return AnyName(node, SaysComment);
}

bool IsListingRegion(const GumboNode* node) {
  if (IsTag(node, GUMBO_TAG_NAV) || IsTag(node, GUMBO_TAG_ASIDE) || IsTag(node, GUMBO_TAG_FORM) ||
      IsTag(node, GUMBO_TAG_MENU)) {
    return true;
  }
  if (IsDocumentLevel(node)) return false;
  return AnyName(node, [](std::string_view name) { return HasPart(name, kRefusedParts); });
}

bool IsRefusedRegion(const GumboNode* node) {
  if (IsListingRegion(node)) return true;
  if (IsDocumentLevel(node)) return false;
  return AnyName(node, [](std::string_view name) { return HasPart(name, kWidgetParts); }) &&
         !IsCommentWidget(node);
}

int InlineIndentation(const GumboNode* node) {
  const std::string style = ToLowerAscii(Attr(node, "style"));
  for (std::string_view property : {"padding-left", "margin-left"}) {
    size_t at = style.find(property);
    if (at == std::string_view::npos) continue;
    at += property.size();
    while (at < style.size() && (style[at] == ' ' || style[at] == ':')) ++at;
    int value = 0;
    bool digits = false;
    while (at < style.size() && style[at] >= '0' && style[at] <= '9' && value < 100000) {
      value = value * 10 + (style[at++] - '0');
      digits = true;
    }
    if (!digits) continue;
    constexpr int kPixelsPerEm = 16;
    const std::string_view unit = std::string_view(style).substr(at);
    return unit.starts_with("em") || unit.starts_with("rem") ? value * kPixelsPerEm : value;
  }
  return -1;
}

std::string IndentedThread::Place(int indentation, const std::string& id) {
  while (!open_.empty() && open_.back().first >= indentation) open_.pop_back();
  std::string parent = open_.empty() ? std::string() : open_.back().second;
  open_.emplace_back(indentation, id);
  return parent;
}

namespace {

bool IsPageChrome(const GumboNode* node) {
  if (IsRefusedRegion(node) || IsTag(node, GUMBO_TAG_FOOTER) || IsTag(node, GUMBO_TAG_HEADER)) {
    return true;
  }
  if (IsDocumentLevel(node)) return false;
  return AnyName(node, [](std::string_view name) { return HasPart(name, kPageChromeParts); });
}

// A table row's first cell, which table layouts name in the row's stead
// ("<tr><td class=comment_head>"); nullptr for anything else.
const GumboNode* FirstCell(const GumboNode* row) {
  if (!IsTag(row, GUMBO_TAG_TR)) return nullptr;
  const std::vector<const GumboNode*> cells = ElementChildren(row);
  if (cells.empty()) return nullptr;
  const GumboNode* cell = cells.front();
  return IsTag(cell, GUMBO_TAG_TD) || IsTag(cell, GUMBO_TAG_TH) ? cell : nullptr;
}

bool IsTableSection(const GumboNode* node) {
  return IsTag(node, GUMBO_TAG_TABLE) || IsTag(node, GUMBO_TAG_TBODY);
}

// What the blocks of one comment list share.
struct BlockKind {
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  std::string token;     // a class every block has; "" for the items of a list
  bool by_cell = false;  // table rows, named by their first cell's class

  // The element that carries the kind's class: the block, or its first cell.
  const GumboNode* Named(const GumboNode* node) const { return by_cell ? FirstCell(node) : node; }

  bool Matches(const GumboNode* node) const {
    if (!IsTag(node, tag)) return false;
    if (!token.empty()) return HasClass(Named(node), token);
    return IsTag(node, GUMBO_TAG_LI);
  }
};

bool IsProse(const GumboNode* node) {
  return IsTag(node, GUMBO_TAG_P) || IsTag(node, GUMBO_TAG_BLOCKQUOTE) ||
         IsTag(node, GUMBO_TAG_PRE);
}

bool ClassHasAny(const GumboNode* node, std::initializer_list<std::string_view> words) {
  return AnyClassToken(node, [words](std::string_view token) {
    for (std::string_view word : words) {
      if (ContainsIgnoreCase(token, word)) return true;
    }
    return false;
  });
}

// Bylines, metadata and buttons around a comment's text.
bool IsNotText(const GumboNode* node) {
  return IsTag(node, GUMBO_TAG_HEADER) || IsTag(node, GUMBO_TAG_FOOTER) || IsRefusedRegion(node) ||
         ClassHasAny(node, {"meta", "reply", "action", "avatar", "permalink", "vote", "report",
                            "toolbar", "says", "vcard", "moderation"});
}

// Templates that wrap no element around a comment print its byline block
// (author and date) and then its paragraphs as siblings, up to the next
// byline: the paragraphs right after block, if any.
std::vector<const GumboNode*> TrailingProse(const GumboNode* block, const BlockKind& kind) {
  std::vector<const GumboNode*> prose;
  for (const GumboNode* next = NextElementSibling(block);
       next != nullptr && IsProse(next) && !kind.Matches(next); next = NextElementSibling(next)) {
    prose.push_back(next);
  }
  return prose;
}

// Templates that split each comment into a header block (name, date) and
// the text's block after it ("div.post-comment-header" +
// "div.post-comment"): the text's block, named from the same stem.
const GumboNode* SplitBody(const GumboNode* block, const BlockKind& kind) {
  const size_t stem_end = kind.token.find_last_of("-_");
  if (stem_end == std::string::npos || stem_end < 4) return nullptr;
  const std::string_view stem = std::string_view(kind.token).substr(0, stem_end);
  const GumboNode* next = NextElementSibling(block);
  if (next == nullptr || kind.Matches(next) || !IsTag(next, block->v.element.tag)) return nullptr;
  const GumboNode* named = kind.Named(next);
  const bool same_stem =
      named != nullptr && AnyClassToken(named, [&](std::string_view token) {
        return StartsWithIgnoreCase(token, stem) && !EqualsIgnoreCase(token, kind.token);
      });
  return same_stem && !OneLine(TextOf(next)).empty() ? next : nullptr;
}

// Reads one block as a comment (author, date, text) or refuses it.
class BlockReader {
 public:
  BlockReader(const PageContext& page, const GumboNode* block, const BlockKind& kind)
      : page_(page),
        block_(block),
        kind_(kind),
        trailing_(TrailingProse(block, kind)),
        split_body_(SplitBody(block, kind)) {}

  // The block's id, or the id of a comment inside a wrapper block
  // ("comment-214106" on the <article> in a <div class="portlet">).
  std::string Id() const {
    if (std::string_view own = parsers::Id(block_); !own.empty()) return std::string(own);
    std::vector<const GumboNode*> named = FindInScope([](const GumboNode* n) {
      std::string_view id = parsers::Id(n);
      return HasDigit(id) && SaysComment(id);
    });
    return named.empty() ? std::string() : std::string(parsers::Id(named.front()));
  }

  // The name a flat reply's byline says it answers: "In reply to NAME".
  std::string RepliesTo() const {
    static const LazyRE2 kInReplyTo = {R"((?i)^\s*in\s+reply\s+to\s+(.{1,80}?)\s*$)"};
    for (const GumboNode* node : FindInScope([this](const GumboNode* n) {
           return content_ == nullptr || !Contains(content_, n);
         })) {
      std::string name;
      if (RE2::FullMatch(OwnText(node), *kInReplyTo, &name)) return name;
    }
    return {};
  }

  // Whether the block read has words enough to be sure it is a comment.
  bool Substantial() const { return substantial_; }

  bool Read(Comment* comment) {
    if (ClassHasAny(block_, {"pingback", "trackback"})) return false;
    // The text first: a link in it is no commenter's link.
    content_ = split_body_ != nullptr ? split_body_ : FindContent();
    author_ = FindAuthor();
    if (author_ == nullptr) author_ = byline_ = FindByline();
    if (author_ == nullptr) author_ = labelled_ = FindLabelledName();
    if (author_ == nullptr) author_ = FindUnmarkedName();
    if (author_ == nullptr) return false;
    if (byline_ == nullptr && labelled_ == nullptr) author_ = NameOfDatedBlock(author_);
    if (content_ == author_ && split_body_ == nullptr) content_ = FindContent();
    comment->published = FindDate();
    if (comment->published.empty()) return false;
    comment->text = ReadText(false);
    size_t own_chars = CountCodePoints(ReadText(true));
    if (own_chars == 0 || IsPingbackExcerpt(comment->text)) return false;
    substantial_ = own_chars >= kMinSubstantialChars;
    comment->author = byline_ != nullptr ? NameInByline(byline_)
                      : labelled_ != nullptr
                          ? NameAfterLabel(OneLine(TextOf(labelled_, TagIs(GUMBO_TAG_A))))
                          : WithoutSaysWord(OneLine(TextOf(author_)));
    if (comment->author.empty()) return false;
    const GumboNode* link =
        IsTag(author_, GUMBO_TAG_A) ? author_ : FindFirst(author_, TagIs(GUMBO_TAG_A));
    std::string_view href = Attr(link, "href");
    if (!href.empty() && href[0] != '#') comment->author_url = AbsoluteUrl(page_, href);
    return true;
  }

 private:
  // Nested blocks are other comments; refused regions are no one's.
  bool OutOfScope(const GumboNode* node) const {
    return node != block_ && (kind_.Matches(node) || IsRefusedRegion(node));
  }

  bool InProse(const GumboNode* node) const {
    for (const GumboNode* up = node; up != nullptr && up != block_; up = up->parent) {
      if (IsProse(up)) return true;
    }
    return false;
  }

  std::vector<const GumboNode*> FindInScope(const NodePredicate& match) const {
    return FindAll(
        block_, [&](const GumboNode* n) { return !OutOfScope(n) && match(n); },
        [this](const GumboNode* n) { return OutOfScope(n); });
  }

  bool IsAuthorName(const GumboNode* node) const {
    return !InProse(node) && IsNameText(WithoutSaysWord(OneLine(TextOf(node))));
  }

  // Most specific first: a name element, then an author wrapper, then the
  // commenter's link (rel=nofollow/external/author/ugc) outside the text.
  const GumboNode* FindAuthor() const {
    static const NodePredicate kTiers[] = {
        [](const GumboNode* n) {
          return IsTag(n, GUMBO_TAG_CITE) || HasClass(n, "fn") ||
                 ContainsIgnoreCase(Attr(n, "itemprop"), "name");
        },
        // Not the links beside a name ("user_homepage", "user-profile"), nor
        // fields named by what they hold (Drupal's "field--name-comment-body").
        [](const GumboNode* n) {
          return ClassHasAny(n, {"name", "nick", "user", "commenter"}) &&
                 !ClassHasAny(n, {"homepage", "journal", "url", "website", "profile", "avatar",
                                  "field", "body", "text", "content", "title"});
        },
        [](const GumboNode* n) {
          return ClassHasAny(n, {"author"}) || ContainsIgnoreCase(Attr(n, "itemprop"), "author");
        },
        [](const GumboNode* n) {
          std::string_view rel = Attr(n, "rel");
          std::string_view href = Attr(n, "href");
          return IsTag(n, GUMBO_TAG_A) && !href.empty() && href[0] != '#' &&
                 (ContainsIgnoreCase(rel, "nofollow") || ContainsIgnoreCase(rel, "external") ||
                  ContainsIgnoreCase(rel, "author") || ContainsIgnoreCase(rel, "ugc"));
        }};
    for (const NodePredicate& tier : kTiers) {
      for (const GumboNode* node : FindInScope(tier)) {
        if (content_ != nullptr && Contains(content_, node)) continue;
        if (IsAuthorName(node)) return node;
      }
    }
    return nullptr;
  }

  // Templates that name no author element print a line "Posted by: NAME,
  // 27 Sep 2011 | 15:22" under the text: a short line that opens with the
  // by-words and holds a date.
  const GumboNode* FindByline() const {
    static const LazyRE2 kByWords = {
        R"((?i)^\s*(?:(?:posted|written|submitted|comment(?:ed)?)\s+)?by\b)"};
    const auto is_byline = [this](const GumboNode* n) {
      if (OutOfScope(n)) return false;
      const std::string text = OneLine(TextOf(n));
      return CountCodePoints(text) <= kMaxDateTextChars && RE2::PartialMatch(text, *kByWords) &&
             !ParseDate(text).empty();
    };
    return FindFirst(block_, is_byline, [this](const GumboNode* n) { return OutOfScope(n); });
  }

  // An author element that holds the date too ("<cite><strong>NAME</strong>
  // <br>18/06/2020</cite>"): its bold or linked words are the name, and the
  // rest is left for the date.
  const GumboNode* NameOfDatedBlock(const GumboNode* author) const {
    if (ParseDate(OneLine(TextOf(author)), page_.date_order).empty()) return author;
    const GumboNode* name = FindFirst(author, [](const GumboNode* n) {
      return IsTag(n, GUMBO_TAG_STRONG) || IsTag(n, GUMBO_TAG_B) || IsTag(n, GUMBO_TAG_A);
    });
    if (name == nullptr) return author;
    const std::string text = OneLine(TextOf(name));
    return !text.empty() && ParseDate(text, page_.date_order).empty() ? name : author;
  }

  // Themes that mark no name at all head the block with it, bold or as a
  // heading; a number there ("#3") is the comment's, not a name. Where the
  // text's element is known, a paragraph outside it is a byline
  // ("<p><strong>NAME</strong><br><small>DATE</small></p>"); else bold
  // words in a paragraph are the text's own.
  const GumboNode* FindUnmarkedName() const {
    for (const GumboNode* node : FindInScope([](const GumboNode* n) {
           return IsHeading(n) || IsTag(n, GUMBO_TAG_STRONG) || IsTag(n, GUMBO_TAG_B);
         })) {
      if (content_ == nullptr ? InProse(node) : Contains(content_, node)) continue;
      const std::string text = OneLine(TextOf(node));
      if (IsNameText(text) && !HasDigit(text.substr(0, 1))) return node;
    }
    return nullptr;
  }

  // A title line that labels the name with no date beside it: "Comment
  // from: NAME [Visitor] · site" (b2evolution), "Comment by: NAME".
  const GumboNode* FindLabelledName() const {
    const auto is_labelled = [this](const GumboNode* n) {
      if (OutOfScope(n) || InProse(n) || IsTag(n, GUMBO_TAG_A)) return false;
      const std::string own = OwnText(n);
      return CountCodePoints(own) <= kMaxAuthorChars && OpensWithByLabel(own) &&
             !NameAfterLabel(OneLine(TextOf(n, TagIs(GUMBO_TAG_A)))).empty();
    };
    return FindFirst(block_, is_labelled, [this](const GumboNode* n) { return OutOfScope(n); });
  }

  const GumboNode* FindContent() const {
    auto is_content = [this](const GumboNode* n) {
      if (n == author_ || InProse(n)) return false;
      if (ContainsIgnoreCase(Attr(n, "itemprop"), "text")) return true;
      return ClassHasAny(n, {"text", "content", "body", "message", "entry"}) &&
             !ClassHasAny(n, {"author", "meta", "date", "time", "name"});
    };
    std::vector<const GumboNode*> found = FindInScope(is_content);
    return found.empty() ? nullptr : found.front();
  }

  // Dates are read around the text, never from it: prose may name any date.
  // Beside a split body, the header's paragraphs are its byline.
  bool MayHoldDate(const GumboNode* node) const {
    if ((split_body_ == nullptr && InProse(node)) || Contains(author_, node)) return false;
    return content_ == nullptr || !Contains(content_, node) || Contains(content_, author_);
  }

  // A <time>, then a title attribute, then an element's own short text.
  std::string FindDate() {
    if (byline_ != nullptr)
      return Found(byline_, ParseDate(OneLine(TextOf(byline_)), page_.date_order));
    std::vector<const GumboNode*> candidates{block_};
    for (const GumboNode* node : FindInScope([](const GumboNode*) { return true; })) {
      if (MayHoldDate(node)) candidates.push_back(node);
    }
    for (const GumboNode* node : candidates) {
      if (!IsTag(node, GUMBO_TAG_TIME)) continue;
      std::string date = ParseDate(Attr(node, "datetime"), page_.date_order);
      if (date.empty()) date = ParseDate(OneLine(TextOf(node)), page_.date_order);
      if (!date.empty()) return Found(node, date);
    }
    for (const GumboNode* node : candidates) {
      std::string_view title = Attr(node, "title");
      if (title.empty() || title.size() > kMaxDateTextChars) continue;
      // A link titled with a date says when its target was written ("Journal").
      if (IsTag(node, GUMBO_TAG_A) && !HasDigit(OneLine(TextOf(node)))) continue;
      if (std::string date = ParseDate(title, page_.date_order); !date.empty())
        return Found(node, date);
    }
    for (const GumboNode* node : candidates) {
      std::string own = OwnText(node);
      if (own.empty() || CountCodePoints(own) > kMaxDateTextChars) continue;
      if (std::string date = ParseDate(own, page_.date_order); !date.empty())
        return Found(node, date);
    }
    return {};
  }

  std::string Found(const GumboNode* node, const std::string& date) {
    date_node_ = node == block_ ? nullptr : node;
    return date;
  }

  // The comment's text; without_links for the check that the block has
  // words of its own (a list of linked titles has none). A block that is
  // only a byline heads the paragraphs after it.
  std::string ReadText(bool without_links) const {
    std::string text = ReadBlockText(without_links);
    if (!text.empty()) return text;
    auto prune = [&](const GumboNode* n) {
      return IsNotText(n) || (without_links && IsTag(n, GUMBO_TAG_A));
    };
    for (const GumboNode* prose : trailing_) {
      std::string paragraph = TextOf(prose, prune);
      if (paragraph.empty()) continue;
      if (!text.empty()) text += "\n\n";
      text += paragraph;
    }
    return text;
  }

  std::string ReadBlockText(bool without_links) const {
    auto prune = [&](const GumboNode* n) {
      return OutOfScope(n) || n == author_ || n == date_node_ || IsNotText(n) ||
             (without_links && IsTag(n, GUMBO_TAG_A));
    };
    if (content_ != nullptr) {
      std::string text = TextOf(content_, prune);
      if (!text.empty()) return text;
    }
    std::string text;
    for (const GumboNode* prose :
         FindAll(block_, IsProse, [&](const GumboNode* n) { return prune(n) || IsProse(n); })) {
      std::string paragraph = TextOf(prose, prune);
      if (paragraph.empty()) continue;
      if (!text.empty()) text += "\n\n";
      text += paragraph;
    }
    return text.empty() ? TextOf(block_, prune) : text;
  }

  const PageContext& page_;
  const GumboNode* block_;
  const BlockKind& kind_;
  const GumboNode* author_ = nullptr;
  const GumboNode* byline_ = nullptr;  // the author's line, also its date
  const GumboNode* content_ = nullptr;
  const GumboNode* date_node_ = nullptr;
  const GumboNode* labelled_ = nullptr;  // "Comment from: NAME"
  bool substantial_ = false;
  std::vector<const GumboNode*> trailing_;
  const GumboNode* split_body_;  // the text's block beside a header-only block
};

// The kinds of repeated children under parent, most repeated first: a tag
// with a shared class, or the items of a list.
std::vector<BlockKind> RepeatedKinds(const GumboNode* parent) {
  struct Count {
    BlockKind kind;
    int count;
  };
  std::vector<Count> counts;
  std::vector<const GumboNode*> children = ElementChildren(parent);
  // Table layouts name a record's rows by their cells.
  const bool rows = IsTableSection(parent);
  for (const GumboNode* child : children) {
    if (IsRefusedRegion(child)) continue;
    const GumboNode* named = rows ? FirstCell(child) : child;
    if (named == nullptr) continue;
    AnyClassToken(named, [&](std::string_view token) {
      GumboTag tag = child->v.element.tag;
      auto same = std::find_if(counts.begin(), counts.end(), [&](const Count& c) {
        return c.kind.tag == tag && EqualsIgnoreCase(c.kind.token, token);
      });
      if (same != counts.end()) {
        ++same->count;
      } else {
        counts.push_back({BlockKind{tag, std::string(token), rows}, 1});
      }
      return false;  // every token
    });
  }
  // A list's items, whatever their classes: "alt" on every other one is no
  // kind. Templates that forget the list still print its items
  // ("<div id=comments><li>...</li><li>...</li></div>").
  const int items =
      static_cast<int>(std::count_if(children.begin(), children.end(), [](const GumboNode* n) {
        return IsTag(n, GUMBO_TAG_LI) && !IsRefusedRegion(n);
      }));
  if (items > 0) counts.push_back({BlockKind{GUMBO_TAG_LI, ""}, items});
  // Ties go to the shared class, which also finds nested replies by it.
  std::stable_sort(counts.begin(), counts.end(),
                   [](const Count& a, const Count& b) { return a.count > b.count; });
  std::vector<BlockKind> kinds;
  for (const Count& c : counts) {
    if (c.count >= 2) kinds.push_back(c.kind);
  }
  return kinds;
}

// At least half of the group reads as comments, one of them with some words.
bool GroupReadsAsComments(const PageContext& page, const GumboNode* parent, const BlockKind& kind) {
  int members = 0;
  int comments = 0;
  bool substantial = false;
  for (const GumboNode* child : ElementChildren(parent)) {
    if (!kind.Matches(child) || IsRefusedRegion(child)) continue;
    ++members;
    Comment ignored;
    BlockReader reader(page, child, kind);
    if (!reader.Read(&ignored)) continue;
    ++comments;
    substantial = substantial || reader.Substantial();
  }
  return substantial && 2 * comments >= members;
}

struct BlockGroup {
  const GumboNode* parent;
  BlockKind kind;
};

// The first group of comment-like siblings in the container, in page order.
std::optional<BlockGroup> FindGroup(const PageContext& page, const GumboNode* container) {
  std::vector<const GumboNode*> parents{container};
  for (const GumboNode* node : FindAll(
           container, [](const GumboNode* n) { return !IsRefusedRegion(n); }, IsRefusedRegion)) {
    parents.push_back(node);
  }
  for (const GumboNode* parent : parents) {
    for (BlockKind& kind : RepeatedKinds(parent)) {
      if (GroupReadsAsComments(page, parent, kind)) return BlockGroup{parent, std::move(kind)};
    }
  }
  return std::nullopt;
}

// The id of the latest comment so far by author, or "".
std::string LatestBy(const std::vector<Comment>& comments, std::string_view author) {
  for (auto it = comments.rbegin(); it != comments.rend(); ++it) {
    if (EqualsIgnoreCase(OneLine(it->author), OneLine(author))) return it->id;
  }
  return {};
}

// Depth is bounded by the depth guard ExtractPage runs before parsing.
void CollectComments(const PageContext& page, const GumboNode* node, const BlockKind& kind,
                     const std::string& parent_id, std::vector<Comment>* comments) {
  IndentedThread indented;
  for (const GumboNode* child : ElementChildren(node)) {
    if (IsRefusedRegion(child)) continue;
    Comment comment;
    BlockReader reader(page, child, kind);
    if (!kind.Matches(child) || !reader.Read(&comment)) {
      CollectComments(page, child, kind, parent_id, comments);
      continue;
    }
    comment.position = static_cast<int>(comments->size()) + 1;
    comment.id = reader.Id();
    // A permalink only where the page has the anchor: a made-up id links nowhere.
    if (!comment.id.empty()) {
      comment.permalink = page.post_url + "#" + comment.id;
    } else {
      comment.id = "generic-" + std::to_string(comment.position);
    }
    comment.parent_id = parent_id;
    if (const std::string answered = reader.RepliesTo(); !answered.empty() && parent_id.empty()) {
      comment.parent_id = LatestBy(*comments, answered);
    }
    if (const int indentation = InlineIndentation(child); indentation >= 0) {
      if (std::string answered = indented.Place(indentation, comment.id); !answered.empty()) {
        comment.parent_id = std::move(answered);
      }
    }
    std::string id = comment.id;
    comments->push_back(std::move(comment));
    CollectComments(page, child, kind, id, comments);
  }
}

}  // namespace

bool HoldsCommentRun(const PageContext& page, const GumboNode* node) {
  for (const BlockKind& kind : RepeatedKinds(node)) {
    if (GroupReadsAsComments(page, node, kind)) return true;
  }
  return false;
}

namespace {

// Where no area is named for comments, the blocks may be: siblings each
// named a comment ("blockquote.comment", "div.bComment") straight in the
// post's own wrapper, beside its title. The blocks' names make the group;
// the parent needs none.
std::optional<BlockGroup> FindNamedRun(const PageContext& page) {
  const auto named_block = [](const GumboNode* n) {
    return IsCommentNamed(n) && !IsPageChrome(n) && !IsTag(n, GUMBO_TAG_FORM);
  };
  std::unordered_set<const GumboNode*> tried;
  for (const GumboNode* block : FindAll(page.root, named_block, IsPageChrome)) {
    // A cell named a comment stands for its row.
    if ((IsTag(block, GUMBO_TAG_TD) || IsTag(block, GUMBO_TAG_TH)) &&
        FirstCell(block->parent) == block) {
      block = block->parent;
    }
    const GumboNode* parent = block->parent;
    if (parent == nullptr || parent->type != GUMBO_NODE_ELEMENT) continue;
    if (!tried.insert(parent).second) continue;
    for (const BlockKind& kind : RepeatedKinds(parent)) {
      if (SaysComment(kind.token) && GroupReadsAsComments(page, parent, kind)) {
        return BlockGroup{parent, kind};
      }
    }
  }
  return std::nullopt;
}

}  // namespace

void ExtractGenericComments(const PageContext& page, std::vector<Comment>* comments) {
  auto candidate = [](const GumboNode* n) { return IsCommentNamed(n) && !IsPageChrome(n); };
  // A container whose subtree held no group has answered for the containers
  // inside it (and nested threads would make the search quadratic).
  const GumboNode* searched = nullptr;
  for (const GumboNode* container : FindAll(page.root, candidate, IsPageChrome)) {
    if (searched != nullptr && Contains(searched, container)) continue;
    // An area that holds the page's title holds the post too: too wide to
    // tell comments from the rest; a comment list inside it is tried next.
    if (FindFirst(container, TagIs(GUMBO_TAG_H1)) != nullptr) continue;
    std::optional<BlockGroup> group = FindGroup(page, container);
    if (!group) {
      searched = container;
      continue;
    }
    std::vector<Comment> found;
    CollectComments(page, group->parent, group->kind, "", &found);
    if (found.empty()) continue;
    *comments = std::move(found);
    return;
  }
  if (std::optional<BlockGroup> group = FindNamedRun(page)) {
    CollectComments(page, group->parent, group->kind, "", comments);
  }
}

}  // namespace linkgraph::parsers
