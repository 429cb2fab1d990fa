// Movable Type and TypePad pages: the post and its comments. Three template
// families: MT 4/5 (div.entry-asset, div.comment > .comment-header with a
// vcard and abbr.published, .comment-content), TypePad (div.entry#entry-XID,
// div.comment#comment-XID with p.comment-footer "Posted by: NAME | DATE"),
// and the classic MT 2/3 templates (no classes on the post: a div#aNNNmore
// ends its body; comments are div#cNNN or div.comments-body followed or
// closed by a "Posted by: NAME at DATE" line).
#include <re2/re2.h>

#include <cctype>

#include "parsers/dates.h"
#include "parsers/extractors.h"
#include "parsers/text_util.h"
#include "parsers/urls.h"

namespace linkgraph::parsers {
namespace {

bool MatchesFully(std::string_view text, const LazyRE2& pattern) {
  return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *pattern);
}

// Preview boxes, forms and hidden copies (Disqus's) repeat markup without
// being comments; sidebar modules list other posts' comments.
bool IsNeverComment(const GumboNode* node) {
  return IsTag(node, GUMBO_TAG_FORM) || IsTag(node, GUMBO_TAG_SCRIPT) ||
         HasAnyClass(node, {"hiddenBox", "module", "sidebar", "widget"}) ||
         EqualsIgnoreCase(Id(node), "comment-preview") ||
         ContainsIgnoreCase(Attr(node, "style"), "display:none") ||
         ContainsIgnoreCase(Attr(node, "style"), "display: none");
}

// "comment-123" (MT 4+), "comment-6a00d8...970d" (TypePad XIDs), "c000123"
// (classic MT): the ids MT gives a comment.
bool IsCommentIdText(std::string_view id) {
  static const LazyRE2 kCommentId = {R"(comment-(?:\d+|[0-9a-f]{16,})|c\d+)"};
  return MatchesFully(id, kCommentId);
}

bool IsItemTag(const GumboNode* node) {
  return IsTag(node, GUMBO_TAG_DIV) || IsTag(node, GUMBO_TAG_LI) ||
         IsTag(node, GUMBO_TAG_ARTICLE) || IsTag(node, GUMBO_TAG_SECTION);
}

bool IsMtCommentItem(const GumboNode* node) {
  if (!IsItemTag(node)) return false;
  return HasAnyClass(node, {"comment", "comments-body"}) || IsCommentIdText(Id(node));
}

bool IsFooter(const GumboNode* node) {
  return HasAnyClass(node, {"comment-footer", "comment-footer-inner", "comments-post", "posted",
                            "comment-posted"});
}

bool StartsPostedBy(const GumboNode* node) {
  return StartsWithIgnoreCase(OneLine(TextOf(node)), "posted by");
}

// ---- "Posted by NAME at DATE" lines, for posts and comments alike.

struct Byline {
  std::string name;
  std::string published;
  const GumboNode* link = nullptr;  // the name's link, when it has one
};

bool IsPermalinkHref(std::string_view href) {
  return href.empty() || href[0] == '#' || ContainsIgnoreCase(href, "#comment-") ||
         ContainsIgnoreCase(href, "#c") || ContainsIgnoreCase(href, "cid=") ||
         StartsWithIgnoreCase(href, "javascript:");
}

// A date at the very start of text: within its first four words.
bool StartsWithDate(std::string_view text) {
  size_t end = 0;
  for (int words = 0; words < 4 && end != std::string_view::npos; ++words) {
    end = text.find(' ', end == 0 ? 0 : end + 1);
  }
  return !ParseDate(text.substr(0, end)).empty();
}

bool StartsWithTime(std::string_view text) {
  static const LazyRE2 kTime = {R"(^\d{1,2}:\d{2})"};
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *kTime);
}

