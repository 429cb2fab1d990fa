#include "cli/seed_file.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string_view>
#include <system_error>

#include "common/ascii.h"

namespace linkgraph::cli {
namespace {

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

// Far more URLs than any crawl queues, and a bound on what a mistaken
// --urls-file /dev/zero can take.
constexpr size_t kMaxSeedFileBytes = 64 << 20;

Error Unreadable(const std::string& path, const std::string& why) {
  return Error{ErrorCode::kInvalidArgument, "cannot read --urls-file " + path + ": " + why};
}

}  // namespace

std::vector<std::string> ReadSeedList(std::istream& lines) {
  std::vector<std::string> seeds;
  std::string line;
  while (std::getline(lines, line)) {
    const std::string_view seed = Trimmed(line);
    if (seed.empty() || seed.front() == '#') continue;
    seeds.emplace_back(seed);
  }
  return seeds;
}

Result<std::vector<std::string>> ReadSeedFile(const std::string& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) return Unreadable(path, "it is a folder");
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) return Unreadable(path, std::strerror(errno));
  }
  std::istream& input = path == "-" ? std::cin : file;
  std::string text;
  std::array<char, 65536> buffer;
  while (input.read(buffer.data(), buffer.size()) || input.gcount() > 0) {
    text.append(buffer.data(), static_cast<size_t>(input.gcount()));
    if (text.size() > kMaxSeedFileBytes) return Unreadable(path, "larger than 64MiB");
  }
  if (input.bad()) return Unreadable(path, "read error");
  std::istringstream lines(text);
  return ReadSeedList(lines);
}

}  // namespace linkgraph::cli
