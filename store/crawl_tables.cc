#include "store/crawl_tables.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "common/clock.h"
#include "store/page_writer.h"

namespace linkgraph::store {
namespace {

#define LINKGRAPH_CRAWL_COLUMNS                                                               \
  "id, key, started_at, finished_at, outcome, fetched, not_modified, failed, skipped, bytes," \
  " new_comments, new_mentions"
constexpr const char* kFindUnfinished =
    "SELECT " LINKGRAPH_CRAWL_COLUMNS
    " FROM crawls WHERE key = ?1 AND finished_at = '' ORDER BY id DESC LIMIT 1";
constexpr const char* kSelectLast =
    "SELECT " LINKGRAPH_CRAWL_COLUMNS " FROM crawls ORDER BY id DESC LIMIT 1";
#undef LINKGRAPH_CRAWL_COLUMNS
constexpr const char* kInsertCrawl =
    "INSERT INTO crawls (key, started_at) VALUES (?1, ?2) RETURNING id";
constexpr const char* kCrawlFinishedAt = "SELECT finished_at FROM crawls WHERE id = ?1";
// Only an unfinished crawl takes totals, as increments so that workers
// recording into one crawl add up; ?9 and ?10 stay '' until it ends.
constexpr const char* kAddTotals =
    "UPDATE crawls SET fetched = fetched + ?2, not_modified = not_modified + ?3,"
    " failed = failed + ?4, skipped = skipped + ?5, bytes = bytes + ?6,"
    " new_comments = new_comments + ?7, new_mentions = new_mentions + ?8,"
    " finished_at = ?9, outcome = ?10 WHERE id = ?1 AND finished_at = ''";
// Crawls are opened one at a time, so that workers starting together join
// one crawl rather than each starting its own.
constexpr const char* kLockCrawlOpen = "SELECT pg_advisory_xact_lock(7236093436245871208)";
// PostgreSQL hands out positions in blocks of kSeqBlock from a sequence
// shared by every worker, so positions stay unique in a crawl when workers
// record side by side; SQLite, one writer at a time, counts on from the
// crawl's largest.
constexpr const char* kNextSeqBlock = "SELECT nextval('crawl_url_positions')";
constexpr long long kSeqBlock = 1LL << 20;

constexpr const char* kCountUrls =
    "SELECT count(*) FILTER (WHERE done = 0), count(*) FILTER (WHERE done = 1)"
    " FROM crawl_urls WHERE crawl_id = ?1";
// Two probes of crawl_urls_queue (one per done value) rather than a scan of
// every URL of the crawl, since this runs once per RecordCrawled.
constexpr const char* kLastSeq =
    "SELECT COALESCE(max(last), 0) FROM"
    " (SELECT (SELECT max(seq) FROM crawl_urls WHERE crawl_id = ?1 AND done = 0) AS last"
    " UNION ALL SELECT (SELECT max(seq) FROM crawl_urls WHERE crawl_id = ?1 AND done = 1))"
    " AS probes";
// Both read crawl_urls_queue in order, so a page of the queue costs its rows.
constexpr const char* kSelectDoneUrls =
    "SELECT url, kind, depth, via, seq FROM crawl_urls WHERE crawl_id = ?1 AND done = 1"
    " ORDER BY seq";
constexpr const char* kSelectQueuedUrls =
    "SELECT url, kind, depth, via, seq FROM crawl_urls WHERE crawl_id = ?1 AND done = 0"
    " AND seq > ?2 ORDER BY seq LIMIT ?3";
// A URL is queued once per crawl: later finds of it change nothing, but
// that a URL still waiting as a page and found as a feed, sitemap or REST
// comments (crawler.h's KindStrength) waits as that from then on.
constexpr const char* kQueueUrl =
    "INSERT INTO crawl_urls (crawl_id, url, kind, depth, via, seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    " ON CONFLICT (crawl_id, url) DO UPDATE SET kind = excluded.kind, via = excluded.via"
    " WHERE crawl_urls.done = 0 AND crawl_urls.kind = 'page' AND excluded.kind <> 'page'";
// A URL dealt with without being queued (a redirect target) is added as a
// done page; its seq, like a conflicting insert's, is simply left unused.
constexpr const char* kMarkDone =
    "INSERT INTO crawl_urls (crawl_id, url, kind, seq, done, outcome, detail)"
    " VALUES (?1, ?2, 'page', ?3, 1, ?4, ?5)"
    " ON CONFLICT (crawl_id, url) DO UPDATE SET done = 1, outcome = excluded.outcome,"
    " detail = excluded.detail";
// seen_at is the fetch time of the page the hops led to, else the clock's.
constexpr const char* kUpsertRedirect =
    "INSERT INTO redirects (from_url, to_url, http_status, seen_at)"
    " VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (from_url) DO UPDATE SET to_url = excluded.to_url,"
    " http_status = excluded.http_status, seen_at = excluded.seen_at";

CrawlRun RunFromRow(const Statement& s) {
  CrawlRun run;
  run.id = s.Int(0);
  run.key = s.Text(1);
  run.started_at = s.Text(2);
  run.finished_at = s.Text(3);
  run.outcome = ParseCrawlOutcome(s.Text(4));
  run.totals = CrawlTotals{s.Int(5), s.Int(6), s.Int(7), s.Int(8), s.Int(9), s.Int(10), s.Int(11)};
  return run;
}

Error Invalid(std::string message) {
  return Error{ErrorCode::kInvalidArgument, std::move(message)};
}

// A row of kSelectDoneUrls or kSelectQueuedUrls.
Result<CrawlQueue::CrawlUrl> CrawlUrlFromRow(const Statement& s, bool done) {
  std::optional<UrlKind> kind = ParseUrlKind(s.Text(1));
  if (!kind) return Invalid("unknown kind \"" + s.Text(1) + "\" of " + s.Text(0));
  return CrawlQueue::CrawlUrl{QueuedUrl{s.Text(0), *kind, static_cast<int>(s.Int(2)), s.Text(3)},
                              done, s.Int(4)};
}

}  // namespace

Result<CrawlRun> CrawlTables::Open(const std::string& key, const std::vector<QueuedUrl>& seeds,
                                   const std::string& now) {
  if (now.empty()) return Invalid("no start time");
  Result<Transaction> transaction = Transaction::BeginWrite(db_);
  if (!transaction) return transaction.error();
  if (db_.Dialect() == SqlDialect::kPostgres) {
    if (Status locked = db_.Exec(kLockCrawlOpen); !locked) return locked.error();
  }
  std::optional<CrawlRun> found;
  {
    Result<ScopedStatement> find = statements_.Get(kFindUnfinished);
    if (!find) return find.error();
    Result<bool> row = (*find)->Bind(1, key).Step();
    if (!row) return row.error();
    if (*row) found = RunFromRow(**find);
  }
  Result<CrawlRun> run = found ? Result<CrawlRun>(std::move(*found)) : Start(key, seeds, now);
  if (!run) return run.error();
  run->resumed = found.has_value();
  if (Status counted = FillCounts(&*run); !counted) return counted.error();
  if (Status committed = transaction->Commit(); !committed) return committed.error();
  return run;
}

Result<CrawlRun> CrawlTables::Start(const std::string& key, const std::vector<QueuedUrl>& seeds,
                                    const std::string& now) {
  CrawlRun run;
  run.key = key;
  run.started_at = now;
  {
    Result<ScopedStatement> insert = statements_.Get(kInsertCrawl);
    if (!insert) return insert.error();
    if (Status row = (*insert)->BindAll(key, now).StepRow(); !row) return row.error();
    run.id = (*insert)->Int(0);
  }
  Positions positions;
  for (const QueuedUrl& seed : seeds) {
    Result<long long> seq = NextSeq(run.id, &positions);
    if (!seq) return seq.error();
    if (Status queued = Queue(run.id, seed, *seq); !queued) {
      return queued.error().WithContext("queue seed " + seed.url);
    }
  }
  return run;
}

Result<long long> CrawlTables::NextSeq(long long crawl, Positions* positions) {
  if (positions->next < positions->end) return positions->next++;
  if (db_.Dialect() == SqlDialect::kSqlite) {
    Result<long long> last = LastSeq(crawl);
    if (!last) return last.error();
    *positions = {*last + 1, std::numeric_limits<long long>::max()};
    return positions->next++;
  }
  Result<ScopedStatement> block = statements_.Get(kNextSeqBlock);
  if (!block) return block.error();
  if (Status row = (*block)->StepRow(); !row) return row.error();
  const long long first = (*block)->Int(0);
  *positions = {first, first + kSeqBlock};
  return positions->next++;
}

Status CrawlTables::FillCounts(CrawlRun* run) {
  Result<ScopedStatement> count = statements_.Get(kCountUrls);
  if (!count) return count.error();
  if (Status row = (*count)->Bind(1, run->id).StepRow(); !row) return row;
  run->queued = (*count)->Int(0);
  run->done = (*count)->Int(1);
  return {};
}

Result<long long> CrawlTables::LastSeq(long long crawl) {
  Result<ScopedStatement> query = statements_.Get(kLastSeq);
  if (!query) return query.error();
  if (Status row = (*query)->Bind(1, crawl).StepRow(); !row) return row.error();
  return (*query)->Int(0);
}

Status CrawlTables::Queue(long long crawl, const QueuedUrl& url, long long seq) {
  if (url.url.empty()) return Invalid("a URL to queue is empty");
  Result<ScopedStatement> insert = statements_.Get(kQueueUrl);
  if (!insert) return insert.error();
  return (*insert)->BindAll(crawl, url.url, UrlKindName(url.kind), url.depth, url.via, seq).Run();
}

Status CrawlTables::EachDone(long long crawl, const RowVisitor<CrawlQueue::CrawlUrl>& visit) {
  // Every URL of the crawl: read a batch at a time, so not a cached statement.
  Result<Statement> query = Statement::Prepare(db_, kSelectDoneUrls);
  if (!query) return query.error();
  return EachRow(query->Bind(1, crawl), [&](const Statement& s) -> Status {
    Result<CrawlQueue::CrawlUrl> url = CrawlUrlFromRow(s, true);
    if (!url) return url.error();
    return visit(*url);
  });
}

Result<std::vector<CrawlQueue::CrawlUrl>> CrawlTables::Queued(long long crawl, long long after,
                                                              size_t limit) {
  Result<ScopedStatement> query = statements_.Get(kSelectQueuedUrls);
  if (!query) return query.error();
  std::vector<CrawlQueue::CrawlUrl> urls;
  (*query)->BindAll(crawl, after, static_cast<long long>(limit));
  Status read = EachRow(**query, [&](const Statement& s) -> Status {
    Result<CrawlQueue::CrawlUrl> url = CrawlUrlFromRow(s, false);
    if (!url) return url.error();
    urls.push_back(std::move(*url));
    return {};
  });
  if (!read) return read.error();
  return urls;
}

Result<SaveOutcome> CrawlTables::Record(long long crawl, const std::vector<CrawledUrl>& urls,
                                        const CrawlTotals& totals) {
  Result<Transaction> transaction = Transaction::BeginWrite(db_);
  if (!transaction) return transaction.error();
  // A finished or unknown crawl is refused before any work.
  if (Status open = CheckUnfinished(crawl); !open) return open.error();
  // Returning before Commit() rolls the whole call back. Rows several
  // workers may write are written in one order by every transaction (the
  // frontier's by URL, then identities, the pages version, the totals), so
  // that workers recording side by side wait for each other but never
  // deadlock.
  SaveOutcome outcome;
  PageWriter writer(&statements_, &site_of_);
  std::vector<FrontierWrite> frontier;
  Positions positions;
  for (const CrawledUrl& url : urls) {
    if (Status saved = SavePageOf(url, &writer, &outcome); !saved) {
      return saved.error().WithContext("record " + url.url);
    }
    // Positions in the order URLs were dealt with and found.
    Result<long long> seq = NextSeq(crawl, &positions);
    if (!seq) return seq.error();
    frontier.push_back({&url, nullptr, *seq});
    for (const QueuedUrl& found : url.discovered) {
      seq = NextSeq(crawl, &positions);
      if (!seq) return seq.error();
      frontier.push_back({&url, &found, *seq});
    }
  }
  if (Status written = WriteFrontier(crawl, &frontier); !written) return written.error();
  if (Status finished = writer.Finish(); !finished) return finished.error();
  CrawlTotals added = totals;
  added.new_comments += outcome.comments_new;
  added.new_mentions += outcome.mentions_new;
  if (Status written = AddTotals(crawl, added, "", ""); !written) return written.error();
  if (Status committed = transaction->Commit(); !committed) return committed.error();
  return outcome;
}

Status CrawlTables::SavePageOf(const CrawledUrl& url, PageWriter* writer, SaveOutcome* outcome) {
  if (url.url.empty()) return Invalid("a crawled URL is empty");
  if (url.page) {
    if (Status saved = writer->Save(*url.page, outcome); !saved) {
      return saved.error().WithContext("save page " + url.page->fetch.url);
    }
  }
  std::string seen_at = url.page ? url.page->fetch.fetched_at : std::string();
  if (seen_at.empty()) seen_at = NowIso8601Utc();
  for (const RedirectHop& hop : url.redirects) {
    Result<ScopedStatement> upsert = statements_.Get(kUpsertRedirect);
    if (!upsert) return upsert.error();
    Status stored = (*upsert)->BindAll(hop.from, hop.to, hop.http_status, seen_at).Run();
    if (!stored) return stored.error().WithContext("redirect " + hop.from);
  }
  return {};
}

Status CrawlTables::WriteFrontier(long long crawl, std::vector<FrontierWrite>* writes) {
  // By URL; one URL's writes keep the order they were made in.
  std::stable_sort(
      writes->begin(), writes->end(),
      [](const FrontierWrite& a, const FrontierWrite& b) { return a.Url() < b.Url(); });
  for (const FrontierWrite& write : *writes) {
    if (write.found != nullptr) {
      if (Status queued = Queue(crawl, *write.found, write.seq); !queued) {
        return queued.error().WithContext("record " + write.crawled->url + ": queue " +
                                          write.found->url);
      }
      continue;
    }
    Result<ScopedStatement> mark = statements_.Get(kMarkDone);
    if (!mark) return mark.error();
    const CrawledUrl& url = *write.crawled;
    Status marked = (*mark)->BindAll(crawl, url.url, write.seq, url.outcome, url.detail).Run();
    if (!marked) return marked.error().WithContext("record " + url.url + ": mark done");
  }
  return {};
}

Status CrawlTables::Finish(long long crawl, CrawlOutcome outcome, const CrawlTotals& totals,
                           const std::string& now) {
  if (now.empty()) return Invalid("no finish time");
  Result<Transaction> transaction = Transaction::BeginWrite(db_);
  if (!transaction) return transaction.error();
  if (Status written = AddTotals(crawl, totals, CrawlOutcomeName(outcome), now); !written) {
    return written;
  }
  return transaction->Commit();
}

Status CrawlTables::AddTotals(long long crawl, const CrawlTotals& totals,
                              const std::string& outcome, const std::string& now) {
  {
    Result<ScopedStatement> update = statements_.Get(kAddTotals);
    if (!update) return update.error();
    Status written =
        (*update)
            ->BindAll(crawl, totals.fetched, totals.not_modified, totals.failed, totals.skipped,
                      totals.bytes, totals.new_comments, totals.new_mentions, now, outcome)
            .Run();
    if (!written) return written;
    if (db_.ChangedRows() == 1) return {};
  }
  // Nothing updated: say why.
  Status open = CheckUnfinished(crawl);
  if (!open) return open;
  return Error{ErrorCode::kInternal, "crawl " + std::to_string(crawl) + ": totals not written"};
}

Status CrawlTables::CheckUnfinished(long long crawl) {
  Result<ScopedStatement> query = statements_.Get(kCrawlFinishedAt);
  if (!query) return query.error();
  Result<bool> row = (*query)->Bind(1, crawl).Step();
  if (!row) return row.error();
  const std::string id = "crawl " + std::to_string(crawl);
  if (!*row) return Error{ErrorCode::kNotFound, "no " + id};
  const std::string finished_at = (*query)->Text(0);
  if (finished_at.empty()) return {};
  return Invalid(id + " already finished at " + finished_at);
}

Result<std::optional<CrawlRun>> CrawlTables::Last() {
  Result<Transaction> snapshot = Transaction::BeginRead(db_);
  if (!snapshot) return snapshot.error();
  std::optional<CrawlRun> run;
  {
    Result<ScopedStatement> query = statements_.Get(kSelectLast);
    if (!query) return query.error();
    Result<bool> row = (*query)->Step();
    if (!row) return row.error();
    if (*row) run = RunFromRow(**query);
  }
  if (run) {
    if (Status counted = FillCounts(&*run); !counted) return counted.error();
  }
  if (Status ended = snapshot->Commit(); !ended) return ended.error();
  return run;
}

}  // namespace linkgraph::store
