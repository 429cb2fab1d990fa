// The derivation (derivation.h): appearances -> identities -> people ->
// edges, in passes over the source, holding the people but no text or edge
// for longer than a batch.
#include <xxhash.h>

#include <algorithm>
#include <deque>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "common/ascii.h"
#include "common/url_text.h"
#include "graph/derivation.h"
#include "graph/evidence.h"
#include "graph/graph.h"
#include "graph/identity_resolver.h"
#include "graph/interactions.h"
#include "graph/text_reading.h"

namespace linkgraph::graph {
namespace {

using AnchorId = IdentityResolver::AnchorId;

// SiteRootOf without lower-casing: a site anchor shows its URL as the page
// wrote it ("http://caf%C3%A9.example/") and keys it by NormaliseUrl, so the
// case of what the graph shows stays what it was.
std::string SiteRootAsWritten(std::string_view url) {
  const std::string_view root = SchemeAndAuthority(url);
  return root.empty() ? std::string() : std::string(root) + "/";
}

// A saved file without a canonical URL is a blog of its own: every such
// file shares the root "file:///", which says nothing about who wrote it.
std::string SiteOf(const store::StoredPost& post) {
  if (!post.post.site_url.empty()) return post.post.site_url;
  const std::string root = SiteRootAsWritten(post.post.url);
  return root == "file:///" ? post.post.url : root;
}

// Likes, reposts and bookmarks carry no text: no comment of anyone's, so
// no edge, no text for the interaction rules and no count of texts.
bool IsTextComment(const store::StoredComment& comment) {
  return comment.comment.kind == "comment";
}

// Home pages of services many people share: a URL naming only one of these
// says nothing about who wrote the comment.
bool IsSharedServiceRoot(const std::string& normalised_url) {
  static const std::set<std::string, std::less<>> kShared = {
      "twitter.com",     "x.com",        "facebook.com", "linkedin.com",    "wordpress.com",
      "blogger.com",     "blogspot.com", "google.com",   "plus.google.com", "typepad.com",
      "livejournal.com", "tumblr.com",   "myspace.com",  "flickr.com",      "youtube.com"};
  return kShared.count(normalised_url) > 0;
}

bool IsAnonymous(const std::string& name) {
  const std::string normalised = NormaliseName(name);
  return normalised.empty() || normalised == "anonymous" || normalised == "anon" ||
         normalised == "guest";
}

using AnchorId = IdentityResolver::AnchorId;
constexpr AnchorId kNoAnchor = IdentityResolver::kNoAnchor;
constexpr size_t kEdgeBatch = 4096;
// Texts read at once across the cores, and the posts that hold them.
constexpr size_t kReadBatch = 512;

uint64_t Hash64(std::string_view text) { return XXH3_64bits(text.data(), text.size()); }

// The kept readings, held as hashes and payloads (about 50 bytes a text):
// a derivation looks each text's up by URL.
class KeptReadings {
 public:
  Status Load(GraphSource& source) {
    Status read = source.EachTextRead([&](store::TextRead& kept) -> Status {
      entries_.push_back(Entry{Hash64(kept.source_url), Hash64(kept.fingerprint), payloads_.size(),
                               kept.payload.size(), false});
      payloads_ += kept.payload;
      return {};
    });
    std::sort(entries_.begin(), entries_.end(),
              [](const Entry& a, const Entry& b) { return a.url < b.url; });
    return read;
  }

  // The kept reading of url, as a TextRead whose fingerprint is `fingerprint`
  // when the kept one's is; nullopt when none is kept. Marks it as a text's.
  std::optional<store::TextRead> Find(const std::string& url, const std::string& fingerprint) {
    Entry* entry = Lookup(url);
    if (entry == nullptr) return std::nullopt;
    entry->of_a_text = true;
    return store::TextRead{url, entry->fingerprint == Hash64(fingerprint) ? fingerprint : "",
                           payloads_.substr(entry->payload_at, entry->payload_size)};
  }

  // Source URLs of kept readings no text looked up (their texts are gone).
  Result<std::vector<std::string>> Unclaimed(GraphSource& source) {
    std::vector<std::string> gone;
    if (std::all_of(entries_.begin(), entries_.end(), [](const Entry& e) { return e.of_a_text; }))
      return gone;
    Status read = source.EachTextRead([&](store::TextRead& kept) -> Status {
      const Entry* entry = Lookup(kept.source_url);
      if (entry != nullptr && !entry->of_a_text) gone.push_back(std::move(kept.source_url));
      return {};
    });
    if (!read) return read.error();
    return gone;
  }

