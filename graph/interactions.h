// Private to graph/: who the author of a text met, spoke with or plans to
// meet, read sentence by sentence from the words (the `met`, `spoke` and
// `plans_to_meet` edges of PRODUCT.md). Pure functions over strings, no
// store and no globals but the compiled rule table; thread-safe.
#pragma once

#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace re2 {
class RE2;
}

namespace linkgraph::graph {

using re2::RE2;

enum class InteractionKind { kMet, kSpoke, kPlansToMeet };
const char* ToString(InteractionKind kind);  // "met", "spoke", "plans_to_meet"

// Who a statement's other party is, as the words give it.
struct Party {
  enum class Kind { kHandle, kName, kYou };
  Kind kind = Kind::kHandle;
  std::string value;  // handle without "@" as written; the name as written; "" for kYou
};

// Display names of people in the graph ("Dave Martin", "Wendy"), matched
// case-sensitively as whole words, the longest first. Compiled once into one
// RE2 alternation, so a text is scanned once however many names the graph
// holds; copies share the compiled form.
class KnownNames {
 public:
  KnownNames() = default;
  KnownNames(std::vector<std::string> names);  // NOLINT: a list of names is one
  KnownNames(std::initializer_list<std::string> names)
      : KnownNames(std::vector<std::string>(names)) {}

  // [begin, end) byte ranges of the names in a text whose typography is
  // folded (see FoldTypography), leftmost-longest, not overlapping.
  std::vector<std::pair<size_t, size_t>> FindIn(std::string_view folded_text) const;
  // Equal for two lists that find the same names in every text; "" when
  // there are none.
  const std::string& Fingerprint() const { return fingerprint_; }

 private:
  std::shared_ptr<const RE2> pattern_;
  std::string fingerprint_;
};

struct TextContext {
  std::string date;         // ISO 8601 date(-time) of the text; "" when unknown
  bool in_comment = false;  // "you" means the person replied to only in a comment
  KnownNames known_names;
};

struct Interaction {
  InteractionKind kind;
  Party other;
  // Normalised: "phone", "Skype", "call", "dinner", "ice skating",
  // "after work drinks", "coffee", "lunch", "drinks"; "" when none.
  std::string detail;
  std::string event;  // "TRULondon", "TRULondon2", "a supper club in Hackney"; "" when none
  std::string when;   // the time phrase as written: "tomorrow", "in Feb", "On Friday"; "" when none
  // Resolved against TextContext::date: "2009-12-07", "2010-02",
  // "2010-03-26"; the text's own date (date part) when there is no time
  // phrase; "" when unknown or unresolvable ("next week").
  std::string date;
  // The sentence, trimmed; when the other party, the event or the time came
  // from the sentence before, both sentences joined by a space.
  std::string evidence;
  std::string rule;  // id of the rule that fired
};

// Every statement in the text where its author (subject "I"/"we", or the
// author implied) met, spoke with or plans to meet someone, in text order.
// Sentence by sentence; negated, hypothetical and questioned statements give
// nothing.
std::vector<Interaction> FindInteractions(std::string_view text, const TextContext& context);
// Whether the text holds a word some rule starts from: FindInteractions
// finds nothing, whatever the context, in a text without one.
bool MayStateInteraction(std::string_view text);

// What a rule needs besides its own words before it gives an edge.
enum class RuleNeeds {
  kNothing,
  kRemoteDetail,     // "spoke to X" is remote only with "on the phone", "on Skype", a call
  kInPersonContext,  // "caught up with X" is a meeting only with coffee, dinner... or an event
  kFutureTime,       // "meeting X" is a plan only with "tomorrow", "next week", "will"...
  kAuthorAsSubject,  // "dinner with X" is the author's only when nobody else is the subject
  kNotAnAudience,    // "great to see you speak" watched a talk, met nobody
  kArranged,         // "looking forward to meeting you" is a plan only with a time or an event
  kInPersonVerb,     // "agreed with X", "emailed with X" are words, not a meeting
};

// Where the other party's words may stand after a rule's verb.
enum class ObjectSlot {
  // Anywhere after it ("had dinner last night with @X"); a name found only
  // by its capitals right after it or after "with" (InObjectSlot).
  kAfterTheVerb,
  // Places follow the verb as often as people ("visited Paris"): a name
  // found only by its capitals counts after a word for a person ("visited
  // my friend Harveen").
  kAfterAPersonWord,
  // "great to see you", not "great to see that you gave it 4 stars" or
  // "happy to see Casino Royale": right after the verb, and a name found
  // only by its capitals after a word for a person.
  kRightAfterAPersonWord,
  // "bonded with Licia", not "tried it with freeSSHd and saw the same
  // error as you": right after the verb's "with", any kind of party.
  kRightAfter,
};

// Who a statement in a comment is with when it names nobody.
enum class ImpliedOther {
  kNobody,
  kYouWhenWe,  // "PS We have met!": "we" are the author and the person replied to
  kYou,        // "Did enjoy our visit": the person replied to
};

// One rule of the table in interaction_rules.cc. `pattern` is RE2 syntax,
// matched without case against one clause, with {placeholders} for the
// shared pieces (the subject, auxiliaries); InteractionRulePattern()
// expands them. An optional group named "detail" captures the detail
// ("ice skating" in "we went ice skating together").
struct InteractionRule {
  std::string_view id;
  InteractionKind kind;
  std::string_view pattern;
  std::string_view example;      // a sentence the rule fires on, for tests and docs
  std::string_view detail = {};  // a fixed detail ("phone" for "phoned"); default: the words
  RuleNeeds needs = RuleNeeds::kNothing;
  ObjectSlot object = ObjectSlot::kAfterTheVerb;
  // In a comment, with nobody named, who the other party is.
  ImpliedOther implied = ImpliedOther::kNobody;
  // The other party is named before the verb, as its subject ("Tom
  // called me"), not after it.
  bool other_is_subject = false;
};

// The rule table, for tests and `report person` explanations, in priority
// order: where two rules match the same words, the earlier one wins.
std::span<const InteractionRule> InteractionRules();

// `pattern` with its {placeholders} expanded: the RE2 pattern as compiled.
std::string InteractionRulePattern(std::string_view pattern);

}  // namespace linkgraph::graph
