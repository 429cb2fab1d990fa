// Whether the derived graph is older than the stored pages: every save that
// writes pages, posts, comments, trackbacks or mentions marks it stale in
// its own transaction (SavePages and RecordCrawled alike), and only a
// completed ReplaceGraph, in the transaction that writes the graph, makes it
// current again. Also migration 5, which counts an older file's graph as
// stale since it cannot tell what that graph saw.
#include <sqlite3.h>

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "store/schema.h"
#include "store/store.h"
#include "tests/store/store_fixtures.h"
#include "tests/support/test_paths.h"

namespace linkgraph::store_test {
namespace LINKGRAPH_FILE_SCOPE {

using linkgraph::testing::TempDir;

std::string DbPath(const TempDir& dir) { return (dir.path() / "linkgraph.db").string(); }

// One person, no edges: what the graph holds does not matter here.
store::GraphSnapshot OnePerson(const std::string& name = "Wendy") {
  store::GraphSnapshot graph;
  graph.rules_version = "rules-1";
  store::StoredPerson person;
  person.key = "name:" + name;
  person.name = name;
  graph.people = {person};
  return graph;
}

store::GraphState StateOf(store::Store& db) { return Must(db.Graph()); }

BOOST_AUTO_TEST_SUITE(store_graph_staleness)

BOOST_AUTO_TEST_CASE(a_new_store_has_no_graph_and_nothing_stale) {
  auto db = OpenMemoryStore();
  store::GraphState state = StateOf(*db);
  BOOST_TEST(!state.built);
  BOOST_TEST(!state.stale);
  MustOk(db->ReplaceGraph(OnePerson()));
  BOOST_TEST(StateOf(*db).built);
  BOOST_TEST(!StateOf(*db).stale);
}

BOOST_AUTO_TEST_CASE(saving_pages_marks_the_graph_stale_and_a_derivation_clears_it) {
  auto db = OpenMemoryStore();
  MustOk(db->ReplaceGraph(OnePerson()));
  const long long before = StateOf(*db).pages_version;
  Must(db->SavePages({PostPage()}));
  store::GraphState state = StateOf(*db);
  BOOST_TEST(state.stale);
  BOOST_TEST(state.pages_version == before + 1);  // once per transaction
  BOOST_TEST(state.derived_from == before);
  MustOk(db->ReplaceGraph(OnePerson()));
  state = StateOf(*db);
  BOOST_TEST(!state.stale);
  BOOST_TEST(state.derived_from == state.pages_version);
}

BOOST_AUTO_TEST_CASE(a_page_saved_again_unchanged_leaves_the_graph_current) {
  auto db = OpenMemoryStore();
  Must(db->SavePages({PostPage()}));
  MustOk(db->ReplaceGraph(OnePerson()));
  Must(db->SavePages({PostPage()}));
  BOOST_TEST(!StateOf(*db).stale);
  // Rewriting the extraction (after an extractor upgrade) may change the graph.
  PageToSave rewrite = PostPage();
  rewrite.rewrite = true;
  Must(db->SavePages({rewrite}));
  BOOST_TEST(StateOf(*db).stale);
}

BOOST_AUTO_TEST_CASE(recording_crawled_pages_marks_the_graph_stale) {
  auto db = OpenMemoryStore();
  const std::string now = "2024-01-01T00:00:00Z";
  store::QueuedUrl seed;
  seed.url = kPostUrl;
  store::CrawlRun crawl = Must(db->OpenCrawl("k", {seed}, now));
  MustOk(db->ReplaceGraph(OnePerson()));
  // A URL dealt with but not saved (robots.txt said no) changes nothing.
  store::CrawledUrl skipped{"https://wendy.example/private/", "disallowed", "robots.txt", {}, {},
                            {}};
  Must(db->RecordCrawled(crawl.id, {skipped}, {}));
  BOOST_TEST(!StateOf(*db).stale);
  store::CrawledUrl fetched{kPostUrl, "ok", "", PostPage(), {}, {}};
  Must(db->RecordCrawled(crawl.id, {fetched}, {}));
  BOOST_TEST(StateOf(*db).stale);
}

BOOST_AUTO_TEST_CASE(a_save_that_rolls_back_does_not_mark_the_graph_stale) {
  auto db = OpenMemoryStore();
  MustOk(db->ReplaceGraph(OnePerson()));
  const long long before = StateOf(*db).pages_version;
  PageToSave no_url = PlainPage("", "ok", "h");  // refused: a page without a URL
  BOOST_TEST(!db->SavePages({PostPage(), no_url}).ok());
  BOOST_TEST(Must(db->Count()).pages == 0);
  BOOST_TEST(StateOf(*db).pages_version == before);
  BOOST_TEST(!StateOf(*db).stale);
}

BOOST_AUTO_TEST_CASE(a_derivation_that_fails_leaves_the_old_graph_and_the_mark) {
  auto db = OpenMemoryStore();
  MustOk(db->ReplaceGraph(OnePerson("Wendy")));
  Must(db->SavePages({PostPage()}));
  store::GraphSnapshot broken = OnePerson("Margo");
  store::StoredEdge edge;
  edge.from = 1;
  edge.to = 1;
  edge.kind = "no-such-kind";  // refused by the edges table's CHECK
  broken.edges = {edge};
  BOOST_TEST(!db->ReplaceGraph(broken).ok());
  BOOST_TEST(StateOf(*db).stale);
  BOOST_TEST(Must(db->People()).at(0).name == "Wendy");
}

BOOST_AUTO_TEST_CASE(pages_saved_while_a_graph_is_derived_leave_it_stale) {
  auto db = OpenMemoryStore();
  // The derivation reads the version before its inputs...
  store::GraphSnapshot graph = OnePerson();
  graph.pages_version = StateOf(*db).pages_version;
  // ...another save lands before it writes...
  Must(db->SavePages({PostPage()}));
  MustOk(db->ReplaceGraph(graph));
  // ...so the graph it wrote does not cover that save.
  BOOST_TEST(StateOf(*db).built);
  BOOST_TEST(StateOf(*db).stale);
}

BOOST_AUTO_TEST_CASE(a_graph_kept_across_reopening_keeps_its_mark) {
  TempDir dir;
  {
    auto db = Must(store::OpenSqliteStore(DbPath(dir)));
    MustOk(db->ReplaceGraph(OnePerson()));
    Must(db->SavePages({PostPage()}));
  }
  auto db = Must(store::OpenSqliteStore(DbPath(dir)));
  BOOST_TEST(StateOf(*db).stale);
}

// A file as linkgraph with schema version 4 left it: pages and a graph, but
// no record of which pages the graph saw.
BOOST_AUTO_TEST_CASE(version_4_file_migrates_with_its_graph_counted_stale) {
  BOOST_REQUIRE(store::LatestSchemaVersion() >= 5);
  TempDir dir;
  MakeFileAtVersion(DbPath(dir), 4);
  {
    RawDatabase raw(DbPath(dir));
    raw.Exec(
        "INSERT INTO pages (id, url, canonical_url, status) VALUES (1, 'https://w.example/p/',"
        " 'https://w.example/p/', 'ok');"
        "INSERT INTO people (id, key, name) VALUES (1, 'name:wendy', 'Wendy');"
        "INSERT INTO graph_state VALUES (1, 'rules-1', '2023-01-02T00:00:00Z', 1, 0);");
    BOOST_REQUIRE(raw.QueryInt("PRAGMA user_version") == 4);
  }
  auto db = Must(store::OpenSqliteStore(DbPath(dir)));
  BOOST_TEST(RawDatabase(DbPath(dir)).QueryInt("PRAGMA user_version") ==
             store::LatestSchemaVersion());
  store::GraphState state = StateOf(*db);
  BOOST_TEST(state.built);
  BOOST_TEST(state.people == 1);
  BOOST_TEST(state.stale);
  BOOST_TEST(Must(db->Count()).pages == 1);
  MustOk(db->ReplaceGraph(OnePerson()));
  BOOST_TEST(!StateOf(*db).stale);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::store_test
