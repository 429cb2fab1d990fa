// Comments whose only mark is their anchor: sibling records (bare <p> or
// <div> blocks, no class, often no date) each holding one element with a
// comment's id ("cmt_3", "comment-12", "kommentar_5"), a bold or cited
// name and text of its own. Hosted platforms and hand-made templates print
// comments this way ("<span id=cmt_1>1</span>. <strong>NAME</strong><br>
// text"). Tried last, where no reader found comments: the anchors are the
// evidence a class or a date gives elsewhere.
#include <re2/re2.h>

#include <unordered_map>
#include <vector>

#include "parsers/extractors.h"
#include "parsers/text_util.h"

namespace linkgraph::parsers {
namespace {

// How far above its anchor a record may start.
constexpr int kMaxAnchorClimb = 4;
constexpr size_t kMaxAnchoredNameChars = 60;

bool IsCommentAnchor(const GumboNode* node) {
  static const LazyRE2 kAnchorId = {
      R"((?i)(?:cmt|comment|kommentar|komentar|koment|reply)[-_]?\d+)"};
  for (const char* attribute : {"id", "name"}) {
    std::string_view value = Attr(node, attribute);
    if (!value.empty() &&
        RE2::FullMatch(re2::StringPiece(value.data(), value.size()), *kAnchorId)) {
      return true;
    }
  }
  return false;
}

// How many anchors each element holds, counted up to kMaxAnchorClimb
// levels above each anchor: linear in the anchors, however big the page.
using AnchorCounts = std::unordered_map<const GumboNode*, int>;

AnchorCounts CountAnchors(const std::vector<const GumboNode*>& anchors) {
  AnchorCounts counts;
  for (const GumboNode* anchor : anchors) {
    const GumboNode* up = anchor->parent;
    for (int climb = 0; climb < kMaxAnchorClimb && up != nullptr &&
                        up->type == GUMBO_NODE_ELEMENT && !IsTag(up, GUMBO_TAG_BODY);
         ++climb, up = up->parent) {
      ++counts[up];
    }
  }
  return counts;
}

// The highest ancestor of anchor that holds no other anchor: the record it
// marks. A record is a block, never the anchor's inline mark itself.
const GumboNode* RecordOf(const GumboNode* anchor, const AnchorCounts& counts) {
  const GumboNode* record = nullptr;
  const GumboNode* up = anchor->parent;
  for (int climb = 0; climb < kMaxAnchorClimb && up != nullptr; ++climb, up = up->parent) {
    const auto at = counts.find(up);
    if (at == counts.end() || at->second != 1) break;
    record = up;
  }
  return record;
}

// The commenter's name: the first bold or cited words of the record outside
// its anchor, short and not a number.
const GumboNode* NameIn(const GumboNode* record, const GumboNode* anchor) {
  return FindFirst(
      record,
      [](const GumboNode* n) {
        if (!IsTag(n, GUMBO_TAG_STRONG) && !IsTag(n, GUMBO_TAG_B) && !IsTag(n, GUMBO_TAG_CITE)) {
          return false;
        }
        const std::string text = OneLine(TextOf(n));
        return !text.empty() && CountCodePoints(text) <= kMaxAnchoredNameChars &&
               !HasDigit(text.substr(0, 1));
      },
      [anchor](const GumboNode* n) { return n == anchor; });
}

// The record's words, without its anchor (a number), its name and the
// punctuation and site link printed around them ("1. NAME (www)").
std::string TextOfRecord(const GumboNode* record, const GumboNode* anchor, const GumboNode* name) {
  const GumboNode* site = NextElementSibling(name);
  if (site != nullptr && !IsTag(site, GUMBO_TAG_A)) site = nullptr;
  std::string text = TextOf(record, [&](const GumboNode* n) {
    return n == anchor || n == name || n == site || IsRefusedRegion(n);
  });
  static const LazyRE2 kLeading = {R"(^[\s.:,()\-\x{2013}\x{2014}]+)"};
  RE2::Replace(&text, *kLeading, "");
  return std::string(TrimAscii(text));
}

}  // namespace

void ExtractAnchoredComments(const PageContext& page, std::vector<Comment>* comments) {
  // Records by the parent they share; the biggest run is the comments.
  std::unordered_map<const GumboNode*, std::vector<std::pair<const GumboNode*, const GumboNode*>>>
      runs;
  const GumboNode* best = nullptr;
  const std::vector<const GumboNode*> anchors =
      FindAll(page.root, IsCommentAnchor, IsRefusedRegion);
  const AnchorCounts counts = CountAnchors(anchors);
  for (const GumboNode* anchor : anchors) {
    const GumboNode* record = RecordOf(anchor, counts);
    if (record == nullptr) continue;
    auto& run = runs[record->parent];
    run.emplace_back(record, anchor);
    if (best == nullptr || run.size() > runs[best].size()) best = record->parent;
  }
  if (best == nullptr || runs[best].size() < 2) return;
  std::vector<Comment> found;
  const GumboTag tag = runs[best].front().first->v.element.tag;
  for (const auto& [record, anchor] : runs[best]) {
    if (!IsTag(record, tag)) return;  // one kind of record, or no run at all
    const GumboNode* name = NameIn(record, anchor);
    if (name == nullptr) continue;
    Comment comment;
    // "NAME [<a href=site>openID</a>]": the words outside the link name the
    // writer, the link is their site.
    std::string own = OneLine(TextOf(name, TagIs(GUMBO_TAG_A)));
    static const LazyRE2 kBrackets = {R"(\s*[\[(]\s*[\])]\s*$)"};
    RE2::Replace(&own, *kBrackets, "");
    comment.author = WithoutSaysWord(own.empty() ? OneLine(TextOf(name)) : own);
    // The site: a link in the name's element, or one right after it ("(www)").
    const GumboNode* link = FindFirst(name, TagIs(GUMBO_TAG_A));
    if (link == nullptr && IsTag(NextElementSibling(name), GUMBO_TAG_A)) {
      link = NextElementSibling(name);
    }
    if (link != nullptr) comment.author_url = AbsoluteUrl(page, Attr(link, "href"));
    comment.text = TextOfRecord(record, anchor, name);
    if (comment.text.empty()) continue;
    comment.id = std::string(!Id(anchor).empty() ? Id(anchor) : Attr(anchor, "name"));
    comment.permalink = page.post_url + "#" + comment.id;
    comment.position = static_cast<int>(found.size()) + 1;
    found.push_back(std::move(comment));
  }
  // Most records must read: a few stray anchors are no comment section.
  if (found.size() < 2 || 2 * found.size() < runs[best].size()) return;
  *comments = std::move(found);
}

}  // namespace linkgraph::parsers
