// The crawl frontier in the store: queuing, recording a batch all or
// nothing, resuming a killed crawl, redirects, the validators a new crawl
// sends, and the migration of a version 2 file.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <map>
#include <string>
#include <vector>

#include "store/schema.h"
#include "store/store.h"
#include "tests/store/store_fixtures.h"
#include "tests/support/test_paths.h"

namespace linkgraph::store_test {
namespace LINKGRAPH_FILE_SCOPE {

using linkgraph::testing::TempDir;
using store::CrawledUrl;
using store::CrawlTotals;
using store::QueuedUrl;

constexpr const char* kNow = "2024-03-01T10:00:00Z";
constexpr const char* kLater = "2024-03-01T11:00:00Z";
constexpr const char* kHome = "https://wendy.example/";
constexpr const char* kAbout = "https://wendy.example/about/";
constexpr const char* kSitemap = "https://wendy.example/sitemap.xml";

std::string DbPath(const TempDir& dir) { return (dir.path() / "linkgraph.db").string(); }

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

QueuedUrl Link(const std::string& url, int depth, const std::string& via = "") {
  return QueuedUrl{url, UrlKind::kPage, depth, via};
}

std::vector<QueuedUrl> Seeds() {
  return {Link(kHome, 0), QueuedUrl{kSitemap, UrlKind::kSitemap, 0, ""}, Link(kHome, 0)};
}

CrawledUrl Crawled(const std::string& url, std::vector<QueuedUrl> discovered = {}) {
  CrawledUrl crawled;
  crawled.url = url;
  crawled.outcome = "ok";
  crawled.page = PlainPage(url, "ok", "hash-" + url);
  crawled.discovered = std::move(discovered);
  return crawled;
}

// The URLs of a crawl as "url" (queued) or "url done", in CrawlUrls order.
std::vector<std::string> Listed(store::Store& db, long long crawl) {
  std::vector<std::string> listed;
  for (const store::Store::CrawlUrl& url : Must(db.CrawlUrls(crawl))) {
    listed.push_back(url.url.url + (url.done ? " done" : ""));
  }
  return listed;
}

using Strings = std::vector<std::string>;

BOOST_AUTO_TEST_SUITE(crawl_tables)

BOOST_AUTO_TEST_CASE(new_crawl_queues_its_seeds_in_order_once) {
  auto db = OpenMemoryStore();
  BOOST_TEST(!Must(db->LastCrawl()).has_value());
  store::CrawlRun run = Must(db->OpenCrawl("seeds:wendy", Seeds(), kNow));
  BOOST_TEST(run.id > 0);
  BOOST_TEST(!run.resumed);
  BOOST_TEST(run.key == "seeds:wendy");
  BOOST_TEST(run.started_at == kNow);
  BOOST_TEST(run.finished_at.empty());
  BOOST_TEST(run.queued == 2);
  BOOST_TEST(run.done == 0);

  auto urls = Must(db->CrawlUrls(run.id));
  BOOST_REQUIRE_EQUAL(urls.size(), 2u);
  BOOST_TEST(urls[0].url.url == kHome);
  BOOST_TEST(urls[1].url.url == kSitemap);
  BOOST_TEST(UrlKindName(urls[1].url.kind) == "sitemap");
  BOOST_TEST(!urls[0].done);

  auto last = Must(db->LastCrawl());
  BOOST_REQUIRE(last.has_value());
  BOOST_TEST(last->id == run.id);
  BOOST_TEST(last->queued == 2);
}

BOOST_AUTO_TEST_CASE(url_is_queued_once_per_crawl_with_its_first_depth) {
  auto db = OpenMemoryStore();
  const long long crawl = Must(db->OpenCrawl("k", Seeds(), kNow)).id;
  Must(db->RecordCrawled(crawl,
                         {Crawled(kHome, {Link(kAbout, 1, kHome), Link(kSitemap, 1, kHome),
                                          Link(kAbout, 1, kHome), Link(kPostUrl, 1, kHome)})},
                         {}));
  // Found again, from deeper: already queued, so nothing changes.
  Must(
      db->RecordCrawled(crawl, {Crawled(kAbout, {Link(kPostUrl, 2, kAbout), Link(kHome, 2)})}, {}));

  BOOST_TEST(Listed(*db, crawl) == (Strings{std::string(kHome) + " done",
                                            std::string(kAbout) + " done", kSitemap, kPostUrl}),
             boost::test_tools::per_element());
  auto urls = Must(db->CrawlUrls(crawl));
  BOOST_TEST(urls.back().url.depth == 1);
  BOOST_TEST(urls.back().url.via == kHome);
  BOOST_TEST(UrlKindName(urls[2].url.kind) == "sitemap");  // the seed's kind, not the link's
}

BOOST_AUTO_TEST_CASE(a_waiting_page_found_as_a_feed_waits_as_the_feed) {
  auto db = OpenMemoryStore();
  const long long crawl = Must(db->OpenCrawl("k", Seeds(), kNow)).id;
  const std::string feed = "https://wendy.example/feed/";
  Must(db->RecordCrawled(crawl, {Crawled(kHome, {Link(feed, 1, kHome), Link(kAbout, 1, kHome)})},
                         {}));
  // The frontier retyped the waiting page: the store keeps the new kind, so
  // a resumed crawl reads it as a feed; a done URL and weaker kinds change nothing.
  Must(db->RecordCrawled(crawl,
                         {Crawled(kAbout, {QueuedUrl{feed, UrlKind::kFeed, 1, kHome},
                                           QueuedUrl{kAbout, UrlKind::kFeed, 1, kHome},
                                           QueuedUrl{kSitemap, UrlKind::kPage, 1, kHome}})},
                         {}));
  std::map<std::string, std::string_view> kinds;
  for (const store::Store::CrawlUrl& url : Must(db->CrawlUrls(crawl))) {
    kinds[url.url.url] = UrlKindName(url.url.kind);
  }
  BOOST_TEST(kinds[feed] == "feed");
  BOOST_TEST(kinds[kAbout] == "page");
  BOOST_TEST(kinds[kSitemap] == "sitemap");
}

BOOST_AUTO_TEST_CASE(record_saves_pages_marks_done_and_adds_totals) {
  auto db = OpenMemoryStore();
  const long long crawl = Must(db->OpenCrawl("k", {Link(kPostUrl, 0)}, kNow)).id;
  CrawledUrl post;
  post.url = kPostUrl;
  post.outcome = "ok";
  post.page = PostPage();
  post.discovered = {Link("https://mervyn.example/blog/", 1, kPostUrl)};
  CrawledUrl missing{"https://wendy.example/gone/", "http_404", "HTTP 404", {}, {}, {}};
  // New comments and mentions are the store's to count: 2 and 3 below.
  const CrawlTotals totals{2, 0, 1, 0, 5000, 0, 0};

  store::SaveOutcome outcome = Must(db->RecordCrawled(crawl, {post, missing}, totals));
  BOOST_TEST(outcome.pages_new == 1);
  BOOST_TEST(outcome.posts_new == 1);
  BOOST_TEST(outcome.comments_new == 2);
  BOOST_TEST(outcome.mentions_new == 3);
  CheckCounts(Must(db->Count()), FixtureCounts());

  auto urls = Must(db->CrawlUrls(crawl));
  BOOST_REQUIRE_EQUAL(urls.size(), 3u);
  BOOST_TEST(urls[0].url.url == kPostUrl);
  BOOST_TEST(urls[0].done);
  BOOST_TEST(urls[1].url.url == "https://wendy.example/gone/");  // not queued, added as done
  BOOST_TEST(urls[1].done);
  BOOST_TEST(!urls[2].done);

  auto last = Must(db->LastCrawl());
  BOOST_REQUIRE(last.has_value());
  BOOST_TEST(last->totals.fetched == 2);
  BOOST_TEST(last->totals.failed == 1);
  BOOST_TEST(last->totals.bytes == 5000);
  BOOST_TEST(last->totals.new_comments == 2);
  BOOST_TEST(last->totals.new_mentions == 3);
  BOOST_TEST(last->queued == 1);
  BOOST_TEST(last->done == 2);

  // Recording the same page again in the same crawl saves nothing new; the
  // totals given are added, as from a second worker.
  BOOST_TEST(Must(db->RecordCrawled(crawl, {post}, totals)).pages_unchanged == 1);
  last = Must(db->LastCrawl());
  BOOST_TEST(last->totals.fetched == 4);
  BOOST_TEST(last->totals.bytes == 10000);
  BOOST_TEST(last->totals.new_comments == 2);
}

BOOST_AUTO_TEST_CASE(failed_record_keeps_nothing_of_the_call) {
  TempDir dir;
  auto db = Must(store::OpenSqliteStore(DbPath(dir)));
  const std::string failing = "https://wendy.example/2010/01/fails/";
  const long long crawl =
      Must(db->OpenCrawl("k", {Link(kHome, 0), Link(kPostUrl, 0), Link(failing, 0)}, kNow)).id;
  // Another connection plants a fault: the third page cannot be saved.
  RawDatabase raw(DbPath(dir));
  raw.Exec("CREATE TRIGGER fail_one_page BEFORE INSERT ON pages WHEN NEW.url = '" + failing +
           "' BEGIN SELECT RAISE(ABORT, 'forced failure'); END");

  CrawledUrl post = Crawled(kPostUrl, {Link(kAbout, 1, kPostUrl)});
  post.page = PostPage();
  post.redirects = {{"http://wendy.example/2009/12/underground/", kPostUrl, 301}};
  const std::vector<CrawledUrl> batch = {Crawled(kHome, {Link(kSitemap, 1, kHome)}), post,
                                         Crawled(failing)};
  auto recorded = db->RecordCrawled(crawl, batch, CrawlTotals{3, 0, 0, 0, 900, 2, 3});
  BOOST_REQUIRE(!recorded.ok());
  BOOST_TEST(Contains(recorded.error().message, "record " + failing + ": "));
  BOOST_TEST(Contains(recorded.error().message, "forced failure"));

  BOOST_TEST(Must(db->Count()).pages == 0);
  BOOST_TEST(Must(db->Count()).comments == 0);
  BOOST_TEST(Listed(*db, crawl) == (Strings{kHome, kPostUrl, failing}),
             boost::test_tools::per_element());
  BOOST_TEST(raw.QueryInt("SELECT count(*) FROM redirects") == 0);
  BOOST_TEST(Must(db->LastCrawl())->totals.fetched == 0);

  // Once the fault is gone the same call goes through.
  raw.Exec("DROP TRIGGER fail_one_page");
  BOOST_TEST(Must(db->RecordCrawled(crawl, batch, CrawlTotals{3, 0, 0, 0, 900, 2, 3})).pages_new ==
             3);
  BOOST_TEST(Must(db->LastCrawl())->done == 3);
  BOOST_TEST(Must(db->LastCrawl())->queued == 2);
}

BOOST_AUTO_TEST_CASE(bad_discovered_url_fails_the_call_naming_the_url) {
  auto db = OpenMemoryStore();
  const long long crawl = Must(db->OpenCrawl("k", {Link(kHome, 0)}, kNow)).id;
  auto recorded = db->RecordCrawled(
      crawl, {Crawled(kHome, {QueuedUrl{"", UrlKind::kPage, 1, kHome}})}, CrawlTotals{1});
  BOOST_REQUIRE(!recorded.ok());
  BOOST_TEST(Contains(recorded.error().message,
                      std::string("record crawled URLs: record ") + kHome + ": queue "));
  BOOST_TEST(Contains(recorded.error().message, "a URL to queue is empty"));
  BOOST_TEST(Must(db->Count()).pages == 0);
  BOOST_TEST(Listed(*db, crawl) == Strings{kHome}, boost::test_tools::per_element());
  BOOST_TEST(Must(db->LastCrawl())->totals.fetched == 0);
}

// The "kill": a child process records a batch and dies by SIGKILL, with its
// connection open and its WAL not checkpointed.
BOOST_AUTO_TEST_CASE(killed_crawl_resumes_with_its_queue_minus_what_was_done) {
  TempDir dir;
  const std::string path = DbPath(dir);
  const pid_t child = fork();
  BOOST_REQUIRE(child >= 0);
  if (child == 0) {
    // No Boost.Test here: this process only reports by how it ends.
    auto db = store::OpenSqliteStore(path);
    if (!db) _exit(2);
    auto run = (*db)->OpenCrawl("k", Seeds(), kNow);
    if (!run) _exit(3);
    auto recorded = (*db)->RecordCrawled(
        run->id, {Crawled(kHome, {Link(kAbout, 1, kHome), Link(kPostUrl, 1, kHome)})},
        CrawlTotals{1, 0, 0, 0, 100, 0, 0});
    if (!recorded) _exit(4);
    raise(SIGKILL);
    _exit(5);
  }
  int status = 0;
  BOOST_REQUIRE(waitpid(child, &status, 0) == child);
  BOOST_REQUIRE_MESSAGE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
                        "child ended with status " << status);

