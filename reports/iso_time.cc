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

namespace {

bool DigitsAt(std::string_view text, size_t from, size_t count) {
  if (text.size() < from + count) return false;
  for (size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

int NumberAt(std::string_view text, size_t from, size_t count) {
  int value = 0;
  for (size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string Day(int year, int month, int day) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  return text;
}

}  // namespace

std::string_view DatePrecision(std::string_view iso) {
  if (!DigitsAt(iso, 0, 4)) return "";
  if (iso.size() == 4) return "year";
  if (iso[4] != '-' || !DigitsAt(iso, 5, 2)) return "";
  if (iso.size() == 7) return "month";
  if (iso.size() < 10 || iso[7] != '-' || !DigitsAt(iso, 8, 2)) return "";
  if (iso.size() == 10) return "day";
  if (iso[10] != 'T' || !DigitsAt(iso, 11, 2) || iso.size() < 16 || iso[13] != ':' ||
      !DigitsAt(iso, 14, 2)) {
    return "";
  }
  return iso.size() >= 19 && iso[16] == ':' && DigitsAt(iso, 17, 2) ? "second" : "minute";
}

std::optional<std::pair<std::string, std::string>> DaySpan(std::string_view iso) {
  const std::string_view precision = DatePrecision(iso);
  if (precision.empty()) return std::nullopt;
  const int year = NumberAt(iso, 0, 4);
  if (precision == "year") return std::make_pair(Day(year, 1, 1), Day(year, 12, 31));
  const int month = NumberAt(iso, 5, 2);
  if (month < 1 || month > 12) return std::nullopt;
  if (precision == "month") {
    return std::make_pair(Day(year, month, 1), Day(year, month, DaysInMonth(year, month)));
  }
  const int day = NumberAt(iso, 8, 2);
  if (day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  return std::make_pair(Day(year, month, day), Day(year, month, day));
}

}  // namespace linkgraph::reports
