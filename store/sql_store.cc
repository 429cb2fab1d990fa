// The store over any SqlConnection: SavePages in one transaction, the read
// side and the crawl and graph roles. The write path itself is
// page_writer.cc; the graph and the crawl frontier are graph_tables.cc and
// crawl_tables.cc. Opening a backend (its connection and schema) is the
// backend's: sqlite_store.cc.
#include "store/sql_store.h"

#include <map>
#include <optional>
#include <string>
#include <utility>

#include "store/crawl_tables.h"
#include "store/graph_tables.h"
#include "store/graph_writer.h"
#include "store/keys.h"
#include "store/lease_tables.h"
#include "store/page_writer.h"
#include "store/sql_statement.h"

namespace linkgraph::store {
namespace {

constexpr const char* kSelectPosts =
    "SELECT p.id, p.url, p.title, p.author, p.published, p.text,"
    " COALESCE(s.name, ''), COALESCE(s.url, ''), pg.url, p.first_seen"
    " FROM posts p JOIN pages pg ON pg.id = p.page_id LEFT JOIN sites s ON s.id = p.site_id"
    " ORDER BY p.url";
constexpr const char* kSelectLinksOfPost =
    "SELECT url, text FROM post_links WHERE post_id = ?1 ORDER BY position";
constexpr const char* kSelectComments =
    "SELECT p.url, c.comment_key, c.permalink, c.author, c.author_url, c.published, c.text,"
    " c.parent_key, c.position, c.kind, c.first_seen"
    " FROM comments c JOIN posts p ON p.id = c.post_id"
    " ORDER BY p.url, c.position, c.id";
constexpr const char* kSelectTrackbacks =
    "SELECT p.url, t.trackback_key, t.source_url, t.title, t.published, t.kind, t.first_seen"
    " FROM trackbacks t JOIN posts p ON p.id = t.post_id ORDER BY p.url, t.id";
// The body's mentions first, then each comment's in comment order.
constexpr const char* kSelectMentions =
    "SELECT p.url, m.comment_key, m.handle, m.by_name, COALESCE(c.permalink, '')"
    " FROM mentions m JOIN posts p ON p.id = m.post_id"
    " LEFT JOIN comments c ON c.post_id = m.post_id AND c.comment_key = m.comment_key"
    " ORDER BY p.url, m.comment_key <> '', c.position, m.comment_key, m.id";
#define LINKGRAPH_FETCH_COLUMNS                                                        \
  "url, canonical_url, status, error, http_status, etag, last_modified, content_hash," \
  " fetched_at"
constexpr const char* kSelectPage = "SELECT " LINKGRAPH_FETCH_COLUMNS " FROM pages WHERE url = ?1";
constexpr const char* kSelectPageFetches =
    "SELECT " LINKGRAPH_FETCH_COLUMNS " FROM pages ORDER BY url";
// Each page with what was extracted from it: the posts read from it, and
// their comments, trackbacks and mentions.
constexpr const char* kSelectPageRecords =
    "SELECT " LINKGRAPH_FETCH_COLUMNS
    ","
    " (SELECT count(*) FROM posts p WHERE p.page_id = pages.id),"
    " (SELECT count(*) FROM comments c JOIN posts p ON p.id = c.post_id"
    "   WHERE p.page_id = pages.id AND c.kind = 'comment'),"
    " (SELECT count(*) FROM trackbacks t JOIN posts p ON p.id = t.post_id"
    "   WHERE p.page_id = pages.id),"
    " (SELECT count(*) FROM mentions m JOIN posts p ON p.id = m.post_id"
    "   WHERE p.page_id = pages.id)"
    " FROM pages ORDER BY url";
#undef LINKGRAPH_FETCH_COLUMNS
constexpr const char* kSelectCounts =
    "SELECT (SELECT count(*) FROM sites), (SELECT count(*) FROM pages),"
    " (SELECT count(*) FROM posts), (SELECT count(*) FROM comments WHERE kind = 'comment'),"
    " (SELECT count(*) FROM trackbacks), (SELECT count(*) FROM mentions),"
    " (SELECT count(*) FROM identities), (SELECT COALESCE(max(fetched_at), '') FROM pages)";
constexpr const char* kSelectPageStatuses =
    "SELECT status, count(*) FROM pages GROUP BY status ORDER BY count(*) DESC, status";

constexpr const char* kInsertRun =
    "INSERT INTO runs (started_at, command) VALUES (?1, ?2) ON CONFLICT (started_at) DO NOTHING";
constexpr const char* kSelectRuns = "SELECT started_at, command FROM runs ORDER BY started_at";

constexpr const char* kSelectTextReads =
    "SELECT source_url, fingerprint, payload FROM text_reads ORDER BY source_url";
constexpr const char* kUpsertTextRead =
    "INSERT INTO text_reads (source_url, fingerprint, payload) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (source_url) DO UPDATE SET fingerprint = excluded.fingerprint,"
    " payload = excluded.payload";
constexpr const char* kDeleteTextRead = "DELETE FROM text_reads WHERE source_url = ?1";

PageFetch PageFetchFromRow(const Statement& s) {
  return PageFetch{s.Text(0), s.Text(1), s.Text(2), s.Text(3), static_cast<int>(s.Int(4)),
                   s.Text(5), s.Text(6), s.Text(7), s.Text(8)};
}

class SqlStore final : public Store {
 public:
  SqlStore(std::unique_ptr<SqlConnection> connection, const OpenOptions& options)
      : connection_(std::move(connection)), statements_(db_), site_of_(options.site_of) {}

