// ReplaceGraph writing a derivation over a stored one: what readers see is
// what a fresh store given the same snapshot shows (people compared by key),
// people keep their ids by key, new people come after the highest id, rows
// that did not change stay as they were, and a write that fails changes
// nothing. The equivalence runs over a few hundred generated graphs, each a
// random change of the one before.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "store/store.h"
#include "tests/store/graph_fixtures.h"
#include "tests/store/store_fixtures.h"
#include "tests/support/test_paths.h"

namespace linkgraph::store_test {
namespace LINKGRAPH_FILE_SCOPE {

using linkgraph::testing::TempDir;
using Lines = std::vector<std::string>;

// ---- A graph named by keys, from which snapshots are made.

struct KeyedEdge {
  std::string from, to;  // person keys
  StoredEdge edge;       // from and to unused
};

struct KeyedGraph {
  std::map<std::string, StoredPerson> people;  // by key
  std::vector<KeyedEdge> edges;
  std::vector<std::pair<std::string, std::string>> authors;  // (source URL, person key)
  std::string rules_version = "rules-1";
};

// As graph/ gives it: people in key order, named by position.
GraphSnapshot SnapshotOf(const KeyedGraph& graph) {
  GraphSnapshot snapshot;
  snapshot.rules_version = graph.rules_version;
  std::map<std::string, long long> position;
  for (const auto& [key, person] : graph.people) {
    snapshot.people.push_back(person);
    position[key] = static_cast<long long>(snapshot.people.size());
  }
  for (const KeyedEdge& keyed : graph.edges) {
    StoredEdge edge = keyed.edge;
    edge.from = position.at(keyed.from);
    edge.to = position.at(keyed.to);
    snapshot.edges.push_back(edge);
  }
  for (const auto& [url, key] : graph.authors) {
    snapshot.authors.push_back(Authorship{url, position.at(key)});
  }
  return snapshot;
}

// ---- Random graphs and random changes, from small pools so that equal
// edges, shared identities and repeated authorships are common.

class Generator {
 public:
  explicit Generator(unsigned seed) : rng_(seed) {}

  KeyedGraph Graph() {
    KeyedGraph graph;
    for (int i = Below(8); i > 0; --i) AddPerson(graph);
    for (int i = Below(25); i > 0; --i) AddEdge(graph);
    for (int i = Below(6); i > 0; --i) AddAuthor(graph);
    return graph;
  }

  // A few of the changes a recrawl brings, or (one time in ten) a graph of
  // its own, as after a change of rules.
  KeyedGraph Change(KeyedGraph graph) {
    if (Below(10) == 0) return Graph();
    for (int changes = 1 + Below(4); changes > 0; --changes) ChangeOnce(graph);
    if (Below(8) == 0) graph.rules_version = "rules-" + std::to_string(Below(3));
    return graph;
  }

 private:
  int Below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[static_cast<size_t>(Below(static_cast<int>(items.size())))];
  }
  std::string AnyKey(const KeyedGraph& graph) {
    auto it = graph.people.begin();
    std::advance(it, Below(static_cast<int>(graph.people.size())));
    return it->first;
  }

  void ChangeOnce(KeyedGraph& graph) {
    switch (Below(9)) {
      case 0:
        AddPerson(graph);
        break;
      case 1:
        RemovePerson(graph);
        break;
      case 2:
        ChangePerson(graph);
        break;
      case 3:
        MoveIdentity(graph);
        break;
      case 4:
        AddEdge(graph);
        break;
      case 5:
        RemoveEdge(graph);
        break;
      case 6:
        DuplicateEdge(graph);
        break;
      case 7:
        AddAuthor(graph);
        break;
      default:
        MoveAuthor(graph);
        break;
    }
  }

  PersonIdentity AnyIdentity() {
    const std::string normalised = "v" + std::to_string(Below(6));
    return Identity(Pick<std::string>({"handle", "name", "url", "site"}),
                    Pick<std::string>({"", "@"}) + normalised, normalised,
                    Pick<std::string>({"post author", "comment author"}));
  }