 private:
  struct Entry {
    uint64_t url;
    uint64_t fingerprint;
    size_t payload_at;
    size_t payload_size;
    bool of_a_text;
  };
  Entry* Lookup(const std::string& url) {
    const uint64_t hash = Hash64(url);
    auto found = std::lower_bound(entries_.begin(), entries_.end(), hash,
                                  [](const Entry& e, uint64_t h) { return e.url < h; });
    return found != entries_.end() && found->url == hash ? &*found : nullptr;
  }
  std::vector<Entry> entries_;
  std::string payloads_;
};

// What the build keeps of each post between passes.
struct PostInfo {
  AnchorId author = 0;
  std::string site;
};

// One text of a thread, while the thread is at hand.
struct ThreadText {
  std::string_view source_url;
  std::string_view text;
  std::string_view date;
  AnchorId author = kNoAnchor;
  AnchorId you = kNoAnchor;     // a comment's: who it answers
  AnchorId parent = kNoAnchor;  // a reply's: who wrote the comment it replies to
  bool in_comment = false;
  std::string site;  // of the thread's post
};

// What reading a text depends on but the known names.
TextContext ContextOf(const ThreadText& text) {
  TextContext context;
  context.date = std::string(text.date);
  context.in_comment = text.in_comment;
  return context;
}

// What a text stated, kept until the people are final.
struct Statements {
  std::string source_url;
  std::string site;
  AnchorId speaker = kNoAnchor;
  AnchorId you = kNoAnchor;
  std::vector<Interaction> found;
};

class Builder {
 public:
  Builder(GraphSource& source, GraphSink& sink, TextReuse reuse)
      : source_(source), sink_(sink), reuse_(reuse) {}

  Result<DerivationTotals> Build() {
    if (Status s = FindSingleAuthorSites(); !s) return s.error();
    if (Status s = AddAppearances(); !s) return s.error();
    ResolvePeople();
    // Meetings are read with the names of the people known so far; the
    // people they name that nobody knew yet become people too.
    resolver_.Freeze();
    if (Status s = ReadTexts(); !s) return s.error();
    resolver_.Thaw();
    if (AnchorNewNames()) ResolvePeople();
    resolver_.Freeze();
    snapshot_.rules_version = std::string(kRulesVersion);
    if (Status s = sink_.BeginGraph(snapshot_); !s) return s.error();
    if (Status s = AddThreadEdges(); !s) return s.error();
    if (Status s = AddPostLinkEdges(); !s) return s.error();
    for (const std::vector<Statements>* stated : {&stated_in_posts_, &stated_in_comments_}) {
      for (const Statements& statements : *stated) AddInteractions(statements);
    }
    if (Status s = FlushEdges(); !s) return s.error();
    return DerivationTotals{static_cast<long long>(snapshot_.people.size()), edges_given_,
                            texts_read_};
  }

 private:
  void ResolvePeople() {
    std::vector<size_t> person_of;
    snapshot_.people = resolver_.People(&person_of);
    person_of_ = std::move(person_of);
    IndexNames();
  }

  // A position in snapshot_.people; 0 for an anchor not found (a text that
  // came between two passes).
  long long PersonId(AnchorId anchor) const {
    if (anchor == kNoAnchor || anchor >= person_of_.size()) return 0;
    return static_cast<long long>(person_of_[anchor]) + 1;
  }

  Status FindSingleAuthorSites() {
    std::map<std::string, std::set<std::string>> authors_of;
    Status read = source_.EachPost([&](store::StoredPost& post) -> Status {
      const std::string site = NormaliseUrl(SiteOf(post));
      const std::string author = NormaliseName(SplitDisplayName(post.post.author).name);
      if (!site.empty() && !author.empty()) authors_of[site].insert(author);
      return {};
    });
    for (const auto& [site, authors] : authors_of) {
      if (authors.size() == 1) single_author_sites_[site] = *authors.begin();
    }
    return read;
  }

