#include "reports/iso_time.h"

#include <cstdio>
#include <string>

namespace linkgraph::reports {
namespace {

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar
// (Howard Hinnant's days_from_civil).
long long DaysFromCivil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

}  // namespace

std::optional<long long> SecondsSinceEpoch(std::string_view iso) {
  if (iso.size() < 19 || iso[10] != 'T') return std::nullopt;
  std::string text(iso);
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &year, &month, &day, &hour, &minute,
                  &second) != 6) {
    return std::nullopt;
  }
  long long seconds =
      DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
      hour * 3600 + minute * 60 + second;
  if (text.size() >= 25 && (text[19] == '+' || text[19] == '-')) {
    int zone_hours = 0, zone_minutes = 0;
    if (std::sscanf(text.c_str() + 20, "%2d:%2d", &zone_hours, &zone_minutes) == 2) {
      long long offset = zone_hours * 3600 + zone_minutes * 60;
      seconds -= text[19] == '+' ? offset : -offset;
    }
  }
  return seconds;
}

}  // namespace linkgraph::reports
