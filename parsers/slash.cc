// Slash pages (Slashdot and other Slash sites, 2012 layout): the story and
// its threaded comments. Comments are li.comment#tree_N in
// ul#commentlisting, replies in a ul inside the item they answer; the
// comment's own block is div#comment_N. Collapsed and hidden comments keep
// their place in the tree with less (or no) content, and are kept as such.
#include <re2/re2.h>

#include "parsers/dates.h"
#include "parsers/extractors.h"
#include "parsers/text_util.h"
#include "parsers/urls.h"

namespace linkgraph::parsers {
namespace {

bool IdStartsWith(const GumboNode* node, std::string_view prefix) {
  return Id(node).starts_with(prefix);
}

// The N of li#tree_N; "" for anything else.
std::string TreeNumber(const GumboNode* node) {
  if (!IsTag(node, GUMBO_TAG_LI) || !HasClass(node, "comment")) return {};
  static const LazyRE2 kTree = {R"(tree_(\d+))"};
  std::string_view id = Id(node);
  std::string number;
  RE2::FullMatch(re2::StringPiece(id.data(), id.size()), *kTree, &number);
  return number;
}

bool IsSlashComment(const GumboNode* node) { return !TreeNumber(node).empty(); }

// Slash links to its own hosts without a scheme ("//slashdot.org/~name"):
// they are on the story's scheme, whatever the page was saved as.
std::string SlashUrl(const PageContext& page, std::string_view href) {
  if (href.starts_with("//")) return ResolveUrl(page.canonical_url, href);
  return AbsoluteUrl(page, href);
}

// The story's year: Slash prints dates without one in the current year
// ("on Tuesday July 24, @09:07AM"), and story URLs carry it (/story/12/07/24/).
std::string StoryYear(const PageContext& page) {
  static const LazyRE2 kStoryPath = {R"(/story/(\d{2})/\d{2}/\d{2}/)"};
  std::string year;
  if (RE2::PartialMatch(page.canonical_url, *kStoryPath, &year)) return "20" + year;
  return {};
}

// "on Tuesday July 24, 2012 @09:32AM" or "on Tuesday July 24, @09:07AM".
std::string SlashDate(std::string_view text, const std::string& year_hint) {
  static const LazyRE2 kSlashDate = {
      R"((?i)(\pL{3,})\s+(\d{1,2}),?\s*(\d{4})?\s*,?\s*@\s*(\d{1,2}:\d{2}\s*[AP]M))"};
  std::string month, day, year, time;
  if (!RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *kSlashDate, &month, &day,
                         &year, &time)) {
    return ParseDate(text);
  }
  if (year.empty()) year = year_hint;
  if (year.empty()) return {};
  return ParseDate(month + " " + day + ", " + year + " " + time);
}

// ---- The story ----

bool IsStory(const GumboNode* node) {
  return (IsTag(node, GUMBO_TAG_ARTICLE) && (EqualsIgnoreCase(Attr(node, "data-fhtype"), "story") ||
                                             HasClass(node, "fhitem-story"))) ||
         (IsTag(node, GUMBO_TAG_DIV) && HasClass(node, "article"));
}

bool SkipForStory(const GumboNode* node) {
  return IsSlashComment(node) || EqualsIgnoreCase(Id(node), "commentlisting");
}

std::string StoryTitle(const GumboNode* story) {
  const GumboNode* title = FindFirst(
      story, [](const GumboNode* n) { return IdStartsWith(n, "title-"); }, SkipForStory);
  if (title == nullptr) {
    title = FindFirst(
        story,
        [](const GumboNode* n) {
          return HasAnyClass(n, {"story", "generaltitle"}) ||
                 (IsTag(n, GUMBO_TAG_H3) && FindAncestor(n, ClassIs("title")) != nullptr);
        },
        SkipForStory);
  }
  if (title == nullptr) return {};
  // The heading also shows the comment count.
  return OneLine(TextOf(title, [](const GumboNode* n) { return HasClass(n, "comments"); }));
}

const GumboNode* StoryBody(const GumboNode* story) {
  const GumboNode* body = FindFirst(
      story, [](const GumboNode* n) { return IdStartsWith(n, "text-") && IsTag(n, GUMBO_TAG_DIV); },
      SkipForStory);
  if (body == nullptr) {
    body = FindFirst(
        story,
        [](const GumboNode* n) {
          return HasAnyClass(n, {"body", "intro"});
        },
        SkipForStory);
  }
  return body;
}

// "Posted by timothy on Tuesday July 24, @09:04AM from the ... dept."
void ReadByline(const PageContext& page, const GumboNode* story, PostParts* parts) {
  const GumboNode* details = FindFirst(story, ClassIs("details"), SkipForStory);
  if (details == nullptr) return;
  std::string text = OneLine(TextOf(details));
  static const LazyRE2 kPostedBy = {R"((?i)posted\s+by\s+(\S+))"};
  if (const GumboNode* link = FindFirst(details, TagIs(GUMBO_TAG_A))) {
    parts->author = OneLine(TextOf(link));
  } else {
    RE2::PartialMatch(text, *kPostedBy, &parts->author);
  }
  const GumboNode* time = FindFirst(details, TagIs(GUMBO_TAG_TIME));
  std::string year = StoryYear(page);
  if (time != nullptr) parts->published = SlashDate(Attr(time, "datetime"), year);
  if (parts->published.empty()) parts->published = SlashDate(text, year);
}

// ---- Comments ----

// The comment's own block (div#comment_N), without its replies.
const GumboNode* OwnBlock(const GumboNode* item, const std::string& number) {
  const std::string id = "comment_" + number;
  const GumboNode* block = FindFirst(
      item, [&id](const GumboNode* n) { return Id(n) == id; }, IsSlashComment);
  return block;
}

void ReadCommentAuthor(const PageContext& page, const GumboNode* block, Comment* comment) {
  const GumboNode* by = FindFirst(block, ClassIs("by"));
  if (by != nullptr) {
    // "by NAME (UID)": the uid is a span of its own.
    comment->author = OneLine(TextOf(by, [](const GumboNode* n) {
      return HasAnyClass(n, {"byby", "uid"});
    }));
    static const LazyRE2 kBy = {R"(^(?i)by\s+)"};
    RE2::Replace(&comment->author, *kBy, "");
    if (const GumboNode* link = FindFirst(by, TagIs(GUMBO_TAG_A))) {
      comment->author_url = SlashUrl(page, Attr(link, "href"));
    }
    return;
  }
  const GumboNode* details = FindFirst(block, ClassIs("details"));
  if (details == nullptr) return;
  static const LazyRE2 kByUid = {R"((?i)\bby\s+(.+?)\s*\(\d+\))"};
  RE2::PartialMatch(OneLine(TextOf(details)), *kByUid, &comment->author);
}

std::string ReadCommentDate(const GumboNode* block, const std::string& year) {
  const GumboNode* details = FindFirst(block, ClassIs("otherdetails"));
  if (details == nullptr) details = FindFirst(block, ClassIs("details"));
  return details == nullptr ? std::string() : SlashDate(OneLine(TextOf(details)), year);
}

}  // namespace