  Result<SaveOutcome> SavePages(const std::vector<PageToSave>& pages) override;
  Result<std::optional<PageFetch>> FindPage(const std::string& url) override;
  Status EachPost(const RowVisitor<StoredPost>& visit) override;
  Status EachComment(const RowVisitor<StoredComment>& visit) override;
  Status EachTrackback(const RowVisitor<StoredTrackback>& visit) override;
  Status EachMention(const RowVisitor<StoredMention>& visit) override;
  Result<Counts> Count() override;
  Status RecordRun(const RunRecord& run) override;
  Result<std::vector<RunRecord>> Runs() override;

  Status EachThread(const RowVisitor<StoredThread>& visit) override;
  // Post's links, from the prepared kSelectLinksOfPost.
  static Status ReadLinks(Statement& links, long long post_id, Post* post);
  Result<std::unique_ptr<GraphWrite>> BeginGraphWrite(const GraphSnapshot& graph) override {
    return Within("write graph",
                  SqlGraphWrite::Begin(&db_, &statements_, &graph_, &graph_write_busy_, graph));
  }
  Result<GraphState> Graph() override { return Within("read graph state", graph_.State()); }
  Status EachPerson(const RowVisitor<StoredPerson>& visit) override;
  Status EachEdge(const RowVisitor<StoredEdge>& visit) override {
    return Within("read edges", graph_.EachEdge(visit));
  }
  Status EachAuthor(const RowVisitor<Authorship>& visit) override {
    return Within("read authors", graph_.EachAuthor(visit));
  }
  Result<std::optional<StoredPerson>> FindPerson(long long id) override {
    return Within("find person", graph_.FindPerson(id));
  }
  Result<std::vector<long long>> FindPeopleByIdentity(const std::string& kind,
                                                      const std::string& normalised) override {
    return Within("find " + kind + " " + normalised, graph_.FindPeopleByIdentity(kind, normalised));
  }
  Result<std::vector<StoredEdge>> EdgesOf(long long person) override {
    return Within("read edges of a person", graph_.EdgesOf(person));
  }
  Result<std::vector<StoredEdge>> EdgesBetween(long long a, long long b) override {
    return Within("read edges between two people", graph_.EdgesBetween(a, b));
  }
  Result<std::vector<long long>> Neighbours(long long person,
                                            const std::vector<std::string>& kinds) override {
    return Within("read neighbours", graph_.Neighbours(person, kinds));
  }

  Status EachTextRead(const RowVisitor<TextRead>& visit) override;
  Status KeepTextReads(const std::vector<TextRead>& reads,
                       const std::vector<std::string>& dropped) override;

