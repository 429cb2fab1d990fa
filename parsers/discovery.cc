// Discovery in a page's <head>: the feeds it advertises, and the WordPress
// REST URL of its post's comments (the API root from
// <link rel="https://api.w.org/"> and the post's numeric id).
#include <re2/re2.h>

#include <unordered_set>

#include "parsers/extractors.h"
#include "parsers/text_util.h"
#include "parsers/urls.h"

namespace linkgraph::parsers {
namespace {

// Whether the space-separated rel attribute holds token.
bool RelHas(const GumboNode* node, std::string_view token) {
  return AnyToken(Attr(node, "rel"),
                  [token](std::string_view have) { return EqualsIgnoreCase(have, token); });
}

// The media type without parameters ("application/rss+xml; charset=UTF-8").
std::string_view MediaType(const GumboNode* node) {
  std::string_view type = Attr(node, "type");
  return TrimAscii(type.substr(0, type.find(';')));
}

std::vector<const GumboNode*> LinksWithRel(const GumboNode* root, std::string_view rel) {
  return FindAll(root, [rel](const GumboNode* node) {
    return IsTag(node, GUMBO_TAG_LINK) && RelHas(node, rel);
  });
}

// The first capture of pattern in text, "" when none.
std::string FirstNumber(std::string_view text, const RE2& pattern) {
  std::string number;
  RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), pattern, &number);
  return number;
}

// The post's numeric id, from the most explicit source the page has.
std::string PostId(const PageContext& page) {
  static const LazyRE2 kRestPost = {R"(/wp/v2/(?:posts|pages)/(\d+))"};
  for (const GumboNode* link : LinksWithRel(page.root, "alternate")) {
    if (!EqualsIgnoreCase(MediaType(link), "application/json")) continue;
    std::string id = FirstNumber(Attr(link, "href"), *kRestPost);
    if (!id.empty()) return id;
  }
  static const LazyRE2 kShortlink = {R"([?&](?:p|page_id)=(\d+)(?:&|$))"};
  for (const GumboNode* link : LinksWithRel(page.root, "shortlink")) {
    std::string id = FirstNumber(Attr(link, "href"), *kShortlink);
    if (!id.empty()) return id;
  }
  // WordPress marks the body of a single post's page with "postid-N".
  static const LazyRE2 kBodyClass = {R"((?:^|\s)postid-(\d+)(?:\s|$))"};
  const GumboNode* body = FindFirst(page.root, TagIs(GUMBO_TAG_BODY));
  std::string id = body == nullptr ? std::string() : FirstNumber(Attr(body, "class"), *kBodyClass);
  if (!id.empty()) return id;
  static const LazyRE2 kContainerId = {R"(^post-(\d+)$)"};
  const GumboNode* container = FindFirst(page.root, [](const GumboNode* node) {
    return (IsTag(node, GUMBO_TAG_ARTICLE) || IsTag(node, GUMBO_TAG_DIV)) &&
           !FirstNumber(Id(node), *kContainerId).empty();
  });
  return container == nullptr ? std::string() : FirstNumber(Id(container), *kContainerId);
}

}  // namespace

std::vector<std::string> FeedLinks(const PageContext& page) {
  std::vector<std::string> feeds;
  std::unordered_set<std::string> seen;
  for (const GumboNode* link : LinksWithRel(page.root, "alternate")) {
    std::string_view type = MediaType(link);
    if (!EqualsIgnoreCase(type, "application/rss+xml") &&
        !EqualsIgnoreCase(type, "application/atom+xml")) {
      continue;
    }
    std::string url = AbsoluteUrl(page, Attr(link, "href"));
    if (IsHttpUrl(url) && seen.insert(url).second) feeds.push_back(std::move(url));
  }
  return feeds;
}

std::string CommentsApiUrl(const PageContext& page) {
  std::vector<const GumboNode*> api = LinksWithRel(page.root, "https://api.w.org/");
  if (api.empty()) return {};
  std::string root = AbsoluteUrl(page, Attr(api.front(), "href"));
  if (!IsHttpUrl(root)) return {};
  std::string id = PostId(page);
  if (id.empty()) return {};
  // Sites without pretty permalinks name the root "/?rest_route=/".
  size_t rest_route = root.find("?rest_route=");
  if (rest_route != std::string::npos) {
    return root.substr(0, rest_route) + "?rest_route=/wp/v2/comments&post=" + id + "&per_page=100";
  }
  if (root.back() != '/') root.push_back('/');
  return root + "wp/v2/comments?post=" + id + "&per_page=100";
}

}  // namespace linkgraph::parsers
