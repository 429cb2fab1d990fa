// Private to store/: the Store every SQL backend shares. A backend opens
// its connection, checks and migrates its schema, and hands the connection
// over; the tables' SQL is the same on every backend (sql_connection.h).
#pragma once

#include <memory>

#include "store/sql_connection.h"
#include "store/store.h"

namespace linkgraph::store {

std::unique_ptr<Store> MakeSqlStore(std::unique_ptr<SqlConnection> connection,
                                    const OpenOptions& options);

// Each backend's connection, opened, checked and migrated as its store's
// (OpenSqliteStore, OpenPostgresStore), for work on the tables themselves.
Result<std::unique_ptr<SqlConnection>> OpenSqliteConnection(const std::string& path,
                                                            const OpenOptions& options);
Result<std::unique_ptr<SqlConnection>> OpenPostgresConnection(const std::string& uri,
                                                              const OpenOptions& options);

}  // namespace linkgraph::store