  Result<CrawlRun> OpenCrawl(const std::string& key, const std::vector<QueuedUrl>& seeds,
                             const std::string& now) override {
    return Within("open crawl " + key, crawls_.Open(key, seeds, now));
  }
  Status EachDoneUrl(long long crawl, const RowVisitor<CrawlUrl>& visit) override;
  Result<std::vector<CrawlUrl>> QueuedUrls(long long crawl, long long after,
                                           size_t limit) override {
    return Within("read queued URLs of crawl " + std::to_string(crawl),
                  crawls_.Queued(crawl, after, limit));
  }
  Result<SaveOutcome> RecordCrawled(long long crawl, const std::vector<CrawledUrl>& urls,
                                    const CrawlTotals& totals) override {
    return Within("record crawled URLs", crawls_.Record(crawl, urls, totals));
  }
  Status FinishCrawl(long long crawl, CrawlOutcome outcome, const CrawlTotals& totals,
                     const std::string& now) override;
  Result<std::optional<CrawlRun>> LastCrawl() override {
    return Within("read last crawl", crawls_.Last());
  }
  Status EachPageFetch(const RowVisitor<PageFetch>& visit) override;
  Status EachPageRecord(const RowVisitor<PageRecord>& visit) override;
  bool SharesCrawls() const override { return db_.Dialect() == SqlDialect::kPostgres; }
  Result<Claim> ClaimUrls(long long crawl, const WorkerLease& lease, size_t limit) override {
    if (!SharesCrawls()) return CrawlQueue::ClaimUrls(crawl, lease, limit);
    return Within("claim URLs of crawl " + std::to_string(crawl) + " for " + lease.worker,
                  leases_.Claim(crawl, lease, limit));
  }
  Result<std::vector<LiveWorker>> LiveWorkers(long long crawl) override {
    if (!SharesCrawls()) return CrawlQueue::LiveWorkers(crawl);
    return Within("read the workers of crawl " + std::to_string(crawl), leases_.Live(crawl));
  }
  Status ReleaseLeases(long long crawl, const WorkerLease& lease) override {
    if (!SharesCrawls()) return CrawlQueue::ReleaseLeases(crawl, lease);
    return Within("release the leases of " + lease.worker, leases_.Release(crawl, lease));
  }

 private:
  template <typename T>
  static Result<T> Within(const std::string& context, Result<T> result) {
    if (!result) return result.error().WithContext(context);
    return result;
  }
  static Status Within(const std::string& context, Status status) {
    if (!status) return status.error().WithContext(context);
    return status;
  }

