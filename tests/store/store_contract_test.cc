// The store contract: what every backend behind store::OpenStore(location)
// must do, run once per backend location. Only the Store interface is used
// (no SQL, no files), and people are compared by key, never by id, so every
// backend runs these unchanged. The PostgreSQL test server's database
// (pg_test_server.h) is one location when there is one, each test in a
// schema of its own; LINKGRAPH_TEST_STORES adds more (space-separated,
// "{dir}" replaced by a fresh folder per test).
#include <algorithm>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
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

std::vector<std::string> Locations() {
  std::vector<std::string> locations = {":memory:", "sqlite:{dir}/contract.db", "{dir}/plain.db"};
  if (std::optional<std::string> postgres = TestPostgresUri()) locations.push_back(*postgres);
  if (const char* more = std::getenv("LINKGRAPH_TEST_STORES"); more != nullptr) {
    std::istringstream words(more);
    for (std::string location; words >> location;) locations.push_back(location);
  }
  return locations;
}

// A fresh store at the location, in a folder of its own that lives as long,
// or for PostgreSQL in a schema of its own.
class FreshStore {
 public:
  explicit FreshStore(std::string location) {
    const std::string dir = "{dir}";
    if (size_t at = location.find(dir); at != std::string::npos) {
      location.replace(at, dir.size(), folder_.path().string());
    }
    if (location.rfind("postgresql://", 0) == 0) {
      schema_.emplace(location);
      location = schema_->Uri();
    }
    store_ = Must(store::OpenStore(location));
  }
  store::Store& operator*() { return *store_; }
  store::Store* operator->() { return store_.get(); }

 private:
  TempDir folder_;
  std::optional<PostgresTestSchema> schema_;
  std::unique_ptr<store::Store> store_;  // closed before its schema is dropped
};

// Two people and the edges between them, the way graph/ hands them over:
// edges and authors name people by position (1-based).
store::GraphSnapshot TwoPeople() {
  store::GraphSnapshot graph;
  graph.rules_version = "contract-rules";
  store::StoredPerson margo;
  margo.key = "handle:hrmargo";
  margo.name = "Margo Rose";
  margo.texts = 1;
  margo.identities = {{{"handle", "HRMargo", "hrmargo"}, "comment author"},
                      {{"name", "Margo Rose", "margo rose"}, "comment author"}};
  store::StoredPerson wendy;
  wendy.key = "name:wendy";
  wendy.name = "Wendy";
  wendy.texts = 2;
  wendy.identities = {{{"name", "Wendy", "wendy"}, "post author"}};
  graph.people = {margo, wendy};
  store::StoredEdge met;
  met.from = 2;
  met.to = 1;
  met.kind = "met";
  met.date = "2009-12-05";
  met.evidence = "Dinner with Margo Rose.";
  met.source_url = kPostUrl;
  store::StoredEdge commented = met;
  commented.from = 1;
  commented.to = 2;
  commented.kind = "commented";
  commented.evidence = "See you at TRULondon2 in Feb!";
  commented.source_url = std::string(kPostUrl) + "#comment-1";
  graph.edges = {commented, met};
  graph.authors = {{kPostUrl, 2}, {std::string(kPostUrl) + "#comment-1", 1}};
  return graph;
}

std::string KeyOf(store::Store& db, long long id) { return Must(db.FindPerson(id))->key; }

// "from-key kind to-key" for each edge, in the store's order.
std::vector<std::string> EdgesByKey(store::Store& db, const std::vector<store::StoredEdge>& edges) {
  std::vector<std::string> described;
  for (const store::StoredEdge& edge : edges) {
    described.push_back(KeyOf(db, edge.from) + " " + edge.kind + " " + KeyOf(db, edge.to));
  }
  return described;
}

long long IdOf(store::Store& db, const std::string& kind, const std::string& normalised) {
  std::vector<long long> found = Must(db.FindPeopleByIdentity(kind, normalised));
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  return found.front();
}

