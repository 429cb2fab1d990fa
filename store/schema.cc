#include "store/schema.h"

#include <iterator>
#include <string>

#include "store/keys.h"
#include "store/sql_statement.h"
#include "store/sqlite_handles.h"

namespace linkgraph::store {
namespace {

// Migration 1: the initial schema. Dates are ISO 8601 TEXT, ids INTEGER
// PRIMARY KEY, text columns NOT NULL with '' for "none", so the same schema
// reads the same way in PostgreSQL. comment_key is Comment.id (or a derived
// key, see keys.h); mentions.comment_key is '' for the post body.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE sites (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL DEFAULT ''
);
CREATE TABLE pages (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  canonical_url TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT '',
  error TEXT NOT NULL DEFAULT '',
  http_status INTEGER NOT NULL DEFAULT 0,
  etag TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL DEFAULT '',
  fetched_at TEXT NOT NULL DEFAULT '',
  site_id INTEGER REFERENCES sites(id)
);
CREATE INDEX pages_site ON pages(site_id);
CREATE TABLE posts (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  page_id INTEGER NOT NULL REFERENCES pages(id),
  site_id INTEGER REFERENCES sites(id),
  title TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  published TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX posts_page ON posts(page_id);
CREATE INDEX posts_site ON posts(site_id);
CREATE TABLE post_links (
  post_id INTEGER NOT NULL REFERENCES posts(id),
  position INTEGER NOT NULL,
  url TEXT NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  UNIQUE (post_id, url)
);
CREATE TABLE comments (
  id INTEGER PRIMARY KEY,
  post_id INTEGER NOT NULL REFERENCES posts(id),
  comment_key TEXT NOT NULL,
  permalink TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  author_url TEXT NOT NULL DEFAULT '',
  published TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  parent_key TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0,
  UNIQUE (post_id, comment_key)
);
CREATE TABLE trackbacks (
  id INTEGER PRIMARY KEY,
  post_id INTEGER NOT NULL REFERENCES posts(id),
  source_url TEXT NOT NULL,
  trackback_key TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  published TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('trackback', 'pingback')),
  UNIQUE (post_id, trackback_key)
);
CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  post_id INTEGER NOT NULL REFERENCES posts(id),
  comment_key TEXT NOT NULL DEFAULT '',
  handle TEXT NOT NULL,
  by_name TEXT NOT NULL DEFAULT '',
  UNIQUE (post_id, comment_key, handle)
);
CREATE TABLE identities (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('name', 'handle', 'url')),
  value TEXT NOT NULL,
  normalised TEXT NOT NULL,
  UNIQUE (kind, normalised)
);
CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  display_name TEXT NOT NULL DEFAULT ''
);
CREATE TABLE person_identities (
  person_id INTEGER NOT NULL REFERENCES people(id),
  identity_id INTEGER NOT NULL REFERENCES identities(id),
  reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (person_id, identity_id)
);
CREATE INDEX person_identities_identity ON person_identities(identity_id);
)sql";

