// @handles in running text: Twitter's rules, and what is not a mention.
#include "parsers/mentions.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

namespace linkgraph::parsers {
namespace {

struct Case {
  const char* text;
  std::vector<std::string> handles;
};

std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.text; }

const Case kCases[] = {
    {"I've spoken to @LisaScales, @AndyHeadworth and @AlanWhitford on the phone",
     {"LisaScales", "AndyHeadworth", "AlanWhitford"}},
    {"(@RadicalRecruit) on Skype", {"RadicalRecruit"}},
    {"@HRMargo Margo Rose", {"HRMargo"}},
    {"write to wendy@example.com today", {}},
    {"see https://twitter.com/@someone/status/1", {}},
    {"medium.com/@writer", {}},
    {"a handle far too long @abcdefghijklmnopq", {}},
    {"exactly fifteen @abcdefghijklmno.", {"abcdefghijklmno"}},
    {"meet at 8 @8 o'clock", {}},
    {"@example.com is a domain", {}},
    {"twice @LaraNewman and @laranewman again", {"LaraNewman"}},
    {"@under_score_1 ok", {"under_score_1"}},
    {"no at sign here", {}},
    {"@@double", {}},
};

BOOST_AUTO_TEST_SUITE(mentions)

BOOST_DATA_TEST_CASE(handles_follow_twitter_rules, boost::unit_test::data::make(kCases), c) {
  BOOST_TEST(FindMentions(c.text) == c.handles, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace linkgraph::parsers
