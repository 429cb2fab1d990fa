// Private to cli/: "did you mean" for a mistyped command, option or config
// key, from the names that were expected.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace linkgraph::cli {

// The known name closest to word (edits, a swap of neighbours counting as
// one), or "" when none is close enough to be what was meant.
std::string ClosestName(std::string_view word, const std::vector<std::string>& known);

// "; did you mean 'NAME'?" for ClosestName, or "" when there is none.
std::string DidYouMean(std::string_view word, const std::vector<std::string>& known);

}  // namespace linkgraph::cli
