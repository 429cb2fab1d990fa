// pipeline::Crawl in-process: the bundled sample blog served from memory by
// a fake fetcher into an in-memory store, with a clock that stands still.
// A full crawl, a moved post, recrawls with validators, a stop and its
// resumption, batches and a store that fails, and pages that fail.
#include "pipeline/crawl.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <memory>
#include <set>
#include <stop_token>
#include <string>
#include <vector>

#include "tests/pipeline/fake_fetcher.h"
#include "tests/support/store_wrapper.h"
#include "tests/support/test_paths.h"
#include "tests/support/test_store.h"

namespace linkgraph {
namespace LINKGRAPH_FILE_SCOPE {

using testing::FakeClock;
using testing::FakeFetcher;
using testing::FakeResponse;
using testing::Must;
using testing::ResponseOfStatus;

// The sample blog where its pages say it lives, each page at its file's path.
const std::string kSite = "http://wendytherecruiter.wordpress.com/";
const std::string kHome = kSite + "index.html";
const std::string kFirstPost = kSite + "2009/11/20/why-i-started-blogging/index.html";
const std::string kSecondPost = kSite + "2009/12/06/social-media-from-online-to-offline/index.html";
const std::string kThirdPost = kSite + "2010/03/28/a-weekend-of-underground-restaurants/index.html";
const std::vector<std::string> kPages = {kHome, kFirstPost, kSecondPost, kThirdPost};

std::string SamplePage(const std::string& url) {
  return testing::ReadFile(testing::SourceDir() / "examples/wendy-the-recruiter" /
                           url.substr(kSite.size()));
}

// Each page's ETag: what a recrawl must send back.
std::string ETagOf(const std::string& url) { return "\"v1-" + std::to_string(url.size()) + "\""; }

// A fake fetcher serving the sample blog, every page with its ETag.
std::unique_ptr<FakeFetcher> SampleBlogFetcher() {
  auto fetcher = std::make_unique<FakeFetcher>();
  for (const std::string& url : kPages) {
    FakeResponse page;
    page.etag = ETagOf(url);
    page.body = SamplePage(url);
    fetcher->Serve(url, page);
  }
  return fetcher;
}

pipeline::CrawlConfig SampleConfig() {
  pipeline::CrawlConfig config;
  config.seeds = {kHome};
  // The home page and the posts it lists; not what the posts link to on
  // the live blog (its home, their trackback URLs), which the sample lacks.
  config.limits.max_depth = 1;
  config.extract_threads = 2;
  return config;
}

// Records what the crawl tells; can request a stop once some URLs are recorded.
class Recorder : public pipeline::CrawlObserver {
 public:
  void OnStarted(const pipeline::CrawlStart& start) override { starts.push_back(start); }
  void OnUrlProblem(const std::string& url, const std::string&) override {
    problems.push_back(url);
  }
  void OnUrlDone(const store::CrawledUrl& url) override { done.push_back(url); }
  void OnBatchRecorded(size_t urls, const store::CrawlTotals&) override {
    batches.push_back(urls);
    recorded += urls;
    if (stop_after_recorded > 0 && recorded >= stop_after_recorded) stop.request_stop();
  }
  void OnFinished(const pipeline::CrawlResult&) override { ++finished; }

  const store::CrawledUrl* Done(const std::string& url) const {
    auto found = std::find_if(done.begin(), done.end(),
                              [&](const store::CrawledUrl& crawled) { return crawled.url == url; });
    return found != done.end() ? &*found : nullptr;
  }

  std::vector<pipeline::CrawlStart> starts;
  std::vector<std::string> problems;
  std::vector<store::CrawledUrl> done;
  std::vector<size_t> batches;
  size_t recorded = 0;
  int finished = 0;
  size_t stop_after_recorded = 0;  // 0: never
  std::stop_source stop;
};

std::set<std::string> AsSet(const std::vector<std::string>& urls) {
  return {urls.begin(), urls.end()};
}

store::PageFetch StoredPage(store::Store& store, const std::string& url) {
  std::optional<store::PageFetch> page = Must(store.FindPage(url));
  BOOST_REQUIRE_MESSAGE(page.has_value(), "no page stored for " << url);
  return *page;
}

// The URLs the crawl recorded as done.
std::set<std::string> DoneUrls(store::Store& store, long long crawl) {
  std::set<std::string> done;
  for (const store::Store::CrawlUrl& url : Must(store.CrawlUrls(crawl))) {
    if (url.done) done.insert(url.url.url);
  }
  return done;
}

// Refuses every batch that holds one URL, as a full disk or a broken
// database would, with the store's kind of message.
class StoreRefusingUrl : public testing::StoreWrapper {
 public:
  StoreRefusingUrl(store::Store& inner, std::string url)
      : StoreWrapper(inner), url_(std::move(url)) {}
  Result<store::SaveOutcome> RecordCrawled(long long crawl,
                                           const std::vector<store::CrawledUrl>& urls,
                                           const store::CrawlTotals& totals) override {
    for (const store::CrawledUrl& url : urls) {
      if (url.url == url_) return Error{ErrorCode::kIo, "record " + url_ + ": disk I/O error"};
    }
    return StoreWrapper::RecordCrawled(crawl, urls, totals);
  }

