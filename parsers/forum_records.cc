// Forum threads of any package, found by the structure of their messages
// (after MiBAT's anchor fields, CIKM 2010): a run of sibling records, each
// with a link to its writer's member profile, a text of its own that is not
// a list of links, and most with a date. The first message on a thread's
// first page is the post; the others, flat, are its comments.
#include <re2/re2.h>

#include <algorithm>
#include <unordered_map>

#include "parsers/dates.h"
#include "parsers/extractors.h"
#include "parsers/text_util.h"
#include "parsers/urls.h"

namespace linkgraph::parsers {
namespace {

// How far above a profile link its message's record may be.
constexpr int kMaxProfileClimb = 16;
// A message's own words: less is a signature line or a listing's cell.
constexpr size_t kMinMessageChars = 10;
// A date's element: longer text is prose that may mention a date.
constexpr size_t kMaxDateChars = 80;
constexpr size_t kMaxForumNameChars = 80;

// A link to a member's profile: "profile.php?id=2", "/forums/profile/name/",
// "?action=profile;u=2" (a word of its own: not a post's slug such as
// "/bike-portland-profiles-lsn/"), "memberlist.php?...&u=2"
// (numbered: a bare "memberlist.html" lists all members), "/members/name.12/"
// (or relative, "members/name.12/"), "/profile/12-name/", "/user/12",
// "showuser=12".
bool IsProfileLink(const GumboNode* node) {
  if (!IsTag(node, GUMBO_TAG_A)) return false;
  static const LazyRE2 kProfile = {
      R"((?i)(?:(?:^|[/?&=.;_]|view|user)profile(?:[/.?&=;_]|$)|memberlist[^#]*\d|(?:^|/)members?[/.]|(?:^|/)users?/|(?:^|/)u/|showuser=|member\.php|[?&]u=\d))"};
  // Not the account's doors: "user/login", "register", "logout".
  static const LazyRE2 kAccountPage = {R"((?i)(?:log_?in|log_?out|sign_?in|register|password))"};
  std::string_view href = Attr(node, "href");
  const re2::StringPiece url(href.data(), href.size());
  return !href.empty() && RE2::PartialMatch(url, *kProfile) &&
         !RE2::PartialMatch(url, *kAccountPage);
}

bool NamesWriter(const GumboNode* node) {
  return AnyClassToken(node, [](std::string_view token) {
    for (std::string_view word : {"user", "name", "author", "poster", "member"}) {
      if (ContainsIgnoreCase(token, word)) return true;
    }
    return false;
  });
}

// A relative link stays on the site, even in a saved copy whose own
// address is a file's and whose canonical address is the site's.
bool OnSite(const PageContext& page, const GumboNode* link) {
  const std::string url = AbsoluteUrl(page, Attr(link, "href"));
  if (url.empty()) return false;
  const std::string host = HostOfLink(url);
  return host == HostOfLink(page.base_url) || host == HostOfLink(page.post_url) ||
         (!page.saved_site_host.empty() && host == page.saved_site_host);
}

// Records nested in a record (vBulletin 5's comments on a reply): elements
// of its tag and first class. Each is a message of its own.
NodePredicate InnerRecords(const GumboNode* record) {
  std::string first_class(FirstClass(record));
  if (first_class.empty()) return [](const GumboNode*) { return false; };
  const GumboTag tag = record->v.element.tag;
  return [record, tag, first_class](const GumboNode* node) {
    return node != record && IsTag(node, tag) && HasClass(node, first_class);
  };
}

// A member's buttons link the profile too ("Profile", "Email", "PM"): their
// words name no one.
bool IsButtonLabel(std::string_view text) {
  static constexpr std::string_view kLabels[] = {
      "profile", "view profile",    "email",   "e-mail",   "mail",    "pm",        "send pm",
      "message", "private message", "website", "homepage", "www",     "search",    "find",
      "offline", "online",          "profil",  "perfil",   "profilo", "messaggio", "nachricht"};
  const std::string lower = ToLowerAscii(TrimAscii(text));
  return std::any_of(std::begin(kLabels), std::end(kLabels),
                     [&lower](std::string_view label) { return lower == label; });
}

// The record's writer: a profile link on the site that a class calls a
// name, or whose parent's class does (not the avatar's or a badge's link to
// the same profile), else the first with text, else the first (an image:
// the name is beside it).
const GumboNode* WriterLink(const PageContext& page, const GumboNode* record) {
  const GumboNode* first = nullptr;
  const GumboNode* first_with_text = nullptr;
  const GumboNode* in_named_parent = nullptr;
  for (const GumboNode* link : FindAll(record, IsProfileLink, InnerRecords(record))) {
    if (!OnSite(page, link)) continue;
    if (first == nullptr) first = link;
    if (const std::string text = OneLine(TextOf(link)); text.empty() || IsButtonLabel(text)) {
      continue;
    }
    if (NamesWriter(link)) return link;
    if (in_named_parent == nullptr && NamesWriter(link->parent)) in_named_parent = link;
    if (first_with_text == nullptr) first_with_text = link;
  }
  if (in_named_parent != nullptr) return in_named_parent;
  return first_with_text != nullptr ? first_with_text : first;
}

// A short line that dates a message and names its writer after "by":
// "Posted on 2001-09-11 12:45:38 by latigo".
bool IsPostedByLine(const GumboNode* node) {
  static const LazyRE2 kBy = {R"((?i)\bby\s+\S)"};
  if (!IsElement(node) || IsTag(node, GUMBO_TAG_A)) return false;
  const std::string text = OneLine(TextOf(node));
  return CountCodePoints(text) <= kMaxDateChars && RE2::PartialMatch(text, *kBy) &&
         !ParseDate(text, DateOrder::kDayFirst).empty();
}

// The writer's name: the link's text (not a button's), else a short element
// a class calls the writer's name ("username"), then the author's
// ("postauthor"), outside the message's text, else (a guest's plain name in
// the profile column) its first bold words, not a label, else the name a
// "Posted on DATE by NAME" line gives.
std::string WriterName(const GumboNode* record, const GumboNode* writer, const GumboNode* body) {
  if (std::string name = OneLine(TextOf(writer)); !name.empty() && !IsButtonLabel(name)) {
    return name;
  }
  const auto outside_text = [body](const GumboNode* n) { return n == body; };
  // Not the writer's rank or group beside the name ("dd.usertitle", "Member").
  const auto names_writer = [](const GumboNode* n) {
    return NamesWriter(n) && !AnyClassToken(n, [](std::string_view token) {
             for (std::string_view word : {"title", "rank", "group", "status", "contact"}) {
               if (ContainsIgnoreCase(token, word)) return true;
             }
             return false;
           });
  };
  // The element a class calls the name ("username") before a user block
  // that also holds the rank and join date ("userinfo").
  const auto says_name = [](const GumboNode* n) {
    return AnyClassToken(n,
                         [](std::string_view token) { return ContainsIgnoreCase(token, "name"); });
  };
  const std::vector<const GumboNode*> named = FindAll(record, names_writer, outside_text);
  for (bool name_only : {true, false}) {
    for (const GumboNode* node : named) {
      if (name_only && !says_name(node)) continue;
      std::string name = OneLine(TextOf(node));
      if (!name.empty() && CountCodePoints(name) <= kMaxForumNameChars) return name;
    }
  }
  const auto bold = [](const GumboNode* n) {
    return IsTag(n, GUMBO_TAG_STRONG) || IsTag(n, GUMBO_TAG_B);
  };
  for (const GumboNode* node : FindAll(record, bold, outside_text)) {
    std::string name = OneLine(TextOf(node));
    if (!name.empty() && CountCodePoints(name) <= kMaxForumNameChars &&
        name.find(':') == std::string::npos) {
      return name;
    }
  }
  if (const GumboNode* line = FindFirst(record, IsPostedByLine, outside_text)) {
    return NameInByline(line);
  }
  return {};
}

// Text outside links (a listing's row is its links' words) and inner records.
size_t UnlinkedChars(const GumboNode* node, const NodePredicate& inner) {
  return CountCodePoints(
      TextOf(node, [&inner](const GumboNode* n) { return IsTag(n, GUMBO_TAG_A) || inner(n); }));
}

// Whether a class calls the element a message's text ("messageContent",
// "postbody", "post_text").
bool NamesText(const GumboNode* node) {
  return AnyClassToken(node, [](std::string_view token) {
    for (std::string_view word : {"content", "text", "body"}) {
      if (ContainsIgnoreCase(token, word)) return true;
    }
    return false;
  });
}

// The message's text: the biggest block beside the path down to the
// writer's link (the record's biggest block where it has none), narrowed
// while one child holds nearly all of its words.
const GumboNode* MessageBody(const GumboNode* record, const GumboNode* writer) {
  const NodePredicate inner = InnerRecords(record);
  const auto chars_of = [&inner](const GumboNode* node) {
    return inner(node) ? 0 : CountCodePoints(TextOf(node, inner));
  };
  const GumboNode* best = nullptr;
  size_t best_chars = 0;
  // A block a class calls the text, for a message shorter than the
  // writer's rank beside it ("Super!" under "Participant").
  const GumboNode* named = nullptr;
  for (const GumboNode* on_path = writer != nullptr ? writer->parent : record; on_path != nullptr;
       on_path = on_path == record ? nullptr : on_path->parent) {
    for (const GumboNode* child : ElementChildren(on_path)) {
      if (Contains(child, writer)) continue;
      const size_t chars = chars_of(child);
      if (chars > best_chars) {
        best = child;
        best_chars = chars;
      }
      if (named == nullptr && chars > 0 && NamesText(child)) named = child;
    }
  }
  if (named != nullptr && best_chars < kMinMessageChars * 2 && !NamesText(best)) {
    best = named;
    best_chars = chars_of(named);
  }
  // A child dominates with nine tenths of the words, or with most of them
  // beside short lines only (a date line, a "#2"), or as the one child a
  // class calls the text beside a signature or a meta line.
  while (best != nullptr) {
    const GumboNode* dominant = nullptr;
    const GumboNode* named_text = nullptr;
    size_t named_texts = 0;
    size_t dominant_chars = 0, longest_other = 0;
    for (const GumboNode* child : ElementChildren(best)) {
      if (NamesText(child)) {
        named_text = child;
        ++named_texts;
      }
      const size_t chars = chars_of(child);
      if (chars > dominant_chars) {
        longest_other = std::max(longest_other, dominant_chars);
        dominant = child;
        dominant_chars = chars;
      } else {
        longest_other = std::max(longest_other, chars);
      }
    }
    const bool dominates = dominant_chars * 10 >= best_chars * 9 ||
                           (dominant_chars * 2 > best_chars && longest_other <= kMaxDateChars);
    if (named_texts == 1 && chars_of(named_text) >= kMinMessageChars) {
      best = named_text;
      best_chars = chars_of(named_text);
      continue;
    }
    if (dominant == nullptr || !dominates) break;
    best = dominant;
    best_chars = dominant_chars;
  }
  return best;
}

// An element that marks a date up: a <time>, or one whose class says date
// or time ("DateTime", "post-date"), not an edit note's ("editDate").
bool MarksDate(const GumboNode* node) {
  return IsTag(node, GUMBO_TAG_TIME) || AnyClassToken(node, [](std::string_view token) {
           return (ContainsIgnoreCase(token, "date") || ContainsIgnoreCase(token, "time")) &&
                  !ContainsIgnoreCase(token, "edit");
         });
}

// A poster's column dates the member, not the message: "Joined: DATE",
// "Registriert seit", "Anmeldungsdatum", "Inscrit le", "Last visit"; an
// element holding such a label holds no message's date.
bool IsMemberDate(const GumboNode* node, const std::string& text) {
  static const LazyRE2 kMemberLabel = {
      R"((?i)\b(?:joined|registered|member\s+since|last\s+(?:visit|seen|active)|registriert|anmeldungsdatum|dabei\s+seit|mitglied\s+seit|inscrit|inscription|registrado|miembro\s+desde|iscritto|lid\s+sinds|zarejestrowany|dołączył))"};
  if (AnyClassToken(node, [](std::string_view token) {
        return ContainsIgnoreCase(token, "joined") || ContainsIgnoreCase(token, "regdate");
      })) {
    return true;
  }
  return RE2::PartialMatch(text, *kMemberLabel);
}

// Whether a marked date sits in a member's field of the profile column
// (<dt>Joined</dt><dd><time>), however it is marked: the field and its
// label are short, the message around them is not.
bool InMemberField(const GumboNode* date, const GumboNode* record) {
  for (const GumboNode* up = date; up != nullptr && up != record; up = up->parent) {
    const std::string text = OneLine(TextOf(up));
    if (CountCodePoints(text) > kMaxDateChars) return false;  // past the date's own field
    if (IsMemberDate(up, text)) return true;
    const GumboNode* label = PreviousElementSibling(up);
    if (IsTag(label, GUMBO_TAG_DT) && IsMemberDate(label, OneLine(TextOf(label)))) return true;
  }
  return false;
}

std::string MessageDate(const GumboNode* record, const GumboNode* body, DateOrder order) {
  const NodePredicate inner = InnerRecords(record);
  const auto outside = [body, &inner](const GumboNode* n) { return n == body || inner(n); };
  // Marked-up dates first, wherever in the record (a template may put the
  // date under the text), but not in a quote of another message.
  const auto quoted = [&inner](const GumboNode* n) {
    return inner(n) || IsTag(n, GUMBO_TAG_BLOCKQUOTE);
  };
  std::vector<const GumboNode*> marked_dates = FindAll(record, MarksDate, quoted);
  // A message's own date comes early; a record marking hundreds of dates is
  // no message, and each check reads text around the date.
  constexpr size_t kMaxMarkedDates = 32;
  if (marked_dates.size() > kMaxMarkedDates) marked_dates.resize(kMaxMarkedDates);
  std::erase_if(marked_dates, [record](const GumboNode* n) { return InMemberField(n, record); });
  // An attribute's full date and time before any shown text: a permalink
  // "Apr 12, 2016" around span[title="Apr 12, 2016 at 9:05 AM"].
  for (const GumboNode* marked : marked_dates) {
    for (const char* attribute : {"datetime", "title", "data-time"}) {
      if (std::string date = ParseDate(Attr(marked, attribute), order); !date.empty()) return date;
    }
  }
  for (const GumboNode* marked : marked_dates) {
    std::string text = OneLine(TextOf(marked));
    if (CountCodePoints(text) > kMaxDateChars) continue;
    if (std::string date = ParseDate(text, order); !date.empty()) return date;
  }
  for (const GumboNode* node : FindAll(record, IsElement, outside)) {
    if (outside(node)) continue;
    std::string text = OneLine(TextOf(node));
    if (text.empty() || CountCodePoints(text) > kMaxDateChars || IsMemberDate(node, text)) continue;
    if (std::string date = ParseDate(text, order); !date.empty()) return date;
  }
  return {};
}

// Templates that print a message's date line in a block of its own just
// before the message (bbPress's div.bbp-reply-header, vBulletin's date
// row): that block, when it holds a short line, no writer of its own, and
// the message's number or permalink.
const GumboNode* HeaderBefore(const GumboNode* record) {
  const GumboNode* before = PreviousElementSibling(record);
  if (before == nullptr || FindFirst(before, IsProfileLink) != nullptr) return nullptr;
  if (CountCodePoints(OneLine(TextOf(before))) > 2 * kMaxDateChars) return nullptr;
  // A message's header names it: a numbered id ("post-10924") or a
  // permalink ("#post-10924"), not any short block that happens to date.
  const auto permalink = [](const GumboNode* n) {
    return IsTag(n, GUMBO_TAG_A) && HasDigit(FragmentOf(Attr(n, "href")));
  };
  return HasDigit(Id(before)) || FindFirst(before, permalink) != nullptr ? before : nullptr;
}

// A record's date: its own, else its header block's.
std::string RecordDate(const GumboNode* record, const GumboNode* body, DateOrder order) {
  if (std::string date = MessageDate(record, body, order); !date.empty()) return date;
  const GumboNode* header = HeaderBefore(record);
  return header == nullptr ? std::string() : MessageDate(header, nullptr, order);
}

std::string MessageId(const GumboNode* record) {
  const auto numbered = [](const GumboNode* n) { return HasDigit(Id(n)); };
  if (numbered(record)) return std::string(Id(record));
  // Not a nested record's id (the walk reports a pruned node that matches).
  const NodePredicate inner_record = InnerRecords(record);
  const GumboNode* inner = FindFirst(record, numbered, inner_record);
  return inner == nullptr || inner_record(inner) ? std::string() : std::string(Id(inner));
}

struct ForumMessage {
  const GumboNode* record = nullptr;
  const GumboNode* body = nullptr;
  const GumboNode* writer = nullptr;
  std::string published;  // read once the run is known (MessageDate)
};

bool ReadRecord(const PageContext& page, const GumboNode* record, ForumMessage* message) {
  message->record = record;
  message->writer = WriterLink(page, record);
  if (message->writer == nullptr) return false;
  message->body = MessageBody(record, message->writer);
  return message->body != nullptr &&
         UnlinkedChars(message->body, InnerRecords(record)) >= kMinMessageChars;
}

// Whether the link's fragment names the record or an element in it: the
// message's own permalink ("viewtopic.php?p=12#p12"), wherever its path.
bool IsPermalinkOf(const GumboNode* record, std::string_view href) {
  const std::string fragment = FragmentOf(href);
  if (fragment.empty()) return false;
  const auto named = [&fragment](const GumboNode* n) { return Id(n) == fragment; };
  return named(record) || FindFirst(record, named) != nullptr;
}

// Whether a heading or title of the record links to another page (a listed
// thread's), not to this message (IsPermalinkOf) nor by a date's words.
bool HeadedByLinkElsewhere(const PageContext& page, const ForumMessage& message) {
  const auto headline = [](const GumboNode* n) {
    return IsTag(n, GUMBO_TAG_H1) || IsTag(n, GUMBO_TAG_H2) || IsTag(n, GUMBO_TAG_H3) ||
           IsTag(n, GUMBO_TAG_H4) || HasClass(n, "title");
  };
  const auto before_fragment = [](std::string_view url) { return url.substr(0, url.find('#')); };
  for (const GumboNode* heading : FindAll(message.record, headline)) {
    // The writer's own heading (name and rank badge) heads no listed thread.
    if (message.writer != nullptr && Contains(heading, message.writer)) continue;
    std::vector<const GumboNode*> links = FindAll(heading, TagIs(GUMBO_TAG_A));
    if (IsTag(heading, GUMBO_TAG_A)) links.push_back(heading);
    for (const GumboNode* link : links) {
      std::string_view href = Attr(link, "href");
      if (href.empty() || href[0] == '#' || IsProfileLink(link) ||
          IsPermalinkOf(message.record, href)) {
        continue;
      }
      const std::string url = AbsoluteUrl(page, href);
      const std::string text = OneLine(TextOf(link));
      if (url.empty() || text.empty() || !ParseDate(text).empty()) continue;
      if (before_fragment(url) != before_fragment(page.url) &&
          before_fragment(url) != before_fragment(page.post_url)) {
        return true;
      }
    }
  }
  return false;
}

// A listing's row names who wrote last in the thread or board it lists:
// "Last post by X", "Last Post: ...", "Started by X" (and translations),
// or a link to the last poster ("member.php?find=lastposter").
bool NamesLastPost(const ForumMessage& message) {
  static const LazyRE2 kLastPost = {
      R"((?i)\b(?:last\s+post(?:ed)?(?:\s+by\b|\s*:)|started\s+by\b|)"
      R"(letzter\s+beitrag(?:\s+von\b|\s*:)|dernier\s+message(?:\s+par\b|\s*:)|)"
      R"([\x{fa}u]ltimo\s+mensaje(?:\s+(?:por|de)\b|\s*:)))"};
  if (message.writer != nullptr && ContainsIgnoreCase(Attr(message.writer, "href"), "lastpost")) {
    return true;
  }
  return RE2::PartialMatch(OneLine(TextOf(message.record)), *kLastPost);
}

int Depth(const GumboNode* node) {
  int depth = 0;
  for (; node != nullptr; node = node->parent) ++depth;
  return depth;
}

// The run of records: the parent with the most children that read as
// messages, the deepest where several have as many.
std::vector<ForumMessage> FindRun(const PageContext& page) {
  const GumboNode* root = page.root;
  std::unordered_map<const GumboNode*, std::vector<const GumboNode*>> holders;
  std::vector<const GumboNode*> parents;
  // Forum software wraps a thread in a moderation <form> (XenForo's
  // InlineModForm): a form is no listing here.
  const auto listing = [](const GumboNode* n) {
    return !IsTag(n, GUMBO_TAG_FORM) && IsListingRegion(n);
  };
  for (const GumboNode* link : FindAll(root, IsProfileLink, listing)) {
    const GumboNode* node = link;
    for (int climb = 0; climb < kMaxProfileClimb && node->parent != nullptr &&
                        node->parent->type == GUMBO_NODE_ELEMENT;
         ++climb, node = node->parent) {
      std::vector<const GumboNode*>& children = holders[node->parent];
      if (children.empty()) parents.push_back(node->parent);
      if (children.empty() || children.back() != node) children.push_back(node);
    }
  }
  std::vector<ForumMessage> best;
  int best_depth = 0;
  for (const GumboNode* parent : parents) {
    const std::vector<const GumboNode*>& children = holders[parent];
    if (children.size() < 2 || children.size() < best.size()) continue;
    std::vector<ForumMessage> messages;
    for (const GumboNode* child : children) {
      ForumMessage message;
      if (IsTag(child, GUMBO_TAG_A) || !ReadRecord(page, child, &message)) continue;
      messages.push_back(message);
    }
    const int depth = Depth(parent);
    if (messages.size() >= 2 &&
        (messages.size() > best.size() || (messages.size() == best.size() && depth > best_depth))) {
      best = std::move(messages);
      best_depth = depth;
    }
  }
  return best;
}

// Threads whose writers have no profile link at all (guests, or a copy
// saved by a visitor who may not see profiles, a forum re-rendered as
// static pages): the run of sibling records numbered as messages
// ("p1384262", "post_12", "msg4877"). WordPress numbers its teasers
// "post-12" too: such a record counts where an element names its writer,
// or a "Posted on DATE by NAME" line signs it (a listing's teasers, headed
// by links to their posts, are ruled out after).
std::vector<ForumMessage> FindNumberedRun(const PageContext& page) {
  static const LazyRE2 kMessageId = {R"((?:p|post_?|msg_?|message_?)\d+)"};
  static const LazyRE2 kDashedId = {R"(post-\d+)"};
  const auto numbered = [](const GumboNode* n) {
    std::string_view id = Id(n);
    if (id.empty()) return false;
    const re2::StringPiece piece(id.data(), id.size());
    if (RE2::FullMatch(piece, *kMessageId)) return true;
    const auto signed_block = [](const GumboNode* e) {
      return (NamesWriter(e) && !OneLine(TextOf(e)).empty() &&
              CountCodePoints(TextOf(e)) <= kMaxForumNameChars) ||
             IsPostedByLine(e);
    };
    return RE2::FullMatch(piece, *kDashedId) && FindFirst(n, signed_block) != nullptr;
  };
  std::unordered_map<const GumboNode*, std::vector<const GumboNode*>> holders;
  const GumboNode* best_parent = nullptr;
  for (const GumboNode* record : FindAll(page.root, numbered, IsListingRegion)) {
    std::vector<const GumboNode*>& siblings = holders[record->parent];
    siblings.push_back(record);
    if (best_parent == nullptr || siblings.size() > holders[best_parent].size()) {
      best_parent = record->parent;
    }
  }
  std::vector<ForumMessage> run;
  if (best_parent == nullptr) return run;
  for (const GumboNode* record : holders[best_parent]) {
    ForumMessage message{record, MessageBody(record, nullptr), nullptr, {}};
    if (message.body != nullptr &&
        UnlinkedChars(message.body, InnerRecords(record)) >= kMinMessageChars) {
      run.push_back(message);
    }
  }
  return run;
}

// Class tokens every record of the run has.
std::vector<std::string> SharedClasses(const std::vector<ForumMessage>& run) {
  std::vector<std::string> shared;
  AnyClassToken(run.front().record, [&shared](std::string_view token) {
    shared.emplace_back(token);
    return false;
  });
  for (const ForumMessage& message : run) {
    std::erase_if(shared,
                  [&](const std::string& token) { return !HasClass(message.record, token); });
  }
  return shared;
}

// The run with its dated siblings of the same classes whose writers have
// no profile to link (a guest's message), in page order.
std::vector<ForumMessage> WithGuestMessages(const PageContext& page, std::vector<ForumMessage> run,
                                            const std::vector<std::string>& shared) {
  // Same classes; rows that alternate theirs ("row1", "row2") share a tag.
  const GumboTag tag = run.front().record->v.element.tag;
  const auto same_kind = [&shared, tag](const GumboNode* node) {
    return IsTag(node, tag) &&
           std::all_of(shared.begin(), shared.end(),
                       [node](const std::string& token) { return HasClass(node, token); });
  };
  std::vector<ForumMessage> all;
  size_t next = 0;
  for (const GumboNode* child : ElementChildren(run.front().record->parent)) {
    if (next < run.size() && child == run[next].record) {
      all.push_back(run[next++]);
      continue;
    }
    if (!same_kind(child)) continue;
    // A member's message too short to start a run ("Super!") belongs to it,
    // dated as the run's messages are; so does a guest's, with no profile.
    const GumboNode* writer = WriterLink(page, child);
    ForumMessage message{child, MessageBody(child, writer), writer, {}};
    const size_t min_chars = writer != nullptr ? 1 : kMinMessageChars;
    if (message.body == nullptr || UnlinkedChars(message.body, InnerRecords(child)) < min_chars) {
      continue;
    }
    message.published = RecordDate(child, message.body, page.date_order);
    if (!message.published.empty()) all.push_back(std::move(message));
  }
  return all;
}

// The run, with the thread's opening message where a template sets it
// apart before the replies (XenForo's first post, Vanilla's discussion):
// an earlier element outside the run that shares the records' class and
// reads as one.
std::vector<ForumMessage> FindMessages(const PageContext& page) {
  std::vector<ForumMessage> run = FindRun(page);
  if (run.size() < 2) run = FindNumberedRun(page);
  if (run.size() < 2) return run;
  const std::vector<std::string> shared = SharedClasses(run);
  run = WithGuestMessages(page, std::move(run), shared);
  if (shared.empty()) return run;
  const GumboNode* run_parent = run.front().record->parent;
  // The records' main class (their first, where all have it: "cPost", not
  // a utility class such as "ipsBox" that boxes other parts of the page).
  const std::string_view main_class = FirstClass(run.front().record);
  const bool has_main = std::find(shared.begin(), shared.end(), main_class) != shared.end();
  const auto of_the_kind = [&](const GumboNode* n) {
    return has_main ? HasClass(n, main_class) : HasAnyClass(n, shared);
  };
  // In document order, up to the run's parent (matched, so it marks where
  // the run starts, and pruned).
  std::vector<ForumMessage> opening;
  for (const GumboNode* node : FindAll(
           page.root, [&](const GumboNode* n) { return n == run_parent || of_the_kind(n); },
           [run_parent](const GumboNode* n) { return n == run_parent; })) {
    if (node == run_parent) break;
    // A wrapper of the whole run is no message, unless the run is its
    // nested replies (InnerRecords).
    if (Contains(node, run_parent) && !InnerRecords(node)(run.front().record)) continue;
    ForumMessage message;
    if (ReadRecord(page, node, &message)) opening.push_back(message);
  }
  opening.insert(opening.end(), run.begin(), run.end());
  return opening;
}

// Whether the URL asks for a later page of a thread: "page=2", "start=15",
// "st=20", "pg=3", or a "/page-2", "/page/2" or "/page2.html" path ("p="
// is a message's own link in several packages, not a page).
bool IsLaterPageUrl(std::string_view url) {
  for (std::string_view name : {"page", "pg"}) {
    if (PositiveQueryParameter(url, name, 1) > 1) return true;
  }
  for (std::string_view name : {"start", "st", "offset"}) {
    if (PositiveQueryParameter(url, name, 0) > 0) return true;
  }
  static const LazyRE2 kPagePath = {R"((?i)/page[-/]?(\d{1,9})(?:[/.?#]|$))"};
  long page = 0;
  return RE2::PartialMatch(re2::StringPiece(url.data(), url.size()), *kPagePath, &page) && page > 1;
}

// A later page of a thread by its address or canonical address, or by its
// <title> ("Hibike! Euphonium - Page 152 - AnimeSuki Forum"), as a saved
// copy's own address says nothing.
bool IsLaterThreadPage(const PageContext& page) {
  if (IsLaterPageUrl(page.url) || IsLaterPageUrl(page.canonical_url)) return true;
  const GumboNode* title = FindFirst(page.root, TagIs(GUMBO_TAG_TITLE));
  if (title == nullptr) return false;
  static const LazyRE2 kPageInTitle = {R"((?i)\bpage\s+(\d{1,9})\b)"};
  long number = 0;
  return RE2::PartialMatch(OneLine(TextOf(title)), *kPageInTitle, &number) && number > 1;
}

// The messages nested in a message's record (InnerRecords), which answer
// it: the outermost ones, each read as a record of its own.
std::vector<ForumMessage> InnerMessages(const PageContext& page, const ForumMessage& message) {
  std::vector<ForumMessage> replies;
  const NodePredicate inner = InnerRecords(message.record);
  for (const GumboNode* record : FindAll(message.record, inner, inner)) {
    ForumMessage reply;
    if (!ReadRecord(page, record, &reply)) continue;
    reply.published = MessageDate(record, reply.body, page.date_order);
    replies.push_back(std::move(reply));
  }
  return replies;
}

Comment CommentOf(const PageContext& page, const ForumMessage& message) {
  Comment comment;
  comment.id = MessageId(message.record);
  if (const GumboNode* header = HeaderBefore(message.record); comment.id.empty() && header) {
    comment.id = MessageId(header);
  }
  if (!comment.id.empty()) comment.permalink = page.post_url + "#" + comment.id;
  comment.author = WriterName(message.record, message.writer, message.body);
  if (message.writer != nullptr) {
    comment.author_url = AbsoluteUrl(page, Attr(message.writer, "href"));
  }
  comment.published = message.published;
  comment.text = TextOf(message.body, InnerRecords(message.record));
  return comment;
}

}  // namespace

bool ReadForumMessages(const PageContext& page, PostParts* parts, std::vector<Comment>* comments) {
  std::vector<ForumMessage> messages = FindMessages(page);
  if (messages.size() < 2) return false;
  for (ForumMessage& message : messages) {
    if (message.published.empty()) {
      message.published = RecordDate(message.record, message.body, page.date_order);
    }
  }
  const size_t dated = static_cast<size_t>(
      std::count_if(messages.begin(), messages.end(),
                    [](const ForumMessage& message) { return !message.published.empty(); }));
  if (dated * 2 < messages.size()) return false;
  // A listing's rows read as records too, but their words are mostly the
  // links to the threads they list (a row's text may be the link itself),
  // or each is headed by one.
  size_t unlinked = 0, all = 0, headed = 0;
  for (const ForumMessage& message : messages) {
    const NodePredicate inner = InnerRecords(message.record);
    if (!IsTag(message.body, GUMBO_TAG_A)) unlinked += UnlinkedChars(message.body, inner);
    all += CountCodePoints(TextOf(message.body, inner));
    if (HeadedByLinkElsewhere(page, message) || NamesLastPost(message)) ++headed;
  }
  if (unlinked * 2 < all || headed * 2 >= messages.size()) return false;
  // The thread's title is the page's, not a heading of its first message.
  parts->container = nullptr;
  // A later page's first message answers an opening post elsewhere.
  const size_t first_comment = IsLaterThreadPage(page) ? 0 : 1;
  parts->author_elsewhere = first_comment == 0;
  if (first_comment == 1) {
    const ForumMessage& opening = messages.front();
    parts->body = opening.body;
    parts->author = WriterName(opening.record, opening.writer, opening.body);
    parts->published = opening.published;
  }
  const auto add = [&](const ForumMessage& message, const std::string& parent_id) {
    Comment comment = CommentOf(page, message);
    comment.position = static_cast<int>(comments->size()) + 1;
    if (comment.id.empty()) comment.id = "position-" + std::to_string(comment.position);
    comment.parent_id = parent_id;
    comments->push_back(std::move(comment));
    return comments->back().id;
  };
  for (size_t i = 0; i < messages.size(); ++i) {
    const std::string id = i < first_comment ? std::string() : add(messages[i], "");
    for (const ForumMessage& reply : InnerMessages(page, messages[i])) add(reply, id);
  }
  return true;
}

}  // namespace linkgraph::parsers
