// Private to reports/: ISO 8601 strings to seconds, for latencies.
#pragma once

#include <optional>
#include <string_view>

namespace linkgraph::reports {

// Seconds since 1970 for "2009-12-06T22:10:00" (read as UTC when no zone
// is given) or "...+01:00"; nullopt for "" or a date without a time.
std::optional<long long> SecondsSinceEpoch(std::string_view iso);

}  // namespace linkgraph::reports
