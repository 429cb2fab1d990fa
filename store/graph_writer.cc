#include "store/graph_writer.h"

#include <xxhash.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "store/graph_tables.h"

namespace linkgraph::store {
namespace {

constexpr const char* kInsertPerson =
    "INSERT INTO people (id, key, name, texts) VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kUpdatePerson = "UPDATE people SET name = ?2, texts = ?3 WHERE id = ?1";
constexpr const char* kDeletePerson = "DELETE FROM people WHERE id = ?1";
constexpr const char* kInsertPersonIdentity =
    "INSERT INTO person_identities (person_id, kind, value, normalised, reason)"
    " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING";
constexpr const char* kDeleteIdentitiesOf = "DELETE FROM person_identities WHERE person_id = ?1";
constexpr const char* kDeleteEdge = "DELETE FROM edges WHERE id = ?1";
constexpr const char* kDeleteEveryEdge = "DELETE FROM edges";
// Building the edge indexes once after a bulk write is several times faster
// than keeping them up to date row by row, but a small change pays for the
// whole index. Same definitions as schema migration 2 (a later migration
// that changes them changes these).
constexpr const char* kDropEdgeIndexes =
    "DROP INDEX IF EXISTS edges_from; DROP INDEX IF EXISTS edges_to;";
constexpr const char* kCreateEdgeIndexes =
    "CREATE INDEX edges_from ON edges(from_person, to_person, kind);"
    " CREATE INDEX edges_to ON edges(to_person, from_person, kind);";
bool SameIdentity(const PersonIdentity& a, const PersonIdentity& b) {
  return a.identity.kind == b.identity.kind && a.identity.value == b.identity.value &&
         a.identity.normalised == b.identity.normalised && a.reason == b.reason;
}

// The store keeps the first of a person's identities with the same kind and
// normalised value.
bool KeptOnce(const std::vector<PersonIdentity>& identities, size_t index) {
  const IdentityRef& identity = identities[index].identity;
  return std::none_of(identities.begin(), identities.begin() + static_cast<long>(index),
                      [&](const PersonIdentity& earlier) {
                        return earlier.identity.kind == identity.kind &&
                               earlier.identity.normalised == identity.normalised;
                      });
}

// Whether writing derived would store exactly the stored identities, in order.
bool HoldsIdentities(const std::vector<PersonIdentity>& stored,
                     const std::vector<PersonIdentity>& derived) {
  size_t next = 0;
  for (size_t i = 0; i < derived.size(); ++i) {
    if (!KeptOnce(derived, i)) continue;
    if (next == stored.size() || !SameIdentity(stored[next], derived[i])) return false;
    ++next;
  }
  return next == stored.size();
}

// An edge's whole tuple as one string, so equal edges can be counted off
// against each other: each text with its length, so none runs into the next.
std::string EdgeTuple(long long from, long long to, const StoredEdge& edge) {
  std::string tuple = std::to_string(from) + ' ' + std::to_string(to);
  for (const std::string* text : {&edge.kind, &edge.date, &edge.detail, &edge.event, &edge.when,
                                  &edge.evidence, &edge.source_url}) {
    tuple += ' ';
    tuple += std::to_string(text->size());
    tuple += ':';
    tuple += *text;
  }
  return tuple;
}

// Rewriting the edge indexes beats updating them when more than about a
// quarter of the edges change (always, into an empty table).
bool MostEdgesChange(size_t changes, size_t stored, size_t derived) {
  return changes * 4 > std::max(stored, derived);
}

// A stored edge by its tuple's 128-bit hash: equal tuples hash equal, and
// unequal ones practically never do, so the stored edges are held as 24
// bytes each rather than as their text.
struct StoredEdgeHash {
  XXH128_hash_t hash;
  long long row;  // 0 once a derived edge has claimed it
};

bool HashLess(const XXH128_hash_t& a, const XXH128_hash_t& b) {
  return a.high64 != b.high64 ? a.high64 < b.high64 : a.low64 < b.low64;
}

XXH128_hash_t TupleHash(long long from, long long to, const StoredEdge& edge) {
  const std::string tuple = EdgeTuple(from, to, edge);
  return XXH3_128bits(tuple.data(), tuple.size());
}

constexpr const char* kCreateWriteTablesSqlite =
    "CREATE TEMP TABLE IF NOT EXISTS graph_write_edges (seq INTEGER PRIMARY KEY,"
    " from_position INTEGER NOT NULL, to_position INTEGER NOT NULL, kind TEXT NOT NULL,"
    " date TEXT NOT NULL, detail TEXT NOT NULL, event TEXT NOT NULL, when_text TEXT NOT NULL,"
    " evidence TEXT NOT NULL, source_url TEXT NOT NULL);"
    " CREATE TEMP TABLE IF NOT EXISTS graph_write_authors (source_url TEXT PRIMARY KEY,"
    " position INTEGER NOT NULL);"
    " CREATE TEMP TABLE IF NOT EXISTS graph_write_ids (position INTEGER PRIMARY KEY,"
    " id INTEGER NOT NULL);"
    " CREATE TEMP TABLE IF NOT EXISTS graph_write_new_edges (seq INTEGER PRIMARY KEY);";
// The same in PostgreSQL's types: seq numbered as rows arrive, and text
// that sorts by bytes as SQLite's does, so edges are stored in one order.
constexpr const char* kCreateWriteTablesPostgres =
    "CREATE TEMP TABLE IF NOT EXISTS graph_write_edges"
    " (seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " from_position BIGINT NOT NULL, to_position BIGINT NOT NULL, kind TEXT COLLATE \"C\" NOT NULL,"
    " date TEXT COLLATE \"C\" NOT NULL, detail TEXT NOT NULL, event TEXT NOT NULL,"
    " when_text TEXT NOT NULL, evidence TEXT NOT NULL, source_url TEXT COLLATE \"C\" NOT NULL);"
    " CREATE TEMP TABLE IF NOT EXISTS graph_write_authors"
    " (source_url TEXT COLLATE \"C\" PRIMARY KEY, position BIGINT NOT NULL);"
    " CREATE TEMP TABLE IF NOT EXISTS graph_write_ids (position BIGINT PRIMARY KEY,"
    " id BIGINT NOT NULL);"
    " CREATE TEMP TABLE IF NOT EXISTS graph_write_new_edges (seq BIGINT PRIMARY KEY);";
constexpr const char* kClearWriteTables =
    "DELETE FROM graph_write_edges; DELETE FROM graph_write_authors;"
    " DELETE FROM graph_write_ids; DELETE FROM graph_write_new_edges;";
// Several rows a statement (InsertRows), in the order given: seq keeps it.
constexpr const char* kAddEdges =
    "INSERT INTO graph_write_edges (from_position, to_position, kind, date, detail, event,"
    " when_text, evidence, source_url)";
constexpr const char* kAddAuthors = "INSERT INTO graph_write_authors (source_url, position)";
constexpr const char* kAddAuthorsTail = "ON CONFLICT (source_url) DO NOTHING";
constexpr const char* kAddId = "INSERT INTO graph_write_ids (position, id) VALUES (?1, ?2)";
constexpr const char* kSelectAddedEdges =
    "SELECT seq, from_position, to_position, kind, date, detail, event, when_text, evidence,"
    " source_url FROM graph_write_edges";
constexpr const char* kMarkNewEdge = "INSERT INTO graph_write_new_edges (seq) VALUES (?1)";
// ?1: every added edge is new (none is stored).
constexpr const char* kInsertNewEdges =
    "INSERT INTO edges (from_person, to_person, kind, date, detail, event, when_text, evidence,"
    " source_url) SELECT f.id, t.id, e.kind, e.date, e.detail, e.event, e.when_text, e.evidence,"
    " e.source_url FROM graph_write_edges e"
    " JOIN graph_write_ids f ON f.position = e.from_position"
    " JOIN graph_write_ids t ON t.position = e.to_position"
    " WHERE ?1 = 1 OR e.seq IN (SELECT seq FROM graph_write_new_edges)"
    " ORDER BY e.from_position, e.to_position, e.kind, e.date, e.source_url, e.seq";
constexpr const char* kDeleteGoneAuthors =
    "DELETE FROM authors WHERE source_url NOT IN (SELECT source_url FROM graph_write_authors)";
constexpr const char* kUpsertAuthors =
    "INSERT INTO authors (source_url, person_id) SELECT a.source_url, i.id"
    " FROM graph_write_authors a JOIN graph_write_ids i ON i.position = a.position"
    " WHERE true ON CONFLICT (source_url) DO UPDATE SET person_id = excluded.person_id"
    " WHERE authors.person_id <> excluded.person_id";

constexpr const char* kLockGraphWrite = "SELECT pg_advisory_xact_lock(7236093436245871209)";

// Rows of one AddEdges or AddAuthors call in one transaction of the
// temporary tables, not one per row. A savepoint, so that it also nests in
// a read the caller holds open; PostgreSQL takes savepoints only inside a
// transaction, so there a batch outside one is a transaction of its own. A
// batch that fails part-way marks the write failed: its commit is refused.
class TemporaryBatch {
 public:
  static Result<TemporaryBatch> Begin(SqlConnection& db, bool* failed) {
    const bool own = db.Dialect() == SqlDialect::kPostgres && !db.InTransaction();
    if (Status begun = db.Exec(own ? "BEGIN" : "SAVEPOINT graph_write_batch"); !begun) {
      return begun.error();
    }
    return TemporaryBatch(&db, failed, own);
  }
  TemporaryBatch(TemporaryBatch&& other) noexcept
      : db_(other.db_), failed_(other.failed_), own_transaction_(other.own_transaction_) {
    other.db_ = nullptr;
  }
  TemporaryBatch& operator=(TemporaryBatch&&) = delete;
  ~TemporaryBatch() {
    if (db_ == nullptr) return;
    *failed_ = true;
    (void)db_->Exec(own_transaction_ ? "ROLLBACK"
                                     : "ROLLBACK TO graph_write_batch; RELEASE graph_write_batch");
  }
  Status Release() {
    Status released = db_->Exec(own_transaction_ ? "COMMIT" : "RELEASE graph_write_batch");
    if (released) db_ = nullptr;
    return released;
  }

