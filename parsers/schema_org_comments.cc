// Comments a page states as data: schema.org Comment items of the page's
// posting, from JSON-LD scripts and microdata.
#include <re2/re2.h>

#include <exception>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <span>

#include "parsers/dates.h"
#include "parsers/extractors.h"
#include "parsers/text_util.h"
#include "parsers/urls.h"

namespace linkgraph::parsers {
namespace {

using Json = nlohmann::json;

using TypeNames = std::span<const std::string_view>;
constexpr std::string_view kPostingTypes[] = {"BlogPosting", "Article", "NewsArticle",
                                              "SocialMediaPosting", "DiscussionForumPosting"};
constexpr std::string_view kCommentType[] = {"Comment"};
// Yoast's graphs name the author on the WebPage, not on an Article.
constexpr std::string_view kPageTypes[] = {"WebPage", "ItemPage"};

// ---- Shared by both schema.org forms -------------------------------------

// A URL reduced so that http/https, a trailing slash and a fragment do not
// tell two names of one page apart.
std::string ComparableUrl(const PageContext& page, std::string_view url) {
  std::string resolved = AbsoluteUrl(page, url);  // drops the fragment
  for (std::string_view scheme : {"https://", "http://"}) {
    if (StartsWithIgnoreCase(resolved, scheme)) {
      resolved.erase(0, scheme.size());
      break;
    }
  }
  while (!resolved.empty() && resolved.back() == '/') resolved.pop_back();
  return ToLowerAscii(resolved);
}

bool LooksLikeUrl(std::string_view value) {
  return StartsWithIgnoreCase(value, "http://") || StartsWithIgnoreCase(value, "https://") ||
         (!value.empty() && value[0] == '/');
}

// Whether any of urls names this page's post.
bool NamesThisPage(const PageContext& page, const std::vector<std::string>& urls) {
  std::set<std::string> own;
  for (const std::string* url : {&page.post_url, &page.canonical_url, &page.url}) {
    std::string comparable = ComparableUrl(page, *url);
    if (!comparable.empty()) own.insert(comparable);
  }
  for (const std::string& url : urls) {
    if (own.contains(ComparableUrl(page, url))) return true;
  }
  return false;
}

// Of the postings a page states (each with the URLs it names), the page's
// own: those that name its URL, else a lone posting that names none. A page
// that describes other articles (related posts, a listing) gives none.
template <typename Posting>
std::vector<Posting> OwnPostings(
    const PageContext& page,
    const std::vector<std::pair<Posting, std::vector<std::string>>>& postings) {
  std::vector<Posting> own;
  for (const auto& [posting, urls] : postings) {
    if (NamesThisPage(page, urls)) own.push_back(posting);
  }
  if (own.empty() && postings.size() == 1 && postings[0].second.empty()) {
    own.push_back(postings[0].first);
  }
  return own;
}

// Fills id, permalink, parent and position; keeps the comment when it says
// something and its id is new. Returns whether it was kept.
bool AddComment(const PageContext& page, std::string page_id, const std::string& parent_id,
                Comment comment, std::vector<Comment>* comments, std::set<std::string>* seen) {
  if (comment.text.empty() && comment.author.empty()) return false;
  comment.position = static_cast<int>(comments->size()) + 1;
  if (!page_id.empty()) {
    comment.id = std::move(page_id);
    // On the post, not on this page: as the other readers name comments.
    comment.permalink = page.post_url + "#" + comment.id;
  } else {
    comment.id = "schema-" + std::to_string(comment.position);
  }
  if (!seen->insert(comment.id).second) return false;
  comment.parent_id = parent_id;
  comments->push_back(std::move(comment));
  return true;
}

// HTML in a comment's text, reduced to plain text: paragraphs and line
// breaks kept, other tags dropped, the common entities resolved. Not Gumbo:
// script text escapes the depth guard that protects Gumbo from the page.
std::string PlainText(std::string text) {
  static const LazyRE2 kParagraph = {R"((?i)</p\s*>|<p(\s[^>]*)?>)"};
  static const LazyRE2 kBreak = {R"((?i)<br\s*/?>)"};
  static const LazyRE2 kTag = {R"(<[^>]*>)"};
  RE2::GlobalReplace(&text, *kParagraph, "\f");
  RE2::GlobalReplace(&text, *kBreak, "\n");
  RE2::GlobalReplace(&text, *kTag, "");
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&lt;", "<"},   {"&gt;", ">"},   {"&quot;", "\""}, {"&#39;", "'"},
      {"&#039;", "'"}, {"&apos;", "'"}, {"&nbsp;", " "},  {"&amp;", "&"}};
  for (const auto& [entity, character] : kEntities) {
    RE2::GlobalReplace(&text, RE2::QuoteMeta(entity), character);
  }
  return CollapseText(text);
}