Byline ReadBylineText(const GumboNode* line) {
  Byline byline;
  std::string text = OneLine(TextOf(line));
  // MT's Chinese translations write "由 NAME 發表於 DATE" (posted by NAME at).
  static const LazyRE2 kPostedBy = {
      R"((?i)^\s*(?:(?:posted|written)?\s*by|\x{7531})\s*:?\s*)"};
  if (!RE2::Replace(&text, *kPostedBy, "")) return byline;
  // "NAME | DATE" (TypePad, MT 3), "NAME at DATE" / "NAME on DATE"
  // (classic), "NAME at 04:39 PM" (TypePad posts): the first separator that
  // a date or a time follows, since names may hold " at " too.
  static const LazyRE2 kSeparator = {
      R"((?i)(\s(?:at|on)\s|\||\s*(?:\x{767c}\x{8868}\x{65bc}|\x{53d1}\x{8868}\x{4e8e})\s*))"};
  re2::StringPiece rest(text);
  re2::StringPiece separator;
  while (RE2::PartialMatch(rest, *kSeparator, &separator)) {
    size_t after = static_cast<size_t>(separator.data() - text.data()) + separator.size();
    std::string_view tail = TrimAscii(std::string_view(text).substr(after));
    if (StartsWithDate(tail) || StartsWithTime(tail)) {
      byline.name = std::string(TrimAscii(text.substr(0, after - separator.size())));
      byline.published = ParseDate(tail);
      break;
    }
    rest = re2::StringPiece(text.data() + after, text.size() - after);
  }
  if (byline.name.empty()) byline.name = std::string(TrimAscii(text.substr(0, text.find('|'))));
  for (const GumboNode* link : FindAll(line, TagIs(GUMBO_TAG_A))) {
    if (!IsPermalinkHref(Attr(link, "href")) && OneLine(TextOf(link)) == byline.name) {
      byline.link = link;
      break;
    }
  }
  return byline;
}

// ---- The post.

bool IsEntryContainer(const GumboNode* node) {
  if (!IsTag(node, GUMBO_TAG_DIV) && !IsTag(node, GUMBO_TAG_ARTICLE)) return false;
  return HasClass(node, "entry-asset") || (StartsWithIgnoreCase(Id(node), "entry-") &&
                                           HasAnyClass(node, {"entry", "hentry", "asset"}));
}

bool SkipForEntry(const GumboNode* node) { return IsNeverComment(node) || IsCommentArea(node); }

// The nearest element holding both a and b.
const GumboNode* CommonAncestor(const GumboNode* a, const GumboNode* b) {
  for (const GumboNode* up = a; up != nullptr; up = up->parent) {
    for (const GumboNode* other = b; other != nullptr; other = other->parent) {
      if (other == up) return up;
    }
  }
  return nullptr;
}

// The body with its extended part ("Continue reading"), which MT keeps in a
// sibling block (.asset-more, .entry-more).
const GumboNode* EntryBody(const GumboNode* container) {
  const GumboNode* body = FindFirst(container, [](const GumboNode* n) {
    return HasAnyClass(n, {"asset-body", "entry-body"});
  });
  if (body == nullptr) {
    body = FindFirst(container, [](const GumboNode* n) {
      return HasAnyClass(n, {"asset-content", "entry-content"});
    });
  }
  if (body == nullptr) return container;
  const GumboNode* more = FindFirst(container, [](const GumboNode* n) {
    return HasAnyClass(n, {"asset-more", "entry-more", "entry-extended", "extended"});
  });
  if (more == nullptr) return body;
  const GumboNode* both = CommonAncestor(body, more);
  return both != nullptr ? both : body;
}

std::string PublishedIn(const GumboNode* scope, const NodePredicate& prune) {
  for (const GumboNode* node : FindAll(
           scope,
           [](const GumboNode* n) { return IsTag(n, GUMBO_TAG_ABBR) || IsTag(n, GUMBO_TAG_TIME); },
           prune)) {
    std::string date = ParseDate(Attr(node, IsTag(node, GUMBO_TAG_TIME) ? "datetime" : "title"));
    if (date.empty()) date = ParseDate(OneLine(TextOf(node)));
    if (!date.empty()) return date;
  }
  return {};
}

