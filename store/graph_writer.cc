#include "store/graph_writer.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

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
constexpr const char* kInsertEdge =
    "INSERT INTO edges (from_person, to_person, kind, date, detail, event, when_text, evidence,"
    " source_url) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
constexpr const char* kDeleteEdge = "DELETE FROM edges WHERE id = ?1";
constexpr const char* kDeleteEveryEdge = "DELETE FROM edges";
constexpr const char* kInsertAuthor = "INSERT INTO authors (source_url, person_id) VALUES (?1, ?2)";
constexpr const char* kUpdateAuthor = "UPDATE authors SET person_id = ?2 WHERE source_url = ?1";
constexpr const char* kDeleteAuthor = "DELETE FROM authors WHERE source_url = ?1";
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

// A derived edge that is not stored yet, with its people's stored ids.
struct NewEdge {
  const StoredEdge* edge;
  long long from = 0;
  long long to = 0;
};

// Rewriting the edge indexes beats updating them when more than about a
// quarter of the edges change (always, into an empty table).
bool MostEdgesChange(size_t changes, size_t stored, size_t derived) {
  return changes * 4 > std::max(stored, derived);
}

}  // namespace

Status GraphWriter::Write(const GraphSnapshot& graph) {
  if (Status written = WritePeople(graph.people); !written) return written;
  if (Status written = WriteEdges(graph.edges); !written) return written;
  if (Status written = WriteAuthors(graph.authors); !written) return written;
  // Last: nothing may refer to them any more.
  if (Status deleted = DeleteRemovedPeople(); !deleted) return deleted;
  return tables_.WriteState(graph);
}

// People new to the store get ids after the highest one stored, in snapshot
// order: a first derivation numbers them 1..n.
Status GraphWriter::WritePeople(const std::vector<StoredPerson>& people) {
  std::unordered_map<std::string, StoredPerson> stored;  // by key
  long long last_id = 0;
  Status read = tables_.EachPerson([&](StoredPerson&& person) {
    last_id = std::max(last_id, person.id);
    std::string key = person.key;
    stored.emplace(std::move(key), std::move(person));
  });
  if (!read) return read;
  std::unordered_set<std::string_view> derived;
  id_at_.reserve(people.size());
  for (const StoredPerson& person : people) {
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
    if (!written) return written.error().WithContext("person " + person.key);
  }
  for (const auto& [key, gone] : stored) removed_.push_back(gone.id);
  return {};
}

Status GraphWriter::InsertPerson(long long id, const StoredPerson& person) {
  Status inserted =
      RunCached(statements_, kInsertPerson, id, person.key, person.name, person.texts);
  if (!inserted) return inserted;
  return InsertIdentities(id, person);
}

Status GraphWriter::UpdatePerson(const StoredPerson& stored, const StoredPerson& person) {
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

Status GraphWriter::InsertIdentities(long long id, const StoredPerson& person) {
  for (const PersonIdentity& member : person.identities) {
    const IdentityRef& identity = member.identity;
    Status added = RunCached(statements_, kInsertPersonIdentity, id, identity.kind, identity.value,
                             identity.normalised, member.reason);
    if (!added) return added.error().WithContext("identity " + identity.normalised);
  }
  return {};
}

// Edges are compared as a multiset of whole tuples: a stored edge that is
// derived again stays, however many equal ones there are.
Status GraphWriter::WriteEdges(const std::vector<StoredEdge>& edges) {
  std::unordered_multimap<std::string, long long> stored;  // tuple -> row id
  Status read = tables_.EachEdge([&](long long row, StoredEdge&& edge) {
    stored.emplace(EdgeTuple(edge.from, edge.to, edge), row);
  });
  if (!read) return read;
  const size_t stored_count = stored.size();
  std::vector<NewEdge> added;
  for (const StoredEdge& edge : edges) {
    Result<long long> from = IdAt(edge.from);
    Result<long long> to = from ? IdAt(edge.to) : from;
    if (!to) return to.error().WithContext(edge.kind + " edge from " + edge.source_url);
    // With no stored edge left (from the start, into an empty table) the
    // rest are new: no tuple to make.
    auto kept = stored.empty() ? stored.end() : stored.find(EdgeTuple(*from, *to, edge));
    if (kept == stored.end()) {
      added.push_back(NewEdge{&edge, *from, *to});
    } else {
      stored.erase(kept);
    }
  }
  std::vector<long long> gone;
  gone.reserve(stored.size());
  for (const auto& [tuple, row] : stored) gone.push_back(row);
  const bool bulk = MostEdgesChange(gone.size() + added.size(), stored_count, edges.size());
  if (bulk) {
    if (Status dropped = Exec(db_, kDropEdgeIndexes); !dropped) return dropped;
  }
  const bool every_row = gone.size() == stored_count;
  if (Status deleted = DeleteEdges(std::move(gone), every_row); !deleted) return deleted;
  for (const NewEdge& edge : added) {
    const StoredEdge& e = *edge.edge;
    Status inserted = RunCached(statements_, kInsertEdge, edge.from, edge.to, e.kind, e.date,
                                e.detail, e.event, e.when, e.evidence, e.source_url);
    if (!inserted) return inserted.error().WithContext(e.kind + " edge from " + e.source_url);
  }
  if (!bulk) return {};
  return Exec(db_, kCreateEdgeIndexes);
}

Status GraphWriter::DeleteEdges(std::vector<long long> rows, bool every_row) {
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
Status GraphWriter::WriteAuthors(const std::vector<Authorship>& authors) {
  std::unordered_map<std::string, long long> stored;  // source URL -> person id
  Status read = tables_.EachAuthor(
      [&](Authorship&& author) { stored.emplace(std::move(author.source_url), author.person); });
  if (!read) return read;
  std::unordered_set<std::string_view> derived;
  for (const Authorship& author : authors) {
    Result<long long> person = IdAt(author.person);
    if (!person) return person.error().WithContext("author of " + author.source_url);
    if (!derived.insert(author.source_url).second) continue;
    auto found = stored.find(author.source_url);
    Status written;
    if (found == stored.end()) {
      written = RunCached(statements_, kInsertAuthor, author.source_url, *person);
    } else {
      if (found->second != *person) {
        written = RunCached(statements_, kUpdateAuthor, author.source_url, *person);
      }
      stored.erase(found);
    }
    if (!written) return written.error().WithContext("author of " + author.source_url);
  }
  for (const auto& [source_url, person] : stored) {
    if (Status deleted = RunCached(statements_, kDeleteAuthor, source_url); !deleted) {
      return deleted;
    }
  }
  return {};
}

Status GraphWriter::DeleteRemovedPeople() {
  for (long long id : removed_) {
    if (Status deleted = RunCached(statements_, kDeleteIdentitiesOf, id); !deleted) return deleted;
    if (Status deleted = RunCached(statements_, kDeletePerson, id); !deleted) {
      return deleted.error().WithContext("person #" + std::to_string(id));
    }
  }
  return {};
}

Result<long long> GraphWriter::IdAt(long long position) const {
  if (position < 1 || position > static_cast<long long>(id_at_.size())) {
    return Error{ErrorCode::kInvalidArgument, "no person at position " + std::to_string(position) +
                                                  " of " + std::to_string(id_at_.size())};
  }
  return id_at_[static_cast<size_t>(position - 1)];
}

}  // namespace linkgraph::store
