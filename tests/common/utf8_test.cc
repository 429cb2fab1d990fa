// The one UTF-8 reader against the copies it replaces, on every sequence of
// one to three bytes and on four-byte ones around each boundary.
#include "common/utf8.h"

#include <boost/test/unit_test.hpp>
#include <string>

#include "common/terminal_text.h"
#include "parsers/charset.h"
#include "tests/support/terminal_controls.h"

namespace linkgraph::common_test {
namespace {

// reports/graph_document.cc SequenceLength, as it was.
size_t OldReportsSequenceLength(std::string_view text, size_t i) {
  auto byte = [&text](size_t at) { return static_cast<unsigned char>(text[at]); };
  auto in = [&](size_t at, unsigned char low, unsigned char high) {
    return at < text.size() && byte(at) >= low && byte(at) <= high;
  };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return in(i + 1, 0x80, 0xBF) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
    unsigned char high = lead == 0xED ? 0x9F : 0xBF;
    return in(i + 1, low, high) && in(i + 2, 0x80, 0xBF) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
    unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
    return in(i + 1, low, high) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

void Check(const std::string& text, int* mismatches) {
  uint32_t old_code = 0;
  uint32_t new_code = 0;
  const size_t old_terminal = terminal_internal::DecodeUtf8(text, 0, &old_code);
  const size_t length = DecodeUtf8(text, 0, &new_code);
  const bool same = length == old_terminal && length == OldReportsSequenceLength(text, 0) &&
                    (length == 0 || old_code == new_code) &&
                    IsValidUtf8(text) == parsers::IsValidUtf8(text) &&
                    IsValidUtf8(text) == testing::IsWellFormedUtf8(text);
  if (!same && ++*mismatches < 10) BOOST_ERROR("differs on " << text.size() << " bytes");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(utf8)

BOOST_AUTO_TEST_CASE(one_reader_equals_the_old_copies) {
  int mismatches = 0;
  std::string text;
  for (int a = 0; a < 256; ++a) {
    Check(std::string(1, static_cast<char>(a)), &mismatches);
    for (int b = 0; b < 256; ++b) {
      Check({static_cast<char>(a), static_cast<char>(b)}, &mismatches);
      for (int c = 0; c < 256; ++c) {
        Check({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)}, &mismatches);
      }
      if (a < 0xF0) continue;
      for (int c : {0x00, 0x7F, 0x80, 0x8F, 0x90, 0xBF, 0xC0}) {
        for (int d : {0x00, 0x7F, 0x80, 0xBF, 0xC0}) {
          Check({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c),
                 static_cast<char>(d)},
                &mismatches);
        }
      }
    }
  }
  BOOST_TEST(mismatches == 0);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace linkgraph::common_test
