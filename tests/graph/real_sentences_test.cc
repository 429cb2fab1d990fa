// Who met whom on real text: the labelled real sentences of
// tests/data/graph/real-sentences-*.tsv (README-real-sentences.md) read by
// FindInteractions, with floors on precision and recall per half. The dev
// half is tuned on; the check half is only measured, and its floors keep
// what it scores from falling back.
#include <boost/test/unit_test.hpp>
#include <string>

#include "tests/support/sentence_scoring.h"
#include "tests/support/test_paths.h"

namespace linkgraph::testing {
namespace LINKGRAPH_FILE_SCOPE {

SentenceTally ScoreHalf(const std::string& half) {
  SentenceTally tally;
  for (const LabelledSentence& s :
       ReadLabelledSentences(TestDataDir() / "graph" / ("real-sentences-" + half + ".tsv"))) {
    tally.Add(s, ScoreSentence(s));
  }
  return tally;
}

void CheckFloors(const std::string& half, double precision, double recall) {
  const SentenceTally tally = ScoreHalf(half);
  BOOST_TEST_MESSAGE(half << ": " << tally.all.right << " right of " << tally.all.found
                          << " found, " << tally.all.expected << " expected");
  BOOST_TEST(tally.all.Precision() >= precision, half << " precision " << tally.all.Precision());
  BOOST_TEST(tally.all.Recall() >= recall, half << " recall " << tally.all.Recall());
}

BOOST_AUTO_TEST_SUITE(real_sentences)

BOOST_AUTO_TEST_CASE(the_set_holds_enough_real_statements_in_both_halves) {
  const SentenceTally dev = ScoreHalf("dev");
  const SentenceTally check = ScoreHalf("check");
  BOOST_TEST(dev.sentences + check.sentences >= 300u);
  BOOST_TEST(dev.stating + check.stating >= 150u);
  BOOST_TEST(check.stating >= 50u);
}

BOOST_AUTO_TEST_CASE(dev_half_keeps_its_precision_and_recall) { CheckFloors("dev", 0.92, 0.31); }

BOOST_AUTO_TEST_CASE(check_half_keeps_its_precision_and_recall) {
  CheckFloors("check", 0.78, 0.25);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::testing
