// Private to graph/: time phrases in a statement ("tomorrow", "in Feb",
// "On Friday", "last night") and their dates, resolved against the date of
// the text. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "graph/interaction_text.h"

namespace linkgraph::graph {

struct TimePhrase {
  enum class Anchor {
    kDayOffset,      // today (0), tomorrow (+1), yesterday / last night (-1)
    kWeekday,        // "On Friday", "last Friday"
    kDayOfMonth,     // "on 26 March", "March 26th, 2010"
    kMonth,          // "in Feb", "next February", "in March 2010"
    kRelativeMonth,  // "next month" (+1), "last month" (-1), "this month" (0)
    kRelativeYear,   // "next year", "last year", "this year"
    kUnresolved,     // "next week", "at the weekend": kept as written, no date
  };
  enum class Direction { kByTense, kPast, kFuture };

  Span span;  // in the folded text
  Anchor anchor = Anchor::kUnresolved;
  Direction direction = Direction::kByTense;  // "last Friday" is past whatever the verb says
  int offset = 0;                             // days, months or years for the relative anchors
  int weekday = 0;                            // 0 = Sunday ... 6 = Saturday
  int day = 0;
  int month = 0;  // 1-12
  int year = 0;   // 0 when not written

  // Whether the phrase can point to the future: "tomorrow", "On Friday",
  // "next week" can; "yesterday", "last Friday" cannot.
  bool CanBeFuture() const;
};

// The first time phrase inside `within`, or none.
std::optional<TimePhrase> FindTimePhrase(std::string_view folded, Span within);

// "2009-12-07", "2010-02", "2010" for a phrase said on `text_date` (ISO 8601
// date or date-time) about the past or, when `future`, the future: "On
// Friday" is the last Friday before a past statement's date and the next
// Friday after a future one; "in Feb" the next February on or after the
// text's month for a future statement and the last one on or before it for
// a past one. "" when the text date is unknown or the phrase unresolvable.
std::string ResolveTimePhrase(const TimePhrase& phrase, std::string_view text_date, bool future);

// The date part "YYYY-MM-DD" of an ISO 8601 date(-time), or "" when it has
// none.
std::string DatePart(std::string_view iso);

}  // namespace linkgraph::graph