// Migration 2: the derived graph. People and their identities are rebuilt
// as a whole from the stored pages (graph/), so they carry their identity
// values inline with the evidence, and version 1's empty people tables are
// replaced. The identities table stays: it lists what pages showed. The
// edge indexes lead with both ends, so a person's neighbours and the edges
// of one pair are read from the index alone.
constexpr const char* kSchemaV2 = R"sql(
DROP TABLE person_identities;
DROP TABLE people;
CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL DEFAULT '',
  texts INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE person_identities (
  person_id INTEGER NOT NULL REFERENCES people(id),
  kind TEXT NOT NULL CHECK (kind IN ('name', 'handle', 'url', 'site')),
  value TEXT NOT NULL,
  normalised TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (person_id, kind, normalised)
);
CREATE INDEX person_identities_lookup ON person_identities(kind, normalised);
CREATE TABLE edges (
  id INTEGER PRIMARY KEY,
  from_person INTEGER NOT NULL REFERENCES people(id),
  to_person INTEGER NOT NULL REFERENCES people(id),
  kind TEXT NOT NULL CHECK (kind IN ('mentioned', 'commented', 'replied', 'linked', 'spoke',
                                     'met', 'plans_to_meet')),
  date TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  event TEXT NOT NULL DEFAULT '',
  when_text TEXT NOT NULL DEFAULT '',
  evidence TEXT NOT NULL DEFAULT '',
  source_url TEXT NOT NULL DEFAULT ''
);
CREATE INDEX edges_from ON edges(from_person, to_person, kind);
CREATE INDEX edges_to ON edges(to_person, from_person, kind);
CREATE TABLE authors (
  source_url TEXT PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id)
) WITHOUT ROWID;
CREATE TABLE graph_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  rules_version TEXT NOT NULL,
  built_at TEXT NOT NULL,
  people INTEGER NOT NULL,
  edges INTEGER NOT NULL
);
)sql";

// Migration 3: the crawl frontier, written as a crawl goes so that a killed
// crawl resumes. crawl_urls holds every URL a crawl queued or dealt with,
// once (its primary key); seq is the queue order, and crawl_urls_queue reads
// a crawl's queued URLs in that order and finds its highest seq. A crawl is
// unfinished while finished_at is ''. redirects keeps the newest hop seen
// from each URL, whichever crawl saw it.
constexpr const char* kSchemaV3 = R"sql(
CREATE TABLE crawls (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL DEFAULT '',
  fetched INTEGER NOT NULL DEFAULT 0,
  not_modified INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  bytes INTEGER NOT NULL DEFAULT 0,
  new_comments INTEGER NOT NULL DEFAULT 0,
  new_mentions INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX crawls_key ON crawls(key, finished_at);
CREATE TABLE crawl_urls (
  crawl_id INTEGER NOT NULL REFERENCES crawls(id),
  url TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('page', 'sitemap', 'feed', 'comments')),
  depth INTEGER NOT NULL DEFAULT 0,
  via TEXT NOT NULL DEFAULT '',
  seq INTEGER NOT NULL,
  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  outcome TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (crawl_id, url)
);
CREATE INDEX crawl_urls_queue ON crawl_urls(crawl_id, done, seq);
CREATE TABLE redirects (
  from_url TEXT PRIMARY KEY,
  to_url TEXT NOT NULL,
  http_status INTEGER NOT NULL,
  seen_at TEXT NOT NULL
);
)sql";

// Migration 4: what each comment is. Webmention likes, reposts and
// bookmarks are stored beside the comments (the same key, author and date)
// but carry no text; every comment stored before was a text comment.
constexpr const char* kSchemaV4 = R"sql(
ALTER TABLE comments ADD COLUMN kind TEXT NOT NULL DEFAULT 'comment'
  CHECK (kind IN ('comment', 'like', 'repost', 'bookmark'));
)sql";

// Migration 5: whether the graph is older than the pages. Every transaction
// that writes what the graph is derived from (pages, posts, comments,
// trackbacks, mentions) raises pages_version.version; a derivation records in
// graph_state the version it read, in the transaction that writes the graph.
// The graph is stale while its version is below the pages' (a derivation was
// killed or failed after pages were saved). A graph derived before this
// migration cannot tell what it saw, so it counts as stale until derived again.
constexpr const char* kSchemaV5 = R"sql(
CREATE TABLE pages_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO pages_version (id, version) VALUES (1, 1);
ALTER TABLE graph_state ADD COLUMN pages_version INTEGER NOT NULL DEFAULT 0;
)sql";

// Migration 6: the texts a derivation did not read for meetings because the
// rules do not read their language, by language ("de=120 fr=30"), so that
// `report met` and `status` can say so.
constexpr const char* kSchemaV6 = R"sql(
ALTER TABLE graph_state ADD COLUMN unread_languages TEXT NOT NULL DEFAULT '';
)sql";

