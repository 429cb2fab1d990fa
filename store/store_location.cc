// Store locations as users write them, and the backend each one opens
// (store.h).
#include "common/ascii.h"
#include "store/pg_sql_text.h"
#include "store/store.h"

namespace linkgraph::store {

Result<StoreLocation> ParseStoreLocation(std::string_view location) {
  constexpr std::string_view kSqlitePrefix = "sqlite:";
  if (location.empty()) return Error{ErrorCode::kInvalidArgument, "no database given"};
  const std::string lower = ToLowerAscii(location.substr(0, location.find("://")));
  if (location.find("://") != std::string_view::npos) {
    if (lower == "postgresql" || lower == "postgres") {
      return StoreLocation{StoreLocation::Backend::kPostgres, std::string(location)};
    }
    return Error{ErrorCode::kInvalidArgument,
                 "unknown database location '" + std::string(location) +
                     "': give a SQLite file (a path, or sqlite:PATH) or a "
                     "postgresql://user@host/dbname URI"};
  }
  StoreLocation parsed;
  parsed.path = std::string(location);
  if (ToLowerAscii(location.substr(0, kSqlitePrefix.size())) == kSqlitePrefix) {
    parsed.path = std::string(location.substr(kSqlitePrefix.size()));
    if (parsed.path.empty()) {
      return Error{ErrorCode::kInvalidArgument, "sqlite: needs a file's path (sqlite:PATH)"};
    }
  }
  return parsed;
}

std::string LocationForMessages(std::string_view location) {
  Result<StoreLocation> parsed = ParseStoreLocation(location);
  if (parsed && parsed->backend == StoreLocation::Backend::kPostgres) {
    return WithoutPassword(location);
  }
  return std::string(location);
}

Result<std::unique_ptr<Store>> OpenStore(std::string_view location, const OpenOptions& options) {
  Result<StoreLocation> parsed = ParseStoreLocation(location);
  if (!parsed) return parsed.error();
  if (parsed->backend == StoreLocation::Backend::kPostgres) {
    return OpenPostgresStore(parsed->path, options);
  }
  return OpenSqliteStore(parsed->path, options);
}

}  // namespace linkgraph::store
