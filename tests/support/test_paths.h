// Where tests find their fixtures: tests/data/ in the source tree, and the
// shared corpus of real blog pages, read in place (LINKGRAPH_CORPUS in the
// environment overrides the configured path), and the gathered pages.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace linkgraph::testing {

inline std::filesystem::path TestDataDir() { return LINKGRAPH_TEST_DATA_DIR; }
inline std::filesystem::path SourceDir() { return LINKGRAPH_SOURCE_DIR; }

inline std::filesystem::path CorpusDir() {
  if (const char* env = std::getenv("LINKGRAPH_CORPUS"); env != nullptr && *env != '\0') {
    return env;
  }
  return LINKGRAPH_CORPUS_DIR;
}

inline bool CorpusAvailable() { return std::filesystem::is_directory(CorpusDir() / "pages"); }

// The gathered real pages (scripts/gather-corpus-pages.sh writes them from
// their public repositories): only where LINKGRAPH_GATHERED_CORPUS names
// the folder, "" otherwise.
inline std::filesystem::path GatheredCorpusDir() {
  const char* env = std::getenv("LINKGRAPH_GATHERED_CORPUS");
  return env != nullptr ? env : "";
}

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read test fixture " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A fresh temporary folder per test case, removed at scope exit.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "linkgraph-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace linkgraph::testing
