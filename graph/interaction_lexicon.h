// Private to graph/: the rule table and the word lists of
// interaction_rules.cc compiled once, as the reader (interactions.cc) runs
// them. Compiled on first use; thread-safe after that.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/interaction_rules.h"
#include "graph/interactions.h"

namespace linkgraph::graph {

// At most this many capturing groups in a rule's pattern.
inline constexpr int kMaxRuleGroups = 8;

struct CompiledRule {
  const InteractionRule* rule = nullptr;
  std::unique_ptr<RE2> re;
  int subject_group = -1;
  int aux_group = -1;
  int detail_group = -1;
};

// Every rule, in table order.
const std::vector<CompiledRule>& CompiledRules();

// The indexes (in table order) of the rules that can match `clause`; all
// of them when the automaton runs out of memory on it.
std::vector<int> RulesMatching(re2::StringPiece clause);

// The word lists, compiled.
struct Markers {
  std::unique_ptr<RE2> negation = CompileFixedPattern(NegationPattern(), "negation");
  std::unique_ptr<RE2> hypothetical = CompileFixedPattern(HypotheticalPattern(), "hypothetical");
  std::unique_ptr<RE2> conditional_word =
      CompileFixedPattern("(" + std::string(ConditionalPattern()) + ")", "conditional");
  std::unique_ptr<RE2> future = CompileFixedPattern(FuturePattern(), "future");
  std::unique_ptr<RE2> online = CompileFixedPattern(OnlinePattern(), "online");
  std::unique_ptr<RE2> offline = CompileFixedPattern(OfflinePattern(), "offline");
  // The lexicon's word lists, each as the engine reads it.
  std::unique_ptr<RE2> filler = Word(FillerWords(), "filler words");
  std::unique_ptr<RE2> person_word = Word(PersonWords(), "person words");
  std::unique_ptr<RE2> preposition = Word(Prepositions(), "prepositions");
  std::unique_ptr<RE2> asking_before =
      CompileFixedPattern("\\b(?:" + std::string(AskingWords()) + ")\\s*$", "asking words");
  std::unique_ptr<RE2> verb_of_words = CompileFixedPattern(
      "^(?:\\S+\\s+)*?(?:" + std::string(VerbsOfWords()) + ")\\b", "verbs of words");
  std::unique_ptr<RE2> performing =
      CompileFixedPattern("^\\s*(?:(?:already|still|again|finally|so|actually)\\s+)?(?:" +
                              std::string(PerformingWords()) + ")",
                          "performing words");
  std::unique_ptr<RE2> subject_verb =
      CompileFixedPattern("^(?:,|\\s+(?:" + std::string(SubjectVerbs()) + ")\\b)", "subject verbs");
  std::unique_ptr<RE2> open_future = CompileFixedPattern(OpenFuturePattern(), "open future");
  std::unique_ptr<RE2> seen_where = CompileFixedPattern(
      "^\\s*(?:[,!.;:)?]|$|(?:" + std::string(SeenWhereWords()) + ")\\b)", "seen where words");
  std::unique_ptr<RE2> third_person = CompileFixedPattern(
      "\\b(?:" + std::string(ThirdPersonWords()) + ")\\b", "third person words");

  // A pattern that a whole word must match.
  static std::unique_ptr<RE2> Word(std::string_view words, std::string_view what) {
    return CompileFixedPattern("(?:" + std::string(words) + ")", what);
  }
};

const Markers& TheMarkers();

bool Contains(const RE2& re, std::string_view text);

}  // namespace linkgraph::graph