  // Every way each person appears, in a fixed order (posts, comments,
  // mentions, trackbacks): the first reason found for an identity is kept.
  Status AddAppearances() {
    Status read = source_.EachPost([&](store::StoredPost& post) -> Status {
      AddPost(post);
      return {};
    });
    if (read) {
      read = source_.EachComment([&](store::StoredComment& comment) -> Status {
        if (IsTextComment(comment)) AddComment(comment);
        return {};
      });
    }
    if (read) {
      read = source_.EachMention([&](store::StoredMention& mention) -> Status {
        MentionedAnchor(mention);
        return {};
      });
    }
    if (read) {
      read = source_.EachTrackback([&](store::StoredTrackback& trackback) -> Status {
        TrackbackSource(trackback);
        return {};
      });
    }
    return read;
  }

  void AddPost(const store::StoredPost& stored) {
    const Post& post = stored.post;
    const std::string site = SiteOf(stored);
    const DisplayName display = SplitDisplayName(post.author);
    const std::string where = " (" + post.url + ")";
    AnchorId author;
    if (!display.name.empty()) {
      author = resolver_.NameAnchor(display.name, site, "post author" + where);
      resolver_.ShowName(author, display.name);
      auto single = single_author_sites_.find(NormaliseUrl(site));
      if (single != single_author_sites_.end()) {
        resolver_.Join(author,
                       resolver_.SiteAnchor(site, "every post on this blog is by " + display.name));
      }
    } else if (!display.handle.empty()) {
      author = resolver_.HandleAnchor(display.handle, "post author" + where);
    } else {
      // The blog stands for its unnamed author, under the blog's name.
      author = resolver_.SiteAnchor(site, "blog of an unnamed author" + where);
      resolver_.ShowName(author, post.site_name);
    }
    if (!display.handle.empty() && !display.name.empty()) {
      resolver_.Join(author, resolver_.HandleAnchor(display.handle, "in the post author's name '" +
                                                                        post.author + "'" + where));
    }
    resolver_.CountText(author);
    posts_[post.url] = PostInfo{author, site};
    post_by_normalised_url_[NormaliseUrl(post.url)] = post.url;
  }

  // Who wrote a comment: joins what the comment says of its author, or,
  // frozen, finds them.
  AnchorId CommentAuthor(const store::StoredComment& stored, const std::string& site,
                         const std::string& permalink) {
    const Comment& comment = stored.comment;
    const DisplayName display = SplitDisplayName(comment.author);
    const std::string where = " (" + permalink + ")";
    std::vector<AnchorId> anchors;
    if (!IsAnonymous(display.name)) {
      anchors.push_back(resolver_.NameAnchor(display.name, site, "comment author" + where));
    }
    if (!display.handle.empty()) {
      anchors.push_back(resolver_.HandleAnchor(
          display.handle, "in the display name '" + comment.author + "'" + where));
    }
    AddAuthorUrl(comment, where, &anchors);
    Signature signature;
    if (ReadSignature(comment.text, display.name, &signature)) {
      const std::string reason = "signature '" + signature.line + "'" + where;
      if (!signature.handle.empty()) {
        anchors.push_back(resolver_.HandleAnchor(signature.handle, reason));
      }
      if (!signature.full_name.empty()) {
        anchors.push_back(resolver_.NameAnchor(signature.full_name, site, reason));
      }
    }
    if (anchors.empty()) {
      // Nothing to tell this author from another: a person of one comment.
      anchors.push_back(resolver_.Anchor("comment:" + permalink,
                                         {"name", comment.author, NormaliseName(comment.author)},
                                         "anonymous comment" + where));
    }
    if (anchors.front() == kNoAnchor) return kNoAnchor;
    for (AnchorId anchor : anchors) resolver_.Join(anchors.front(), anchor);
    resolver_.ShowName(anchors.front(), display.name.empty() ? comment.author : display.name);
    return anchors.front();
  }

