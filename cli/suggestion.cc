#include "cli/suggestion.h"

#include <algorithm>
#include <cstddef>

namespace linkgraph::cli {
namespace {

// Optimal string alignment distance: insertions, deletions, substitutions
// and transpositions of adjacent characters ("dealy" is one from "delay").
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::string ClosestName(std::string_view word, const std::vector<std::string>& known) {
  // A third of the word may be wrong, at least two characters of it: more
  // and the suggestion is a guess, not a correction.
  if (word.size() > 64) return "";  // no option is this long: not worth the quadratic table
  const size_t tolerance = std::max<size_t>(2, word.size() / 3);
  std::string best;
  size_t best_distance = tolerance + 1;
  for (const std::string& name : known) {
    const size_t distance = EditDistance(word, name);
    if (distance < best_distance) {
      best = name;
      best_distance = distance;
    }
  }
  return best;
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& known) {
  const std::string closest = ClosestName(word, known);
  return closest.empty() ? "" : "; did you mean '" + closest + "'?";
}

}  // namespace linkgraph::cli
