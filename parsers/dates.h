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

}  // namespace linkgraph::parsers
