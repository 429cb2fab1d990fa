// The Disqus plugin's server-rendered list (div#disqus_thread >
// ul#dsq-comments), and whether an empty Disqus container means the comments
// are loaded by script.
#include <re2/re2.h>

#include "parsers/dates.h"
#include "parsers/extractors.h"
#include "parsers/text_util.h"

namespace linkgraph::parsers {
namespace {

bool IsDisqusItem(const GumboNode* node) {
  static const LazyRE2 kDisqusId = {R"(dsq-comment-\d+)"};
  std::string_view id = Id(node);
  return IsTag(node, GUMBO_TAG_LI) &&
         (HasClass(node, "comment") ||
          RE2::FullMatch(re2::StringPiece(id.data(), id.size()), *kDisqusId));
}

// The embed script, by URL or built from disqus_shortname inline.
bool IsDisqusEmbed(const GumboNode* node) {
  if (!IsTag(node, GUMBO_TAG_SCRIPT)) return false;
  if (ContainsIgnoreCase(Attr(node, "src"), "disqus.com/embed.js")) return true;
  std::string text = ScriptText(node);
  return ContainsIgnoreCase(text, "disqus") && ContainsIgnoreCase(text, "embed.js");
}

struct DisqusScope {
  const GumboNode* item;
  // Inside an item, nested items and reply lists belong to other comments.
  bool operator()(const GumboNode* node) const {
    return node != item && (IsDisqusItem(node) || HasClass(node, "children"));
  }
};

void ReadDisqusAuthor(const PageContext& page, const GumboNode* item, const DisqusScope& scope,
                      Comment* comment) {
  // The plugin names the author in a[id^=dsq-author-user-] (or a span)
  // inside the cite; some cites carry the profile URL as text beside it.
  const GumboNode* author = FindFirst(
      item, [](const GumboNode* n) { return StartsWithIgnoreCase(Id(n), "dsq-author-user-"); },
      scope);
  if (author == nullptr) author = FindFirst(item, TagIs(GUMBO_TAG_CITE), scope);
  if (author == nullptr) author = FindFirst(item, ClassIs("dsq-comment-header"), scope);
  if (author == nullptr) return;
  comment->author = OneLine(TextOf(author));
  const GumboNode* link =
      IsTag(author, GUMBO_TAG_A) ? author : FindFirst(author, TagIs(GUMBO_TAG_A));
  if (link != nullptr) comment->author_url = AbsoluteUrl(page, Attr(link, "href"));
}

std::string ReadDisqusDate(const GumboNode* item, const DisqusScope& scope) {
  const GumboNode* meta = FindFirst(item, ClassIs("dsq-comment-meta"), scope);
  if (meta == nullptr) return {};
  for (const GumboNode* link : FindAll(meta, TagIs(GUMBO_TAG_A))) {
    std::string date = ParseDate(Attr(link, "title"));
    if (date.empty()) date = ParseDate(OneLine(TextOf(link)));
    if (!date.empty()) return date;
  }
  return ParseDate(OneLine(TextOf(meta)));
}

class DisqusWalker {
 public:
  DisqusWalker(const PageContext& page, std::vector<Comment>* comments)
      : page_(page), comments_(comments) {}

  // Depth is bounded by the depth guard ExtractPage runs before parsing.
  void Walk(const GumboNode* node, const std::string& parent_id) {
    std::string previous_id;
    for (const GumboNode* child : ElementChildren(node)) {
      if (!IsDisqusItem(child)) {
        // The plugin's markup closes an item before its reply list: the
        // replies answer the item just before them.
        bool replies = HasClass(child, "children") && !previous_id.empty();
        Walk(child, replies ? previous_id : parent_id);
        continue;
      }
      previous_id = Read(child, parent_id);
      Walk(child, previous_id);
    }
  }

 private:
  // Appends the item's comment; returns its id.
  std::string Read(const GumboNode* item, const std::string& parent_id) {
    DisqusScope scope{item};
    Comment comment;
    ReadDisqusAuthor(page_, item, scope, &comment);
    const GumboNode* message = FindFirst(item, ClassIs("dsq-comment-message"), scope);
    if (message == nullptr) message = FindFirst(item, ClassIs("dsq-comment-body"), scope);
    if (message != nullptr) comment.text = CommentBodyText(message);
    comment.published = ReadDisqusDate(item, scope);
    comment.position = static_cast<int>(comments_->size()) + 1;
    comment.id = Id(item);
    if (!comment.id.empty()) comment.permalink = page_.post_url + "#" + comment.id;
    // Replies need something to point at even where the page gives no id.
    if (comment.id.empty()) comment.id = "position-" + std::to_string(comment.position);
    comment.parent_id = parent_id;
    comments_->push_back(std::move(comment));
    return comments_->back().id;
  }

  const PageContext& page_;
  std::vector<Comment>* comments_;
};

}  // namespace

void ExtractDisqusComments(const PageContext& page, std::vector<Comment>* comments,
                           bool* loaded_by_script) {
  *loaded_by_script = false;
  const GumboNode* thread = FindFirst(
      page.root, [](const GumboNode* node) { return EqualsIgnoreCase(Id(node), "disqus_thread"); });
  size_t before = comments->size();
  if (thread != nullptr) {
    const GumboNode* list = FindFirst(
        thread, [](const GumboNode* node) { return EqualsIgnoreCase(Id(node), "dsq-comments"); });
    DisqusWalker(page, comments).Walk(list != nullptr ? list : thread, "");
  }
  if (comments->size() > before) return;
  *loaded_by_script = thread != nullptr || FindFirst(page.root, IsDisqusEmbed) != nullptr;
}

}  // namespace linkgraph::parsers
