#include "graph/interaction_time.h"

#include <re2/re2.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <memory>
#include <vector>

#include "common/ascii.h"
#include "graph/interaction_rules.h"

namespace linkgraph::graph {
namespace {

namespace chrono = std::chrono;
using Anchor = TimePhrase::Anchor;
using Direction = TimePhrase::Direction;

// Month names are matched with their capital ("in May", never the modal
// "may"); everything else without case.
#define LG_MONTH                                                                        \
  "(?-i:(January|February|March|April|May|June|July|August|September|October|November|" \
  "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec))"
#define LG_PART_OF_DAY R"((?:\s+(?:morning|afternoon|evening|night|lunchtime))?)"

// Each pattern's groups, in order, are what its anchor reads (see
// MakePhrase): none for day offsets; day, month, year (or month, day, year
// when month_first); qualifier and weekday; qualifier, month and year;
// qualifier and unit for the relative ones.
struct TimePattern {
  const char* pattern;
  Anchor anchor;
  int offset = 0;
  bool month_first = false;
};

const TimePattern kTimePatterns[] = {
    {R"(\b(?:tomorrow|tmrw))" LG_PART_OF_DAY R"(\b)", Anchor::kDayOffset, 1},
    {R"(\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|later\s+today)\b)",
     Anchor::kDayOffset, 0},
    {R"(\b(?:yesterday(?:\s+(?:morning|afternoon|evening|lunchtime))?|last\s+night)\b)",
     Anchor::kDayOffset, -1},
    {R"(\b(?:on\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)" LG_MONTH
     R"((?:,?\s+(\d{4}))?\b)",
     Anchor::kDayOfMonth},
    {R"(\b(?:on\s+)?)" LG_MONTH R"(\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b)",
     Anchor::kDayOfMonth, 0, true},
    {R"(\b(?:(on|last|next|this\s+coming|this\s+past|this)\s+)?)"
     R"((monday|tuesday|wednesday|thursday|friday|saturday|sunday))" LG_PART_OF_DAY R"(\b)",
     Anchor::kWeekday},
    {R"(\b(in\s+early|in\s+late|in\s+mid|in|this|next|last|early|late|mid)[\s-]+)" LG_MONTH
     R"((?:\s+(\d{4}))?\b)",
     Anchor::kMonth},
    {R"(\b())" LG_MONTH R"(\s+(\d{4})\b)", Anchor::kMonth},
    {R"(\b(next|last|this)\s+(month)\b)", Anchor::kRelativeMonth},
    {R"(\b(next|last|this)\s+(year)\b)", Anchor::kRelativeYear},
    {R"(\b(?:(next|last|this)\s+(?:week|weekend)|at\s+the\s+weekend|later\s+this\s+week)\b)",
     Anchor::kUnresolved},
};

#undef LG_MONTH
#undef LG_PART_OF_DAY

constexpr int kMaxGroups = 3;

std::vector<std::unique_ptr<RE2>> CompileTimePatterns() {
  std::vector<std::unique_ptr<RE2>> all;
  for (const TimePattern& p : kTimePatterns) all.push_back(CompileFixedPattern(p.pattern, "time"));
  return all;
}

const std::vector<std::unique_ptr<RE2>>& CompiledTimePatterns() {
  static const std::vector<std::unique_ptr<RE2>> compiled = CompileTimePatterns();
  return compiled;
}

int MonthNumber(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (StartsWithIgnoreCase(name, kMonths[i])) return static_cast<int>(i) + 1;
  }
  return 0;
}

int WeekdayNumber(std::string_view name) {
  static constexpr std::array<std::string_view, 7> kDays = {"sun", "mon", "tue", "wed",
                                                            "thu", "fri", "sat"};
  for (size_t i = 0; i < kDays.size(); ++i) {
    if (StartsWithIgnoreCase(name, kDays[i])) return static_cast<int>(i);
  }
  return 0;
}

int Number(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

Direction DirectionOf(std::string_view qualifier) {
  if (StartsWithIgnoreCase(qualifier, "next") || EqualsIgnoreCase(qualifier, "this coming")) {
    return Direction::kFuture;
  }
  if (StartsWithIgnoreCase(qualifier, "last") || EqualsIgnoreCase(qualifier, "this past")) {
    return Direction::kPast;
  }
  return Direction::kByTense;
}

int OffsetOf(std::string_view qualifier) {
  if (EqualsIgnoreCase(qualifier, "next")) return 1;
  if (EqualsIgnoreCase(qualifier, "last")) return -1;
  return 0;
}

TimePhrase MakePhrase(const TimePattern& pattern, Span span, const re2::StringPiece* group) {
  auto g = [&](int i) { return std::string_view(group[i].data(), group[i].size()); };
  TimePhrase phrase;
  phrase.span = span;
  phrase.anchor = pattern.anchor;
  switch (pattern.anchor) {
    case Anchor::kDayOffset:
      phrase.offset = pattern.offset;
      if (pattern.offset < 0) phrase.direction = Direction::kPast;
      break;
    case Anchor::kDayOfMonth:
      phrase.day = Number(g(pattern.month_first ? 1 : 0));
      phrase.month = MonthNumber(g(pattern.month_first ? 0 : 1));
      phrase.year = Number(g(2));
      break;
    case Anchor::kWeekday:
      phrase.direction = DirectionOf(g(0));
      phrase.weekday = WeekdayNumber(g(1));
      break;
    case Anchor::kMonth:
      phrase.direction = DirectionOf(g(0));
      phrase.month = MonthNumber(g(1));
      phrase.year = Number(g(2));
      break;
    case Anchor::kRelativeMonth:
    case Anchor::kRelativeYear:
      phrase.direction = DirectionOf(g(0));
      phrase.offset = OffsetOf(g(0));
      break;
    case Anchor::kUnresolved:
      phrase.direction = DirectionOf(g(0));
      break;
  }
  return phrase;
}

std::optional<chrono::year_month_day> ParseDay(std::string_view iso) {
  std::string date = DatePart(iso);
  if (date.empty()) return std::nullopt;
  chrono::year_month_day day{chrono::year{Number(date.substr(0, 4))},
                             chrono::month{static_cast<unsigned>(Number(date.substr(5, 2)))},
                             chrono::day{static_cast<unsigned>(Number(date.substr(8, 2)))}};
  if (!day.ok()) return std::nullopt;
  return day;
}

std::string FormatDay(chrono::year_month_day day) {
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return out;
}

std::string FormatMonth(chrono::year_month month) {
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u", static_cast<int>(month.year()),
                static_cast<unsigned>(month.month()));
  return out;
}

// "On Friday": the nearest such day strictly before (past) or after
// (future) the text's date.
chrono::year_month_day NearestWeekday(chrono::sys_days today, int weekday, bool future) {
  chrono::weekday target{static_cast<unsigned>(weekday)};
  chrono::weekday now{today};
  chrono::days step = future ? target - now : now - target;
  if (step.count() == 0) step = chrono::days{7};
  return chrono::year_month_day{future ? today + step : today - step};
}

std::string ResolveDayOfMonth(const TimePhrase& phrase, chrono::year_month_day today, bool future) {
  chrono::year year = phrase.year != 0 ? chrono::year{phrase.year} : today.year();
  chrono::year_month_day day{year, chrono::month{static_cast<unsigned>(phrase.month)},
                             chrono::day{static_cast<unsigned>(phrase.day)}};
  if (phrase.year == 0 && future && day < today) day += chrono::years{1};
  if (phrase.year == 0 && !future && day > today) day -= chrono::years{1};
  return day.ok() ? FormatDay(day) : "";
}

std::string ResolveMonth(const TimePhrase& phrase, chrono::year_month_day today, bool future) {
  chrono::month month{static_cast<unsigned>(phrase.month)};
  chrono::year year = today.year();
  if (phrase.year != 0) {
    year = chrono::year{phrase.year};
  } else if (future && month < today.month()) {
    ++year;
  } else if (!future && month > today.month()) {
    --year;
  }
  return FormatMonth(year / month);
}

}  // namespace