const auto kLocations = boost::unit_test::data::make(Locations());

BOOST_AUTO_TEST_SUITE(store_contract)

BOOST_DATA_TEST_CASE(a_saved_page_reads_back_and_saving_it_again_changes_nothing, kLocations,
                     location) {
  FreshStore db(location);
  store::SaveOutcome first = Must(db->SavePages({PostPage()}));
  BOOST_TEST(first.pages_new == 1);
  BOOST_TEST(first.posts_new == 1);
  BOOST_TEST(first.comments_new == 2);
  BOOST_TEST(first.trackbacks_new == 2);
  BOOST_TEST(first.mentions_new == 3);
  CheckCounts(Must(db->Count()), FixtureCounts());

  const std::vector<store::StoredPost> posts = Must(db->Posts());
  BOOST_REQUIRE_EQUAL(posts.size(), 1u);
  BOOST_TEST(posts[0].post.text == PostPage().extracted->post.text);
  BOOST_TEST(posts[0].post.links.size() == 2u);
  const std::vector<store::StoredComment> comments = Must(db->Comments());
  BOOST_REQUIRE_EQUAL(comments.size(), 2u);
  BOOST_TEST(comments[1].comment.parent_id == "comment-1");
  BOOST_TEST(Must(db->Trackbacks()).size() == 2u);
  BOOST_TEST(Must(db->Mentions()).size() == 3u);
  BOOST_TEST(Must(db->FindPage(kPostUrl))->content_hash == "hash-1");

  store::SaveOutcome again = Must(db->SavePages({PostPage()}));
  BOOST_TEST(again.pages_unchanged == 1);
  BOOST_TEST(again.pages_new + again.pages_changed + again.comments_new == 0);
  CheckCounts(Must(db->Count()), FixtureCounts());
}

BOOST_DATA_TEST_CASE(a_changed_page_updates_its_comments_by_id, kLocations, location) {
  FreshStore db(location);
  Must(db->SavePages({PostPage()}));
  PageToSave changed = PostPage("hash-2");
  changed.extracted->comments[1].text = "Edited: looking forward to it.";
  changed.extracted->comments.push_back(
      MakeComment("comment-9", "Lara Newman", "", "Count me in.", 3, "comment-1"));
  store::SaveOutcome outcome = Must(db->SavePages({changed}));
  BOOST_TEST(outcome.pages_changed == 1);
  BOOST_TEST(outcome.comments_new == 1);
  BOOST_TEST(outcome.comments_updated == 1);
  std::map<std::string, std::string> text_of;
  for (const store::StoredComment& stored : Must(db->Comments())) {
    text_of[stored.comment.id] = stored.comment.text;
  }
  BOOST_TEST(text_of.size() == 3u);
  BOOST_TEST(text_of["comment-2"] == "Edited: looking forward to it.");
  BOOST_TEST(Must(db->FindPage(kPostUrl))->content_hash == "hash-2");
}

