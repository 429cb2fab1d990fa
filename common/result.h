// The one error currency at module boundaries: Error {code, message} and
// Result<T>, a value or an Error. Messages read "context: detail".
// Plain values; thread-compatible.
#pragma once

#include <ostream>
#include <string>
#include <utility>
#include <variant>

namespace linkgraph {

enum class ErrorCode {
  kInvalidArgument,  // the caller's input is wrong (usage, config, URL)
  kNotFound,         // a file, URL or record that does not exist
  kIo,               // reading or writing failed
  kUnsupported,      // input we do not handle (not HTML, unknown scheme)
  kTooLarge,         // input over a size or depth cap
  kCorrupt,          // input or database that cannot be understood
  kNetwork,          // a transfer failed
  kBusy,             // the database is locked by another process
  kInternal,
};

inline const char* ToString(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid argument";
    case ErrorCode::kNotFound:
      return "not found";
    case ErrorCode::kIo:
      return "I/O error";
    case ErrorCode::kUnsupported:
      return "unsupported";
    case ErrorCode::kTooLarge:
      return "too large";
    case ErrorCode::kCorrupt:
      return "corrupt";
    case ErrorCode::kNetwork:
      return "network error";
    case ErrorCode::kBusy:
      return "busy";
    case ErrorCode::kInternal:
      return "internal error";
  }
  return "unknown error";
}

inline std::ostream& operator<<(std::ostream& out, ErrorCode code) { return out << ToString(code); }

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;

  // Prefixes context, as in "import a.html: " + message.
  Error WithContext(const std::string& context) const {
    return Error{code, context + ": " + message};
  }
};

// A value or an Error. Small on purpose: std::expected arrives only in C++23.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// Result<void>: success or an Error.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace linkgraph
