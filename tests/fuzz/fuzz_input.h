// Shared by the fuzz targets: a reader of the fuzzer's bytes that takes a
// few choices off the front (a flag, an option from a list) and leaves the
// rest as the input proper, and the checks every target makes of what it
// returns. A failed check aborts, which libFuzzer reports as a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "common/terminal_text.h"
#include "common/utf8.h"

namespace linkgraph::fuzz {

class FuzzInput {
 public:
  FuzzInput(const uint8_t* data, size_t size)
      : rest_(reinterpret_cast<const char*>(data), size) {}

  // One byte off the front, or 0 when none is left.
  uint8_t TakeByte() {
    if (rest_.empty()) return 0;
    const auto byte = static_cast<uint8_t>(rest_.front());
    rest_.remove_prefix(1);
    return byte;
  }
  // One of the choices (an array or vector), picked by the next byte.
  template <typename Choices>
  const auto& Pick(const Choices& choices) {
    return choices[TakeByte() % choices.size()];
  }
  // Up to the first newline (taken), or everything.
  std::string_view TakeLine() {
    const size_t end = rest_.find('\n');
    std::string_view line = rest_.substr(0, end);
    rest_.remove_prefix(end == std::string_view::npos ? rest_.size() : end + 1);
    return line;
  }
  std::string_view Rest() const { return rest_; }

 private:
  std::string_view rest_;
};

[[noreturn]] inline void Fail(const char* what, std::string_view detail) {
  std::fprintf(stderr, "fuzz check failed: %s: %.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

inline void CheckUtf8(const char* what, std::string_view text) {
  if (!IsValidUtf8(text)) Fail(what, "not valid UTF-8");
}

// What the parsers give is stored and shown: valid UTF-8 without anything a
// terminal would obey (common/terminal_text.h).
inline void CheckStoredText(const char* what, std::string_view text) {
  CheckUtf8(what, text);
  uint32_t code_point = 0;
  for (size_t i = 0; i < text.size();) {
    i += DecodeUtf8(text, i, &code_point);
    if (IsControlOrBidi(code_point)) Fail(what, "a control character");
  }
}

}  // namespace linkgraph::fuzz
