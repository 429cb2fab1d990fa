// CopyStore: a SQLite store copied into an empty PostgreSQL database reads
// back the same through the Store interface, and can be written on; a
// database that holds anything, or another pair of backends, is refused.
#include <boost/test/unit_test.hpp>
#include <memory>
#include <string>
#include <vector>

#include "store/store.h"
#include "tests/store/pg_test_schema.h"
#include "tests/store/pg_test_server.h"
#include "tests/store/store_fixtures.h"
#include "tests/support/test_paths.h"

namespace linkgraph::store_test {
namespace LINKGRAPH_FILE_SCOPE {

using linkgraph::testing::TempDir;

// What a reader sees of a store, as one text per kind of row.
std::vector<std::string> Readings(store::Store& db) {
  std::vector<std::string> seen;
  MustOk(db.EachPost([&](store::StoredPost& p) -> Status {
    seen.push_back("post " + p.post.url + " " + p.post.title + " " + p.page_url + " links " +
                   std::to_string(p.post.links.size()));
    return {};
  }));
  MustOk(db.EachComment([&](store::StoredComment& c) -> Status {
    seen.push_back("comment " + c.post_url + " " + c.comment.id + " " + c.comment.author + " " +
                   c.comment.text);
    return {};
  }));
  MustOk(db.EachMention([&](store::StoredMention& m) -> Status {
    seen.push_back("mention " + m.source_url + " " + m.mention.handle);
    return {};
  }));
  MustOk(db.EachPageFetch([&](store::PageFetch& f) -> Status {
    seen.push_back("page " + f.url + " " + f.status + " " + f.content_hash + " " + f.fetched_at);
    return {};
  }));
  const store::Counts counts = Must(db.Count());
  seen.push_back("counts " + std::to_string(counts.pages) + " " + std::to_string(counts.posts) +
                 " " + std::to_string(counts.comments) + " " + std::to_string(counts.mentions) +
                 " " + std::to_string(counts.identities));
  const auto last = Must(db.LastCrawl());
  seen.push_back("crawl " + (last ? last->key + " " + std::to_string(last->totals.fetched) : ""));
  return seen;
}

BOOST_AUTO_TEST_SUITE(store_copy)

BOOST_AUTO_TEST_CASE(copy_goes_from_sqlite_to_postgresql_only) {
  TempDir folder;
  const std::string file = (folder.path() / "a.db").string();
  auto refused = store::CopyStore(file, (folder.path() / "b.db").string());
  BOOST_REQUIRE(!refused.ok());
  BOOST_TEST(Code(refused.error().code) == Code(ErrorCode::kUnsupported));
}

BOOST_AUTO_TEST_CASE(a_sqlite_store_copied_into_postgresql_reads_the_same,
                     *boost::unit_test::precondition(PostgresAvailable{})) {
  TempDir folder;
  const std::string file = (folder.path() / "source.db").string();
  {
    auto db = Must(store::OpenStore(file));
    const long long crawl =
        Must(db->OpenCrawl("key", {{kPostUrl, UrlKind::kPage, 0, ""}}, "2024-03-01T10:00:00Z")).id;
    store::CrawledUrl crawled;
    crawled.url = kPostUrl;
    crawled.outcome = "ok";
    crawled.page = PostPage();
    crawled.discovered = {{"https://wendy.example/about/", UrlKind::kPage, 1, kPostUrl}};
    store::CrawlTotals totals;
    totals.fetched = 1;
    Must(db->RecordCrawled(crawl, {crawled}, totals));
  }
  PostgresTestSchema schema(*TestPostgresUri());
  const store::CopyCounts copied = Must(store::CopyStore("sqlite:" + file, schema.Uri()));
  BOOST_TEST(!copied.rows.empty());

  auto source = Must(store::OpenStore(file));
  auto copy = Must(store::OpenStore(schema.Uri()));
  BOOST_TEST(Readings(*copy) == Readings(*source), boost::test_tools::per_element());

  // The copy goes on where the source stopped: its ids and queue continue.
  const long long crawl = Must(copy->LastCrawl())->id;
  BOOST_TEST(Must(copy->QueuedUrls(crawl, 0, 10)).size() == 1u);
  Must(copy->SavePages({PlainPage("https://wendy.example/new/", "ok", "hash-new")}));
  BOOST_TEST(Must(copy->Count()).pages == Must(source->Count()).pages + 1);

  // Into a database that holds anything: refused, nothing changed.
  auto again = store::CopyStore(file, schema.Uri());
  BOOST_REQUIRE(!again.ok());
  BOOST_TEST(again.error().message.find("empty database") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::store_test
