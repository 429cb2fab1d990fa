// Blogger pages: the post and its comments. The post is div.post (".post
// hentry") inside .blog-posts. Comments come in three layouts: the classic
// templates' items with an anchor id, the old flat dl#comments-block (dt
// author, dd.comment-body, dd.comment-footer) and the threaded one
// (div.comment-thread > ol > li.comment, replies in the item's
// div.comment-replies > div.inline-thread > ol). Backlinks ("Links to this
// post") reuse the old block's markup with dt.comment-title: trackbacks.
#include <re2/re2.h>

#include <cstdint>
#include <cstdio>
#include <unordered_set>

#include "parsers/dates.h"
#include "parsers/extractors.h"
#include "parsers/text_util.h"

namespace linkgraph::parsers {
namespace {

// ---------------------------------------------------------------- the post

bool IsPostBody(const GumboNode* node) { return HasAnyClass(node, {"post-body", "entry-content"}); }

bool IsBloggerPostContainer(const GumboNode* node) {
  return (IsTag(node, GUMBO_TAG_DIV) || IsTag(node, GUMBO_TAG_ARTICLE)) &&
         HasAnyClass(node, {"post", "hentry"});
}

// Sidebar gadgets (popular posts, featured post) show other posts' snippets;
// the Blog widget's .blog-posts holds the page's own.
const GumboNode* PostsArea(const GumboNode* root) {
  const GumboNode* area = FindFirst(root, ClassIs("blog-posts"));
  return area != nullptr ? area : root;
}

std::string ReadPostTitle(const GumboNode* scope) {
  const GumboNode* title = FindFirst(
      scope,
      [](const GumboNode* n) {
        return HasAnyClass(n, {"post-title", "entry-title"});
      },
      IsCommentArea);
  return title == nullptr ? std::string() : OneLine(TextOf(title));
}

// "Posted by", localised: Blogger prints the label in the blog's language.
std::string WithoutBylineLabel(std::string byline) {
  static const LazyRE2 kLabel = {
      R"((?i)^(?:posted\s+by|by|eingestellt\s+von|von|publi\S*\s+par|par|publicado\s+por|)"
      R"(pubblicato\s+da|geplaatst\s+door|postado\s+por|postat\s+de|opublikowane\s+przez)\s*:?\s+)"};
  RE2::Replace(&byline, *kLabel, "");
  return std::string(TrimAscii(byline));
}

std::string ReadPostAuthor(const GumboNode* scope) {
  const GumboNode* byline = FindFirst(scope, ClassIs("post-author"), IsCommentArea);
  if (byline == nullptr) return {};
  const GumboNode* name = HasClass(byline, "fn") ? byline : FindFirst(byline, ClassIs("fn"));
  if (name != nullptr) return OneLine(TextOf(name));
  return WithoutBylineLabel(OneLine(TextOf(byline, [](const GumboNode* n) {
    return HasAnyClass(n, {"byline-label", "byline-prefix"});
  })));
}

// The day heading of the post: in the post on newer templates, before it in
// .date-outer on older ones (one heading per day of posts).
const GumboNode* DateHeader(const GumboNode* container, const GumboNode* area) {
  if (container != nullptr) {
    if (const GumboNode* header = FindFirst(container, ClassIs("date-header"))) return header;
    if (const GumboNode* day = FindAncestor(container, ClassIs("date-outer"))) {
      return FindFirst(day, ClassIs("date-header"));
    }
  }
  return FindFirst(area, ClassIs("date-header"));
}

std::string ReadPostDate(const GumboNode* container, const GumboNode* area) {
  const GumboNode* scope = container != nullptr ? container : area;
  // abbr.published title="2012-08-05T02:00:00-07:00", time datetime=, or
  // itemprop=datePublished: the full date and zone.
  for (const GumboNode* node : FindAll(
           scope,
           [](const GumboNode* n) {
             return HasClass(n, "published") || Attr(n, "itemprop") == "datePublished";
           },
           IsCommentArea)) {
    for (const char* attribute : {"title", "datetime", "content"}) {
      std::string date = ParseDate(Attr(node, attribute));
      if (!date.empty()) return date;
    }
  }
  // Otherwise the day heading gives the date and the permalink the time.
  const GumboNode* header = DateHeader(container, area);
  std::string day = header == nullptr ? std::string() : OneLine(TextOf(header));
  if (const GumboNode* time = FindFirst(scope, ClassIs("timestamp-link"), IsCommentArea)) {
    std::string date = ParseDate(day + " " + OneLine(TextOf(time)));
    if (!date.empty()) return date;
  }
  return ParseDate(day);
}

// ---------------------------------------------------------------- comments

// "c123", Blogger's anchor for a comment; "" for other ids.
std::string CommentAnchor(std::string_view id) {
  static const LazyRE2 kAnchor = {R"(c\d+)"};
  return RE2::FullMatch(re2::StringPiece(id.data(), id.size()), *kAnchor) ? std::string(id)
                                                                          : std::string();
}

// The "c123" of a permalink ".../post.html?showComment=1344165111174#c123".
std::string AnchorOfLink(std::string_view href) {
  static const LazyRE2 kFragment = {R"(#(c\d+)$)"};
  std::string anchor;
  RE2::PartialMatch(re2::StringPiece(href.data(), href.size()), *kFragment, &anchor);
  return anchor;
}

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
void CivilFromDays(int64_t days, int64_t* year, unsigned* month, unsigned* day) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned shifted_month = (5 * day_of_year + 2) / 153;
  *day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  *month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  *year = static_cast<int64_t>(year_of_era) + era * 400 + (*month <= 2 ? 1 : 0);
}

// Minutes after midnight of the clock text shows ("02:56:00 AM", "21:48"),
// or -1.
int ShownClockMinutes(std::string_view text) {
  static const LazyRE2 kClock = {R"((?i)\b(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*([ap])\.?m\b)?)"};
  int hour = 0, minute = 0;
  std::string half;
  if (!RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *kClock, &hour, &minute,
                         &half)) {
    return -1;
  }
  if (!half.empty()) {
    if (hour < 1 || hour > 12) return -1;
    hour = hour % 12 + (half == "p" || half == "P" ? 12 : 0);
  }
  return hour < 24 && minute < 60 ? hour * 60 + minute : -1;
}