BOOST_DATA_TEST_CASE(rows_keep_the_start_of_the_run_that_first_stored_them, kLocations, location) {
  FreshStore db(location);
  PageToSave first = PostPage();
  first.run_started_at = "2026-01-01T06:00:00Z";
  Must(db->SavePages({first}));
  PageToSave later = PostPage("hash-2");
  later.run_started_at = "2026-01-02T06:00:00Z";
  later.extracted->comments[1].text = "Edited: looking forward to it.";
  later.extracted->comments.push_back(
      MakeComment("comment-9", "Lara Newman", "", "Count me in.", 3, "comment-1"));
  Must(db->SavePages({later}));
  for (const store::StoredPost& stored : Must(db->Posts())) {
    BOOST_TEST(stored.first_seen == "2026-01-01T06:00:00Z");
  }
  std::map<std::string, std::string> seen_of;
  for (const store::StoredComment& stored : Must(db->Comments())) {
    seen_of[stored.comment.id] = stored.first_seen;
  }
  BOOST_TEST(seen_of["comment-2"] == "2026-01-01T06:00:00Z");  // edited, not new
  BOOST_TEST(seen_of["comment-9"] == "2026-01-02T06:00:00Z");
  for (const store::StoredTrackback& stored : Must(db->Trackbacks())) {
    BOOST_TEST(stored.first_seen == "2026-01-01T06:00:00Z");
  }

  BOOST_REQUIRE(db->RecordRun({"2026-01-02T06:00:00Z", store::RunCommand::kCrawl}).ok());
  BOOST_REQUIRE(db->RecordRun({"2026-01-01T06:00:00Z", store::RunCommand::kImport}).ok());
  BOOST_REQUIRE(
      db->RecordRun({"2026-01-02T06:00:00Z", store::RunCommand::kCrawl}).ok());  // a second worker
  const std::vector<store::RunRecord> runs = Must(db->Runs());
  BOOST_REQUIRE_EQUAL(runs.size(), 2u);
  BOOST_TEST(runs[0].started_at == "2026-01-01T06:00:00Z");
  BOOST_TEST((runs[0].command == store::RunCommand::kImport));
  BOOST_TEST((runs[1].command == store::RunCommand::kCrawl));
}

BOOST_DATA_TEST_CASE(a_batch_with_a_bad_page_saves_nothing, kLocations, location) {
  FreshStore db(location);
  PageToSave bad = PlainPage("", "ok", "hash-x");  // no URL: no key to save it by
  Result<store::SaveOutcome> saved = db->SavePages({PostPage(), bad});
  BOOST_TEST(!saved.ok());
  BOOST_TEST(Must(db->Count()).pages == 0);
  BOOST_TEST(Must(db->Posts()).empty());
}

BOOST_DATA_TEST_CASE(the_graph_reads_back_by_key_and_goes_stale_when_pages_change, kLocations,
                     location) {
  FreshStore db(location);
  BOOST_TEST(!Must(db->Graph()).built);
  Must(db->SavePages({PostPage()}));
  store::GraphSnapshot graph = TwoPeople();
  graph.pages_version = Must(db->Graph()).pages_version;
  MustOk(db->ReplaceGraph(graph));

  store::GraphState state = Must(db->Graph());
  BOOST_TEST(state.built);
  BOOST_TEST(!state.stale);
  BOOST_TEST(state.rules_version == "contract-rules");
  BOOST_TEST(state.people == 2);
  BOOST_TEST(state.edges == 2);

  const long long margo = IdOf(*db, "handle", "hrmargo");
  const long long wendy = IdOf(*db, "name", "wendy");
  BOOST_TEST(Must(db->FindPerson(margo))->name == "Margo Rose");
  BOOST_TEST(Must(db->FindPerson(margo))->identities.size() == 2u);
  BOOST_TEST(Must(db->People()).size() == 2u);
  const std::vector<std::string> all = {"handle:hrmargo commented name:wendy",
                                        "name:wendy met handle:hrmargo"};
  std::vector<std::string> read = EdgesByKey(*db, Must(db->Edges()));
  std::sort(read.begin(), read.end());
  BOOST_TEST(read == all, boost::test_tools::per_element());
  BOOST_TEST(Must(db->EdgesOf(margo)).size() == 2u);
  BOOST_TEST(Must(db->EdgesBetween(wendy, margo)).size() == 2u);
  BOOST_TEST(Must(db->Neighbours(wendy, {"met"})) == std::vector<long long>{margo},
             boost::test_tools::per_element());
  BOOST_TEST(Must(db->Neighbours(margo, {"spoke"})).empty());
  std::map<std::string, std::string> author_of;
  for (const store::Authorship& authorship : Must(db->Authors())) {
    author_of[authorship.source_url] = KeyOf(*db, authorship.person);
  }
  BOOST_TEST(author_of[kPostUrl] == "name:wendy");

  Must(db->SavePages({PostPage("hash-2")}));
  BOOST_TEST(Must(db->Graph()).stale);
}

