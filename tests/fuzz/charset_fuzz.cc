// Charset decoding: whatever the bytes and whatever charset the transport
// claims, the result is valid UTF-8. The first byte picks the claim.
#include <array>
#include <string>

#include "parsers/parsers.h"
#include "tests/fuzz/fuzz_input.h"

namespace {
constexpr std::array<std::string_view, 10> kCharsets = {
    "", "utf-8", "iso-8859-1", "windows-1252", "utf-16", "utf-16le", "utf-16be",
    "shift_jis", "euc-jp", "x-unknown-charset"};
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  linkgraph::fuzz::FuzzInput input(data, size);
  const std::string_view charset = input.Pick(kCharsets);
  const std::string decoded = linkgraph::parsers::DecodeToUtf8(input.Rest(), charset);
  linkgraph::fuzz::CheckUtf8("decoded", decoded);
  const std::string header = "text/html; charset=" + std::string(input.Rest().substr(0, 64));
  (void)linkgraph::parsers::CharsetFromContentType(header);
  return 0;
}
