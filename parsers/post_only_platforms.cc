// Ghost and tDiary pages: the post alone (their comments are not in the
// HTML: Ghost themes load Commento, Disqus or Ghost's own comments by
// script; a tDiary day page shows comments only when readers left some,
// and ExtractMicroformatsComments finds none of its markup).
#include <re2/re2.h>

#include <cstdio>
#include <string>

#include "parsers/dates.h"
#include "parsers/extractors.h"
#include "parsers/text_util.h"

namespace linkgraph::parsers {
namespace {

bool IsOutsidePostBody(const GumboNode* node) {
  return IsTag(node, GUMBO_TAG_NAV) || IsTag(node, GUMBO_TAG_ASIDE) ||
         IsTag(node, GUMBO_TAG_SCRIPT) || IsCommentArea(node);
}

// --- Ghost ---------------------------------------------------------------

// Ghost names the template on <body>: posts and pages have their own,
// listings ("home-template", "tag-template", "paged") do not.
bool IsGhostListing(const GumboNode* root) {
  const GumboNode* body = FindFirst(root, TagIs(GUMBO_TAG_BODY));
  return body != nullptr && HasAnyClass(body, {"home-template", "tag-template", "author-template",
                                               "paged", "archive-template"});
}

// Casper's classes first (post-full-content, then gh-content from Ghost 4),
// then those of other common themes.
const GumboNode* GhostBody(const GumboNode* root) {
  for (std::string_view name : {"post-full-content", "gh-content", "article-content",
                                "post-content", "single-content", "content-body"}) {
    if (const GumboNode* body = FindFirst(root, ClassIs(name), IsOutsidePostBody)) return body;
  }
  return nullptr;
}

// The nearest block around the body that also holds the post's heading.
const GumboNode* GhostContainer(const GumboNode* body) {
  return FindAncestor(body, [](const GumboNode* node) {
    return IsTag(node, GUMBO_TAG_ARTICLE) || FindFirst(node, TagIs(GUMBO_TAG_H1)) != nullptr;
  });
}

std::string GhostTitle(const GumboNode* container) {
  if (container == nullptr) return {};
  for (std::string_view name : {"post-full-title", "gh-article-title", "article-title",
                                "post-title", "single-title", "title"}) {
    const GumboNode* heading = FindFirst(
        container, [name](const GumboNode* n) { return HasClass(n, name); }, IsOutsidePostBody);
    if (heading != nullptr) return OneLine(TextOf(heading));
  }
  return {};
}

// Ghost's head writes "Written by" and the author's name as Twitter card
// data; themes print it in many shapes.
std::string GhostAuthor(const GumboNode* root, const GumboNode* container) {
  if (EqualsIgnoreCase(MetaContent(root, "name", "twitter:label1"), "Written by")) {
    std::string name = MetaContent(root, "name", "twitter:data1");
    if (!name.empty()) return name;
  }
  if (container == nullptr) return {};
  const GumboNode* byline = FindFirst(
      container,
      [](const GumboNode* n) {
        return HasAnyClass(n, {"post-full-author-name", "author-name", "gh-article-author-name"}) ||
               (IsTag(n, GUMBO_TAG_A) && ContainsIgnoreCase(Attr(n, "href"), "/author/"));
      },
      IsOutsidePostBody);
  return byline == nullptr ? std::string() : OneLine(TextOf(byline));
}

std::string GhostPublished(const GumboNode* root, const GumboNode* container) {
  std::string date = ParseDate(MetaContent(root, "property", "article:published_time"));
  if (!date.empty() || container == nullptr) return date;
  const GumboNode* time = FindFirst(
      container,
      [](const GumboNode* n) { return IsTag(n, GUMBO_TAG_TIME) && HasAttr(n, "datetime"); },
      IsOutsidePostBody);
  return time == nullptr ? std::string() : ParseDate(Attr(time, "datetime"));
}

// --- tDiary --------------------------------------------------------------

// The day's date from its heading ("2019年02月11日", "2019-02-11") or from
// the day's link ("./20190211.html", "?date=20190211").
std::string TDiaryDate(const GumboNode* day) {
  const GumboNode* date = FindFirst(day, ClassIs("date"));
  if (date == nullptr) return {};
  std::string text = OneLine(TextOf(date));
  static const LazyRE2 kNumericDate = {R"((\d{4})\D{1,3}(\d{1,2})\D{1,3}(\d{1,2}))"};
  std::string year, month, day_of_month;
  const GumboNode* link = FindFirst(date, TagIs(GUMBO_TAG_A));
  static const LazyRE2 kLinkDate = {R"((\d{4})(\d{2})(\d{2}))"};
  std::string_view href = link == nullptr ? std::string_view() : Attr(link, "href");
  if (!RE2::PartialMatch(text, *kNumericDate, &year, &month, &day_of_month) &&
      !RE2::PartialMatch(re2::StringPiece(href.data(), href.size()), *kLinkDate, &year, &month,
                         &day_of_month)) {
    return ParseDate(text);
  }
  char iso[16];
  std::snprintf(iso, sizeof iso, "%s-%02d-%02d", year.c_str(), std::stoi(month),
                std::stoi(day_of_month));
  return iso;
}

// A section's subtitle without its "■" anchor.
std::string Subtitle(const GumboNode* heading) {
  return OneLine(TextOf(heading, ClassIs("sanchor")));
}

// The day's title ("2019年02月11日 title" in its h2), else the subtitles of
// its sections, joined when there are several.
std::string TDiaryTitle(const GumboNode* day, const GumboNode* body) {
  const GumboNode* h2 = FindFirst(day, TagIs(GUMBO_TAG_H2));
  const GumboNode* day_title = h2 == nullptr ? nullptr : FindFirst(h2, ClassIs("title"));
  std::string title = day_title == nullptr ? std::string() : OneLine(TextOf(day_title));
  if (!title.empty()) return title;
  for (const GumboNode* heading : FindAll(body, TagIs(GUMBO_TAG_H3))) {
    std::string subtitle = Subtitle(heading);
    if (subtitle.empty()) continue;
    if (!title.empty()) title += " / ";
    title += subtitle;
  }
  return title;
}

}  // namespace

bool FindGhostPost(const PageContext& page, PostParts* parts) {
  if (IsGhostListing(page.root)) return false;
  const GumboNode* body = GhostBody(page.root);
  if (body == nullptr) return false;
  parts->body = body;
  parts->container = GhostContainer(body);
  parts->title = GhostTitle(parts->container);
  parts->author = GhostAuthor(page.root, parts->container);
  parts->published = GhostPublished(page.root, parts->container);
  return true;
}

// One div.day (the latest-entries page and month pages show several), its
// div.body of div.section parts with h3 subtitles and the footnotes.
bool FindTDiaryPost(const PageContext& page, PostParts* parts) {
  std::vector<const GumboNode*> days = FindAll(page.root, ClassIs("day"), ClassIs("day"));
  if (days.size() != 1) return false;
  const GumboNode* day = days.front();
  const GumboNode* body = FindFirst(day, ClassIs("body"));
  if (body == nullptr) return false;
  parts->body = body;
  parts->container = day;
  parts->title = TDiaryTitle(day, body);
  parts->author = MetaContent(page.root, "name", "author");
  parts->published = TDiaryDate(day);
  return true;
}

}  // namespace linkgraph::parsers
