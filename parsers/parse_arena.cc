#include "parsers/parse_arena.h"

#include <algorithm>
#include <cstdlib>

namespace linkgraph::parsers {
namespace {

constexpr size_t kAlignment = alignof(std::max_align_t);
constexpr size_t kFirstBlock = 64 * 1024;
constexpr size_t kLargestBlock = 1024 * 1024;

size_t RoundUp(size_t size) { return (size + kAlignment - 1) & ~(kAlignment - 1); }

}  // namespace

void ParseArena::FreeBytes::operator()(std::byte* bytes) const noexcept { std::free(bytes); }

std::byte* ParseArena::NewBlock(size_t size) {
  auto* bytes = static_cast<std::byte*>(std::malloc(size));
  if (bytes == nullptr) return nullptr;
  reserved_ += size;
  blocks_.emplace_back(bytes);
  return bytes;
}

void* ParseArena::Allocate(size_t size) {
  size = RoundUp(std::max<size_t>(size, 1));
  if (size <= left_) {
    std::byte* at = cursor_;
    cursor_ += size;
    left_ -= size;
    return at;
  }
  // Blocks double up to a limit, so a small page reserves little and a big one
  // does not make thousands of blocks.
  size_t block_size = std::min(kLargestBlock, std::max(kFirstBlock, reserved_));
  if (size > block_size / 4) {
    // A big buffer gets a block of its own; filling goes on where it was.
    return NewBlock(size);
  }
  std::byte* block = NewBlock(block_size);
  if (block == nullptr) return nullptr;
  cursor_ = block + size;
  left_ = block_size - size;
  return block;
}

}  // namespace linkgraph::parsers
