// The real-sentence report (prints figures, asserts nothing): the labelled
// real sentences of tests/data/graph/real-sentences-*.tsv read by
// graph::FindInteractions and scored against their labels: precision and
// recall of met, spoke and plans_to_meet statements with the right person.
//
//   linkgraph_real_sentences_report [--rows] FILE...
// --rows also prints each sentence whose reading differs from its label
// (use it on the development half only: the check half is only measured).
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include "common/terminal_text.h"
#include "tests/support/sentence_scoring.h"

namespace {

using linkgraph::testing::LabelledSentence;
using linkgraph::testing::SentenceScore;
using linkgraph::testing::SentenceTally;

bool AllRight(const SentenceScore& score) {
  for (bool right : score.found_right) {
    if (!right) return false;
  }
  for (bool found : score.expected_found) {
    if (!found) return false;
  }
  return true;
}

void PrintRow(const std::string& file, const LabelledSentence& s, const SentenceScore& score) {
  std::printf("%s:%zu %s\n  want  %s\n  found %s\n  text  %s\n", file.c_str(), s.line,
              s.in_comment ? "comment" : "post",
              linkgraph::ForTerminal(linkgraph::testing::Describe(s.expected)).c_str(),
              linkgraph::ForTerminal(linkgraph::testing::Describe(score.found)).c_str(),
              linkgraph::ForTerminal(s.text).c_str());
}

void PrintCounts(const char* what, const SentenceTally::Counts& c) {
  double p = c.Precision(), r = c.Recall();
  std::printf("  %-14s expected %4zu found %4zu right %4zu  precision %.2f recall %.2f f1 %.2f\n",
              what, c.expected, c.found, c.right, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
  bool rows = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--rows") == 0) {
      rows = true;
    } else if (std::strcmp(argv[i], "--help") == 0) {
      std::printf("usage: %s [--rows] FILE...\n", argv[0]);
      return 0;
    } else {
      files.emplace_back(argv[i]);
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: %s [--rows] FILE...\n", argv[0]);
    return 2;
  }
  try {
    for (const std::string& file : files) {
      SentenceTally tally;
      for (const LabelledSentence& s : linkgraph::testing::ReadLabelledSentences(file)) {
        SentenceScore score = linkgraph::testing::ScoreSentence(s);
        tally.Add(s, score);
        if (rows && !AllRight(score)) PrintRow(file, s, score);
      }
      std::printf("%s: %zu sentences, %zu stating a meeting, call or plan\n", file.c_str(),
                  tally.sentences, tally.stating);
      PrintCounts("all", tally.all);
      PrintCounts("met", tally.by_kind[0]);
      PrintCounts("spoke", tally.by_kind[1]);
      PrintCounts("plans_to_meet", tally.by_kind[2]);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