BOOST_DATA_TEST_CASE(replacing_the_graph_leaves_only_the_new_one, kLocations, location) {
  FreshStore db(location);
  MustOk(db->ReplaceGraph(TwoPeople()));
  store::GraphSnapshot smaller = TwoPeople();
  smaller.people.pop_back();  // Wendy gone, and every edge with her
  smaller.edges.clear();
  smaller.authors = {{std::string(kPostUrl) + "#comment-1", 1}};
  MustOk(db->ReplaceGraph(smaller));
  BOOST_TEST(Must(db->People()).size() == 1u);
  BOOST_TEST(Must(db->Edges()).empty());
  BOOST_TEST(Must(db->Authors()).size() == 1u);
  BOOST_TEST(Must(db->FindPeopleByIdentity("name", "wendy")).empty());
  BOOST_TEST(Must(db->Graph()).people == 1);
}

BOOST_DATA_TEST_CASE(a_graph_written_in_parts_reads_as_the_same_graph_replaced_at_once, kLocations,
                     location) {
  FreshStore whole(location);
  MustOk(whole->ReplaceGraph(TwoPeople()));
  FreshStore parts(location);
  store::GraphSnapshot people = TwoPeople();
  people.edges.clear();
  people.authors.clear();
  std::unique_ptr<store::GraphWrite> write = Must(parts->BeginGraphWrite(people));
  // Given one at a time and out of order: the store sorts them.
  MustOk(write->AddEdges({TwoPeople().edges[1]}));
  MustOk(write->AddAuthors({TwoPeople().authors[1]}));
  MustOk(write->AddEdges({TwoPeople().edges[0]}));
  MustOk(write->AddAuthors({TwoPeople().authors[0], {kPostUrl, 1}}));  // the first one counts
  MustOk(write->Commit());
  BOOST_TEST(EdgesByKey(*parts, Must(parts->Edges())) == EdgesByKey(*whole, Must(whole->Edges())),
             boost::test_tools::per_element());
  std::vector<std::string> authors;
  for (const store::Authorship& author : Must(parts->Authors())) {
    authors.push_back(author.source_url + " " + KeyOf(*parts, author.person));
  }
  BOOST_TEST(
      authors == (std::vector<std::string>{std::string(kPostUrl) + " name:wendy",
                                           std::string(kPostUrl) + "#comment-1 handle:hrmargo"}),
      boost::test_tools::per_element());
  BOOST_TEST(Must(parts->Graph()).edges == 2);
  BOOST_TEST(Must(parts->Graph()).people == 2);
}

BOOST_DATA_TEST_CASE(a_graph_write_not_committed_leaves_the_stored_graph_as_it_was, kLocations,
                     location) {
  FreshStore db(location);
  MustOk(db->ReplaceGraph(TwoPeople()));
  {
    store::GraphSnapshot other;
    other.rules_version = "other-rules";
    std::unique_ptr<store::GraphWrite> write = Must(db->BeginGraphWrite(other));
  }
  BOOST_TEST(Must(db->People()).size() == 2u);
  BOOST_TEST(Must(db->Edges()).size() == 2u);
  BOOST_TEST(Must(db->Graph()).rules_version == "contract-rules");
  // A write whose edge names nobody is refused, and its commit with it.
  std::unique_ptr<store::GraphWrite> write = Must(db->BeginGraphWrite(TwoPeople()));
  store::StoredEdge nobody = TwoPeople().edges[0];
  nobody.to = 3;
  Status refused = write->AddEdges({nobody});
  BOOST_REQUIRE(!refused);
  BOOST_TEST(Code(refused.error().code) == Code(ErrorCode::kInvalidArgument));
  BOOST_TEST(!write->Commit());
  write.reset();
  BOOST_TEST(Must(db->Edges()).size() == 2u);
  MustOk(db->ReplaceGraph(TwoPeople()));  // and the store writes on
}

