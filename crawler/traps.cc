// TrapGuard: refuses URLs that only a URL generator makes (calendars paging
// into far years, endless pagination, repeating paths) while admitting the
// many alike URLs an ordinary blog has (/?p=N, /page/N/, /2009/06/slug/).
// All checks read the canonical URL's text; the only state is the count of
// admitted URLs per date-like shape.
#include <algorithm>
#include <chrono>
#include <climits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/ascii.h"
#include "crawler/crawler.h"
#include "crawler/url_util.h"

namespace linkgraph::crawler {
namespace {

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), IsAsciiDigit);
}

// Digits to a number, saturating at INT_MAX (page/99999999999999999999/).
int ToNumber(std::string_view digits) {
  long long value = 0;
  for (char c : digits) value = std::min<long long>(value * 10 + (c - '0'), INT_MAX);
  return static_cast<int>(value);
}

size_t CountDigitRuns(std::string_view text) {
  size_t runs = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (IsAsciiDigit(text[i]) && (i == 0 || !IsAsciiDigit(text[i - 1]))) ++runs;
  }
  return runs;
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> pieces;
  while (!text.empty()) {
    const size_t end = text.find(separator);
    if (end != 0) pieces.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return pieces;
}

struct Param {
  std::string name;  // lower case
  std::string_view value;
};

std::vector<Param> SplitQuery(std::string_view query) {
  std::vector<Param> params;
  for (std::string_view pair : Split(query, '&')) {
    const size_t equals = pair.find('=');
    params.push_back({ToLowerAscii(pair.substr(0, equals)), equals == std::string_view::npos
                                                                ? std::string_view()
                                                                : pair.substr(equals + 1)});
  }
  return params;
}

// A date written as one piece of text: "2009", "200906", "20090612",
// "2009-06", "2009-06-12". compact: whether the separator-free forms count.
struct DateText {
  std::optional<int> year;
  size_t digit_runs = 0;
};

bool InRange(std::string_view digits, int low, int high) {
  const int value = ToNumber(digits);
  return value >= low && value <= high;
}

std::optional<DateText> ParseDateText(std::string_view text, bool compact) {
  if (text.size() < 4 || !AllDigits(text.substr(0, 4))) return std::nullopt;
  const std::string_view year = text.substr(0, 4);
  if (AllDigits(text)) {
    if (!compact) return std::nullopt;
    if (text.size() == 4) return DateText{ToNumber(year), 1};
    if (text.size() == 6 && InRange(text.substr(4, 2), 1, 12)) return DateText{ToNumber(year), 1};
    if (text.size() == 8 && InRange(text.substr(4, 2), 1, 12) &&
        InRange(text.substr(6, 2), 1, 31)) {
      return DateText{ToNumber(year), 1};
    }
    return std::nullopt;
  }
  const std::vector<std::string_view> parts = Split(text, '-');
  if (parts.size() < 2 || parts.size() > 3 || parts[0].size() != 4 ||
      text.find("--") != std::string_view::npos || text.back() == '-') {
    return std::nullopt;
  }
  for (size_t i = 1; i < parts.size(); ++i) {
    if (!AllDigits(parts[i]) || parts[i].size() > 2) return std::nullopt;
    if (!InRange(parts[i], 1, i == 1 ? 12 : 31)) return std::nullopt;
  }
  return DateText{ToNumber(year), parts.size()};
}

// The dates a URL carries, and whether they are all its numbers.
struct DateFinding {
  std::vector<int> years;
  bool found = false;
  size_t digit_runs = 0;  // the URL's digit runs that belong to a date
};

void AddDate(const DateText& date, DateFinding* finding) {
  finding->found = true;
  if (date.year) finding->years.push_back(*date.year);
  finding->digit_runs += date.digit_runs;
}

