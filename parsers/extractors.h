// Private to parsers/: the stages that ExtractPage runs over one parsed page.
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/model.h"
#include "parsers/dates.h"
#include "parsers/html_document.h"
#include "parsers/urls.h"

namespace linkgraph::parsers {

struct PageContext {
  const GumboNode* root = nullptr;
  std::string url;                    // where the bytes came from
  std::string base_url;               // <base href> or url
  std::unique_ptr<UrlResolver> base;  // resolves against base_url
  std::string canonical_url;          // rel=canonical or url
  // The post's own URL: canonical_url without a comment page
  // ("/comment-page-2/", "?cpage=2"), so that every page of a post's
  // comments names the same post.
  std::string post_url;
  // A page read from a file has no address of a site: the host its
  // canonical link, og:url or own forms name, for telling the site's own
  // links from others. "" for pages fetched from a site.
  std::string saved_site_host;
  // The day and month order the page's slashed dates show ("21/03/2012"),
  // for reading those that do not ("04/09/2012").
  DateOrder date_order = DateOrder::kUnknown;
};

// One comment per id (the first, completed from its repeats), parent links
// that end (a link closing a cycle, a comment its own parent, is cut) and
// positions 1..n in page order.
// Run on every page's comments before they leave the parser.
void SettleThread(std::vector<Comment>* comments);

// Takes off what themes glue onto comments: labels and buttons after the
// author ("Log in to Reply", "said..."), the author and date line atop the
// text; pingbacks shown as comments ("[...] excerpt [...]" under a link to
// the citing page) move to trackbacks. Run before SettleThread.
void CleanCommentFields(std::vector<Comment>* comments, std::vector<Trackback>* trackbacks);

// An <a href> (or any URL attribute value) made absolute; "" when unusable.
std::string AbsoluteUrl(const PageContext& page, std::string_view href);

// The platform whose markup the page is in, from the generator meta, markup
// signatures and the host: "wordpress", "wordpresscom", "blogger", "typepad",
// "movabletype", "drupal", "slash", "phpbb", "mybb", "smf", "ghost", "tdiary",
// "microformats" (an h-entry page of no known platform), or "" when unknown.
std::string DetectPlatform(const PageContext& page);

// Title, author, date, body, links and site of the page's post. Returns false
// when the page is not a single post (an index, an archive, no body found).
bool ExtractPost(const PageContext& page, Post* post);

// The post of a single-item page whose post container no reader knows (a
// bare div#content, a table layout), for pages whose comments were found
// all the same: title, author and date from headings, bylines and
// metadata, the body from the page's densest block of paragraphs.
// Returns false when the page has neither a title nor such a block.
bool ExtractPostFromPage(const PageContext& page, Post* post);

// Whether the page says it is one article (og:type "article", or a form to
// comment on it): such a page is a post even where neither its container
// nor any comment is found.
bool DeclaresSingleItem(const PageContext& page);

// Whether the page lists several posts (a front page, an archive, a
// category): WordPress's body classes where given, else several post
// containers each headed by a link to another page.
bool LooksLikeListing(const PageContext& page);

// Where one platform's markup puts a post. Empty fields are read as for
// WordPress from container (or the document).
struct PostParts {
  const GumboNode* body = nullptr;       // the post's text; null: none found
  const GumboNode* container = nullptr;  // holds title, byline, date; null: the document
  std::string title;
  bool untitled = false;  // the post has no title (a note): keep title empty
  std::string author;
  bool author_elsewhere = false;  // on another page (a thread's later page): keep author empty
  std::string published;          // ISO 8601
};

// The name in a post's byline element: its author link or .fn when marked
// up, else its text without "By" (or a translation) and the date.
std::string NameInByline(const GumboNode* byline);

// The post from parts: body text, links and site, and what parts leave empty.
void BuildPost(const PageContext& page, const PostParts& parts, Post* post);

// One platform's reading of its pages (platform_readers.cc picks one by
// DetectPlatform's name). find_post is false when the page holds no single
// post in the platform's markup; the WordPress/generic reading is tried then.
struct PlatformReader {
  bool (*find_post)(const PageContext& page, PostParts* parts);
  void (*comments)(const PageContext& page, std::vector<Comment>* comments,
                   std::vector<Trackback>* trackbacks);
};
// nullptr for WordPress and unknown platforms: ExtractPost and
// ExtractWordPressComments read those.
const PlatformReader* ReaderFor(std::string_view platform);

// The platforms' own readings, one file each.
bool FindBloggerPost(const PageContext& page, PostParts* parts);
void ExtractBloggerComments(const PageContext& page, std::vector<Comment>* comments,
                            std::vector<Trackback>* trackbacks);
// Movable Type and TypePad (TypePad runs Movable Type's templates).
bool FindMovableTypePost(const PageContext& page, PostParts* parts);
void ExtractMovableTypeComments(const PageContext& page, std::vector<Comment>* comments,
                                std::vector<Trackback>* trackbacks);
bool FindDrupalPost(const PageContext& page, PostParts* parts);
void ExtractDrupalComments(const PageContext& page, std::vector<Comment>* comments,
                           std::vector<Trackback>* trackbacks);
bool FindSlashPost(const PageContext& page, PostParts* parts);
// Forum threads (phpBB 2's subSilver, MyBB's postbit): the first message on
// the thread's first page is the post, the others its comments (flat).
bool FindPhpBbPost(const PageContext& page, PostParts* parts);
void ExtractPhpBbComments(const PageContext& page, std::vector<Comment>* comments,
                          std::vector<Trackback>* trackbacks);
bool FindMyBbPost(const PageContext& page, PostParts* parts);
void ExtractMyBbComments(const PageContext& page, std::vector<Comment>* comments,
                         std::vector<Trackback>* trackbacks);
bool FindSmfPost(const PageContext& page, PostParts* parts);
void ExtractSmfComments(const PageContext& page, std::vector<Comment>* comments,
                        std::vector<Trackback>* trackbacks);
// Forum threads of any package, by the structure of their messages: a run
// of sibling records, each with a link to its writer's member profile and a
// text of its own. The first message is the post (parts), the others its
// comments. False, with nothing added, when the page shows no such run.
bool ReadForumMessages(const PageContext& page, PostParts* parts, std::vector<Comment>* comments);
void ExtractSlashComments(const PageContext& page, std::vector<Comment>* comments,
                          std::vector<Trackback>* trackbacks);
// Fallbacks for pages whose platform reading found no comments, tried in
// this order (extract_page.cc):
// schema.org Comment items of the page's BlogPosting/Article, as JSON-LD or
// microdata.
void ExtractSchemaOrgComments(const PageContext& page, std::vector<Comment>* comments);
// Fills a comment's empty author and date from the schema.org Comment
// microdata of its element (itemprop=author, datePublished), where a
// platform's template the reader does not know marks them only that way.
void CompleteFromMicrodata(const PageContext& page, const GumboNode* element, Comment* comment);
// The author's name the page's own schema.org posting (JSON-LD) states, or
// its WebPage where no posting names one; "" when none.
std::string SchemaOrgPostAuthor(const PageContext& page);
// The Disqus plugin's server-rendered list (#dsq-comments). Sets
// *loaded_by_script when the page has a Disqus container with nothing in it:
// its comments exist but are not in the HTML.
void ExtractDisqusComments(const PageContext& page, std::vector<Comment>* comments,
                           bool* loaded_by_script);
// Unknown themes: repeated sibling blocks under an element whose id or class
// says comment, each with an author-like element and a date. Precision
// first: navigation, sidebars, "recent comments" widgets, related posts and
// the reply form are never comments.
void ExtractGenericComments(const PageContext& page, std::vector<Comment>* comments);

// Sibling records marked only by a comment's anchor id ("cmt_3") and a bold
// name, dates or not (anchored_comments.cc). Last of all readers.
void ExtractAnchoredComments(const PageContext& page, std::vector<Comment>* comments);
// Whether node's own children hold a run of comment-like blocks: a
// platform's comment item that holds one is the list of a template that
// wraps no element around each comment, not one comment.
bool HoldsCommentRun(const PageContext& page, const GumboNode* node);
// The left indentation an inline style gives a block ("padding-left:
// 20px", "margin-left: 2em"), in pixels; -1 when none is given. Templates
// that list replies flat under their parent (Serendipity's threaded view,
// LiveJournal's) show the thread this way only.
int InlineIndentation(const GumboNode* node);
// Flat comments threaded by that indentation, in page order: each answers
// the last one before it indented less.
class IndentedThread {
 public:
  // Places the comment id at indentation; the id it answers, or "".
  std::string Place(int indentation, const std::string& id);