BOOST_DATA_TEST_CASE(a_thread_is_a_post_with_what_its_page_gave, kLocations, location) {
  FreshStore db(location);
  store::PageToSave other = PostPage();
  other.fetch.url = "https://wendy.example/2009/12/another/";
  other.extracted->url = other.extracted->canonical_url = other.fetch.url;
  other.extracted->post.url = other.fetch.url;
  other.extracted->comments.clear();
  other.extracted->mentions.clear();
  other.extracted->trackbacks.clear();
  Must(db->SavePages({PostPage(), other}));
  std::vector<store::StoredThread> threads;
  MustOk(db->EachThread([&](store::StoredThread& thread) -> Status {
    threads.push_back(std::move(thread));
    return {};
  }));
  BOOST_REQUIRE_EQUAL(threads.size(), 2u);
  // By post URL: "another" before "underground".
  BOOST_TEST(threads[0].post.post.url == other.fetch.url);
  BOOST_TEST(threads[0].comments.empty());
  BOOST_TEST(threads[0].mentions.empty());
  const store::StoredThread& underground = threads[1];
  BOOST_TEST(underground.post.post.text == PostPage().extracted->post.text);
  BOOST_TEST(underground.post.post.links.size() == 2u);
  // The same rows, in the same order, as the table-wide reads give.
  std::vector<std::string> comments;
  for (const store::StoredComment& c : Must(db->Comments())) comments.push_back(c.comment.id);
  std::vector<std::string> in_thread;
  for (const store::StoredComment& c : underground.comments) in_thread.push_back(c.comment.id);
  BOOST_TEST(in_thread == comments, boost::test_tools::per_element());
  BOOST_TEST(underground.trackbacks.size() == Must(db->Trackbacks()).size());
  std::vector<std::string> mentions;
  for (const store::StoredMention& m : Must(db->Mentions())) mentions.push_back(m.source_url);
  std::vector<std::string> mentions_in_thread;
  for (const store::StoredMention& m : underground.mentions)
    mentions_in_thread.push_back(m.source_url);
  BOOST_TEST(mentions_in_thread == mentions, boost::test_tools::per_element());
}

BOOST_DATA_TEST_CASE(graph_reads_visit_people_by_id_edges_by_from_to_kind_authors_by_url,
                     kLocations, location) {
  FreshStore db(location);
  MustOk(db->ReplaceGraph(TwoPeople()));
  std::vector<long long> ids;
  std::vector<std::string> people;
  MustOk(db->EachPerson([&](store::StoredPerson& person) -> Status {
    ids.push_back(person.id);
    people.push_back(person.key + " " + std::to_string(person.identities.size()));
    return {};
  }));
  // A fresh store numbers people in the order given: Margo, then Wendy.
  BOOST_TEST(people == (std::vector<std::string>{"handle:hrmargo 2", "name:wendy 1"}),
             boost::test_tools::per_element());
  BOOST_TEST(std::is_sorted(ids.begin(), ids.end()));
  std::vector<store::StoredEdge> edges;
  MustOk(db->EachEdge([&](store::StoredEdge& edge) -> Status {
    edges.push_back(edge);
    return {};
  }));
  BOOST_TEST(
      EdgesByKey(*db, edges) == (std::vector<std::string>{"handle:hrmargo commented name:wendy",
                                                          "name:wendy met handle:hrmargo"}),
      boost::test_tools::per_element());
  std::vector<std::string> sources;
  MustOk(db->EachAuthor([&](store::Authorship& author) -> Status {
    sources.push_back(author.source_url);
    return {};
  }));
  BOOST_TEST(sources == (std::vector<std::string>{kPostUrl, std::string(kPostUrl) + "#comment-1"}),
             boost::test_tools::per_element());
}

