#include "cli/progress_meter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace linkgraph::cli {
namespace {

using std::chrono::seconds;

std::string TwoUnits(long long big, const char* big_unit, long long small, const char* small_unit) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%lld%s%02lld%s", big, big_unit, small, small_unit);
  return buffer;
}

long long Done(const ProgressSnapshot& snapshot) { return snapshot.fetched + snapshot.failed; }

double SecondsBetween(ProgressMeter::Time from, ProgressMeter::Time to) {
  return std::chrono::duration<double>(to - from).count();
}

}  // namespace

std::string FormatFixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string FormatDuration(seconds duration) {
  const long long total = std::max<long long>(0, duration.count());
  if (total < 60) return std::to_string(total) + "s";
  if (total < 3600) return TwoUnits(total / 60, "m", total % 60, "s");
  if (total < 86400) return TwoUnits(total / 3600, "h", total % 3600 / 60, "m");
  return TwoUnits(total / 86400, "d", total % 86400 / 3600, "h");
}

std::optional<seconds> EstimateRemaining(long long left, double per_second) {
  if (!(per_second > 0)) return std::nullopt;
  const double estimate = std::ceil(static_cast<double>(std::max(0LL, left)) / per_second);
  // Beyond a year the number says nothing more than "long".
  return seconds(static_cast<long long>(std::min(estimate, 365.0 * 86400)));
}

ProgressMeter::ProgressMeter(Time started, seconds every)
    : started_(started), every_(every), now_(started), last_periodic_(started) {}

void ProgressMeter::Observe(const ProgressSnapshot& snapshot, Time now) {
  if (!observed_) {
    baseline_done_ = Done(snapshot);
    done_at_last_periodic_ = baseline_done_;
    observed_ = true;
  }
  latest_ = snapshot;
  now_ = now;
}

std::optional<double> ProgressMeter::Rate() const {
  const double elapsed = SecondsBetween(started_, now_);
  const long long done = Done(latest_) - baseline_done_;
  if (elapsed < 1 || done <= 0) return std::nullopt;
  return static_cast<double>(done) / elapsed;
}

std::string ProgressMeter::Counts() const {
  return std::to_string(latest_.fetched) + " fetched, " + std::to_string(latest_.failed) +
         " failed, " + std::to_string(latest_.waiting) + " queued, " +
         std::to_string(latest_.in_flight) + " in flight";
}

std::string ProgressMeter::LiveLine() const {
  const auto elapsed = std::chrono::duration_cast<seconds>(now_ - started_);
  std::string line = Counts();
  const std::optional<double> rate = Rate();
  if (rate) line += ", " + FormatFixed(*rate, 1) + " pages/s";
  line += ", " + FormatDuration(elapsed) + " elapsed";
  if (rate) {
    if (auto left = EstimateRemaining(latest_.waiting + latest_.in_flight, *rate)) {
      line += ", ETA " + FormatDuration(*left);
    }
  }
  return line;
}

std::optional<std::string> ProgressMeter::TakePeriodicLine() {
  if (every_.count() <= 0 || !observed_ || now_ - last_periodic_ < every_) return std::nullopt;
  const double interval = SecondsBetween(last_periodic_, now_);
  const double per_minute =
      static_cast<double>(Done(latest_) - done_at_last_periodic_) * 60.0 / interval;
  last_periodic_ = now_;
  done_at_last_periodic_ = Done(latest_);
  return "progress: " + Counts() + ", at " + FormatFixed(per_minute, 0) + " pages/min, " +
         FormatDuration(std::chrono::duration_cast<seconds>(now_ - started_)) + " elapsed";
}

}  // namespace linkgraph::cli
