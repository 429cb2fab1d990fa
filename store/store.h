// The store: where linkgraph keeps fetched pages and what was extracted from
// them. One interface, so a PostgreSQL backend can follow the SQLite one.
// A Store is used from one thread at a time; several processes may open the
// same SQLite file (WAL; a writer waits up to busy_timeout_ms for the lock).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/model.h"
#include "common/result.h"

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
};

// What a save changed, summed over the pages of one call.
struct SaveOutcome {
  int pages_new = 0;
  int pages_changed = 0;  // content hash differs from the stored one
  int pages_unchanged = 0;
  int posts_new = 0;
  int comments_new = 0;
  int comments_updated = 0;
  int trackbacks_new = 0;
  int mentions_new = 0;
};

struct StoredPost {
  Post post;             // post.url is the key
  std::string page_url;  // the page it was read from
};

struct StoredComment {
  std::string post_url;
  Comment comment;
};

struct StoredTrackback {
  std::string post_url;
  Trackback trackback;
};

struct StoredMention {
  std::string post_url;
  std::string source_url;  // the post URL, or the comment's permalink
  Mention mention;
};

struct Counts {
  long long sites = 0, pages = 0, posts = 0, comments = 0, trackbacks = 0, mentions = 0,
            identities = 0;
  std::vector<std::pair<std::string, long long>> pages_by_status;  // ("ok", 12), ...
  std::string last_fetched_at;  // the newest page's fetched_at; "" when none
};

struct OpenOptions {
  bool create_if_missing = true;  // Default: true
  int busy_timeout_ms = 10000;    // Default: 10 s waiting for another writer
};

class Store {
 public:
  virtual ~Store() = default;

  // Saves the pages in one transaction: all or none. Re-saving the same
  // page changes nothing; a page whose content changed updates its post,
  // comments (by id), trackbacks (by source URL) and mentions.
  virtual Result<SaveOutcome> SavePages(const std::vector<PageToSave>& pages) = 0;

  virtual Result<std::optional<PageFetch>> FindPage(const std::string& url) = 0;

  // Read side, ordered by post URL then position, for reports and exports.
  virtual Result<std::vector<StoredPost>> Posts() = 0;
  virtual Result<std::vector<StoredComment>> Comments() = 0;
  virtual Result<std::vector<StoredTrackback>> Trackbacks() = 0;
  virtual Result<std::vector<StoredMention>> Mentions() = 0;
  virtual Result<Counts> Count() = 0;
};

// Opens (creating and migrating as needed) a SQLite store. path ":memory:"
// gives a private in-memory store. Fails with a clear message on a file that
// is not a linkgraph database or comes from a newer linkgraph.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const OpenOptions& options = {});

}  // namespace linkgraph::store
