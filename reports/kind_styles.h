// Private to reports/: the colour of each edge kind, shared by the drawings
// (dot, svg) and the HTML viewer so that a kind looks the same in both.
// Constants only; thread-safe.
#pragma once

#include <cstddef>
#include <iterator>
#include <string_view>

namespace linkgraph::reports {

struct KindStyle {
  std::string_view kind;
  std::string_view colour;  // Okabe and Ito's palette, told apart by colour-blind readers too
};

// Strongest first: a line between two people takes the colour of the
// strongest kind among its edges.
inline constexpr KindStyle kKindStyles[] = {
    {"met", "#D55E00"},     {"plans_to_meet", "#E69F00"}, {"spoke", "#CC79A7"},
    {"replied", "#0072B2"}, {"commented", "#56B4E9"},     {"mentioned", "#009E73"},
    {"linked", "#999999"},
};

// A kind's place in kKindStyles: 0 for met, the strongest; unknown kinds last.
inline constexpr size_t KindStrength(std::string_view kind) {
  for (size_t i = 0; i < std::size(kKindStyles); ++i) {
    if (kKindStyles[i].kind == kind) return i;
  }
  return std::size(kKindStyles);
}

}  // namespace linkgraph::reports
