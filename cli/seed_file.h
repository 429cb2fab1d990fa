// Private to cli/: seed URLs from a file or standard input, as `wget -i`
// reads them (`linkgraph crawl --urls-file FILE|-`). Not thread-safe when
// reading standard input.
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "common/result.h"

namespace linkgraph::cli {

// One URL per line; surrounding whitespace is trimmed, and blank lines and
// lines starting with '#' are skipped.
std::vector<std::string> ReadSeedList(std::istream& lines);

// ReadSeedList of the file at path, or of standard input for "-". Fails
// naming the path when it cannot be read.
Result<std::vector<std::string>> ReadSeedFile(const std::string& path);

}  // namespace linkgraph::cli