 private:
  std::string url_;
};

// A fresh sample blog, store, clock and observer per case.
struct SampleSite {
  // A crawl of config into the store by the clock, fetched by `by`.
  Result<pipeline::CrawlResult> Crawl(FakeFetcher& by, Recorder& told, std::stop_token stop = {}) {
    return pipeline::Crawl(config, *store, told, std::move(stop), &by, &clock);
  }
  Result<pipeline::CrawlResult> Crawl() { return Crawl(*fetcher, recorder); }

  std::unique_ptr<FakeFetcher> fetcher = SampleBlogFetcher();
  FakeClock clock;
  std::unique_ptr<store::Store> store = testing::OpenMemoryStore();
  pipeline::CrawlConfig config = SampleConfig();
  Recorder recorder;
};

BOOST_FIXTURE_TEST_SUITE(crawl, SampleSite)

BOOST_AUTO_TEST_CASE(outcomes_are_stored_by_their_names) {
  BOOST_TEST(pipeline::CrawlOutcomeName(pipeline::CrawlOutcome::kOk) == "ok");
  BOOST_TEST(pipeline::CrawlOutcomeName(pipeline::CrawlOutcome::kPartial) == "partial");
  BOOST_TEST(pipeline::CrawlOutcomeName(pipeline::CrawlOutcome::kFailed) == "failed");
  BOOST_TEST(pipeline::CrawlOutcomeName(pipeline::CrawlOutcome::kStopped) == "stopped");
}

BOOST_AUTO_TEST_CASE(seeds_are_canonical_and_each_once_and_a_non_url_is_refused) {
  std::vector<std::string> seeds =
      Must(pipeline::CanonicalSeeds({"HTTP://Blog.Example/a#top", "http://blog.example/a"}));
  BOOST_TEST(seeds == std::vector<std::string>{"http://blog.example/a"},
             boost::test_tools::per_element());
  Result<std::vector<std::string>> refused = pipeline::CanonicalSeeds({"ftp://x/"});
  BOOST_REQUIRE(!refused.ok());
  BOOST_TEST(refused.error().message == "\"ftp://x/\" is not an http(s) or file URL");
}

BOOST_AUTO_TEST_CASE(a_small_site_is_crawled_fully_and_its_posts_and_comments_stored) {
  pipeline::CrawlResult result = Must(Crawl());

  BOOST_TEST((result.outcome == pipeline::CrawlOutcome::kOk));
  BOOST_TEST(result.totals.fetched == 4);
  BOOST_TEST(result.totals.failed == 0);
  BOOST_TEST(result.saved.pages_new == 4);
  BOOST_TEST(result.saved.posts_new == 3);
  BOOST_TEST(result.saved.comments_new > 0);
  BOOST_TEST(result.totals.new_comments == result.saved.comments_new);
  BOOST_TEST(result.graph.derived);
  // Each page fetched once, though the pages link to each other.
  const std::vector<std::string> answered = fetcher->AnsweredUrls();
  BOOST_TEST(answered.size() == 4u);
  BOOST_TEST((AsSet(answered) == AsSet(kPages)));
  for (const std::string& url : kPages) {
    store::PageFetch page = StoredPage(*store, url);
    BOOST_TEST(page.status == "ok");
    BOOST_TEST(page.fetched_at == "2024-03-01T00:00:00Z");  // the crawl's clock
  }
  store::Counts counts = Must(store->Count());
  BOOST_TEST(counts.posts == 3);
  BOOST_TEST(counts.comments == result.saved.comments_new);
  std::optional<store::CrawlRun> run = Must(store->LastCrawl());
  BOOST_REQUIRE(run.has_value());
  BOOST_TEST((run->outcome == CrawlOutcome::kOk));
  BOOST_TEST(run->finished_at == "2024-03-01T00:00:00Z");
  BOOST_TEST(run->totals.fetched == 4);
  BOOST_REQUIRE(recorder.starts.size() == 1u);
  BOOST_TEST(!recorder.starts[0].resumed);
  BOOST_TEST(recorder.finished == 1);
  BOOST_TEST(recorder.problems.empty());
}

BOOST_AUTO_TEST_CASE(a_moved_post_is_recorded_as_a_redirect_hop_and_stored_at_its_target) {
  const std::string moved_to = kSite + "2009/11/20/why-i-started-blogging/";
  FakeResponse moved = ResponseOfStatus(301);
  moved.location = moved_to;
  fetcher->Serve(kFirstPost, moved);
  FakeResponse post;
  post.body = SamplePage(kFirstPost);
  fetcher->Serve(moved_to, post);
  pipeline::CrawlResult result = Must(Crawl());

  BOOST_TEST((result.outcome == pipeline::CrawlOutcome::kOk));
  const store::CrawledUrl* hop = recorder.Done(kFirstPost);
  BOOST_REQUIRE(hop != nullptr);
  BOOST_TEST(hop->outcome == "redirected");
  BOOST_TEST(!hop->page.has_value());
  BOOST_REQUIRE(hop->redirects.size() == 1u);
  BOOST_TEST(hop->redirects[0].from == kFirstPost);
  BOOST_TEST(hop->redirects[0].to == moved_to);
  BOOST_TEST(hop->redirects[0].http_status == 301);
  BOOST_REQUIRE(hop->discovered.size() == 1u);
  BOOST_TEST(hop->discovered[0].url == moved_to);
  BOOST_TEST(!Must(store->FindPage(kFirstPost)).has_value());
  BOOST_TEST(StoredPage(*store, moved_to).status == "ok");
  BOOST_TEST(DoneUrls(*store, result.start.crawl_id).count(moved_to) == 1u);
  BOOST_TEST(Must(store->Count()).posts == 3);
}

BOOST_AUTO_TEST_CASE(a_recrawl_sends_the_stored_validators_and_a_304_costs_no_extraction) {
  Must(Crawl());
  auto again = SampleBlogFetcher();
  clock.Advance(std::chrono::seconds(60));
  config.recrawl_after_seconds = 0;
  Recorder told;
  pipeline::CrawlResult result = Must(Crawl(*again, told));

  BOOST_TEST((result.outcome == pipeline::CrawlOutcome::kOk));
  BOOST_TEST(!result.start.resumed);  // the first crawl finished: a new one
  BOOST_TEST(result.totals.not_modified == 4);
  BOOST_TEST(result.totals.fetched == 0);
  BOOST_TEST(result.saved.pages_new + result.saved.pages_changed == 0);
  BOOST_TEST(result.saved.comments_new == 0);
  BOOST_TEST(!result.graph.derived);
  const std::vector<crawler::FetchRequest> requests = again->Answered();
  BOOST_TEST(requests.size() == 4u);
  for (const crawler::FetchRequest& request : requests) {
    BOOST_TEST(request.etag == ETagOf(request.url));
  }
  BOOST_REQUIRE(told.done.size() == 4u);
  for (const store::CrawledUrl& url : told.done) {
    BOOST_TEST(url.outcome == "not_modified");
    BOOST_REQUIRE(url.page.has_value());
    BOOST_TEST(!url.page->extracted.has_value());  // nothing read, nothing rewritten
  }
  // The fetch is refreshed by the crawl's clock.
  BOOST_TEST(StoredPage(*store, kSecondPost).fetched_at == "2024-03-01T00:01:00Z");
}

BOOST_AUTO_TEST_CASE(pages_fetched_within_recrawl_after_are_left_alone_until_they_are_due) {
  config.recrawl_after_seconds = 3600;
  Must(Crawl());

  // Half an hour on, only the seed is asked for again (seeds always are).
  clock.Advance(std::chrono::minutes(30));
  auto soon = SampleBlogFetcher();
  Recorder second;
  pipeline::CrawlResult early = Must(Crawl(*soon, second));
  BOOST_TEST(soon->AnsweredUrls() == std::vector<std::string>{kHome},
             boost::test_tools::per_element());
  BOOST_TEST(early.totals.not_modified == 1);

  // Two hours on, every page is due.
  clock.Advance(std::chrono::minutes(90));
  auto later = SampleBlogFetcher();
  Recorder third;
  pipeline::CrawlResult due = Must(Crawl(*later, third));
  BOOST_TEST((AsSet(later->AnsweredUrls()) == AsSet(kPages)));
  BOOST_TEST(due.totals.not_modified == 4);
}

BOOST_AUTO_TEST_CASE(a_stopped_crawl_resumes_without_fetching_again_what_it_recorded) {
  // Two posts never answer, so the stop finds them in flight.
  fetcher->Hold(kSecondPost);
  fetcher->Hold(kThirdPost);
  config.batch_urls = 1;
  recorder.stop_after_recorded = 2;
  pipeline::CrawlResult stopped = Must(Crawl(*fetcher, recorder, recorder.stop.get_token()));

  BOOST_TEST((stopped.outcome == pipeline::CrawlOutcome::kStopped));
  BOOST_TEST(recorder.finished == 0);
  BOOST_TEST(!stopped.graph.derived);
  std::optional<store::CrawlRun> run = Must(store->LastCrawl());
  BOOST_REQUIRE(run.has_value());
  BOOST_TEST(run->finished_at.empty());  // left unfinished, to be resumed
  const std::set<std::string> recorded = DoneUrls(*store, stopped.start.crawl_id);
  BOOST_TEST((recorded == std::set<std::string>{kHome, kFirstPost}));

  auto again = SampleBlogFetcher();
  Recorder told;
  pipeline::CrawlResult resumed = Must(Crawl(*again, told));
  BOOST_TEST((resumed.outcome == pipeline::CrawlOutcome::kOk));
  BOOST_TEST(resumed.start.resumed);
  BOOST_TEST(resumed.start.crawl_id == stopped.start.crawl_id);
  BOOST_TEST(resumed.start.done == 2);
  const std::vector<std::string> refetched = again->AnsweredUrls();
  BOOST_TEST(refetched.size() == 2u);
  BOOST_TEST((AsSet(refetched) == std::set<std::string>{kSecondPost, kThirdPost}));
  BOOST_TEST(resumed.totals.fetched == 4);  // the stopped run's two included
  BOOST_TEST(Must(store->Count()).posts == 3);
  BOOST_TEST((Must(store->LastCrawl())->outcome == CrawlOutcome::kOk));
}

BOOST_AUTO_TEST_CASE(finished_urls_are_recorded_in_batches_as_the_crawl_goes) {
  config.batch_urls = 1;
  pipeline::CrawlResult result = Must(Crawl());
  BOOST_TEST((result.outcome == pipeline::CrawlOutcome::kOk));
  BOOST_TEST(recorder.batches == std::vector<size_t>(4, 1), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_clock_that_stands_still_records_one_batch_of_fewer_urls_at_the_end) {
  Must(Crawl());  // 50 URLs to a batch
  BOOST_TEST(recorder.batches == std::vector<size_t>{4}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_store_error_ends_the_crawl_naming_the_url_and_keeps_earlier_batches) {
  StoreRefusingUrl refusing(*store, kSecondPost);
  config.batch_urls = 1;
  Result<pipeline::CrawlResult> failed =
      pipeline::Crawl(config, refusing, recorder, {}, fetcher.get(), &clock);

  BOOST_REQUIRE(!failed.ok());
  BOOST_TEST(failed.error().message.find(kSecondPost) != std::string::npos);
  BOOST_TEST(recorder.finished == 0);
  // The home page's batch went first, before its links were fetched.
  BOOST_TEST(StoredPage(*store, kHome).status == "ok");
  BOOST_TEST(!Must(store->FindPage(kSecondPost)).has_value());
  std::optional<store::CrawlRun> run = Must(store->LastCrawl());
  BOOST_REQUIRE(run.has_value());
  BOOST_TEST(run->finished_at.empty());

  // The same crawl on a store that works picks up what was not recorded.
  auto again = SampleBlogFetcher();
  Recorder told;
  pipeline::CrawlResult resumed = Must(Crawl(*again, told));
  BOOST_TEST(resumed.start.resumed);
  const std::vector<std::string> refetched = again->AnsweredUrls();
  BOOST_TEST((std::count(refetched.begin(), refetched.end(), kSecondPost) == 1));
  BOOST_TEST((std::count(refetched.begin(), refetched.end(), kHome) == 0));
  BOOST_TEST(StoredPage(*store, kSecondPost).status == "ok");
}

BOOST_AUTO_TEST_CASE(a_404_and_a_network_error_count_as_failed_and_make_the_crawl_partial) {
  fetcher->Serve(kFirstPost, ResponseOfStatus(404));
  fetcher->Serve(kThirdPost, ResponseOfStatus(0));
  pipeline::CrawlResult result = Must(Crawl());

  BOOST_TEST((result.outcome == pipeline::CrawlOutcome::kPartial));
  BOOST_TEST(result.totals.fetched == 2);
  BOOST_TEST(result.totals.failed == 2);
  BOOST_TEST((AsSet(recorder.problems) == std::set<std::string>{kFirstPost, kThirdPost}));
  BOOST_TEST(StoredPage(*store, kFirstPost).status == "http_404");
  BOOST_TEST(StoredPage(*store, kThirdPost).status == "network_error");
  BOOST_TEST(StoredPage(*store, kSecondPost).status == "ok");
  BOOST_TEST((Must(store->LastCrawl())->outcome == CrawlOutcome::kPartial));
}

BOOST_AUTO_TEST_CASE(a_crawl_that_fetches_nothing_has_failed) {
  FakeFetcher nothing_there;  // every URL a 404, the seed too
  pipeline::CrawlResult result = Must(Crawl(nothing_there, recorder));
  BOOST_TEST((result.outcome == pipeline::CrawlOutcome::kFailed));
  BOOST_TEST((Must(store->LastCrawl())->outcome == CrawlOutcome::kFailed));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph
