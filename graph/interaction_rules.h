// Private to graph/: the word lists that FindInteractions reads besides the
// rule table itself (interactions.h): the shared pattern pieces the rules
// refer to as {placeholders}, the detail words ("on the phone" -> "phone"),
// and the negation, hypothetical and future markers. All constant data,
// defined in interaction_rules.cc so the rules live in one place.
// Thread-safe.
#pragma once

#include <memory>
#include <span>
#include <string_view>

namespace re2 {
class RE2;
}

namespace linkgraph::graph {

// A {name} in a rule pattern and the RE2 text it stands for.
struct PatternPiece {
  std::string_view name;
  std::string_view pattern;
};
std::span<const PatternPiece> PatternPieces();

// A detail word as written and what it normalises to. Remote details
// (phone, Skype, call) belong to `spoke`, the others to `met` and
// `plans_to_meet`.
struct DetailWord {
  std::string_view pattern;  // RE2, matched without case
  std::string_view detail;
  bool remote = false;
};
std::span<const DetailWord> DetailWords();

// RE2 patterns, matched without case on the words of a clause before a
// rule's verb (and, for conditionals, on the whole sentence).
std::string_view NegationPattern();      // "never", "not", "n't"
std::string_view HypotheticalPattern();  // "would", "might", "hope", "I'd be"
std::string_view ConditionalPattern();   // "if", "unless"
std::string_view FuturePattern();        // "will", "'ll", "going to"
std::string_view OnlinePattern();        // "met on Twitter" is not meeting in person...
std::string_view OfflinePattern();       // ...unless "offline" or "in person" says it was
std::string_view OpenFuturePattern();    // "one day", "in the future": a wish, not a plan

// The words the engine reads around a rule's match, as RE2 alternations
// matched without case (the English lexicon beside the rule table; another
// language brings its own):
std::string_view FillerWords();       // between a verb and its person: "with", "my", "old"
std::string_view PersonWords();       // "friend", "sister", "colleague": a person follows
std::string_view VerbsOfWords();      // "agreed", "emailed", "played": a "with" that is no company
std::string_view PerformingWords();   // after "great to see you": "speak", "on stage", "-ing"
std::string_view SubjectVerbs();      // after a name that opens a sentence: "is", "said", "who"
std::string_view ThirdPersonWords();  // "he", "her", "them": someone else
std::string_view SeenWhereWords();    // after "great to see you": "again", "at", "this", "!"
std::string_view Prepositions();      // "in", "at", "from": a place follows
std::string_view AskingWords();       // "asked", "see", "wonder": an "if" after is a question

// Words one of which every rule needs (its verb, meal or call): a text
// without any gives no statement, and is not read further. Most comments
// are such texts. Add a rule's new words here too (the sentence table
// checks it).
std::string_view TriggerPattern();

// A pattern of this file compiled as the rules read it: without case. The
// patterns are fixed data, so one that does not compile is a bug: throws
// std::logic_error naming `what` (the tests run every pattern).
std::unique_ptr<re2::RE2> CompileFixedPattern(std::string_view pattern, std::string_view what);

}  // namespace linkgraph::graph
