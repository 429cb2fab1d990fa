// Private to parsers/: dates as blogs print them, to ISO 8601.
#pragma once

#include <string>
#include <string_view>

namespace linkgraph::parsers {

// "2009-12-06T22:10:00+00:00", "December 6, 2009 at 10:10 pm",
// "6 December 2009 at 22:10", "Dec 6th, 2009 @ 10:10 PM", "2012/05/03 2:22 pm"
// -> "2009-12-06T22:10:00" (with the zone when one is shown) or
// "2009-12-06" when no time is given. "" when no date is found.
std::string ParseDate(std::string_view text);

}  // namespace linkgraph::parsers
