// Private to store/: the SQLite schema as a list of forward migrations, the
// check that a file is a linkgraph database this code can read, and the
// migration run. Versions are kept in PRAGMA user_version; the file is marked
// as ours with PRAGMA application_id.
#pragma once

#include "common/result.h"
#include "store/sqlite_handles.h"

namespace linkgraph::store {

inline constexpr int kApplicationId = 0x4c6e6b47;  // "LnkG"

// The schema version this code writes: the number of migrations.
int LatestSchemaVersion();

// Reads the file's header and refuses (kCorrupt) a file that is not SQLite,
// a SQLite file of another program, or one from a newer linkgraph. Run before
// anything is written, so a refused file is left as it was.
// allow_empty: whether an empty file (or a new one) may become a store;
// commands that only read refuse it rather than write a schema into it.
Status CheckDatabase(SqliteConnection& connection, bool allow_empty);

// For a connection that may not write: CheckDatabase (no empty file), and
// refuses a file of an older schema, which only a writer can migrate.
Status CheckCurrentSchema(SqliteConnection& connection);

// Applies the migrations the file lacks in one transaction, checking again
// under the write lock since another process may have migrated meanwhile.
Status Migrate(SqliteConnection& connection);

// The same up to version target (1..LatestSchemaVersion()) only: for tests
// that need a file as an older linkgraph left it. A file at or past target
// is left alone.
Status MigrateTo(SqliteConnection& connection, int target);

}  // namespace linkgraph::store