  void AddAuthorUrl(const Comment& comment, const std::string& where,
                    std::vector<AnchorId>* anchors) {
    if (comment.author_url.empty()) return;
    const std::string normalised = NormaliseUrl(comment.author_url);
    if (normalised.empty() || IsSharedServiceRoot(normalised)) return;
    const std::string reason = "author URL of '" + comment.author + "'" + where;
    if (std::string handle = HandleFromProfileUrl(comment.author_url); !handle.empty()) {
      AnchorId anchor = resolver_.HandleAnchor(handle, reason);
      resolver_.Anchor("handle:" + NormaliseHandle(handle), {"url", comment.author_url, normalised},
                       reason);
      anchors->push_back(anchor);
      return;
    }
    // A URL that is a blog's home is that blog's: the comment author is
    // its author when the blog is one person's and the names agree.
    auto single = single_author_sites_.find(normalised);
    if (single != single_author_sites_.end() &&
        single->second == NormaliseName(SplitDisplayName(comment.author).name)) {
      anchors->push_back(resolver_.SiteAnchor(comment.author_url, reason));
      return;
    }
    anchors->push_back(resolver_.UrlAnchor(comment.author_url, reason));
  }

  std::string SiteOfComment(const store::StoredComment& stored) const {
    auto post = posts_.find(stored.post_url);
    return post != posts_.end() ? post->second.site : SiteRootAsWritten(stored.post_url);
  }

  void AddComment(const store::StoredComment& stored) {
    const AnchorId author = CommentAuthor(stored, SiteOfComment(stored), PermalinkOf(stored));
    resolver_.CountText(author);
  }

  AnchorId MentionedAnchor(const store::StoredMention& mention) {
    return resolver_.HandleAnchor(mention.mention.handle, "mentioned (" + mention.source_url + ")");
  }

  AnchorId TrackbackSource(const store::StoredTrackback& stored) {
    const Trackback& trackback = stored.trackback;
    if (auto post = posts_.find(trackback.source_url); post != posts_.end()) {
      return post->second.author;
    }
    if (std::string handle = TwittedBy(trackback.title); !handle.empty()) {
      return resolver_.HandleAnchor(handle, "trackback title '" + trackback.title + "'");
    }
    return resolver_.SiteAnchor(
        SiteRootAsWritten(trackback.source_url),
        "sent a " + std::string(ToString(trackback.kind)) + " (" + trackback.source_url + ")");
  }

  void IndexNames() {
    handle_person_.clear();
    person_by_name_.clear();
    std::map<std::string, std::set<long long>> people_by_name;
    for (size_t i = 0; i < snapshot_.people.size(); ++i) {
      for (const store::PersonIdentity& member : snapshot_.people[i].identities) {
        if (member.identity.kind == "handle") {
          handle_person_[member.identity.normalised] = static_cast<long long>(i) + 1;
        }
        if (member.identity.kind != "name") continue;
        people_by_name[member.identity.value].insert(static_cast<long long>(i) + 1);
      }
    }
    // Only full names name someone in a sentence: "Called Michael Brown"
    // must not become a call to whichever "Michael" commented somewhere.
    std::vector<std::string> names;
    for (const auto& [name, people] : people_by_name) {
      if (people.size() == 1 && name.find(' ') != std::string::npos) {
        names.push_back(name);
        person_by_name_[name] = *people.begin();
      }
    }
    known_names_ = KnownNames(std::move(names));
  }

  // The texts of a thread (its post, then its text comments) with who wrote
  // each and whom a comment answers. Views into thread.
  std::vector<ThreadText> TextsOf(const store::StoredThread& thread) {
    std::vector<ThreadText> texts;
    const store::StoredPost& post = thread.post;
    auto info = posts_.find(post.post.url);
    const AnchorId post_author = info == posts_.end() ? kNoAnchor : info->second.author;
    const std::string site = info == posts_.end() ? SiteOf(post) : info->second.site;
    texts.push_back(ThreadText{post.post.url, post.post.text, post.post.published, post_author,
                               kNoAnchor, kNoAnchor, false, site});
    std::unordered_map<std::string_view, AnchorId> author_of_comment;  // by comment id
    const size_t first_comment = texts.size();
    for (const store::StoredComment& stored : thread.comments) {
      if (!IsTextComment(stored)) continue;
      permalinks_.push_back(PermalinkOf(stored));
      const AnchorId author = CommentAuthor(stored, site, permalinks_.back());
      author_of_comment[stored.comment.id] = author;
      texts.push_back(ThreadText{permalinks_.back(), stored.comment.text, stored.comment.published,
                                 author, kNoAnchor, kNoAnchor, true, site});
    }
    size_t next = first_comment;
    for (const store::StoredComment& stored : thread.comments) {
      if (!IsTextComment(stored)) continue;
      // "you" in a comment: the author of the comment it replies to, or of
      // the post for a top-level comment.
      ThreadText& text = texts[next++];
      if (!stored.comment.parent_id.empty()) {
        auto parent = author_of_comment.find(stored.comment.parent_id);
        if (parent != author_of_comment.end()) text.parent = parent->second;
      }
      text.you = text.parent != kNoAnchor ? text.parent : post_author;
    }
    return texts;
  }