// ---- JSON-LD --------------------------------------------------------------

constexpr size_t kMaxScriptBytes = 2 << 20;
// Deeper than any real JSON-LD; bounds the recursive walks below.
constexpr int kMaxJsonLdDepth = 48;

// Whether brackets nest deeper than limit, outside strings: a cheap check
// before parsing.
bool NestsDeeperThan(std::string_view text, int limit) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > limit) return true;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return false;
}

bool IsJsonLdScript(const GumboNode* node) {
  return IsTag(node, GUMBO_TAG_SCRIPT) &&
         StartsWithIgnoreCase(TrimAscii(Attr(node, "type")), "application/ld+json");
}

// A string value, the first of an array, or an object's "@value".
std::string StringOf(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array() && !value.empty()) return StringOf(value.front());
  if (value.is_object() && value.contains("@value")) return StringOf(value["@value"]);
  return {};
}

std::string Member(const Json& object, const char* name) {
  return object.is_object() && object.contains(name) ? StringOf(object[name]) : std::string();
}

// What a reference names: a string, or an object's @id or url.
std::string RefOf(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  std::string id = Member(value, "@id");
  return id.empty() ? Member(value, "url") : id;
}

bool HasJsonType(const Json& object, TypeNames types) {
  if (!object.is_object() || !object.contains("@type")) return false;
  auto matches = [&](const Json& one) {
    if (!one.is_string()) return false;
    std::string_view name = one.get_ref<const std::string&>();
    if (size_t slash = name.rfind('/'); slash != std::string_view::npos) {
      name.remove_prefix(slash + 1);  // "https://schema.org/Comment"
    }
    for (std::string_view wanted : types) {
      if (name == wanted) return true;
    }
    return false;
  };
  const Json& type = object["@type"];
  if (!type.is_array()) return matches(type);
  for (const Json& one : type) {
    if (matches(one)) return true;
  }
  return false;
}

class JsonLdReader {
 public:
  JsonLdReader(const PageContext& page, std::vector<Comment>* comments, std::set<std::string>* seen)
      : page_(page), comments_(comments), seen_(seen) {}

  // documents must outlive the reader: it keeps pointers into them.
  void Read(const std::vector<Json>& documents) {
    for (const Json& document : documents) Index(document, 0);
    for (const Json* posting : OwnPostings(page_, postings_)) ReadComments(*posting, "", 0);
  }

  // The author's name of the page's own posting; "" when it names none.
  std::string PostingAuthor() const {
    for (const auto* described : {&postings_, &pages_}) {
      for (const Json* posting : OwnPostings(page_, *described)) {
        if (!posting->contains("author")) continue;
        Comment byline;
        ReadAuthor(Resolved((*posting)["author"]), &byline, 0);
        if (!byline.author.empty()) return byline.author;
      }
    }
    return {};
  }

 private:
  // Collects the postings, and every described node by @id for references.
  void Index(const Json& value, int depth) {
    if (depth > kMaxJsonLdDepth) return;
    if (value.is_array()) {
      for (const Json& item : value) Index(item, depth + 1);
      return;
    }
    if (!value.is_object()) return;
    std::string id = Member(value, "@id");
    if (!id.empty() && value.size() > 1) by_id_.emplace(id, &value);
    if (HasJsonType(value, kPostingTypes)) postings_.emplace_back(&value, PostingUrls(value));
    if (HasJsonType(value, kPageTypes)) pages_.emplace_back(&value, PostingUrls(value));
    for (const auto& [key, member] : value.items()) {
      if (key != "comment") Index(member, depth + 1);  // a comment's items are no postings
    }
  }

