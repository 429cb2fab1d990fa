// The store: where linkgraph keeps fetched pages and what was extracted from
// them. One interface, so a PostgreSQL backend can follow the SQLite one.
// A Store is used from one thread at a time; several processes may open the
// same SQLite file (WAL; a writer waits up to busy_timeout_ms for the lock).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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
  int comments_new = 0;  // text comments only (kind "comment"), as below
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
  // comments: text comments only; likes, reposts and bookmarks are not counted.
  long long sites = 0, pages = 0, posts = 0, comments = 0, trackbacks = 0, mentions = 0,
            identities = 0;
  std::vector<std::pair<std::string, long long>> pages_by_status;  // ("ok", 12), ...
  std::string last_fetched_at;  // the newest page's fetched_at; "" when none
};

// People and edges: derived from the stored pages by graph/ and replaced
// when rebuilt, so a change of identity or interaction rules re-derives them
// without touching what was crawled. A rebuild writes only what changed.

// One way a person appears. kind: "handle" (value "HRMargo", normalised
// "hrmargo"), "name" ("Margo Rose", "margo rose"), "url" (an author URL,
// normalised without scheme, "www." and trailing "/") or "site" (a blog's
// home, normalised the same way).
struct IdentityRef {
  std::string kind;
  std::string value;
  std::string normalised;
};

struct PersonIdentity {
  IdentityRef identity;
  std::string reason;  // the evidence that put it in this person
};

struct StoredPerson {
  // Set by the store, and kept across derivations while the key is derived
  // (a fresh store numbers people 1..n in key order). Not dense: people no
  // longer derived leave gaps, and new ones come after the highest id.
  long long id = 0;
  std::string key;   // stable across rebuilds: "handle:hrmargo", "url:davemartin.example"
  std::string name;  // display name: the best full name, else the handle
  std::vector<PersonIdentity> identities;
  long long texts = 0;  // posts and comments written: "most active"
};

// kind: mentioned, commented, replied, linked, spoke, met, plans_to_meet.
struct StoredEdge {
  long long from = 0;  // StoredPerson::id; in a GraphSnapshot, a position
  long long to = 0;
  std::string kind;
  std::string date;        // ISO 8601 (or a prefix: "2010-02"), "" unknown
  std::string detail;      // "phone", "dinner; ice skating", "self" for a blog's own link
  std::string event;       // "TRULondon2"
  std::string when;        // the time phrase as written: "tomorrow", "in Feb"
  std::string evidence;    // the sentence or title that proves it
  std::string source_url;  // where it was read
};

// Who wrote a text: a post (by its URL) or a comment (by its permalink).
struct Authorship {
  std::string source_url;
  long long person = 0;  // StoredPerson::id; in a GraphSnapshot, a position
};

struct GraphSnapshot {
  std::vector<StoredPerson> people;  // graph/ gives them in key order; ids ignored
  // Edges and authors name people by position in `people` (1-based), not
  // by id: the store maps positions to the ids it keeps.
  std::vector<StoredEdge> edges;
  std::vector<Authorship> authors;
  std::string rules_version;  // of the rules that derived it
  // Texts (posts and comments) not read for meetings because the rules
  // do not read their language, by language code ("de" -> 120).
  std::map<std::string, long long> unread_languages;
  // GraphState::pages_version when the inputs were read, so pages saved
  // while the graph was derived leave it stale. nullopt: the version current
  // when ReplaceGraph runs.
  std::optional<long long> pages_version;
};

struct GraphState {
  bool built = false;
  std::string rules_version;
  std::string built_at;  // ISO 8601 UTC
  long long people = 0, edges = 0;
  std::map<std::string, long long> unread_languages;  // as GraphSnapshot's
  // Every save that writes pages, posts, comments, trackbacks or mentions
  // raises the store's pages version in its own transaction; ReplaceGraph
  // records the version the graph was derived from in the graph's.
  long long pages_version = 0;  // the store's, now
  long long derived_from = 0;   // the graph's; 0 when not built
  // Built, but pages were saved since (a derivation killed, failed or skipped).
  bool stale = false;
};

// What graph/ read in one text, kept so that a derivation reads again only
// the texts that changed. Opaque to the store.
struct TextRead {
  std::string source_url;   // a post's URL or a comment's permalink (key)
  std::string fingerprint;  // of the text and of what reading it depends on
  std::string payload;      // graph/'s encoding of what it found
};

// A post with everything read from its page, for a read that needs a text
// beside what was found in it.
struct StoredThread {
  StoredPost post;
  std::vector<StoredComment> comments;      // as EachComment orders them
  std::vector<StoredTrackback> trackbacks;  // as EachTrackback
  std::vector<StoredMention> mentions;      // as EachMention
};