// TypePad prints the day above the entry (h2.date-header) and only the time
// in its footer ("04:39 PM").
std::string DateHeaderAndTime(const GumboNode* container) {
  const GumboNode* header = nullptr;
  for (const GumboNode* up = container; up != nullptr && header == nullptr; up = up->parent) {
    for (const GumboNode* sibling = up; sibling != nullptr && header == nullptr;) {
      const GumboNode* parent = sibling->parent;
      if (parent == nullptr || sibling->index_within_parent == 0) break;
      sibling = static_cast<const GumboNode*>(
          parent->v.element.children.data[sibling->index_within_parent - 1]);
      if (HasClass(sibling, "date-header")) header = sibling;
    }
  }
  if (header == nullptr) return {};
  std::string day = OneLine(TextOf(header));
  std::string time;
  const GumboNode* footer = FindFirst(container, [](const GumboNode* n) {
    return HasAnyClass(n, {"post-footers", "entry-footer", "asset-footer"});
  });
  static const LazyRE2 kTime = {R"((?i)(\d{1,2}:\d{2}\s*[ap]\.?m\.?))"};
  if (footer != nullptr) RE2::PartialMatch(OneLine(TextOf(footer)), *kTime, &time);
  return ParseDate(time.empty() ? day : day + " " + time);
}

void ReadEntryByline(const GumboNode* container, PostParts* parts) {
  const GumboNode* vcard = FindFirst(
      container,
      [](const GumboNode* n) {
        return HasAnyClass(n, {"vcard", "fn"});
      },
      SkipForEntry);
  if (vcard != nullptr) parts->author = NameInByline(vcard);
  parts->published = PublishedIn(container, SkipForEntry);
  for (const GumboNode* footer : FindAll(
           container,
           [](const GumboNode* n) {
             return HasAnyClass(n, {"entry-footer", "asset-footer", "post-footers", "posted",
                                    "entry-footer-info", "byline"});
           },
           SkipForEntry)) {
    Byline byline = ReadBylineText(footer);
    if (parts->author.empty() && !byline.name.empty() && byline.name.size() < 80) {
      parts->author = byline.name;
    }
    if (parts->published.empty()) parts->published = byline.published;
  }
  if (parts->published.empty()) parts->published = DateHeaderAndTime(container);
}

bool FindAssetPost(const PageContext& page, PostParts* parts) {
  std::vector<const GumboNode*> containers =
      FindAll(page.root, IsEntryContainer,
              [](const GumboNode* n) { return SkipForEntry(n) || IsEntryContainer(n); });
  if (containers.size() != 1) return false;  // none, or a listing of entries
  const GumboNode* container = containers.front();
  parts->container = container;
  parts->body = EntryBody(container);
  const GumboNode* title = FindFirst(container, [](const GumboNode* n) {
    return HasAnyClass(n, {"asset-name", "entry-header", "entry-title"});
  });
  if (title != nullptr) parts->title = OneLine(TextOf(title));
  ReadEntryByline(container, parts);
  return true;
}

// Classic templates: the body runs from the title heading to div#aNNNmore
// (the extended part) and the "Posted by" line after it.
bool IsClassicMore(const GumboNode* node) {
  static const LazyRE2 kMore = {R"(a\d+more)"};
  return IsTag(node, GUMBO_TAG_DIV) && MatchesFully(Id(node), kMore);
}

bool IsHeading(const GumboNode* node) {
  return IsTag(node, GUMBO_TAG_H1) || IsTag(node, GUMBO_TAG_H2) || IsTag(node, GUMBO_TAG_H3);
}

bool FindClassicMtPost(const PageContext& page, PostParts* parts) {
  std::vector<const GumboNode*> mores = FindAll(page.root, IsClassicMore, SkipForEntry);
  if (mores.size() != 1) return false;
  const GumboNode* more = mores.front();
  const GumboNode* block = more->parent;
  if (block == nullptr || !IsElement(block)) return false;
  // Where the comments share the post's block, only the extended part can be
  // told apart: comment text and links must not become the post's.
  bool shares_comments = FindFirst(block, IsMtCommentItem, IsNeverComment) != nullptr;
  parts->body = shares_comments ? more : block;
  parts->container = shares_comments ? nullptr : block;
  for (const GumboNode* child : ElementChildren(block)) {
    if (child == more) break;
    if (!IsHeading(child)) continue;
    std::string text = OneLine(TextOf(child));
    // The day heading above the title is a bare date.
    bool is_date = !ParseDate(text).empty() && text.size() < 40 && parts->title.empty();
    if (!text.empty() && !is_date && parts->title.empty()) parts->title = text;
  }
  for (const GumboNode* line = NextElementSibling(more); line != nullptr;
       line = NextElementSibling(line)) {
    if (IsMtCommentItem(line) || IsCommentArea(line)) break;
    if (HasClass(line, "posted") || StartsPostedBy(line)) {
      Byline byline = ReadBylineText(line);
      parts->author = byline.name;
      parts->published = byline.published;
      break;
    }
  }
  return true;
}

