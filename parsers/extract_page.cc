// ExtractPage: checks and decodes the bytes, parses them once, and runs the
// extraction stages over the tree.
#include <algorithm>
#include <cstdio>
#include <unordered_set>

#include "parsers/charset.h"
#include "parsers/depth_guard.h"
#include "parsers/extractors.h"
#include "parsers/mentions.h"
#include "parsers/parsers.h"
#include "parsers/text_util.h"
#include "parsers/urls.h"

namespace linkgraph::parsers {
namespace {

std::string Megabytes(size_t bytes) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
  return buffer;
}

// Binary data has NUL bytes early; they survive decoding, UTF-16's do not.
bool LooksBinary(std::string_view bytes) {
  return bytes.substr(0, 8192).find('\0') != std::string_view::npos;
}

// Some markup in the first 64 KB: a tag, a doctype or a comment.
bool LooksLikeHtml(std::string_view text) {
  std::string_view head = text.substr(0, 65536);
  for (size_t at = head.find('<'); at != std::string_view::npos; at = head.find('<', at + 1)) {
    if (at + 1 >= head.size()) break;
    char next = head[at + 1];
    if (next == '!' || next == '/' || (ToLowerAscii(next) >= 'a' && ToLowerAscii(next) <= 'z')) {
      return true;
    }
  }
  return false;
}

Status CheckSize(std::string_view bytes, const ExtractOptions& options) {
  if (TrimAscii(bytes).empty()) return Error{ErrorCode::kUnsupported, "empty page"};
  if (bytes.size() > options.max_bytes) {
    return Error{ErrorCode::kTooLarge, "page is " + Megabytes(bytes.size()) + ", over the " +
                                           Megabytes(options.max_bytes) + " limit"};
  }
  return {};
}

// On the decoded text, as Gumbo will see it: UTF-16 has NUL bytes until it
// is decoded, and only the decoded text has the tags the depth guard counts.
Status CheckText(std::string_view text, const ExtractOptions& options) {
  if (LooksBinary(text)) return Error{ErrorCode::kUnsupported, "not HTML (binary data)"};
  if (!LooksLikeHtml(text)) return Error{ErrorCode::kUnsupported, "not HTML (no markup found)"};
  const TreeShape limits{options.max_tag_depth, options.max_nodes, options.max_attributes};
  const TreeShape shape = EstimateTreeShape(text, limits);
  std::string over;
  if (shape.depth > limits.depth) {
    over = "elements nested over " + std::to_string(limits.depth) + " deep";
  } else if (shape.nodes > limits.nodes) {
    over = "over " + std::to_string(limits.nodes) + " elements, attributes and texts";
  } else if (shape.attributes > limits.attributes) {
    over = "an element with over " + std::to_string(limits.attributes) + " attributes";
  } else {
    return {};
  }
  return Error{ErrorCode::kTooLarge, over + "; refused to protect memory and time"};
}

const GumboNode* FindLinkRel(const GumboNode* root, std::string_view rel) {
  return FindFirst(root, [rel](const GumboNode* node) {
    return IsTag(node, GUMBO_TAG_LINK) && EqualsIgnoreCase(Attr(node, "rel"), rel);
  });
}

// A web page may name a canonical URL on its own site only; a saved file
// may name any (it has no site to compare).
bool CanonicalStaysOnSite(std::string_view page_url, std::string_view canonical,
                          const ExtractOptions& options) {
  if (!IsHttpUrl(page_url)) return true;
  const auto site_of = [&options](std::string_view url) {
    return options.site_of ? options.site_of(url) : HostOfLink(url);
  };
  const std::string site = site_of(page_url);
  return !site.empty() && IsHttpUrl(canonical) && site_of(canonical) == site;
}

// The site a saved copy came from, as the page states it: its canonical
// link, its og:url, or where its own forms (search, login, reply) post to.
// Links' hosts are no guide: a page may link to another site more than to
// its own.
std::string SavedSiteHost(const GumboNode* root) {
  if (const GumboNode* canonical = FindLinkRel(root, "canonical")) {
    if (std::string host = HostOfLink(Attr(canonical, "href")); !host.empty()) return host;
  }
  if (std::string host = HostOfLink(MetaContent(root, "property", "og:url")); !host.empty()) {
    return host;
  }
  for (const GumboNode* form : FindAll(root, TagIs(GUMBO_TAG_FORM))) {
    if (std::string host = HostOfLink(Attr(form, "action")); !host.empty()) return host;
  }
  return {};
}

// The language the page declares: <html lang>, then the older
// Content-Language header copy and og:locale. "" where it declares none.
std::string PageLanguage(const GumboNode* root) {
  const GumboNode* html =
      IsTag(root, GUMBO_TAG_HTML) ? root : FindFirst(root, TagIs(GUMBO_TAG_HTML));
  if (html != nullptr) {
    for (const char* attribute : {"lang", "xml:lang"}) {
      if (std::string_view lang = Attr(html, attribute); !lang.empty()) return std::string(lang);
    }
  }
  if (std::string lang = MetaContent(root, "http-equiv", "content-language"); !lang.empty()) {
    return lang;
  }
  return MetaContent(root, "property", "og:locale");
}

PageContext MakeContext(const GumboNode* root, std::string_view url,
                        const ExtractOptions& options) {
  PageContext page;
  page.root = root;
  page.url = std::string(url);
  page.base_url = page.url;
  if (const GumboNode* base = FindFirst(root, TagIs(GUMBO_TAG_BASE))) {
    std::string resolved = ResolveUrl(page.url, Attr(base, "href"));
    if (!resolved.empty()) page.base_url = resolved;
  }
  page.base = std::make_unique<UrlResolver>(page.base_url);
  page.canonical_url = ResolveUrl(page.url, "");
  if (page.canonical_url.empty()) page.canonical_url = page.url;
  if (const GumboNode* canonical = FindLinkRel(root, "canonical")) {
    std::string resolved = page.base->Resolve(Attr(canonical, "href"));
    if (!resolved.empty() && CanonicalStaysOnSite(page.url, resolved, options)) {
      page.canonical_url = resolved;
    }
  }
  // Some WordPress versions make a comment page its own canonical URL.
  page.post_url = WithoutCommentPage(page.canonical_url);
  if (HostOfLink(page.base_url).empty()) page.saved_site_host = SavedSiteHost(root);
  if (const GumboNode* body = FindFirst(root, TagIs(GUMBO_TAG_BODY))) {
    page.date_order = SlashedDateOrder(TextOf(body));
  }
  if (page.date_order == DateOrder::kUnknown)
    page.date_order = LanguageDateOrder(PageLanguage(root));
  return page;
}

// Distinct links kept from one page, so that a page of endless links costs
// no more memory than a big real one (the crawl takes fewer still,
// --max-links-per-page). Default: 20,000
constexpr size_t kMaxPageLinks = 20000;

std::vector<std::string> PageLinks(const PageContext& page) {
  std::vector<std::string> links;
  std::unordered_set<std::string_view> hrefs;  // menus repeat theirs on every page
  std::unordered_set<std::string> seen;
  for (const GumboNode* anchor : FindAll(page.root, TagIs(GUMBO_TAG_A))) {
    std::string_view href = Attr(anchor, "href");
    if (!hrefs.insert(href).second) continue;
    std::string url = AbsoluteUrl(page, href);
    if (!url.empty() && seen.insert(url).second) links.push_back(std::move(url));
    if (links.size() >= kMaxPageLinks) break;
  }
  return links;
}

// The platform's reading first; when it finds no comments, what the page
// states as data, then the shape of unknown themes.
void ReadComments(const PageContext& page, const PlatformReader* reader, ExtractedPage* out) {
  if (reader != nullptr) {
    reader->comments(page, &out->comments, &out->trackbacks);
  } else {
    ExtractWordPressComments(page, &out->comments, &out->trackbacks);
  }
  out->comments_source = out->platform.empty() ? "wordpress-style markup" : out->platform;
  if (!out->comments.empty()) return;
  if (reader == nullptr) {
    // Pings listed on their own (ol.pinglist) say nothing of the comments;
    // the items read again here are those pings, kept once by their source.
    std::vector<Trackback> pings;
    ExtractCommentItems(page, &out->comments, &pings);
    for (Trackback& ping : pings) {
      const bool known =
          std::any_of(out->trackbacks.begin(), out->trackbacks.end(),
                      [&ping](const Trackback& t) { return t.source_url == ping.source_url; });
      if (!known) out->trackbacks.push_back(std::move(ping));
    }
    if (!out->comments.empty()) {
      out->comments_source = "comment items found by their structure";
      return;
    }
  }
  if (reader == nullptr) ExtractMicroformatsComments(page, &out->comments, &out->trackbacks);
  if (!out->comments.empty()) {
    out->comments_source = "microformats";
    return;
  }
  // Pages that do not say which platform made them (a stripped generator,
  // a static copy) still have its markup: each platform's comment reading
  // is precise on its own markup and finds nothing in another's.
  // A section that held only pingbacks was read: nothing more to find.
  if (reader == nullptr && out->platform.empty() && out->trackbacks.empty()) {
    for (std::string_view platform : {"blogger", "movabletype", "drupal"}) {
      ReaderFor(platform)->comments(page, &out->comments, &out->trackbacks);
      if (!out->comments.empty() || !out->trackbacks.empty()) {
        out->comments_source = std::string(platform) + " markup (platform not declared)";
        return;
      }
      out->trackbacks.clear();
    }
  }
  ExtractSchemaOrgComments(page, &out->comments);
  if (!out->comments.empty()) {
    out->comments_source = "schema.org";
    return;
  }
  bool loaded_by_script = false;
  ExtractDisqusComments(page, &out->comments, &loaded_by_script);
  if (!out->comments.empty()) {
    out->comments_source = "disqus (server-rendered list)";
    return;
  }
  if (loaded_by_script) {
    out->comments_source = "none in the page: Disqus loads them by script";
    return;
  }
  ExtractGenericComments(page, &out->comments);
  if (!out->comments.empty()) {
    out->comments_source = "generic (comment-like blocks)";
    return;
  }
  ExtractAnchoredComments(page, &out->comments);
  out->comments_source = out->comments.empty() ? "none found" : "records marked by comment anchors";
}

// Keeps the first limit comments (in page order, so replies keep their
// parents) and says so where the page tells how its comments were read.
void KeepFirstComments(size_t limit, ExtractedPage* out) {
  if (out->comments.size() <= limit) return;
  out->comments_source += " (first " + std::to_string(limit) + " of " +
                          std::to_string(out->comments.size()) + " comments kept)";
  out->comments.resize(limit);
  out->comments.shrink_to_fit();
}

void ReadPage(const PageContext& page, std::string_view url, const ExtractOptions& options,
              ExtractedPage* out) {
  ExtractedPage& extracted = *out;
  extracted.url = std::string(url);
  extracted.canonical_url = page.canonical_url;
  extracted.platform = DetectPlatform(page);
  extracted.page_links = PageLinks(page);
  extracted.feed_links = FeedLinks(page);
  const PlatformReader* reader = ReaderFor(extracted.platform);
  PostParts parts;
  if (reader != nullptr && reader->find_post(page, &parts)) {
    BuildPost(page, parts, &extracted.post);
    extracted.has_post = true;
  } else {
    extracted.has_post = ExtractPost(page, &extracted.post);
  }
  // A forum thread no platform reader knows: its first message is the post.
  // Tried only where no post was found, so blog pages never pay for it;
  // before the listing test, as a thread's messages each carry a heading
  // link of their own and so read as a listing's teasers.
  bool forum_thread = false;
  if (!extracted.has_post) {
    PostParts opening;
    if (ReadForumMessages(page, &opening, &extracted.comments)) {
      BuildPost(page, opening, &extracted.post);
      extracted.has_post = forum_thread = true;
      extracted.comments_source = "forum messages found by their structure";
    }
  }
  // A listing's comment-like items are never its comments: not read.
  if (!extracted.has_post && LooksLikeListing(page)) return;
  // Comments are read whether or not a post container was recognised: a
  // comment section on a single-item page makes it a post, read from the
  // page's structure and metadata.
  if (!forum_thread) ReadComments(page, reader, &extracted);
  // A forum run inside a blog platform (bbPress in WordPress) gives a post
  // to the blog's readers and no comments: its messages are the thread.
  if (!forum_thread && extracted.has_post && extracted.comments.empty() &&
      extracted.trackbacks.empty()) {
    PostParts opening;
    std::vector<Comment> messages;
    if (ReadForumMessages(page, &opening, &messages)) {
      extracted.post = Post{};
      BuildPost(page, opening, &extracted.post);
      extracted.comments = std::move(messages);
      extracted.comments_source = "forum messages found by their structure";
    }
  }
  if (!extracted.has_post) {
    const bool responses = !extracted.comments.empty() || !extracted.trackbacks.empty();
    if ((!responses && !DeclaresSingleItem(page)) || !ExtractPostFromPage(page, &extracted.post)) {
      extracted.post = Post{};
      extracted.comments.clear();
      extracted.trackbacks.clear();
      return;
    }
    extracted.has_post = true;
    extracted.comments_source += " (post from the page's structure)";
  }
  extracted.comments_api_url = CommentsApiUrl(page);

  KeepFirstComments(options.max_comments, &extracted);
  CleanCommentFields(&extracted.comments, &extracted.trackbacks);
  SettleThread(&extracted.comments);
  // Where no byline names the post's author, the blog still marks the
  // author's own answers among the comments.
  if (extracted.post.author.empty()) {
    extracted.post.author = WriterOfAuthorsComment(page, extracted.comments);
  }
  AddMentions(extracted.post.text, MentionPlace::kPost, "", extracted.post.author,
              &extracted.mentions);
  for (const Comment& comment : extracted.comments) {
    if (extracted.mentions.size() >= options.max_mentions) break;
    AddMentions(comment.text, MentionPlace::kComment, comment.id, comment.author,
                &extracted.mentions);
  }
  if (extracted.mentions.size() > options.max_mentions) {
    extracted.mentions.resize(options.max_mentions);
  }
}

}  // namespace

