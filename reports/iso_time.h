// Private to reports/: ISO 8601 strings to seconds, for latencies.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace linkgraph::reports {

// Seconds since 1970 for "2009-12-06T22:10:00" (read as UTC when no zone
// is given) or "...+01:00"; nullopt for "" or a date without a time.
std::optional<long long> SecondsSinceEpoch(std::string_view iso);

// The first and last day an ISO date stands for: "2009-12-06T22:10:00" and
// "2009-12-06" give that day twice, "2010-02" its first and last days,
// "2009" its year's; nullopt for anything else.
std::optional<std::pair<std::string, std::string>> DaySpan(std::string_view iso);

// How precise an ISO date is: "second", "minute", "day", "month", "year",
// or "" when it is none of those forms.
std::string_view DatePrecision(std::string_view iso);

}  // namespace linkgraph::reports
