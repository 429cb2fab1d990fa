// gzip/deflate decoding: any bytes, fed in pieces of fuzzer-chosen sizes,
// decode or fail cleanly, and the output never passes its cap.
#include <string>

#include "crawler/inflater.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  linkgraph::fuzz::FuzzInput input(data, size);
  const uint8_t choice = input.TakeByte();
  const size_t piece = 1 + input.TakeByte() * 16u;
  constexpr size_t kCap = 1 << 20;
  auto inflater = linkgraph::crawler::Inflater::For((choice & 1) ? "deflate" : "gzip");
  if (!inflater) linkgraph::fuzz::Fail("inflater", "none for gzip/deflate");
  std::string out;
  std::string_view rest = input.Rest();
  while (!rest.empty()) {
    const std::string_view chunk = rest.substr(0, piece);
    rest.remove_prefix(chunk.size());
    if (!inflater->Decode(chunk, &out, kCap)) break;
  }
  if (out.size() > kCap) linkgraph::fuzz::Fail("inflate", "output over the cap");
  return 0;
}