bool FindSlashPost(const PageContext& page, PostParts* parts) {
  std::vector<const GumboNode*> stories =
      FindAll(page.root, IsStory, [](const GumboNode* n) { return IsStory(n) || SkipForStory(n); });
  // The front page lists many stories.
  if (stories.size() != 1) return false;
  const GumboNode* story = stories.front();
  parts->body = StoryBody(story);
  if (parts->body == nullptr) return false;
  parts->container = story;
  parts->title = StoryTitle(story);
  ReadByline(page, story, parts);
  return true;
}

void ExtractSlashComments(const PageContext& page, std::vector<Comment>* comments,
                          std::vector<Trackback>*) {
  const std::string year = StoryYear(page);
  for (const GumboNode* item : FindAll(page.root, IsSlashComment)) {
    std::string number = TreeNumber(item);
    Comment comment;
    comment.id = "comment_" + number;
    comment.permalink = page.post_url + "#" + comment.id;
    comment.position = static_cast<int>(comments->size()) + 1;
    if (const GumboNode* parent = FindAncestor(item, IsSlashComment)) {
      comment.parent_id = "comment_" + TreeNumber(parent);
    }
    // Hidden comments are an empty block: a place in the thread, no more.
    if (const GumboNode* block = OwnBlock(item, number)) {
      ReadCommentAuthor(page, block, &comment);
      comment.published = ReadCommentDate(block, year);
      if (const GumboNode* body = FindFirst(block, ClassIs("commentBody"))) {
        comment.text = TextOf(body);
      }
    }
    comments->push_back(std::move(comment));
  }
}

}  // namespace linkgraph::parsers
