// Crawler traps: a table of URLs a blog makes (admitted) and URLs only a URL
// generator makes (refused, with the reason), the per-shape budget for
// date-like URLs, and the many alike URLs of an ordinary blog.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdio>
#include <exception>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "crawler/crawler.h"
#include "tests/support/table_file.h"
#include "tests/support/test_paths.h"

namespace linkgraph::crawler {
namespace LINKGRAPH_FILE_SCOPE {

namespace data = boost::unit_test::data;

constexpr int kTableYear = 2025;  // the table's dates are judged as in 2025

struct TrapCase {
  size_t line = 0;
  std::string url;
  bool admitted = false;
  std::string reason;  // a piece of the refusal's reason
  std::string note;
};

std::ostream& operator<<(std::ostream& out, const TrapCase& c) {
  return out << "trap_cases.tsv:" << c.line << " " << c.note;
}

// Read when the cases are registered; a table that cannot be read, or a row
// that does not parse, gives no rows, and trap_table_is_read_whole says so.
std::vector<TrapCase> LoadTrapTable() {
  std::vector<TrapCase> cases;
  try {
    for (const auto& [number, columns] :
         testing::ReadTableRows(testing::TestDataDir() / "crawler" / "trap_cases.tsv")) {
      if (columns.size() != 3) return {};
      TrapCase c{number, columns[0], columns[1] == "admit", "", columns[2]};
      if (!c.admitted) {
        if (!columns[1].starts_with("refuse ")) return {};
        c.reason = columns[1].substr(7);
      }
      cases.push_back(std::move(c));
    }
  } catch (const std::exception&) {
    return {};
  }
  return cases;
}

int ThisUtcYear() {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return static_cast<int>(std::chrono::year_month_day(today).year());
}

BOOST_AUTO_TEST_SUITE(traps)

BOOST_AUTO_TEST_CASE(trap_table_is_read_whole) {
  const std::vector<TrapCase> cases = LoadTrapTable();
  BOOST_TEST(cases.size() >= 90u);
  size_t refused = 0;
  for (const TrapCase& c : cases) refused += c.admitted ? 0 : 1;
  BOOST_TEST(refused >= 20u);
}

BOOST_DATA_TEST_CASE(each_url_gets_its_verdict, data::make(LoadTrapTable()), c) {
  TrapGuard guard(TrapLimits{}, kTableYear);
  const std::string reason = guard.Check(c.url);
  BOOST_TEST_CONTEXT(c) {
    if (c.admitted) {
      BOOST_TEST(reason == "");
    } else {
      BOOST_TEST(reason.find(c.reason) != std::string::npos,
                 "reason \"" << reason << "\" lacks \"" << c.reason << "\"");
    }
  }
}

BOOST_AUTO_TEST_CASE(the_1001st_day_archive_is_refused_for_the_budget) {
  TrapGuard guard(TrapLimits{}, kTableYear);
  // Day archives from 2001-01-01 on: 1000 distinct days of one shape.
  auto day_archive = [](int n) {
    using namespace std::chrono;
    const year_month_day day(sys_days(year(2001) / January / 1) + days(n));
    char text[64];
    std::snprintf(text, sizeof text, "http://blog.example/%04d/%02u/%02u/",
                  static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                  static_cast<unsigned>(day.day()));
    return std::string(text);
  };
  int admitted = 0;
  for (int n = 0; n < 1000; ++n) admitted += guard.Check(day_archive(n)).empty() ? 1 : 0;
  BOOST_TEST(admitted == 1000);
  const std::string reason = guard.Check(day_archive(1000));
  BOOST_TEST(reason.find("budget") != std::string::npos, "reason: " << reason);
  BOOST_TEST(reason.find("http://blog.example/{n}/{n}/{n}/") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_spent_budget_leaves_other_shapes_and_hosts_alone) {
  TrapLimits limits;
  limits.max_urls_per_shape = 3;
  TrapGuard guard(limits, kTableYear);
  for (int day = 1; day <= 3; ++day) {
    BOOST_TEST(guard.Check("http://a.example/2009/06/0" + std::to_string(day) + "/") == "");
  }
  BOOST_TEST(guard.Check("http://a.example/2009/06/04/") != "");
  BOOST_TEST(guard.Check("http://b.example/2009/06/04/") == "");
  BOOST_TEST(guard.Check("http://a.example/2009/06/") == "");
  BOOST_TEST(guard.Check("http://a.example/calendar/2009-06-04/") == "");
}

BOOST_AUTO_TEST_CASE(calendar_pages_by_query_share_a_budget) {
  TrapLimits limits;
  limits.max_urls_per_shape = 12;
  TrapGuard guard(limits, kTableYear);
  int admitted = 0;
  for (int year = 2000; year <= 2001; ++year) {
    for (int month = 1; month <= 12; ++month) {
      const std::string url = "http://blog.example/events/?year=" + std::to_string(year) +
                              "&month=" + std::to_string(month);
      admitted += guard.Check(url).empty() ? 1 : 0;
    }
  }
  BOOST_TEST(admitted == 12);
}

BOOST_AUTO_TEST_CASE(twenty_thousand_post_ids_are_all_admitted) {
  TrapGuard guard(TrapLimits{}, kTableYear);
  int refused = 0;
  std::string first_reason;
  for (int p = 1; p <= 20000; ++p) {
    const std::string reason = guard.Check("http://blog.example/?p=" + std::to_string(p));
    if (!reason.empty() && refused++ == 0) first_reason = reason;
  }
  BOOST_TEST(refused == 0, "first refusal: " << first_reason);
}

BOOST_AUTO_TEST_CASE(pagination_up_to_the_limit_is_all_admitted) {
  TrapGuard guard(TrapLimits{}, kTableYear);
  int refused = 0;
  for (int page = 1; page <= 5000; ++page) {
    refused +=
        guard.Check("http://blog.example/page/" + std::to_string(page) + "/").empty() ? 0 : 1;
    refused +=
        guard.Check("http://blog.example/category/news/page/" + std::to_string(page) + "/").empty()
            ? 0
            : 1;
  }
  BOOST_TEST(refused == 0);
  BOOST_TEST(guard.Check("http://blog.example/page/5001/") != "");
}

BOOST_AUTO_TEST_CASE(thousands_of_dated_posts_and_every_monthly_archive_are_admitted) {
  TrapGuard guard(TrapLimits{}, kTableYear);
  int refused = 0;
  for (int n = 0; n < 5000; ++n) {
    const std::string url = "http://blog.example/2009/06/post-slug-" +
                            std::string(1, 'a' + n % 26) + std::string(1, 'a' + n / 26 % 26) +
                            std::string(1, 'a' + n / 676) + "/";
    refused += guard.Check(url).empty() ? 0 : 1;
  }
  for (int year = 1995; year <= kTableYear; ++year) {
    for (int month = 1; month <= 12; ++month) {
      char url[64];
      std::snprintf(url, sizeof url, "http://blog.example/%d/%02d/", year, month);
      refused += guard.Check(url).empty() ? 0 : 1;
      std::snprintf(url, sizeof url, "http://blog.example/?m=%d%02d", year, month);
      refused += guard.Check(url).empty() ? 0 : 1;
    }
  }
  BOOST_TEST(refused == 0);
}

BOOST_AUTO_TEST_CASE(rest_comment_pages_of_many_posts_are_admitted) {
  TrapGuard guard(TrapLimits{}, kTableYear);
  int refused = 0;
  for (int post = 1; post <= 3000; ++post) {
    for (int page = 1; page <= 3; ++page) {
      const std::string url =
          "http://blog.example/wp-json/wp/v2/comments?post=" + std::to_string(post) +
          "&per_page=100&page=" + std::to_string(page);
      refused += guard.Check(url).empty() ? 0 : 1;
    }
  }
  BOOST_TEST(refused == 0);
}

BOOST_AUTO_TEST_CASE(year_zero_means_this_year_by_the_clock) {
  TrapGuard guard;  // current_year 0
  const int year = ThisUtcYear();
  BOOST_TEST(guard.Check("http://blog.example/" + std::to_string(year) + "/01/") == "");
  BOOST_TEST(guard.Check("http://blog.example/" + std::to_string(year + 1) + "/12/") == "");
  const std::string reason =
      guard.Check("http://blog.example/" + std::to_string(year + 2) + "/01/");
  BOOST_TEST(reason.find("calendar: year " + std::to_string(year + 2)) != std::string::npos,
             "reason: " << reason);
}

BOOST_AUTO_TEST_CASE(limits_are_the_callers) {
  TrapLimits limits;
  limits.max_url_length = 40;
  limits.max_path_segments = 3;
  limits.max_segment_repeats = 1;
  limits.max_page_number = 10;
  limits.earliest_year = 2005;
  TrapGuard guard(limits, kTableYear);
  BOOST_TEST(guard.Check("http://blog.example/a/b/c/") == "");
  BOOST_TEST(guard.Check("http://blog.example/a/b/c/d/").find("segments") != std::string::npos);
  BOOST_TEST(guard.Check("http://blog.example/a/a/").find("repeated") != std::string::npos);
  BOOST_TEST(guard.Check("http://blog.example/page/11/").find("pagination") != std::string::npos);
  BOOST_TEST(guard.Check("http://blog.example/2004/06/").find("calendar") != std::string::npos);
  BOOST_TEST(guard.Check("http://blog.example/?s=0123456789012345678").find("too long") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(refused_urls_do_not_spend_the_budget) {
  TrapLimits limits;
  limits.max_urls_per_shape = 1;
  TrapGuard guard(limits, kTableYear);
  BOOST_TEST(guard.Check("http://blog.example/2087/01/01/") != "");
  BOOST_TEST(guard.Check("http://blog.example/2009/01/01/") == "");
  BOOST_TEST(guard.Check("http://blog.example/2009/01/02/") != "");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::crawler
