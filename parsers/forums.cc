// Threads of common forum packages' default templates: phpBB 2's subSilver
// (a table row per message: span.name, span.postdetails "Posted: ...",
// span.postbody), MyBB's postbit (div.post#post_N: .author_information,
// span.post_date, div.post_body) and SMF's (see SmfMessages). The first message
// on the first page is the post; the others, flat, are its comments.
#include <re2/re2.h>

#include "parsers/dates.h"
#include "parsers/extractors.h"
#include "parsers/text_util.h"

namespace linkgraph::parsers {
namespace {

// One message of a thread, as its template lays it out.
struct Message {
  const GumboNode* record = nullptr;  // the row or block of the whole message
  const GumboNode* body = nullptr;    // its text (quotes and signature included)
  std::string id;
  std::string author;
  std::string author_url;
  std::string published;
};

const GumboNode* ParentRow(const GumboNode* node) {
  const GumboNode* row = node->parent;
  while (row != nullptr && !IsTag(row, GUMBO_TAG_TR)) row = row->parent;
  return row;
}

// The date of a message header's details line: "Posted: DATE  Post
// subject: ...", "Verfasst am: DATE  Titel: ...", in any language; the
// subject may hold numbers of its own, so only what comes before it counts.
std::string DateOfDetails(const GumboNode* details) {
  std::string line = OneLine(TextOf(details));
  static const LazyRE2 kSubject = {
      R"((?i)\s(?:post\s+subject|betreff|titel|sujet|asunto|oggetto|onderwerp)\s*:.*$)"};
  RE2::Replace(&line, *kSubject, "");
  return ParseDate(line);
}

// subSilver: the row whose first cell holds span.name; its text cell the
// next. Templates derived from it (DAJ_Glass) give the name and the details
// line a row of their own, and the text the row after it.
std::vector<Message> PhpBbMessages(const PageContext& page) {
  std::vector<Message> messages;
  for (const GumboNode* name : FindAll(page.root, ClassIs("name"))) {
    const GumboNode* row = ParentRow(name);
    std::vector<const GumboNode*> cells =
        row == nullptr ? std::vector<const GumboNode*>{} : ElementChildren(row);
    if (cells.size() < 2) continue;
    Message message;
    message.record = row;
    message.body = cells[1];
    if (FindFirst(cells[1], ClassIs("postbody")) == nullptr) {
      const GumboNode* text_row = NextElementSibling(row);
      const GumboNode* text = text_row == nullptr || FindFirst(text_row, ClassIs("name")) != nullptr
                                  ? nullptr
                                  : FindFirst(text_row, ClassIs("postbody"));
      if (text == nullptr) continue;
      message.body = text;
    }
    message.author = OneLine(TextOf(name));
    if (const GumboNode* anchor = FindFirst(name, TagIs(GUMBO_TAG_A))) {
      if (std::string_view number = Attr(anchor, "name"); !number.empty()) {
        message.id = "p" + std::string(number);
      }
    }
    // The header's details, not the poster column's "Joined: DATE".
    for (const GumboNode* details : FindAll(cells[1], ClassIs("postdetails"))) {
      if (std::string date = DateOfDetails(details); !date.empty()) {
        message.published = std::move(date);
        break;
      }
    }
    messages.push_back(std::move(message));
  }
  return messages;
}

// MyBB: div.post#post_N blocks.
std::vector<Message> MyBbMessages(const PageContext& page) {
  std::vector<Message> messages;
  for (const GumboNode* post : FindAll(page.root, [](const GumboNode* n) {
         return HasClass(n, "post") && Id(n).starts_with("post_");
       })) {
    Message message;
    message.record = post;
    message.body = FindFirst(post, ClassIs("post_body"));
    if (message.body == nullptr) continue;
    message.id = std::string(Id(post));
    if (const GumboNode* about = FindFirst(post, ClassIs("author_information"))) {
      const GumboNode* profile = FindFirst(about, [](const GumboNode* n) {
        return IsTag(n, GUMBO_TAG_A) && ContainsIgnoreCase(Attr(n, "href"), "profile");
      });
      if (profile != nullptr) {
        message.author = OneLine(TextOf(profile));
        message.author_url = AbsoluteUrl(page, Attr(profile, "href"));
      }
    }
    // The date's own text: an edit note ("Modification du message : ...")
    // nests inside it with a later date.
    if (const GumboNode* date = FindFirst(post, ClassIs("post_date"))) {
      message.published = ParseDate(OneLine(TextOf(date, ClassIs("post_edit"))));
    }
    messages.push_back(std::move(message));
  }
  return messages;
}

// SMF 2's div.post_wrapper (div.poster h4: the writer, linked or a guest's
// plain name; div.keyinfo .smalltext "« Reply #1 on: DATE »"; div.inner#msg_N)
// and SMF 1's table rows (td.poster_info, td.td_headerandpost, div.post).
std::vector<Message> SmfMessages(const PageContext& page) {
  std::vector<Message> messages;
  for (const GumboNode* record : FindAll(page.root, [](const GumboNode* n) {
         return HasClass(n, "post_wrapper") ||
                (IsTag(n, GUMBO_TAG_TR) && FindFirst(n, ClassIs("poster_info")) != nullptr &&
                 FindFirst(n, TagIs(GUMBO_TAG_TR)) == nullptr);
       })) {
    const GumboNode* poster = FindFirst(record, [](const GumboNode* n) {
      return HasClass(n, "poster") || HasClass(n, "poster_info");
    });
    Message message;
    message.record = record;
    message.body = FindFirst(record, [](const GumboNode* n) {
      return HasClass(n, "inner") && Id(n).starts_with("msg_");
    });
    if (message.body == nullptr)
      message.body = FindFirst(record, TagAndClass(GUMBO_TAG_DIV, "post"));
    if (poster == nullptr || message.body == nullptr) continue;
    if (std::string_view id = Id(message.body); id.starts_with("msg_")) {
      message.id = "msg" + std::string(id.substr(4));
    }
    const GumboNode* name = FindFirst(
        poster, [](const GumboNode* n) { return IsTag(n, GUMBO_TAG_H4) || IsTag(n, GUMBO_TAG_B); });
    message.author = OneLine(TextOf(name != nullptr ? name : poster));
    if (const GumboNode* link = name == nullptr ? nullptr : FindFirst(name, TagIs(GUMBO_TAG_A))) {
      message.author_url = AbsoluteUrl(page, Attr(link, "href"));
    }
    // The header's line, not a quote's "Quote from: X on DATE" in the text.
    for (const GumboNode* line : FindAll(record, ClassIs("smalltext"),
                                         [&](const GumboNode* n) { return n == message.body; })) {
      if (Contains(poster, line)) continue;
      if (std::string date = ParseDate(OneLine(TextOf(line))); !date.empty()) {
        message.published = std::move(date);
        break;
      }
    }
    messages.push_back(std::move(message));
  }
  return messages;
}

std::vector<Message> ThreadMessages(const PageContext& page, std::string_view platform) {
  if (platform == "mybb") return MyBbMessages(page);
  if (platform == "smf") return SmfMessages(page);
  return PhpBbMessages(page);
}

// Whether the page is a later page of its thread ("Page 2 of 3"; MyBB marks
// the current page): its first message answers an opening post elsewhere.
bool IsLaterPage(const PageContext& page) {
  if (const GumboNode* current = FindFirst(page.root, ClassIs("pagination_current"))) {
    return OneLine(TextOf(current)) != "1";
  }
  // SMF: "Pages: [<strong>2</strong>] 3".
  if (const GumboNode* links = FindFirst(page.root, ClassIs("pagelinks"))) {
    if (const GumboNode* current = FindFirst(links, TagIs(GUMBO_TAG_STRONG))) {
      return OneLine(TextOf(current)) != "1";
    }
  }
  static const LazyRE2 kPageOf = {R"((?i)\bpage\s+(\d+)\s+of\s+\d+)"};
  for (const GumboNode* nav : FindAll(page.root, ClassIs("nav"))) {
    int number = 0;
    if (RE2::PartialMatch(OneLine(TextOf(nav)), *kPageOf, &number)) return number > 1;
  }
  return false;
}

// The longest text of an element in the body that ends document_title
// after a separator: the thread's own title in "Forum :: View topic -
// TITLE", whatever the language of the words before it.
std::string ShownEndOf(const PageContext& page, const std::string& document_title) {
  constexpr size_t kMinChars = 3;
  const GumboNode* body = FindFirst(page.root, TagIs(GUMBO_TAG_BODY));
  if (body == nullptr) return {};
  std::string best;
  for (const GumboNode* element : FindAll(body, [](const GumboNode* n) {
         return IsElement(n) && !IsTag(n, GUMBO_TAG_SCRIPT) && ElementChildren(n).empty();
       })) {
    std::string text(TrimAscii(OneLine(TextOf(element))));
    if (text.size() < kMinChars || text.size() <= best.size() ||
        text.size() >= document_title.size() || !EndsWithIgnoreCase(document_title, text)) {
      continue;
    }
    const char before = document_title[document_title.size() - text.size() - 1];
    if (before == ' ' || before == ':' || before == '-' || before == '|') best = std::move(text);
  }
  return best;
}

// The thread's title: phpBB's a.maintitle (a span.maintitle names the
// site), else the part of the page's <title> the page shows (MyBB's
// <title> is the thread's own).
std::string ThreadTitle(const PageContext& page) {
  if (const GumboNode* title = FindFirst(page.root, TagAndClass(GUMBO_TAG_A, "maintitle"))) {
    return OneLine(TextOf(title));
  }
  const GumboNode* title = FindFirst(page.root, TagIs(GUMBO_TAG_TITLE));
  const std::string document_title = title == nullptr ? std::string() : OneLine(TextOf(title));
  std::string shown = ShownEndOf(page, document_title);
  return shown.empty() ? document_title : shown;
}

bool FindThreadPost(const PageContext& page, std::string_view platform, PostParts* parts) {
  std::vector<Message> messages = ThreadMessages(page, platform);
  if (messages.empty()) return false;
  parts->title = ThreadTitle(page);
  if (IsLaterPage(page)) return true;  // the post is on the thread's first page
  parts->body = messages.front().body;
  parts->container = messages.front().record;
  parts->author = messages.front().author;
  parts->published = messages.front().published;
  return true;
}

void ExtractThreadComments(const PageContext& page, std::string_view platform,
                           std::vector<Comment>* comments) {
  std::vector<Message> messages = ThreadMessages(page, platform);
  const size_t first = IsLaterPage(page) ? 0 : 1;
  for (size_t i = first; i < messages.size(); ++i) {
    Message& message = messages[i];
    Comment comment;
    comment.id = message.id;
    if (!comment.id.empty()) comment.permalink = page.post_url + "#" + comment.id;
    comment.author = std::move(message.author);
    comment.author_url = std::move(message.author_url);
    comment.published = std::move(message.published);
    comment.text = TextOf(message.body, ClassIs("postdetails"));
    comment.position = static_cast<int>(comments->size()) + 1;
    if (comment.id.empty()) comment.id = "position-" + std::to_string(comment.position);
    comments->push_back(std::move(comment));
  }
}

}  // namespace

bool FindPhpBbPost(const PageContext& page, PostParts* parts) {
  return FindThreadPost(page, "phpbb", parts);
}

void ExtractPhpBbComments(const PageContext& page, std::vector<Comment>* comments,
                          std::vector<Trackback>*) {
  ExtractThreadComments(page, "phpbb", comments);
}

bool FindMyBbPost(const PageContext& page, PostParts* parts) {
  return FindThreadPost(page, "mybb", parts);
}

void ExtractMyBbComments(const PageContext& page, std::vector<Comment>* comments,
                         std::vector<Trackback>*) {
  ExtractThreadComments(page, "mybb", comments);
}

bool FindSmfPost(const PageContext& page, PostParts* parts) {
  return FindThreadPost(page, "smf", parts);
}

void ExtractSmfComments(const PageContext& page, std::vector<Comment>* comments,
                        std::vector<Trackback>*) {
  ExtractThreadComments(page, "smf", comments);
}

}  // namespace linkgraph::parsers