void AddMentions(const std::string& text, MentionPlace place, const std::string& comment_id,
                 const std::string& by, std::vector<Mention>* mentions) {
  for (std::string& handle : FindMentions(text)) {
    mentions->push_back(Mention{std::move(handle), place, comment_id, by});
  }
}

std::string AbsoluteUrl(const PageContext& page, std::string_view href) {
  std::string_view trimmed = TrimAscii(href);
  if (trimmed.empty() || StartsWithIgnoreCase(trimmed, "javascript:") ||
      StartsWithIgnoreCase(trimmed, "mailto:")) {
    return {};
  }
  return page.base->Resolve(trimmed);
}

void MakeTextSafe(ExtractedPage* page) {
  auto drop = [](std::string& text) { MakeTextSafe(&text); };
  for (std::string* text : {&page->url, &page->canonical_url, &page->platform,
                            &page->comments_api_url, &page->comments_source}) {
    drop(*text);
  }
  Post& post = page->post;
  for (std::string* text : {&post.url, &post.title, &post.author, &post.published, &post.text,
                            &post.site_name, &post.site_url}) {
    drop(*text);
  }
  for (Link& link : post.links) {
    drop(link.url);
    drop(link.text);
  }
  for (Comment& c : page->comments) {
    for (std::string* text : {&c.id, &c.permalink, &c.author, &c.author_url, &c.published, &c.text,
                              &c.parent_id, &c.kind}) {
      drop(*text);
    }
  }
  for (Trackback& t : page->trackbacks) {
    for (std::string* text : {&t.id, &t.source_url, &t.title, &t.published}) drop(*text);
  }
  for (Mention& m : page->mentions) {
    for (std::string* text : {&m.handle, &m.comment_id, &m.by}) drop(*text);
  }
  for (std::string& link : page->page_links) drop(link);
  for (std::string& link : page->feed_links) drop(link);
}

Result<ExtractedPage> ExtractPage(std::string_view bytes, std::string_view url,
                                  const ExtractOptions& options) {
  if (Status status = CheckSize(bytes, options); !status.ok()) return status.error();
  std::string text = DecodeToUtf8(bytes, options.transport_charset);
  if (Status status = CheckText(text, options); !status.ok()) return status.error();
  ExtractedPage extracted;
  {
    HtmlDocument document(std::move(text));
    ReadPage(MakeContext(document.root(), url, options), url, options, &extracted);
  }  // the tree goes before the copies are cleaned
  MakeTextSafe(&extracted);
  return extracted;
}

}  // namespace linkgraph::parsers
