// Microformats pages: the post and its comments. microformats2 first: the
// page's main h-entry (p-name, e-content, p-author h-card, dt-published) and
// its p-comment h-cite / h-entry items (replies threaded by u-in-reply-to)
// and its Webmention likes, reposts and bookmarks (Comment::kind, no text);
// classic microformats (hentry, entry-title, entry-content, vcard) as the
// fallback for the post. A property belongs to its nearest microformat root,
// so an h-card's p-name is never the post's title.
#include <re2/re2.h>

#include <cstdint>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

#include "parsers/dates.h"
#include "common/ascii.h"
#include "parsers/extractors.h"
#include "parsers/text_util.h"

namespace linkgraph::parsers {
namespace {

// A microformats2 root class: "h-" and lower-case letters and hyphens
// ("h-entry", "h-card"). Bootstrap's height utilities ("h-100", "h-auto")
// look alike and are not roots.
bool IsRootClass(std::string_view token) {
  static const LazyRE2 kRoot = {R"(h-[a-z]+(?:-[a-z]+)*)"};
  return token != "h-auto" && RE2::FullMatch(re2::StringPiece(token.data(), token.size()), *kRoot);
}

bool IsMicroformatRoot(const GumboNode* node) {
  std::string_view classes = Attr(node, "class");
  size_t at = 0;
  while (at < classes.size()) {
    size_t start = classes.find_first_not_of(" \t\r\n\f", at);
    if (start == std::string_view::npos) break;
    size_t end = classes.find_first_of(" \t\r\n\f", start);
    if (end == std::string_view::npos) end = classes.size();
    if (IsRootClass(classes.substr(start, end - start))) return true;
    at = end;
  }
  return false;
}

// The elements of item carrying the property class: nested microformats
// hold their own properties, so the walk does not enter them (a nested
// root that is itself the property, "p-author h-card", is still found).
std::vector<const GumboNode*> Properties(const GumboNode* item, std::string_view property) {
  return FindAll(item, ClassIs(property), IsMicroformatRoot);
}

const GumboNode* Property(const GumboNode* item, std::string_view property) {
  return FindFirst(item, ClassIs(property), IsMicroformatRoot);
}

// The value of a p-* property as the microformats2 parsing rules read it.
std::string TextValue(const GumboNode* node) {
  if (node == nullptr) return {};
  if (IsTag(node, GUMBO_TAG_IMG) || IsTag(node, GUMBO_TAG_AREA)) return OneLine(Attr(node, "alt"));
  if (IsTag(node, GUMBO_TAG_ABBR) && HasAttr(node, "title")) return OneLine(Attr(node, "title"));
  if (IsTag(node, GUMBO_TAG_DATA) && HasAttr(node, "value")) return OneLine(Attr(node, "value"));
  return OneLine(TextOf(node));
}

// The value of a u-* property, absolute; "" when unusable.
std::string UrlValue(const PageContext& page, const GumboNode* node) {
  if (node == nullptr) return {};
  for (const char* attribute : {"href", "src", "data", "value"}) {
    if (HasAttr(node, attribute)) return AbsoluteUrl(page, Attr(node, attribute));
  }
  return AbsoluteUrl(page, OneLine(TextOf(node)));
}

// The value of a dt-* property, ISO 8601; "" when it holds no date.
std::string DateValue(const GumboNode* node) {
  if (node == nullptr) return {};
  for (const char* attribute : {"datetime", "title", "value", "content"}) {
    std::string date = ParseDate(Attr(node, attribute));
    if (!date.empty()) return date;
  }
  return ParseDate(OneLine(TextOf(node)));
}

struct Person {
  std::string name;
  std::string url;
};

// An h-card's name and URL, or a plain name or link. Facepiles show only
// a photo: its alt is the name then (the implied p-name of microformats2).
Person CardOf(const PageContext& page, const GumboNode* card) {
  Person person;
  if (HasClass(card, "h-card")) {
    person.name = TextValue(Property(card, "p-name"));
    person.url = UrlValue(page, Property(card, "u-url"));
  }
  if (person.name.empty()) person.name = TextValue(card);
  if (person.name.empty()) person.name = TextValue(FindFirst(card, TagIs(GUMBO_TAG_IMG)));
  if (person.url.empty() && IsTag(card, GUMBO_TAG_A)) person.url = UrlValue(page, card);
  return person;
}

// p-author / u-author of item.
Person AuthorOf(const PageContext& page, const GumboNode* item) {
  const GumboNode* author = Property(item, "p-author");
  if (author == nullptr) author = Property(item, "u-author");
  if (author == nullptr) return {};
  return CardOf(page, author);
}

bool IsHEntry(const GumboNode* node) { return HasClass(node, "h-entry"); }

// h-entries that are no other microformat's property (an h-feed around a
// single post is no other microformat's property either).
std::vector<const GumboNode*> TopLevelEntries(const GumboNode* root) {
  return FindAll(root, IsHEntry, [](const GumboNode* node) {
    return IsMicroformatRoot(node) && !HasClass(node, "h-feed");
  });
}

// The page's own h-entry: the only top-level one, or the one whose u-url
// is the page. nullptr on listings.
const GumboNode* MainEntry(const PageContext& page) {
  std::vector<const GumboNode*> entries = TopLevelEntries(page.root);
  if (entries.size() == 1) return entries.front();
  for (const GumboNode* entry : entries) {
    for (const GumboNode* url : Properties(entry, "u-url")) {
      std::string target = UrlValue(page, url);
      if (!target.empty() && (target == page.post_url || target == page.canonical_url)) {
        return entry;
      }
    }
  }
  return nullptr;
}

bool FindMicroformats2Post(const PageContext& page, PostParts* parts) {
  const GumboNode* entry = MainEntry(page);
  if (entry == nullptr) return false;
  const GumboNode* body = Property(entry, "e-content");
  if (body == nullptr) body = Property(entry, "e-summary");
  if (body == nullptr) return false;
  parts->body = body;
  parts->container = entry;
  parts->title = TextValue(Property(entry, "p-name"));
  // A note has no p-name of its own: it is untitled, not titled by the
  // first p-name elsewhere on the page (an h-card's, a quoted post's).
  parts->untitled = parts->title.empty();
  parts->author = AuthorOf(page, entry).name;
  parts->published = DateValue(Property(entry, "dt-published"));
  return true;
}

// Classic microformats: one hentry outside the comments, its entry-content.
bool FindMicroformats1Post(const PageContext& page, PostParts* parts) {
  auto is_entry = ClassIs("hentry");
  std::vector<const GumboNode*> entries = FindAll(page.root, is_entry, [&](const GumboNode* node) {
    return is_entry(node) || IsCommentArea(node);
  });
  if (entries.size() != 1) return false;
  const GumboNode* entry = entries.front();
  const GumboNode* body = FindFirst(entry, ClassIs("entry-content"), IsCommentArea);
  if (body == nullptr) return false;
  parts->body = body;
  parts->container = entry;
  parts->title = TextValue(FindFirst(entry, ClassIs("entry-title"), IsCommentArea));
  if (const GumboNode* card = FindFirst(entry, ClassIs("vcard"), IsCommentArea)) {
    parts->author = TextValue(FindFirst(card, ClassIs("fn")));
  }
  parts->published = DateValue(FindFirst(entry, ClassIs("published"), IsCommentArea));
  return true;
}

// Webmention likes, reposts and bookmarks: responses without text of their
// own, shown in facepiles. How each kind is marked: the item's own property
// class ("p-like h-cite", "u-like h-card"), a "-of" property inside it, or
// a facepile named for the kind.
struct ReactionMarks {
  std::string_view kind;  // Comment::kind
  std::string_view p_class, u_class, of_property, area;
};
constexpr ReactionMarks kReactions[] = {
    {"like", "p-like", "u-like", "u-like-of", "likes"},
    {"repost", "p-repost", "u-repost", "u-repost-of", "reposts"},
    {"bookmark", "p-bookmark", "u-bookmark", "u-bookmark-of", "bookmarks"},
};
constexpr std::string_view kTextComment = "comment";
// An item of a facepile that does not say which kind it is: left out.
constexpr std::string_view kUnknownReaction = "";

bool IsNamed(const GumboNode* node, std::string_view name) {
  return HasClass(node, name) || EqualsIgnoreCase(Id(node), name);
}

// The items a microformats2 entry lists as its responses.
bool IsResponseProperty(const GumboNode* node) {
  if (HasClass(node, "p-comment")) return true;
  for (const ReactionMarks& marks : kReactions) {
    if (HasClass(node, marks.p_class) || HasClass(node, marks.u_class)) return true;
  }
  return false;
}

// A received like, repost or bookmark shown as an item of its own: an
// h-cite, h-entry or h-card holding u-like-of, u-repost-of or u-bookmark-of.
bool IsReactionItem(const GumboNode* node) {
  if (!HasAnyClass(node, {"h-cite", "h-entry", "h-card"})) return false;
  for (const ReactionMarks& marks : kReactions) {
    if (Property(node, marks.of_property) != nullptr) return true;
  }
  return false;
}

// Comment::kind of a response item, or kUnknownReaction.
std::string_view ResponseKind(const GumboNode* item) {
  for (const ReactionMarks& marks : kReactions) {
    if (HasClass(item, marks.p_class) || HasClass(item, marks.u_class)) return marks.kind;
  }
  for (const ReactionMarks& marks : kReactions) {
    if (Property(item, marks.of_property) != nullptr) return marks.kind;
  }
  const GumboNode* pile = FindAncestor(item, [](const GumboNode* node) {
    for (std::string_view name : {"facepile", "reactions", "likes", "reposts", "bookmarks"}) {
      if (IsNamed(node, name)) return true;
    }
    return false;
  });
  if (pile == nullptr) return kTextComment;
  for (const ReactionMarks& marks : kReactions) {
    if (IsNamed(pile, marks.area)) return marks.kind;
  }
  return kUnknownReaction;
}

// Where comments without p-comment stand: the theme's comment list, or a
// list of received Webmentions.
bool IsResponsesArea(const GumboNode* node) {
  if (IsCommentArea(node)) return true;
  for (std::string_view name : {"responses", "webmentions", "webmention", "replies", "mentions"}) {
    if (EqualsIgnoreCase(Id(node), name) || HasClass(node, name)) return true;
  }
  return false;
}

// Stable across runs and builds, unlike std::hash.
std::string ShortHash(std::string_view text) {
  const uint64_t hash = Fnv1a(kFnv1aOffsetBasis, text);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return std::string(hex, 12);
}

// A u-in-reply-to is a link or an h-cite of the post replied to.
std::vector<std::string> InReplyTo(const PageContext& page, const GumboNode* item) {
  std::vector<std::string> targets;
  for (const GumboNode* reply_to : Properties(item, "u-in-reply-to")) {
    const GumboNode* url = IsMicroformatRoot(reply_to) ? Property(reply_to, "u-url") : reply_to;
    std::string target = UrlValue(page, url);
    if (!target.empty()) targets.push_back(std::move(target));
  }
  return targets;
}

std::string CommentText(const GumboNode* item) {
  for (std::string_view property : {"e-content", "p-content", "e-summary", "p-summary"}) {
    if (const GumboNode* content = Property(item, property)) return CommentBodyText(content);
  }
  return TextValue(Property(item, "p-name"));
}

class CommentReader {
 public:
  CommentReader(const PageContext& page, std::vector<Comment>* comments)
      : page_(page), comments_(comments), first_(comments->size()) {}

