// Several workers on one crawl (crawl_queue.h's ClaimUrls): hosts leased to
// one worker at a time, claims that no second worker gets, and leases that
// expire or are given back. Each worker is a store of its own on one
// PostgreSQL schema, as two processes would be.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/store.h"
#include "tests/store/pg_test_schema.h"
#include "tests/store/pg_test_server.h"
#include "tests/store/store_fixtures.h"

namespace linkgraph::store_test {
namespace LINKGRAPH_FILE_SCOPE {

using store::CrawlQueue;

constexpr char kNow[] = "2024-03-01T10:00:00Z";
constexpr char kHostA[] = "http://a.example/";
constexpr char kHostB[] = "http://b.example/";

CrawlQueue::WorkerLease Worker(const std::string& name, double lease_seconds = 60) {
  CrawlQueue::WorkerLease lease;
  lease.worker = name;
  lease.lease_seconds = lease_seconds;
  lease.max_hosts = 4;
  lease.urls_per_host = 100;
  return lease;
}

std::set<std::string> Urls(const CrawlQueue::Claim& claim) {
  std::set<std::string> urls;
  for (const CrawlQueue::CrawlUrl& url : claim.urls) urls.insert(url.url.url);
  return urls;
}

std::string HostOf(const std::string& url) { return url.substr(0, url.find('/', 8) + 1); }

// Two workers' stores on one fresh schema, and a crawl of two hosts with
// two URLs each.
class TwoWorkers {
 public:
  TwoWorkers()
      : schema_(*TestPostgresUri()),
        first_(Must(store::OpenStore(schema_.Uri()))),
        second_(Must(store::OpenStore(schema_.Uri()))) {
    std::vector<store::QueuedUrl> seeds;
    for (const char* host : {kHostA, kHostB}) {
      seeds.push_back({host, UrlKind::kPage, 0, ""});
      seeds.push_back({std::string(host) + "about/", UrlKind::kPage, 1, host});
    }
    crawl_ = Must(first_->OpenCrawl("key", seeds, kNow)).id;
  }
  store::Store& first() { return *first_; }
  store::Store& second() { return *second_; }
  long long crawl() const { return crawl_; }

  // Records a URL as fetched by a worker.
  void Record(store::Store& worker, const std::string& url) {
    store::CrawledUrl crawled;
    crawled.url = url;
    crawled.outcome = "ok";
    Must(worker.RecordCrawled(crawl_, {crawled}, {}));
  }

