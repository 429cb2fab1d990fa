// The page store: the role of a store (store.h) that keeps fetched pages and
// what was extracted from them (posts, comments, trackbacks, mentions), with
// reads that visit the rows one at a time, and graph/'s kept text reads.
// Used from one thread at a time, like the Store that implements it.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/model.h"
#include "common/result.h"
#include "store/row_visitor.h"

namespace linkgraph::store {

// One fetch or read of a page, successful or not.
struct PageFetch {
  std::string url;            // as requested (key)
  std::string canonical_url;  // rel=canonical, or url
  std::string status;         // "ok", "not_html", "too_large", "http_404", "error"...
  std::string error;          // the message when status is not "ok"
  int http_status = 0;        // 0 for files
  std::string etag;
  std::string last_modified;
  std::string content_hash;  // hex digest of the bytes; "" when none
  std::string fetched_at;    // ISO 8601 UTC
};

// A page to save: its fetch, and the extraction when it produced one.
struct PageToSave {
  PageFetch fetch;
  std::optional<ExtractedPage> extracted;
  // Write the extraction even when the stored bytes are the same (after an
  // extractor upgrade). Default: false, an unchanged page costs no writes.
  bool rewrite = false;
  // The start of the run saving it (ISO 8601 UTC), kept as first_seen by
  // the posts, comments and trackbacks it adds; "" means fetch.fetched_at.
  std::string run_started_at;
};

// What a save changed, summed over the pages of one call.
struct SaveOutcome {
  int pages_new = 0;
  int pages_changed = 0;  // content hash differs from the stored one
  int pages_unchanged = 0;
  int posts_new = 0;
  int comments_new = 0;  // text comments only (kind "comment"), as below
  int comments_updated = 0;
  int trackbacks_new = 0;
  int mentions_new = 0;
};

// first_seen: the start of the run that first stored the row (see
// PageToSave::run_started_at); "" for rows stored before linkgraph kept it.
struct StoredPost {
  Post post;             // post.url is the key
  std::string page_url;  // the page it was read from
  std::string first_seen;
};

struct StoredComment {
  std::string post_url;
  Comment comment;
  std::string first_seen;
};

struct StoredTrackback {
  std::string post_url;
  Trackback trackback;
  std::string first_seen;
};

// A run that saved pages: a crawl (its start, shared by its workers and
// kept when it resumes) or an import.
enum class RunCommand { kCrawl, kImport };
std::string_view ToString(RunCommand command);
struct RunRecord {
  std::string started_at;  // ISO 8601 UTC, the key
  RunCommand command = RunCommand::kCrawl;
};

struct StoredMention {
  std::string post_url;
  std::string source_url;  // the post URL, or the comment's permalink
  Mention mention;
};

// A post with everything read from its page, for a read that needs a text
// beside what was found in it.
struct StoredThread {
  StoredPost post;
  std::vector<StoredComment> comments;      // as EachComment orders them
  std::vector<StoredTrackback> trackbacks;  // as EachTrackback
  std::vector<StoredMention> mentions;      // as EachMention
};

struct Counts {
  // comments: text comments only; likes, reposts and bookmarks are not counted.
  long long sites = 0, pages = 0, posts = 0, comments = 0, trackbacks = 0, mentions = 0,
            identities = 0;
  std::vector<std::pair<std::string, long long>> pages_by_status;  // ("ok", 12), ...
  std::string last_fetched_at;  // the newest page's fetched_at; "" when none
};

// One stored page as `linkgraph report pages` lists it: its newest fetch or
// read (status and error say what came of it) and what was extracted from
// it, 0 each when nothing was.
struct PageRecord {
  PageFetch fetch;
  long long posts = 0;
  long long comments = 0;  // text comments only, as Counts
  long long trackbacks = 0;
  long long mentions = 0;
};

// What graph/ read in one text, kept so that a derivation reads again only
// the texts that changed. Opaque to the store.
struct TextRead {
  std::string source_url;   // a post's URL or a comment's permalink (key)
  std::string fingerprint;  // of the text and of what reading it depends on
  std::string payload;      // graph/'s encoding of what it found
};

class PageStore {
 public:
  virtual ~PageStore() = default;

  // Saves the pages in one transaction: all or none. Re-saving the same
  // page changes nothing; a page whose content changed updates its post,
  // comments (by id), trackbacks (by source URL) and mentions.
  virtual Result<SaveOutcome> SavePages(const std::vector<PageToSave>& pages) = 0;

  virtual Result<std::optional<PageFetch>> FindPage(const std::string& url) = 0;

  // Read side, ordered by post URL then position, for reports, exports and
  // the graph. Each* visit the rows one at a time, holding nothing but the
  // row (a visitor's error ends the read and is returned); the vector reads
  // collect what they visit.
  virtual Status EachPost(const RowVisitor<StoredPost>& visit) = 0;  // with its links
  // Every kind of comment (Comment::kind): likes, reposts and bookmarks too.
  virtual Status EachComment(const RowVisitor<StoredComment>& visit) = 0;
  virtual Status EachTrackback(const RowVisitor<StoredTrackback>& visit) = 0;
  virtual Status EachMention(const RowVisitor<StoredMention>& visit) = 0;
  // Each post with its comments, trackbacks and mentions, all from one
  // snapshot, in post URL order.
  virtual Status EachThread(const RowVisitor<StoredThread>& visit) = 0;
  Result<std::vector<StoredPost>> Posts() { return CollectRows(*this, &PageStore::EachPost); }
  Result<std::vector<StoredComment>> Comments() {
    return CollectRows(*this, &PageStore::EachComment);
  }
  Result<std::vector<StoredTrackback>> Trackbacks() {
    return CollectRows(*this, &PageStore::EachTrackback);
  }
  Result<std::vector<StoredMention>> Mentions() {
    return CollectRows(*this, &PageStore::EachMention);
  }
  virtual Result<Counts> Count() = 0;
  // Every stored page, fetched or imported, one at a time by URL, with what
  // it yielded.
  virtual Status EachPageRecord(const RowVisitor<PageRecord>& visit) = 0;
  Result<std::vector<PageRecord>> PageRecords() {
    return CollectRows(*this, &PageStore::EachPageRecord);
  }

  // Notes a run that saves pages, once per start (a second worker of one
  // crawl, or a resumed crawl, notes nothing more).
  virtual Status RecordRun(const RunRecord& run) = 0;
  // Every run noted, oldest first.
  virtual Result<std::vector<RunRecord>> Runs() = 0;

  // Kept text reads (TextRead), by source URL.
  virtual Status EachTextRead(const RowVisitor<TextRead>& visit) = 0;
  Result<std::vector<TextRead>> TextReads() { return CollectRows(*this, &PageStore::EachTextRead); }
  // In one transaction: adds or replaces `reads` (by source URL) and deletes
  // the reads of the `dropped` source URLs.
  virtual Status KeepTextReads(const std::vector<TextRead>& reads,
                               const std::vector<std::string>& dropped) = 0;
};

}  // namespace linkgraph::store