  auto db = Must(store::OpenSqliteStore(path));
  auto last = Must(db->LastCrawl());
  BOOST_REQUIRE(last.has_value());
  BOOST_TEST(last->finished_at.empty());  // shown as unfinished

  store::CrawlRun run = Must(db->OpenCrawl("k", {Link("https://ignored.example/", 0)}, kLater));
  BOOST_TEST(run.resumed);
  BOOST_TEST(run.id == last->id);
  BOOST_TEST(run.started_at == kNow);
  BOOST_TEST(run.totals.fetched == 1);
  BOOST_TEST(run.totals.bytes == 100);
  BOOST_TEST(run.done == 1);
  BOOST_TEST(run.queued == 3);
  BOOST_TEST(
      Listed(*db, run.id) == (Strings{std::string(kHome) + " done", kSitemap, kAbout, kPostUrl}),
      boost::test_tools::per_element());
  BOOST_TEST(Must(db->FindPage(kHome)).has_value());
}

BOOST_AUTO_TEST_CASE(finished_crawl_is_not_resumed) {
  auto db = OpenMemoryStore();
  const long long first = Must(db->OpenCrawl("k", {Link(kHome, 0)}, kNow)).id;
  Must(db->RecordCrawled(first, {Crawled(kHome, {Link(kAbout, 1, kHome)})}, {}));
  const CrawlTotals totals{1, 0, 0, 0, 42, 0, 0};
  BOOST_REQUIRE(db->FinishCrawl(first, CrawlOutcome::kPartial, totals, kLater).ok());

  auto finished = Must(db->LastCrawl());
  BOOST_REQUIRE(finished.has_value());
  BOOST_TEST(finished->finished_at == kLater);
  BOOST_TEST((finished->outcome == CrawlOutcome::kPartial));
  BOOST_TEST(finished->totals.bytes == 42);

  store::CrawlRun second = Must(db->OpenCrawl("k", {Link(kHome, 0)}, kLater));
  BOOST_TEST(!second.resumed);
  BOOST_TEST(second.id != first);
  BOOST_TEST(second.totals.fetched == 0);
  BOOST_TEST(Listed(*db, second.id) == Strings{kHome}, boost::test_tools::per_element());
  BOOST_TEST(Must(db->LastCrawl())->id == second.id);
}

BOOST_AUTO_TEST_CASE(unfinished_crawl_of_another_key_is_left_alone) {
  auto db = OpenMemoryStore();
  const long long a = Must(db->OpenCrawl("a", {Link(kHome, 0)}, kNow)).id;
  store::CrawlRun b = Must(db->OpenCrawl("b", {Link(kAbout, 0)}, kLater));
  BOOST_TEST(!b.resumed);
  BOOST_TEST(b.id != a);
  BOOST_TEST(Listed(*db, b.id) == Strings{kAbout}, boost::test_tools::per_element());
  store::CrawlRun again = Must(db->OpenCrawl("a", {}, kLater));
  BOOST_TEST(again.resumed);
  BOOST_TEST(again.id == a);
  BOOST_TEST(Must(db->LastCrawl())->id == b.id);  // the newest, though unfinished
}

BOOST_AUTO_TEST_CASE(finished_or_unknown_crawl_refuses_more) {
  auto db = OpenMemoryStore();
  const long long crawl = Must(db->OpenCrawl("k", {Link(kHome, 0)}, kNow)).id;
  BOOST_REQUIRE(db->FinishCrawl(crawl, CrawlOutcome::kOk, {}, kLater).ok());

  auto recorded = db->RecordCrawled(crawl, {Crawled(kHome)}, {});
  BOOST_REQUIRE(!recorded.ok());
  BOOST_TEST(Code(recorded.error().code) == Code(ErrorCode::kInvalidArgument));
  BOOST_TEST(Contains(recorded.error().message, "already finished at " + std::string(kLater)));
  BOOST_TEST(!Must(db->FindPage(kHome)).has_value());
  Status again = db->FinishCrawl(crawl, CrawlOutcome::kStopped, {}, kLater);
  BOOST_REQUIRE(!again.ok());
  BOOST_TEST((Must(db->LastCrawl())->outcome == CrawlOutcome::kOk));

  auto unknown = db->RecordCrawled(crawl + 100, {}, {});
  BOOST_REQUIRE(!unknown.ok());
  BOOST_TEST(Code(unknown.error().code) == Code(ErrorCode::kNotFound));
}

BOOST_AUTO_TEST_CASE(redirect_hops_are_stored_and_updated_by_a_later_crawl) {
  TempDir dir;
  auto db = Must(store::OpenSqliteStore(DbPath(dir)));
  const std::string old_url = "http://wendy.example/2009/12/underground";
  const long long first = Must(db->OpenCrawl("k", {Link(old_url, 0)}, kNow)).id;
  CrawledUrl moved{old_url, "redirected", "", {}, {}, {}};
  CrawledUrl target = Crawled(kPostUrl);
  target.redirects = {{old_url, "https://wendy.example/2009/12/underground", 301},
                      {"https://wendy.example/2009/12/underground", kPostUrl, 308}};
  Must(db->RecordCrawled(first, {moved, target}, {}));

  RawDatabase raw(DbPath(dir));
  BOOST_TEST(raw.QueryInt("SELECT count(*) FROM redirects") == 2);
  BOOST_TEST(raw.QueryText("SELECT to_url || ' ' || http_status || ' ' || seen_at FROM redirects"
                           " WHERE from_url = '" +
                           old_url + "'") ==
             "https://wendy.example/2009/12/underground 301 2024-03-01T10:00:00Z");
  BOOST_TEST(Listed(*db, first) == (Strings{old_url + " done", std::string(kPostUrl) + " done"}),
             boost::test_tools::per_element());

  BOOST_REQUIRE(db->FinishCrawl(first, CrawlOutcome::kOk, {}, kLater).ok());
  const long long second = Must(db->OpenCrawl("k", {Link(old_url, 0)}, kLater)).id;
  CrawledUrl moved_again{old_url, "redirected", "", {}, {}, {{old_url, kHome, 302}}};
  Must(db->RecordCrawled(second, {moved_again}, {}));
  BOOST_TEST(raw.QueryInt("SELECT count(*) FROM redirects") == 2);
  BOOST_TEST(raw.QueryText("SELECT to_url || ' ' || http_status FROM redirects WHERE from_url = '" +
                           old_url + "'") == std::string(kHome) + " 302");
}

BOOST_AUTO_TEST_CASE(page_fetches_returns_stored_validators_by_url) {
  auto db = OpenMemoryStore();
  BOOST_TEST(Must(db->PageFetches()).empty());
  PageToSave failed = PlainPage(kAbout, "http_500", "");
  failed.fetch.error = "HTTP 500";
  failed.fetch.http_status = 500;
  failed.fetch.etag = "";
  Must(db->SavePages({PostPage("h-post"), PlainPage(kHome, "ok", "h-home"), failed}));

  auto fetches = Must(db->PageFetches());
  BOOST_REQUIRE_EQUAL(fetches.size(), 3u);
  BOOST_TEST(fetches[0].url == kHome);
  BOOST_TEST(fetches[1].url == kPostUrl);
  BOOST_TEST(fetches[2].url == kAbout);
  BOOST_TEST(fetches[1].etag == "\"e-h-post\"");
  BOOST_TEST(fetches[1].last_modified == "Sun, 06 Dec 2009 22:10:00 GMT");
  BOOST_TEST(fetches[1].content_hash == "h-post");
  BOOST_TEST(fetches[1].fetched_at == "2024-03-01T10:00:00Z");
  BOOST_TEST(fetches[2].status == "http_500");
  BOOST_TEST(fetches[2].error == "HTTP 500");
  BOOST_TEST(fetches[2].http_status == 500);
}

BOOST_AUTO_TEST_CASE(version_2_file_migrates_to_3_with_its_data) {
  TempDir dir;
  // A file as linkgraph with schema version 2 left it.
  MakeFileAtVersion(DbPath(dir), 2);
  RawDatabase(DbPath(dir))
      .Exec(
          "INSERT INTO pages (url, canonical_url, status, etag, content_hash,"
          " fetched_at) VALUES ('https://wendy.example/', 'https://wendy.example/', 'ok',"
          " '\"v2\"', 'h2', '2023-01-01T00:00:00Z');"
          "INSERT INTO people (id, key, name) VALUES (1, 'handle:wendy', 'Wendy');"
          "INSERT INTO graph_state VALUES (1, 'rules-7', '2023-01-02T00:00:00Z', 1, 0);");
  BOOST_TEST(RawDatabase(DbPath(dir)).QueryInt("PRAGMA user_version") == 2);
  BOOST_TEST(RawDatabase(DbPath(dir))
                 .QueryInt("SELECT count(*) FROM sqlite_master WHERE name = 'crawls'") == 0);

  auto db = Must(store::OpenSqliteStore(DbPath(dir)));
  BOOST_TEST(RawDatabase(DbPath(dir)).QueryInt("PRAGMA user_version") ==
             store::LatestSchemaVersion());
  auto page = Must(db->FindPage(kHome));
  BOOST_REQUIRE(page.has_value());
  BOOST_TEST(page->etag == "\"v2\"");
  BOOST_TEST(page->fetched_at == "2023-01-01T00:00:00Z");
  BOOST_TEST(Must(db->Graph()).rules_version == "rules-7");
  BOOST_TEST(Must(db->People()).at(0).name == "Wendy");
  BOOST_TEST(!Must(db->LastCrawl()).has_value());
  BOOST_TEST(Must(db->OpenCrawl("k", {Link(kHome, 0)}, kNow)).queued == 1);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::store_test