BOOST_DATA_TEST_CASE(a_visitors_error_ends_a_graph_read_and_the_store_reads_and_writes_on,
                     kLocations, location) {
  FreshStore db(location);
  MustOk(db->ReplaceGraph(TwoPeople()));
  int visited = 0;
  auto stop = [&visited](auto&) -> Status {
    ++visited;
    return Error{ErrorCode::kIo, "visitor stopped"};
  };
  const Status reads[] = {db->EachPerson(stop), db->EachEdge(stop), db->EachAuthor(stop)};
  for (const Status& read : reads) {
    BOOST_REQUIRE(!read.ok());
    BOOST_TEST(read.error().code == ErrorCode::kIo);
    BOOST_TEST(read.error().message.find("visitor stopped") != std::string::npos);
  }
  BOOST_TEST(visited == 3);  // one row each
  // Nothing of an ended read is left open: reads see the graph, a write succeeds.
  BOOST_TEST(Must(db->People()).size() == 2u);
  store::GraphSnapshot smaller = TwoPeople();
  smaller.edges.pop_back();
  MustOk(db->ReplaceGraph(smaller));
  BOOST_TEST(Must(db->Edges()).size() == 1u);
}

BOOST_DATA_TEST_CASE(a_crawl_queues_each_url_once_records_batches_and_resumes, kLocations,
                     location) {
  FreshStore db(location);
  const std::string home = "https://wendy.example/";
  const std::string about = "https://wendy.example/about/";
  const std::vector<store::QueuedUrl> seeds = {{home, UrlKind::kPage, 0, ""},
                                               {home, UrlKind::kPage, 0, ""}};
  store::CrawlRun run = Must(db->OpenCrawl("key", seeds, "2024-03-01T10:00:00Z"));
  BOOST_TEST(!run.resumed);
  BOOST_TEST(Must(db->CrawlUrls(run.id)).size() == 1u);

  store::CrawledUrl crawled;
  crawled.url = home;
  crawled.outcome = "ok";
  crawled.page = PlainPage(home, "ok", "hash-home");
  crawled.discovered = {{about, UrlKind::kPage, 1, home}, {home, UrlKind::kPage, 1, home}};
  store::CrawlTotals totals;
  totals.fetched = 1;
  Must(db->RecordCrawled(run.id, {crawled}, totals));
  std::map<std::string, bool> done;
  for (const store::Store::CrawlUrl& url : Must(db->CrawlUrls(run.id))) {
    done[url.url.url] = url.done;
  }
  BOOST_TEST(done.size() == 2u);
  BOOST_TEST(done[home]);
  BOOST_TEST(!done[about]);
  BOOST_TEST(Must(db->FindPage(home)).has_value());

  // The same key again continues the unfinished crawl, its seeds ignored.
  store::CrawlRun resumed = Must(db->OpenCrawl("key", {}, "2024-03-01T10:05:00Z"));
  BOOST_TEST(resumed.resumed);
  BOOST_TEST(resumed.id == run.id);
  BOOST_TEST(resumed.totals.fetched == 1);

  MustOk(db->FinishCrawl(run.id, CrawlOutcome::kOk, totals, "2024-03-01T10:06:00Z"));
  store::CrawlRun last = *Must(db->LastCrawl());
  BOOST_TEST((last.outcome == CrawlOutcome::kOk));
  BOOST_TEST(last.finished_at == "2024-03-01T10:06:00Z");
  BOOST_TEST(last.totals.fetched == 2);  // totals are increments, as several workers give them
  BOOST_TEST(!db->RecordCrawled(run.id, {crawled}, totals).ok());
  BOOST_TEST(!db->FinishCrawl(run.id, CrawlOutcome::kOk, totals, "2024-03-01T10:07:00Z").ok());
  BOOST_TEST(!Must(db->OpenCrawl("key", seeds, "2024-03-01T10:08:00Z")).resumed);
}

