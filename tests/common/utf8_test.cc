// The one strict UTF-8 reader (common/utf8.h) on the sequences that are
// easy to get wrong: overlong forms, surrogates, values past U+10FFFF, cut
// and broken sequences.
#include "common/utf8.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

namespace linkgraph::common_test {
namespace LINKGRAPH_FILE_SCOPE {

struct Utf8Row {
  std::string bytes;
  size_t length;  // of the sequence at bytes[0]; 0 when not UTF-8
  uint32_t code_point;
};

BOOST_AUTO_TEST_SUITE(utf8)

BOOST_AUTO_TEST_CASE(sequences_are_read_strictly) {
  const std::vector<Utf8Row> rows = {
      {"a", 1, 'a'},
      {std::string(1, '\0'), 1, 0},
      {"\x7F", 1, 0x7F},
      {"\xC2\x80", 2, 0x80},
      {"\xDF\xBF", 2, 0x7FF},
      {"\xE0\xA0\x80", 3, 0x800},
      {"\xE2\x82\xAC", 3, 0x20AC},
      {"\xEF\xBF\xBF", 3, 0xFFFF},
      {"\xF0\x90\x80\x80", 4, 0x10000},
      {"\xF4\x8F\xBF\xBF", 4, 0x10FFFF},
      {"\x80", 0, 0},              // a continuation byte alone
      {"\xC0\xAF", 0, 0},          // overlong '/'
      {"\xC1\xBF", 0, 0},          // overlong
      {"\xE0\x9F\xBF", 0, 0},      // overlong
      {"\xF0\x8F\xBF\xBF", 0, 0},  // overlong
      {"\xED\xA0\x80", 0, 0},      // surrogate U+D800
      {"\xED\xBF\xBF", 0, 0},      // surrogate U+DFFF
      {"\xF4\x90\x80\x80", 0, 0},  // past U+10FFFF
      {"\xF5\x80\x80\x80", 0, 0},
      {"\xF8\x88\x80\x80\x80", 0, 0},
      {"\xFF", 0, 0},
      {"\xE2\x82", 0, 0},      // cut short
      {"\xE2\x28\xA1", 0, 0},  // broken continuation
  };
  for (const Utf8Row& row : rows) {
    uint32_t code_point = 0;
    const size_t length = DecodeUtf8(row.bytes, 0, &code_point);
    BOOST_TEST(length == row.length,
               "length at byte " << +static_cast<unsigned char>(row.bytes[0]));
    BOOST_TEST(code_point == row.code_point);
    BOOST_TEST(IsValidUtf8(row.bytes) == (length == row.bytes.size()));
  }
}

BOOST_AUTO_TEST_CASE(text_is_valid_only_when_every_sequence_is) {
  BOOST_TEST(IsValidUtf8(""));
  BOOST_TEST(IsValidUtf8("plain ASCII, then caf\xC3\xA9 and \xF0\x9F\x98\x80"));
  BOOST_TEST(!IsValidUtf8("caf\xE9 in latin-1"));
  BOOST_TEST(!IsValidUtf8("ends cut \xF0\x9F\x98"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::common_test