// A comment permalink carries its instant: "?showComment=<ms since epoch>".
// Where the page shows a clock but no date ParseDate reads (no year, or a
// language it does not know), the clock tells the blog's offset from UTC,
// and the instant is written in the blog's local time; else in UTC.
std::string DateOfShowComment(std::string_view href, std::string_view shown) {
  // Saved copies write the query's "?" as "%3F" into the file's name.
  static const LazyRE2 kShowComment = {R"((?:[?&]|%3[Ff])showComment=(\d{10,13})\b)"};
  int64_t millis = 0;
  if (!RE2::PartialMatch(re2::StringPiece(href.data(), href.size()), *kShowComment, &millis)) {
    return {};
  }
  int64_t seconds = millis / 1000;
  int offset = 0;  // minutes east of UTC
  if (const int clock = ShownClockMinutes(shown); clock >= 0) {
    constexpr int kDay = 24 * 60;
    offset = ((clock - static_cast<int>(seconds % 86400 / 60)) % kDay + kDay) % kDay;
    if (offset > 14 * 60) offset -= kDay;  // zones run from -12:00 to +14:00
    if (offset % 15 != 0) offset = 0;      // no zone is off by odd minutes
    seconds += static_cast<int64_t>(offset) * 60;
  }
  int64_t year = 0;
  unsigned month = 0, day = 0;
  CivilFromDays(seconds / 86400, &year, &month, &day);
  const int64_t of_day = seconds % 86400;
  const int zone = offset < 0 ? -offset : offset;
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lld%c%02d:%02d",
                static_cast<long long>(year), month, day, static_cast<long long>(of_day / 3600),
                static_cast<long long>(of_day / 60 % 60), static_cast<long long>(of_day % 60),
                offset < 0 ? '-' : '+', zone / 60, zone % 60);
  return buffer;
}

// The date a timestamp element shows, else the one its permalink carries.
std::string ReadCommentDate(const GumboNode* stamp) {
  if (stamp == nullptr) return {};
  const std::string shown = OneLine(TextOf(stamp));
  std::string date = ParseDate(shown);
  if (!date.empty()) return date;
  const GumboNode* link = IsTag(stamp, GUMBO_TAG_A) ? stamp : FindFirst(stamp, TagIs(GUMBO_TAG_A));
  return link == nullptr ? std::string() : DateOfShowComment(Attr(link, "href"), shown);
}