  // Every text read for meetings, a batch of threads at a time on every
  // core; a text whose kept reading holds (TextReuse) is not read again.
  Status ReadTexts() {
    if (Status loaded = kept_.Load(source_); !loaded) return loaded;
    std::vector<store::StoredThread> batch;
    size_t texts_in_batch = 0;
    Status read = source_.EachThread([&](store::StoredThread& thread) -> Status {
      texts_in_batch += 1 + thread.comments.size();
      batch.push_back(std::move(thread));
      if (texts_in_batch < kReadBatch) return {};
      Status done = ReadBatch(batch);
      batch.clear();
      texts_in_batch = 0;
      return done;
    });
    if (read && !batch.empty()) read = ReadBatch(batch);
    if (!read) return read;
    Result<std::vector<std::string>> gone = kept_.Unclaimed(source_);
    if (!gone) return gone.error();
    return sink_.KeepReadings({}, *gone);
  }

  Status ReadBatch(const std::vector<store::StoredThread>& threads) {
    permalinks_.clear();
    std::vector<ThreadText> texts;
    for (const store::StoredThread& thread : threads) {
      std::vector<ThreadText> of_thread = TextsOf(thread);
      std::move(of_thread.begin(), of_thread.end(), std::back_inserter(texts));
    }
    std::vector<TextReading> readings(texts.size());
    std::vector<std::optional<store::TextRead>> fresh(texts.size());
    std::vector<char> read(texts.size(), 0);
    std::vector<std::optional<store::TextRead>> kept(texts.size());
    std::vector<std::string> fingerprints(texts.size());
    for (size_t i = 0; i < texts.size(); ++i) {
      fingerprints[i] = ReadingFingerprint(texts[i].text, ContextOf(texts[i]));
      kept[i] = kept_.Find(std::string(texts[i].source_url), fingerprints[i]);
    }
    const size_t workers = std::clamp<size_t>(std::thread::hardware_concurrency(), 1,
                                              std::max<size_t>(1, texts.size() / 64));
    auto read_slice = [&](size_t first) {
      for (size_t i = first; i < texts.size(); i += workers) {
        TextContext context = ContextOf(texts[i]);
        context.known_names = known_names_;
        const std::string_view text = texts[i].text;
        if (kept[i] && reuse_ == TextReuse::kReuseUnchanged) {
          std::optional<TextReading> reused =
              ReuseReading(*kept[i], fingerprints[i], text, known_names_);
          if (reused) {
            readings[i] = std::move(*reused);
            // Found again with other names: kept with theirs, not looked for next time.
            if (std::string payload = EncodeReading(readings[i]); payload != kept[i]->payload) {
              fresh[i] = store::TextRead{std::string(texts[i].source_url), fingerprints[i],
                                         std::move(payload)};
            }
            continue;
          }
        }
        readings[i] = ReadText(text, context);
        read[i] = 1;
        std::string payload = EncodeReading(readings[i]);
        if (kept[i] && kept[i]->fingerprint == fingerprints[i] && kept[i]->payload == payload) {
          continue;  // read again to the same reading: nothing to keep anew
        }
        fresh[i] =
            store::TextRead{std::string(texts[i].source_url), fingerprints[i], std::move(payload)};
      }
    };
    std::vector<std::thread> threads_reading;
    for (size_t worker = 1; worker < workers; ++worker) {
      threads_reading.emplace_back(read_slice, worker);
    }
    read_slice(0);
    for (std::thread& thread : threads_reading) thread.join();
    std::vector<store::TextRead> to_keep;
    for (size_t i = 0; i < texts.size(); ++i) {
      if (!MeetingRulesRead(readings[i].language))
        ++snapshot_.unread_languages[readings[i].language];
      texts_read_ += read[i];
      if (fresh[i]) to_keep.push_back(std::move(*fresh[i]));
      if (readings[i].found.empty()) continue;
      std::vector<Statements>& stated =
          texts[i].in_comment ? stated_in_comments_ : stated_in_posts_;
      stated.push_back(Statements{std::string(texts[i].source_url), texts[i].site, texts[i].author,
                                  texts[i].you, std::move(readings[i].found)});
    }
    return sink_.KeepReadings(to_keep, {});
  }

