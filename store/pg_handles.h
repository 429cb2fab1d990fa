// Private to store/: owners for libpq's C handles and the one translation of
// PostgreSQL errors into Error. Used from the thread that owns the
// connection.
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <string_view>

#include "common/result.h"

namespace linkgraph::store {

struct PgConnCloser {
  void operator()(PGconn* conn) const noexcept { PQfinish(conn); }
};
struct PgResultClearer {
  void operator()(PGresult* result) const noexcept { PQclear(result); }
};
using PgConnHandle = std::unique_ptr<PGconn, PgConnCloser>;
using PgResultHandle = std::unique_ptr<PGresult, PgResultClearer>;

// The ErrorCode for a SQLSTATE: lock waits, deadlocks and serialization
// failures are kBusy, lost connections and exhausted resources kIo, damaged
// data kCorrupt, everything else kInternal.
ErrorCode CodeForSqlState(std::string_view sqlstate);

// The failure of a statement as "context: server message" (its first line).
// A null result (the connection broke) reads conn's message.
Error FromPg(PGconn* conn, const PGresult* result, std::string_view context);

// True when result is a success: a command done or rows returned.
bool Succeeded(const PGresult* result);

// The rows an INSERT, UPDATE, DELETE or MERGE changed; nothing for other
// statements (libpq also counts the rows a SELECT or FETCH returned).
std::optional<long long> ChangedRowsOf(const PGresult* result);

}  // namespace linkgraph::store