bool IsDeleted(const GumboNode* content) {
  return HasClass(content, "deleted-comment") ||
         FindFirst(content, ClassIs("deleted-comment")) != nullptr;
}

// A deleted comment's text: none. The page still counts it and names its
// writer and date, and its replies answer it; "This comment has been
// removed by the author." is no one's words.
std::string TextOfBody(const GumboNode* body) {
  return IsDeleted(body) ? std::string() : CommentBodyText(body);
}

// Avatars link to the profile too, with an image for text; the delete icon
// is for the blog's admin.
bool IsAuthorChrome(const GumboNode* node) {
  return HasClassPrefix(node, "avatar") || HasAnyClass(node, {"item-control", "icon"});
}

// Name and profile link from an element holding them, e.g.
// <cite class="user"><a href="profile">Name</a></cite>.
void ReadAuthorIn(const PageContext& page, const GumboNode* holder, std::string* name,
                  std::string* url) {
  const GumboNode* link = FindFirst(
      holder,
      [](const GumboNode* n) {
        std::string_view href = Attr(n, "href");
        return IsTag(n, GUMBO_TAG_A) && !href.empty() && href[0] != '#';
      },
      IsAuthorChrome);
  if (IsTag(holder, GUMBO_TAG_A)) link = holder;
  if (link != nullptr) {
    *name = OneLine(TextOf(link));
    *url = AbsoluteUrl(page, Attr(link, "href"));
  }
  if (name->empty()) *name = OneLine(TextOf(holder, IsAuthorChrome));
}

// "Anonymous said...": the old layout follows the name with a localised verb.
std::string WithoutSaid(std::string name) {
  static const LazyRE2 kSaid = {
      R"((?i)\s+(?:said|says|wrote|hat\s+gesagt|schrieb|a\s+dit|dijo|ha\s+dicho|ha\s+detto|zei|)"
      R"(disse|sa|sagde|skrev|kirjoitti|napisał\(a\)|pisze)\s*(?:\.\.\.|…|:)?\s*$)"};
  RE2::Replace(&name, *kSaid, "");
  return std::string(TrimAscii(name));
}

// An old-layout entry: the dt and the dd elements after it, up to the next dt.
struct OldEntry {
  const GumboNode* head = nullptr;
  const GumboNode* body = nullptr;
  const GumboNode* footer = nullptr;
};

OldEntry EntryOf(const GumboNode* dt) {
  OldEntry entry;
  entry.head = dt;
  for (const GumboNode* dd = NextElementSibling(dt); IsTag(dd, GUMBO_TAG_DD);
       dd = NextElementSibling(dd)) {
    if (HasAnyClass(dd, {"comment-footer", "comment-timestamp"})) {
      if (entry.footer == nullptr) entry.footer = dd;
    } else if (entry.body == nullptr) {
      entry.body = dd;
    }
  }
  return entry;
}

// dt.comment-title in div.collapsed-backlink.backlink-control, in
// #Blog1_backlinks-container.
bool IsBacklink(const GumboNode* dt) {
  auto backlinks = [](const GumboNode* n) {
    return HasAnyClass(n, {"backlink-control", "collapsed-backlink", "expanded-backlink"}) ||
           ContainsIgnoreCase(Id(n), "backlinks");
  };
  return HasClass(dt, "comment-title") || FindAncestor(dt, backlinks) != nullptr;
}

// Classic templates' comment: an element with an anchor id ("c123") in
// the comment area.
bool IsClassicItem(const GumboNode* node) {
  return !CommentAnchor(Id(node)).empty() && FindAncestor(node, IsCommentArea) != nullptr;
}

class BloggerCommentReader {
 public:
  BloggerCommentReader(const PageContext& page, std::vector<Comment>* comments,
                       std::vector<Trackback>* trackbacks)
      : page_(page), comments_(comments), trackbacks_(trackbacks) {}

  // div.comment-thread > ol > li.comment, nested threads inside the items.
  void ReadThread(const GumboNode* node, const std::string& parent_id) {
    for (const GumboNode* child : ElementChildren(node)) {
      if (IsThreadedItem(child)) {
        ReadThreadedItem(child, parent_id);
      } else {
        ReadThread(child, parent_id);  // depth bounded by ExtractPage's guard
      }
    }
  }

  // dl#comments-block: comments, or backlinks in the backlinks container.
  void ReadOldBlock(const GumboNode* block) {
    for (const GumboNode* dt : FindAll(block, TagIs(GUMBO_TAG_DT))) {
      OldEntry entry = EntryOf(dt);
      if (IsBacklink(dt)) {
        ReadBacklink(entry);
      } else {
        ReadOldComment(entry);
      }
    }
  }