  // "I finally met Priya": a name that no person has yet is a person of
  // its own, a one-word name only within its blog (NameAnchor). True when
  // any was new, and the people must be resolved again. Posts first, then
  // comments, as the texts were read.
  bool AnchorNewNames() {
    bool added = false;
    for (const std::vector<Statements>* stated : {&stated_in_posts_, &stated_in_comments_}) {
      for (const Statements& statements : *stated) {
        for (const Interaction& interaction : statements.found) {
          if (interaction.other.kind != Party::Kind::kName) continue;
          if (person_by_name_.count(interaction.other.value) > 0) continue;
          const size_t before = resolver_.AnchorCount();
          AnchorId anchor = resolver_.NameAnchor(
              interaction.other.value, statements.site,
              "named in a statement of meeting (" + statements.source_url + ")");
          name_anchor_[{interaction.other.value, statements.site}] = anchor;
          added = added || resolver_.AnchorCount() > before;
        }
      }
    }
    return added;
  }

  // The edge, unless it would join a person to themselves (only a blog
  // linking to itself is kept, marked "self") or to nobody.
  store::StoredEdge* AddEdge(long long from, long long to, std::string kind, std::string_view date,
                             const std::string& evidence, std::string_view source_url,
                             std::string detail = "") {
    if (from == 0 || to == 0) return nullptr;
    if (from == to && kind != "linked") return nullptr;
    store::StoredEdge edge;
    edge.from = from;
    edge.to = to;
    edge.kind = std::move(kind);
    edge.date = std::string(date);
    edge.detail = std::move(detail);
    edge.evidence = ShortenEvidence(evidence);
    edge.source_url = std::string(source_url);
    edges_.push_back(std::move(edge));
    return &edges_.back();
  }

  Status FlushEdges() {
    edges_given_ += static_cast<long long>(edges_.size());
    Status added = sink_.AddEdges(edges_);
    edges_.clear();
    if (!added) return added;
    added = sink_.AddAuthors(authors_);
    authors_.clear();
    return added;
  }

  // Mentions, comments, replies, trackbacks and who wrote each text, a
  // thread at a time.
  Status AddThreadEdges() {
    return source_.EachThread([&](store::StoredThread& thread) -> Status {
      permalinks_.clear();
      const std::vector<ThreadText> texts = TextsOf(thread);
      for (const ThreadText& text : texts) {
        const long long author = PersonId(text.author);
        if (author != 0)
          authors_.push_back(store::Authorship{std::string(text.source_url), author});
      }
      AddMentionEdges(thread, texts);
      AddCommentEdges(texts);
      AddTrackbackEdges(thread);
      if (edges_.size() < kEdgeBatch) return {};
      return FlushEdges();
    });
  }

  void AddMentionEdges(const store::StoredThread& thread, const std::vector<ThreadText>& texts) {
    for (const store::StoredMention& mention : thread.mentions) {
      auto text = std::find_if(texts.begin(), texts.end(), [&](const ThreadText& t) {
        return t.source_url == mention.source_url;
      });
      if (text == texts.end()) continue;
      AddEdge(PersonId(text->author), PersonId(MentionedAnchor(mention)), "mentioned", text->date,
              SentenceWith(text->text, "@" + mention.mention.handle), mention.source_url);
    }
  }

  void AddCommentEdges(const std::vector<ThreadText>& texts) {
    const ThreadText& post = texts.front();
    for (size_t i = 1; i < texts.size(); ++i) {
      const ThreadText& comment = texts[i];
      const long long author = PersonId(comment.author);
      const std::string first_sentence = FirstSentence(comment.text);
      AddEdge(author, PersonId(post.author), "commented", comment.date, first_sentence,
              comment.source_url);
      if (comment.parent == kNoAnchor) continue;
      AddEdge(author, PersonId(comment.parent), "replied", comment.date, first_sentence,
              comment.source_url);
    }
  }

