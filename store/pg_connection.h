// Private to store/: SqlConnection over PostgreSQL (libpq). The connection
// and its queries share one server session; a query may outlive the
// connection object (it then fails its next Step). Used from one thread at a
// time, as SqlConnection says.
#pragma once

#include <memory>
#include <string_view>

#include "common/result.h"
#include "store/sql_connection.h"

namespace linkgraph::store {

// Connects to uri (a postgresql:// URI or a key=value string, as libpq reads
// them) in UTF-8. busy_timeout_ms bounds how long a statement waits for
// another transaction's locks before failing with kBusy.
Result<std::unique_ptr<SqlConnection>> OpenPgConnection(std::string_view uri, int busy_timeout_ms);

}  // namespace linkgraph::store
