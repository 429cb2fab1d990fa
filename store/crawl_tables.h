// Private to store/: the crawl frontier's tables (crawls, crawl_urls,
// redirects). Each call is one transaction of its own; RecordCrawled also
// writes pages through PageWriter in that transaction. Borrows the
// connection and the statement cache of its store; one thread at a time.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/page_writer.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace linkgraph::store {

class PageWriter;

class CrawlTables {
 public:
  CrawlTables(SqlConnection* db, StatementCache* statements, const SiteOf* site_of)
      : db_(*db), statements_(*statements), site_of_(*site_of) {}

  Result<CrawlRun> Open(const std::string& key, const std::vector<QueuedUrl>& seeds,
                        const std::string& now);
  Status EachDone(long long crawl, const RowVisitor<CrawlQueue::CrawlUrl>& visit);
  Result<std::vector<CrawlQueue::CrawlUrl>> Queued(long long crawl, long long after, size_t limit);
  Result<SaveOutcome> Record(long long crawl, const std::vector<CrawledUrl>& urls,
                             const CrawlTotals& totals);
  Status Finish(long long crawl, CrawlOutcome outcome, const CrawlTotals& totals,
                const std::string& now);
  Result<std::optional<CrawlRun>> Last();

 private:
  // Within the caller's transaction.
  Result<CrawlRun> Start(const std::string& key, const std::vector<QueuedUrl>& seeds,
                         const std::string& now);
  Status FillCounts(CrawlRun* run);
  Result<long long> LastSeq(long long crawl);
  // Positions (seq) handed out and not yet used: [next, end).
  struct Positions {
    long long next = 0;
    long long end = 0;
  };
  // The next unique position in the crawl.
  Result<long long> NextSeq(long long crawl, Positions* positions);
  Status Queue(long long crawl, const QueuedUrl& url, long long seq);
  // A crawled URL's page and redirects.
  Status SavePageOf(const CrawledUrl& url, PageWriter* writer, SaveOutcome* outcome);
  // A URL of the crawl marked done (found == nullptr) or queued.
  struct FrontierWrite {
    const CrawledUrl* crawled = nullptr;
    const QueuedUrl* found = nullptr;
    long long seq = 0;
    const std::string& Url() const { return found != nullptr ? found->url : crawled->url; }
  };
  Status WriteFrontier(long long crawl, std::vector<FrontierWrite>* writes);
  // Adds to the totals of an unfinished crawl, and finishes it when now is
  // not "". Refuses a finished or unknown crawl.
  Status AddTotals(long long crawl, const CrawlTotals& totals, const std::string& outcome,
                   const std::string& now);
  // Fails, saying why, unless the crawl exists and is not finished.
  Status CheckUnfinished(long long crawl);

  SqlConnection& db_;
  StatementCache& statements_;
  const SiteOf& site_of_;
};

}  // namespace linkgraph::store