  std::unique_ptr<SqlConnection> connection_;
  SqlConnection& db_ = *connection_;
  StatementCache statements_;  // after db_, so finalized before it closes
  SiteOf site_of_;
  GraphTables graph_{&db_, &statements_};
  bool graph_write_busy_ = false;  // a SqlGraphWrite lives
  CrawlTables crawls_{&db_, &statements_, &site_of_};
  LeaseTables leases_{&db_, &statements_};
};

Status SqlStore::EachDoneUrl(long long crawl, const RowVisitor<CrawlUrl>& visit) {
  if (Status read = crawls_.EachDone(crawl, visit); !read) {
    return read.error().WithContext("read done URLs of crawl " + std::to_string(crawl));
  }
  return {};
}

Status SqlStore::FinishCrawl(long long crawl, CrawlOutcome outcome, const CrawlTotals& totals,
                             const std::string& now) {
  if (Status finished = crawls_.Finish(crawl, outcome, totals, now); !finished) {
    return finished.error().WithContext("finish crawl " + std::to_string(crawl));
  }
  return {};
}

Status SqlStore::EachTextRead(const RowVisitor<TextRead>& visit) {
  Status read = ForEachRow(db_, kSelectTextReads, [&](const Statement& s) -> Status {
    TextRead row{s.Text(0), s.Text(1), s.Text(2)};
    return visit(row);
  });
  if (!read) return read.error().WithContext("read text reads");
  return {};
}

Status SqlStore::KeepTextReads(const std::vector<TextRead>& reads,
                               const std::vector<std::string>& dropped) {
  if (reads.empty() && dropped.empty()) return {};
  Result<Transaction> transaction = Transaction::BeginWrite(db_);
  if (!transaction) return transaction.error().WithContext("keep text reads");
  Result<ScopedStatement> upsert = statements_.Get(kUpsertTextRead);
  if (!upsert) return upsert.error().WithContext("keep text reads");
  for (const TextRead& read : reads) {
    (*upsert)->BindAll(read.source_url, read.fingerprint, read.payload);
    if (Status kept = (*upsert)->Run(); !kept) {
      return kept.error().WithContext("keep the text read of " + read.source_url);
    }
    (*upsert)->Reset();
  }
  Result<ScopedStatement> remove = statements_.Get(kDeleteTextRead);
  if (!remove) return remove.error().WithContext("keep text reads");
  for (const std::string& url : dropped) {
    (*remove)->BindAll(url);
    if (Status removed = (*remove)->Run(); !removed) {
      return removed.error().WithContext("drop the text read of " + url);
    }
    (*remove)->Reset();
  }
  if (Status committed = transaction->Commit(); !committed) {
    return committed.error().WithContext("keep text reads");
  }
  return {};
}

Status SqlStore::RecordRun(const RunRecord& run) {
  Status noted = RunCached(statements_, kInsertRun, run.started_at, ToString(run.command));
  if (!noted) return noted.error().WithContext("note the run");
  return {};
}

Result<std::vector<RunRecord>> SqlStore::Runs() {
  std::vector<RunRecord> runs;
  Status read = ForEachRow(db_, kSelectRuns, [&](const Statement& s) {
    runs.push_back(RunRecord{s.Text(0), s.Text(1) == ToString(RunCommand::kImport)
                                            ? RunCommand::kImport
                                            : RunCommand::kCrawl});
  });
  if (!read) return read.error().WithContext("read runs");
  return runs;
}

Result<SaveOutcome> SqlStore::SavePages(const std::vector<PageToSave>& pages) {
  SaveOutcome outcome;
  if (pages.empty()) return outcome;
  Result<Transaction> transaction = Transaction::BeginWrite(db_);
  if (!transaction) return transaction.error().WithContext("save pages");
  PageWriter writer(&statements_, &site_of_);
  for (const PageToSave& page : pages) {
    // Returning before Commit() rolls the whole batch back.
    if (Status saved = writer.Save(page, &outcome); !saved) {
      return saved.error().WithContext("save page " + page.fetch.url);
    }
  }
  if (Status finished = writer.Finish(); !finished) {
    return finished.error().WithContext("save pages");
  }
  if (Status committed = transaction->Commit(); !committed) {
    return committed.error().WithContext("save pages");
  }
  return outcome;
}

Result<std::optional<PageFetch>> SqlStore::FindPage(const std::string& url) {
  Result<Statement> query = Statement::Prepare(db_, kSelectPage);
  if (!query) return query.error().WithContext("find page " + url);
  Result<bool> row = query->Bind(1, url).Step();
  if (!row) return row.error().WithContext("find page " + url);
  if (!*row) return std::optional<PageFetch>();
  return std::optional<PageFetch>(PageFetchFromRow(*query));
}

Status SqlStore::EachPageFetch(const RowVisitor<PageFetch>& visit) {
  Status read = ForEachRow(db_, kSelectPageFetches, [&](const Statement& s) -> Status {
    PageFetch fetch = PageFetchFromRow(s);
    return visit(fetch);
  });
  if (!read) return read.error().WithContext("read page fetches");
  return {};
}

Status SqlStore::EachPageRecord(const RowVisitor<PageRecord>& visit) {
  Status read = ForEachRow(db_, kSelectPageRecords, [&](const Statement& s) -> Status {
    PageRecord record{PageFetchFromRow(s), s.Int(9), s.Int(10), s.Int(11), s.Int(12)};
    return visit(record);
  });
  if (!read) return read.error().WithContext("read pages");
  return {};
}

namespace {

// Rows of the read queries as the structs they stand for.
StoredPost PostFromRow(const Statement& s) {
  return StoredPost{
      Post{s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5), {}, s.Text(6), s.Text(7)},
      s.Text(8), s.Text(9)};
}

StoredComment CommentFromRow(const Statement& s) {
  return StoredComment{s.Text(0),
                       Comment{s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5), s.Text(6),
                               s.Text(7), static_cast<int>(s.Int(8)), s.Text(9)},
                       s.Text(10)};
}

StoredTrackback TrackbackFromRow(const Statement& s) {
  LinkbackKind kind = s.Text(5) == ToString(LinkbackKind::kPingback) ? LinkbackKind::kPingback
                                                                     : LinkbackKind::kTrackback;
  return StoredTrackback{s.Text(0),
                         Trackback{TrackbackIdOf(s.Text(1)), s.Text(2), s.Text(3), s.Text(4), kind},
                         s.Text(6)};
}

StoredMention MentionFromRow(const Statement& s) {
  StoredMention stored;
  stored.post_url = s.Text(0);
  stored.mention.comment_id = s.Text(1);
  stored.mention.handle = s.Text(2);
  stored.mention.by = s.Text(3);
  const bool in_comment = !stored.mention.comment_id.empty();
  stored.mention.in = in_comment ? MentionPlace::kComment : MentionPlace::kPost;
  // A comment without a permalink still stands on its post's page.
  std::string permalink = s.Text(4);
  stored.source_url = in_comment && !permalink.empty() ? permalink : stored.post_url;
  return stored;
}

// One of the queries EachThread steps side by side, all ordered by post URL
// (column 0) first.
class PostOrderedRows {
 public:
  explicit PostOrderedRows(Statement query) : query_(std::move(query)) {}
  Status Start() { return Advance(); }
  // Calls take(row) for each row of post_url, and steps past them.
  template <typename Take>
  Status TakeRowsOf(const std::string& post_url, Take take) {
    while (has_row_ && query_.Text(0) == post_url) {
      take(query_);
      if (Status stepped = Advance(); !stepped) return stepped;
    }
    return {};
  }

