// Private to cli/: the values options take as a person writes them
// (durations "12h", sizes "10MB") and the CLI11 validators that read and
// bound them, each described in words for --help ("1 to 20000").
// Functions and value types only; thread-safe.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace linkgraph::cli {

// A duration such as "1d", "12h", "30m", "45s", "1.5h", "2w" or "0"
// (seconds when no unit), in seconds.
Result<double> ParseDuration(std::string_view text);

// A count of bytes: "2048", "10MB", "1.5GB", "512KiB", "10M", "64 kB".
// Decimal units are powers of 1000 (k, kB, M, MB, G, GB, T, TB), binary ones
// of 1024 (KiB, MiB, GiB, TiB, also Ki, Mi, ...); case does not matter.
Result<long long> ParseSize(std::string_view text);

// bytes the way a person writes it: "10MiB" when a whole number of a binary
// unit, "10MB" of a decimal one, else the number.
std::string FormatSize(long long bytes);

// Integers or reals from min to max, said "(1 to 20000)" in --help; a value
// outside says so in the same words.
CLI::Validator InRange(long long min, long long max);
CLI::Validator InRange(double min, double max);
inline CLI::Validator InRange(int min, int max) {
  return InRange(static_cast<long long>(min), static_cast<long long>(max));
}

// A size (ParseSize) from min to max bytes, replaced by its count of bytes
// so the option reads a plain integer.
CLI::Validator SizeIn(long long min, long long max);

// One of names; --help lists them in the option's description, not again.
CLI::Validator OneOf(std::vector<std::string> names);

}  // namespace linkgraph::cli