// Migration 7: what graph/ read in each text (a post or a comment, by its
// URL), kept so that a derivation after a crawl reads only the texts that
// changed. A cache: any row may be dropped, and the fingerprint says whether
// it still holds for the text as stored.
constexpr const char* kSchemaV7 = R"sql(
CREATE TABLE text_reads (
  source_url TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  payload TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Migration 8: identities keyed as the graph keys them (common/
// identity_text.h): names in lower case, URLs without scheme, "www.", query
// and trailing slash. Spellings that now share a key become one row (the
// first stored); the table is what pages showed, nothing refers to its ids.
// The key is computed by linkgraph_identity_key(), which MigrateTo registers.
constexpr const char* kSchemaV8 = R"sql(
DELETE FROM identities WHERE id NOT IN
  (SELECT min(id) FROM identities GROUP BY kind, linkgraph_identity_key(kind, value));
UPDATE identities SET normalised = '#' || id;
UPDATE identities SET normalised = linkgraph_identity_key(kind, value);
)sql";

// Migration 9: what is new since a run. A post, comment or trackback keeps
// the start of the run that first stored it (a crawl's start, shared by its
// workers and kept when it resumes; an import's); '' for rows stored
// before. Every run that saves pages is listed, so "since the last run"
// is known even when that run found nothing new.
constexpr const char* kSchemaV9 = R"sql(
ALTER TABLE posts ADD COLUMN first_seen TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN first_seen TEXT NOT NULL DEFAULT '';
ALTER TABLE trackbacks ADD COLUMN first_seen TEXT NOT NULL DEFAULT '';
CREATE TABLE runs (
  started_at TEXT PRIMARY KEY,
  command TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Append only: an entry, once released, is never edited, since files
// already carry its effects.
constexpr const char* kMigrations[] = {kSchemaV1, kSchemaV2, kSchemaV3, kSchemaV4, kSchemaV5,
                                       kSchemaV6, kSchemaV7, kSchemaV8, kSchemaV9};

struct SchemaState {
  long long application_id = 0;
  long long user_version = 0;
  long long objects = 0;  // tables, indexes, views and triggers
};

Result<SchemaState> ReadState(SqliteConnection& connection) {
  Result<Statement> query =
      Statement::Prepare(connection,
                         "SELECT (SELECT application_id FROM pragma_application_id),"
                         " (SELECT user_version FROM pragma_user_version),"
                         " (SELECT count(*) FROM sqlite_master)");
  if (!query) return query.error();
  if (Status row = query->StepRow(); !row) return row.error();
  return SchemaState{query->Int(0), query->Int(1), query->Int(2)};
}

Status Judge(const SchemaState& state) {
  if (state.application_id == kApplicationId) {
    if (state.user_version <= LatestSchemaVersion()) return {};
    return Error{ErrorCode::kCorrupt, "created by a newer linkgraph (schema version " +
                                          std::to_string(state.user_version) +
                                          "; this linkgraph reads up to " +
                                          std::to_string(LatestSchemaVersion()) + ")"};
  }
  if (state.application_id == 0 && state.user_version == 0 && state.objects == 0) {
    return {};  // a new, empty file
  }
  return Error{ErrorCode::kCorrupt,
               "not a linkgraph database (a SQLite file of another program: application_id " +
                   std::to_string(state.application_id) + ", " + std::to_string(state.objects) +
                   " schema objects)"};
}

Result<SchemaState> ReadAndJudge(SqliteConnection& connection) {
  Result<SchemaState> state = ReadState(connection);
  if (!state) {
    // The first read of the header is where SQLite finds it is not its file.
    if (state.error().code == ErrorCode::kCorrupt) {
      return FromSqlite(connection.raw(), "not a linkgraph database");
    }
    return state.error();
  }
  if (Status judged = Judge(*state); !judged) return judged.error();
  return state;
}

// linkgraph_identity_key(kind, value): NormaliseIdentity's key, for
// migrations that re-key stored identities.
void IdentityKeyFunction(sqlite3_context* context, int, sqlite3_value** arguments) {
  auto text = [&](int i) {
    const unsigned char* bytes = sqlite3_value_text(arguments[i]);
    if (bytes == nullptr) return std::string_view();
    return std::string_view(reinterpret_cast<const char*>(bytes),
                            static_cast<size_t>(sqlite3_value_bytes(arguments[i])));
  };
  const std::string_view kind = text(0);
  const IdentityKind identity = kind == "handle" ? IdentityKind::kHandle
                                : kind == "url"  ? IdentityKind::kUrl
                                                 : IdentityKind::kName;
  const std::string key = NormaliseIdentity(identity, text(1)).normalised;
  sqlite3_result_text(context, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
}

Status RegisterMigrationFunctions(sqlite3* db) {
  const int rc = sqlite3_create_function_v2(
      db, "linkgraph_identity_key", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
      nullptr, IdentityKeyFunction, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return Error{ErrorCode::kIo, std::string("migrate: ") + sqlite3_errmsg(db)};
  return {};
}

// PRAGMAs take no bound parameters; value is always one of our own integers.
Status SetPragma(sqlite3* db, const char* name, long long value) {
  return Exec(db, std::string("PRAGMA ") + name + " = " + std::to_string(value));
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

Status CheckDatabase(SqliteConnection& connection, bool allow_empty) {
  Result<SchemaState> state = ReadAndJudge(connection);
  if (!state) return state.error();
  if (!allow_empty && state->user_version == 0 && state->objects == 0) {
    return Error{ErrorCode::kNotFound, "empty file, not a linkgraph database yet"};
  }
  return {};
}

Status CheckCurrentSchema(SqliteConnection& connection) {
  Result<SchemaState> state = ReadAndJudge(connection);
  if (!state) return state.error();
  if (state->user_version == 0 && state->objects == 0) {
    return Error{ErrorCode::kNotFound, "empty file, not a linkgraph database yet"};
  }
  if (state->user_version < LatestSchemaVersion()) {
    return Error{ErrorCode::kUnsupported,
                 "schema version " + std::to_string(state->user_version) +
                     " needs migrating to " + std::to_string(LatestSchemaVersion()) +
                     ", which needs write access: run a linkgraph command once where the "
                     "database and its folder are writable"};
  }
  return {};
}

Status Migrate(SqliteConnection& connection) {
  return MigrateTo(connection, LatestSchemaVersion());
}

Status MigrateTo(SqliteConnection& connection, int target) {
  sqlite3* db = connection.raw();
  if (target < 1 || target > LatestSchemaVersion()) {
    return Error{ErrorCode::kInvalidArgument,
                 "migrate: no schema version " + std::to_string(target)};
  }
  Result<SchemaState> state = ReadAndJudge(connection);
  if (!state) return state.error();
  if (state->application_id == kApplicationId && state->user_version >= target) {
    return {};  // the usual case: no write lock needed
  }
  if (Status registered = RegisterMigrationFunctions(db); !registered) return registered;
  Result<Transaction> transaction = Transaction::BeginWrite(connection);
  if (!transaction) return transaction.error().WithContext("migrate");
  state = ReadAndJudge(connection);
  if (!state) return state.error();
  for (long long version = state->user_version; version < target; ++version) {
    const std::string context = "migrate to schema version " + std::to_string(version + 1);
    if (Status applied = Exec(db, kMigrations[version]); !applied) {
      return applied.error().WithContext(context);
    }
    if (Status set = SetPragma(db, "user_version", version + 1); !set) {
      return set.error().WithContext(context);
    }
  }
  if (Status marked = SetPragma(db, "application_id", kApplicationId); !marked) {
    return marked.error().WithContext("migrate");
  }
  return transaction->Commit();
}

}  // namespace linkgraph::store