 private:
  Status Advance() {
    Result<bool> row = query_.Step();
    if (!row) return row.error();
    has_row_ = *row;
    return {};
  }
  Statement query_;
  bool has_row_ = false;
};

}  // namespace

Status SqlStore::ReadLinks(Statement& links, long long post_id, Post* post) {
  links.Reset();
  links.BindAll(post_id);
  return EachRow(links, [&](const Statement& s) {
    post->links.push_back(Link{s.Text(0), s.Text(1)});
  });
}

Status SqlStore::EachPost(const RowVisitor<StoredPost>& visit) {
  // Posts and their links from one snapshot.
  Result<Transaction> snapshot = Transaction::BeginRead(db_);
  if (!snapshot) return snapshot.error().WithContext("read posts");
  Result<ScopedStatement> links = statements_.Get(kSelectLinksOfPost);
  if (!links) return links.error().WithContext("read post links");
  Status read = ForEachRow(db_, kSelectPosts, [&](const Statement& s) -> Status {
    StoredPost stored = PostFromRow(s);
    if (Status linked = ReadLinks(**links, s.Int(0), &stored.post); !linked) {
      return linked.error().WithContext("read post links");
    }
    return visit(stored);
  });
  if (!read) return read.error().WithContext("read posts");
  if (Status ended = snapshot->Commit(); !ended) return ended.error().WithContext("read posts");
  return {};
}

Status SqlStore::EachPerson(const RowVisitor<StoredPerson>& visit) {
  // People and their identities from one snapshot.
  Result<Transaction> snapshot = Transaction::BeginRead(db_);
  if (!snapshot) return snapshot.error().WithContext("read people");
  if (Status read = graph_.EachPerson(visit); !read) return read.error().WithContext("read people");
  if (Status ended = snapshot->Commit(); !ended) return ended.error().WithContext("read people");
  return {};
}

Status SqlStore::EachComment(const RowVisitor<StoredComment>& visit) {
  Status read = ForEachRow(db_, kSelectComments, [&](const Statement& s) -> Status {
    StoredComment stored = CommentFromRow(s);
    return visit(stored);
  });
  if (!read) return read.error().WithContext("read comments");
  return {};
}

