// The time as code that must be testable reads it: a steady clock for
// intervals and the wall clock for dates, behind one small interface so
// tests can set both. SystemClock() is the real one. Implementations are
// thread-safe: a crawl reads its clock from its extraction threads too.
#pragma once

#include <chrono>
#include <ctime>
#include <string>

namespace linkgraph {

class Clock {
 public:
  virtual ~Clock() = default;
  // For intervals: never goes back.
  virtual std::chrono::steady_clock::time_point Steady() const = 0;
  // For dates that are stored or compared with stored ones.
  virtual std::chrono::system_clock::time_point Wall() const = 0;
};

inline const Clock& SystemClock() {
  class RealClock final : public Clock {
   public:
    std::chrono::steady_clock::time_point Steady() const override {
      return std::chrono::steady_clock::now();
    }
    std::chrono::system_clock::time_point Wall() const override {
      return std::chrono::system_clock::now();
    }
  };
  static const RealClock clock;
  return clock;
}

// A time as stored dates are written: "2009-03-14T18:05:00Z".
inline std::string Iso8601Utc(std::chrono::system_clock::time_point when) {
  std::time_t time = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

inline std::string NowIso8601Utc() { return Iso8601Utc(std::chrono::system_clock::now()); }

}  // namespace linkgraph
