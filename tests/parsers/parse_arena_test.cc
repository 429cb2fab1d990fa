// The arena Gumbo parses into: every allocation usable, aligned and apart
// from the others, big ones included.
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <cstring>
#include <vector>

#include "parsers/parse_arena.h"

namespace linkgraph::parsers {
namespace LINKGRAPH_FILE_SCOPE {

bool Aligned(const void* at) {
  return reinterpret_cast<std::uintptr_t>(at) % alignof(std::max_align_t) == 0;
}

BOOST_AUTO_TEST_SUITE(parse_arena)

BOOST_AUTO_TEST_CASE(allocations_are_aligned_and_do_not_overlap) {
  ParseArena arena;
  struct Span {
    unsigned char* at;
    size_t size;
  };
  std::vector<Span> spans;
  // Odd sizes, across many blocks, with big buffers in between.
  for (size_t i = 0; i < 20000; ++i) {
    size_t size = i % 997 == 0 ? 300000 + i : 1 + (i * 37) % 211;
    auto* at = static_cast<unsigned char*>(arena.Allocate(size));
    BOOST_REQUIRE(at != nullptr);
    BOOST_TEST(Aligned(at));
    std::memset(at, static_cast<int>(i & 0xFF), size);
    spans.push_back({at, size});
  }
  for (size_t i = 0; i < spans.size(); ++i) {
    const Span& span = spans[i];
    bool intact = span.at[0] == (i & 0xFF) && span.at[span.size - 1] == (i & 0xFF);
    if (!intact) BOOST_FAIL("allocation " << i << " was overwritten by a later one");
  }
}

BOOST_AUTO_TEST_CASE(zero_bytes_gives_a_distinct_usable_pointer) {
  ParseArena arena;
  void* first = arena.Allocate(0);
  void* second = arena.Allocate(0);
  BOOST_TEST(first != nullptr);
  BOOST_TEST(first != second);
}

BOOST_AUTO_TEST_CASE(a_small_page_reserves_one_small_block) {
  ParseArena arena;
  for (int i = 0; i < 100; ++i) arena.Allocate(64);
  BOOST_TEST(arena.BytesReserved() <= 128u * 1024);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::parsers
