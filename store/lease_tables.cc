#include "store/lease_tables.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace linkgraph::store {
namespace {

// ?3 below is a duration in milliseconds.
#define LINKGRAPH_AFTER_MS(n) "now() + CAST(?" #n " AS bigint) * interval '1 millisecond'"

constexpr const char* kRenew = "UPDATE crawl_hosts SET lease_until = " LINKGRAPH_AFTER_MS(
    3) " WHERE crawl_id = ?1 AND lease_owner = ?2";
// A host whose every URL is recorded goes back, to wait out the per-host
// delay before the next worker fetches from it.
constexpr const char* kGiveUpFinished =
    "UPDATE crawl_hosts AS h SET lease_owner = '', lease_until = '-infinity',"
    " next_fetch_at = " LINKGRAPH_AFTER_MS(3)
    " WHERE h.crawl_id = ?1 AND h.lease_owner = ?2 AND NOT EXISTS (SELECT 1 FROM crawl_urls AS u"
    " WHERE u.crawl_id = h.crawl_id AND u.host = h.host AND u.done = 0)";
constexpr const char* kHeartbeat =
    "INSERT INTO crawl_workers (crawl_id, worker, alive_until) VALUES (?1, ?2, "
    LINKGRAPH_AFTER_MS(3) ") ON CONFLICT (crawl_id, worker)"
    " DO UPDATE SET alive_until = excluded.alive_until";
// This worker's hosts, the hosts with URLs left, and the live workers: a
// worker takes no more than its even share of the hosts.
constexpr const char* kCountShare =
    "SELECT (SELECT count(*) FROM crawl_hosts WHERE crawl_id = ?1 AND lease_owner = ?2),"
    " (SELECT count(*) FROM crawl_hosts AS h WHERE h.crawl_id = ?1 AND EXISTS (SELECT 1"
    " FROM crawl_urls AS u WHERE u.crawl_id = h.crawl_id AND u.host = h.host AND u.done = 0)),"
    " (SELECT count(*) FROM crawl_workers WHERE crawl_id = ?1 AND alive_until > now())";
constexpr const char* kForgetWorker =
    "DELETE FROM crawl_workers WHERE crawl_id = ?1 AND (worker = ?2 OR alive_until < now())";
// Free or expired hosts with URLs to fetch, oldest due first; rows another
// worker is taking at this moment are skipped, not waited for.
constexpr const char* kTakeHosts =
    "UPDATE crawl_hosts AS h SET lease_owner = ?2, lease_until = " LINKGRAPH_AFTER_MS(3)
    " FROM (SELECT c.crawl_id, c.host FROM crawl_hosts AS c"
    " WHERE c.crawl_id = ?1 AND c.lease_owner <> ?2"
    " AND (c.lease_owner = '' OR c.lease_until < now()) AND c.next_fetch_at <= now()"
    " AND EXISTS (SELECT 1 FROM crawl_urls AS u"
    " WHERE u.crawl_id = c.crawl_id AND u.host = c.host AND u.done = 0)"
    " ORDER BY c.next_fetch_at, c.host LIMIT ?4 FOR UPDATE SKIP LOCKED) AS free"
    " WHERE h.crawl_id = free.crawl_id AND h.host = free.host";
// The claims a dead worker left on hosts now leased to this one.
constexpr const char* kTakeOverClaims =
    "UPDATE crawl_urls SET claimed_by = '' WHERE crawl_id = ?1 AND done = 0"
    " AND claimed_by <> '' AND claimed_by <> ?2 AND host IN"
    " (SELECT host FROM crawl_hosts WHERE crawl_id = ?1 AND lease_owner = ?2)";
// The oldest unclaimed URLs of this worker's hosts, at most ?4 of a host,
// so that a worker holding one busy host still asks for more hosts.
constexpr const char* kClaimUrls =
    "UPDATE crawl_urls AS u SET claimed_by = ?2 FROM (SELECT r.crawl_id, r.url FROM"
    " (SELECT q.crawl_id, q.url, q.seq, row_number() OVER (PARTITION BY q.host ORDER BY q.seq)"
    " AS nth FROM crawl_urls AS q"
    " WHERE q.crawl_id = ?1 AND q.done = 0 AND q.claimed_by = '' AND q.host IN"
    " (SELECT host FROM crawl_hosts WHERE crawl_id = ?1 AND lease_owner = ?2)) AS r"
    " WHERE r.nth <= ?4 ORDER BY r.seq LIMIT ?3) AS picked"
    " WHERE u.crawl_id = picked.crawl_id AND u.url = picked.url"
    " RETURNING u.url, u.kind, u.depth, u.via, u.seq";
constexpr const char* kCountQueued =
    "SELECT count(*) FROM crawl_urls WHERE crawl_id = ?1 AND done = 0";
constexpr const char* kReleaseClaims =
    "UPDATE crawl_urls SET claimed_by = '' WHERE crawl_id = ?1 AND done = 0 AND claimed_by = ?2";
constexpr const char* kReleaseHosts =
    "UPDATE crawl_hosts SET lease_owner = '', lease_until = '-infinity',"
    " next_fetch_at = " LINKGRAPH_AFTER_MS(3) " WHERE crawl_id = ?1 AND lease_owner = ?2";
constexpr const char* kLiveWorkers =
    "SELECT w.worker, (SELECT count(*) FROM crawl_hosts AS h WHERE h.crawl_id = w.crawl_id"
    " AND h.lease_owner = w.worker AND h.lease_until > now())"
    " FROM crawl_workers AS w WHERE w.crawl_id = ?1 AND w.alive_until > now() ORDER BY w.worker";
#undef LINKGRAPH_AFTER_MS

long long Milliseconds(double seconds) {
  return static_cast<long long>(std::llround(std::max(0.0, seconds) * 1000.0));
}

Status Run(StatementCache& statements, const char* sql, long long crawl, const std::string& worker,
           long long milliseconds) {
  Result<ScopedStatement> update = statements.Get(sql);
  if (!update) return update.error();
  return (*update)->BindAll(crawl, worker, milliseconds).Run();
}

}  // namespace