// ---- Comments.

struct MtItemScope {
  const GumboNode* item;
  bool operator()(const GumboNode* node) const {
    return node != item && (IsMtCommentItem(node) || IsNeverComment(node));
  }
};

// MT's comment redirector (mt-comments.cgi?__mode=red&id=N) and TypePad
// profiles stand between the reader and the commenter's site; the page
// often names the site in the link's title.
std::string PercentDecode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() &&
        std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(text[i] == '+' ? ' ' : text[i]);
    }
  }
  return out;
}

std::string AuthorUrl(const PageContext& page, const GumboNode* link) {
  std::string href = AbsoluteUrl(page, Attr(link, "href"));
  if (href.empty()) return {};
  std::string title = std::string(TrimAscii(Attr(link, "title")));
  bool redirector =
      ContainsIgnoreCase(href, "__mode=red") || ContainsIgnoreCase(href, "mt-comments.cgi");
  bool profile = HostOfLink(href) == "profile.typepad.com";
  if (!redirector && !profile) return href;
  if (IsHttpUrl(title)) return AbsoluteUrl(page, title);
  for (std::string_view name : {"url", "u", "target"}) {
    std::string value;
    if (QueryParameter(href, name, &value)) {
      std::string target = PercentDecode(value);
      if (IsHttpUrl(target)) return AbsoluteUrl(page, target);
    }
  }
  // A bare redirector names no one; a profile is the commenter's own page.
  return profile ? href : std::string();
}

// The element holding "Posted by": inside the item, or (classic templates)
// the line right after it.
const GumboNode* FooterOf(const GumboNode* item, const MtItemScope& scope) {
  if (const GumboNode* inner = FindFirst(item, IsFooter, scope)) return inner;
  const GumboNode* next = NextElementSibling(item);
  if (next != nullptr && !IsMtCommentItem(next) && (IsFooter(next) || StartsPostedBy(next))) {
    return next;
  }
  return nullptr;
}

std::string OwnIdOf(const GumboNode* item) {
  if (IsCommentIdText(Id(item))) return std::string(Id(item));
  // The item's own permalink, rel=bookmark ("#forum81145" in SPIP), names it.
  if (std::string own = FragmentOfRelLink(item, IsMtCommentItem, "bookmark"); !own.empty()) {
    return own;
  }
  // MT 3: <a id="c000123"></a> (or name=) just before div.comments-body.
  const GumboNode* parent = item->parent;
  for (unsigned i = item->index_within_parent; parent != nullptr && i-- > 0;) {
    auto* before = static_cast<const GumboNode*>(parent->v.element.children.data[i]);
    if (!IsElement(before)) continue;
    if (!IsTag(before, GUMBO_TAG_A)) break;
    for (const char* attribute : {"id", "name"}) {
      if (IsCommentIdText(Attr(before, attribute))) return std::string(Attr(before, attribute));
    }
    break;
  }
  return {};
}

bool IsMtContent(const GumboNode* node) {
  return HasAnyClass(node, {"comment-content", "comment-body", "comment-text", "comment-entry"});
}

bool IsNotCommentText(const GumboNode* node) {
  return IsFooter(node) ||
         HasAnyClass(node, {"comment-header", "asset-meta", "byline", "comment-reply-link",
                            "comment-actions", "reply", "comment-avatar", "comment-meta",
                            "comments-head"});
}

std::string TextOfItem(const GumboNode* item, const MtItemScope& scope) {
  const GumboNode* content = IsMtContent(item) ? item : FindFirst(item, IsMtContent, scope);
  auto prune = [&](const GumboNode* n) { return scope(n) || IsNotCommentText(n); };
  return TextOf(content != nullptr ? content : item, prune);
}

