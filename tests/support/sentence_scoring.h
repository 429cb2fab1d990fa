// Scores what graph::FindInteractions reads from real sentences against
// labels written by reading them (tests/data/graph/real-sentences-*.tsv):
// which statements of met, spoke and plans_to_meet the writer makes, and
// with whom. For the real-sentence test (floors that must hold) and the
// sentence report (figures and the rows that miss). Prints nothing.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "graph/interactions.h"

namespace linkgraph::testing {

// One edge of a label or of a reading: its kind and the other person as
// the text gives them ("you", a name as written, an @handle).
struct EdgeLabel {
  graph::InteractionKind kind = graph::InteractionKind::kMet;
  std::string other;
};

struct LabelledSentence {
  size_t line = 0;
  std::string source;  // corpus:pages-dev/FILE, github:OWNER/REPO:PATH
  bool in_comment = false;
  std::string writer;
  std::string addressee;
  std::string text;  // "\n" unescaped
  std::vector<EdgeLabel> expected;
};

// Throws std::runtime_error naming the line of a row that does not parse.
std::vector<LabelledSentence> ReadLabelledSentences(const std::filesystem::path& path);

// "kind|other" joined by " ; ", or "-": the table's own form.
std::string Describe(const std::vector<EdgeLabel>& edges);

struct SentenceScore {
  std::vector<EdgeLabel> found;
  std::vector<bool> found_right;     // parallel to found
  std::vector<bool> expected_found;  // parallel to the label's expected
};

// Reads the sentence as linkgraph reads a post or comment whose writer and
// addressee are known, and matches found edges to expected ones: same kind,
// and the same person (case and a leading "@" aside, a name may give only
// its first words: "Dana" for "Dana Smith"; "you" and the addressee's name are one).
SentenceScore ScoreSentence(const LabelledSentence& sentence);

// Micro-averaged counts over a set of sentences, in all and per kind.
struct SentenceTally {
  struct Counts {
    size_t expected = 0, found = 0, right = 0;
    double Precision() const { return found == 0 ? 1.0 : double(right) / double(found); }
    double Recall() const { return expected == 0 ? 1.0 : double(right) / double(expected); }
  };
  size_t sentences = 0;
  size_t stating = 0;  // rows whose label holds an edge
  Counts all;
  std::array<Counts, 3> by_kind;  // indexed by InteractionKind

  void Add(const LabelledSentence& sentence, const SentenceScore& score);
};

}  // namespace linkgraph::testing
