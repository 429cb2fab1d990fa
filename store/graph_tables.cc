#include "store/graph_tables.h"

#include <cstdlib>
#include <sstream>
#include <string>
#include <utility>

#include "common/clock.h"
#include "store/graph_writer.h"

namespace linkgraph::store {
namespace {

constexpr const char* kSelectAuthors =
    "SELECT source_url, person_id FROM authors ORDER BY source_url";

// In the transaction that writes the graph, so a graph is never marked
// current without having been written.
constexpr const char* kWriteState =
    "INSERT INTO graph_state (id, rules_version, built_at, people, edges,"
    " pages_version, unread_languages)"
    " VALUES (1, ?1, ?6, ?2, ?3, COALESCE(?4, (SELECT version FROM pages_version WHERE id = 1)),"
    " ?5) ON CONFLICT (id) DO UPDATE SET rules_version = excluded.rules_version,"
    " built_at = excluded.built_at, people = excluded.people, edges = excluded.edges,"
    " pages_version = excluded.pages_version, unread_languages = excluded.unread_languages";

// The counts are kept with the state: counting a million edges on every
// report would cost more than most reports.
constexpr const char* kSelectState =
    "SELECT g.rules_version, g.built_at, g.people, g.edges, g.pages_version, v.version,"
    " g.unread_languages"
    " FROM pages_version v LEFT JOIN graph_state g ON g.id = 1 WHERE v.id = 1";
constexpr const char* kSelectPeople = "SELECT id, key, name, texts FROM people ORDER BY id";
// Both by person, so one pass joins them.
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
// In table order, the cheapest: a writer counts them, it needs no order.
constexpr const char* kSelectEdgeRows = "SELECT " LINKGRAPH_EDGE_COLUMNS ", id FROM edges";
constexpr const char* kSelectEdgesOf =
    "SELECT " LINKGRAPH_EDGE_COLUMNS
    " FROM (SELECT * FROM edges WHERE from_person = ?1"
    " UNION ALL SELECT * FROM edges WHERE to_person = ?1 AND from_person <> ?1) AS e"
    " ORDER BY kind, date, id";
constexpr const char* kSelectEdgesBetween =
    "SELECT " LINKGRAPH_EDGE_COLUMNS
    " FROM (SELECT * FROM edges WHERE from_person = ?1"
    " AND to_person = ?2 UNION ALL SELECT * FROM edges WHERE from_person = ?2"
    " AND to_person = ?1 AND ?1 <> ?2) AS e ORDER BY kind, date, id";
// kinds is bound as ",met,spoke," (or "" for every kind) so one prepared
// statement serves every filter. LIKE, which both SQLite and PostgreSQL
// have: no kind holds '%' or '_'.
constexpr const char* kSelectNeighbours =
    "SELECT to_person FROM edges WHERE from_person = ?1"
    " AND (?2 = '' OR ?2 LIKE '%,' || kind || ',%')"
    " UNION SELECT from_person FROM edges WHERE to_person = ?1"
    " AND (?2 = '' OR ?2 LIKE '%,' || kind || ',%') ORDER BY 1";
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

Status GraphTables::WriteState(const GraphSnapshot& graph, long long edges) {
  Result<ScopedStatement> write = statements_->Get(kWriteState);
  if (!write) return write.error();
  return (*write)
      ->BindAll(graph.rules_version, static_cast<long long>(graph.people.size()), edges,
                graph.pages_version, EncodeCounts(graph.unread_languages), NowIso8601Utc())
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

Status GraphTables::EachPerson(const RowVisitor<StoredPerson>& visit) {
  Result<Statement> people = Statement::Prepare(db_, kSelectPeople);
  if (!people) return people.error();
  Result<Statement> identities = Statement::Prepare(db_, kSelectAllIdentities);
  if (!identities) return identities.error();
  Result<bool> identity = identities->Step();
  Status read = EachRow(*people, [&](const Statement& row) -> Status {
    StoredPerson person = PersonFromRow(row);
    // Identities of a person not stored (the foreign key forbids them) are passed over.
    while (identity && *identity && identities->Int(0) <= person.id) {
      if (identities->Int(0) == person.id) {
        person.identities.push_back(IdentityFromRow(*identities));
      }
      identity = identities->Step();
    }
    return visit(person);
  });
  if (!read) return read;
  if (!identity) return identity.error();
  return {};
}

Status GraphTables::EachEdge(const RowVisitor<StoredEdge>& visit) {
  return ForEachRow(db_, kSelectEdges, [&](const Statement& s) -> Status {
    StoredEdge edge = EdgeFromRow(s);
    return visit(edge);
  });
}

Status GraphTables::EachAuthor(const RowVisitor<Authorship>& visit) {
  return ForEachRow(db_, kSelectAuthors, [&](const Statement& s) -> Status {
    Authorship author{s.Text(0), s.Int(1)};
    return visit(author);
  });
}

Status GraphTables::EachPerson(const std::function<void(StoredPerson&&)>& on_person) {
  return EachPerson(RowVisitor<StoredPerson>([&](StoredPerson& person) -> Status {
    on_person(std::move(person));
    return {};
  }));
}

Status GraphTables::EachEdge(const std::function<void(long long row, StoredEdge&&)>& on_edge) {
  return ForEachRow(db_, kSelectEdgeRows,
                    [&](const Statement& s) { on_edge(s.Int(9), EdgeFromRow(s)); });
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