bool TimePhrase::CanBeFuture() const {
  if (direction == Direction::kPast) return false;
  return !(anchor == Anchor::kDayOffset && offset < 0);
}

std::optional<TimePhrase> FindTimePhrase(std::string_view folded, Span within) {
  const auto& compiled = CompiledTimePatterns();
  re2::StringPiece text(folded.data(), folded.size());
  std::optional<TimePhrase> best;
  for (size_t i = 0; i < compiled.size(); ++i) {
    re2::StringPiece match[kMaxGroups + 1];
    if (!compiled[i]->Match(text, within.begin, within.end, RE2::UNANCHORED, match,
                            kMaxGroups + 1)) {
      continue;
    }
    size_t begin = static_cast<size_t>(match[0].data() - folded.data());
    Span span{begin, begin + match[0].size()};
    bool earlier = !best || span.begin < best->span.begin ||
                   (span.begin == best->span.begin && span.end > best->span.end);
    if (earlier) best = MakePhrase(kTimePatterns[i], span, match + 1);
  }
  return best;
}

std::string ResolveTimePhrase(const TimePhrase& phrase, std::string_view text_date, bool future) {
  std::optional<chrono::year_month_day> today = ParseDay(text_date);
  if (!today) return "";
  if (phrase.direction != Direction::kByTense) future = phrase.direction == Direction::kFuture;
  switch (phrase.anchor) {
    case Anchor::kDayOffset:
      return FormatDay(chrono::sys_days{*today} + chrono::days{phrase.offset});
    case Anchor::kWeekday:
      return FormatDay(NearestWeekday(chrono::sys_days{*today}, phrase.weekday, future));
    case Anchor::kDayOfMonth:
      return ResolveDayOfMonth(phrase, *today, future);
    case Anchor::kMonth:
      return ResolveMonth(phrase, *today, future);
    case Anchor::kRelativeMonth:
      return FormatMonth(today->year() / today->month() + chrono::months{phrase.offset});
    case Anchor::kRelativeYear: {
      char out[8];
      std::snprintf(out, sizeof out, "%04d", static_cast<int>(today->year()) + phrase.offset);
      return out;
    }
    case Anchor::kUnresolved:
      return "";
  }
  return "";
}

std::string DatePart(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return "";
  constexpr size_t kDigitPositions[] = {0, 1, 2, 3, 5, 6, 8, 9};
  for (size_t i : kDigitPositions) {
    if (iso[i] < '0' || iso[i] > '9') return "";
  }
  return std::string(iso.substr(0, 10));
}

}  // namespace linkgraph::graph