Result<CrawlQueue::Claim> LeaseTables::Claim(long long crawl, const CrawlQueue::WorkerLease& lease,
                                             size_t limit) {
  if (lease.worker.empty()) return Error{ErrorCode::kInvalidArgument, "a worker without a name"};
  Result<Transaction> transaction = Transaction::BeginWrite(db_);
  if (!transaction) return transaction.error();
  if (Status renewed = Renew(crawl, lease); !renewed) return renewed.error();
  CrawlQueue::Claim claim;
  if (limit > 0) {
    if (Status given = GiveUpFinishedHosts(crawl, lease); !given) return given.error();
    if (Status taken = TakeHosts(crawl, lease); !taken) return taken.error();
    if (Status claimed = ClaimUrls(crawl, lease, limit, &claim); !claimed) return claimed.error();
  }
  Result<long long> queued = CountQueued(crawl);
  if (!queued) return queued.error();
  claim.queued = *queued;
  if (Status committed = transaction->Commit(); !committed) return committed.error();
  return claim;
}

Status LeaseTables::Renew(long long crawl, const CrawlQueue::WorkerLease& lease) {
  const long long lease_ms = Milliseconds(lease.lease_seconds);
  if (Status alive = Run(statements_, kHeartbeat, crawl, lease.worker, lease_ms); !alive) {
    return alive;
  }
  return Run(statements_, kRenew, crawl, lease.worker, lease_ms);
}

Status LeaseTables::GiveUpFinishedHosts(long long crawl, const CrawlQueue::WorkerLease& lease) {
  return Run(statements_, kGiveUpFinished, crawl, lease.worker,
             Milliseconds(lease.host_delay_seconds));
}

