// Private to cli/: the small text files a command is given (--config,
// --urls-file), read whole with a bound, so that a mistaken path such as
// /dev/zero costs a clear error rather than the machine's memory.
#pragma once

#include <cstddef>
#include <string>

#include "common/result.h"

namespace linkgraph::cli {

// The bytes of the file at path, or of standard input for "-", at most
// max_bytes of them. The error's message says only why ("it is a folder",
// "No such file or directory", "larger than 64MiB"): the caller names the
// file and what it was for.
Result<std::string> ReadTextFile(const std::string& path, size_t max_bytes);

}  // namespace linkgraph::cli