  static std::vector<std::string> PostingUrls(const Json& posting) {
    std::vector<std::string> urls;
    for (const char* key : {"url", "@id", "mainEntityOfPage"}) {
      if (!posting.contains(key)) continue;
      std::string url = RefOf(posting[key]);
      if (LooksLikeUrl(url)) urls.push_back(url);
    }
    return urls;
  }

  // A bare reference ({"@id": ...} or the @id string) stands for the node
  // described elsewhere in the page's graph.
  const Json& Resolved(const Json& value) const {
    bool bare = value.is_string() || (value.is_object() && value.size() == 1);
    if (!bare) return value;
    auto found = by_id_.find(RefOf(value));
    return found != by_id_.end() ? *found->second : value;
  }

  void ReadComments(const Json& holder, const std::string& parent_id, int depth) {
    if (depth > kMaxJsonLdDepth || !holder.is_object() || !holder.contains("comment")) return;
    const Json& list = holder["comment"];
    if (!list.is_array()) {
      ReadComment(Resolved(list), parent_id, depth);
      return;
    }
    for (const Json& item : list) ReadComment(Resolved(item), parent_id, depth);
  }

  void ReadComment(const Json& item, const std::string& enclosing_id, int depth) {
    // References can make cycles and repeats: each node is read once.
    if (!HasJsonType(item, kCommentType) || !read_.insert(&item).second) return;
    Comment comment;
    if (item.contains("author")) ReadAuthor(Resolved(item["author"]), &comment, 0);
    comment.published = ParseDate(Member(item, "dateCreated"));
    if (comment.published.empty()) comment.published = ParseDate(Member(item, "datePublished"));
    comment.text = PlainText(Member(item, "text"));
    std::string ref = Member(item, "@id");
    std::string page_id = FragmentOf(ref);
    if (page_id.empty()) {
      ref = Member(item, "url");
      page_id = FragmentOf(ref);
    }
    std::string parent_id =
        item.contains("parentItem") ? ParentId(item["parentItem"], enclosing_id) : enclosing_id;
    if (!AddComment(page_, std::move(page_id), parent_id, std::move(comment), comments_, seen_)) {
      return;
    }
    std::string id = comments_->back().id;
    if (!ref.empty()) ids_by_ref_.emplace(ref, id);
    ReadComments(item, id, depth + 1);
  }

  // The id of the comment a parentItem names, as read or by its fragment.
  std::string ParentId(const Json& parent_item, const std::string& otherwise) const {
    std::string ref = RefOf(parent_item);
    auto known = ids_by_ref_.find(ref);
    if (known != ids_by_ref_.end()) return known->second;
    std::string fragment = FragmentOf(ref);
    return fragment.empty() ? otherwise : fragment;
  }

  void ReadAuthor(const Json& author, Comment* comment, int depth) const {
    if (author.is_string()) {
      comment->author = OneLine(author.get<std::string>());
    } else if (author.is_array() && !author.empty() && depth == 0) {
      ReadAuthor(Resolved(author.front()), comment, depth + 1);
    } else if (author.is_object()) {
      comment->author = OneLine(Member(author, "name"));
      std::string url = Member(author, "url");
      if (LooksLikeUrl(url)) comment->author_url = AbsoluteUrl(page_, url);
    }
  }

  const PageContext& page_;
  std::vector<Comment>* comments_;
  std::set<std::string>* seen_;
  std::map<std::string, const Json*> by_id_;
  std::vector<std::pair<const Json*, std::vector<std::string>>> postings_;
  std::vector<std::pair<const Json*, std::vector<std::string>>> pages_;  // WebPage nodes
  std::map<std::string, std::string> ids_by_ref_;  // a comment's @id or url -> its id
  std::set<const Json*> read_;
};