  void AddPerson(KeyedGraph& graph) {
    const std::string key = "handle:p" + std::to_string(Below(30));
    std::vector<PersonIdentity> identities;
    for (int i = Below(4); i > 0; --i) identities.push_back(AnyIdentity());
    graph.people[key] =
        Person(key, Pick<std::string>({"Ann", "Bob", "Cy"}), std::move(identities), Below(3));
  }

  void RemovePerson(KeyedGraph& graph) {
    if (graph.people.empty()) return;
    const std::string key = AnyKey(graph);
    graph.people.erase(key);
    std::erase_if(graph.edges,
                  [&](const KeyedEdge& edge) { return edge.from == key || edge.to == key; });
    std::erase_if(graph.authors, [&](const auto& author) { return author.second == key; });
  }

  void ChangePerson(KeyedGraph& graph) {
    if (graph.people.empty()) return;
    StoredPerson& person = graph.people[AnyKey(graph)];
    switch (Below(4)) {
      case 0:
        person.name += "e";
        break;
      case 1:
        ++person.texts;
        break;
      case 2:
        person.identities.push_back(AnyIdentity());
        break;
      default:
        std::reverse(person.identities.begin(), person.identities.end());
        break;
    }
  }

  void MoveIdentity(KeyedGraph& graph) {
    if (graph.people.empty()) return;
    StoredPerson& from = graph.people[AnyKey(graph)];
    if (from.identities.empty()) return;
    PersonIdentity moved = from.identities.back();
    from.identities.pop_back();
    graph.people[AnyKey(graph)].identities.push_back(std::move(moved));
  }

  void AddEdge(KeyedGraph& graph) {
    if (graph.people.empty()) return;
    StoredEdge edge = Edge(0, 0, Pick<std::string>({"mentioned", "commented", "met", "linked"}),
                           Pick<std::string>({"", "2009-12", "2010-01-02"}),
                           "https://s.example/" + std::to_string(Below(4)));
    edge.detail = Pick<std::string>({"", "phone"});
    edge.evidence = Pick<std::string>({"", "We met.", "We met"});
    graph.edges.push_back(KeyedEdge{AnyKey(graph), AnyKey(graph), edge});
  }

  void RemoveEdge(KeyedGraph& graph) {
    if (graph.edges.empty()) return;
    graph.edges.erase(graph.edges.begin() + Below(static_cast<int>(graph.edges.size())));
  }

  void DuplicateEdge(KeyedGraph& graph) {
    if (graph.edges.empty()) return;
    graph.edges.push_back(Pick(graph.edges));
  }

  void AddAuthor(KeyedGraph& graph) {
    if (graph.people.empty()) return;
    graph.authors.emplace_back("https://s.example/t" + std::to_string(Below(8)), AnyKey(graph));
  }

  void MoveAuthor(KeyedGraph& graph) {
    if (graph.authors.empty()) return;
    graph.authors[static_cast<size_t>(Below(static_cast<int>(graph.authors.size())))].second =
        AnyKey(graph);
  }

