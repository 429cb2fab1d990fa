// BuildGraph: appearances -> identities -> people -> edges. Pure.
#include <algorithm>
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

std::string PermalinkOf(const store::StoredComment& comment) {
  if (!comment.comment.permalink.empty()) return comment.comment.permalink;
  return comment.post_url + "#" + comment.comment.id;
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

// What the build knows about each text while it resolves people.
struct TextRecord {
  AnchorId author = 0;
  std::string_view text;  // into the GraphInputs, which outlive the build
  std::string date;
  std::string site;
};

class Builder {
 public:
  explicit Builder(const GraphInputs& inputs) : inputs_(inputs) {}

  GraphBuild Build() {
    FindSingleAuthorSites();
    for (const store::StoredPost& post : inputs_.posts) AddPost(post);
    for (const store::StoredComment& comment : inputs_.comments) {
      if (IsTextComment(comment)) AddComment(comment);
    }
    for (const store::StoredMention& mention : inputs_.mentions) AddMentioned(mention);
    for (const store::StoredTrackback& trackback : inputs_.trackbacks)
      AddTrackbackSource(trackback);

    ResolvePeople();
    // Meetings are read with the names of the people known so far; the
    // people they name that nobody knew yet become people too.
    std::vector<InteractionJob> jobs = InteractionJobs();
    const std::vector<std::vector<Interaction>> found = ReadAll(jobs);
    if (AnchorNewNames(jobs, found)) ResolvePeople();
    snapshot_.rules_version = std::string(kRulesVersion);
    for (const auto& [url, record] : texts_) {
      snapshot_.authors.push_back(store::Authorship{url, PersonId(record.author)});
    }
    AddMentionEdges();
    AddCommentEdges();
    AddLinkEdges();
    for (size_t i = 0; i < jobs.size(); ++i) AddInteractions(jobs[i], found[i]);
    SortEdges();
    FindGoneReadings(jobs);
    return GraphBuild{std::move(snapshot_), std::move(new_readings_), std::move(gone_readings_),
                      texts_read_};
  }

 private:
  void ResolvePeople() {
    std::vector<size_t> person_of;
    snapshot_.people = resolver_.People(&person_of);
    person_of_ = std::move(person_of);
    IndexNames();
  }

  long long PersonId(AnchorId anchor) const {
    return static_cast<long long>(person_of_[anchor]) + 1;
  }

  void FindSingleAuthorSites() {
    std::map<std::string, std::set<std::string>> authors_of;
    for (const store::StoredPost& post : inputs_.posts) {
      const std::string site = NormaliseUrl(SiteOf(post));
      const std::string author = NormaliseName(SplitDisplayName(post.post.author).name);
      if (!site.empty() && !author.empty()) authors_of[site].insert(author);
    }
    for (const auto& [site, authors] : authors_of) {
      if (authors.size() == 1) single_author_sites_[site] = *authors.begin();
    }
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
    texts_[post.url] = TextRecord{author, post.text, post.published, site};
    post_author_[post.url] = author;
    post_site_[post.url] = site;
  }

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

  void AddComment(const store::StoredComment& stored) {
    const std::string permalink = PermalinkOf(stored);
    const std::string site = post_site_.count(stored.post_url) ? post_site_[stored.post_url]
                                                               : SiteRootAsWritten(stored.post_url);
    const AnchorId author = CommentAuthor(stored, site, permalink);
    resolver_.CountText(author);
    texts_[permalink] = TextRecord{author, stored.comment.text, stored.comment.published, site};
    comment_author_[{stored.post_url, stored.comment.id}] = author;
  }

  void AddMentioned(const store::StoredMention& mention) {
    mention_anchor_.push_back(
        resolver_.HandleAnchor(mention.mention.handle, "mentioned (" + mention.source_url + ")"));
  }

  void AddTrackbackSource(const store::StoredTrackback& stored) {
    const Trackback& trackback = stored.trackback;
    AnchorId source;
    if (auto post = post_author_.find(trackback.source_url); post != post_author_.end()) {
      source = post->second;
    } else if (std::string handle = TwittedBy(trackback.title); !handle.empty()) {
      source = resolver_.HandleAnchor(handle, "trackback title '" + trackback.title + "'");
    } else {
      source = resolver_.SiteAnchor(
          SiteRootAsWritten(trackback.source_url),
          "sent a " + std::string(ToString(trackback.kind)) + " (" + trackback.source_url + ")");
    }
    trackback_source_.push_back(source);
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

  // The edge added, or null when it would join a person to themselves (only
  // a blog linking to itself is kept, marked "self").
  store::StoredEdge* AddEdge(long long from, long long to, std::string kind,
                             const std::string& date, const std::string& evidence,
                             const std::string& source_url, std::string detail = "") {
    if (from == to && kind != "linked") return nullptr;
    store::StoredEdge edge;
    edge.from = from;
    edge.to = to;
    edge.kind = std::move(kind);
    edge.date = date;
    edge.detail = std::move(detail);
    edge.evidence = ShortenEvidence(evidence);
    edge.source_url = source_url;
    snapshot_.edges.push_back(std::move(edge));
    return &snapshot_.edges.back();
  }

  void AddMentionEdges() {
    for (size_t i = 0; i < inputs_.mentions.size(); ++i) {
      const store::StoredMention& mention = inputs_.mentions[i];
      auto text = texts_.find(mention.source_url);
      if (text == texts_.end()) continue;
      AddEdge(PersonId(text->second.author), PersonId(mention_anchor_[i]), "mentioned",
              text->second.date, SentenceWith(text->second.text, "@" + mention.mention.handle),
              mention.source_url);
    }
  }

  void AddCommentEdges() {
    for (const store::StoredComment& stored : inputs_.comments) {
      if (!IsTextComment(stored)) continue;
      const std::string permalink = PermalinkOf(stored);
      const TextRecord& text = texts_[permalink];
      const long long author = PersonId(text.author);
      if (auto post = post_author_.find(stored.post_url); post != post_author_.end()) {
        AddEdge(author, PersonId(post->second), "commented", text.date, FirstSentence(text.text),
                permalink);
      }
      if (stored.comment.parent_id.empty()) continue;
      auto parent = comment_author_.find({stored.post_url, stored.comment.parent_id});
      if (parent == comment_author_.end()) continue;
      AddEdge(author, PersonId(parent->second), "replied", text.date, FirstSentence(text.text),
              permalink);
    }
  }

  void AddLinkEdges() {
    for (size_t i = 0; i < inputs_.trackbacks.size(); ++i) {
      const store::StoredTrackback& stored = inputs_.trackbacks[i];
      auto post = post_author_.find(stored.post_url);
      if (post == post_author_.end()) continue;
      std::string detail = ToString(stored.trackback.kind);
      if (NormaliseUrl(SiteRootAsWritten(stored.trackback.source_url)) ==
          NormaliseUrl(post_site_[stored.post_url])) {
        detail += "; self";
      }
      AddEdge(PersonId(trackback_source_[i]), PersonId(post->second), "linked",
              stored.trackback.published, stored.trackback.title, stored.trackback.source_url,
              detail);
    }
    std::map<std::string, std::string> post_by_normalised_url;
    for (const store::StoredPost& post : inputs_.posts) {
      post_by_normalised_url[NormaliseUrl(post.post.url)] = post.post.url;
    }
    for (const store::StoredPost& post : inputs_.posts) {
      std::set<std::string> linked;
      for (const Link& link : post.post.links) {
        auto target = post_by_normalised_url.find(NormaliseUrl(link.url));
        if (target == post_by_normalised_url.end() || target->second == post.post.url) continue;
        if (!linked.insert(target->second).second) continue;
        std::string detail = "link";
        if (NormaliseUrl(post_site_[target->second]) == NormaliseUrl(post_site_[post.post.url])) {
          detail += "; self";
        }
        AddEdge(PersonId(post_author_[post.post.url]), PersonId(post_author_[target->second]),
                "linked", post.post.published, link.text.empty() ? link.url : link.text,
                post.post.url, detail);
      }
    }
  }

  // One text to read for meetings, and who "you" is in it.
  struct InteractionJob {
    const TextRecord* text;
    bool in_comment;
    std::optional<AnchorId> you;
    std::string source_url;
  };

  std::vector<InteractionJob> InteractionJobs() {
    std::vector<InteractionJob> jobs;
    for (const store::StoredPost& post : inputs_.posts) {
      jobs.push_back({&texts_[post.post.url], false, std::nullopt, post.post.url});
    }
    for (const store::StoredComment& stored : inputs_.comments) {
      if (!IsTextComment(stored)) continue;
      const std::string permalink = PermalinkOf(stored);
      jobs.push_back({&texts_[permalink], true, RepliedTo(stored), permalink});
    }
    return jobs;
  }

  // "I finally met Priya": a name that no person has yet is a person of
  // its own, a one-word name only within its blog (NameAnchor). True when
  // any was new, and the people must be resolved again.
  bool AnchorNewNames(const std::vector<InteractionJob>& jobs,
                      const std::vector<std::vector<Interaction>>& found) {
    bool added = false;
    for (size_t i = 0; i < jobs.size(); ++i) {
      for (const Interaction& interaction : found[i]) {
        if (interaction.other.kind != Party::Kind::kName) continue;
        if (person_by_name_.count(interaction.other.value) > 0) continue;
        const size_t before = resolver_.AnchorCount();
        AnchorId anchor =
            resolver_.NameAnchor(interaction.other.value, jobs[i].text->site,
                                 "named in a statement of meeting (" + jobs[i].source_url + ")");
        name_anchor_[{interaction.other.value, jobs[i].text->site}] = anchor;
        added = added || resolver_.AnchorCount() > before;
      }
    }
    return added;
  }

  // FindInteractions is pure, and the costliest step of a build: run it on
  // every core, in fixed slices, so the result does not depend on timing,
  // and only on texts whose kept reading does not hold (TextReuse).
  // Texts in a language the rules do not read are counted, not read.
  std::vector<std::vector<Interaction>> ReadAll(const std::vector<InteractionJob>& jobs) {
    std::unordered_map<std::string_view, const store::TextRead*> kept;
    for (const store::TextRead& reading : inputs_.kept_readings)
      kept[reading.source_url] = &reading;
    std::vector<TextReading> readings(jobs.size());
    std::vector<std::optional<store::TextRead>> fresh(jobs.size());
    std::vector<char> read(jobs.size(), 0);
    const size_t workers = std::clamp<size_t>(std::thread::hardware_concurrency(), 1,
                                              std::max<size_t>(1, jobs.size() / 64));
    auto read_slice = [&](size_t first) {
      for (size_t i = first; i < jobs.size(); i += workers) {
        TextContext context;
        context.date = jobs[i].text->date;
        context.in_comment = jobs[i].in_comment;
        context.known_names = known_names_;
        const std::string_view text = jobs[i].text->text;
        const std::string fingerprint = ReadingFingerprint(text, context);
        auto kept_reading = kept.find(jobs[i].source_url);
        if (kept_reading != kept.end() && inputs_.reuse == TextReuse::kReuseUnchanged) {
          std::optional<TextReading> reused =
              ReuseReading(*kept_reading->second, fingerprint, text, known_names_);
          if (reused) {
            readings[i] = std::move(*reused);
            continue;
          }
        }
        readings[i] = ReadText(text, context);
        read[i] = 1;
        std::string payload = EncodeReading(readings[i]);
        if (kept_reading != kept.end() && kept_reading->second->fingerprint == fingerprint &&
            kept_reading->second->payload == payload) {
          continue;  // read again to the same reading: nothing to keep anew
        }
        fresh[i] = store::TextRead{jobs[i].source_url, fingerprint, std::move(payload)};
      }
    };
    std::vector<std::thread> threads;
    for (size_t worker = 1; worker < workers; ++worker) threads.emplace_back(read_slice, worker);
    read_slice(0);
    for (std::thread& thread : threads) thread.join();
    std::vector<std::vector<Interaction>> found(jobs.size());
    for (size_t i = 0; i < jobs.size(); ++i) {
      if (!MeetingRulesRead(readings[i].language))
        ++snapshot_.unread_languages[readings[i].language];
      found[i] = std::move(readings[i].found);
      if (fresh[i]) new_readings_.push_back(std::move(*fresh[i]));
      texts_read_ += read[i];
    }
    return found;
  }

  void FindGoneReadings(const std::vector<InteractionJob>& jobs) {
    std::unordered_set<std::string_view> texts;
    for (const InteractionJob& job : jobs) texts.insert(job.source_url);
    for (const store::TextRead& reading : inputs_.kept_readings) {
      if (texts.count(reading.source_url) == 0) gone_readings_.push_back(reading.source_url);
    }
  }

  // "you" in a comment: the author of the comment it replies to, or of the
  // post for a top-level comment; none when unknown.
  std::optional<AnchorId> RepliedTo(const store::StoredComment& stored) {
    if (!stored.comment.parent_id.empty()) {
      auto parent = comment_author_.find({stored.post_url, stored.comment.parent_id});
      if (parent != comment_author_.end()) return parent->second;
    }
    auto post = post_author_.find(stored.post_url);
    if (post == post_author_.end()) return std::nullopt;
    return post->second;
  }

  void AddInteractions(const InteractionJob& job, const std::vector<Interaction>& found) {
    const long long speaker = PersonId(job.text->author);
    for (const Interaction& interaction : found) {
      const long long other = PersonOf(interaction.other, job);
      if (other == 0) continue;
      store::StoredEdge* edge =
          AddEdge(speaker, other, ToString(interaction.kind), interaction.date,
                  interaction.evidence, job.source_url, interaction.detail);
      if (edge == nullptr) continue;
      edge->event = interaction.event;
      edge->when = interaction.when;
    }
  }

  long long PersonOf(const Party& party, const InteractionJob& job) {
    switch (party.kind) {
      case Party::Kind::kYou:
        return job.you ? PersonId(*job.you) : 0;
      case Party::Kind::kHandle: {
        auto it = handle_person_.find(NormaliseHandle(party.value));
        return it == handle_person_.end() ? 0 : it->second;
      }
      case Party::Kind::kName: {
        if (auto it = person_by_name_.find(party.value); it != person_by_name_.end()) {
          return it->second;
        }
        auto anchor = name_anchor_.find({party.value, job.text->site});
        return anchor == name_anchor_.end() ? 0 : PersonId(anchor->second);
      }
    }
    return 0;
  }

  void SortEdges() {
    std::stable_sort(snapshot_.edges.begin(), snapshot_.edges.end(),
                     [](const store::StoredEdge& a, const store::StoredEdge& b) {
                       return std::tie(a.from, a.to, a.kind, a.date, a.source_url) <
                              std::tie(b.from, b.to, b.kind, b.date, b.source_url);
                     });
  }

  const GraphInputs& inputs_;
  IdentityResolver resolver_;
  store::GraphSnapshot snapshot_;
  std::vector<size_t> person_of_;
  std::map<std::string, std::string> single_author_sites_;  // normalised site -> author
  std::map<std::string, TextRecord> texts_;                 // by post URL or permalink
  std::map<std::string, AnchorId> post_author_;
  std::map<std::string, std::string> post_site_;
  std::map<std::pair<std::string, std::string>, AnchorId> comment_author_;
  std::vector<AnchorId> mention_anchor_;    // parallel to inputs_.mentions
  std::vector<AnchorId> trackback_source_;  // parallel to inputs_.trackbacks
  KnownNames known_names_;
  std::map<std::string, long long> person_by_name_;
  std::map<std::string, long long> handle_person_;
  std::map<std::pair<std::string, std::string>, AnchorId> name_anchor_;  // (name, site)
  std::vector<store::TextRead> new_readings_;
  std::vector<std::string> gone_readings_;
  long long texts_read_ = 0;
};

}  // namespace

GraphBuild BuildGraphKeepingReadings(const GraphInputs& inputs) { return Builder(inputs).Build(); }

store::GraphSnapshot BuildGraph(const GraphInputs& inputs) {
  return BuildGraphKeepingReadings(inputs).snapshot;
}

namespace {

Result<GraphInputs> ReadInputs(store::Store& store, TextReuse reuse) {
  GraphInputs inputs;
  auto read = [](auto result, auto* into) -> Status {
    if (!result) return result.error();
    *into = std::move(*result);
    return {};
  };
  if (Status s = read(store.Posts(), &inputs.posts); !s) return s.error();
  if (Status s = read(store.Comments(), &inputs.comments); !s) return s.error();
  if (Status s = read(store.Trackbacks(), &inputs.trackbacks); !s) return s.error();
  if (Status s = read(store.Mentions(), &inputs.mentions); !s) return s.error();
  if (Status s = read(store.TextReads(), &inputs.kept_readings); !s) return s.error();
  inputs.reuse = reuse;
  return inputs;
}

}  // namespace

Result<RebuildSummary> RebuildGraph(store::Store& store, TextReuse reuse) {
  // Read before the inputs: pages saved meanwhile leave the graph stale.
  Result<store::GraphState> before = store.Graph();
  if (!before) return before.error().WithContext("rebuild graph");
  GraphBuild build;
  {
    // The inputs go before the graph is written: the peak is the larger of
    // the two, not their sum.
    Result<GraphInputs> inputs = ReadInputs(store, reuse);
    if (!inputs) return inputs.error().WithContext("rebuild graph");
    build = BuildGraphKeepingReadings(*inputs);
  }
  build.snapshot.pages_version = before->pages_version;
  RebuildSummary summary{static_cast<long long>(build.snapshot.people.size()),
                         static_cast<long long>(build.snapshot.edges.size()), build.texts_read};
  if (Status replaced = store.ReplaceGraph(build.snapshot); !replaced) return replaced.error();
  // After the graph: a reading kept without its graph would only be read again.
  if (Status kept = store.KeepTextReads(build.new_readings, build.gone_readings); !kept) {
    return kept.error().WithContext("rebuild graph");
  }
  return summary;
}

}  // namespace linkgraph::graph
