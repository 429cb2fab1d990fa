#include "cli/seed_file.h"

#include <sstream>
#include <string_view>

#include "cli/text_file.h"
#include "common/ascii.h"

namespace linkgraph::cli {
namespace {

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
    const std::string_view seed = TrimAscii(line);
    if (seed.empty() || seed.front() == '#') continue;
    seeds.emplace_back(seed);
  }
  return seeds;
}

Result<std::vector<std::string>> ReadSeedFile(const std::string& path) {
  Result<std::string> text = ReadTextFile(path, kMaxSeedFileBytes);
  if (!text) return Unreadable(path, text.error().message);
  std::istringstream lines(*text);
  return ReadSeedList(lines);
}

}  // namespace linkgraph::cli
