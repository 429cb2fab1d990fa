// The graph layer of the store: ReplaceGraph swapping a derivation in as a
// whole (or not at all), the reads that return it, the indexed lookups the
// reports use (a person's edges, neighbours, people by identity), and
// migration 2 that adds its tables to a version 1 file.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <optional>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "store/schema.h"
#include "store/store.h"
#include "tests/store/graph_fixtures.h"
#include "tests/store/store_fixtures.h"
#include "tests/support/test_paths.h"

namespace linkgraph::store_test {
namespace LINKGRAPH_FILE_SCOPE {

using linkgraph::testing::TempDir;
using store::GraphState;

void CheckPerson(const StoredPerson& actual, const StoredPerson& expected, long long id) {
  BOOST_TEST_CONTEXT("person " << expected.key) {
    BOOST_TEST(actual.id == id);
    BOOST_TEST(actual.key == expected.key);
    BOOST_TEST(actual.name == expected.name);
    BOOST_TEST(actual.texts == expected.texts);
    BOOST_REQUIRE_EQUAL(actual.identities.size(), expected.identities.size());
    for (size_t i = 0; i < expected.identities.size(); ++i) {
      const PersonIdentity& a = actual.identities[i];
      const PersonIdentity& e = expected.identities[i];
      BOOST_TEST(a.identity.kind == e.identity.kind);
      BOOST_TEST(a.identity.value == e.identity.value);
      BOOST_TEST(a.identity.normalised == e.identity.normalised);
      BOOST_TEST(a.reason == e.reason);
    }
  }
}

void CheckPeople(const std::vector<StoredPerson>& actual,
                 const std::vector<StoredPerson>& expected) {
  BOOST_REQUIRE_EQUAL(actual.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    CheckPerson(actual[i], expected[i], static_cast<long long>(i) + 1);
  }
}

void CheckEdge(const StoredEdge& actual, const StoredEdge& expected) {
  BOOST_TEST_CONTEXT("edge " << expected.from << "->" << expected.to << " " << expected.kind) {
    BOOST_TEST(actual.from == expected.from);
    BOOST_TEST(actual.to == expected.to);
    BOOST_TEST(actual.kind == expected.kind);
    BOOST_TEST(actual.date == expected.date);
    BOOST_TEST(actual.detail == expected.detail);
    BOOST_TEST(actual.event == expected.event);
    BOOST_TEST(actual.when == expected.when);
    BOOST_TEST(actual.evidence == expected.evidence);
    BOOST_TEST(actual.source_url == expected.source_url);
  }
}

void CheckEdges(const std::vector<StoredEdge>& actual, const std::vector<StoredEdge>& expected) {
  BOOST_REQUIRE_EQUAL(actual.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) CheckEdge(actual[i], expected[i]);
}

// "from->to kind date", to state an order in one line.
std::vector<std::string> Summary(const std::vector<StoredEdge>& edges) {
  std::vector<std::string> lines;
  for (const StoredEdge& edge : edges) {
    lines.push_back(std::to_string(edge.from) + "->" + std::to_string(edge.to) + " " + edge.kind +
                    " " + edge.date);
  }
  return lines;
}

std::vector<std::string> AuthorSummary(const std::vector<Authorship>& authors) {
  std::vector<std::string> lines;
  for (const Authorship& author : authors) {
    lines.push_back(author.source_url + " " + std::to_string(author.person));
  }
  return lines;
}

// Neighbours promises no order; compare as sets.
std::vector<long long> Sorted(std::vector<long long> ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

using Ids = std::vector<long long>;
using Lines = std::vector<std::string>;

bool LooksLikeUtcTimestamp(const std::string& text) {
  static const std::regex kIso8601Utc(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)");
  return std::regex_match(text, kIso8601Utc);
}

// Everything a reader sees of the graph, to compare before and after.
struct GraphReads {
  GraphState state;
  std::vector<StoredPerson> people;
  std::vector<StoredEdge> edges;
  std::vector<Authorship> authors;
};

GraphReads ReadAll(store::Store& db) {
  return GraphReads{Must(db.Graph()), Must(db.People()), Must(db.Edges()), Must(db.Authors())};
}

void CheckSameGraph(const GraphReads& actual, const GraphReads& expected) {
  BOOST_TEST(actual.state.built == expected.state.built);
  BOOST_TEST(actual.state.rules_version == expected.state.rules_version);
  BOOST_TEST(actual.state.built_at == expected.state.built_at);
  BOOST_TEST(actual.state.people == expected.state.people);
  BOOST_TEST(actual.state.edges == expected.state.edges);
  CheckPeople(actual.people, expected.people);
  CheckEdges(actual.edges, expected.edges);
  BOOST_TEST(AuthorSummary(actual.authors) == AuthorSummary(expected.authors),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE(graph_tables)

BOOST_AUTO_TEST_CASE(store_never_built_has_no_graph) {
  auto db = OpenMemoryStore();
  GraphState state = Must(db->Graph());
  BOOST_TEST(!state.built);
  BOOST_TEST(state.rules_version.empty());
  BOOST_TEST(state.built_at.empty());
  BOOST_TEST(state.people == 0);
  BOOST_TEST(state.edges == 0);
  BOOST_TEST(Must(db->People()).empty());
  BOOST_TEST(Must(db->Edges()).empty());
  BOOST_TEST(Must(db->Authors()).empty());
  BOOST_TEST(!Must(db->FindPerson(1)).has_value());
  BOOST_TEST(Must(db->FindPeopleByIdentity("name", "wendy")).empty());
  BOOST_TEST(Must(db->EdgesOf(1)).empty());
  BOOST_TEST(Must(db->Neighbours(1)).empty());
}

BOOST_AUTO_TEST_CASE(people_round_trip_with_ids_in_the_given_order) {
  auto db = OpenMemoryStore();
  MustOk(db->ReplaceGraph(Blog()));
  CheckPeople(Must(db->People()), Blog().people);
}

BOOST_AUTO_TEST_CASE(find_person_returns_every_field_and_identities_in_order) {
  auto db = OpenMemoryStore();
  MustOk(db->ReplaceGraph(Blog()));
  for (long long id = kWendy; id <= kWendyNg; ++id) {
    std::optional<StoredPerson> person = Must(db->FindPerson(id));
    BOOST_REQUIRE(person.has_value());
    CheckPerson(*person, Blog().people[static_cast<size_t>(id - 1)], id);
  }
  BOOST_TEST(!Must(db->FindPerson(0)).has_value());
  BOOST_TEST(!Must(db->FindPerson(kWendyNg + 1)).has_value());
}

BOOST_AUTO_TEST_CASE(edges_round_trip_every_field_ordered_by_from_to_kind) {
  auto db = OpenMemoryStore();
  MustOk(db->ReplaceGraph(Blog()));
  const std::vector<StoredEdge> given = Blog().edges;
  // Blog().edges in (from, to, kind) order: the positions of the given list.
  std::vector<StoredEdge> expected;
  for (size_t i : {6u, 3u, 1u, 0u, 8u, 7u, 2u, 4u, 5u}) expected.push_back(given[i]);
  CheckEdges(Must(db->Edges()), expected);
}

BOOST_AUTO_TEST_CASE(authors_round_trip_ordered_by_source_url) {
  auto db = OpenMemoryStore();
  MustOk(db->ReplaceGraph(Blog()));
  BOOST_TEST(AuthorSummary(Must(db->Authors())) ==
                 (Lines{std::string(kPostUrl) + " 1", kComment1 + " 2", kComment2 + " 1"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(graph_state_tells_rules_version_build_time_and_counts) {
  auto db = OpenMemoryStore();
  MustOk(db->ReplaceGraph(Blog()));
  GraphState state = Must(db->Graph());
  BOOST_TEST(state.built);
  BOOST_TEST(state.rules_version == "rules-1");
  BOOST_TEST(LooksLikeUtcTimestamp(state.built_at), "built_at: " << state.built_at);
  BOOST_TEST(state.people == 5);
  BOOST_TEST(state.edges == 9);
}

BOOST_AUTO_TEST_CASE(graph_state_keeps_the_texts_not_read_for_meetings_by_language) {
  auto db = OpenMemoryStore();
  GraphSnapshot graph = Blog();
  graph.unread_languages = {{"de", 120}, {"fr", 3}};
  MustOk(db->ReplaceGraph(graph));
  BOOST_TEST((Must(db->Graph()).unread_languages == graph.unread_languages));
  MustOk(db->ReplaceGraph(Blog()));
  BOOST_TEST(Must(db->Graph()).unread_languages.empty());
}

BOOST_AUTO_TEST_CASE(empty_snapshot_still_counts_as_built) {
  auto db = OpenMemoryStore();
  GraphSnapshot empty;
  empty.rules_version = "rules-0";
  MustOk(db->ReplaceGraph(empty));
  GraphState state = Must(db->Graph());
  BOOST_TEST(state.built);
  BOOST_TEST(state.rules_version == "rules-0");
  BOOST_TEST(state.people == 0);
  BOOST_TEST(state.edges == 0);
}

BOOST_AUTO_TEST_CASE(second_replace_leaves_nothing_of_the_first) {
  auto db = OpenMemoryStore();
  MustOk(db->ReplaceGraph(Blog()));
  GraphSnapshot smaller;
  smaller.rules_version = "rules-2";
  smaller.people = {
      Person("handle:laranewman", "Lara Newman",
             {Identity("handle", "@LaraNewman", "laranewman", "signed a post")}, 3),
      Person("handle:hrmargo", "Margo Rose",
             {Identity("handle", "@HRMargo", "hrmargo", "mentioned in a comment")}, 0),
  };
  StoredEdge met = Edge(1, 2, "met", "2010-02-04", "https://lara.example/trulondon/");
  met.event = "TRULondon2";
  smaller.edges = {met};
  smaller.authors = {Authorship{"https://lara.example/trulondon/", 1}};
  MustOk(db->ReplaceGraph(smaller));

  // Lara and Margo keep the ids Blog() gave them; the snapshot's positions
  // (Lara 1, Margo 2) are mapped to those.
  std::vector<StoredPerson> people = Must(db->People());
  BOOST_REQUIRE_EQUAL(people.size(), 2u);
  CheckPerson(people[0], smaller.people[1], kMargo);
  CheckPerson(people[1], smaller.people[0], kLara);
  StoredEdge stored_met = met;
  stored_met.from = kLara;
  stored_met.to = kMargo;
  CheckEdges(Must(db->Edges()), {stored_met});
  BOOST_TEST(AuthorSummary(Must(db->Authors())) == Lines{"https://lara.example/trulondon/ 4"},
             boost::test_tools::per_element());
  GraphState state = Must(db->Graph());
  BOOST_TEST(state.rules_version == "rules-2");
  BOOST_TEST(state.people == 2);
  BOOST_TEST(state.edges == 1);
  // Identities and people only the first graph had are gone too.
  BOOST_TEST(Must(db->FindPeopleByIdentity("name", "wendy")).empty());
  BOOST_TEST(Must(db->FindPeopleByIdentity("handle", "hrmargo")) == Ids{kMargo});
  for (long long gone : {kWendy, kMervyn, kWendyNg}) {
    BOOST_TEST(!Must(db->FindPerson(gone)).has_value());
    BOOST_TEST(Must(db->EdgesOf(gone)).empty());
  }
  BOOST_TEST(Must(db->EdgesOf(kLara)).size() == 1u);
  BOOST_TEST(Must(db->Neighbours(kLara)) == Ids{kMargo});
}

BOOST_AUTO_TEST_CASE(find_people_by_identity_matches_kind_and_normalised_value) {
  auto db = OpenMemoryStore();
  MustOk(db->ReplaceGraph(Blog()));
  BOOST_TEST(Must(db->FindPeopleByIdentity("handle", "hrmargo")) == Ids{kMargo});
  BOOST_TEST(Must(db->FindPeopleByIdentity("url", "margo.example")) == Ids{kMargo});
  BOOST_TEST(Must(db->FindPeopleByIdentity("site", "wendy.example")) == Ids{kWendy});
  // Two people go by the same name.
  BOOST_TEST(Must(db->FindPeopleByIdentity("name", "wendy")) == (Ids{kWendy, kWendyNg}));
  // The value as written, or the right value under another kind, is no match.
  BOOST_TEST(Must(db->FindPeopleByIdentity("handle", "@HRMargo")).empty());
  BOOST_TEST(Must(db->FindPeopleByIdentity("name", "hrmargo")).empty());
  BOOST_TEST(Must(db->FindPeopleByIdentity("handle", "nobody")).empty());
}

BOOST_AUTO_TEST_CASE(edges_of_a_person_go_both_ways_by_kind_then_date) {
  auto db = OpenMemoryStore();
  MustOk(db->ReplaceGraph(Blog()));
  // The self-link appears once, though it is both from and to Wendy.
  BOOST_TEST(Summary(Must(db->EdgesOf(kWendy))) == (Lines{
                                                       "2->1 commented 2009-12-07",
                                                       "1->1 linked 2009-12-06",
                                                       "1->4 mentioned 2009-11-20",
                                                       "1->3 mentioned 2009-12-06",
                                                       "3->1 met 2009-10-01",
                                                       "1->3 met 2009-12-05",
                                                       "2->1 plans_to_meet 2010-02",
                                                       "1->2 replied 2009-12-07",
                                                       "4->1 spoke 2009-11",
                                                   }),
             boost::test_tools::per_element());
  BOOST_TEST(Summary(Must(db->EdgesOf(kMervyn))) == (Lines{
                                                        "1->3 mentioned 2009-12-06",
                                                        "3->1 met 2009-10-01",
                                                        "1->3 met 2009-12-05",
                                                    }),
             boost::test_tools::per_element());
  BOOST_TEST(Must(db->EdgesOf(kWendyNg)).empty());
}

BOOST_AUTO_TEST_CASE(edges_between_two_people_go_both_ways_and_a_self_link_once) {
  auto db = OpenMemoryStore();
  MustOk(db->ReplaceGraph(Blog()));
  const Lines wendy_mervyn = {"1->3 mentioned 2009-12-06", "3->1 met 2009-10-01",
                              "1->3 met 2009-12-05"};
  BOOST_TEST(Summary(Must(db->EdgesBetween(kWendy, kMervyn))) == wendy_mervyn,
             boost::test_tools::per_element());
  BOOST_TEST(Summary(Must(db->EdgesBetween(kMervyn, kWendy))) == wendy_mervyn,
             boost::test_tools::per_element());
  BOOST_TEST(Summary(Must(db->EdgesBetween(kWendy, kWendy))) == (Lines{"1->1 linked 2009-12-06"}),
             boost::test_tools::per_element());
  BOOST_TEST(Must(db->EdgesBetween(kMervyn, kMargo)).empty());
}

BOOST_AUTO_TEST_CASE(edges_of_a_person_carry_every_field) {
  auto db = OpenMemoryStore();
  MustOk(db->ReplaceGraph(Blog()));
  std::vector<StoredEdge> edges = Must(db->EdgesOf(kMargo));
  BOOST_REQUIRE_EQUAL(edges.size(), 3u);
  CheckEdge(edges[0], Blog().edges[7]);  // commented
  CheckEdge(edges[1], Blog().edges[2]);  // plans_to_meet: event, when, evidence
  CheckEdge(edges[2], Blog().edges[3]);  // replied
}

BOOST_AUTO_TEST_CASE(neighbours_are_distinct_both_ways_and_exclude_the_person) {
  auto db = OpenMemoryStore();
  MustOk(db->ReplaceGraph(Blog()));
  // Wendy links to herself and meets Mervyn twice; both count once or not at all.
  BOOST_TEST(Sorted(Must(db->Neighbours(kWendy))) == (Ids{kMargo, kMervyn, kLara}));
  BOOST_TEST(Must(db->Neighbours(kMervyn)) == Ids{kWendy});  // only edges to him and back
  BOOST_TEST(Must(db->Neighbours(kLara)) == Ids{kWendy});
  BOOST_TEST(Must(db->Neighbours(kWendyNg)).empty());
}

BOOST_AUTO_TEST_CASE(neighbours_keep_only_the_kinds_asked_for) {
  auto db = OpenMemoryStore();
  MustOk(db->ReplaceGraph(Blog()));
  BOOST_TEST(Sorted(Must(db->Neighbours(kWendy, {"met", "spoke"}))) == (Ids{kMervyn, kLara}));
  BOOST_TEST(Must(db->Neighbours(kWendy, {"plans_to_meet"})) == Ids{kMargo});
  BOOST_TEST(Must(db->Neighbours(kWendy, {"linked"})).empty());  // only the self-link
  BOOST_TEST(Must(db->Neighbours(kMargo, {"met", "spoke"})).empty());
  // A kind's name inside another's ("met" in "plans_to_meet") does not match.
  BOOST_TEST(Must(db->Neighbours(kMargo, {"met"})).empty());
  BOOST_TEST(Sorted(Must(db->Neighbours(kWendy, {}))) == Sorted(Must(db->Neighbours(kWendy))));
}

BOOST_AUTO_TEST_CASE(failed_replace_leaves_the_previous_graph_intact) {
  auto db = OpenMemoryStore();
  MustOk(db->ReplaceGraph(Blog()));
  const GraphReads before = ReadAll(*db);

  GraphSnapshot broken = Blog();
  broken.rules_version = "rules-broken";
  broken.people.pop_back();
  broken.edges.push_back(Edge(99, kWendy, "met", "2010-01-01", kPostUrl));  // no person 99
  Status replaced = db->ReplaceGraph(broken);
  BOOST_REQUIRE(!replaced.ok());
  BOOST_TEST(replaced.error().message.find("replace graph: ") == 0u, replaced.error().message);
  BOOST_TEST(replaced.error().message.find("no person at position 99") != std::string::npos,
             replaced.error().message);

  CheckSameGraph(ReadAll(*db), before);
  BOOST_TEST(Must(db->FindPeopleByIdentity("name", "wendy")) == (Ids{kWendy, kWendyNg}));
  // The store is still usable.
  MustOk(db->ReplaceGraph(Blog()));
  BOOST_TEST(Must(db->Graph()).edges == 9);
}

BOOST_AUTO_TEST_CASE(any_failing_row_rolls_the_whole_replace_back) {
  auto db = OpenMemoryStore();
  MustOk(db->ReplaceGraph(Blog()));
  const GraphReads before = ReadAll(*db);

  GraphSnapshot duplicate_key = Blog();
  duplicate_key.people.push_back(duplicate_key.people[0]);
  GraphSnapshot unknown_author = Blog();
  unknown_author.authors.push_back(Authorship{"https://nobody.example/", 99});
  GraphSnapshot unknown_kind = Blog();
  unknown_kind.edges.push_back(Edge(kWendy, kMargo, "liked", "", kPostUrl));
  GraphSnapshot edge_to_nobody = Blog();
  edge_to_nobody.edges.push_back(Edge(kWendy, 0, "mentioned", "", kPostUrl));
  const std::vector<std::pair<std::string, GraphSnapshot>> faults = {
      {"duplicate person key", duplicate_key},
      {"author who is nobody", unknown_author},
      {"edge of an unknown kind", unknown_kind},
      {"edge to person 0", edge_to_nobody},
  };
  for (const auto& [name, snapshot] : faults) {
    BOOST_TEST_CONTEXT(name) {
      BOOST_TEST(!db->ReplaceGraph(snapshot).ok());
      CheckSameGraph(ReadAll(*db), before);
    }
  }
}

BOOST_AUTO_TEST_CASE(edge_indexes_exist_after_a_replace_and_after_a_failed_one) {
  TempDir dir;
  const std::string path = (dir.path() / "linkgraph.db").string();
  const std::string count_indexes =
      "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
      " AND name IN ('edges_from', 'edges_to')";
  {
    auto db = Must(store::OpenSqliteStore(path));
    MustOk(db->ReplaceGraph(Blog()));
    // Every edge changes, so the indexes are dropped before the writes, and
    // the first insert fails (a kind the table refuses).
    GraphSnapshot broken = Blog();
    for (StoredEdge& edge : broken.edges) edge.kind = "liked";
    BOOST_TEST(!db->ReplaceGraph(broken).ok());
  }
  RawDatabase raw(path);
  BOOST_TEST(raw.QueryInt(count_indexes) == 2);
}

BOOST_AUTO_TEST_CASE(file_store_keeps_the_graph_across_reopening) {
  TempDir dir;
  const std::string path = (dir.path() / "linkgraph.db").string();
  { MustOk(Must(store::OpenSqliteStore(path))->ReplaceGraph(Blog())); }
  auto db = Must(store::OpenSqliteStore(path));
  CheckPeople(Must(db->People()), Blog().people);
  BOOST_TEST(Must(db->Edges()).size() == Blog().edges.size());
  BOOST_TEST(Must(db->Authors()).size() == Blog().authors.size());
  BOOST_TEST(Must(db->Graph()).rules_version == "rules-1");
  BOOST_TEST(Must(db->FindPeopleByIdentity("name", "wendy")) == (Ids{kWendy, kWendyNg}));
  BOOST_TEST(Summary(Must(db->EdgesOf(kMargo))) ==
                 (Lines{"2->1 commented 2009-12-07", "2->1 plans_to_meet 2010-02",
                        "1->2 replied 2009-12-07"}),
             boost::test_tools::per_element());
  BOOST_TEST(Sorted(Must(db->Neighbours(kWendy, {"met", "spoke"}))) == (Ids{kMervyn, kLara}));
}

BOOST_AUTO_TEST_CASE(another_connection_sees_a_replaced_graph) {
  TempDir dir;
  const std::string path = (dir.path() / "linkgraph.db").string();
  auto writer = Must(store::OpenSqliteStore(path));
  auto reader = Must(store::OpenSqliteStore(path));
  BOOST_TEST(!Must(reader->Graph()).built);
  MustOk(writer->ReplaceGraph(Blog()));
  BOOST_TEST(Must(reader->Graph()).people == 5);
  CheckPeople(Must(reader->People()), Blog().people);
}

BOOST_AUTO_TEST_CASE(new_store_is_at_the_latest_schema_with_graph_tables) {
  TempDir dir;
  const std::string path = (dir.path() / "linkgraph.db").string();
  { auto db = Must(store::OpenSqliteStore(path)); }
  RawDatabase raw(path);
  BOOST_TEST(store::LatestSchemaVersion() >= 2);
  BOOST_TEST(raw.QueryInt("PRAGMA user_version") == store::LatestSchemaVersion());
  for (const char* table : {"people", "person_identities", "edges", "authors", "graph_state"}) {
    BOOST_TEST(raw.QueryInt(std::string("SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                                        " AND name = '") +
                            table + "'") == 1,
               table);
  }
}

// A version 1 file with pages: made by a current store, then taken back to
// version 1 by hand (migration 7's text_reads, migration 5's pages_version, migration 4's
// comments.kind and migration 3's crawl tables dropped, migration 2 undone:
// its tables dropped, version 1's unused people tables put back), since
// nothing else writes version 1 now.
BOOST_AUTO_TEST_CASE(version_1_file_migrates_to_2_keeping_its_pages) {
  TempDir dir;
  const std::string path = (dir.path() / "linkgraph.db").string();
  { Must(Must(store::OpenSqliteStore(path))->SavePages({PostPage()})); }
  {
    RawDatabase raw(path);
    raw.Exec(R"sql(
      BEGIN;
      DROP TABLE text_reads; DROP TABLE pages_version; DROP TABLE redirects; DROP TABLE crawl_urls; DROP TABLE crawls;
      DROP TABLE graph_state; DROP TABLE authors; DROP TABLE edges;
      DROP TABLE person_identities; DROP TABLE people;
      ALTER TABLE comments DROP COLUMN kind;
      DROP TABLE runs; ALTER TABLE posts DROP COLUMN first_seen;
      ALTER TABLE comments DROP COLUMN first_seen; ALTER TABLE trackbacks DROP COLUMN first_seen;
      CREATE TABLE people (id INTEGER PRIMARY KEY, display_name TEXT NOT NULL DEFAULT '');
      CREATE TABLE person_identities (
        person_id INTEGER NOT NULL REFERENCES people(id),
        identity_id INTEGER NOT NULL REFERENCES identities(id),
        reason TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (person_id, identity_id));
      CREATE INDEX person_identities_identity ON person_identities(identity_id);
      PRAGMA user_version = 1;
      COMMIT;
    )sql");
    BOOST_REQUIRE(raw.QueryInt("PRAGMA user_version") == 1);
  }

  auto db = Must(store::OpenSqliteStore(path));
  CheckCounts(Must(db->Count()), FixtureCounts());
  BOOST_TEST(Must(db->Posts()).at(0).post.title == PostPage().extracted->post.title);
  BOOST_TEST(Must(db->Comments()).size() == 2u);
  BOOST_TEST(!Must(db->Graph()).built);
  MustOk(db->ReplaceGraph(Blog()));
  CheckPeople(Must(db->People()), Blog().people);

  RawDatabase raw(path);
  BOOST_TEST(raw.QueryInt("PRAGMA user_version") == store::LatestSchemaVersion());
  BOOST_TEST(raw.QueryInt("SELECT count(*) FROM pragma_table_info('people')"
                          " WHERE name = 'display_name'") == 0);
  BOOST_TEST(raw.QueryInt("SELECT count(*) FROM sqlite_master"
                          " WHERE name = 'person_identities_identity'") == 0);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::store_test