// Whether a segment after the date names a post ("/2030/01/some-slug/"): a
// post carries its date, a calendar only makes dates. Words that list or
// paginate an archive are no slug.
bool SlugFollows(const std::vector<std::string_view>& segments, size_t from) {
  for (size_t i = from; i < segments.size(); ++i) {
    const std::string_view segment = segments[i];
    if (AllDigits(segment)) continue;
    const std::string lower = ToLowerAscii(segment);
    if (lower == "page" || lower == "feed" || lower == "amp" || lower == "embed") continue;
    return true;
  }
  return false;
}

// A post's date counts as a date's digits but sets no year to check.
DateText PostOrCalendar(DateText date, const std::vector<std::string_view>& segments,
                        size_t after) {
  if (SlugFollows(segments, after)) date.year.reset();
  return date;
}

// /2009/06/, /2009/06/12/ (a two-digit month, so that /archives/2087/2, page 2
// of post 2087, is no date), /calendar/2009-06/, Blogger's
// /2009_06_12_archive.html.
void FindPathDates(const std::vector<std::string_view>& segments, DateFinding* finding) {
  for (size_t i = 0; i < segments.size(); ++i) {
    const std::string_view segment = segments[i];
    if (segment.size() == 4 && AllDigits(segment) && i + 1 < segments.size() &&
        segments[i + 1].size() == 2 && AllDigits(segments[i + 1]) &&
        InRange(segments[i + 1], 1, 12)) {
      size_t runs = 2;
      if (i + 2 < segments.size() && segments[i + 2].size() <= 2 && AllDigits(segments[i + 2]) &&
          InRange(segments[i + 2], 1, 31)) {
        runs = 3;
      }
      AddDate(PostOrCalendar({ToNumber(segment), runs}, segments, i + runs), finding);
      i += runs - 1;
    } else if (auto date = ParseDateText(segment, /*compact=*/false)) {
      AddDate(PostOrCalendar(*date, segments, i + 1), finding);
    } else if (segment.ends_with("_archive.html") && segment.size() >= 4 + 13) {
      std::string dashed(segment.substr(0, segment.size() - 13));
      std::replace(dashed.begin(), dashed.end(), '_', '-');
      if (auto archive = ParseDateText(dashed, /*compact=*/false)) AddDate(*archive, finding);
    }
  }
}

// ?m=200906 (WordPress; only 4, 6 or 8 digits: Blogger's ?m=1 is its mobile
// view), ?year=2009&month=6, ?month=2009-06, ?date=2009-06-12, ?day=12,
// ?tribe-bar-date=2009-06-12 (The Events Calendar).
void FindQueryDates(const std::vector<Param>& params, DateFinding* finding) {
  for (const Param& param : params) {
    const std::string_view name = param.name;
    if (name == "m") {
      const size_t n = param.value.size();
      if (AllDigits(param.value) && (n == 4 || n == 6 || n == 8)) {
        if (auto date = ParseDateText(param.value, /*compact=*/true)) AddDate(*date, finding);
      }
    } else if (name == "year" || name == "yr") {
      if (param.value.size() == 4 && AllDigits(param.value)) {
        AddDate({ToNumber(param.value), 1}, finding);
      }
    } else if (name == "month" || name == "day" || name == "date" || name == "ym" ||
               name == "tribe-bar-date") {
      if (param.value.size() <= 2 && AllDigits(param.value)) {
        AddDate({std::nullopt, 1}, finding);
      } else if (auto date = ParseDateText(param.value, /*compact=*/true)) {
        AddDate(*date, finding);
      }
    }
  }
}

// The highest page number in /page/N/, /comment-page-N/, ?page=N, ?paged=N,
// ?cpage=N; 0 when none.
int HighestPageNumber(const std::vector<std::string_view>& segments,
                      const std::vector<Param>& params) {
  int highest = 0;
  for (size_t i = 0; i < segments.size(); ++i) {
    if (segments[i] == "page" && i + 1 < segments.size() && AllDigits(segments[i + 1])) {
      highest = std::max(highest, ToNumber(segments[i + 1]));
    }
    constexpr std::string_view kCommentPage = "comment-page-";
    if (segments[i].starts_with(kCommentPage) &&
        AllDigits(segments[i].substr(kCommentPage.size()))) {
      highest = std::max(highest, ToNumber(segments[i].substr(kCommentPage.size())));
    }
  }
  for (const Param& param : params) {
    if ((param.name == "page" || param.name == "paged" || param.name == "cpage") &&
        AllDigits(param.value)) {
      highest = std::max(highest, ToNumber(param.value));
    }
  }
  return highest;
}

