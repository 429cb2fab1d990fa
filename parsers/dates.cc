#include "parsers/dates.h"

#include <re2/re2.h>

#include <cstdio>
#include <string>

#include "parsers/text_util.h"

namespace linkgraph::parsers {
namespace {

// Month names and abbreviations: English, German, French, Spanish.
int MonthFromWord(std::string_view word) {
  static const std::pair<const char*, int> kMonths[] = {
      {"january", 1},    {"february", 2},  {"march", 3},     {"april", 4},      {"may", 5},
      {"june", 6},       {"july", 7},      {"august", 8},    {"september", 9},  {"october", 10},
      {"november", 11},  {"december", 12}, {"jan", 1},       {"feb", 2},        {"mar", 3},
      {"apr", 4},        {"jun", 6},       {"jul", 7},       {"aug", 8},        {"sep", 9},
      {"sept", 9},       {"oct", 10},      {"nov", 11},      {"dec", 12},       {"januar", 1},
      {"jänner", 1},     {"jän", 1},       {"februar", 2},   {"märz", 3},       {"mär", 3},
      {"mai", 5},        {"juni", 6},      {"juli", 7},      {"oktober", 10},   {"okt", 10},
      {"dezember", 12},  {"dez", 12},      {"janvier", 1},   {"janv", 1},       {"février", 2},
      {"févr", 2},       {"fév", 2},       {"mars", 3},      {"avril", 4},      {"avr", 4},
      {"juin", 6},       {"juillet", 7},   {"juil", 7},      {"août", 8},       {"septembre", 9},
      {"octobre", 10},   {"novembre", 11}, {"décembre", 12}, {"déc", 12},       {"enero", 1},
      {"ene", 1},        {"febrero", 2},   {"marzo", 3},     {"abril", 4},      {"abr", 4},
      {"mayo", 5},       {"junio", 6},     {"julio", 7},     {"agosto", 8},     {"ago", 8},
      {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},  {"noviembre", 11}, {"diciembre", 12},
      {"dic", 12}};
  std::string lower = ToLowerAscii(word);
  for (const auto& [name, month] : kMonths) {
    if (lower == name) return month;
  }
  return 0;
}

int ToInt(const std::string& digits) { return digits.empty() ? -1 : std::stoi(digits); }

// hour/minute strings and an optional am/pm marker to 24-hour values.
bool ResolveTime(const std::string& hour_text, const std::string& minute_text,
                 const std::string& meridiem, int* hour, int* minute) {
  if (hour_text.empty()) return false;
  *hour = ToInt(hour_text);
  *minute = ToInt(minute_text);
  if (!meridiem.empty()) {
    bool pm = meridiem[0] == 'p' || meridiem[0] == 'P';
    if (*hour == 12) *hour = 0;
    if (pm) *hour += 12;
  }
  return *hour >= 0 && *hour < 24 && *minute >= 0 && *minute < 60;
}

std::string Format(int year, int month, int day, bool has_time, int hour, int minute, int second,
                   const std::string& zone) {
  if (year < 1970 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return {};
  char buffer[40];
  if (!has_time) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
  }
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour,
                minute, second < 0 ? 0 : second);
  return std::string(buffer) + zone;
}

std::string NormaliseZone(const std::string& zone) {
  if (zone.empty() || zone == "Z" || zone == "z") return zone.empty() ? "" : "+00:00";
  if (zone.size() == 5) return zone.substr(0, 3) + ":" + zone.substr(3);  // +0100
  return zone;
}

std::string ParseIso(const re2::StringPiece& input) {
  static const LazyRE2 kIso = {
      R"((\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:(?:[T ]|\s+at\s+|,\s*)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([AaPp]\.?[Mm]\.?)?\s*(Z|[+-]\d{2}:?\d{2})?)?)"};
  std::string year, month, day, hour, minute, second, meridiem, zone;
  if (!RE2::PartialMatch(input, *kIso, &year, &month, &day, &hour, &minute, &second, &meridiem,
                         &zone)) {
    return {};
  }
  int h = 0, m = 0;
  bool has_time = ResolveTime(hour, minute, meridiem, &h, &m);
  return Format(ToInt(year), ToInt(month), ToInt(day), has_time, h, m, ToInt(second),
                NormaliseZone(zone));
}

// Both patterns end with the time after the date: "at 10:10 pm", "@ 22:10",
// ", 10:10", " um 14.05 Uhr".
std::string ParseWordy(const re2::StringPiece& input) {
  static const LazyRE2 kMonthFirst = {
      R"((?i)(\pL{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))"
      R"((?:[^0-9]{0,12}?(\d{1,2})[:.h](\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?)"};
  static const LazyRE2 kDayFirst = {
      R"((?i)(\d{1,2})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?(\pL{3,})\.?,?\s+(?:de\s+)?(\d{4}))"
      R"((?:[^0-9]{0,12}?(\d{1,2})[:.h](\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?)"};
  std::string a, b, year, hour, minute, second, meridiem;
  int day = -1, month = 0;
  if (RE2::PartialMatch(input, *kDayFirst, &a, &b, &year, &hour, &minute, &second, &meridiem)) {
    day = ToInt(a);
    month = MonthFromWord(b);
  }
  if (month == 0 &&
      RE2::PartialMatch(input, *kMonthFirst, &a, &b, &year, &hour, &minute, &second, &meridiem)) {
    month = MonthFromWord(a);
    day = ToInt(b);
  }
  if (month == 0) return {};
  int h = 0, m = 0;
  bool has_time = ResolveTime(hour, minute, meridiem, &h, &m);
  return Format(ToInt(year), month, day, has_time, h, m, ToInt(second), "");
}

// "29.05.2019 um 17:39" (day first, as in Europe) and Thesis's
// "07.22.12 at 20:33" (two-digit year: month first unless that cannot be).
std::string ParseDotted(const re2::StringPiece& input) {
  static const LazyRE2 kDotted = {
      R"((?:^|[^\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:[^\d.]|$))"
      R"((?:[^0-9]{0,12}?(\d{1,2})[:.h](\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?)"};
  std::string first, second, year_text, hour, minute, seconds, meridiem;
  if (!RE2::PartialMatch(input, *kDotted, &first, &second, &year_text, &hour, &minute, &seconds,
                         &meridiem)) {
    return {};
  }
  int a = ToInt(first), b = ToInt(second), year = ToInt(year_text);
  int day = a, month = b;
  if (year_text.size() == 2) {
    year += 2000;
    if (a <= 12) std::swap(day, month);
  }
  int h = 0, m = 0;
  bool has_time = ResolveTime(hour, minute, meridiem, &h, &m);
  return Format(year, month, day, has_time, h, m, ToInt(seconds), "");
}

}  // namespace

std::string ParseDate(std::string_view text) {
  re2::StringPiece input(text.data(), text.size());
  for (auto parse : {ParseIso, ParseWordy, ParseDotted}) {
    std::string date = parse(input);
    if (!date.empty()) return date;
  }
  return {};
}

}  // namespace linkgraph::parsers
