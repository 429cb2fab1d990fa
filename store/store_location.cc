// Store locations as users write them, and the backend each one opens
// (store.h).
#include "common/ascii.h"
#include "store/store.h"

namespace linkgraph::store {

Result<StoreLocation> ParseStoreLocation(std::string_view location) {
  constexpr std::string_view kSqlitePrefix = "sqlite:";
  if (location.empty()) return Error{ErrorCode::kInvalidArgument, "no database given"};
  const std::string lower = ToLowerAscii(location.substr(0, location.find("://")));
  if (location.find("://") != std::string_view::npos) {
    if (lower == "postgresql" || lower == "postgres") {
      return Error{ErrorCode::kUnsupported,
                   "PostgreSQL stores are not supported by this linkgraph yet; give a SQLite "
                   "file (a path, or sqlite:PATH)"};
    }
    return Error{ErrorCode::kInvalidArgument, "unknown database location '" +
                                                  std::string(location) +
                                                  "': give a SQLite file (a path, or sqlite:PATH)"};
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

Result<std::unique_ptr<Store>> OpenStore(std::string_view location, const OpenOptions& options) {
  Result<StoreLocation> parsed = ParseStoreLocation(location);
  if (!parsed) return parsed.error();
  return OpenSqliteStore(parsed->path, options);
}

}  // namespace linkgraph::store
