#include "parsers/dates.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>

#include "parsers/text_util.h"

namespace linkgraph::parsers {
namespace {

// A calendar day found in the text, and where it ends there, so that the
// time printed after it can be read from that point on.
struct FoundDay {
  int year = 0;
  int month = 0;
  int day = 0;
  size_t start = 0;  // byte offset of the date's first character
  size_t end = 0;    // byte offset just past its last character
};

struct ClockTime {
  int hour = 0;
  int minute = 0;
  int second = 0;
  std::string zone;  // "" (unknown), "+00:00", "+02:00", ...
};

// ASCII letters, the Latin-1 capitals (Ä, É, Û: UTF-8 "\xC3\x80".."\xC3\x9E")
// and the basic Cyrillic ones (А..Я) to lower case, so "MÄRZ", "DÉC." and
// "Марта" find their months.
std::string LowerLetters(std::string_view word) {
  std::string lower = ToLowerAscii(word);
  for (size_t i = 0; i + 1 < lower.size(); ++i) {
    unsigned char lead = static_cast<unsigned char>(lower[i]);
    unsigned char next = static_cast<unsigned char>(lower[i + 1]);
    if (lead == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97) {
      lower[i + 1] = static_cast<char>(next + 0x20);
    } else if (lead == 0xD0 && next >= 0x90 && next <= 0x9F) {  // Cyrillic А..П
      lower[i + 1] = static_cast<char>(next + 0x20);
    } else if (lead == 0xD0 && next >= 0xA0 && next <= 0xAF) {  // Р..Я
      lower[i] = static_cast<char>(0xD1);
      lower[i + 1] = static_cast<char>(next - 0x20);
    }
  }
  return lower;
}

// Month names and abbreviations: English, German, French, Spanish, with the
// spellings that drop accents ("Maerz", "fevrier", "aout", "decembre");
// Portuguese, Italian, Dutch, Swedish, Indonesian, Polish, Czech, Slovak,
// Russian and Ukrainian names (the Slavic ones in the genitive dates use),
// and only those of their abbreviations that are no common word ("out",
// "set", "gen" are left out).
int MonthFromWord(std::string_view word) {
  // One language to a few lines.
  // clang-format off
  static const std::pair<const char*, int> kMonths[] = {
      // English.
      {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
      {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
      {"december", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7},
      {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
      // German.
      {"januar", 1}, {"jänner", 1}, {"jän", 1}, {"februar", 2}, {"märz", 3}, {"maerz", 3},
      {"mär", 3}, {"mrz", 3}, {"mai", 5}, {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"okt", 10},
      {"dezember", 12}, {"dez", 12},
      // French.
      {"janvier", 1}, {"janv", 1}, {"février", 2}, {"fevrier", 2}, {"févr", 2}, {"fevr", 2},
      {"fév", 2}, {"fev", 2}, {"mars", 3}, {"avril", 4}, {"avr", 4}, {"juin", 6}, {"juillet", 7},
      {"juil", 7}, {"juill", 7}, {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10},
      {"novembre", 11}, {"décembre", 12}, {"decembre", 12}, {"déc", 12},
      // Spanish.
      {"enero", 1}, {"ene", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"abr", 4},
      {"mayo", 5}, {"junio", 6}, {"julio", 7}, {"agosto", 8}, {"ago", 8}, {"septiembre", 9},
      {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12}, {"dic", 12},
      // Portuguese.
      {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"marco", 3}, {"maio", 5}, {"junho", 6},
      {"julho", 7}, {"setembro", 9}, {"outubro", 10}, {"novembro", 11}, {"dezembro", 12},
      // Italian.
      {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6}, {"luglio", 7},
      {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12}, {"giu", 6}, {"lug", 7}, {"ott", 10},
      // Dutch and the Scandinavian languages.
      {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mrt", 3}, {"mei", 5}, {"augustus", 8},
      {"augusti", 8}, {"maj", 5},
      // Polish and Czech, in the genitive that dates use, and the Polish
      // nominative of month headings.
      {"stycznia", 1}, {"lutego", 2}, {"marca", 3}, {"kwietnia", 4}, {"maja", 5}, {"czerwca", 6},
      {"lipca", 7}, {"sierpnia", 8}, {"września", 9}, {"października", 10}, {"listopada", 11},
      {"grudnia", 12}, {"styczeń", 1}, {"luty", 2}, {"marzec", 3}, {"kwiecień", 4},
      {"czerwiec", 6}, {"lipiec", 7}, {"sierpień", 8}, {"wrzesień", 9}, {"październik", 10},
      {"listopad", 11}, {"grudzień", 12}, {"ledna", 1}, {"února", 2}, {"března", 3}, {"dubna", 4},
      {"května", 5}, {"června", 6}, {"července", 7}, {"srpna", 8}, {"září", 9}, {"října", 10},
      {"listopadu", 11}, {"prosince", 12},
      // Indonesian and Malay, beside the Dutch names they share.
      {"maret", 3}, {"agustus", 8}, {"desember", 12}, {"ogos", 8}, {"disember", 12},
      // Slovak, in the nominative of "16 február, 2009" and the genitive of
      // "16. februára 2009".
      {"január", 1}, {"február", 2}, {"marec", 3}, {"apríl", 4}, {"máj", 5}, {"jún", 6},
      {"júl", 7}, {"október", 10}, {"januára", 1}, {"februára", 2}, {"apríla", 4},
      {"mája", 5}, {"júna", 6}, {"júla", 7}, {"augusta", 8}, {"septembra", 9},
      {"októbra", 10}, {"novembra", 11}, {"decembra", 12},
      // Russian and Ukrainian, in the genitive.
      {"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5}, {"июня", 6},
      {"июля", 7}, {"августа", 8}, {"сентября", 9}, {"октября", 10}, {"ноября", 11},
      {"декабря", 12}, {"січня", 1}, {"лютого", 2}, {"березня", 3}, {"квітня", 4}, {"травня", 5},
      {"червня", 6}, {"липня", 7}, {"серпня", 8}, {"вересня", 9}, {"жовтня", 10},
      {"листопада", 11}, {"грудня", 12}
  };
  // clang-format on
  std::string lower = LowerLetters(word);
  for (const auto& [name, month] : kMonths) {
    if (lower == name) return month;
  }
  return 0;
}

int ToInt(re2::StringPiece digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return digits.empty() ? -1 : value;
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool IsCalendarDay(int year, int month, int day) {
  static const int kDaysIn[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1970 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  int days = kDaysIn[month - 1] + (month == 2 && IsLeapYear(year) ? 1 : 0);
  return day <= days;
}

size_t OffsetOf(re2::StringPiece input, re2::StringPiece part) {
  return static_cast<size_t>(part.data() - input.data());
}

// "UTC", "GMT", "Z" -> "+00:00"; "+0200", "GMT+0200" -> "+02:00".
std::string NormaliseZone(re2::StringPiece shown) {
  std::string zone(shown.data(), shown.size());
  if (zone.empty()) return zone;
  if (zone.starts_with("UTC") || zone.starts_with("GMT")) zone.erase(0, 3);
  while (!zone.empty() && zone[0] == ' ') zone.erase(0, 1);
  if (zone.empty() || zone == "Z") return "+00:00";
  if (zone.size() == 5) return zone.substr(0, 3) + ":" + zone.substr(3);
  return zone;
}

// A clock time at the very start of rest, read by one of the time patterns
// below (groups: hour, minute, second, am/pm, zone). A clock followed by more
// digits ("3.12.2009" after a date) is no time.
std::optional<ClockTime> ClockAt(re2::StringPiece rest, const RE2& pattern) {
  re2::StringPiece group[6];
  if (!pattern.Match(rest, 0, rest.size(), RE2::ANCHOR_START, group, 6)) return std::nullopt;
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  re2::StringPiece clock_end = group[3].empty() ? group[2] : group[3];
  size_t after = OffsetOf(rest, clock_end) + clock_end.size();
  bool has_fraction = !group[3].empty() && after + 1 < rest.size() &&
                      (rest[after] == '.' || rest[after] == ',') && is_digit(rest[after + 1]);
  if (has_fraction) {
    ++after;
    while (after < rest.size() && is_digit(rest[after])) ++after;
  }
  if (after < rest.size() &&
      (is_digit(rest[after]) ||
       (after + 1 < rest.size() && rest[after] == '.' && is_digit(rest[after + 1])))) {
    return std::nullopt;
  }
  ClockTime time{ToInt(group[1]), ToInt(group[2]), group[3].empty() ? 0 : ToInt(group[3]),
                 NormaliseZone(group[5])};
  if (!group[4].empty()) {
    bool pm = group[4][0] == 'p' || group[4][0] == 'P';
    // "22:10 am Abend" is German "on", not a 12-hour clock.
    if (time.hour <= 12) {
      if (time.hour == 12) time.hour = 0;
      if (pm) time.hour += 12;
    }
  }
  if (time.hour > 23 || time.minute > 59 || time.second > 59) return std::nullopt;
  return time;
}

// The time after a printed date: "at 10:10 pm", "@09:32AM", ", 22:10 Uhr",
// " um 14.05", " à 22h10", " à 11 h 56 min" (French WordPress's default),
// " a las 22:10", " - 09:56". Spaces may be no-break
// or narrow ones (\pZ).
std::optional<ClockTime> PrintedTimeAt(re2::StringPiece rest) {
  static const LazyRE2 kPrintedTime = {
      R"([^0-9]{0,12}?(\d{1,2})(?:[:.]|[\s\pZ]?h[\s\pZ]?)(\d{2})(?::(\d{2}))?[\s\pZ]*)"
      R"(([AaPp]\.?[Mm](?:\.|$|[^\pL.]))?[\s\pZ]*((?:UTC|GMT)?[+-]\d{2}:?\d{2}\b|(?:UTC|GMT)\b)?)"};
  return ClockAt(rest, *kPrintedTime);
}

// The time of an ISO-like date: "T04:11:57.123Z", " 09:32:00 +0200", ", 2:22 pm".
std::optional<ClockTime> IsoTimeAt(re2::StringPiece rest) {
  static const LazyRE2 kIsoTime = {
      R"((?:[T ]|[\s\pZ]+at[\s\pZ]+|[\s\pZ]*@[\s\pZ]*|,[\s\pZ]*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)"
      R"([\s\pZ]*([AaPp]\.?[Mm](?:\.|$|[^\pL.]))?[\s\pZ]*)"
      R"((Z\b|(?:UTC|GMT)?[+-]\d{2}:?\d{2}\b|(?:UTC|GMT)\b)?)"};
  return ClockAt(rest, *kIsoTime);
}

// The clock printed before a date, where none follows it: "17:38
// 5.05.2008", "10:42 pm on March 3, 2010", "21h10, le 6 mars 2009".
std::optional<ClockTime> PrintedTimeBefore(re2::StringPiece input, size_t date_start) {
  static const LazyRE2 kTimeBefore = {
      R"((?:^|[^\d:.])(\d{1,2})[:h](\d{2})(?::(\d{2}))?[\s\pZ]*([AaPp]\.?[Mm]\.?)?)"
      R"([\s\pZ]*[,@|-]?[\s\pZ]*(?:on|le|am|el|op)?[\s\pZ]*$)"};
  constexpr size_t kWindow = 24;
  const size_t from = date_start > kWindow ? date_start - kWindow : 0;
  re2::StringPiece before = input.substr(from, date_start - from);
  re2::StringPiece hour, minute, second, meridiem;
  if (!RE2::PartialMatch(before, *kTimeBefore, &hour, &minute, &second, &meridiem)) {
    return std::nullopt;
  }
  ClockTime time{ToInt(hour), ToInt(minute), second.empty() ? 0 : ToInt(second), ""};
  if (!meridiem.empty() && time.hour <= 12) {
    if (time.hour == 12) time.hour = 0;
    if (meridiem[0] == 'p' || meridiem[0] == 'P') time.hour += 12;
  }
  if (time.hour > 23 || time.minute > 59 || time.second > 59) return std::nullopt;
  return time;
}

// The time printed after the date, else the one printed just before it.
std::optional<ClockTime> TimeAround(re2::StringPiece input, size_t date_start, size_t date_end) {
  if (std::optional<ClockTime> after = PrintedTimeAt(input.substr(date_end))) return after;
  return PrintedTimeBefore(input, date_start);
}

std::string Format(const FoundDay& date, const std::optional<ClockTime>& time) {
  char buffer[40];
  if (!time) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
  }
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", date.year, date.month,
                date.day, time->hour, time->minute, time->second);
  return std::string(buffer) + time->zone;
}

// "2019-08-03", "2012/05/03": year first, never inside a longer number.
std::string ParseIso(re2::StringPiece input) {
  static const LazyRE2 kIsoDate = {R"((?:^|\D)(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|\D))"};
  // The year first with dots ("2007.03.04 13:28", Chinese and Korean
  // blogs): two-digit month and day, and no more numbers after them.
  static const LazyRE2 kDottedYearFirst = {
      R"((?:^|[^\d.])(\d{4})\.(\d{2})\.(\d{2})(?:$|[^\d.]|\.$|\.\D))"};
  re2::StringPiece group[4];
  for (const RE2* pattern : {kIsoDate.get(), kDottedYearFirst.get()}) {
    for (size_t pos = 0; pattern->Match(input, pos, input.size(), RE2::UNANCHORED, group, 4);) {
      FoundDay date{ToInt(group[1]), ToInt(group[2]), ToInt(group[3])};
      date.end = OffsetOf(input, group[3]) + group[3].size();
      if (IsCalendarDay(date.year, date.month, date.day)) {
        return Format(date, IsoTimeAt(input.substr(date.end)));
      }
      pos = OffsetOf(input, group[1]) + group[1].size();
    }
  }
  return {};
}

// The first match of pattern whose month word (group month_group) names a
// month and whose day is in that month; groups 1..3 are day, month, year in
// some order. Words that are no month ("Decided 12, 2009") are skipped.
std::optional<FoundDay> FirstNamedMonthDate(re2::StringPiece input, const RE2& pattern,
                                            int day_group, int month_group) {
  re2::StringPiece group[4];
  for (size_t pos = 0; pattern.Match(input, pos, input.size(), RE2::UNANCHORED, group, 4);) {
    FoundDay date{ToInt(group[3]), MonthFromWord(group[month_group]), ToInt(group[day_group])};
    date.start = OffsetOf(input, group[1]);
    date.end = OffsetOf(input, group[3]) + group[3].size();
    if (date.month != 0 && IsCalendarDay(date.year, date.month, date.day)) return date;
    pos = date.start + group[1].size();
  }
  return std::nullopt;
}

// "6. Dezember 2009", "Sonntag, 6th December 2009", "le 6 déc. 2009",
// "6 de diciembre de 2009"; and "December 6, 2009", "Dec 6th, 2009",
// "Tuesday July 24, 2012", "Posted by: X | July 24, 2012": the leftmost of
// either order, then the time printed after it.
std::string ParseWordy(re2::StringPiece input) {
  static const LazyRE2 kDayFirst = {
      R"((?i)(?:^|[^\pN])(\d{1,2})(?:st|nd|rd|th|er)?\.?[\s\pZ]+(?:de[\s\pZ]+)?)"
      R"((\pL{3,})\.?,?[\s\pZ]+(?:de[\s\pZ]+)?(\d{4})\b)"};
  static const LazyRE2 kMonthFirst = {
      R"((?i)(?:^|[^\pL\pN])(\pL{3,})\.?[\s\pZ]+(\d{1,2})(?:st|nd|rd|th)?,?[\s\pZ]+(\d{4})\b)"};
  std::optional<FoundDay> day_first = FirstNamedMonthDate(input, *kDayFirst, 1, 2);
  std::optional<FoundDay> month_first = FirstNamedMonthDate(input, *kMonthFirst, 2, 1);
  std::optional<FoundDay> date = day_first;
  if (!date || (month_first && month_first->start < date->start)) date = month_first;
  if (!date) return {};
  return Format(*date, TimeAround(input, date->start, date->end));
}

// "the version 10.12.09" is no date.
bool FollowsVersionWord(re2::StringPiece input, size_t start) {
  static const LazyRE2 kVersionWord = {
      R"((?i)(?:^|[^\pL])(?:version|ver|v|release|build)\.?[\s\pZ]*$)"};
  size_t window = start > 16 ? start - 16 : 0;  // keeps a long text linear
  return RE2::PartialMatch(input.substr(window, start - window), *kVersionWord);
}

// "29.05.2019 um 17:39", "6.12.2009" and "06.12.09" (day first, as in Europe),
// and Thesis's "07.22.12 at 20:33" (month first: English "at" and a day that
// cannot be a month tell). A two-digit year needs two-digit day and month, so
// "1.10.12" stays a version number; a third dot and digit makes it an address
// or a phone number.
std::string ParseDotted(re2::StringPiece input) {
  static const LazyRE2 kDotted = {
      R"((?:^|[^\d.\pL])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:$|[^\d.]|\.$|\.\D))"};
  static const LazyRE2 kEnglishAt = {R"(^[\s\pZ]+at[\s\pZ]+\d)"};
  re2::StringPiece group[4];
  for (size_t pos = 0; kDotted->Match(input, pos, input.size(), RE2::UNANCHORED, group, 4);) {
    size_t start = OffsetOf(input, group[1]);
    pos = start + group[1].size();
    bool short_year = group[3].size() == 2;
    if (short_year && (group[1].size() != 2 || group[2].size() != 2)) continue;
    if (FollowsVersionWord(input, start)) continue;
    FoundDay date{ToInt(group[3]), ToInt(group[2]), ToInt(group[1])};
    date.end = OffsetOf(input, group[3]) + group[3].size();
    re2::StringPiece rest = input.substr(date.end);
    if (short_year) {
      date.year += date.year < 70 ? 2000 : 1900;
      bool month_first =
          date.month > 12 || (RE2::PartialMatch(rest, *kEnglishAt) && date.day <= 12);
      if (month_first) std::swap(date.day, date.month);
    }
    if (IsCalendarDay(date.year, date.month, date.day)) {
      return Format(date, TimeAround(input, start, date.end));
    }
  }
  return {};
}

// 0 (Sunday) to 6 (Saturday), for a calendar day; -1 for none.
int Weekday(int year, int month, int day) {
  if (!IsCalendarDay(year, month, day)) return -1;
  static const int kMonthOffset[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (month < 3) year -= 1;
  return (year + year / 4 - year / 100 + year / 400 + kMonthOffset[month - 1] + day) % 7;
}

// The weekday named just before start ("Thu, ", "Donnerstag, ", "jeu. ", "sex, "),
// 0 (Sunday) to 6; -1 when none is.
int WeekdayBefore(re2::StringPiece input, size_t start) {
  static const LazyRE2 kWeekday = {
      R"((?i)(?:^|[^\pL])(su|sun|sunday|so|sonntag|dim|dimanche|dom|domingo|)"
      R"(mo|mon|monday|montag|lun|lundi|lunes|tu|tue|tues|tuesday|di|dienstag|mar|mardi|martes|)"
      R"(we|wed|wednesday|mi|mittwoch|mer|mercredi|mi\x{e9}rcoles|)"
      R"(th|thu|thur|thurs|thursday|do|donnerstag|jeu|jeudi|jue|jueves|)"
      R"(fr|fri|friday|freitag|ven|vendredi|vie|viernes|)"
      R"(sa|sat|saturday|samstag|sam|samedi|s\x{e1}b|s\x{e1}bado|)"
      R"(seg|segunda|ter|ter\x{e7}a|qua|quarta|qui|quinta|sex|sexta|)"
      R"(gio|gioved\x{ec}|ven|venerd\x{ec}|sab|sabato|mer|mercoled\x{ec}|)"
      R"(zo|zondag|ma|maandag|wo|woensdag|vr|vrijdag|za|zaterdag)\.?,?[\s\pZ]*$)"};
  constexpr size_t kWindow = 16;
  size_t from = start > kWindow ? start - kWindow : 0;
  std::string word;
  if (!RE2::PartialMatch(input.substr(from, start - from), *kWeekday, &word)) return -1;
  static const std::pair<std::string_view, int> kDays[] = {{"su", 0},
                                                           {"so", 0},
                                                           {"dim", 0},
                                                           {"dom", 0},
                                                           {"mo", 1},
                                                           {"lun", 1},
                                                           {"tu", 2},
                                                           {"di", 2},
                                                           {"mar", 2},
                                                           {"we", 3},
                                                           {"mi", 3},
                                                           {"mer", 3},
                                                           {"th", 4},
                                                           {"do", 4},
                                                           {"jeu", 4},
                                                           {"jue", 4},
                                                           {"fr", 5},
                                                           {"ven", 5},
                                                           {"vie", 5},
                                                           {"sa", 6},
                                                           {"s\xc3\xa1", 6},
                                                           // Portuguese, Italian and Dutch.
                                                           {"seg", 1},
                                                           {"ter", 2},
                                                           {"qua", 3},
                                                           {"qui", 4},
                                                           {"sex", 5},
                                                           {"gio", 4},
                                                           {"zo", 0},
                                                           {"ma", 1},
                                                           {"wo", 3},
                                                           {"vr", 5},
                                                           {"za", 6}};
  const std::string lower = ToLowerAscii(word);
  for (const auto& [prefix, day] : kDays) {
    if (lower.starts_with(prefix)) return day;
  }
  return -1;
}

// "24/12/2013 - 18:54", "14-10-2012, 01h19" (a first number over 12: day
// first) and "09/25/2013", "7/2/2015, 12:08:18 PM" (a second number over 12,
// or a 12-hour clock: the American month first). "11/06/2015 - 09:00" says
// neither and is no date: half the world would read it the other way. One
// separator throughout; a two-digit year needs two-digit day and month.
const RE2& SlashedPattern() {
  static const LazyRE2 kSlashed = {
      R"((?:^|[^\d/\-.\pL])(\d{1,2})([/-])(\d{1,2})[/-](\d{4}|\d{2})(?:$|[^\d/\-]))"};
  return *kSlashed;
}

std::string ParseSlashed(re2::StringPiece input, DateOrder order) {
  const RE2& slashed = SlashedPattern();
  static const LazyRE2 kTwelveHour = {
      R"((?i)^[\s,@-]*(?:at\s+)?\d{1,2}[:.h]\d{2}(?::\d{2})?\s*[ap]\.?m)"};
  re2::StringPiece group[5];
  for (size_t pos = 0; slashed.Match(input, pos, input.size(), RE2::UNANCHORED, group, 5);) {
    const size_t start = OffsetOf(input, group[1]);
    pos = start + group[1].size();
    const bool short_year = group[4].size() == 2;
    if (short_year && (group[1].size() != 2 || group[3].size() != 2)) continue;
    if (input.substr(OffsetOf(input, group[3]) + group[3].size(), 1) != group[2]) continue;
    if (FollowsVersionWord(input, start)) continue;
    FoundDay date{ToInt(group[4]), ToInt(group[3]), ToInt(group[1])};
    if (short_year) date.year += date.year < 70 ? 2000 : 1900;
    date.end = OffsetOf(input, group[4]) + group[4].size();
    const re2::StringPiece rest = input.substr(date.end);
    bool day_first = date.day > 12;
    bool month_first = date.month > 12;
    if (!day_first && !month_first) {
      // "Thu, 09/01/2011": the weekday printed before it tells the order.
      const int weekday = WeekdayBefore(input, start);
      day_first = weekday >= 0 && weekday == Weekday(date.year, date.month, date.day) &&
                  weekday != Weekday(date.year, date.day, date.month);
      month_first = weekday >= 0 && weekday == Weekday(date.year, date.day, date.month) &&
                    weekday != Weekday(date.year, date.month, date.day);
    }
    // Then the page's other dates, then a 12-hour clock (American).
    if (!day_first && !month_first) {
      day_first = order == DateOrder::kDayFirst;
      month_first = order == DateOrder::kMonthFirst ||
                    (order == DateOrder::kUnknown && RE2::PartialMatch(rest, *kTwelveHour));
    }
    if (!day_first && !month_first) continue;
    if (month_first) std::swap(date.day, date.month);
    if (IsCalendarDay(date.year, date.month, date.day)) {
      return Format(date, TimeAround(input, start, date.end));
    }
  }
  return {};
}

// "2007年08月27日 00:15", "2007年8月27日（月）午後3時5分", "2012년 3월 5일 오후 3:05":
// the year, month and day marks of Chinese, Japanese and Korean; a clock
// after them, with the morning or afternoon word written before it.
std::string ParseCjk(re2::StringPiece input) {
  static const LazyRE2 kCjkDate = {
      R"((?:^|\D)(\d{4})[\s\pZ]*[\x{5e74}\x{b144}][\s\pZ]*(\d{1,2})[\s\pZ]*[\x{6708}\x{c6d4}])"
      R"([\s\pZ]*(\d{1,2})[\s\pZ]*[\x{65e5}\x{c77c}])"};
  // An optional weekday ("(月)", "月曜日", "星期一", "周一", "월요일"), an optional
  // morning or afternoon word, then hours and minutes ("15:05", "3時5分").
  static const LazyRE2 kCjkTime = {
      R"(^[\s\pZ]*(?:[(\x{ff08}][^)\x{ff09}]{1,12}[)\x{ff09}]|(?:\x{661f}\x{671f}|[\x{9031}\x{5468}])\pL|)"
      R"(\pL\x{66dc}\x{65e5}?|\pL\x{c694}\x{c77c})?[\s\pZ]*)"
      R"((\x{5348}\x{5f8c}|\x{4e0b}\x{5348}|\x{c624}\x{d6c4}|\x{5348}\x{524d}|\x{4e0a}\x{5348}|\x{c624}\x{c804})?)"
      R"([\s\pZ]*(\d{1,2})[\s\pZ]*[:\x{6642}\x{70b9}\x{c2dc}][\s\pZ]*(\d{1,2})(?:$|\D))"};
  re2::StringPiece group[4];
  if (!kCjkDate->Match(input, 0, input.size(), RE2::UNANCHORED, group, 4)) return {};
  FoundDay date{ToInt(group[1]), ToInt(group[2]), ToInt(group[3])};
  if (!IsCalendarDay(date.year, date.month, date.day)) return {};
  re2::StringPiece rest = input.substr(OffsetOf(input, group[0]) + group[0].size());
  re2::StringPiece meridiem;
  re2::StringPiece hour;
  re2::StringPiece minute;
  if (!RE2::PartialMatch(rest, *kCjkTime, &meridiem, &hour, &minute)) {
    return Format(date, std::nullopt);
  }
  ClockTime time{ToInt(hour), ToInt(minute), 0, ""};
  if (!meridiem.empty() && time.hour <= 12) {
    // 午後, 下午, 오후 (afternoon); 午前, 上午, 오전 (morning).
    static const std::string_view kAfternoon[] = {
        "\xe5\x8d\x88\xe5\xbe\x8c", "\xe4\xb8\x8b\xe5\x8d\x88", "\xec\x98\xa4\xed\x9b\x84"};
    std::string_view shown(meridiem.data(), meridiem.size());
    if (time.hour == 12) time.hour = 0;
    if (std::find(std::begin(kAfternoon), std::end(kAfternoon), shown) != std::end(kAfternoon)) {
      time.hour += 12;
    }
  }
  if (time.hour > 23 || time.minute > 59) return Format(date, std::nullopt);
  return Format(date, time);
}

}  // namespace

std::string ParseDate(std::string_view text) { return ParseDate(text, DateOrder::kUnknown); }

std::string ParseDate(std::string_view text, DateOrder order) {
  re2::StringPiece input(text.data(), text.size());
  for (auto parse : {ParseIso, ParseWordy, ParseDotted}) {
    if (std::string date = parse(input); !date.empty()) return date;
  }
  if (std::string date = ParseSlashed(input, order); !date.empty()) return date;
  return ParseCjk(input);
}

DateOrder SlashedDateOrder(std::string_view text) {
  const RE2& slashed = SlashedPattern();
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece group[5];
  bool day_first = false, month_first = false;
  for (size_t pos = 0; slashed.Match(input, pos, input.size(), RE2::UNANCHORED, group, 5);) {
    const int first = ToInt(group[1]);
    const int second = ToInt(group[3]);
    day_first = day_first || (first > 12 && second <= 12);
    month_first = month_first || (second > 12 && first <= 12);
    pos = OffsetOf(input, group[4]) + group[4].size();
  }
  if (day_first == month_first) return DateOrder::kUnknown;
  return day_first ? DateOrder::kDayFirst : DateOrder::kMonthFirst;
}

DateOrder LanguageDateOrder(std::string_view language_tag) {
  const std::string tag = ToLowerAscii(TrimAscii(language_tag));
  const size_t cut = tag.find_first_of("-_");
  const std::string_view language = std::string_view(tag).substr(0, cut);
  const std::string_view region =
      cut == std::string::npos ? std::string_view() : std::string_view(tag).substr(cut + 1);
  if (language.size() < 2 || language.size() > 3) return DateOrder::kUnknown;
  for (std::string_view year_first : {"zh", "ja", "ko", "hu", "lt"}) {
    if (language == year_first) return DateOrder::kUnknown;
  }
  if (language != "en") return DateOrder::kDayFirst;
  for (std::string_view day_first : {"gb", "uk", "au", "nz", "ie", "in", "za"}) {
    if (region.starts_with(day_first)) return DateOrder::kDayFirst;
  }
  return region.starts_with("us") ? DateOrder::kMonthFirst : DateOrder::kUnknown;
}

bool IsDateWord(std::string_view word) {
  while (!word.empty() && (word.back() == '.' || word.back() == ',')) word.remove_suffix(1);
  if (word.empty()) return false;
  const std::string lower = LowerLetters(word);
  if (lower == "am" || lower == "pm" || lower == "a.m" || lower == "p.m") return true;
  if (MonthFromWord(word) > 0) return true;
  // Weekdays by their whole names only: their short forms ("Sam", "Di",
  // "Do") are names and words too.
  constexpr size_t kMinWeekdayChars = 5;
  return word.size() >= kMinWeekdayChars &&
         WeekdayBefore(re2::StringPiece(word.data(), word.size()), word.size()) >= 0;
}

}  // namespace linkgraph::parsers