// Every JSON-LD script that parses; malformed, oversized or absurdly deep
// ones are left out.
std::vector<Json> JsonLdDocuments(const PageContext& page) {
  std::vector<Json> documents;
  for (const GumboNode* script : FindAll(page.root, IsJsonLdScript)) {
    std::string text = ScriptText(script);
    if (text.size() > kMaxScriptBytes || NestsDeeperThan(text, kMaxJsonLdDepth)) continue;
    Json document = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!document.is_discarded()) documents.push_back(std::move(document));
  }
  return documents;
}

// ---- Microdata ------------------------------------------------------------

bool HasToken(std::string_view list, std::string_view token) {
  return AnyToken(list, [token](std::string_view have) { return EqualsIgnoreCase(have, token); });
}

// An itemscope whose itemtype is one of schema.org's names.
bool IsItemOf(const GumboNode* node, TypeNames names) {
  if (!IsElement(node) || !HasAttr(node, "itemscope")) return false;
  std::string_view types = Attr(node, "itemtype");
  if (types.empty()) return false;
  for (std::string_view name : names) {
    for (std::string_view prefix : {"http://schema.org/", "https://schema.org/"}) {
      if (HasToken(types, std::string(prefix) + std::string(name))) return true;
    }
  }
  return false;
}

bool IsSchemaCommentItem(const GumboNode* node) { return IsItemOf(node, kCommentType); }

// The elements holding one property of item. Nested items' properties are
// their own (an element that is a nested item is still item's property).
std::vector<const GumboNode*> Props(const GumboNode* item, std::string_view name) {
  return FindAll(
      item, [name](const GumboNode* node) { return HasToken(Attr(node, "itemprop"), name); },
      [](const GumboNode* node) { return HasAttr(node, "itemscope"); });
}

const GumboNode* Prop(const GumboNode* item, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    std::vector<const GumboNode*> found = Props(item, name);
    if (!found.empty()) return found.front();
  }
  return nullptr;
}

// A property's value as microdata defines it for the common elements.
std::string PropValue(const PageContext& page, const GumboNode* node) {
  if (node == nullptr) return {};
  if (IsTag(node, GUMBO_TAG_A) || IsTag(node, GUMBO_TAG_LINK)) {
    return AbsoluteUrl(page, Attr(node, "href"));
  }
  if (IsTag(node, GUMBO_TAG_TIME) && HasAttr(node, "datetime")) {
    return std::string(Attr(node, "datetime"));
  }
  if (HasAttr(node, "content")) return std::string(Attr(node, "content"));
  return OneLine(TextOf(node));
}

std::vector<std::string> MicrodataPostingUrls(const PageContext& page, const GumboNode* posting) {
  std::vector<std::string> urls;
  if (HasAttr(posting, "itemid")) urls.emplace_back(Attr(posting, "itemid"));
  for (std::string_view name : {"url", "mainEntityOfPage"}) {
    for (const GumboNode* node : Props(posting, name)) {
      std::string url =
          HasAttr(node, "itemid") ? std::string(Attr(node, "itemid")) : PropValue(page, node);
      if (LooksLikeUrl(url)) urls.push_back(url);
    }
  }
  return urls;
}

// The comment's id as the page gives it: its element's id, its itemid's or
// url's fragment, or the id of the list item that wraps it.
std::string MicrodataCommentId(const GumboNode* item) {
  if (!Id(item).empty()) return std::string(Id(item));
  std::string fragment = FragmentOf(Attr(item, "itemid"));
  if (fragment.empty()) {
    if (const GumboNode* url = Prop(item, {"url"})) fragment = FragmentOf(Attr(url, "href"));
  }
  if (!fragment.empty()) return fragment;
  const GumboNode* parent = item->parent;
  if (IsElement(parent) && ContainsIgnoreCase(Id(parent), "comment")) {
    return std::string(Id(parent));
  }
  return {};
}

