#include "store/graph_tables.h"

#include <cstdlib>
#include <sstream>
#include <string>
#include <utility>

namespace linkgraph::store {
namespace {

constexpr const char* kClearGraph =
    "DELETE FROM edges; DELETE FROM authors; DELETE FROM person_identities; DELETE FROM people;"
    " DELETE FROM graph_state;";
// Building the edge indexes once after a bulk insert is several times
// faster than keeping them up to date row by row. Same definitions as
// schema migration 2 (a later migration that changes them changes these).
constexpr const char* kDropEdgeIndexes =
    "DROP INDEX IF EXISTS edges_from; DROP INDEX IF EXISTS edges_to;";
constexpr const char* kCreateEdgeIndexes =
    "CREATE INDEX edges_from ON edges(from_person, to_person, kind);"
    " CREATE INDEX edges_to ON edges(to_person, from_person, kind);";
constexpr const char* kInsertPerson =
    "INSERT INTO people (id, key, name, texts) VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kInsertPersonIdentity =
    "INSERT INTO person_identities (person_id, kind, value, normalised, reason)"
    " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING";
constexpr const char* kInsertEdge =
    "INSERT INTO edges (from_person, to_person, kind, date, detail, event, when_text, evidence,"
    " source_url) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
constexpr const char* kInsertAuthor =
    "INSERT INTO authors (source_url, person_id) VALUES (?1, ?2)"
    " ON CONFLICT (source_url) DO NOTHING";
constexpr const char* kSelectAuthors =
    "SELECT source_url, person_id FROM authors ORDER BY source_url";
// In the transaction that writes the graph, so a graph is never marked
// current without having been written.
constexpr const char* kInsertState =
    "INSERT INTO graph_state (id, rules_version, built_at, people, edges, pages_version,"
    " unread_languages)"
    " VALUES (1, ?1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?2, ?3,"
    " COALESCE(?4, (SELECT version FROM pages_version WHERE id = 1)), ?5)";

// The counts are kept with the state: counting a million edges on every
// report would cost more than most reports.
constexpr const char* kSelectState =
    "SELECT g.rules_version, g.built_at, g.people, g.edges, g.pages_version, v.version,"
    " g.unread_languages"
    " FROM pages_version v LEFT JOIN graph_state g ON g.id = 1 WHERE v.id = 1";
constexpr const char* kSelectPeople = "SELECT id, key, name, texts FROM people ORDER BY id";
constexpr const char* kSelectAllIdentities =
    "SELECT person_id, kind, value, normalised, reason FROM person_identities"
    " ORDER BY person_id, rowid";
constexpr const char* kSelectPerson = "SELECT id, key, name, texts FROM people WHERE id = ?1";
constexpr const char* kSelectIdentitiesOf =
    "SELECT person_id, kind, value, normalised, reason FROM person_identities"
    " WHERE person_id = ?1 ORDER BY rowid";
constexpr const char* kSelectPeopleByIdentity =
    "SELECT DISTINCT person_id FROM person_identities WHERE kind = ?1 AND normalised = ?2"
    " ORDER BY person_id";

// Counts by name kept in one column: "de=120 fr=30".
std::string EncodeCounts(const std::map<std::string, long long>& counts) {
  std::string encoded;
  for (const auto& [name, count] : counts) {
    if (!encoded.empty()) encoded += ' ';
    encoded += name + "=" + std::to_string(count);
  }
  return encoded;
}

std::map<std::string, long long> DecodeCounts(const std::string& encoded) {
  std::map<std::string, long long> counts;
  std::istringstream words(encoded);
  for (std::string word; words >> word;) {
    const size_t equals = word.find('=');
    if (equals == std::string::npos) continue;
    counts[word.substr(0, equals)] = std::strtoll(word.c_str() + equals + 1, nullptr, 10);
  }
  return counts;
}

#define LINKGRAPH_EDGE_COLUMNS \
  "from_person, to_person, kind, date, detail, event, when_text, evidence, source_url"
constexpr const char* kSelectEdges =
    "SELECT " LINKGRAPH_EDGE_COLUMNS " FROM edges ORDER BY from_person, to_person, kind, id";
constexpr const char* kSelectEdgesOf =
    "SELECT " LINKGRAPH_EDGE_COLUMNS
    " FROM (SELECT * FROM edges WHERE from_person = ?1"
    " UNION ALL SELECT * FROM edges WHERE to_person = ?1 AND from_person <> ?1)"
    " ORDER BY kind, date, id";
constexpr const char* kSelectEdgesBetween =
    "SELECT " LINKGRAPH_EDGE_COLUMNS
    " FROM (SELECT * FROM edges WHERE from_person = ?1"
    " AND to_person = ?2 UNION ALL SELECT * FROM edges WHERE from_person = ?2"
    " AND to_person = ?1 AND ?1 <> ?2) ORDER BY kind, date, id";
// kinds is bound as ",met,spoke," (or "" for every kind) so one prepared
// statement serves every filter.
constexpr const char* kSelectNeighbours =
    "SELECT to_person FROM edges WHERE from_person = ?1"
    " AND (?2 = '' OR instr(?2, ',' || kind || ',') > 0)"
    " UNION SELECT from_person FROM edges WHERE to_person = ?1"
    " AND (?2 = '' OR instr(?2, ',' || kind || ',') > 0) ORDER BY 1";
#undef LINKGRAPH_EDGE_COLUMNS

StoredEdge EdgeFromRow(const Statement& s) {
  return StoredEdge{s.Int(0),  s.Int(1),  s.Text(2), s.Text(3), s.Text(4),
                    s.Text(5), s.Text(6), s.Text(7), s.Text(8)};
}

PersonIdentity IdentityFromRow(const Statement& s) {
  return PersonIdentity{IdentityRef{s.Text(1), s.Text(2), s.Text(3)}, s.Text(4)};
}

StoredPerson PersonFromRow(const Statement& s) {
  StoredPerson person;
  person.id = s.Int(0);
  person.key = s.Text(1);
  person.name = s.Text(2);
  person.texts = s.Int(3);
  return person;
}

// Runs a cached edge query with its parameters, every row an edge.
template <typename... Ids>
Result<std::vector<StoredEdge>> ReadEdgesWith(StatementCache& statements, const char* sql,
                                              Ids... ids) {
  Result<ScopedStatement> query = statements.Get(sql);
  if (!query) return query.error();
  (*query)->BindAll(ids...);
  std::vector<StoredEdge> edges;
  Status read = EachRow(**query, [&](const Statement& s) { edges.push_back(EdgeFromRow(s)); });
  if (!read) return read.error();
  return edges;
}

std::string KindsFilter(const std::vector<std::string>& kinds) {
  if (kinds.empty()) return "";
  std::string filter = ",";
  for (const std::string& kind : kinds) filter += kind + ",";
  return filter;
}

}  // namespace

Status GraphTables::Replace(const GraphSnapshot& graph) {
  if (Status cleared = Exec(db_, kClearGraph); !cleared) return cleared;
  long long id = 0;
  for (const StoredPerson& person : graph.people) {
    if (Status inserted = InsertPerson(person, ++id); !inserted) return inserted;
  }
  if (Status dropped = Exec(db_, kDropEdgeIndexes); !dropped) return dropped;
  for (const StoredEdge& edge : graph.edges) {
    if (Status inserted = InsertEdge(edge); !inserted) return inserted;
  }
  if (Status indexed = Exec(db_, kCreateEdgeIndexes); !indexed) return indexed;
  Result<ScopedStatement> author = statements_->Get(kInsertAuthor);
  if (!author) return author.error();
  for (const Authorship& authorship : graph.authors) {
    (*author)->BindAll(authorship.source_url, authorship.person);
    if (Status added = (*author)->Run(); !added) return added;
    (*author)->Reset();
  }
  Result<ScopedStatement> state = statements_->Get(kInsertState);
  if (!state) return state.error();
  return (*state)
      ->BindAll(graph.rules_version, static_cast<long long>(graph.people.size()),
                static_cast<long long>(graph.edges.size()), graph.pages_version,
                EncodeCounts(graph.unread_languages))
      .Run();
}

Status GraphTables::InsertPerson(const StoredPerson& person, long long id) {
  Result<ScopedStatement> insert = statements_->Get(kInsertPerson);
  if (!insert) return insert.error();
  Status inserted = (*insert)->BindAll(id, person.key, person.name, person.texts).Run();
  if (!inserted) return inserted.error().WithContext("person " + person.key);
  Result<ScopedStatement> add = statements_->Get(kInsertPersonIdentity);
  if (!add) return add.error();
  for (const PersonIdentity& member : person.identities) {
    const IdentityRef& identity = member.identity;
    (*add)->BindAll(id, identity.kind, identity.value, identity.normalised, member.reason);
    if (Status added = (*add)->Run(); !added) {
      return added.error().WithContext("identity of " + person.key);
    }
    (*add)->Reset();
  }
  return {};
}

Status GraphTables::InsertEdge(const StoredEdge& edge) {
  Result<ScopedStatement> insert = statements_->Get(kInsertEdge);
  if (!insert) return insert.error();
  return (*insert)
      ->BindAll(edge.from, edge.to, edge.kind, edge.date, edge.detail, edge.event, edge.when,
                edge.evidence, edge.source_url)
      .Run();
}

Result<GraphState> GraphTables::State() {
  Result<ScopedStatement> query = statements_->Get(kSelectState);
  if (!query) return query.error();
  Result<bool> row = (*query)->Step();
  if (!row) return row.error();
  if (!*row) return Error{ErrorCode::kCorrupt, "pages_version has no row"};
  const Statement& s = **query;
  GraphState state;
  state.pages_version = s.Int(5);
  if (s.IsNull(0)) return state;  // not built
  state.built = true;
  state.rules_version = s.Text(0);
  state.built_at = s.Text(1);
  state.people = s.Int(2);
  state.edges = s.Int(3);
  state.derived_from = s.Int(4);
  state.unread_languages = DecodeCounts(s.Text(6));
  state.stale = state.derived_from < state.pages_version;
  return state;
}

Result<std::vector<StoredPerson>> GraphTables::People() {
  Result<Transaction> snapshot = Transaction::BeginRead(db_);
  if (!snapshot) return snapshot.error();
  std::vector<StoredPerson> people;
  Result<Statement> query = Statement::Prepare(db_, kSelectPeople);
  if (!query) return query.error();
  Status read = EachRow(*query, [&](const Statement& s) { people.push_back(PersonFromRow(s)); });
  if (!read) return read.error();
  Result<Statement> identities = Statement::Prepare(db_, kSelectAllIdentities);
  if (!identities) return identities.error();
  // ids are 1..n, so a person's index is id - 1.
  read = EachRow(*identities, [&](const Statement& s) {
    const long long id = s.Int(0);
    if (id >= 1 && id <= static_cast<long long>(people.size())) {
      people[static_cast<size_t>(id - 1)].identities.push_back(IdentityFromRow(s));
    }
  });
  if (!read) return read.error();
  return people;
}

Result<std::vector<StoredEdge>> GraphTables::Edges() {
  std::vector<StoredEdge> edges;
  Result<Statement> query = Statement::Prepare(db_, kSelectEdges);
  if (!query) return query.error();
  Status read = EachRow(*query, [&](const Statement& s) { edges.push_back(EdgeFromRow(s)); });
  if (!read) return read.error();
  return edges;
}

Result<std::vector<Authorship>> GraphTables::Authors() {
  std::vector<Authorship> authors;
  Result<Statement> query = Statement::Prepare(db_, kSelectAuthors);
  if (!query) return query.error();
  Status read = EachRow(*query, [&](const Statement& s) {
    authors.push_back(Authorship{s.Text(0), s.Int(1)});
  });
  if (!read) return read.error();
  return authors;
}

Result<std::optional<StoredPerson>> GraphTables::FindPerson(long long id) {
  Result<ScopedStatement> query = statements_->Get(kSelectPerson);
  if (!query) return query.error();
  Result<bool> row = (*query)->Bind(1, id).Step();
  if (!row) return row.error();
  if (!*row) return std::optional<StoredPerson>();
  StoredPerson person = PersonFromRow(**query);
  Result<ScopedStatement> identities = statements_->Get(kSelectIdentitiesOf);
  if (!identities) return identities.error();
  (*identities)->Bind(1, id);
  Status read = EachRow(
      **identities, [&](const Statement& s) { person.identities.push_back(IdentityFromRow(s)); });
  if (!read) return read.error();
  return std::optional<StoredPerson>(std::move(person));
}

Result<std::vector<long long>> GraphTables::FindPeopleByIdentity(const std::string& kind,
                                                                 const std::string& normalised) {
  Result<ScopedStatement> query = statements_->Get(kSelectPeopleByIdentity);
  if (!query) return query.error();
  (*query)->BindAll(kind, normalised);
  std::vector<long long> ids;
  Status read = EachRow(**query, [&](const Statement& s) { ids.push_back(s.Int(0)); });
  if (!read) return read.error();
  return ids;
}

Result<std::vector<StoredEdge>> GraphTables::EdgesOf(long long person) {
  return ReadEdgesWith(*statements_, kSelectEdgesOf, person);
}

Result<std::vector<StoredEdge>> GraphTables::EdgesBetween(long long a, long long b) {
  return ReadEdgesWith(*statements_, kSelectEdgesBetween, a, b);
}

Result<std::vector<long long>> GraphTables::Neighbours(long long person,
                                                       const std::vector<std::string>& kinds) {
  Result<ScopedStatement> query = statements_->Get(kSelectNeighbours);
  if (!query) return query.error();
  (*query)->BindAll(person, KindsFilter(kinds));
  std::vector<long long> ids;
  Status read = EachRow(**query, [&](const Statement& s) {
    if (s.Int(0) != person) ids.push_back(s.Int(0));
  });
  if (!read) return read.error();
  return ids;
}

}  // namespace linkgraph::store