// MT 5 marks a reply "NAME replied to <a href=#comment-N>comment from X</a>"
// in the header of a flat list.
std::string RepliedToId(const GumboNode* item, const MtItemScope& scope,
                        const std::string& own_id) {
  auto prune = [&](const GumboNode* n) { return scope(n) || IsMtContent(n); };
  // rel=in-reply-to (microformats; SPIP's "^" link) says it outright.
  if (std::string parent = FragmentOfRelLink(item, prune, "in-reply-to");
      !parent.empty() && parent != own_id) {
    return parent;
  }
  for (const GumboNode* link : FindAll(item, TagIs(GUMBO_TAG_A), prune)) {
    std::string_view href = Attr(link, "href");
    size_t hash = href.rfind('#');
    if (hash == std::string_view::npos) continue;
    std::string_view target = href.substr(hash + 1);
    if (!IsCommentIdText(target) || target == own_id) continue;
    std::string before;
    const GumboNode* parent = link->parent;
    if (link->index_within_parent > 0) {
      auto* previous = static_cast<const GumboNode*>(
          parent->v.element.children.data[link->index_within_parent - 1]);
      if (previous->type == GUMBO_NODE_TEXT) before = previous->v.text.text;
    }
    std::string label = OneLine(TextOf(link));
    static const LazyRE2 kReplyWords = {R"((?i)(replied to|in reply to|reply to)\s*$)"};
    if (RE2::PartialMatch(before, *kReplyWords) || StartsWithIgnoreCase(label, "comment from") ||
        StartsWithIgnoreCase(label, "in reply to")) {
      return std::string(target);
    }
  }
  return {};
}

// Templates that set the byline beside the text, in the block before it
// ("<p><b>NAME</b><br>March 11, 2007 09:04 PM</p>" in a column of its
// own): the name in bold or a link, and the date of that short block.
void ReadHeaderBefore(const GumboNode* item, Comment* comment, const GumboNode** link) {
  constexpr size_t kMaxHeaderChars = 160;
  const GumboNode* header = PreviousElementSibling(item);
  if (header == nullptr || IsMtCommentItem(header) || IsNeverComment(header)) return;
  const std::string text = OneLine(TextOf(header));
  const std::string published = ParseDate(text);
  if (published.empty() || CountCodePoints(text) > kMaxHeaderChars) return;
  const GumboNode* name = FindFirst(header, [](const GumboNode* n) {
    if (!IsTag(n, GUMBO_TAG_B) && !IsTag(n, GUMBO_TAG_STRONG) && !IsTag(n, GUMBO_TAG_A)) {
      return false;
    }
    if (IsTag(n, GUMBO_TAG_A) && IsPermalinkHref(Attr(n, "href"))) return false;
    const std::string shown = OneLine(TextOf(n));
    return !shown.empty() && !HasDigit(shown);
  });
  if (name == nullptr) return;
  comment->author = OneLine(TextOf(name));
  if (comment->published.empty()) comment->published = published;
  *link = IsTag(name, GUMBO_TAG_A) ? name : FindFirst(name, TagIs(GUMBO_TAG_A));
}

void ReadAuthorAndDate(const PageContext& page, const GumboNode* item, const MtItemScope& scope,
                       Comment* comment) {
  const GumboNode* vcard = FindFirst(
      item,
      [](const GumboNode* n) {
        return HasAnyClass(n, {"vcard", "fn", "commenter", "comment-author"}) ||
               (HasClass(n, "author") && !IsTag(n, GUMBO_TAG_A));
      },
      [&](const GumboNode* n) { return scope(n) || IsMtContent(n); });
  const GumboNode* link = nullptr;
  if (vcard != nullptr) {
    // The name inside a card that also says "par" or a separator.
    if (!HasClass(vcard, "fn")) {
      if (const GumboNode* name = FindFirst(vcard, ClassIs("fn"))) vcard = name;
    }
    comment->author = OneLine(TextOf(vcard));
    link = IsTag(vcard, GUMBO_TAG_A) ? vcard : FindFirst(vcard, TagIs(GUMBO_TAG_A));
  }
  comment->published = PublishedIn(item, scope);
  const GumboNode* footer = FooterOf(item, scope);
  if (footer != nullptr) {
    Byline byline = ReadBylineText(footer);
    if (comment->author.empty()) {
      comment->author = byline.name;
      link = byline.link;
    }
    if (comment->published.empty()) comment->published = byline.published;
  }
  if (comment->author.empty()) ReadHeaderBefore(item, comment, &link);
  if (link != nullptr) comment->author_url = AuthorUrl(page, link);
}