  std::mt19937 rng_;
};

// ---- What a store shows, with people named by key, in an order of its own.

struct ReadByKey {
  Lines people;      // key, name, texts, identities in order
  Lines edges;       // every field, sorted: equal edges are listed each time
  Lines authors;     // source URL and key
  Lines neighbours;  // each person's, through the edge indexes
  Lines matches;     // who each identity finds, through the identity index
  Lines state;       // rules version and counts
};

std::string Joined(const std::vector<std::string>& parts) {
  std::string joined;
  for (const std::string& part : parts) joined += part + "|";
  return joined;
}

ReadByKey Read(store::Store& db) {
  ReadByKey read;
  std::map<long long, std::string> key_of;
  std::vector<StoredPerson> people = Must(db.People());
  for (const StoredPerson& person : people) key_of[person.id] = person.key;
  for (const StoredPerson& person : people) {
    std::vector<std::string> parts = {person.key, person.name, std::to_string(person.texts)};
    for (const PersonIdentity& member : person.identities) {
      const IdentityRef& identity = member.identity;
      parts.push_back(Joined({identity.kind, identity.value, identity.normalised, member.reason}));
      std::set<std::string> found;  // by id, so sorted here
      for (long long id : Must(db.FindPeopleByIdentity(identity.kind, identity.normalised))) {
        found.insert(key_of.at(id));
      }
      read.matches.push_back(identity.kind + " " + identity.normalised + ": " +
                             Joined({found.begin(), found.end()}));
    }
    read.people.push_back(Joined(parts));
    std::set<std::string> near;
    for (long long id : Must(db.Neighbours(person.id))) near.insert(key_of.at(id));
    read.neighbours.push_back(person.key + ": " + Joined({near.begin(), near.end()}));
  }
  for (const StoredEdge& e : Must(db.Edges())) {
    read.edges.push_back(Joined({key_of.at(e.from), key_of.at(e.to), e.kind, e.date, e.detail,
                                 e.event, e.when, e.evidence, e.source_url}));
  }
  for (const Authorship& author : Must(db.Authors())) {
    read.authors.push_back(author.source_url + " " + key_of.at(author.person));
  }
  store::GraphState state = Must(db.Graph());
  read.state = {state.rules_version, std::to_string(state.people), std::to_string(state.edges)};
  for (Lines* lines : {&read.people, &read.edges, &read.neighbours, &read.matches}) {
    std::sort(lines->begin(), lines->end());
  }
  return read;
}

// The first line that differs, for a failure that can be read.
std::string FirstDifference(const Lines& actual, const Lines& expected) {
  for (size_t i = 0; i < std::max(actual.size(), expected.size()); ++i) {
    const std::string a = i < actual.size() ? actual[i] : "(none)";
    const std::string e = i < expected.size() ? expected[i] : "(none)";
    if (a != e) return "line " + std::to_string(i) + ": " + a + " != " + e;
  }
  return "";
}

// Whether the two read the same, failing the test on each part that does not.
bool CheckSameReads(const ReadByKey& actual, const ReadByKey& expected) {
  const std::vector<std::pair<const char*, std::pair<const Lines*, const Lines*>>> parts = {
      {"people", {&actual.people, &expected.people}},
      {"edges", {&actual.edges, &expected.edges}},
      {"authors", {&actual.authors, &expected.authors}},
      {"neighbours", {&actual.neighbours, &expected.neighbours}},
      {"identity matches", {&actual.matches, &expected.matches}},
      {"state", {&actual.state, &expected.state}},
  };
  bool same = true;
  for (const auto& [name, lines] : parts) {
    const std::string difference = FirstDifference(*lines.first, *lines.second);
    BOOST_TEST(difference.empty(), name << ": " << difference);
    same = same && difference.empty();
  }
  return same;
}

std::map<std::string, long long> IdsByKey(store::Store& db) {
  std::map<std::string, long long> ids;
  for (const StoredPerson& person : Must(db.People())) ids[person.key] = person.id;
  return ids;
}

// People derived again keep their ids; new people come after the highest
// id stored before, in key order.
bool CheckIds(const std::map<std::string, long long>& before,
              const std::map<std::string, long long>& after) {
  long long next = 0;
  for (const auto& [key, id] : before) next = std::max(next, id);
  bool kept = true;
  for (const auto& [key, id] : after) {
    auto old = before.find(key);
    const long long expected = old != before.end() ? old->second : ++next;
    BOOST_TEST(id == expected, "person " << key);
    kept = kept && id == expected;
  }
  return kept;
}

// A table's row ids, in order: "1 2 3".
std::string RowIds(RawDatabase& raw, const std::string& table) {
  return raw.QueryText("SELECT group_concat(rowid, ' ') FROM (SELECT rowid FROM " + table +
                       " ORDER BY rowid)");
}

BOOST_AUTO_TEST_SUITE(graph_writer)

BOOST_AUTO_TEST_CASE(a_replaced_graph_reads_as_the_same_graph_written_fresh) {
  for (unsigned seed : {1u, 2u, 3u, 4u}) {
    Generator generate(seed);
    auto evolving = OpenMemoryStore();
    KeyedGraph graph = generate.Graph();
    for (int generation = 0; generation < 80; ++generation) {
      BOOST_TEST_CONTEXT("seed " << seed << ", generation " << generation) {
        const std::map<std::string, long long> ids_before = IdsByKey(*evolving);
        const GraphSnapshot snapshot = SnapshotOf(graph);
        MustOk(evolving->ReplaceGraph(snapshot));
        auto fresh = OpenMemoryStore();
        MustOk(fresh->ReplaceGraph(snapshot));
        if (!CheckSameReads(Read(*evolving), Read(*fresh))) return;
        if (!CheckIds(ids_before, IdsByKey(*evolving))) return;
      }
      graph = generate.Change(std::move(graph));
    }
  }
}

BOOST_AUTO_TEST_CASE(a_person_derived_again_keeps_its_id_when_its_position_moves) {
  auto db = OpenMemoryStore();
  MustOk(db->ReplaceGraph(Blog()));
  // Someone new first: everyone else moves down one position.
  GraphSnapshot next = Blog();
  next.people.insert(next.people.begin(), Person("handle:aaron", "Aaron",
                                                 {Identity("handle", "@Aaron", "aaron", "")}, 0));
  for (StoredEdge& edge : next.edges) ++edge.from, ++edge.to;
  for (Authorship& author : next.authors) ++author.person;
  next.edges.push_back(Edge(1, kMargo + 1, "mentioned", "2010-01-01", kComment1));
  MustOk(db->ReplaceGraph(next));

  BOOST_TEST(Must(db->FindPeopleByIdentity("handle", "hrmargo")) == std::vector<long long>{kMargo});
  BOOST_TEST(Must(db->FindPeopleByIdentity("handle", "aaron")) ==
             std::vector<long long>{kWendyNg + 1});
  BOOST_TEST(Must(db->Neighbours(kWendyNg + 1)) == std::vector<long long>{kMargo});
  BOOST_TEST(Must(db->EdgesBetween(kWendy, kMervyn)).size() == 3u);
  Lines authors;
  for (const Authorship& author : Must(db->Authors())) {
    authors.push_back(author.source_url + " " + std::to_string(author.person));
  }
  BOOST_TEST(authors == (Lines{std::string(kPostUrl) + " 1", kComment1 + " 2", kComment2 + " 1"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(new_people_get_ids_after_the_highest_in_use) {
  auto db = OpenMemoryStore();
  MustOk(db->ReplaceGraph(Blog()));
  // Mervyn (3) and Wendy Ng (5, the highest) are no longer derived; two new
  // people come in, between the others in key order.
  GraphSnapshot next;
  next.rules_version = "rules-1";
  next.people = {Blog().people[1], Person("handle:kim", "Kim", {}, 0), Blog().people[3],
                 Person("handle:zoe", "Zoe", {}, 0), Blog().people[0]};
  MustOk(db->ReplaceGraph(next));
  Lines people;
  for (const StoredPerson& person : Must(db->People())) {
    people.push_back(std::to_string(person.id) + " " + person.key);
  }
  BOOST_TEST(people == (Lines{"1 url:wendy.example", "2 handle:hrmargo", "4 handle:laranewman",
                              "6 handle:kim", "7 handle:zoe"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_first_derivation_numbers_people_in_the_given_order) {
  auto db = OpenMemoryStore();
  MustOk(db->ReplaceGraph(Blog()));
  std::vector<StoredPerson> people = Must(db->People());
  BOOST_REQUIRE_EQUAL(people.size(), Blog().people.size());
  for (size_t i = 0; i < people.size(); ++i) {
    BOOST_TEST(people[i].id == static_cast<long long>(i) + 1);
    BOOST_TEST(people[i].key == Blog().people[i].key);
  }
}

BOOST_AUTO_TEST_CASE(a_small_change_keeps_the_rows_of_what_did_not_change) {
  TempDir dir;
  const std::string path = (dir.path() / "linkgraph.db").string();
  { MustOk(Must(store::OpenSqliteStore(path))->ReplaceGraph(Blog())); }
  // The edge stored first (edges are stored sorted) is no longer derived,
  // Lara's name changes.
  GraphSnapshot next = Blog();
  next.edges.erase(std::min_element(next.edges.begin(), next.edges.end(),
                                    [](const StoredEdge& a, const StoredEdge& b) {
                                      return std::tie(a.from, a.to, a.kind, a.date, a.source_url) <
                                             std::tie(b.from, b.to, b.kind, b.date, b.source_url);
                                    }));
  next.people[kLara - 1].name = "Lara Newman";
  { MustOk(Must(store::OpenSqliteStore(path))->ReplaceGraph(next)); }

  RawDatabase raw(path);
  BOOST_TEST(RowIds(raw, "edges") == "2 3 4 5 6 7 8 9");
  BOOST_TEST(RowIds(raw, "person_identities") == "1 2 3 4 5 6 7 8 9");
  BOOST_TEST(raw.QueryText("SELECT name FROM people WHERE id = 4") == "Lara Newman");
}

BOOST_AUTO_TEST_CASE(equal_edges_are_counted_not_merged) {
  auto db = OpenMemoryStore();
  GraphSnapshot twice = Blog();
  twice.edges.push_back(twice.edges[0]);
  twice.edges.push_back(twice.edges[0]);
  MustOk(db->ReplaceGraph(twice));
  BOOST_TEST(Must(db->Edges()).size() == 11u);
  MustOk(db->ReplaceGraph(Blog()));
  BOOST_TEST(Must(db->Edges()).size() == 9u);
  BOOST_TEST(Must(db->EdgesBetween(kWendy, kMervyn)).size() == 3u);
  MustOk(db->ReplaceGraph(twice));
  BOOST_TEST(Must(db->Edges()).size() == 11u);
  BOOST_TEST(Must(db->Graph()).edges == 11);
}

// Each fault comes after some rows were written: people renamed, added and
// removed, edges and authors changed, with the indexes dropped or kept.
BOOST_AUTO_TEST_CASE(a_write_failing_midway_leaves_the_previous_graph_and_ids) {
  auto db = OpenMemoryStore();
  MustOk(db->ReplaceGraph(Blog()));
  const ReadByKey before = Read(*db);
  const std::map<std::string, long long> ids = IdsByKey(*db);

  GraphSnapshot changed = Blog();
  changed.people[kWendy - 1].name = "Wendy Jones";
  changed.people.erase(changed.people.begin() + (kWendyNg - 1));
  changed.people.push_back(Person("handle:zoe", "Zoe", {Identity("name", "Zoe", "zoe", "")}, 1));
  changed.authors[0].person = kMargo;
  GraphSnapshot edge_to_nobody = changed;
  edge_to_nobody.edges.push_back(Edge(kWendy, 99, "met", "2010-01-01", kPostUrl));
  GraphSnapshot every_edge_refused = changed;
  for (StoredEdge& edge : every_edge_refused.edges) edge.kind = "liked";
  GraphSnapshot one_edge_refused = changed;
  one_edge_refused.edges.back().kind = "liked";
  GraphSnapshot author_nobody = changed;
  author_nobody.authors.push_back(Authorship{"https://nobody.example/", 0});
  GraphSnapshot key_twice = changed;
  key_twice.people.push_back(changed.people[kMargo - 1]);
  const std::vector<std::pair<std::string, GraphSnapshot>> faults = {
      {"edge to a position past the people", edge_to_nobody},
      {"every edge of an unknown kind", every_edge_refused},
      {"one edge of an unknown kind", one_edge_refused},
      {"author at position 0", author_nobody},
      {"person key given twice", key_twice},
  };
  for (const auto& [name, snapshot] : faults) {
    BOOST_TEST_CONTEXT(name) {
      Status replaced = db->ReplaceGraph(snapshot);
      BOOST_TEST(!replaced.ok());
      if (!replaced.ok()) {
        BOOST_TEST(replaced.error().message.find("replace graph: ") == 0u,
                   replaced.error().message);
      }
      CheckSameReads(Read(*db), before);
      BOOST_TEST((IdsByKey(*db) == ids));
    }
  }
  MustOk(db->ReplaceGraph(changed));
  BOOST_TEST(Must(db->FindPeopleByIdentity("name", "zoe")) == std::vector<long long>{kWendyNg + 1});
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::store_test
