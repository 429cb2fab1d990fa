// Replays saved inputs through a fuzz target without libFuzzer, so that the
// regression inputs and seed corpora run in every build (GCC, the
// sanitizer build) as ordinary tests: each argument is a file, or a folder
// read recursively, or TABLE.tsv:N for column N of each line of a table that is
// not a comment (the test tables double as seed corpora). Exits 0 when every input ran; a failed check aborts.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

bool Replay(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "replay: cannot read " << file << '\n';
    return false;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  return true;
}

// "dates.tsv:1" -> the first column of each line that is not empty or a
// comment; false when the table cannot be read.
bool ReplayTableColumn(const std::string& spec, long long* inputs) {
  const size_t colon = spec.rfind(':');
  const std::string table = spec.substr(0, colon);
  const int column = std::stoi(spec.substr(colon + 1));
  std::ifstream in(table);
  if (!in) {
    std::cerr << "replay: cannot read " << table << '\n';
    return false;
  }
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.front() == '#') continue;
    size_t begin = 0;
    for (int i = 1; i < column && begin != std::string::npos; ++i) {
      begin = line.find('\t', begin);
      if (begin != std::string::npos) ++begin;
    }
    if (begin == std::string::npos) continue;
    const std::string cell = line.substr(begin, line.find('\t', begin) - begin);
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(cell.data()), cell.size());
    ++*inputs;
  }
  return true;
}

bool IsTableColumn(const std::string& spec) {
  const size_t colon = spec.rfind(':');
  return colon != std::string::npos && spec.substr(0, colon).ends_with(".tsv") && colon + 1 < spec.size() &&
         spec.find_first_not_of("0123456789", colon + 1) == std::string::npos;
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  long long inputs = 0;
  for (int i = 1; i < argc; ++i) {
    const fs::path path(argv[i]);
    std::error_code error;
    if (IsTableColumn(argv[i])) {
      if (!ReplayTableColumn(argv[i], &inputs)) return 1;
    } else if (fs::is_directory(path, error)) {
      std::vector<fs::path> files;
      for (const auto& entry : fs::recursive_directory_iterator(path)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& file : files) {
        if (!Replay(file)) return 1;
        ++inputs;
      }
    } else if (fs::is_regular_file(path, error)) {
      if (!Replay(path)) return 1;
      ++inputs;
    } else {
      std::cerr << "replay: no such file or folder: " << path << '\n';
      return 1;
    }
  }
  std::cout << "replayed " << inputs << " inputs\n";
  return 0;
}
