// The graph store: the role of a store (store.h) that keeps the people and
// edges graph/ derives from the stored pages, replaced as a whole and read by
// person, identity or edge. Used from one thread at a time, like the Store
// that implements it.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/row_visitor.h"

namespace linkgraph::store {

// People and edges: derived from the stored pages by graph/ and replaced
// when rebuilt, so a change of identity or interaction rules re-derives them
// without touching what was crawled. A rebuild writes only what changed.

// One way a person appears. kind: "handle" (value "HRMargo", normalised
// "hrmargo"), "name" ("Margo Rose", "margo rose"), "url" (an author URL,
// normalised without scheme, "www." and trailing "/") or "site" (a blog's
// home, normalised the same way).
struct IdentityRef {
  std::string kind;
  std::string value;
  std::string normalised;
};

struct PersonIdentity {
  IdentityRef identity;
  std::string reason;  // the evidence that put it in this person
};

struct StoredPerson {
  // Set by the store, and kept across derivations while the key is derived
  // (a fresh store numbers people 1..n in key order). Not dense: people no
  // longer derived leave gaps, and new ones come after the highest id.
  long long id = 0;
  std::string key;   // stable across rebuilds: "handle:hrmargo", "url:davemartin.example"
  std::string name;  // display name: the best full name, else the handle
  std::vector<PersonIdentity> identities;
  long long texts = 0;  // posts and comments written: "most active"
};

// kind: mentioned, commented, replied, linked, spoke, met, plans_to_meet.
struct StoredEdge {
  long long from = 0;  // StoredPerson::id; in a GraphSnapshot, a position
  long long to = 0;
  std::string kind;
  std::string date;        // ISO 8601 (or a prefix: "2010-02"), "" unknown
  std::string detail;      // "phone", "dinner; ice skating", "self" for a blog's own link
  std::string event;       // "TRULondon2"
  std::string when;        // the time phrase as written: "tomorrow", "in Feb"
  std::string evidence;    // the sentence or title that proves it
  std::string source_url;  // where it was read
};

// Who wrote a text: a post (by its URL) or a comment (by its permalink).
struct Authorship {
  std::string source_url;
  long long person = 0;  // StoredPerson::id; in a GraphSnapshot, a position
};

struct GraphSnapshot {
  std::vector<StoredPerson> people;  // graph/ gives them in key order; ids ignored
  // Edges and authors name people by position in `people` (1-based), not
  // by id: the store maps positions to the ids it keeps.
  std::vector<StoredEdge> edges;
  std::vector<Authorship> authors;
  std::string rules_version;  // of the rules that derived it
  // Texts (posts and comments) not read for meetings because the rules
  // do not read their language, by language code ("de" -> 120).
  std::map<std::string, long long> unread_languages;
  // GraphState::pages_version when the inputs were read, so pages saved
  // while the graph was derived leave it stale. nullopt: the version current
  // when ReplaceGraph runs.
  std::optional<long long> pages_version;
};

struct GraphState {
  bool built = false;
  std::string rules_version;
  std::string built_at;  // ISO 8601 UTC
  long long people = 0, edges = 0;
  std::map<std::string, long long> unread_languages;  // as GraphSnapshot's
  // Every save that writes pages, posts, comments, trackbacks or mentions
  // raises the store's pages version in its own transaction; ReplaceGraph
  // records the version the graph was derived from in the graph's.
  long long pages_version = 0;  // the store's, now
  long long derived_from = 0;   // the graph's; 0 when not built
  // Built, but pages were saved since (a derivation killed, failed or skipped).
  bool stale = false;
};

// A derived graph written in parts, for a derivation too large to hold at
// once. Begun with the people and the state (GraphStore::BeginGraphWrite),
// then given edges and authors in any number of calls, each naming people by
// position in the people given (1-based), as in a GraphSnapshot. Commit
// replaces the stored graph as ReplaceGraph would, with edges stably
// sorted by from, to, kind, date and source URL: of edges equal in those,
// the one given first is read first. Nothing is visible before Commit; a
// write destroyed uncommitted leaves the stored graph as it was. One write
// at a time per store.
class GraphWrite {
 public:
  virtual ~GraphWrite() = default;
  // Fails (kInvalidArgument) on a position with no person.
  virtual Status AddEdges(const std::vector<StoredEdge>& edges) = 0;
  // The first authorship given for a source URL counts.
  virtual Status AddAuthors(const std::vector<Authorship>& authors) = 0;
  virtual Status Commit() = 0;
};

class GraphStore {
 public:
  virtual ~GraphStore() = default;

  // The graph layer. ReplaceGraph swaps in a new derivation in one
  // transaction, writing only what differs from the stored one. A person
  // keeps the id of the stored person with the same key; people new to the
  // store get ids after the highest in use, in the given order (so 1..n in
  // a fresh store); people not given are deleted. Edges are kept in the
  // order GraphWrite gives.
  Status ReplaceGraph(const GraphSnapshot& graph);
  // The same, in parts: graph's people and state now (its edges and
  // authors, if any, as the first batch), the rest through the GraphWrite.
  virtual Result<std::unique_ptr<GraphWrite>> BeginGraphWrite(const GraphSnapshot& graph) = 0;
  virtual Result<GraphState> Graph() = 0;
  // Each* visit the graph a row at a time, as the page reads do.
  virtual Status EachPerson(const RowVisitor<StoredPerson>& visit) = 0;  // by id
  virtual Status EachEdge(const RowVisitor<StoredEdge>& visit) = 0;      // by from, to, kind
  virtual Status EachAuthor(const RowVisitor<Authorship>& visit) = 0;    // by source URL
  Result<std::vector<StoredPerson>> People() { return CollectRows(*this, &GraphStore::EachPerson); }
  Result<std::vector<StoredEdge>> Edges() { return CollectRows(*this, &GraphStore::EachEdge); }
  Result<std::vector<Authorship>> Authors() { return CollectRows(*this, &GraphStore::EachAuthor); }
  virtual Result<std::optional<StoredPerson>> FindPerson(long long id) = 0;
  // People holding an identity of this kind and normalised value.
  virtual Result<std::vector<long long>> FindPeopleByIdentity(const std::string& kind,
                                                              const std::string& normalised) = 0;
  // Edges from or to the person, by kind then date.
  virtual Result<std::vector<StoredEdge>> EdgesOf(long long person) = 0;
  // The edges between two people, either direction, by kind then date.
  virtual Result<std::vector<StoredEdge>> EdgesBetween(long long a, long long b) = 0;
  // Distinct people joined to the person by an edge of any of the kinds (all
  // kinds when empty), either direction.
  virtual Result<std::vector<long long>> Neighbours(long long person,
                                                    const std::vector<std::string>& kinds = {}) = 0;
};

}  // namespace linkgraph::store
