#include "cli/text_file.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>

#include "cli/option_values.h"

namespace linkgraph::cli {
namespace {

Error Unreadable(const std::string& why) { return Error{ErrorCode::kInvalidArgument, why}; }

}  // namespace

Result<std::string> ReadTextFile(const std::string& path, size_t max_bytes) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) return Unreadable("it is a folder");
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) return Unreadable(std::strerror(errno));
  }
  std::istream& input = path == "-" ? std::cin : file;
  std::string text;
  std::array<char, 65536> buffer;
  while (input.read(buffer.data(), buffer.size()) || input.gcount() > 0) {
    text.append(buffer.data(), static_cast<size_t>(input.gcount()));
    if (text.size() > max_bytes) {
      return Unreadable("larger than " + FormatSize(static_cast<long long>(max_bytes)));
    }
  }
  if (input.bad()) return Unreadable("read error");
  return text;
}

}  // namespace linkgraph::cli