 private:
  std::vector<std::pair<int, std::string>> open_;  // still open to replies
};
// One comment's element in a list, and the element its writer's name was
// read from (nullptr where the theme marks none).
struct SiblingItem {
  const GumboNode* item;
  const GumboNode* name;
};
// Whether node, found under item, belongs to another comment (a reply's
// item inside this one).
using ItemBoundary = std::function<bool(const GumboNode* item, const GumboNode* node)>;
// Names for the unnamed items of one list, learnt from the template the
// items share: the element the others' names fill alone, else the words
// every item's byline repeats around a name and a date ("NAME left this
// comment at DATE:"). One entry per item; "" where nothing says.
std::vector<std::string> NamesFromSiblings(std::span<const SiblingItem> items,
                                           const ItemBoundary& out_of_item);
// Whether the node's id or a class says comment ("commentlist",
// "comment-container", "kommentare", "responses"): a post's byline is
// never inside one.
bool IsCommentNamed(const GumboNode* node);
// Navigation, sidebars and widgets, related posts, the reply form,
// pagination, share buttons, bio boxes, tag clouds: regions that list
// comment-like items but never hold a post's comments.
bool IsRefusedRegion(const GumboNode* node);
// The same regions but widgets: where a site builder makes every part of
// a page a widget (vBulletin 5), its thread is one too.
bool IsListingRegion(const GumboNode* node);
// The fragment of the item's first link (outside scope's pruned parts) with
// this rel token: "bookmark" names a comment's own id, "in-reply-to" its
// parent's ("#forum81135"); "" where it has none.
std::string FragmentOfRelLink(const GumboNode* item, const NodePredicate& scope,
                              std::string_view rel);

// Ghost and tDiary pages carry no comments in their HTML: the post only.
bool FindGhostPost(const PageContext& page, PostParts* parts);
bool FindTDiaryPost(const PageContext& page, PostParts* parts);
// microformats2 (h-entry, h-cite comments, u-in-reply-to) and classic
// microformats (hentry, vcard): IndieWeb sites, Jekyll, Ghost and others.
bool FindMicroformatsPost(const PageContext& page, PostParts* parts);
void ExtractMicroformatsComments(const PageContext& page, std::vector<Comment>* comments,
                                 std::vector<Trackback>* trackbacks);

// Threaded comments and trackbacks/pingbacks in WordPress markup (comment
// lists of self-hosted and WordPress.com themes, old and new).
void ExtractWordPressComments(const PageContext& page, std::vector<Comment>* comments,
                              std::vector<Trackback>* trackbacks);
// Lists named no way the themes above name them (ol#comments,
// ol.comment-area--list, a bare div#comments), found by their items: the
// outermost comment items (li.comment, #comment-N) outside page chrome,
// read as ExtractWordPressComments reads items, from their parents.
void ExtractCommentItems(const PageContext& page, std::vector<Comment>* comments,
                         std::vector<Trackback>* trackbacks);

// The text of a comment's content element, reduced as for comments in
// pages: reply links, author and meta blocks left out. For the HTML of
// WordPress REST comments too, so that both give the same text.
std::string CommentBodyText(const GumboNode* content);

// Discovery for the crawler: the RSS/Atom feeds the page names with
// <link rel="alternate">, absolute, in page order, without repeats.
std::vector<std::string> FeedLinks(const PageContext& page);

// The WordPress REST URL of the post's comments when the page advertises
// the API root (<link rel="https://api.w.org/">) and the post's numeric id;
// "" otherwise. Only for pages with a post.
std::string CommentsApiUrl(const PageContext& page);

// The @mentions in text, appended as said by `by` in place.
void AddMentions(const std::string& text, MentionPlace place, const std::string& comment_id,
                 const std::string& by, std::vector<Mention>* mentions);

// MakeTextSafe (text_util.h) over every string of the page: what a page says
// must be valid UTF-8 and must not steer a terminal later.
void MakeTextSafe(ExtractedPage* page);

// Whether the node is a comment list or part of one: post extraction skips
// these subtrees.
bool IsCommentArea(const GumboNode* node);
// The writer of the first comment WordPress marks as the post's author's
// own (class "bypostauthor"), among the comments read; "" where none is.
std::string WriterOfAuthorsComment(const PageContext& page, const std::vector<Comment>& comments);
// Whether the page holds a comment list of its own: a list named for
// comments (ol.commentlist) with items numbered as comments ("comment-712")
// outside sidebars and widgets. Only a single item's page shows one, so it
// outweighs a theme's body class that says blog or archive.
bool HoldsCommentList(const GumboNode* root);

}  // namespace linkgraph::parsers