class MtCommentWalker {
 public:
  MtCommentWalker(const PageContext& page, std::vector<Comment>* comments)
      : page_(page), comments_(comments) {}

  // Depth is bounded by the depth guard ExtractPage runs before parsing.
  void Walk(const GumboNode* node, const std::string& parent_id) {
    for (const GumboNode* child : ElementChildren(node)) {
      if (IsNeverComment(child)) continue;
      if (!IsMtCommentItem(child) || HoldsOtherComments(child)) {
        Walk(child, parent_id);
        continue;
      }
      MtItemScope scope{child};
      Comment comment;
      comment.id = OwnIdOf(child);
      comment.text = TextOfItem(child, scope);
      ReadAuthorAndDate(page_, child, scope, &comment);
      // Empty items (a preview box outside a hiddenBox) are no comments.
      if (comment.text.empty() && comment.author.empty()) {
        Walk(child, parent_id);
        continue;
      }
      std::string replied_to = RepliedToId(child, scope, comment.id);
      comment.parent_id = replied_to.empty() ? parent_id : replied_to;
      comment.position = static_cast<int>(comments_->size()) + 1;
      if (comment.id.empty())
        comment.id = "position-" + std::to_string(comment.position);
      else
        comment.permalink = page_.post_url + "#" + comment.id;
      std::string id = comment.id;
      comments_->push_back(std::move(comment));
      Walk(child, id);
    }
  }

 private:
  // Replies nested as items of MT's own kind are this item's replies.
  bool HoldsOtherComments(const GumboNode* item) const {
    for (const GumboNode* child : ElementChildren(item)) {
      if (IsMtCommentItem(child)) return false;
    }
    return HoldsCommentRun(page_, item);
  }

  const PageContext& page_;
  std::vector<Comment>* comments_;
};

// Classic templates list trackbacks as div.trackback-body: a link to the
// citing entry (its title), an excerpt, the weblog's name and "Tracked:
// DATE" (in the blog's language), each on a line of its own.
void ReadClassicTrackbacks(const PageContext& page, std::vector<Trackback>* trackbacks) {
  for (const GumboNode* item : FindAll(page.root, ClassIs("trackback-body"), IsNeverComment)) {
    const GumboNode* link = FindFirst(item, [](const GumboNode* n) {
      std::string_view href = Attr(n, "href");
      return IsTag(n, GUMBO_TAG_A) && !href.empty() && href[0] != '#';
    });
    if (link == nullptr) continue;
    Trackback trackback;
    trackback.kind = LinkbackKind::kTrackback;
    trackback.source_url = AbsoluteUrl(page, Attr(link, "href"));
    trackback.title = OneLine(TextOf(link));
    if (const GumboNode* anchor = FindFirst(item, TagIs(GUMBO_TAG_A))) {
      trackback.id = std::string(Attr(anchor, "name"));
    }
    const std::string text = TextOf(item);
    for (size_t end = text.size(); end > 0 && trackback.published.empty();) {
      const size_t start = text.rfind('\n', end - 1);
      const size_t from = start == std::string::npos ? 0 : start + 1;
      trackback.published = ParseDate(text.substr(from, end - from));
      end = start == std::string::npos ? 0 : start;
    }
    if (!trackback.source_url.empty()) trackbacks->push_back(std::move(trackback));
  }
}

}  // namespace

bool FindMovableTypePost(const PageContext& page, PostParts* parts) {
  return FindAssetPost(page, parts) || FindClassicMtPost(page, parts);
}

void ExtractMovableTypeComments(const PageContext& page, std::vector<Comment>* comments,
                                std::vector<Trackback>* trackbacks) {
  MtCommentWalker walker(page, comments);
  walker.Walk(page.root, "");
  ReadClassicTrackbacks(page, trackbacks);
}

}  // namespace linkgraph::parsers