// A derived graph written in parts, for a derivation too large to hold at
// once. Begun with the people and the state (Store::BeginGraphWrite), then
// given edges and authors in any number of calls, each naming people by
// position in the people given (1-based), as in a GraphSnapshot. Commit
// replaces the stored graph as ReplaceGraph would, with edges stably
// sorted by from, to, kind, date and source URL: of edges equal in those,
// the one given first is read first. Nothing is visible before Commit; a
// write destroyed uncommitted leaves the stored graph as it was. One write
// at a time per store.
class GraphWrite {
 public:
  virtual ~GraphWrite() = default;
  // Fails (kInvalidArgument) on a position with no person.
  virtual Status AddEdges(const std::vector<StoredEdge>& edges) = 0;
  // The first authorship given for a source URL counts.
  virtual Status AddAuthors(const std::vector<Authorship>& authors) = 0;
  virtual Status Commit() = 0;
};

// The crawl frontier, kept in the store as it changes so that a crawl killed
// at any moment resumes where it stopped: each finished URL is recorded in
// the same transaction as its page and the links it revealed.

// A URL a crawl is to fetch.
struct QueuedUrl {
  std::string url;            // canonical form (crawler/)
  std::string kind = "page";  // "page", "sitemap", "feed" or "comments" (WordPress REST)
  int depth = 0;              // link hops from a seed
  std::string via;            // the URL it was found on; "" for seeds
};

// Running totals of one crawl, kept as it goes.
struct CrawlTotals {
  long long fetched = 0;       // responses received (a 304 counts too)
  long long not_modified = 0;  // 304s: no body, no parse
  long long failed = 0;        // given up: 4xx, 5xx after retries, network, too large...
  long long skipped = 0;       // not fetched: robots.txt, private address, trap, out of scope
  long long bytes = 0;         // body bytes received
  long long new_comments = 0;
  long long new_mentions = 0;
};

struct CrawlRun {
  long long id = 0;
  std::string key;          // the seeds and options that identify it, as the caller gave
  std::string started_at;   // ISO 8601 UTC
  std::string finished_at;  // "" while running, or after the process was killed
  std::string outcome;      // "" (not finished), "ok", "partial", "failed", "stopped"
  CrawlTotals totals;
  long long queued = 0;  // URLs still waiting
  long long done = 0;    // URLs dealt with (fetched, failed or skipped)
  bool resumed = false;  // set by OpenCrawl when it continued an unfinished crawl
};

struct RedirectHop {
  std::string from;
  std::string to;
  int http_status = 0;  // 301, 302, 303, 307, 308
};

// One URL of a crawl dealt with.
struct CrawledUrl {
  std::string url;      // as queued
  std::string outcome;  // "ok", "not_modified", "http_404", "network_error", "disallowed"...
  std::string detail;   // the reason, when not ok
  std::optional<PageToSave> page;     // saved in the same transaction
  std::vector<QueuedUrl> discovered;  // queued, unless this crawl has them already
  std::vector<RedirectHop> redirects;
};

// Called with each row of a read, which it may take (move from); an error
// ends the read.
template <typename Row>
using RowVisitor = std::function<Status(Row&)>;

// How a store's file is opened.
enum class Access {
  // Reads and writes; creates and migrates the file as needed. Fails with a
  // message naming the file or folder when either is not writable.
  kReadWrite,
  // SQLite's mode=ro: reads only and sees other processes' commits, but WAL
  // still needs a -shm file beside the database that it can open or create.
  kReadOnly,
  // mode=ro&immutable=1: no locks, no -wal or -shm file, for a database in a
  // read-only folder or filesystem. Changes still in a -wal file are not
  // seen, and the file must not change while open.
  kImmutable,
};

struct OpenOptions {
  bool create_if_missing = true;  // Default: true; kReadWrite only
  int busy_timeout_ms = 10000;    // Default: 10 s waiting for another writer
  // Default: kReadWrite. kReadOnly and kImmutable write nothing, so a file of
  // an older schema is refused (it would need migrating) with a message.
  Access access = Access::kReadWrite;

  // The site a web URL is on, to keep each site's posts its own: a web page
  // never writes a post under another site's URL, and a saved file (a
  // file:// page) never changes a post first read from the web. Default:
  // unset, the URL's host (crawl and import pass the registrable domain).
  // "{}" so aggregate initialisers may leave it out.
  std::function<std::string(std::string_view url)> site_of{};
};

class Store {
 public:
  virtual ~Store() = default;

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
  Result<std::vector<StoredPost>> Posts() { return Collect(&Store::EachPost); }
  Result<std::vector<StoredComment>> Comments() { return Collect(&Store::EachComment); }
  Result<std::vector<StoredTrackback>> Trackbacks() { return Collect(&Store::EachTrackback); }
  Result<std::vector<StoredMention>> Mentions() { return Collect(&Store::EachMention); }
  virtual Result<Counts> Count() = 0;

