// Private to parsers/: dates as blogs print them, to ISO 8601.
#pragma once

#include <string>
#include <string_view>

namespace linkgraph::parsers {

// "2009-12-06T22:10:00+00:00", "2009-12-06 22:10:00 UTC", "December 6, 2009
// at 10:10 pm", "Sunday December 6, 2009 @10:10PM", "Dec 6th, 2009 @ 10:10 PM",
// "6. Dezember 2009 um 22:10", "06.12.09", "6 déc. 2009 à 22h10",
// "6 de diciembre de 2009 a las 22:10", "2012/05/03 2:22 pm", also inside a
// longer text ("Posted by: X | ...") -> "2009-12-06T22:10:00" (with the zone
// when one is shown, "+00:00" for Z/UTC/GMT) or "2009-12-06" when no time is
// given. Month names in English, German, French and Spanish, any case.
// "" when no date is found, and for relative dates ("2 days ago", "gestern"),
// dates without a year, version numbers and the like: never a guess.
// Linear in the text's length; thread-safe.
std::string ParseDate(std::string_view text);

// The order of day and month that a page's slashed dates ("04/09/2012")
// follow, where some of them show it ("21/03/2012": no month 21).
enum class DateOrder { kUnknown, kDayFirst, kMonthFirst };

// As above, with "04/09/2012" (which says neither) read in order, which
// outweighs a 12-hour clock's hint of the American order; a weekday
// printed before the date still decides.
std::string ParseDate(std::string_view text, DateOrder order);

// The order text's slashed dates show: kDayFirst where some have a first
// number over 12 and none a second one, and the other way round;
// kUnknown where none shows or they disagree. Linear in text's length.
DateOrder SlashedDateOrder(std::string_view text);

// The order the page's language writes slashed dates in, from its BCP 47
// tag ("de-DE", "pt_BR"): day first for every language but English, whose
// order follows the region: month first for "en-US" (blog engines print
// slashed dates in their locale's order; where a blog elsewhere kept the
// default "en-US" and set its own, most pages show a day over 12, which
// decides first), day first for Britain, Ireland and the Commonwealth. A
// bare "en" settles nothing, nor do languages that write the year first
// (Chinese, Japanese, Korean, Hungarian, Lithuanian).
DateOrder LanguageDateOrder(std::string_view language_tag);

// Whether word ("." or "," after it aside) is one of a printed date's
// words other than its numbers: a month's name or abbreviation, a
// weekday's name, a clock's "am"/"pm".
bool IsDateWord(std::string_view word);

}  // namespace linkgraph::parsers
