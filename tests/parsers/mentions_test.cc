// @handles in running text: Twitter's rules, and what is not a mention.
#include "parsers/mentions.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

namespace linkgraph::parsers {
namespace LINKGRAPH_FILE_SCOPE {

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
    {"all digits are a handle @2012 too", {"2012"}},
    {"@example.com is a domain", {}},
    {"twice @LaraNewman and @laranewman again", {"LaraNewman"}},
    {"@under_score_1 ok", {"under_score_1"}},
    {"no at sign here", {}},
    {"@@double", {}},
    {"RT @source: news", {"source"}},
    {"RT@source news", {"source"}},
    {"RT:@source news", {"source"}},
    {"ART@source is a word", {}},
    {"@alice\xC3\xA9 runs into an accented letter", {}},
    {"@alice\xC5\x82 too", {}},
    {"@alice@bob runs into another", {}},
    {"@alice:// is a scheme", {}},
    {"\xEF\xBC\xA0"
     "fullwidth sign",
     {"fullwidth"}},
    {"\xE3\x81\xAE@japanese after a kana", {"japanese"}},
    {"(.@dotted) at a word start", {"dotted"}},
    {"#tag@nohandle after a hashtag", {}},
    {"@alice: says hello", {"alice"}},
};

BOOST_AUTO_TEST_SUITE(mentions)

BOOST_DATA_TEST_CASE(handles_follow_twitter_rules, boost::unit_test::data::make(kCases), c) {
  BOOST_TEST(FindMentions(c.text) == c.handles, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::parsers
