// What themes glue onto a comment's fields, taken off whatever reader
// found it: buttons and labels after the author's name ("Log in to Reply",
// "| Posted a...", "said..."), and the author and date line a theme prints
// at the top of the text. Pingbacks shown as comments ("[...] excerpt
// [...]" under the linking page's title) become linkbacks.
#include <re2/re2.h>

#include <algorithm>
#include <optional>

#include "parsers/dates.h"
#include "parsers/extractors.h"
#include "parsers/text_util.h"

namespace linkgraph::parsers {
namespace {

// A first line this long or shorter may be a byline; longer is prose.
constexpr size_t kMaxFirstLineBylineChars = 60;

// "Trackback by NAME", "Pingback from NAME": a linkback in a comment's
// clothes (WordPress 1.5's Classic theme prints all three kinds alike).
// Takes the label off the name and says which kind it is.
std::optional<LinkbackKind> LinkbackByline(std::string* author) {
  static const LazyRE2 kLabel = {R"((?i)^\s*(trackback|pingback)\s+(?:by|from)\s+)"};
  std::string kind;
  if (!RE2::PartialMatch(*author, *kLabel, &kind)) return std::nullopt;
  RE2::Replace(author, *kLabel, "");
  return EqualsIgnoreCase(kind, "trackback") ? LinkbackKind::kTrackback : LinkbackKind::kPingback;
}

void CleanAuthor(std::string* author) {
  static const LazyRE2 kSuffix = {
      R"((?i)\s*(?:\|\s*posted\b.*|log\s+in\s+to\s+reply|\breply$|\(not verified\)|\bpost\s+author$|\b(?:said|dijo|disse|sagte)\s*(?:\.\.\.|\x{2026}))\s*$)"};
  RE2::Replace(author, *kSuffix, "");
  *author = WithoutSaysWord(std::move(*author));
  // The date printed after the name in one element: "NAME — May 29, 2005 @
  // 8:24 am" (WordPress 1.5's Classic theme), "NAME | 12.03.2009", "NAME at
  // July 26, 2005 9:44 PM" (Movable Type's "Posted by: NAME at DATE").
  static const LazyRE2 kDateTail = {
      R"((?i)^(.+?)\s+(?:\x{2014}|\x{2013}|-|\||at|on|am|le|el|em|op|il|um)\s+(.+)$)"};
  std::string name;
  std::string tail;
  if (RE2::FullMatch(*author, *kDateTail, &name, &tail) && !ParseDate(tail).empty() &&
      ParseDate(name).empty()) {
    *author = std::string(TrimAscii(name));
  }
  // "Comment by NAME:", the colon that leads to the text, and separators
  // left from a byline's date and buttons ("NAME // //").
  while (!author->empty() && author->back() == ':') {
    author->pop_back();
    *author = std::string(TrimAscii(*author));
  }
  for (size_t space = author->rfind(' '); space != std::string::npos; space = author->rfind(' ')) {
    // Not a name's own closing dot ("L E X I I Z .").
    const std::string_view last = std::string_view(*author).substr(space + 1);
    if (last.empty() || last.find_first_not_of("/|-") != std::string_view::npos) break;
    *author = std::string(TrimAscii(std::string_view(*author).substr(0, space)));
  }
}

bool IsPunctuationOnly(std::string_view line) {
  line = TrimAscii(line);
  return !line.empty() && line.find_first_not_of(":;,.-|/") == std::string_view::npos;
}

// A date line, not a sentence that names a date: short, no closing
// punctuation, and not all of the text ("comment at 13. March 2006").
bool IsDateLine(std::string_view line, std::string_view text) {
  line = TrimAscii(line);
  if (line.empty() || line.size() > kMaxFirstLineBylineChars ||
      line.size() >= TrimAscii(text).size()) {
    return false;
  }
  if (std::string_view(".!?").find(line.back()) != std::string_view::npos) return false;
  return !ParseDate(line).empty();
}

std::string_view FirstLine(std::string_view text) {
  size_t end = text.find('\n');
  return end == std::string_view::npos ? text : text.substr(0, end);
}

// The text without the author's name and the byline or date line a theme
// prints above it ("Seo Sanghyeon:", "1 Tug // Feb 12, 2008 at 10:42 am",
// "April 27, 2007 @ 6:58 am"). Kept whole when nothing would remain. A
// first line that merely names the author ("@HRWendy ...") is text.
void CleanText(const std::string& author, std::string* text) {
  std::string_view rest = TrimAscii(*text);
  if (!author.empty() && rest.starts_with(author) && rest.size() > author.size()) {
    // "Name:" or "Name\n", not "Name is right": the name must end there.
    std::string_view after = rest.substr(author.size());
    const bool line_ends = after.front() == '\n';
    after = TrimAscii(after);
    for (std::string_view mark : {":", ",", "-", "|", "/", "\xE2\x80\x93", "\xE2\x80\x94"}) {
      if (!line_ends && after.starts_with(mark)) {
        after = TrimAscii(after.substr(mark.size()));
        rest = after;
        break;
      }
    }
    if (line_ends) rest = after;
  }
  // Leftovers of a byline the author was cut from (": ").
  while (!rest.empty() && IsPunctuationOnly(FirstLine(rest)) &&
         FirstLine(rest).size() < rest.size()) {
    rest = TrimAscii(rest.substr(FirstLine(rest).size()));
  }
  if (IsDateLine(FirstLine(rest), rest)) rest = TrimAscii(rest.substr(FirstLine(rest).size()));
  const size_t last_break = rest.rfind('\n');
  if (last_break != std::string_view::npos && IsDateLine(rest.substr(last_break + 1), rest)) {
    rest = TrimAscii(rest.substr(0, last_break));
  }
  if (!rest.empty() && rest.size() != text->size()) *text = std::string(rest);
}

// WordPress's pingback form: the linking page's title as the author, a link
// to it, and "[...] quoted text [...]" as the text.
bool IsPingbackShownAsComment(const Comment& comment) {
  return !comment.author_url.empty() && IsPingbackExcerpt(comment.text);
}

}  // namespace

void CleanCommentFields(std::vector<Comment>* comments, std::vector<Trackback>* trackbacks) {
  std::vector<Comment> kept;
  kept.reserve(comments->size());
  std::vector<std::string> moved;
  for (Comment& comment : *comments) {
    const std::optional<LinkbackKind> labelled = LinkbackByline(&comment.author);
    CleanAuthor(&comment.author);
    CleanText(comment.author, &comment.text);
    if (comment.kind == "comment" && (labelled.has_value() || IsPingbackShownAsComment(comment))) {
      Trackback pingback;
      pingback.id = comment.id;
      pingback.source_url = comment.author_url;
      pingback.title = comment.author;
      pingback.published = comment.published;
      pingback.kind = labelled.value_or(LinkbackKind::kPingback);
      trackbacks->push_back(std::move(pingback));
      moved.push_back(comment.id);
      continue;
    }
    kept.push_back(std::move(comment));
  }
  // A reply to a pingback answers no comment on the page.
  for (Comment& comment : kept) {
    if (std::find(moved.begin(), moved.end(), comment.parent_id) != moved.end()) {
      comment.parent_id.clear();
    }
  }
  *comments = std::move(kept);
}

}  // namespace linkgraph::parsers