  // p-comment items of item, and the replies nested in each; its likes,
  // reposts and bookmarks, in page order with them.
  void ReadNested(const GumboNode* item, const std::string& parent_id) {
    auto is_response = [](const GumboNode* node) {
      return IsResponseProperty(node) || IsReactionItem(node);
    };
    for (const GumboNode* child : FindAll(item, is_response, IsMicroformatRoot)) {
      std::string id = Read(child, parent_id);
      ReadNested(child, id.empty() ? parent_id : id);
    }
  }

  // h-cite and h-entry items in the entry's comment areas, for themes that
  // list responses without p-comment; only the likes, reposts and bookmarks
  // there when the entry's p-comment items were read already.
  void ReadAreas(const GumboNode* scope, const GumboNode* entry, bool reactions_only) {
    auto is_item = [](const GumboNode* node) {
      return HasClass(node, "h-cite") || HasClass(node, "h-entry") || IsResponseProperty(node);
    };
    for (const GumboNode* area : FindAll(scope, IsResponsesArea, IsResponsesArea)) {
      // An area around the post, inside its text or in a sidebar ("recent
      // comments") is no comment area of the post.
      if (FindAncestor(entry, [area](const GumboNode* n) { return n == area; }) != nullptr ||
          FindAncestor(area, [](const GumboNode* n) {
            return HasClass(n, "e-content") || IsTag(n, GUMBO_TAG_ASIDE) || IsTag(n, GUMBO_TAG_NAV);
          }) != nullptr) {
        continue;
      }
      for (const GumboNode* item : FindAll(area, is_item, IsMicroformatRoot)) {
        if (reactions_only && ResponseKind(item) == kTextComment) continue;
        std::string id = Read(item, "");
        ReadNested(item, id);
      }
    }
  }