  // The graph layer. ReplaceGraph swaps in a new derivation in one
  // transaction, writing only what differs from the stored one. A person
  // keeps the id of the stored person with the same key; people new to the
  // store get ids after the highest in use, in the given order (so 1..n in
  // a fresh store); people not given are deleted. Edges are kept in the
  // order GraphWrite gives.
  Status ReplaceGraph(const GraphSnapshot& graph);
  // The same, in parts: graph's people and state now (its edges and
  // authors, if any, as the first batch), the rest through the GraphWrite.
  virtual Result<std::unique_ptr<GraphWrite>> BeginGraphWrite(const GraphSnapshot& graph) = 0;
  virtual Result<GraphState> Graph() = 0;
  // Each* visit the graph a row at a time, as the page reads above do.
  virtual Status EachPerson(const RowVisitor<StoredPerson>& visit) = 0;  // by id
  virtual Status EachEdge(const RowVisitor<StoredEdge>& visit) = 0;      // by from, to, kind
  virtual Status EachAuthor(const RowVisitor<Authorship>& visit) = 0;    // by source URL
  Result<std::vector<StoredPerson>> People() { return Collect(&Store::EachPerson); }
  Result<std::vector<StoredEdge>> Edges() { return Collect(&Store::EachEdge); }
  Result<std::vector<Authorship>> Authors() { return Collect(&Store::EachAuthor); }
  virtual Result<std::optional<StoredPerson>> FindPerson(long long id) = 0;
  // People holding an identity of this kind and normalised value.
  virtual Result<std::vector<long long>> FindPeopleByIdentity(const std::string& kind,
                                                              const std::string& normalised) = 0;
  // Edges from or to the person, by kind then date.
  virtual Result<std::vector<StoredEdge>> EdgesOf(long long person) = 0;
  // The edges between two people, either direction, by kind then date.
  virtual Result<std::vector<StoredEdge>> EdgesBetween(long long a, long long b) = 0;
  // Distinct people joined to the person by an edge of any of the kinds (all
  // kinds when empty), either direction.
  virtual Result<std::vector<long long>> Neighbours(long long person,
                                                    const std::vector<std::string>& kinds = {}) = 0;

  // Kept text reads (TextRead), by source URL.
  virtual Status EachTextRead(const RowVisitor<TextRead>& visit) = 0;
  Result<std::vector<TextRead>> TextReads() { return Collect(&Store::EachTextRead); }
  // In one transaction: adds or replaces `reads` (by source URL) and deletes
  // the reads of the `dropped` source URLs.
  virtual Status KeepTextReads(const std::vector<TextRead>& reads,
                               const std::vector<std::string>& dropped) = 0;

  // The crawl frontier. OpenCrawl continues the newest unfinished crawl with
  // this key (resumed = true, seeds ignored), else starts one (started_at =
  // now) with the seeds queued in order, duplicates once. Unfinished crawls
  // of other keys are left as they are.
  virtual Result<CrawlRun> OpenCrawl(const std::string& key, const std::vector<QueuedUrl>& seeds,
                                     const std::string& now) = 0;
  // Every URL the crawl holds, queued or dealt with: the dealt-with ones
  // first, then the queued ones, each in the order they were queued. `done`
  // tells which is which.
  struct CrawlUrl {
    QueuedUrl url;
    bool done = false;
  };
  virtual Result<std::vector<CrawlUrl>> CrawlUrls(long long crawl) = 0;
  // In one transaction, all or nothing: saves the pages (as SavePages),
  // marks the URLs done (one that was never queued, a redirect target, is
  // added as done), queues what they discovered (a URL is queued once per
  // crawl), stores the redirect hops and the totals. The error names the
  // URL that failed. A finished or unknown crawl is refused.
  virtual Result<SaveOutcome> RecordCrawled(long long crawl, const std::vector<CrawledUrl>& urls,
                                            const CrawlTotals& totals) = 0;
  // Sets finished_at = now, the outcome and the final totals. A finished or
  // unknown crawl is refused.
  virtual Status FinishCrawl(long long crawl, const std::string& outcome, const CrawlTotals& totals,
                             const std::string& now) = 0;
  // The newest crawl, finished or not; nullopt before the first.
  virtual Result<std::optional<CrawlRun>> LastCrawl() = 0;
  // Every stored page's fetch record, by URL: what a new crawl recrawls and
  // the validators (ETag, Last-Modified) it sends.
  virtual Result<std::vector<PageFetch>> PageFetches() = 0;

 private:
  template <typename Row>
  Result<std::vector<Row>> Collect(Status (Store::*each)(const RowVisitor<Row>&)) {
    std::vector<Row> rows;
    Status read = (this->*each)([&](Row& row) -> Status {
      rows.push_back(std::move(row));
      return {};
    });
    if (!read) return read.error();
    return rows;
  }
};

// Opens (creating and migrating as needed) a SQLite store. path ":memory:"
// gives a private in-memory store. Fails with a clear message on a file that
// is not a linkgraph database or comes from a newer linkgraph.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const OpenOptions& options = {});

// Where a store lives, as a user writes it (--db, a config file's `db`): a
// SQLite file's path, plain or as "sqlite:PATH", or ":memory:". A
// "postgresql://" location is recognised and refused (no such backend
// yet), as is any other "scheme://".
struct StoreLocation {
  enum class Backend { kSqlite };
  Backend backend = Backend::kSqlite;
  std::string path;  // the SQLite file, or ":memory:"
};
Result<StoreLocation> ParseStoreLocation(std::string_view location);

// The store at a location ParseStoreLocation accepts, by its backend.
Result<std::unique_ptr<Store>> OpenStore(std::string_view location,
                                         const OpenOptions& options = {});

}  // namespace linkgraph::store