  void AddTrackbackEdges(const store::StoredThread& thread) {
    auto post = posts_.find(thread.post.post.url);
    if (post == posts_.end()) return;
    for (const store::StoredTrackback& stored : thread.trackbacks) {
      std::string detail = ToString(stored.trackback.kind);
      if (NormaliseUrl(SiteRootAsWritten(stored.trackback.source_url)) ==
          NormaliseUrl(post->second.site)) {
        detail += "; self";
      }
      AddEdge(PersonId(TrackbackSource(stored)), PersonId(post->second.author), "linked",
              stored.trackback.published, stored.trackback.title, stored.trackback.source_url,
              detail);
    }
  }

  // A post linking to another stored post. After every trackback's edge,
  // as a reader meets them: a post's pingback before the link it stands for.
  Status AddPostLinkEdges() {
    return source_.EachPost([&](store::StoredPost& post) -> Status {
      auto from = posts_.find(post.post.url);
      if (from == posts_.end()) return {};
      std::set<std::string> linked;
      for (const Link& link : post.post.links) {
        auto target = post_by_normalised_url_.find(NormaliseUrl(link.url));
        if (target == post_by_normalised_url_.end() || target->second == post.post.url) continue;
        if (!linked.insert(target->second).second) continue;
        const PostInfo& to = posts_.at(target->second);
        std::string detail = "link";
        if (NormaliseUrl(to.site) == NormaliseUrl(from->second.site)) detail += "; self";
        AddEdge(PersonId(from->second.author), PersonId(to.author), "linked", post.post.published,
                link.text.empty() ? link.url : link.text, post.post.url, detail);
      }
      if (edges_.size() < kEdgeBatch) return {};
      return FlushEdges();
    });
  }

  void AddInteractions(const Statements& statements) {
    const long long speaker = PersonId(statements.speaker);
    for (const Interaction& interaction : statements.found) {
      const long long other = PersonOf(interaction.other, statements);
      if (other == 0) continue;
      store::StoredEdge* edge =
          AddEdge(speaker, other, ToString(interaction.kind), interaction.date,
                  interaction.evidence, statements.source_url, interaction.detail);
      if (edge == nullptr) continue;
      edge->event = interaction.event;
      edge->when = interaction.when;
    }
  }

  long long PersonOf(const Party& party, const Statements& statements) {
    switch (party.kind) {
      case Party::Kind::kYou:
        return PersonId(statements.you);
      case Party::Kind::kHandle: {
        auto it = handle_person_.find(NormaliseHandle(party.value));
        return it == handle_person_.end() ? 0 : it->second;
      }
      case Party::Kind::kName: {
        if (auto it = person_by_name_.find(party.value); it != person_by_name_.end()) {
          return it->second;
        }
        auto anchor = name_anchor_.find({party.value, statements.site});
        return anchor == name_anchor_.end() ? 0 : PersonId(anchor->second);
      }
    }
    return 0;
  }

  GraphSource& source_;
  GraphSink& sink_;
  const TextReuse reuse_;
  IdentityResolver resolver_;
  store::GraphSnapshot snapshot_;  // people, rules version, unread languages
  std::vector<size_t> person_of_;
  std::map<std::string, std::string> single_author_sites_;  // normalised site -> author
  std::unordered_map<std::string, PostInfo> posts_;         // by post URL
  std::map<std::string, std::string> post_by_normalised_url_;
  KnownNames known_names_;
  std::map<std::string, long long> person_by_name_;
  std::map<std::string, long long> handle_person_;
  std::map<std::pair<std::string, std::string>, AnchorId> name_anchor_;  // (name, site)
  KeptReadings kept_;
  std::deque<std::string> permalinks_;  // of the threads at hand, for ThreadText views
  std::vector<Statements> stated_in_posts_;
  std::vector<Statements> stated_in_comments_;
  std::vector<store::StoredEdge> edges_;  // not yet given to the sink
  std::vector<store::Authorship> authors_;
  long long edges_given_ = 0;
  long long texts_read_ = 0;
};

}  // namespace

Result<DerivationTotals> Derive(GraphSource& source, GraphSink& sink, TextReuse reuse) {
  return Builder(source, sink, reuse).Build();
}

std::string PermalinkOf(const store::StoredComment& comment) {
  if (!comment.comment.permalink.empty()) return comment.comment.permalink;
  return comment.post_url + "#" + comment.comment.id;
}

}  // namespace linkgraph::graph
