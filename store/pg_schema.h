// Private to store/: a PostgreSQL store's schema, versioned and migrated as
// SQLite's is (schema.h), in PostgreSQL's types. Several workers may open
// one database at once: a migration runs under an advisory lock, once.
#pragma once

#include "common/result.h"
#include "store/sql_connection.h"

namespace linkgraph::store {

// Creates or migrates the schema to the latest version. Fails with a clear
// message on a database whose tables are another program's, or that a
// newer linkgraph wrote.
Status MigratePostgres(SqlConnection& connection);

// For read-only access: fails unless the schema is current.
Status CheckPostgresSchema(SqlConnection& connection);

int LatestPostgresSchemaVersion();

}  // namespace linkgraph::store