// "url" of each, in the order given.
std::vector<std::string> UrlsOf(const std::vector<store::CrawlQueue::CrawlUrl>& urls) {
  std::vector<std::string> listed;
  for (const store::CrawlQueue::CrawlUrl& url : urls) listed.push_back(url.url.url);
  return listed;
}

// A crawl of seven URLs: the seed done, six queued as it found them.
long long CrawlWithSixQueued(store::Store& db, std::vector<std::string>* queued) {
  const std::string home = "https://wendy.example/";
  const long long crawl =
      Must(db.OpenCrawl("key", {{home, UrlKind::kPage, 0, ""}}, "2024-03-01T10:00:00Z")).id;
  store::CrawledUrl crawled;
  crawled.url = home;
  crawled.outcome = "ok";
  for (int i = 6; i >= 1; --i) {
    const std::string url = home + "p" + std::to_string(i) + "/";
    crawled.discovered.push_back({url, i == 4 ? UrlKind::kFeed : UrlKind::kPage, 1, home});
    queued->push_back(url);
  }
  Must(db.RecordCrawled(crawl, {crawled}, {}));
  return crawl;
}

BOOST_DATA_TEST_CASE(queued_urls_come_a_page_at_a_time_in_queue_order, kLocations, location) {
  FreshStore db(location);
  std::vector<std::string> queued;
  const long long crawl = CrawlWithSixQueued(*db, &queued);
  std::vector<std::string> read;
  std::vector<size_t> page_sizes;
  long long after = 0;
  while (true) {
    const std::vector<store::CrawlQueue::CrawlUrl> page = Must(db->QueuedUrls(crawl, after, 4));
    if (page.empty()) break;
    page_sizes.push_back(page.size());
    for (const store::CrawlQueue::CrawlUrl& url : page) {
      BOOST_TEST(!url.done);
      BOOST_TEST(url.position > after);  // positions grow along the queue
      after = url.position;
    }
    for (const std::string& url : UrlsOf(page)) read.push_back(url);
  }
  BOOST_TEST(read == queued, boost::test_tools::per_element());
  BOOST_TEST(page_sizes == (std::vector<size_t>{4, 2}), boost::test_tools::per_element());
  const auto third = Must(db->QueuedUrls(crawl, 0, 3)).back();
  BOOST_TEST(UrlKindName(third.url.kind) == "feed");
  BOOST_TEST(third.url.depth == 1);
  BOOST_TEST(third.url.via == "https://wendy.example/");
}

BOOST_DATA_TEST_CASE(done_urls_leave_the_queue_and_are_visited_in_queue_order, kLocations,
                     location) {
  FreshStore db(location);
  std::vector<std::string> queued;
  const long long crawl = CrawlWithSixQueued(*db, &queued);
  std::vector<store::CrawledUrl> finished(2);
  finished[0].url = queued[3];
  finished[1].url = queued[1];
  for (store::CrawledUrl& url : finished) url.outcome = "ok";
  Must(db->RecordCrawled(crawl, finished, {}));

  std::vector<store::CrawlQueue::CrawlUrl> done;
  MustOk(db->EachDoneUrl(crawl, [&](store::CrawlQueue::CrawlUrl& url) -> Status {
    done.push_back(url);
    return {};
  }));
  BOOST_TEST(
      UrlsOf(done) == (std::vector<std::string>{"https://wendy.example/", queued[1], queued[3]}),
      boost::test_tools::per_element());
  for (const store::CrawlQueue::CrawlUrl& url : done) BOOST_TEST(url.done);
  BOOST_TEST(UrlsOf(Must(db->QueuedUrls(crawl, 0, 10))) ==
                 (std::vector<std::string>{queued[0], queued[2], queued[4], queued[5]}),
             boost::test_tools::per_element());
  // A visitor's error ends the read and is returned.
  int visited = 0;
  Status stopped = db->EachDoneUrl(crawl, [&](store::CrawlQueue::CrawlUrl&) -> Status {
    ++visited;
    return Error{ErrorCode::kInternal, "enough"};
  });
  BOOST_TEST(!stopped.ok());
  BOOST_TEST(visited == 1);
  // Another crawl's URLs are its own.
  BOOST_TEST(Must(db->QueuedUrls(crawl + 1, 0, 10)).empty());
}

