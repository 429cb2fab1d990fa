// Private to graph/: what a statement says besides its verb and its people:
// the detail ("on the phone" -> "phone", "after work drinkies" -> "after
// work drinks") and the event ("at TRULondon"). The time is in
// interaction_time.h. Pure functions over the folded text; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/interaction_text.h"

namespace linkgraph::graph {

struct DetailMention {
  Span span;
  std::string detail;    // normalised
  bool remote = false;   // phone, Skype, a call: details of `spoke`
  bool forward = false;  // "dinner with X" names the detail before the people
};

// The detail words (interaction_rules.cc) inside `within`, in text order,
// a shorter word inside a longer one not counted again.
std::vector<DetailMention> FindDetails(std::string_view folded, Span within);

// A rule's own detail ("ice skating" in "we went ice skating together"),
// lower-cased, or the normalised detail word when it is one ("drinkies").
// `clause_end` bounds the look for a "with" after it.
std::optional<DetailMention> NormaliseDetail(std::string_view folded, Span words,
                                             size_t clause_end);

// The detail of a person named at `position`: the nearest detail after
// them that is not followed by "with" ("@A, @B on the phone"), else the
// last one before them ("dinner with @A and @B"), else "".
std::string DetailFor(const std::vector<DetailMention>& details, size_t position);

// "at TRULondon", "at a supper club in Hackney" (up to six words, stopping
// at punctuation, a joining word or a time phrase), or a capitalised name
// someone is "coming to" ("your coming to TRULondon2"). Not "at least", "at
// 8pm", "at the moment".
std::optional<Span> FindEvent(std::string_view folded, Span within);

}  // namespace linkgraph::graph
