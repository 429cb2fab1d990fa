// Private to graph/: the text side of FindInteractions. Typography folded to
// ASCII with a map back to the original bytes, the people a text names
// (@handles, known names, "you"), and its sentences and clauses. Pure
// functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "graph/interactions.h"

namespace linkgraph::graph {

// A half-open byte range [begin, end) of the folded text.
struct Span {
  size_t begin = 0;
  size_t end = 0;
  bool empty() const { return begin >= end; }
  size_t size() const { return empty() ? 0 : end - begin; }
  bool Contains(size_t pos) const { return pos >= begin && pos < end; }
  bool Overlaps(Span other) const { return begin < other.end && other.begin < end; }
};

// The text with ’ and ‘ as ', “ and ” as ", no-break spaces as spaces and
// … as "...", so that patterns spell only ASCII. source[i] is the offset in
// the original of folded byte i; source[text.size()] is the original size.
struct FoldedText {
  std::string text;
  std::vector<size_t> source;

  std::string_view View(Span span) const {
    return std::string_view(text).substr(span.begin, span.end - span.begin);
  }
  // The original bytes behind a folded span ("I’ve", not "I've").
  std::string_view Original(std::string_view original, Span span) const {
    return original.substr(source[span.begin], source[span.end] - source[span.begin]);
  }
};
FoldedText FoldTypography(std::string_view text);
// FoldTypography(text).text, without the offsets.
std::string FoldTypographyText(std::string_view text);

// A person named in the folded text and where.
struct PartyMention {
  Span span;
  Party party;
  // Found by its capitals only, not known to the graph: a person only
  // where the words put one (the reader checks).
  bool by_capitals = false;
};
// Handles (Twitter's rules: 1-15 of [A-Za-z0-9_], not in e-mail addresses
// or URLs), known names as whole words, other capitalised names, and "you"
// when context.in_comment ("you're", "you'll" are not objects). In text
// order, not overlapping.
std::vector<PartyMention> FindParties(const FoldedText& folded, std::string_view original,
                                      const TextContext& context);

// "went", "landed", "woke" (any case): a verb in the past, at the start of
// a diary's clause ("Landed, met up with Gevish").
bool IsPastVerb(std::string_view word);

// Runs of one to four capitalised words that are not common words
// ("Priya", "Paul Brannan", "Luis de la Cruz"), not overlapping those in
// `out`, appended with by_capitals set (interaction_names.cc).
void FindCapitalisedNames(const FoldedText& folded, std::string_view original,
                          std::vector<PartyMention>& out);

struct Sentence {
  Span span;             // trimmed
  size_t paragraph = 0;  // paragraphs are separated by blank lines
};
// Sentences end at . ! ? (outside brackets, so "(… off! :o)" stays inside),
// at line breaks and at paragraph breaks.
std::vector<Sentence> SplitSentences(std::string_view folded);

// The clauses of a sentence, trimmed: split at ; : ( ) [ ] dashes, inner
// sentence ends, before "but", "who", "which", "because"..., and at commas
// before a conjunction or a new subject (", and tomorrow I'm", ", I may"),
// but not in a list of people ("@A, @B and @C" is one clause). A boundary
// word starts the next clause ("who I met offline").
std::vector<Span> SplitClauses(std::string_view folded, Span sentence,
                               const std::vector<PartyMention>& parties);

// Where `piece`, a view into `folded` (an RE2 match), lies in it; empty
// for a group that did not match.
inline Span SpanOf(std::string_view folded, std::string_view piece) {
  if (piece.data() == nullptr) return {};
  size_t begin = static_cast<size_t>(piece.data() - folded.data());
  return {begin, begin + piece.size()};
}

// Span without leading and trailing ASCII whitespace.
Span Trim(std::string_view folded, Span span);

}  // namespace linkgraph::graph
