// The post of a single-post page: its container, title, author, date, body
// text, outbound links and the blog it belongs to. Index and archive pages,
// which list several post bodies, yield no post.
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "parsers/dates.h"
#include "parsers/extractors.h"
#include "parsers/text_util.h"
#include "parsers/urls.h"

namespace linkgraph::parsers {
namespace {

// Sidebars, navigation and footers never hold the post.
bool IsPostContainer(const GumboNode* node);

bool IsChrome(const GumboNode* node) {
  // <body class="content-wide sidebar"> names the layout, not a region.
  if (IsTag(node, GUMBO_TAG_BODY) || IsTag(node, GUMBO_TAG_HTML)) return false;
  if (IsTag(node, GUMBO_TAG_NAV) || IsTag(node, GUMBO_TAG_ASIDE) || IsTag(node, GUMBO_TAG_SCRIPT) ||
      IsTag(node, GUMBO_TAG_FORM)) {
    return true;
  }
  // A post's own <footer> holds its byline and date; the page's does not.
  if (IsTag(node, GUMBO_TAG_FOOTER)) return FindAncestor(node, IsPostContainer) == nullptr;
  std::string_view id = Id(node);
  for (std::string_view chrome : {"sidebar", "footer", "nav", "navigation", "menu", "widgets"}) {
    if (StartsWithIgnoreCase(id, chrome)) return true;
  }
  // Asides by name ("#aside", ".aside-bloc" in SPIP), not WordPress's
  // "format-aside" posts.
  if (EqualsIgnoreCase(id, "aside") || EqualsIgnoreCase(id, "secondary")) return true;
  if (AnyClassToken(node, [](std::string_view token) {
        return EqualsIgnoreCase(token, "aside") || StartsWithIgnoreCase(token, "aside-") ||
               StartsWithIgnoreCase(token, "aside_");
      })) {
    return true;
  }
  return HasAnyClass(node, {"sidebar", "widget", "widget-area", "site-footer", "navigation",
                            "nav-menu", "menu", "xoxo"});
}

bool SkipForPost(const GumboNode* node) { return IsChrome(node) || IsCommentArea(node); }

bool IsBody(const GumboNode* node) {
  return HasAnyClass(
      node, {"entry-content", "entry",      "post-content",   "post-entry",      "storycontent",
             "post-body",     "entry-body", "postcontent",    "article-content", "post_content",
             "entrytext",     "post-text",  "post-bodycopy",  "entry-single",    "single-entry",
             "postbody",      "e-content",  "articlecontent", "article-body",    "entry_content",
             "asset-body"});
}

// Post bodies, outermost only (an .entry inside an .entry-content is one body).
std::vector<const GumboNode*> FindBodies(const GumboNode* root) {
  return FindAll(root, IsBody, [](const GumboNode* n) { return SkipForPost(n) || IsBody(n); });
}

bool IsPostContainer(const GumboNode* node) {
  if (!IsTag(node, GUMBO_TAG_ARTICLE) && !IsTag(node, GUMBO_TAG_DIV)) return false;
  static const LazyRE2 kPostId = {R"(post-\d+)"};
  std::string_view id = Id(node);
  return HasAnyClass(node, {"hentry", "type-post", "post", "h-entry", "blog-post"}) ||
         RE2::FullMatch(re2::StringPiece(id.data(), id.size()), *kPostId);
}

std::string FirstText(const GumboNode* scope, const NodePredicate& match) {
  const GumboNode* node = FindFirst(scope, match, IsCommentArea);
  return node == nullptr ? std::string() : OneLine(TextOf(node));
}

// Post titles are set in the top three levels.
bool IsTitleHeading(const GumboNode* node) {
  return IsTag(node, GUMBO_TAG_H1) || IsTag(node, GUMBO_TAG_H2) || IsTag(node, GUMBO_TAG_H3);
}

// "Title « Blog", "Title | Blog", "Title - Blog": the parts of <title>.
// WordPress's wp_title() puts its "»" before the post ("Blog » Post").
void SplitDocumentTitle(const std::string& title, std::string* post, std::string* site) {
  for (std::string_view separator : {" « ", " | ", " – ", " — ", " - ", " :: "}) {
    size_t at = title.find(separator);
    if (at != std::string::npos) {
      *post = std::string(TrimAscii(title.substr(0, at)));
      *site = std::string(TrimAscii(title.substr(at + separator.size())));
      return;
    }
  }
  if (size_t at = title.rfind(" » "); at != std::string::npos) {
    *post = std::string(TrimAscii(title.substr(at + std::string_view(" » ").size())));
    *site = std::string(TrimAscii(title.substr(0, at)));
    return;
  }
  *post = title;
}

bool IsSiteTitle(const GumboNode* node) {
  std::string_view id = Id(node);
  for (std::string_view candidate : {"blog-title", "site-title", "blogtitle", "logo"}) {
    if (EqualsIgnoreCase(id, candidate)) return true;
  }
  return IsTag(node, GUMBO_TAG_H1) && FindAncestor(node, [](const GumboNode* n) {
                                        return EqualsIgnoreCase(Id(n), "header") ||
                                               EqualsIgnoreCase(Id(n), "masthead");
                                      }) != nullptr;
}

// A link to the site's front page: "/", "./", "../index.html" (a saved
// copy's way up to it), or a URL with no path.
bool LinksHome(const GumboNode* link) {
  std::string_view href = TrimAscii(Attr(link, "href"));
  const size_t scheme = href.find("://");
  if (scheme != std::string_view::npos) {
    const size_t path = href.find('/', scheme + 3);
    return path == std::string_view::npos || path + 1 == href.size();
  }
  if (href.empty()) return false;
  while (href.starts_with("./") || href.starts_with("../") || href.starts_with("/")) {
    href.remove_prefix(href.find('/') + 1);
  }
  return href.empty() || href == "index.html" || href == "index.htm" || href == "index.php";
}

// The element naming the site in the page's header, by class or place.
// A link to the site's root by its path ("/", "http://host/"), where a
// relative "./" may be any folder.
bool LinksSiteRoot(const GumboNode* link) {
  std::string_view href = TrimAscii(Attr(link, "href"));
  return href == "/" || (href.find("://") != std::string_view::npos && LinksHome(link));
}

bool IsSiteHeading(const GumboNode* node) {
  return HasAnyClass(node, {"site-title", "blog-title", "blogtitle", "site-name"}) ||
         IsSiteTitle(node);
}

// The site's heading: by class or place, else the top heading that is a
// link home, unless another link carries its words (Serendipity links the
// post's title home in its h1, and to the post below).
const GumboNode* SiteHeading(const GumboNode* root) {
  if (const GumboNode* heading = FindFirst(root, IsSiteHeading)) return heading;
  // The page's first top heading. Themes that give the post the <h1> put
  // the site's name in an <h2> above it ("<h2 class=camp_title><a
  // href=/>"); an <h2>'s "./" is the post's own folder, so only the site's
  // root counts there.
  const GumboNode* h1 = FindFirst(
      root, [](const GumboNode* n) { return IsTag(n, GUMBO_TAG_H1) || IsTag(n, GUMBO_TAG_H2); });
  if (h1 == nullptr) return nullptr;
  const std::vector<const GumboNode*> links = FindAll(h1, TagIs(GUMBO_TAG_A));
  if (links.size() != 1 || !LinksHome(links.front())) return nullptr;
  if (IsTag(h1, GUMBO_TAG_H2) && !LinksSiteRoot(links.front())) return nullptr;
  const std::string words = OneLine(TextOf(h1));
  const bool repeated = FindFirst(root, [&](const GumboNode* n) {
                          return IsTag(n, GUMBO_TAG_A) && n != links.front() && !LinksHome(n) &&
                                 OneLine(TextOf(n)) == words;
                        }) != nullptr;
  return repeated ? nullptr : h1;
}

// The names the page gives its site: og:site_name and the header's title.
std::vector<std::string> SiteNames(const GumboNode* root) {
  std::vector<std::string> names;
  if (std::string name = MetaContent(root, "property", "og:site_name"); !name.empty()) {
    names.push_back(std::move(name));
  }
  const GumboNode* header_title = SiteHeading(root);
  if (header_title != nullptr) {
    if (std::string name = OneLine(TextOf(header_title)); !name.empty()) {
      names.push_back(std::move(name));
    }
  }
  return names;
}

// A title without the site's name before or after it ("Post : Blog",
// "Blog » Blog Archive » Post", "Post, Blog"), where the page names its
// site; as it is otherwise.
std::string WithoutSiteName(std::string_view title, const std::vector<std::string>& sites) {
  static constexpr std::string_view kSeparators[] = {
      " « ", " | ", " – ", " — ", " - ", " :: ", " » ", " : ", ": ", ", ", " · "};
  for (const std::string& site : sites) {
    for (std::string_view separator : kSeparators) {
      const size_t cut = site.size() + separator.size();
      if (title.size() <= cut) continue;
      if (EndsWithIgnoreCase(title, std::string(separator) + site)) {
        return std::string(TrimAscii(title.substr(0, title.size() - cut)));
      }
      if (StartsWithIgnoreCase(title, site + std::string(separator))) {
        std::string_view rest = TrimAscii(title.substr(cut));
        // Kubrick's single-post title: "Blog » Blog Archive » Post".
        constexpr std::string_view kArchive = "Blog Archive » ";
        if (StartsWithIgnoreCase(rest, kArchive)) rest = TrimAscii(rest.substr(kArchive.size()));
        return std::string(rest);
      }
    }
  }
  return std::string(TrimAscii(title));
}

// The post's part of <title>: without the site's name where the page gives
// it, else "Post « Blog", or "Blog – Post" when the header names the blog.
std::string DocumentPostTitle(const GumboNode* root) {
  const std::string document_title = FirstText(root, TagIs(GUMBO_TAG_TITLE));
  const std::vector<std::string> sites = SiteNames(root);
  if (std::string post = WithoutSiteName(document_title, sites);
      post != TrimAscii(document_title)) {
    return post;
  }
  std::string post, site;
  SplitDocumentTitle(document_title, &post, &site);
  const GumboNode* header_title = FindFirst(root, IsSiteTitle);
  if (!site.empty() && header_title != nullptr &&
      EqualsIgnoreCase(OneLine(TextOf(header_title)), post)) {
    return site;
  }
  return post;
}

// Headings that carry extras ("Title 199 Comments"): <title> has it plain.
std::string WithoutHeadingExtras(const std::string& heading, const GumboNode* root) {
  for (const std::string& plain :
       {FirstText(root, TagIs(GUMBO_TAG_TITLE)), DocumentPostTitle(root)}) {
    if (!plain.empty() && heading.size() > plain.size() && heading.starts_with(plain)) {
      return plain;
    }
  }
  return heading;
}

// Where no heading of a post says its title: comment areas, sidebars,
// widgets and navigation.
bool SkipForTitle(const GumboNode* node) { return SkipForPost(node) || IsRefusedRegion(node); }

// The heading in scope that the document's title names, the longest where
// several do (a post's heading, not its blog's name or a widget's); "" when
// none does.
std::string HeadingOfDocumentTitle(const GumboNode* scope, const GumboNode* root) {
  const std::string document_title = FirstText(root, TagIs(GUMBO_TAG_TITLE));
  if (document_title.empty()) return {};
  // The site's place in "Post | Site" names it too, where the page's header
  // does not ("FLOWERS | Concrete and Clay" over a banner heading).
  std::vector<std::string> sites = SiteNames(root);
  std::string post_part, site_part;
  SplitDocumentTitle(document_title, &post_part, &site_part);
  // "Post » Site" as well as "Site » Post": the side the site's heading
  // names is the site's.
  const bool site_first = std::any_of(sites.begin(), sites.end(), [&](const std::string& site) {
    return EqualsIgnoreCase(site, post_part);
  });
  if (site_first) std::swap(post_part, site_part);
  if (!site_part.empty()) sites.push_back(std::move(site_part));
  std::string best;
  for (const GumboNode* heading : FindAll(
           scope, [](const GumboNode* n) { return IsTitleHeading(n) && !SkipForTitle(n); },
           SkipForTitle)) {
    std::string text = OneLine(TextOf(heading));
    if (text.size() <= best.size() || !ContainsIgnoreCase(document_title, text)) continue;
    const bool names_site = std::any_of(sites.begin(), sites.end(), [&](const std::string& site) {
      return EqualsIgnoreCase(site, text);
    });
    if (!names_site) best = std::move(text);
  }
  return best;
}

std::string ReadTitle(const GumboNode* root, const GumboNode* container) {
  for (const GumboNode* scope : {container, root}) {
    if (scope == nullptr) continue;
    const GumboNode* node = FindFirst(
        scope,
        [](const GumboNode* n) {
          return !SkipForTitle(n) &&
                 (HasAnyClass(n,
                              {"entry-title", "post-title", "storytitle", "posttitle", "p-name"}) ||
                  (IsTitleHeading(n) && HasAnyClass(n, {"title", "entrytitle", "post_title"})));
        },
        SkipForTitle);
    if (node == nullptr) continue;
    // Some themes wrap the heading and its date line in one "posttitle" block.
    const GumboNode* heading = IsTitleHeading(node) ? node : FindFirst(node, IsTitleHeading);
    std::string title = OneLine(TextOf(heading != nullptr ? heading : node));
    if (title.empty()) continue;
    // A block's heading ("Archived content") that <title> does not name
    // yields to a heading it does.
    if (!ContainsIgnoreCase(FirstText(root, TagIs(GUMBO_TAG_TITLE)), title)) {
      if (std::string named = HeadingOfDocumentTitle(root, root); !named.empty()) return named;
    }
    return WithoutHeadingExtras(title, root);
  }
  std::string title = MetaContent(root, "property", "og:title");
  if (!title.empty()) return WithoutSiteName(title, SiteNames(root));
  if (container != nullptr) {
    title = HeadingOfDocumentTitle(container, root);
    if (title.empty()) title = FirstText(container, IsTitleHeading);
  } else {
    title = HeadingOfDocumentTitle(root, root);
  }
  if (!title.empty()) return WithoutHeadingExtras(title, root);
  return DocumentPostTitle(root);
}

bool IsScreenReaderText(const GumboNode* node) {
  return HasAnyClass(node, {"screen-reader-text", "screen-reader", "sr-only", "says"});
}

bool IsAuthorLink(const GumboNode* node) {
  if (!IsTag(node, GUMBO_TAG_A)) return false;
  std::string_view href = Attr(node, "href");
  return (ContainsIgnoreCase(Attr(node, "rel"), "author") &&
          !ContainsIgnoreCase(href, "plus.google.")) ||
         ContainsIgnoreCase(href, "/author/") || ContainsIgnoreCase(href, "/profile/") ||
         ContainsIgnoreCase(href, "/members/") || ContainsIgnoreCase(href, "/user/");
}

// Whether the word before text[dot] is an initial ("J.") or a title
// ("Dr.", "Jr.") rather than the end of a sentence.
bool AbbreviationEndsAt(std::string_view text, size_t dot) {
  size_t start = dot;
  while (start > 0 && text[start - 1] != ' ') --start;
  const std::string_view word = text.substr(start, dot - start);
  if (word.size() <= 1) return true;
  for (std::string_view title : {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof"}) {
    if (EqualsIgnoreCase(word, title)) return true;
  }
  return false;
}

// text up to the full stop that ends its first sentence ("Julien.
// Permalink"), the stop after an initial or a title kept.
std::string_view FirstSentence(std::string_view text) {
  for (size_t dot = text.find(". "); dot != std::string_view::npos;
       dot = text.find(". ", dot + 1)) {
    if (!AbbreviationEndsAt(text, dot)) return text.substr(0, dot);
  }
  return text;
}

// The name in a byline's text: after "By" (or a localised "av", "von",
// "par", "por", "door", "L'auteur est"), before the date, " on ..." or a
// separator.
std::string NameInBylineText(std::string text) {
  static const LazyRE2 kBy = {
      R"((?i)^(?:.*?\b(?:view\s+all\s+posts\s+by|by)|\s*(?:posted|written|published)\s+by|\s*(?:av|von|par|por|door|l'auteur\s+est|author|autor|auteur))\b\s*:?(?:\s+|$)|^\s*\x{7531}\s+|^\s*\x{6295}\x{7a3f}\x{8005}\s*[:\x{ff1a}]?\s*)"};
  // Chinese bylines close the name with "posted at" (發表於, 发表于) or
  // "published" (發佈, 发布).
  static const LazyRE2 kTail = {
      R"((?i)(?:\s+(?:on|at|in|under|le|el|am|den|op|il)\s.*|\s*[|\x{b7}\x{2022}\x{2013}\x{2014},].*|\s+[-:]\s.*|\s+\d.*|\s*\([^)]*\d.*|\s*(?:\x{767c}\x{8868}|\x{53d1}\x{8868}|\x{767c}\x{4f48}|\x{53d1}\x{5e03}).*)$)"};
  RE2::Replace(&text, *kBy, "");
  RE2::Replace(&text, *kTail, "");
  return std::string(TrimAscii(FirstSentence(text)));
}

}  // namespace

std::string NameInByline(const GumboNode* byline) {
  if (const GumboNode* link = IsAuthorLink(byline) ? byline : FindFirst(byline, IsAuthorLink)) {
    std::string name = OneLine(TextOf(link, IsScreenReaderText));
    if (!name.empty()) return NameInBylineText(name);
  }
  const GumboNode* name = FindFirst(byline, ClassIs("fn"));
  return NameInBylineText(OneLine(TextOf(name != nullptr ? name : byline, IsScreenReaderText)));
}

namespace {

// A name, as a byline gives one: a few words, no sentence.
bool LooksLikeName(std::string_view name) {
  constexpr size_t kMaxNameBytes = 80;
  return !name.empty() && name.size() <= kMaxNameBytes &&
         name.find("://") == std::string_view::npos &&
         std::count(name.begin(), name.end(), ' ') < 6;
}

// The name after "Posted by" or "Written by" in text: letters (any
// script), dots, apostrophes, hyphens and spaces, up to " on", " at",
// " in", " under" (its category), "|", "," or the line's end. A hand scan: a pattern of Unicode
// letter classes under (?i) outgrows RE2's DFA budget on big pages.
std::string NameAfter(const RE2& opening, std::string_view text) {
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  if (!opening.Match(input, 0, text.size(), RE2::UNANCHORED, &match, 1)) return {};
  std::string_view rest =
      text.substr(static_cast<size_t>(match.data() + match.size() - text.data()));
  size_t end = 0;
  while (end < rest.size()) {
    const auto c = static_cast<unsigned char>(rest[end]);
    const bool name_char =
        std::isalpha(c) || c >= 0x80 || c == '.' || c == '\'' || c == '-' || c == ' ';
    if (!name_char) break;
    if (c == ' ') {
      std::string_view next = rest.substr(end + 1);
      if (StartsWithIgnoreCase(next, "on ") || StartsWithIgnoreCase(next, "at ") ||
          StartsWithIgnoreCase(next, "in ") || StartsWithIgnoreCase(next, "under ")) {
        break;
      }
    }
    ++end;
  }
  // The scan takes any non-ASCII byte: a dash after the name comes off.
  std::string name = NameInBylineText(std::string(TrimAscii(rest.substr(0, end))));
  return LooksLikeName(name) ? name : std::string();
}

std::string NameAfterPostedBy(std::string_view text) {
  static const LazyRE2 kPostedBy = {R"((?i)(?:posted|written)\s+by:?\s+)"};
  return NameAfter(*kPostedBy, text);
}

// WordPress 1.5's Classic theme: "Filed under: General — NAME @ 6:32 am".
// The name after the line's last dash, up to "@", " at " or a digit.
std::string NameAfterDash(std::string_view line) {
  static const LazyRE2 kAfterDash = {
      R"((?:\x{2014}|\x{2013}|\s-)\s*([^\x{2014}\x{2013}@\d]+?)\s*(?:@|\bat\b|\d|$))"};
  std::string name;
  re2::StringPiece input(line.data(), line.size());
  std::string last;
  while (RE2::FindAndConsume(&input, *kAfterDash, &name)) last = name;
  last = std::string(TrimAscii(last));
  return LooksLikeName(last) && !HasDigit(last) ? last : std::string();
}

// A post's meta line that ends in its author: "Created February 14, 2012
// by tejvan", "Filed Under: inside by Steve - 6 Comments". Short, with a
// date, a count or a filing label, and not a credit ("Photo by", "Theme
// by", "Powered by").
std::string NameInMetaLine(std::string_view text) {
  constexpr size_t kMaxLineBytes = 120;
  static const LazyRE2 kBy = {R"((?i)\bby:?\s+)"};
  for (size_t start = 0, end = 0; start < text.size(); start = end + 1) {
    end = std::min(text.find('\n', start), text.size());
    const std::string_view line = TrimAscii(text.substr(start, end - start));
    if (line.empty() || line.size() > kMaxLineBytes) continue;
    if (!HasDigit(line) && !ContainsIgnoreCase(line, "filed") &&
        !ContainsIgnoreCase(line, "categor")) {
      continue;
    }
    bool credit = false;
    for (std::string_view word : {"photo", "image", "picture", "powered", "theme", "design",
                                  "copyright", "\xC2\xA9", "licen", "hosted"}) {
      credit = credit || ContainsIgnoreCase(line, word);
    }
    if (credit) continue;
    constexpr long kMaxNameSpaces = 3;
    std::string name = NameAfter(*kBy, line);
    if (name.empty()) name = NameAfterDash(line);
    if (!name.empty() && std::count(name.begin(), name.end(), ' ') <= kMaxNameSpaces) return name;
  }
  return {};
}

// The post's author where no byline element names it: an author link
// (rel=author, a WordPress /author/slug/ archive, a news site's writer
// page) outside comments and page chrome, then the page's metadata
// (article:author and author meta when they are names, not profile URLs).
std::string AuthorFromPage(const PageContext& page) {
  const GumboNode* root = page.root;
  for (
      const NodePredicate& find :
      {NodePredicate([](const GumboNode* n) {
         // Not the "Google+" profile links that rel=author once meant.
         return IsTag(n, GUMBO_TAG_A) && ContainsIgnoreCase(Attr(n, "rel"), "author") &&
                !ContainsIgnoreCase(Attr(n, "href"), "plus.google.");
       }),
       NodePredicate([](const GumboNode* n) {
         // A writer's own page: "/author/jane/", and news sites' "/authors/",
         // "/people/", "/staff/", "/journalists/"... with the writer's slug,
         // in other languages too ("/autoren/2-name", "/auteur/name").
         static const LazyRE2 kWriterPage = {
             R"((?i)/(?:authors?|people|staff|journalists?|writers?|contributors?|columnists?|autor(?:en|es|i)?|auteurs?)/[^/?#]+)"};
         std::string_view href = Attr(n, "href");
         return IsTag(n, GUMBO_TAG_A) &&
                RE2::PartialMatch(re2::StringPiece(href.data(), href.size()), *kWriterPage);
       })}) {
    for (const GumboNode* link : FindAll(root, find, SkipForPost)) {
      std::string name = NameInByline(link);
      if (LooksLikeName(name)) return name;
    }
  }
  // Yoast's "Written by" label and value for Twitter cards.
  const std::string written_by =
      EqualsIgnoreCase(MetaContent(root, "name", "twitter:label1"), "Written by")
          ? MetaContent(root, "name", "twitter:data1")
          : std::string();
  for (std::string name :
       {SchemaOrgPostAuthor(page), MetaContent(root, "property", "article:author"), written_by,
        MetaContent(root, "name", "author")}) {
    if (LooksLikeName(name)) return name;
  }
  return {};
}

// Comments and their areas, under whatever name: a commenter's byline is
// not the post's.
bool SkipForByline(const GumboNode* node) { return SkipForPost(node) || IsCommentNamed(node); }

// A byline no class names, told by its words: a text that opens with "By",
// "Posted by", "Author:" (or a translation, Chinese "由"), or "Posted
// <date> by".
bool OpensByline(std::string_view text) {
  static const LazyRE2 kOpening = {
      R"((?i)^\s*(?:(?:posted|written|published)\s+(?:\S+\s+){0,6}?by:?|by|author\s*:|autor\s*:|auteur\s*:|par|av|von|por|door|\x{7531}|\x{6295}\x{7a3f}\x{8005})\s)"};
  // "September 27, 2010 at 6:27 am by NAME | In Category": a date, then "by".
  static const LazyRE2 kDateThenBy = {R"((?i)^\s*([^|]{6,60}?)\s+by\s)"};
  constexpr size_t kMaxBylineBytes = 120;
  if (text.size() > kMaxBylineBytes) return false;
  const re2::StringPiece input(text.data(), text.size());
  if (RE2::PartialMatch(input, *kOpening)) return true;
  std::string date;
  return RE2::PartialMatch(input, *kDateThenBy, &date) && !ParseDate(date).empty();
}

// Inside a post's body only its meta blocks hold a byline ("div.meta",
// "span.postedby" where a theme's "entry" wraps the byline with the text):
// "By the time we met..." in a paragraph is prose.
bool InBodyOutsideMeta(const GumboNode* node) {
  static const LazyRE2 kMeta = {R"((?i)meta|byline|author|posted|postinfo)"};
  for (const GumboNode* up = node; up != nullptr && up->type == GUMBO_NODE_ELEMENT;
       up = up->parent) {
    if (IsBody(up)) return true;
    if (AnyClassToken(up, [](std::string_view token) {
          return RE2::PartialMatch(re2::StringPiece(token.data(), token.size()), *kMeta);
        })) {
      return false;
    }
  }
  return false;
}

// The element's first child that is not whitespace; nullptr when none.
const GumboNode* FirstContent(const GumboNode* element, unsigned* index) {
  const GumboVector& children = element->v.element.children;
  for (*index = 0; *index < children.length; ++*index) {
    const auto* child = static_cast<const GumboNode*>(children.data[*index]);
    if (child->type != GUMBO_NODE_WHITESPACE) return child;
  }
  return nullptr;
}

// The name of the first byline told by its words in scope: the link or
// name element right after its opening words, else the name in its text.
std::string NameInBylineByWords(const GumboNode* scope) {
  for (const GumboNode* element : FindAll(
           scope, [](const GumboNode* n) { return !SkipForByline(n); }, SkipForByline)) {
    // The words open the element: "... by <em>Blog</em>" inside a licence
    // notice is no byline.
    unsigned at = 0;
    const GumboNode* opening = FirstContent(element, &at);
    if (opening == nullptr || opening->type != GUMBO_NODE_TEXT ||
        !OpensByline(opening->v.text.text) || InBodyOutsideMeta(element)) {
      continue;
    }
    std::string name;
    const GumboVector& children = element->v.element.children;
    const bool label_only = NameInBylineText(OneLine(opening->v.text.text)).empty();
    if (label_only && at + 1 < children.length) {
      name = OneLine(TextOf(static_cast<const GumboNode*>(children.data[at + 1])));
    }
    if (!LooksLikeName(name)) name = NameInByline(element);
    if (LooksLikeName(name)) return name;
  }
  return {};
}

std::string ReadAuthor(const PageContext& page, const GumboNode* container) {
  // The post's bylines; where no container is known, the document's,
  // outside comments and page chrome.
  const GumboNode* scope = container != nullptr ? container : page.root;
  // Most specific first: an author box ("View all posts by ...") often
  // comes before the byline in document order.
  for (const NodePredicate& find :
       {NodePredicate([](const GumboNode* n) {
          return HasAnyClass(n, {"byline", "post-byline", "entry-author", "post-author",
                                 "post_author", "entry-byline", "author-name"});
        }),
        NodePredicate([](const GumboNode* n) {
          return HasAnyClass(n, {"author", "p-author", "vcard", "fn"});
        }),
        NodePredicate([](const GumboNode* n) {
          return IsTag(n, GUMBO_TAG_A) && Attr(n, "rel") == "author";
        })}) {
    // The walk tests a node before pruning below it: a comment itself may match.
    const GumboNode* byline = FindFirst(
        scope, [&find](const GumboNode* n) { return !SkipForByline(n) && find(n); }, SkipForByline);
    std::string name = byline == nullptr ? std::string() : NameInByline(byline);
    if (LooksLikeName(name)) return name;
  }
  if (std::string name = NameInBylineByWords(scope); !name.empty()) return name;
  if (container != nullptr) {
    if (std::string name = NameAfterPostedBy(TextOf(container, IsBody)); !name.empty()) {
      return name;
    }
    const std::string meta =
        TextOf(container, [](const GumboNode* n) { return IsBody(n) || SkipForByline(n); });
    if (std::string name = NameInMetaLine(meta); !name.empty()) return name;
  }
  return AuthorFromPage(page);
}

std::string ReadPublished(const GumboNode* root, const GumboNode* container) {
  std::string date = ParseDate(MetaContent(root, "property", "article:published_time"));
  if (!date.empty() || container == nullptr) return date;
  for (const GumboNode* node : FindAll(
           container,
           [](const GumboNode* n) {
             return IsTag(n, GUMBO_TAG_TIME) || IsTag(n, GUMBO_TAG_ABBR) ||
                    HasAnyClass(
                        n, {"published", "entry-date", "post-date", "date", "postdate",
                            "postmetadata", "entry-meta", "dt-published", "post-meta", "meta"});
           },
           SkipForPost)) {
    std::string found;
    for (const char* attribute : {"datetime", "title", "content"}) {
      if (found.empty()) found = ParseDate(Attr(node, attribute));
    }
    if (found.empty()) found = ParseDate(OneLine(TextOf(node)));
    // A date line and a later "posted on ... at 9:31 pm": keep the time.
    if (found.size() > date.size()) date = found;
    if (date.size() > 10) break;
  }
  return date;
}

void ReadSite(const PageContext& page, Post* post) {
  post->site_name = MetaContent(page.root, "property", "og:site_name");
  const GumboNode* header_title = SiteHeading(page.root);
  if (post->site_name.empty() && header_title != nullptr) {
    post->site_name = OneLine(TextOf(header_title));
  }
  if (post->site_name.empty()) {
    std::string ignored;
    SplitDocumentTitle(FirstText(page.root, TagIs(GUMBO_TAG_TITLE)), &ignored, &post->site_name);
  }
  const GumboNode* home =
      header_title == nullptr
          ? nullptr
          : (IsTag(header_title, GUMBO_TAG_A) ? header_title
                                              : FindFirst(header_title, TagIs(GUMBO_TAG_A)));
  std::string home_url = home == nullptr ? std::string() : AbsoluteUrl(page, Attr(home, "href"));
  // A saved page's relative home link points into the folder it was saved
  // in; the blog is where its canonical URL says.
  bool home_on_same_site =
      !home_url.empty() && NormalSiteRootOf(home_url) == NormalSiteRootOf(page.canonical_url);
  post->site_url = home_on_same_site && !EqualsIgnoreCase(home_url, page.canonical_url)
                       ? home_url
                       : NormalSiteRootOf(page.canonical_url);
}

std::vector<Link> ReadLinks(const PageContext& page, const GumboNode* body) {
  std::vector<Link> links;
  for (const GumboNode* anchor : FindAll(body, TagIs(GUMBO_TAG_A))) {
    std::string_view href = Attr(anchor, "href");
    if (href.empty() || href[0] == '#') continue;
    std::string url = AbsoluteUrl(page, href);
    if (url.empty()) continue;
    links.push_back(Link{std::move(url), OneLine(TextOf(anchor))});
  }
  return links;
}

// Outermost post containers outside sidebars and comments.
std::vector<const GumboNode*> FindPostContainers(const GumboNode* root) {
  return FindAll(root, IsPostContainer,
                 [](const GumboNode* n) { return SkipForPost(n) || IsPostContainer(n); });
}

// The container <body class="single postid-N"> names (id or class
// "post-N"), among several; nullptr where the page names none.
const GumboNode* OwnPostContainer(const GumboNode* root,
                                  const std::vector<const GumboNode*>& containers) {
  const GumboNode* body_tag = FindFirst(root, TagIs(GUMBO_TAG_BODY));
  if (body_tag == nullptr || !HasClass(body_tag, "single")) return nullptr;
  constexpr std::string_view kPostId = "postid-";
  std::string own;
  AnyClassToken(body_tag, [&own, kPostId](std::string_view token) {
    if (StartsWithIgnoreCase(token, kPostId) && HasDigit(token)) {
      own = "post-" + std::string(token.substr(kPostId.size()));
    }
    return !own.empty();
  });
  if (own.empty()) return nullptr;
  for (const GumboNode* container : containers) {
    if (Id(container) == own || HasClass(container, own)) return container;
  }
  return nullptr;
}

// The one post body of a single-post page; nullptr for listings (front
// pages, archives, categories), which show several posts or their excerpts.
const GumboNode* FindSinglePostBody(const GumboNode* root) {
  std::vector<const GumboNode*> containers = FindPostContainers(root);
  bool excerpts = FindAll(root, ClassIs("entry-summary"), SkipForPost).size() > 1;
  if (containers.size() > 1 || excerpts) {
    // WordPress names the page's own post on <body> ("postid-343946"):
    // the other containers are related posts' teasers.
    const GumboNode* own = OwnPostContainer(root, containers);
    if (own == nullptr) return nullptr;
    std::vector<const GumboNode*> bodies = FindBodies(own);
    return bodies.empty() ? own : bodies.front();
  }
  std::vector<const GumboNode*> bodies = FindBodies(root);
  // Themes with no body class: the post container itself.
  if (bodies.empty()) bodies = containers;
  if (bodies.size() == 1) return bodies.front();
  // Several bodies in one container: the first, when the page says it is a
  // single post (WordPress puts "single" on <body>).
  const GumboNode* body_tag = FindFirst(root, TagIs(GUMBO_TAG_BODY));
  bool single =
      body_tag != nullptr && (HasClass(body_tag, "single") || HasClass(body_tag, "single-post"));
  return single && !bodies.empty() ? bodies.front() : nullptr;
}

// An excerpt whose permalink (rel=bookmark) is another page: the last page
// of a listing, showing one post. A page that holds its own post links to
// itself, if anywhere.
bool IsExcerptOfAnotherPage(const PageContext& page, const GumboNode* body,
                            const GumboNode* container) {
  const bool excerpt =
      HasClass(body, "entry-summary") || (FindFirst(body, ClassIs("entry-content")) == nullptr &&
                                          FindFirst(body, ClassIs("entry-summary")) != nullptr);
  if (!excerpt || container == nullptr) return false;
  const GumboNode* permalink = FindFirst(container, [](const GumboNode* n) {
    return IsTag(n, GUMBO_TAG_A) && ContainsIgnoreCase(Attr(n, "rel"), "bookmark");
  });
  if (permalink == nullptr) return false;
  const std::string target = AbsoluteUrl(page, Attr(permalink, "href"));
  return !target.empty() && target != page.post_url && target != page.canonical_url;
}

}  // namespace

void BuildPost(const PageContext& page, const PostParts& parts, Post* post) {
  const GumboNode* container = parts.container;
  post->url = page.post_url;
  if (!parts.untitled) {
    post->title = !parts.title.empty() ? parts.title : ReadTitle(page.root, container);
  }
  if (!parts.author_elsewhere) {
    post->author = !parts.author.empty() ? parts.author : ReadAuthor(page, container);
  }
  post->published =
      !parts.published.empty() ? parts.published : ReadPublished(page.root, container);
  if (parts.body != nullptr) {
    post->text = TextOf(parts.body, SkipForPost);
    post->links = ReadLinks(page, parts.body);
  }
  ReadSite(page, post);
}

// Where no class names the post's container: the nearest block around the
// body that also holds a heading before it (div.story around h2, the meta
// line and div.storycontent), while it holds little besides them.
const GumboNode* HeadedBlockAround(const GumboNode* body) {
  constexpr int kMaxClimb = 2;
  constexpr size_t kMaxExtraChars = 600;
  const size_t body_chars = CountCodePoints(TextOf(body));
  const GumboNode* block = body->parent;
  for (int climb = 0; climb < kMaxClimb && block != nullptr && IsTag(block, GUMBO_TAG_DIV);
       ++climb, block = block->parent) {
    if (CountCodePoints(TextOf(block, IsCommentArea)) > 2 * body_chars + kMaxExtraChars)
      return nullptr;
    for (const GumboNode* child : ElementChildren(block)) {
      if (Contains(child, body)) break;
      if (IsTag(child, GUMBO_TAG_H1) || IsTag(child, GUMBO_TAG_H2) || IsTag(child, GUMBO_TAG_H3)) {
        return block;
      }
    }
  }
  return nullptr;
}

bool ExtractPost(const PageContext& page, Post* post) {
  const GumboNode* body = FindSinglePostBody(page.root);
  if (body == nullptr) return false;
  const GumboNode* container = IsPostContainer(body) ? body : FindAncestor(body, IsPostContainer);
  if (container == nullptr) container = HeadedBlockAround(body);
  if (IsExcerptOfAnotherPage(page, body, container)) return false;
  PostParts parts;
  parts.body = body;
  parts.container = container;
  BuildPost(page, parts, post);
  return true;
}

namespace {

// Readable text of a paragraph: the characters outside its links.
size_t ProseChars(const GumboNode* paragraph) {
  return TextOf(paragraph, [](const GumboNode* n) { return IsTag(n, GUMBO_TAG_A); }).size();
}

// The page's main text block where no known container names it: the
// element whose paragraphs (outside page chrome and comments) hold the
// most text, each paragraph counting fully for its parent and half for
// its grandparent. nullptr when no block has a few sentences.
const GumboNode* DensestTextBlock(const GumboNode* root) {
  constexpr double kMinChars = 140;
  std::vector<std::pair<const GumboNode*, double>> scores;  // first seen first
  std::unordered_map<const GumboNode*, size_t> index_of;
  auto add = [&](const GumboNode* node, double chars) {
    if (node == nullptr || node->type != GUMBO_NODE_ELEMENT) return;
    auto [at, fresh] = index_of.emplace(node, scores.size());
    if (fresh) scores.emplace_back(node, 0);
    scores[at->second].second += chars;
  };
  auto prune = [](const GumboNode* n) {
    return SkipForPost(n) || IsTag(n, GUMBO_TAG_HEADER) || IsTag(n, GUMBO_TAG_FOOTER);
  };
  for (const GumboNode* paragraph : FindAll(root, TagIs(GUMBO_TAG_P), prune)) {
    const double chars = static_cast<double>(ProseChars(paragraph));
    const GumboNode* parent = paragraph->parent;
    add(parent, chars);
    if (parent != nullptr) add(parent->parent, chars / 2);
  }
  const GumboNode* best = nullptr;
  double best_score = kMinChars;
  for (const auto& [node, chars] : scores) {
    if (chars > best_score) {
      best = node;
      best_score = chars;
    }
  }
  return best;
}

}  // namespace

// A form to answer this very page: a text box in a form whose action, id,
// class or name says comment or reply. A listing links to its posts' forms
// rather than carrying one.
bool HasCommentForm(const GumboNode* root) {
  for (const GumboNode* form : FindAll(root, TagIs(GUMBO_TAG_FORM))) {
    if (FindFirst(form, TagIs(GUMBO_TAG_TEXTAREA)) == nullptr) continue;
    for (const char* attribute : {"action", "id", "class", "name"}) {
      const std::string_view value = Attr(form, attribute);
      for (std::string_view word : {"comment", "komment", "koment", "reply", "respond"}) {
        if (ContainsIgnoreCase(value, word)) return true;
      }
    }
  }
  return false;
}

bool DeclaresSingleItem(const PageContext& page) {
  return EqualsIgnoreCase(MetaContent(page.root, "property", "og:type"), "article") ||
         HasCommentForm(page.root);
}

bool LooksLikeListing(const PageContext& page) {
  if (const GumboNode* body = FindFirst(page.root, TagIs(GUMBO_TAG_BODY))) {
    if (HasAnyClass(body, {"single", "single-post", "page", "singular", "item-view"})) return false;
    if (HasAnyClass(body, {"home", "blog", "archive", "category", "tag", "search", "date"})) {
      return !HoldsCommentList(page.root);
    }
  }
  int headed_by_other_page = 0;
  for (const GumboNode* container : FindPostContainers(page.root)) {
    const GumboNode* heading = FindFirst(container, IsTitleHeading, IsCommentArea);
    const GumboNode* link = heading == nullptr ? nullptr : FindFirst(heading, TagIs(GUMBO_TAG_A));
    if (link == nullptr) continue;
    const std::string target = AbsoluteUrl(page, Attr(link, "href"));
    if (!target.empty() && target != page.post_url && target != page.canonical_url) {
      ++headed_by_other_page;
    }
  }
  return headed_by_other_page >= 2 && !HoldsCommentList(page.root);
}

bool ExtractPostFromPage(const PageContext& page, Post* post) {
  PostParts parts;
  parts.body = DensestTextBlock(page.root);
  parts.container = parts.body == nullptr ? nullptr : FindAncestor(parts.body, IsPostContainer);
  BuildPost(page, parts, post);
  return !post->title.empty() || parts.body != nullptr;
}

}  // namespace linkgraph::parsers
