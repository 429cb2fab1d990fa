#include "store/pg_handles.h"

#include <charconv>
#include <string>

namespace linkgraph::store {
namespace {

std::string_view FirstLine(std::string_view text) {
  text = text.substr(0, text.find('\n'));
  while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

// libpq's own messages (no result, or a client-side failure) start with the
// severity, as in "ERROR:  ..."; the server's primary message does not.
std::string_view MessageOf(PGconn* conn, const PGresult* result) {
  if (result != nullptr) {
    if (const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY)) return primary;
    std::string_view text = PQresultErrorMessage(result);
    if (!text.empty()) return text;
  }
  std::string_view text = PQerrorMessage(conn);
  return text.empty() ? "no answer from the server" : text;
}

ErrorCode CodeOf(PGconn* conn, const PGresult* result) {
  const char* sqlstate = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  if (sqlstate != nullptr) return CodeForSqlState(sqlstate);
  return PQstatus(conn) == CONNECTION_BAD ? ErrorCode::kIo : ErrorCode::kInternal;
}

}  // namespace

ErrorCode CodeForSqlState(std::string_view sqlstate) {
  // 57014 query_canceled ends a statement_timeout: the other bound on how long
  // a statement waits for another transaction's locks.
  if (sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "55P03" || sqlstate == "57014") {
    return ErrorCode::kBusy;
  }
  std::string_view sqlstate_class = sqlstate.substr(0, 2);
  if (sqlstate_class == "08" || sqlstate_class == "53") return ErrorCode::kIo;
  if (sqlstate == "XX001" || sqlstate == "XX002") return ErrorCode::kCorrupt;
  return ErrorCode::kInternal;
}

Error FromPg(PGconn* conn, const PGresult* result, std::string_view context) {
  std::string message(context);
  message += ": ";
  message += FirstLine(MessageOf(conn, result));
  return Error{CodeOf(conn, result), std::move(message)};
}

bool Succeeded(const PGresult* result) {
  ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

std::optional<long long> ChangedRowsOf(const PGresult* result) {
  std::string_view command = PQcmdStatus(const_cast<PGresult*>(result));
  command = command.substr(0, command.find(' '));
  if (command != "INSERT" && command != "UPDATE" && command != "DELETE" && command != "MERGE") {
    return std::nullopt;
  }
  std::string_view count = PQcmdTuples(const_cast<PGresult*>(result));
  long long rows = 0;
  std::from_chars(count.data(), count.data() + count.size(), rows);
  return rows;
}

}  // namespace linkgraph::store