Status LeaseTables::TakeHosts(long long crawl, const CrawlQueue::WorkerLease& lease) {
  long long leased = 0, with_work = 0, workers = 1;
  {
    Result<ScopedStatement> count = statements_.Get(kCountShare);
    if (!count) return count.error();
    if (Status row = (*count)->BindAll(crawl, lease.worker).StepRow(); !row) return row;
    leased = (*count)->Int(0);
    with_work = (*count)->Int(1);
    workers = std::max(1LL, (*count)->Int(2));
  }
  const long long share = std::max(1LL, (with_work + workers - 1) / workers);
  // One more host per claim at most, so that workers starting together
  // share the hosts rather than the first one taking them all.
  if (leased >= std::min(share, static_cast<long long>(lease.max_hosts))) return {};
  const long long wanted = 1;
  {
    Result<ScopedStatement> take = statements_.Get(kTakeHosts);
    if (!take) return take.error();
    Status taken =
        (*take)->BindAll(crawl, lease.worker, Milliseconds(lease.lease_seconds), wanted).Run();
    if (!taken) return taken;
    if (db_.ChangedRows() == 0) return {};
  }
  Result<ScopedStatement> take_over = statements_.Get(kTakeOverClaims);
  if (!take_over) return take_over.error();
  return (*take_over)->BindAll(crawl, lease.worker).Run();
}

Status LeaseTables::ClaimUrls(long long crawl, const CrawlQueue::WorkerLease& lease, size_t limit,
                              CrawlQueue::Claim* claim) {
  Result<ScopedStatement> query = statements_.Get(kClaimUrls);
  if (!query) return query.error();
  (*query)->BindAll(crawl, lease.worker, static_cast<long long>(limit),
                    static_cast<long long>(std::max<size_t>(1, lease.urls_per_host)));
  Status read = EachRow(**query, [&](const Statement& s) -> Status {
    std::optional<UrlKind> kind = ParseUrlKind(s.Text(1));
    if (!kind) {
      return Error{ErrorCode::kCorrupt, "unknown kind \"" + s.Text(1) + "\" of " + s.Text(0)};
    }
    claim->urls.push_back(CrawlQueue::CrawlUrl{
        QueuedUrl{s.Text(0), *kind, static_cast<int>(s.Int(2)), s.Text(3)}, false, s.Int(4)});
    return {};
  });
  if (!read) return read;
  // RETURNING keeps no order.
  std::sort(claim->urls.begin(), claim->urls.end(),
            [](const CrawlQueue::CrawlUrl& a, const CrawlQueue::CrawlUrl& b) {
              return a.position < b.position;
            });
  return {};
}

Result<long long> LeaseTables::CountQueued(long long crawl) {
  Result<ScopedStatement> count = statements_.Get(kCountQueued);
  if (!count) return count.error();
  if (Status row = (*count)->Bind(1, crawl).StepRow(); !row) return row.error();
  return (*count)->Int(0);
}

Status LeaseTables::Release(long long crawl, const CrawlQueue::WorkerLease& lease) {
  Result<Transaction> transaction = Transaction::BeginWrite(db_);
  if (!transaction) return transaction.error();
  {
    Result<ScopedStatement> claims = statements_.Get(kReleaseClaims);
    if (!claims) return claims.error();
    if (Status released = (*claims)->BindAll(crawl, lease.worker).Run(); !released) {
      return released;
    }
  }
  Status hosts =
      Run(statements_, kReleaseHosts, crawl, lease.worker, Milliseconds(lease.host_delay_seconds));
  if (!hosts) return hosts;
  {
    Result<ScopedStatement> forget = statements_.Get(kForgetWorker);
    if (!forget) return forget.error();
    if (Status gone = (*forget)->BindAll(crawl, lease.worker).Run(); !gone) return gone;
  }
  return transaction->Commit();
}

Result<std::vector<CrawlQueue::LiveWorker>> LeaseTables::Live(long long crawl) {
  Result<Statement> query = Statement::Prepare(db_, kLiveWorkers);
  if (!query) return query.error();
  std::vector<CrawlQueue::LiveWorker> workers;
  Status read = EachRow(query->Bind(1, crawl), [&](const Statement& s) {
    workers.push_back({s.Text(0), s.Int(1)});
  });
  if (!read) return read.error();
  return workers;
}

}  // namespace linkgraph::store
