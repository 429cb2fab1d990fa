// One page of WordPress REST API v2 comments (/wp-json/wp/v2/comments) as an
// extraction of the post they belong to. Ids, parents, authors and texts
// come out as the HTML extractor gives them for the same comments, so the
// store merges both without duplicates.
#include <algorithm>
#include <exception>
#include <nlohmann/json.hpp>

#include "parsers/dates.h"
#include "parsers/depth_guard.h"
#include "parsers/extractors.h"
#include "parsers/parsers.h"
#include "parsers/text_util.h"
#include "parsers/urls.h"
#include "parsers/xml_scan.h"

namespace linkgraph::parsers {
namespace {

using Json = nlohmann::json;

// WordPress's comment objects nest five deep (_links.author[0].href).
constexpr int kMaxRestJsonDepth = 64;
constexpr size_t kMaxJsonBytes = 16u << 20;
// Comment bodies never nest deeply; deeper ones skip Gumbo (NOTES.md).
constexpr int kMaxCommentTagDepth = 200;
// WordPress's default per_page, and its maximum.
constexpr int kDefaultPerPage = 10;
constexpr int kMaxPerPage = 100;

// The deepest nesting of arrays and objects, stopping once over stop_at.
int JsonNestingDepth(std::string_view json, int stop_at) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : json) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > stop_at) break;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

std::string StringField(const Json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A positive id as WordPress writes it (a number, sometimes a string); 0
// when absent or malformed.
long long IdField(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end()) return 0;
  if (it->is_number_unsigned()) {
    auto value = it->get<unsigned long long>();
    return value > (1ULL << 62) ? 0 : static_cast<long long>(value);
  }
  if (it->is_number_integer()) return std::max(0LL, it->get<long long>());
  if (!it->is_string()) return 0;
  const std::string& text = it->get_ref<const std::string&>();
  if (text.empty() || text.size() > 18) return 0;
  long long value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return 0;
    value = value * 10 + (c - '0');
  }
  return value;
}

// content.rendered (the HTML WordPress shows), or content as a plain string.
std::string RenderedContent(const Json& comment) {
  auto it = comment.find("content");
  if (it == comment.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  return it->is_object() ? StringField(*it, "rendered") : std::string();
}

// Markup stripped without a parse, for bodies too deep to give Gumbo.
std::string StripTags(std::string_view html) {
  std::string text;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    if (!in_tag) text.push_back(c);
    if (c == '>') in_tag = false;
  }
  return CollapseText(DecodeXmlEntities(text));
}

// HTML as a comment page shows it, reduced to text as the HTML extractor
// reduces comment bodies. WordPress keeps author names as HTML too
// ("Alice &amp; Co"), which pages print unescaped.
// The texts of one response share the node budget of a page (a 16 MB
// response is many small documents): past it, or past the depth bound, the
// tags are stripped without Gumbo.
std::string HtmlText(std::string_view html, size_t* nodes_left) {
  if (html.find_first_of("<&") == std::string_view::npos) return CollapseText(html);
  const ExtractOptions page_limits;
  const TreeShape limits{kMaxCommentTagDepth, *nodes_left, page_limits.max_attributes};
  const TreeShape shape = EstimateTreeShape(html, limits);
  if (shape.depth > limits.depth || shape.nodes > limits.nodes ||
      shape.attributes > limits.attributes) {
    return StripTags(html);
  }
  *nodes_left -= shape.nodes;
  HtmlDocument document{std::string(html)};
  const GumboNode* body = FindFirst(document.root(), TagIs(GUMBO_TAG_BODY));
  return body == nullptr ? std::string() : CommentBodyText(body);
}

bool IsLinkback(const std::string& type) { return type == "pingback" || type == "trackback"; }

void AddComment(const Json& object, std::string_view url, std::string_view post_url,
                size_t* nodes_left, ExtractedPage* page) {
  long long id = IdField(object, "id");
  if (id <= 0) return;
  std::string comment_id = "comment-" + std::to_string(id);
  std::string author = OneLine(HtmlText(StringField(object, "author_name"), nodes_left));
  std::string author_url = ResolveHttpUrl(url, StringField(object, "author_url"));
  // "date" is the blog's local time, as comment pages print it.
  std::string published = ParseDate(StringField(object, "date"));
  std::string type = StringField(object, "type");
  if (IsLinkback(type)) {
    Trackback linkback{comment_id, author_url, author, published,
                       type == "pingback" ? LinkbackKind::kPingback : LinkbackKind::kTrackback};
    if (!linkback.source_url.empty()) page->trackbacks.push_back(std::move(linkback));
    return;
  }
  Comment comment;
  comment.id = comment_id;
  comment.permalink = std::string(post_url) + "#" + comment_id;
  comment.author = std::move(author);
  comment.author_url = std::move(author_url);
  comment.published = std::move(published);
  comment.text = HtmlText(RenderedContent(object), nodes_left);
  long long parent = IdField(object, "parent");
  if (parent > 0) comment.parent_id = "comment-" + std::to_string(parent);
  comment.position = static_cast<int>(page->comments.size()) + 1;
  page->comments.push_back(std::move(comment));
}

Result<ExtractedPage> Extract(std::string_view json, std::string_view url,
                              std::string_view post_url, std::string* next_page_url) {
  if (json.size() > kMaxJsonBytes) {
    return Error{ErrorCode::kTooLarge,
                 "REST comments over " + std::to_string(kMaxJsonBytes >> 20) + " MB"};
  }
  if (JsonNestingDepth(json, kMaxRestJsonDepth) > kMaxRestJsonDepth) {
    return Error{ErrorCode::kTooLarge,
                 "JSON nested over " + std::to_string(kMaxRestJsonDepth) + " deep; refused"};
  }
  Json document = Json::parse(json.begin(), json.end(), nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return Error{ErrorCode::kUnsupported, "not JSON"};
  if (!document.is_array()) {
    std::string code = document.is_object() ? StringField(document, "code") : std::string();
    return Error{ErrorCode::kUnsupported,
                 "not a JSON array of comments" +
                     (code.empty() ? std::string() : " (WordPress error " + code + ")")};
  }
  ExtractedPage page;
  page.url = std::string(url);
  page.canonical_url = page.url;
  page.platform = "wordpress";
  page.has_post = true;
  page.post.url = std::string(post_url);
  size_t nodes_left = ExtractOptions().max_nodes;
  for (const Json& item : document) {
    if (item.is_object()) AddComment(item, url, post_url, &nodes_left, &page);
  }
  SettleThread(&page.comments);
  for (const Comment& comment : page.comments) {
    AddMentions(comment.text, MentionPlace::kComment, comment.id, comment.author, &page.mentions);
  }
  int per_page = std::min(PositiveQueryParameter(url, "per_page", kDefaultPerPage), kMaxPerPage);
  if (next_page_url != nullptr && document.size() >= static_cast<size_t>(per_page)) {
    int current = PositiveQueryParameter(url, "page", 1);
    *next_page_url = WithQueryParameter(url, "page", std::to_string(current + 1));
  }
  MakeTextSafe(&page);
  return page;
}

}  // namespace

Result<ExtractedPage> ExtractRestComments(std::string_view json, std::string_view url,
                                          std::string_view post_url, std::string* next_page_url) {
  if (next_page_url != nullptr) next_page_url->clear();
  // nlohmann::json throws (bad_alloc, type errors); none may leave a parser.
  try {
    return Extract(json, url, post_url, next_page_url);
  } catch (const std::exception& error) {
    return Error{ErrorCode::kCorrupt, std::string("REST comments: ") + error.what()};
  }
}

}  // namespace linkgraph::parsers
