#include "cli/option_values.h"

#include <array>
#include <charconv>
#include <cmath>
#include <sstream>
#include <utility>

#include "cli/suggestion.h"
#include "common/ascii.h"

namespace linkgraph::cli {
namespace {

Error BadValue(std::string message) {
  return Error{ErrorCode::kInvalidArgument, std::move(message)};
}

// A whole or decimal number at the start of text; *rest is what follows.
bool ReadNumber(std::string_view text, double* number, std::string_view* rest) {
  const char* end = text.data() + text.size();
  auto [stop, error] = std::from_chars(text.data(), end, *number, std::chars_format::fixed);
  if (error != std::errc() || !std::isfinite(*number)) return false;
  *rest = std::string_view(stop, static_cast<size_t>(end - stop));
  return true;
}

std::string Number(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}

struct SizeUnit {
  std::string_view name;  // lower case
  long long bytes;
};

constexpr long long kKi = 1024;
constexpr std::array<SizeUnit, 17> kSizeUnits = {{
    {"", 1},
    {"b", 1},
    {"k", 1000},
    {"kb", 1000},
    {"m", 1000 * 1000},
    {"mb", 1000 * 1000},
    {"g", 1000LL * 1000 * 1000},
    {"gb", 1000LL * 1000 * 1000},
    {"t", 1000LL * 1000 * 1000 * 1000},
    {"tb", 1000LL * 1000 * 1000 * 1000},
    {"ki", kKi},
    {"kib", kKi},
    {"mi", kKi* kKi},
    {"mib", kKi* kKi},
    {"gi", kKi* kKi* kKi},
    {"gib", kKi* kKi* kKi},
    {"tib", kKi* kKi* kKi* kKi},
}};

// "host, site, list" for a message.
std::string Listed(const std::vector<std::string>& names) {
  std::string list;
  for (const std::string& name : names) list += (list.empty() ? "" : ", ") + name;
  return list;
}

}  // namespace

Result<double> ParseDuration(std::string_view text) {
  const Error bad =
      BadValue(std::string(text) + " is not a duration (like 1d, 12h, 30m, 45s or 0)");
  double value = 0;
  std::string_view unit;
  if (!ReadNumber(text, &value, &unit) || value < 0 || unit.size() > 1) return bad;
  if (unit.empty()) return value;
  switch (unit.front()) {
    case 'w':
      return value * 7 * 86400;
    case 'd':
      return value * 86400;
    case 'h':
      return value * 3600;
    case 'm':
      return value * 60;
    case 's':
      return value;
    default:
      return bad;
  }
}

Result<long long> ParseSize(std::string_view text) {
  const Error bad =
      BadValue(std::string(text) + " is not a size (like 2048, 512KiB, 10MB or 1.5GB)");
  double value = 0;
  std::string_view unit;
  if (!ReadNumber(text, &value, &unit) || value < 0) return bad;
  while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
  const std::string lower = ToLowerAscii(unit);
  for (const SizeUnit& each : kSizeUnits) {
    if (each.name != lower) continue;
    const double bytes = std::round(value * static_cast<double>(each.bytes));
    if (bytes > 9.0e18) return BadValue(std::string(text) + " is too large");
    return static_cast<long long>(bytes);
  }
  return bad;
}

std::string FormatSize(long long bytes) {
  static constexpr std::array<std::pair<long long, std::string_view>, 8> kUnits = {{
      {kKi * kKi * kKi * kKi, "TiB"},
      {1000LL * 1000 * 1000 * 1000, "TB"},
      {kKi * kKi * kKi, "GiB"},
      {1000LL * 1000 * 1000, "GB"},
      {kKi * kKi, "MiB"},
      {1000 * 1000, "MB"},
      {kKi, "KiB"},
      {1000, "kB"},
  }};
  for (const auto& [unit, name] : kUnits) {
    if (bytes != 0 && bytes % unit == 0) return std::to_string(bytes / unit) + std::string(name);
  }
  return std::to_string(bytes);
}

CLI::Validator InRange(long long min, long long max) {
  const std::string range = std::to_string(min) + " to " + std::to_string(max);
  return CLI::Validator(
      [min, max, range](std::string& text) -> std::string {
        long long value = 0;
        auto [stop, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc() || stop != text.data() + text.size()) {
          return text + " is not a whole number";
        }
        if (value < min || value > max) return text + " is not in " + range;
        return "";
      },
      range);
}

CLI::Validator InRange(double min, double max) {
  const std::string range = Number(min) + " to " + Number(max);
  return CLI::Validator(
      [min, max, range](std::string& text) -> std::string {
        double value = 0;
        std::string_view rest;
        if (!ReadNumber(text, &value, &rest) || !rest.empty()) return text + " is not a number";
        if (value < min || value > max) return text + " is not in " + range;
        return "";
      },
      range);
}

CLI::Validator SizeIn(long long min, long long max) {
  const std::string range = FormatSize(min) + " to " + FormatSize(max);
  CLI::Validator size(
      [min, max, range](std::string& text) -> std::string {
        Result<long long> bytes = ParseSize(text);
        if (!bytes) return bytes.error().message;
        if (*bytes < min || *bytes > max) return text + " is not in " + range;
        text = std::to_string(*bytes);
        return "";
      },
      range);
  return size;
}

CLI::Validator OneOf(std::vector<std::string> names) {
  return CLI::Validator(
      [names](std::string& text) -> std::string {
        for (const std::string& name : names) {
          if (text == name) return "";
        }
        return text + " is not one of " + Listed(names) + DidYouMean(text, names);
      },
      "");
}

}  // namespace linkgraph::cli