void ReadMicrodataAuthor(const PageContext& page, const GumboNode* item, Comment* comment) {
  const GumboNode* author = Prop(item, {"author", "creator"});
  if (author == nullptr) return;
  if (!HasAttr(author, "itemscope")) {
    comment->author = OneLine(TextOf(author));
    if (comment->author.empty()) comment->author = PropValue(page, author);
    if (IsTag(author, GUMBO_TAG_A)) comment->author_url = PropValue(page, author);
    return;
  }
  comment->author = PropValue(page, Prop(author, {"name"}));
  if (comment->author.empty()) comment->author = OneLine(TextOf(author));
  if (const GumboNode* url = Prop(author, {"url", "sameAs"})) {
    std::string value = PropValue(page, url);
    if (LooksLikeUrl(value)) comment->author_url = value;
  }
}

void ReadMicrodataComments(const PageContext& page, const GumboNode* scope,
                           const std::string& parent_id, std::vector<Comment>* comments,
                           std::set<std::string>* seen) {
  // Depth is bounded by the depth guard ExtractPage runs before parsing.
  for (const GumboNode* item : FindAll(scope, IsSchemaCommentItem, IsSchemaCommentItem)) {
    Comment comment;
    ReadMicrodataAuthor(page, item, &comment);
    comment.published =
        ParseDate(PropValue(page, Prop(item, {"dateCreated", "datePublished", "commentTime"})));
    if (const GumboNode* text = Prop(item, {"text", "commentText", "description"})) {
      comment.text = HasAttr(text, "content") ? PlainText(std::string(Attr(text, "content")))
                                              : CommentBodyText(text);
    }
    if (!AddComment(page, MicrodataCommentId(item), parent_id, std::move(comment), comments,
                    seen)) {
      continue;
    }
    std::string id = comments->back().id;
    ReadMicrodataComments(page, item, id, comments, seen);
  }
}

void ReadMicrodata(const PageContext& page, std::vector<Comment>* comments,
                   std::set<std::string>* seen) {
  auto is_posting = [](const GumboNode* node) { return IsItemOf(node, kPostingTypes); };
  std::vector<std::pair<const GumboNode*, std::vector<std::string>>> postings;
  for (const GumboNode* posting : FindAll(page.root, is_posting, is_posting)) {
    postings.emplace_back(posting, MicrodataPostingUrls(page, posting));
  }
  for (const GumboNode* posting : OwnPostings(page, postings)) {
    ReadMicrodataComments(page, posting, "", comments, seen);
  }
}

}  // namespace

void CompleteFromMicrodata(const PageContext& page, const GumboNode* element, Comment* comment) {
  const GumboNode* item = IsSchemaCommentItem(element)
                              ? element
                              : FindFirst(element, IsSchemaCommentItem, IsSchemaCommentItem);
  if (item == nullptr) return;
  if (comment->author.empty()) {
    Comment stated;
    ReadMicrodataAuthor(page, item, &stated);
    comment->author = std::move(stated.author);
    if (comment->author_url.empty()) comment->author_url = std::move(stated.author_url);
  }
  if (comment->published.empty()) {
    comment->published =
        ParseDate(PropValue(page, Prop(item, {"dateCreated", "datePublished", "commentTime"})),
                  page.date_order);
  }
}

std::string SchemaOrgPostAuthor(const PageContext& page) {
  std::vector<Comment> ignored;
  std::set<std::string> seen;
  try {
    std::vector<Json> documents = JsonLdDocuments(page);
    JsonLdReader reader(page, &ignored, &seen);
    reader.Read(documents);
    return reader.PostingAuthor();
  } catch (const std::exception&) {
    return {};  // JSON of a shape no check foresaw
  }
}

void ExtractSchemaOrgComments(const PageContext& page, std::vector<Comment>* comments) {
  std::set<std::string> seen;
  try {
    std::vector<Json> documents = JsonLdDocuments(page);
    JsonLdReader(page, comments, &seen).Read(documents);
  } catch (const std::exception&) {
    // JSON of a shape no check foresaw: what was read before stays.
  }
  // The same comments stated both ways would count twice.
  if (comments->empty()) ReadMicrodata(page, comments, &seen);
}

}  // namespace linkgraph::parsers
