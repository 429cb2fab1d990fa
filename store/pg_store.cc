// Opening a PostgreSQL store: the connection, the schema (created or
// migrated for writing, checked for reading); the store itself is the
// SqlStore over that connection (sql_store.cc).
#include "store/pg_connection.h"
#include "store/pg_schema.h"
#include "store/pg_sql_text.h"
#include "store/sql_store.h"
#include "store/store.h"

namespace linkgraph::store {

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& uri,
                                                 const OpenOptions& options) {
  Result<std::unique_ptr<SqlConnection>> connection = OpenPostgresConnection(uri, options);
  if (!connection) return connection.error();
  return MakeSqlStore(std::move(*connection), options);
}

Result<std::unique_ptr<SqlConnection>> OpenPostgresConnection(const std::string& uri,
                                                              const OpenOptions& options) {
  const std::string context = "open " + WithoutPassword(uri);
  Result<std::unique_ptr<SqlConnection>> connection =
      OpenPgConnection(uri, options.busy_timeout_ms);
  if (!connection) return connection.error();  // it names the URI already
  SqlConnection& db = **connection;
  if (options.access == Access::kReadWrite) {
    Status ready = options.create_if_missing ? MigratePostgres(db) : CheckPostgresSchema(db);
    if (!ready) return ready.error().WithContext(context);
  } else {
    if (Status current = CheckPostgresSchema(db); !current) {
      return current.error().WithContext(context);
    }
    // Nothing this store runs may write, as with SQLite's read-only modes.
    if (Status read_only = db.Exec("SET default_transaction_read_only = on"); !read_only) {
      return read_only.error().WithContext(context);
    }
  }
  return connection;
}

}  // namespace linkgraph::store