 private:
  TemporaryBatch(SqlConnection* db, bool* failed, bool own_transaction)
      : db_(db), failed_(failed), own_transaction_(own_transaction) {}
  SqlConnection* db_;
  bool* failed_;
  bool own_transaction_;
};

}  // namespace

Result<std::unique_ptr<GraphWrite>> SqlGraphWrite::Begin(SqlConnection* db,
                                                         StatementCache* statements,
                                                         GraphTables* tables, bool* busy,
                                                         const GraphSnapshot& graph) {
  if (*busy) return Error{ErrorCode::kInternal, "a graph write is already under way"};
  const char* create = db->Dialect() == SqlDialect::kPostgres ? kCreateWriteTablesPostgres
                                                              : kCreateWriteTablesSqlite;
  if (Status created = db->Exec(create); !created) return created.error();
  if (Status cleared = db->Exec(kClearWriteTables); !cleared) return cleared.error();
  GraphSnapshot header;
  header.people = graph.people;
  header.rules_version = graph.rules_version;
  header.unread_languages = graph.unread_languages;
  header.pages_version = graph.pages_version;
  *busy = true;
  std::unique_ptr<SqlGraphWrite> write(
      new SqlGraphWrite(db, statements, tables, busy, std::move(header)));
  if (Status added = write->AddEdges(graph.edges); !added) return added.error();
  if (Status added = write->AddAuthors(graph.authors); !added) return added.error();
  return std::unique_ptr<GraphWrite>(std::move(write));
}

Status SqlGraphWrite::CheckPosition(long long position) const {
  if (position >= 1 && position <= static_cast<long long>(graph_.people.size())) return {};
  return Error{ErrorCode::kInvalidArgument, "no person at position " + std::to_string(position) +
                                                " of " + std::to_string(graph_.people.size())};
}

Status SqlGraphWrite::AddEdges(const std::vector<StoredEdge>& edges) {
  if (edges.empty()) return {};
  Result<TemporaryBatch> batch = TemporaryBatch::Begin(db_, &failed_);
  if (!batch) return batch.error();
  using View = std::string_view;
  std::vector<std::tuple<long long, long long, View, View, View, View, View, View, View>> rows;
  rows.reserve(edges.size());
  for (const StoredEdge& e : edges) {
    Status checked = CheckPosition(e.from);
    if (checked) checked = CheckPosition(e.to);
    if (!checked) return checked.error().WithContext(e.kind + " edge from " + e.source_url);
    rows.emplace_back(e.from, e.to, e.kind, e.date, e.detail, e.event, e.when, e.evidence,
                      e.source_url);
  }
  if (Status added = InsertRows(statements_, kAddEdges, "", rows); !added) {
    return added.error().WithContext("add edges");
  }
  edges_added_ += static_cast<long long>(edges.size());
  return batch->Release();
}

Status SqlGraphWrite::AddAuthors(const std::vector<Authorship>& authors) {
  if (authors.empty()) return {};
  Result<TemporaryBatch> batch = TemporaryBatch::Begin(db_, &failed_);
  if (!batch) return batch.error();
  std::vector<std::tuple<std::string_view, long long>> rows;
  rows.reserve(authors.size());
  for (const Authorship& author : authors) {
    Status checked = CheckPosition(author.person);
    if (!checked) return checked.error().WithContext("author of " + author.source_url);
    rows.emplace_back(author.source_url, author.person);
  }
  if (Status added = InsertRows(statements_, kAddAuthors, kAddAuthorsTail, rows); !added) {
    return added.error().WithContext("add authors");
  }
  return batch->Release();
}

Status SqlGraphWrite::Commit() {
  if (committed_) return Error{ErrorCode::kInternal, "graph write committed twice"};
  if (failed_) return Error{ErrorCode::kInternal, "graph write failed before its commit"};
  Result<Transaction> transaction = Transaction::BeginWrite(db_);
  if (!transaction) return transaction.error();
  if (db_.Dialect() == SqlDialect::kPostgres) {
    // Graph writes of several processes (a worker finishing a crawl, a
    // rebuild) follow one another; readers see the previous graph until
    // this transaction commits.
    if (Status locked = db_.Exec(kLockGraphWrite); !locked) return locked;
  }
  if (Status written = Write(); !written) return written;
  if (Status done = transaction->Commit(); !done) return done;
  committed_ = true;
  // What waited is written: the temporary tables need not hold it any longer.
  return db_.Exec(kClearWriteTables);
}

Status SqlGraphWrite::Write() {
  if (Status written = WritePeople(); !written) return written;
  if (Status written = WriteEdges(); !written) return written;
  if (Status written = WriteAuthors(); !written) return written;
  // Last: nothing may refer to them any more.
  if (Status deleted = DeleteRemovedPeople(); !deleted) return deleted;
  return tables_.WriteState(graph_, edges_added_);
}

// People new to the store get ids after the highest one stored, in the
// order given: a first derivation numbers them 1..n.
Status SqlGraphWrite::WritePeople() {
  std::unordered_map<std::string, StoredPerson> stored;  // by key
  long long last_id = 0;
  Status read = tables_.EachPerson([&](StoredPerson&& person) {
    last_id = std::max(last_id, person.id);
    std::string key = person.key;
    stored.emplace(std::move(key), std::move(person));
  });
  if (!read) return read;
  std::unordered_set<std::string_view> derived;
  id_at_.reserve(graph_.people.size());
  for (const StoredPerson& person : graph_.people) {
    if (!derived.insert(person.key).second) {
      return Error{ErrorCode::kInvalidArgument, "person " + person.key + " is given twice"};
    }
    auto found = stored.find(person.key);
    Status written;
    if (found == stored.end()) {
      id_at_.push_back(++last_id);
      written = InsertPerson(last_id, person);
    } else {
      id_at_.push_back(found->second.id);
      written = UpdatePerson(found->second, person);
      stored.erase(found);
    }
    if (written) {
      written =
          RunCached(statements_, kAddId, static_cast<long long>(id_at_.size()), id_at_.back());
    }
    if (!written) return written.error().WithContext("person " + person.key);
  }
  for (const auto& [key, gone] : stored) removed_.push_back(gone.id);
  return {};
}

Status SqlGraphWrite::InsertPerson(long long id, const StoredPerson& person) {
  Status inserted =
      RunCached(statements_, kInsertPerson, id, person.key, person.name, person.texts);
  if (!inserted) return inserted;
  return InsertIdentities(id, person);
}

Status SqlGraphWrite::UpdatePerson(const StoredPerson& stored, const StoredPerson& person) {
  if (stored.name != person.name || stored.texts != person.texts) {
    Status updated = RunCached(statements_, kUpdatePerson, stored.id, person.name, person.texts);
    if (!updated) return updated;
  }
  // Rewritten as a list: the store reads a person's identities in the order given.
  if (HoldsIdentities(stored.identities, person.identities)) return {};
  if (Status deleted = RunCached(statements_, kDeleteIdentitiesOf, stored.id); !deleted) {
    return deleted;
  }
  return InsertIdentities(stored.id, person);
}

Status SqlGraphWrite::InsertIdentities(long long id, const StoredPerson& person) {
  for (const PersonIdentity& member : person.identities) {
    const IdentityRef& identity = member.identity;
    Status added = RunCached(statements_, kInsertPersonIdentity, id, identity.kind, identity.value,
                             identity.normalised, member.reason);
    if (!added) return added.error().WithContext("identity " + identity.normalised);
  }
  return {};
}

// Edges are compared as a multiset of whole tuples: a stored edge that is
// derived again stays, however many equal ones there are. The new ones go
// in sorted (GraphWrite), after the kept ones.
Status SqlGraphWrite::WriteEdges() {
  size_t changes = 0;
  size_t stored_count = 0;
  Status marked = MarkNewEdges(&changes, &stored_count);
  if (!marked) return marked;
  const bool bulk = MostEdgesChange(changes, stored_count, static_cast<size_t>(edges_added_));
  if (bulk) {
    if (Status dropped = db_.Exec(kDropEdgeIndexes); !dropped) return dropped;
  }
  const bool every_edge_new = stored_count == 0;
  Status inserted = RunCached(statements_, kInsertNewEdges, every_edge_new ? 1 : 0);
  if (!inserted) return inserted.error().WithContext("insert edges");
  if (!bulk) return {};
  return db_.Exec(kCreateEdgeIndexes);
}

// Pairs each added edge with an equal stored one; the added edges left over
// are marked new, and the stored ones left over are deleted.
Status SqlGraphWrite::MarkNewEdges(size_t* changes, size_t* stored_count) {
  std::vector<StoredEdgeHash> stored;
  Status read = tables_.EachEdge([&](long long row, StoredEdge&& edge) {
    stored.push_back(StoredEdgeHash{TupleHash(edge.from, edge.to, edge), row});
  });
  if (!read) return read;
  *stored_count = stored.size();
  if (stored.empty()) {
    *changes = static_cast<size_t>(edges_added_);
    return {};
  }
  std::sort(stored.begin(), stored.end(), [](const StoredEdgeHash& a, const StoredEdgeHash& b) {
    return HashLess(a.hash, b.hash);
  });
  size_t added = 0;
  Result<Statement> query = Statement::Prepare(db_, kSelectAddedEdges);
  if (!query) return query.error();
  Status paired = EachRow(*query, [&](const Statement& s) -> Status {
    StoredEdge edge{s.Int(1),  s.Int(2),  s.Text(3), s.Text(4), s.Text(5),
                    s.Text(6), s.Text(7), s.Text(8), s.Text(9)};
    const XXH128_hash_t hash = TupleHash(id_at_[static_cast<size_t>(edge.from - 1)],
                                         id_at_[static_cast<size_t>(edge.to - 1)], edge);
    auto equal = std::lower_bound(
        stored.begin(), stored.end(), hash,
        [](const StoredEdgeHash& a, const XXH128_hash_t& b) { return HashLess(a.hash, b); });
    while (equal != stored.end() && XXH128_isEqual(equal->hash, hash) && equal->row == 0) ++equal;
    if (equal != stored.end() && XXH128_isEqual(equal->hash, hash)) {
      equal->row = 0;
      return {};
    }
    ++added;
    return RunCached(statements_, kMarkNewEdge, s.Int(0));
  });
  if (!paired) return paired;
  std::vector<long long> gone;
  for (const StoredEdgeHash& edge : stored) {
    if (edge.row != 0) gone.push_back(edge.row);
  }
  *changes = added + gone.size();
  const bool every_row = gone.size() == stored.size();
  return DeleteEdges(std::move(gone), every_row);
}

Status SqlGraphWrite::DeleteEdges(std::vector<long long> rows, bool every_row) {
  if (rows.empty()) return {};
  if (every_row) return RunCached(statements_, kDeleteEveryEdge);
  // In row order the deletes walk the table's B-tree once.
  std::sort(rows.begin(), rows.end());
  for (long long row : rows) {
    if (Status deleted = RunCached(statements_, kDeleteEdge, row); !deleted) return deleted;
  }
  return {};
}

// As a fresh store would: the first of several authorships of a text counts.
Status SqlGraphWrite::WriteAuthors() {
  if (Status deleted = RunCached(statements_, kDeleteGoneAuthors); !deleted) {
    return deleted.error().WithContext("delete authors");
  }
  if (Status written = RunCached(statements_, kUpsertAuthors); !written) {
    return written.error().WithContext("write authors");
  }
  return {};
}

Status SqlGraphWrite::DeleteRemovedPeople() {
  for (long long id : removed_) {
    if (Status deleted = RunCached(statements_, kDeleteIdentitiesOf, id); !deleted) return deleted;
    if (Status deleted = RunCached(statements_, kDeletePerson, id); !deleted) {
      return deleted.error().WithContext("person #" + std::to_string(id));
    }
  }
  return {};
}

}  // namespace linkgraph::store