Status SqlStore::EachTrackback(const RowVisitor<StoredTrackback>& visit) {
  Status read = ForEachRow(db_, kSelectTrackbacks, [&](const Statement& s) -> Status {
    StoredTrackback stored = TrackbackFromRow(s);
    return visit(stored);
  });
  if (!read) return read.error().WithContext("read trackbacks");
  return {};
}

Status SqlStore::EachMention(const RowVisitor<StoredMention>& visit) {
  Status read = ForEachRow(db_, kSelectMentions, [&](const Statement& s) -> Status {
    StoredMention stored = MentionFromRow(s);
    return visit(stored);
  });
  if (!read) return read.error().WithContext("read mentions");
  return {};
}

// The four queries step side by side, a post's rows at a time, and the
// visitor may write (kept text reads). In SQLite, statements running at
// once on one connection read one snapshot without a transaction (which
// would keep the visitor's writes from taking the write lock); PostgreSQL
// streams rows through cursors, which live in a transaction.
Status SqlStore::EachThread(const RowVisitor<StoredThread>& visit) {
  std::optional<Transaction> snapshot;
  if (db_.Dialect() == SqlDialect::kPostgres && !db_.InTransaction()) {
    Result<Transaction> begun = Transaction::BeginRead(db_);
    if (!begun) return begun.error().WithContext("read threads");
    snapshot.emplace(std::move(*begun));
  }
  Result<ScopedStatement> links = statements_.Get(kSelectLinksOfPost);
  if (!links) return links.error().WithContext("read post links");
  std::vector<PostOrderedRows> rows;
  for (const char* sql : {kSelectComments, kSelectTrackbacks, kSelectMentions}) {
    Result<Statement> query = Statement::Prepare(db_, sql);
    if (!query) return query.error().WithContext("read threads");
    rows.emplace_back(std::move(*query));
  }
  Result<Statement> posts = Statement::Prepare(db_, kSelectPosts);
  if (!posts) return posts.error().WithContext("read threads");
  for (PostOrderedRows& table : rows) {
    if (Status started = table.Start(); !started)
      return started.error().WithContext("read threads");
  }
  Status read = EachRow(*posts, [&](const Statement& s) -> Status {
    StoredThread thread;
    thread.post = PostFromRow(s);
    const std::string& url = thread.post.post.url;
    Status taken = ReadLinks(**links, s.Int(0), &thread.post.post);
    if (taken) {
      taken = rows[0].TakeRowsOf(
          url, [&](const Statement& r) { thread.comments.push_back(CommentFromRow(r)); });
    }
    if (taken) {
      taken = rows[1].TakeRowsOf(
          url, [&](const Statement& r) { thread.trackbacks.push_back(TrackbackFromRow(r)); });
    }
    if (taken) {
      taken = rows[2].TakeRowsOf(
          url, [&](const Statement& r) { thread.mentions.push_back(MentionFromRow(r)); });
    }
    if (!taken) return taken;
    return visit(thread);
  });
  if (!read) return read.error().WithContext("read threads");
  if (snapshot) return snapshot->Commit();
  return {};
}

Result<Counts> SqlStore::Count() {
  Counts counts;
  Status read = ForEachRow(db_, kSelectCounts, [&](const Statement& s) {
    counts =
        Counts{s.Int(0), s.Int(1), s.Int(2), s.Int(3), s.Int(4), s.Int(5), s.Int(6), {}, s.Text(7)};
  });
  if (!read) return read.error().WithContext("count");
  read = ForEachRow(db_, kSelectPageStatuses, [&](const Statement& s) {
    counts.pages_by_status.emplace_back(s.Text(0), s.Int(1));
  });
  if (!read) return read.error().WithContext("count");
  return counts;
}

}  // namespace

std::unique_ptr<Store> MakeSqlStore(std::unique_ptr<SqlConnection> connection,
                                    const OpenOptions& options) {
  return std::make_unique<SqlStore>(std::move(connection), options);
}

}  // namespace linkgraph::store
