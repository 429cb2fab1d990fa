// Private to cli/: the arithmetic and wording of a crawl's progress, kept
// apart from printing and from the clock: callers pass the time of each
// snapshot, so tests check rates, ETAs and intervals without sleeping.
// Not thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace linkgraph::cli {

// Where a crawl stands at one moment.
struct ProgressSnapshot {
  long long fetched = 0;  // fetched, not modified included
  long long failed = 0;
  long long waiting = 0;  // queued or handed to the fetcher
  int in_flight = 0;
};

// "12s", "4m05s", "1h02m", "3d04h".
std::string FormatDuration(std::chrono::seconds duration);

// value with `decimals` digits after the point: 2.25, 1 -> "2.3".
std::string FormatFixed(double value, int decimals);

// How long `left` URLs take at `per_second`; nullopt while the rate is
// unknown (0 or less).
std::optional<std::chrono::seconds> EstimateRemaining(long long left, double per_second);

class ProgressMeter {
 public:
  using Time = std::chrono::steady_clock::time_point;
  // every: the interval of PeriodicLine (zero: never).
  ProgressMeter(Time started, std::chrono::seconds every);

  // The crawl at `now`. The first snapshot is the baseline of the rates (a
  // resumed crawl's totals hold its earlier runs).
  void Observe(const ProgressSnapshot& snapshot, Time now);

  // URLs dealt with per second since the first snapshot; nullopt until a
  // URL was dealt with and a second has passed.
  std::optional<double> Rate() const;

  // The terminal's live line: "120 fetched, 3 failed, 450 queued, 2 in
  // flight, 4.0 pages/s, 1m30s elapsed, ETA 1m53s" (no rate and no ETA
  // while the rate is unknown).
  std::string LiveLine() const;

  // Off a terminal: once every `every` since the start or the last such
  // line, "progress: 120 fetched, 3 failed, 450 queued, 2 in flight, at 35
  // pages/min, 1m30s elapsed" (the rate over that interval, as Scrapy's
  // stats log gives it); nullopt when not due.
  std::optional<std::string> TakePeriodicLine();

 private:
  std::string Counts() const;

  Time started_;
  std::chrono::seconds every_;
  Time now_;
  bool observed_ = false;
  ProgressSnapshot latest_;
  long long baseline_done_ = 0;
  Time last_periodic_;
  long long done_at_last_periodic_ = 0;
};

}  // namespace linkgraph::cli