  // Classic templates (before 2007): items with an anchor id ("c123") in
  // div#comments, each a div.comment-body and a p.comment-data "By NAME,
  // at 1:39 PM" (a time of day only: no date to read). Themes built on
  // them nest a reply's item inside its parent's.
  void ReadClassicItem(const GumboNode* item, const std::string& parent_id) {
    const auto nested = [item](const GumboNode* n) { return n != item && IsClassicItem(n); };
    const GumboNode* body = FindFirst(item, ClassIs("comment-body"), nested);
    if (body == nullptr || nested(body)) return;
    Comment comment;
    comment.id = CommentAnchor(Id(item));
    comment.parent_id = parent_id;
    if (const GumboNode* data = FindFirst(item, ClassIs("comment-data"), nested)) {
      const GumboNode* anonymous = FindFirst(data, ClassIs("anon-comment-author"));
      ReadAuthorIn(page_, anonymous != nullptr ? anonymous : data, &comment.author,
                   &comment.author_url);
      static const LazyRE2 kAtTime = {R"((?i),?\s+at\s+.*$)"};
      RE2::Replace(&comment.author, *kAtTime, "");
      comment.author = WithoutBylineLabel(std::move(comment.author));
      comment.published = ParseDate(OneLine(TextOf(data)));
    }
    CompleteFromMicrodata(page_, item, &comment);
    comment.text = TextOfBody(body);
    const std::string id = comment.id;
    if (!Add(std::move(comment))) return;
    for (const GumboNode* reply : FindAll(item, nested, nested)) ReadClassicItem(reply, id);
  }

 private:
  static bool IsThreadedItem(const GumboNode* node) {
    return IsTag(node, GUMBO_TAG_LI) && HasClass(node, "comment");
  }

  void ReadThreadedItem(const GumboNode* item, const std::string& parent_id) {
    // The item's own parts: not those of its replies.
    auto scope = [item](const GumboNode* n) {
      return n != item && (IsThreadedItem(n) || HasClass(n, "comment-replies"));
    };
    std::string replies_parent = parent_id;
    const GumboNode* content = FindFirst(item, ClassIs("comment-content"), scope);
    if (content != nullptr) {
      Comment comment;
      comment.id = CommentAnchor(Id(item));
      if (comment.id.empty()) {
        const GumboNode* anchored = FindFirst(
            item, [](const GumboNode* n) { return !CommentAnchor(Id(n)).empty(); }, scope);
        if (anchored != nullptr) comment.id = CommentAnchor(Id(anchored));
      }
      const GumboNode* stamp = FindFirst(item, ClassIs("datetime"), scope);
      if (comment.id.empty() && stamp != nullptr) comment.id = AnchorOfLink(LinkOf(stamp));
      if (const GumboNode* author = ThreadedAuthor(item, scope)) {
        ReadAuthorIn(page_, author, &comment.author, &comment.author_url);
      }
      comment.published = ReadCommentDate(stamp);
      comment.text = TextOfBody(content);
      comment.parent_id = parent_id;
      if (Add(std::move(comment))) replies_parent = comments_->back().id;
    }
    for (const GumboNode* replies : FindAll(item, ClassIs("comment-replies"), scope)) {
      ReadThread(replies, replies_parent);
    }
  }

  static const GumboNode* ThreadedAuthor(const GumboNode* item, const NodePredicate& scope) {
    if (const GumboNode* cite = FindFirst(item, TagAndClass(GUMBO_TAG_CITE, "user"), scope)) {
      return cite;
    }
    // Not span.icon.user, the empty badge beside the name.
    return FindFirst(
        item, [](const GumboNode* n) { return HasClass(n, "user") && !HasClass(n, "icon"); },
        scope);
  }

  static std::string_view LinkOf(const GumboNode* stamp) {
    const GumboNode* link =
        IsTag(stamp, GUMBO_TAG_A) ? stamp : FindFirst(stamp, TagIs(GUMBO_TAG_A));
    return link == nullptr ? std::string_view() : Attr(link, "href");
  }

