// Which reading a page gets: the platform detector and the table of
// platform readers.
#include "parsers/extractors.h"
#include "parsers/text_util.h"
#include "parsers/urls.h"

namespace linkgraph::parsers {
namespace {

bool HostEndsWith(const std::string& host, std::string_view domain) {
  return host == domain.substr(1) || (host.size() > domain.size() && host.ends_with(domain));
}

bool HasWordPressAssets(const PageContext& page) {
  return FindFirst(page.root, [](const GumboNode* node) {
           return (IsTag(node, GUMBO_TAG_LINK) || IsTag(node, GUMBO_TAG_SCRIPT)) &&
                  (ContainsIgnoreCase(Attr(node, "href"), "/wp-content/") ||
                   ContainsIgnoreCase(Attr(node, "src"), "/wp-content/") ||
                   ContainsIgnoreCase(Attr(node, "src"), "/wp-includes/"));
         }) != nullptr;
}

// Drupal's files and settings, where a saved copy lost the generator: its
// script (misc/drupal.js, core/misc/drupal.js), its settings object, the
// folders its themes and uploads live in (sites/all, sites/default), and
// the classes Drupal 5 and 6 give a node's links ("comment_forbidden").
bool HasDrupalAssets(const PageContext& page) {
  return FindFirst(page.root, [](const GumboNode* node) {
           if (HasAnyClass(node, {"comment_forbidden", "comment_add", "comment_comments",
                                  "comment_reply", "node_read_more"})) {
             return true;
           }
           if (!IsTag(node, GUMBO_TAG_LINK) && !IsTag(node, GUMBO_TAG_SCRIPT)) return false;
           std::string_view url = Attr(node, IsTag(node, GUMBO_TAG_LINK) ? "href" : "src");
           return ContainsIgnoreCase(url, "misc/drupal.js") ||
                  ContainsIgnoreCase(url, "sites/all/") ||
                  ContainsIgnoreCase(url, "sites/default/files/") ||
                  !Attr(node, "data-drupal-selector").empty() ||
                  (IsTag(node, GUMBO_TAG_SCRIPT) &&
                   ScriptText(node).find("Drupal.settings") != std::string::npos);
         }) != nullptr;
}

// A forum package's thread: its message markup, and its credit link or a
// class of its template (archived copies often lose the credit).
bool IsForumThread(const PageContext& page, std::string_view site, std::string_view template_class,
                   std::string_view body_class) {
  if (FindFirst(page.root, ClassIs(body_class)) == nullptr) return false;
  return FindFirst(page.root, [site, template_class](const GumboNode* node) {
           return (IsTag(node, GUMBO_TAG_A) && ContainsIgnoreCase(Attr(node, "href"), site)) ||
                  HasClass(node, template_class);
         }) != nullptr;
}

// SMF 2's message wrapper and text block, or SMF 1's poster column.
bool IsSmfThread(const PageContext& page) {
  if (FindFirst(page.root, ClassIs("post_wrapper")) != nullptr) {
    return FindFirst(page.root, [](const GumboNode* n) {
             return HasClass(n, "inner") && Id(n).starts_with("msg_");
           }) != nullptr;
  }
  return FindFirst(page.root, ClassIs("poster_info")) != nullptr &&
         FindFirst(page.root, ClassIs("td_headerandpost")) != nullptr;
}

bool HasHEntry(const PageContext& page) {
  return FindFirst(page.root, ClassIs("h-entry")) != nullptr;
}

}  // namespace

std::string DetectPlatform(const PageContext& page) {
  const std::string generator = MetaContent(page.root, "name", "generator");
  const std::string host = HostOfLink(page.canonical_url);
  if (ContainsIgnoreCase(generator, "wordpress.com") || HostEndsWith(host, ".wordpress.com")) {
    return "wordpresscom";
  }
  if (ContainsIgnoreCase(generator, "wordpress")) return "wordpress";
  if (EqualsIgnoreCase(generator, "blogger") || HostEndsWith(host, ".blogspot.com")) {
    return "blogger";
  }
  if (ContainsIgnoreCase(generator, "typepad") || HostEndsWith(host, ".typepad.com")) {
    return "typepad";
  }
  if (ContainsIgnoreCase(generator, "movabletype") ||
      ContainsIgnoreCase(generator, "movable type")) {
    return "movabletype";
  }
  if (ContainsIgnoreCase(generator, "drupal")) return "drupal";
  if (ContainsIgnoreCase(generator, "ghost")) return "ghost";
  if (ContainsIgnoreCase(generator, "tdiary")) return "tdiary";
  if (HostEndsWith(host, ".slashdot.org")) return "slash";
  if (IsForumThread(page, "phpbb.com", "forumline", "postbody")) return "phpbb";
  if (IsForumThread(page, "mybb.com", "author_information", "post_body")) return "mybb";
  if (IsSmfThread(page)) return "smf";
  if (HasWordPressAssets(page)) return "wordpress";
  if (HasDrupalAssets(page)) return "drupal";
  if (HasHEntry(page)) return "microformats";
  return "";
}

const PlatformReader* ReaderFor(std::string_view platform) {
  static const PlatformReader kBlogger{FindBloggerPost, ExtractBloggerComments};
  static const PlatformReader kMovableType{FindMovableTypePost, ExtractMovableTypeComments};
  static const PlatformReader kDrupal{FindDrupalPost, ExtractDrupalComments};
  static const PlatformReader kSlash{FindSlashPost, ExtractSlashComments};
  static const PlatformReader kPhpBb{FindPhpBbPost, ExtractPhpBbComments};
  static const PlatformReader kMyBb{FindMyBbPost, ExtractMyBbComments};
  static const PlatformReader kSmf{FindSmfPost, ExtractSmfComments};
  static const PlatformReader kGhost{FindGhostPost, ExtractMicroformatsComments};
  static const PlatformReader kTDiary{FindTDiaryPost, ExtractMicroformatsComments};
  static const PlatformReader kMicroformats{FindMicroformatsPost, ExtractMicroformatsComments};
  if (platform == "blogger") return &kBlogger;
  if (platform == "movabletype" || platform == "typepad") return &kMovableType;
  if (platform == "drupal") return &kDrupal;
  if (platform == "smf") return &kSmf;
  if (platform == "slash") return &kSlash;
  if (platform == "phpbb") return &kPhpBb;
  if (platform == "mybb") return &kMyBb;
  if (platform == "ghost") return &kGhost;
  if (platform == "tdiary") return &kTDiary;
  if (platform == "microformats") return &kMicroformats;
  return nullptr;
}

}  // namespace linkgraph::parsers
