// The reads every CrawlQueue offers on top of its backend's: whole lists
// collected from the streaming and paged reads.
#include "store/crawl_queue.h"

#include <utility>

namespace linkgraph::store {
namespace {

constexpr size_t kQueuePage = 1000;

}  // namespace

Result<std::vector<CrawlQueue::CrawlUrl>> CrawlQueue::CrawlUrls(long long crawl) {
  std::vector<CrawlUrl> urls;
  Status done = EachDoneUrl(crawl, [&](CrawlUrl& url) -> Status {
    urls.push_back(std::move(url));
    return {};
  });
  if (!done) return done.error();
  long long after = 0;
  while (true) {
    Result<std::vector<CrawlUrl>> page = QueuedUrls(crawl, after, kQueuePage);
    if (!page) return page.error();
    if (page->empty()) return urls;
    after = page->back().position;
    for (CrawlUrl& url : *page) urls.push_back(std::move(url));
  }
}

Result<CrawlQueue::Claim> CrawlQueue::ClaimUrls(long long, const WorkerLease&, size_t) {
  return Error{ErrorCode::kUnsupported,
               "this store keeps one worker per crawl; several workers need PostgreSQL"};
}

Status CrawlQueue::ReleaseLeases(long long, const WorkerLease&) {
  return Error{ErrorCode::kUnsupported,
               "this store keeps one worker per crawl; several workers need PostgreSQL"};
}

Result<std::vector<CrawlQueue::LiveWorker>> CrawlQueue::LiveWorkers(long long) {
  return std::vector<LiveWorker>{};
}

Result<std::vector<PageFetch>> CrawlQueue::PageFetches() {
  return CollectRows(*this, &CrawlQueue::EachPageFetch);
}

}  // namespace linkgraph::store
