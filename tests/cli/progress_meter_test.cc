// The arithmetic and wording of a crawl's progress and of its summary line,
// in-process with made-up times: the live line's rate and ETA, the periodic
// line's interval, the timestamp the log does not stamp twice.
#include "cli/progress_meter.h"

#include <boost/test/unit_test.hpp>
#include <chrono>

#include "cli/run_log.h"

namespace linkgraph::cli {
namespace LINKGRAPH_FILE_SCOPE {

using std::chrono::seconds;
using Time = ProgressMeter::Time;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const Time kStart = Time() + std::chrono::hours(1);

BOOST_AUTO_TEST_SUITE(cli_progress_meter)

BOOST_AUTO_TEST_CASE(durations_read_in_the_two_largest_units) {
  BOOST_TEST(FormatDuration(seconds(0)) == "0s");
  BOOST_TEST(FormatDuration(seconds(59)) == "59s");
  BOOST_TEST(FormatDuration(seconds(245)) == "4m05s");
  BOOST_TEST(FormatDuration(seconds(3720)) == "1h02m");
  BOOST_TEST(FormatDuration(seconds(86400 * 3 + 3600 * 4 + 59)) == "3d04h");
}

BOOST_AUTO_TEST_CASE(the_remaining_time_is_what_is_left_at_the_rate_and_unknown_without_one) {
  BOOST_TEST(EstimateRemaining(100, 4.0).value().count() == 25);
  BOOST_TEST(EstimateRemaining(101, 4.0).value().count() == 26);  // rounded up
  BOOST_TEST(!EstimateRemaining(100, 0.0).has_value());
}

BOOST_AUTO_TEST_CASE(the_live_line_gives_elapsed_time_and_no_eta_while_the_rate_is_unknown) {
  ProgressMeter meter(kStart, seconds(60));
  meter.Observe({10, 0, 50, 2}, kStart);  // the baseline: a resumed crawl's earlier pages
  meter.Observe({10, 0, 50, 2}, kStart + seconds(5));
  const std::string line = meter.LiveLine();
  BOOST_TEST(Contains(line, "10 fetched, 0 failed, 50 queued, 2 in flight"), line);
  BOOST_TEST(Contains(line, "5s elapsed"), line);
  BOOST_TEST(!Contains(line, "ETA"), line);
  BOOST_TEST(!Contains(line, "pages/s"), line);
}

BOOST_AUTO_TEST_CASE(the_eta_is_the_queue_and_transfers_in_flight_at_this_runs_rate) {
  ProgressMeter meter(kStart, seconds(60));
  meter.Observe({100, 0, 0, 0}, kStart);
  // 40 pages (30 fetched, 10 failed) in 20 s: 2 pages/s; 58 + 2 left: 30 s.
  meter.Observe({130, 10, 58, 2}, kStart + seconds(20));
  BOOST_TEST(meter.Rate().value() == 2.0);
  const std::string line = meter.LiveLine();
  BOOST_TEST(Contains(line, "2.0 pages/s"), line);
  BOOST_TEST(Contains(line, "20s elapsed"), line);
  BOOST_TEST(Contains(line, "ETA 30s"), line);
}

BOOST_AUTO_TEST_CASE(the_periodic_line_comes_once_per_interval_with_that_intervals_rate) {
  ProgressMeter meter(kStart, seconds(60));
  meter.Observe({0, 0, 10, 1}, kStart);
  meter.Observe({20, 0, 10, 1}, kStart + seconds(59));
  BOOST_TEST(!meter.TakePeriodicLine().has_value());
  meter.Observe({30, 0, 10, 1}, kStart + seconds(60));
  const std::optional<std::string> first = meter.TakePeriodicLine();
  BOOST_TEST_REQUIRE(first.has_value());
  BOOST_TEST(Contains(*first, "progress: 30 fetched, 0 failed, 10 queued, 1 in flight"), *first);
  BOOST_TEST(Contains(*first, "at 30 pages/min"), *first);
  BOOST_TEST(Contains(*first, "1m00s elapsed"), *first);
  BOOST_TEST(!meter.TakePeriodicLine().has_value());  // taken: the next one in 60 s
  meter.Observe({150, 0, 10, 1}, kStart + seconds(121));
  const std::optional<std::string> second = meter.TakePeriodicLine();
  BOOST_TEST_REQUIRE(second.has_value());
  BOOST_TEST(Contains(*second, "at 118 pages/min"), *second);  // 120 pages in 61 s
}

BOOST_AUTO_TEST_CASE(an_interval_of_zero_never_prints_a_periodic_line) {
  ProgressMeter meter(kStart, seconds(0));
  meter.Observe({1, 0, 1, 0}, kStart);
  meter.Observe({500, 0, 1, 0}, kStart + std::chrono::hours(5));
  BOOST_TEST(!meter.TakePeriodicLine().has_value());
}

BOOST_AUTO_TEST_CASE(a_summary_line_starts_with_the_utc_time_and_names_the_database) {
  const auto when = std::chrono::sys_days(std::chrono::year(2026) / 12 / 4) +
                    std::chrono::hours(15) + std::chrono::minutes(40) + seconds(2);
  const std::string line =
      SummaryLine(when, "crawl", "ok", "/var/lib/x.db", "crawl #3: 120 fetched");
  BOOST_TEST(line ==
             "2026-12-04T15:40:02Z linkgraph crawl ok: db=/var/lib/x.db crawl #3: 120 fetched");
  BOOST_TEST(StartsWithTimestamp(line));
  BOOST_TEST(!StartsWithTimestamp("linkgraph crawl: 2026-12-04T15:40:02Z"));
  BOOST_TEST(!StartsWithTimestamp("2026-12-04 15:40:02 x"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::cli