  // Whether a text comment (no like, repost or bookmark) was read.
  bool FoundText() const { return texts_ > 0; }

  // Replies that name the comment they answer by its u-url.
  void LinkReplies() {
    for (size_t i = 0; i < in_reply_to_.size(); ++i) {
      Comment& comment = (*comments_)[first_ + i];
      if (!comment.parent_id.empty()) continue;
      for (const std::string& target : in_reply_to_[i]) {
        auto found = id_by_url_.find(target);
        if (found != id_by_url_.end() && found->second != comment.id) {
          comment.parent_id = found->second;
          break;
        }
      }
    }
  }

 private:
  // Appends the comment, like, repost or bookmark; the comment's id, or ""
  // when the item is no text comment (and so no parent of a reply).
  std::string Read(const GumboNode* item, const std::string& parent_id) {
    // The entry's p-like items may stand again in its responses area.
    if (!items_read_.insert(item).second) return {};
    const std::string_view kind = ResponseKind(item);
    if (kind == kUnknownReaction) return {};
    const bool is_text = kind == kTextComment;
    Comment comment;
    comment.kind = std::string(kind);
    if (is_text) {
      comment.text = CommentText(item);
      if (comment.text.empty()) return {};
    }
    // A facepile item may be the person's h-card itself ("u-like h-card"):
    // its u-url is the person's, the same for their like and their repost.
    const bool is_card = !is_text && HasClass(item, "h-card");
    Person author = is_card ? CardOf(page_, item) : AuthorOf(page_, item);
    const std::string url = is_card ? (author.url.empty() ? "" : comment.kind + " " + author.url)
                                    : UrlValue(page_, Property(item, "u-url"));
    comment.position = static_cast<int>(comments_->size()) + 1;
    comment.id = std::string(Id(item));
    if (comment.id.empty() && !url.empty()) comment.id = "mention-" + ShortHash(url);
    if (comment.id.empty()) comment.id = "position-" + std::to_string(comment.position);
    if (!ids_.insert(comment.id).second) return {};  // shown twice
    comment.permalink = page_.post_url + "#" + comment.id;
    comment.author = std::move(author.name);
    comment.author_url = std::move(author.url);
    comment.published = DateValue(Property(item, "dt-published"));
    if (is_text) {
      comment.parent_id = parent_id;
      if (!url.empty()) id_by_url_.emplace(url, comment.id);
      in_reply_to_.push_back(InReplyTo(page_, item));
      ++texts_;
    } else {
      in_reply_to_.emplace_back();  // answers nothing
    }
    comments_->push_back(std::move(comment));
    return is_text ? comments_->back().id : std::string();
  }

  const PageContext& page_;
  std::vector<Comment>* comments_;
  const size_t first_;  // comments before first_ are not this reader's
  std::unordered_set<std::string> ids_;
  std::unordered_set<const GumboNode*> items_read_;
  std::unordered_map<std::string, std::string> id_by_url_;
  std::vector<std::vector<std::string>> in_reply_to_;  // per comment, in order
  int texts_ = 0;                                      // text comments read
};

}  // namespace

bool FindMicroformatsPost(const PageContext& page, PostParts* parts) {
  return FindMicroformats2Post(page, parts) || FindMicroformats1Post(page, parts);
}

void ExtractMicroformatsComments(const PageContext& page, std::vector<Comment>* comments,
                                 std::vector<Trackback>*) {
  const GumboNode* entry = MainEntry(page);
  if (entry == nullptr) return;
  CommentReader reader(page, comments);
  reader.ReadNested(entry, "");
  // A facepile of p-like items says nothing of where the replies are; the
  // likes of a Webmention list after the entry may stand beside p-comments.
  reader.ReadAreas(page.root, entry, /*reactions_only=*/reader.FoundText());
  reader.LinkReplies();
}

}  // namespace linkgraph::parsers
