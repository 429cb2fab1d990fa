// Test helpers for Result: safe to call whether or not the Result holds an
// Error, because Boost.Test evaluates a check's message even when it passes.
#pragma once

#include <string>

#include "common/result.h"

namespace linkgraph::testing {

template <typename T>
std::string ErrorText(const Result<T>& result) {
  return result.ok() ? std::string() : result.error().message;
}

template <typename T>
int ErrorCodeOf(const Result<T>& result) {
  return result.ok() ? -1 : static_cast<int>(result.error().code);
}

inline int CodeNumber(ErrorCode code) { return static_cast<int>(code); }

}  // namespace linkgraph::testing