  void ReadOldComment(const OldEntry& entry) {
    if (entry.body == nullptr) return;
    Comment comment;
    comment.id = CommentAnchor(Id(entry.head));
    if (comment.id.empty()) {
      const GumboNode* named = FindFirst(entry.head, [](const GumboNode* n) {
        return IsTag(n, GUMBO_TAG_A) && !CommentAnchor(Attr(n, "name")).empty();
      });
      if (named != nullptr) comment.id = CommentAnchor(Attr(named, "name"));
    }
    if (comment.id.empty() && entry.footer != nullptr) {
      comment.id = AnchorOfLink(LinkOf(entry.footer));
    }
    ReadAuthorIn(page_, entry.head, &comment.author, &comment.author_url);
    comment.author = WithoutSaid(std::move(comment.author));
    if (entry.footer != nullptr) {
      const GumboNode* stamp = FindFirst(entry.footer, ClassIs("comment-timestamp"));
      comment.published = ReadCommentDate(stamp != nullptr ? stamp : entry.footer);
    }
    comment.text = TextOfBody(entry.body);
    Add(std::move(comment));
  }

  void ReadBacklink(const OldEntry& entry) {
    Trackback backlink;
    const GumboNode* link = FindFirst(
        entry.head,
        [](const GumboNode* n) {
          std::string_view href = Attr(n, "href");
          return IsTag(n, GUMBO_TAG_A) && !href.empty() && href[0] != '#';
        },
        IsAuthorChrome);
    if (link == nullptr) return;
    backlink.source_url = AbsoluteUrl(page_, Attr(link, "href"));
    if (backlink.source_url.empty()) return;
    backlink.title = OneLine(TextOf(link));
    if (entry.footer != nullptr) {
      const GumboNode* stamp = FindFirst(entry.footer, ClassIs("comment-timestamp"));
      if (stamp != nullptr) backlink.published = ParseDate(OneLine(TextOf(stamp)));
    }
    trackbacks_->push_back(std::move(backlink));
  }

  // False for a comment already read (a page holding both layouts).
  bool Add(Comment comment) {
    if (!comment.id.empty() && !seen_ids_.insert(comment.id).second) return false;
    comment.permalink = comment.id.empty() ? std::string() : page_.post_url + "#" + comment.id;
    comment.position = static_cast<int>(comments_->size()) + 1;
    // Replies need something to point at even where the page gives no id.
    if (comment.id.empty()) comment.id = "position-" + std::to_string(comment.position);
    comments_->push_back(std::move(comment));
    return true;
  }

  const PageContext& page_;
  std::vector<Comment>* comments_;
  std::vector<Trackback>* trackbacks_;
  std::unordered_set<std::string> seen_ids_;
};

bool IsThreadRoot(const GumboNode* node) { return HasClass(node, "comment-thread"); }

bool IsOldBlock(const GumboNode* node) {
  return IsTag(node, GUMBO_TAG_DL) &&
         (Id(node) == "comments-block" || HasClass(node, "comments-block"));
}

}  // namespace

bool FindBloggerPost(const PageContext& page, PostParts* parts) {
  const GumboNode* area = PostsArea(page.root);
  std::vector<const GumboNode*> bodies = FindAll(
      area, IsPostBody, [](const GumboNode* n) { return IsCommentArea(n) || IsPostBody(n); });
  // Several bodies: the front page, a label or an archive.
  if (bodies.size() != 1) return false;
  parts->body = bodies.front();
  parts->container = FindAncestor(parts->body, IsBloggerPostContainer);
  const GumboNode* scope = parts->container != nullptr ? parts->container : area;
  parts->title = ReadPostTitle(scope);
  parts->author = ReadPostAuthor(scope);
  parts->published = ReadPostDate(parts->container, area);
  return true;
}

void ExtractBloggerComments(const PageContext& page, std::vector<Comment>* comments,
                            std::vector<Trackback>* trackbacks) {
  BloggerCommentReader reader(page, comments, trackbacks);
  // Outermost threads only: the inline ones are read with their comment.
  for (const GumboNode* thread : FindAll(page.root, IsThreadRoot, IsThreadRoot)) {
    reader.ReadThread(thread, "");
  }
  for (const GumboNode* block : FindAll(page.root, IsOldBlock, IsOldBlock)) {
    reader.ReadOldBlock(block);
  }
  if (!comments->empty()) return;
  for (const GumboNode* item : FindAll(page.root, IsClassicItem, IsClassicItem)) {
    reader.ReadClassicItem(item, "");
  }
}

}  // namespace linkgraph::parsers
