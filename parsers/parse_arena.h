// Private to parsers/: the memory one Gumbo parse lives in.
//
// Gumbo allocates every token, string buffer, vector and node on its own and
// frees them one at a time; on 50 KB blog pages that malloc/free traffic cost
// as much CPU as the tokenizer. A bump arena makes each allocation a pointer
// increment and the whole tree goes at once when the arena does.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace linkgraph::parsers {

class ParseArena {
 public:
  ParseArena() = default;
  ParseArena(const ParseArena&) = delete;
  ParseArena& operator=(const ParseArena&) = delete;

  // Like malloc: suitably aligned for any type, nullptr when memory runs out.
  void* Allocate(size_t size);
  size_t BytesReserved() const { return reserved_; }

 private:
  struct FreeBytes {
    void operator()(std::byte* bytes) const noexcept;
  };
  using Block = std::unique_ptr<std::byte, FreeBytes>;

  std::byte* NewBlock(size_t size);

  std::vector<Block> blocks_;
  std::byte* cursor_ = nullptr;
  size_t left_ = 0;
  size_t reserved_ = 0;
};

}  // namespace linkgraph::parsers
