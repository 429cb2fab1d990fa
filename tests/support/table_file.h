// Test tables kept as files (tests/data/**/*.tsv): one case per line,
// tab-separated columns, blank lines and '#' comments skipped.
#pragma once

#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "tests/support/test_paths.h"

namespace linkgraph::testing {

struct TableRow {
  size_t line = 0;  // 1-based, for messages naming the case
  std::vector<std::string> columns;
};

inline std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> columns;
  size_t start = 0;
  for (size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', start)) {
    columns.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  columns.push_back(line.substr(start));
  return columns;
}

// "\n" in a table cell is a line break.
inline std::string UnescapeLineBreaks(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
      out += '\n';
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

// Throws when the file cannot be read.
inline std::vector<TableRow> ReadTableRows(const std::filesystem::path& path) {
  std::vector<TableRow> rows;
  std::istringstream table(ReadFile(path));
  std::string line;
  for (size_t number = 1; std::getline(table, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    rows.push_back({number, SplitTabs(line)});
  }
  return rows;
}

}  // namespace linkgraph::testing