 private:
  PostgresTestSchema schema_;
  std::unique_ptr<store::Store> first_;
  std::unique_ptr<store::Store> second_;
  long long crawl_ = 0;
};

BOOST_AUTO_TEST_SUITE(crawl_leases)

BOOST_AUTO_TEST_CASE(a_sqlite_store_keeps_one_worker_per_crawl) {
  auto db = Must(store::OpenStore(":memory:"));
  BOOST_TEST(!db->SharesCrawls());
  const long long crawl = Must(db->OpenCrawl("key", {{kHostA, UrlKind::kPage, 0, ""}}, kNow)).id;
  auto claim = db->ClaimUrls(crawl, Worker("w1"), 10);
  BOOST_REQUIRE(!claim.ok());
  BOOST_TEST(claim.error().message.find("PostgreSQL") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(workers_share_the_hosts_and_never_get_the_same_url,
                     *boost::unit_test::precondition(PostgresAvailable{})) {
  TwoWorkers crawl;
  BOOST_TEST(crawl.first().SharesCrawls());
  // Both workers are alive before either claims, so each takes its share.
  Must(crawl.first().ClaimUrls(crawl.crawl(), Worker("w1"), 0));
  Must(crawl.second().ClaimUrls(crawl.crawl(), Worker("w2"), 0));
  CrawlQueue::Claim one = Must(crawl.first().ClaimUrls(crawl.crawl(), Worker("w1"), 10));
  CrawlQueue::Claim two = Must(crawl.second().ClaimUrls(crawl.crawl(), Worker("w2"), 10));
  BOOST_REQUIRE_EQUAL(one.urls.size(), 2u);
  BOOST_REQUIRE_EQUAL(two.urls.size(), 2u);
  BOOST_TEST(one.queued == 4);
  // One host each, whole, in queue order.
  BOOST_TEST(HostOf(one.urls[0].url.url) == HostOf(one.urls[1].url.url));
  BOOST_TEST(HostOf(two.urls[0].url.url) == HostOf(two.urls[1].url.url));
  BOOST_TEST(HostOf(one.urls[0].url.url) != HostOf(two.urls[0].url.url));
  BOOST_TEST(one.urls[0].position < one.urls[1].position);
  // Claimed URLs are not handed out again, to either worker.
  BOOST_TEST(Must(crawl.first().ClaimUrls(crawl.crawl(), Worker("w1"), 10)).urls.empty());
  BOOST_TEST(Must(crawl.second().ClaimUrls(crawl.crawl(), Worker("w2"), 10)).urls.empty());

  // Recorded, the crawl has nothing left, and totals from both add up.
  for (const auto& url : one.urls) crawl.Record(crawl.first(), url.url.url);
  for (const auto& url : two.urls) crawl.Record(crawl.second(), url.url.url);
  BOOST_TEST(Must(crawl.first().ClaimUrls(crawl.crawl(), Worker("w1"), 10)).queued == 0);
}

BOOST_AUTO_TEST_CASE(an_expired_lease_hands_the_host_and_its_unrecorded_claims_on,
                     *boost::unit_test::precondition(PostgresAvailable{})) {
  TwoWorkers crawl;
  // w1, alone, takes both hosts (one per claim) and claims every URL,
  // records one, then dies: its leases are never renewed.
  const CrawlQueue::WorkerLease dying = Worker("w1", 0.2);
  std::set<std::string> claimed;
  for (int i = 0; i < 3; ++i) {
    for (const std::string& url : Urls(Must(crawl.first().ClaimUrls(crawl.crawl(), dying, 10)))) {
      claimed.insert(url);
    }
  }
  BOOST_TEST(claimed.size() == 4u);
  const std::string recorded = *claimed.begin();
  crawl.Record(crawl.first(), recorded);

  // While the lease lives, w2 gets nothing.
  BOOST_TEST(Must(crawl.second().ClaimUrls(crawl.crawl(), Worker("w2"), 10)).urls.empty());
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  // Expired: w2 takes the hosts one per claim, with w1's unrecorded claims.
  std::set<std::string> taken;
  for (int i = 0; i < 4; ++i) {
    for (const std::string& url :
         Urls(Must(crawl.second().ClaimUrls(crawl.crawl(), Worker("w2"), 10)))) {
      BOOST_TEST(taken.insert(url).second);
    }
  }
  BOOST_TEST(taken.size() == 3u);
  BOOST_TEST(taken.count(recorded) == 0u);
}

BOOST_AUTO_TEST_CASE(released_leases_go_to_the_next_worker_at_once,
                     *boost::unit_test::precondition(PostgresAvailable{})) {
  TwoWorkers crawl;
  const CrawlQueue::WorkerLease w1 = Worker("w1");
  size_t claimed = 0;
  for (int i = 0; i < 3; ++i)
    claimed += Must(crawl.first().ClaimUrls(crawl.crawl(), w1, 10)).urls.size();
  BOOST_TEST(claimed == 4u);
  BOOST_TEST(Must(crawl.second().ClaimUrls(crawl.crawl(), Worker("w2"), 10)).urls.empty());
  MustOk(crawl.first().ReleaseLeases(crawl.crawl(), w1));
  size_t taken = 0;
  for (int i = 0; i < 3; ++i) {
    taken += Must(crawl.second().ClaimUrls(crawl.crawl(), Worker("w2"), 10)).urls.size();
  }
  BOOST_TEST(taken == 4u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::store_test
