// Private to store/: host leases and URL claims of crawls shared by several
// workers (crawl_queue.h's ClaimUrls), on PostgreSQL's crawl_hosts table and
// crawl_urls' host and claimed_by columns. Each call is one transaction.
#pragma once

#include <cstddef>
#include <vector>

#include "common/result.h"
#include "store/crawl_queue.h"
#include "store/sql_statement.h"

namespace linkgraph::store {

class LeaseTables {
 public:
  LeaseTables(SqlConnection* db, StatementCache* statements) : db_(*db), statements_(*statements) {}

  Result<CrawlQueue::Claim> Claim(long long crawl, const CrawlQueue::WorkerLease& lease,
                                  size_t limit);
  Status Release(long long crawl, const CrawlQueue::WorkerLease& lease);
  Result<std::vector<CrawlQueue::LiveWorker>> Live(long long crawl);

 private:
  // Within the caller's transaction.
  Status Renew(long long crawl, const CrawlQueue::WorkerLease& lease);
  Status GiveUpFinishedHosts(long long crawl, const CrawlQueue::WorkerLease& lease);
  Status TakeHosts(long long crawl, const CrawlQueue::WorkerLease& lease);
  Status ClaimUrls(long long crawl, const CrawlQueue::WorkerLease& lease, size_t limit,
                   CrawlQueue::Claim* claim);
  Result<long long> CountQueued(long long crawl);

  SqlConnection& db_;
  StatementCache& statements_;
};

}  // namespace linkgraph::store