std::string RepeatedSegment(const std::vector<std::string_view>& segments, int max_repeats) {
  std::unordered_map<std::string_view, int> counts;
  for (std::string_view segment : segments) {
    const int count = ++counts[segment];
    if (count > max_repeats) {
      return "repeated path segment: \"" + std::string(segment) + "\" " + std::to_string(count) +
             " times (limit " + std::to_string(max_repeats) + ")";
    }
  }
  return "";
}

// The URL with every run of digits in its path and query replaced by "{n}";
// the scheme, host and port stay as they are.
std::string ShapeOf(std::string_view url, size_t path_start) {
  std::string shape(url.substr(0, path_start));
  for (size_t i = path_start; i < url.size(); ++i) {
    if (!IsAsciiDigit(url[i])) {
      shape += url[i];
    } else if (i == path_start || !IsAsciiDigit(url[i - 1])) {
      shape += "{n}";
    }
  }
  return shape;
}

int CurrentUtcYear() {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return static_cast<int>(std::chrono::year_month_day(today).year());
}

}  // namespace

TrapGuard::TrapGuard(TrapLimits limits, int current_year)
    : limits_(limits), current_year_(current_year != 0 ? current_year : CurrentUtcYear()) {}

std::string TrapGuard::Check(const std::string& url) {
  if (url.size() > static_cast<size_t>(limits_.max_url_length)) {
    return "too long: " + std::to_string(url.size()) + " characters (limit " +
           std::to_string(limits_.max_url_length) + ")";
  }
  const std::optional<UrlParts> parts = SplitCanonicalUrl(url);
  if (!parts) return "";  // not a URL the guard knows; the scope refuses it
  const std::vector<std::string_view> segments = Split(parts->path, '/');
  if (segments.size() > static_cast<size_t>(limits_.max_path_segments)) {
    return "too many path segments: " + std::to_string(segments.size()) + " (limit " +
           std::to_string(limits_.max_path_segments) + ")";
  }
  if (std::string repeated = RepeatedSegment(segments, limits_.max_segment_repeats);
      !repeated.empty()) {
    return repeated;
  }
  const std::vector<Param> params = SplitQuery(parts->query);
  if (const int page = HighestPageNumber(segments, params); page > limits_.max_page_number) {
    return "pagination: page " + std::to_string(page) + " (limit " +
           std::to_string(limits_.max_page_number) + ")";
  }
  DateFinding dates;
  FindPathDates(segments, &dates);
  FindQueryDates(params, &dates);
  for (int year : dates.years) {
    if (year < limits_.earliest_year || year > current_year_ + 1) {
      return "calendar: year " + std::to_string(year) + " (outside " +
             std::to_string(limits_.earliest_year) + ".." + std::to_string(current_year_ + 1) + ")";
    }
  }
  // Only date-like URLs, all of whose numbers are a date's, share a budget:
  // a calendar makes a new one for every day, a blog makes a few per month.
  // Posts (/?p=N, /2009/06/slug/), pages and page numbers are unbounded here.
  const size_t path_start = static_cast<size_t>(parts->path.data() - url.data());
  const std::string_view rest = std::string_view(url).substr(path_start);
  if (!dates.found || dates.digit_runs != CountDigitRuns(rest)) return "";
  std::string shape = ShapeOf(url, path_start);
  int& admitted = shapes_[shape];
  if (admitted >= limits_.max_urls_per_shape) {
    return "shape budget: " + std::to_string(admitted) + " URLs like " + shape +
           " admitted already (limit " + std::to_string(limits_.max_urls_per_shape) + ")";
  }
  ++admitted;
  return "";
}

}  // namespace linkgraph::crawler