BOOST_DATA_TEST_CASE(page_fetches_stream_by_url, kLocations, location) {
  FreshStore db(location);
  Must(db->SavePages({PlainPage("https://wendy.example/b/", "ok", "hash-b"),
                      PlainPage("https://wendy.example/a/", "ok", "hash-a")}));
  std::vector<std::string> urls;
  MustOk(db->EachPageFetch([&](store::PageFetch& fetch) -> Status {
    urls.push_back(fetch.url);
    return {};
  }));
  BOOST_TEST(
      urls == (std::vector<std::string>{"https://wendy.example/a/", "https://wendy.example/b/"}),
      boost::test_tools::per_element());
}

BOOST_DATA_TEST_CASE(each_page_record_tells_what_the_page_yielded_or_why_not, kLocations,
                     location) {
  FreshStore db(location);
  store::PageToSave pdf = PlainPage("https://wendy.example/cv.pdf", "not_html", "hash-pdf");
  pdf.fetch.error = "content type application/pdf";
  pdf.fetch.http_status = 200;
  Must(db->SavePages({PostPage(), pdf, PlainPage("https://wendy.example/", "ok", "hash-home")}));
  const std::vector<store::PageRecord> records = Must(db->PageRecords());
  BOOST_REQUIRE_EQUAL(records.size(), 3u);
  // By URL: the home page, the post, the PDF.
  BOOST_TEST(records[0].fetch.url == "https://wendy.example/");
  BOOST_TEST(records[0].posts + records[0].comments + records[0].mentions == 0);
  BOOST_TEST(records[1].fetch.url == kPostUrl);
  BOOST_TEST(records[1].posts == 1);
  BOOST_TEST(records[1].comments == 2);
  BOOST_TEST(records[1].trackbacks == 2);
  BOOST_TEST(records[1].mentions == 3);
  BOOST_TEST(records[2].fetch.status == "not_html");
  BOOST_TEST(records[2].fetch.error == "content type application/pdf");
  BOOST_TEST(records[2].fetch.http_status == 200);
  BOOST_TEST(records[2].posts == 0);
}

BOOST_DATA_TEST_CASE(stored_pages_list_their_validators_for_the_next_crawl, kLocations, location) {
  FreshStore db(location);
  Must(db->SavePages({PostPage(), PlainPage("https://wendy.example/", "ok", "hash-home")}));
  std::set<std::string> etags;
  for (const store::PageFetch& fetch : Must(db->PageFetches())) etags.insert(fetch.etag);
  BOOST_TEST(etags == (std::set<std::string>{"\"e-hash-1\"", "\"e-hash-home\""}),
             boost::test_tools::per_element());
}

BOOST_DATA_TEST_CASE(text_reads_are_kept_replaced_and_dropped_by_source_url, kLocations, location) {
  FreshStore db(location);
  MustOk(db->KeepTextReads(
      {{"https://a.example/p/", "f1", "one"}, {"https://a.example/q/", "f2", "two"}}, {}));
  MustOk(db->KeepTextReads({{"https://a.example/p/", "f3", "three"}}, {"https://a.example/q/"}));
  const std::vector<store::TextRead> reads = Must(db->TextReads());
  BOOST_REQUIRE_EQUAL(reads.size(), 1u);
  BOOST_TEST(reads[0].fingerprint == "f3");
  BOOST_TEST(reads[0].payload == "three");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::store_test
