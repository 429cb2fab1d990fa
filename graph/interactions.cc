// The engine behind FindInteractions: sentence by sentence, clause by
// clause, it finds where a rule of interaction_rules.cc matches, drops
// negated, hypothetical and questioned statements, and reads the other
// party, the detail, the event and the time around the match.
#include "graph/interactions.h"

#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>

#include "common/ascii.h"
#include "graph/interaction_lexicon.h"
#include "graph/interaction_rules.h"
#include "graph/interaction_setting.h"
#include "graph/interaction_text.h"
#include "graph/interaction_time.h"

namespace linkgraph::graph {
namespace {

// One rule match in a clause.
struct Trigger {
  const CompiledRule* rule = nullptr;
  Span match;
  Span subject;  // empty when the subject is implied
  Span aux;
  Span detail;  // the rule's own "detail" group
};

// What a clause, or one statement in it, says besides its verbs.
struct ClauseFacts {
  Span span;
  std::vector<DetailMention> details;
  std::optional<Span> event;
  std::optional<TimePhrase> time;
};

// Who a statement is with, and where the words for them are (the start of
// the clause for a party carried from elsewhere).
struct PartyAt {
  Party party;
  size_t position = 0;
};

std::string PartyKey(const Party& party) {
  return std::to_string(static_cast<int>(party.kind)) + ToLowerAscii(party.value);
}

void AddParty(std::vector<PartyAt>& parties, const Party& party, size_t position) {
  std::string key = PartyKey(party);
  for (const PartyAt& p : parties) {
    if (PartyKey(p.party) == key) return;
  }
  parties.push_back({party, position});
}

class Reader {
 public:
  Reader(std::string_view text, const TextContext& context)
      : original_(text),
        context_(context),
        folded_(FoldTypography(text)),
        text_(folded_.text),
        parties_(FindParties(folded_, original_, context)),
        sentences_(SplitSentences(text_)) {}

  std::vector<Interaction> Read() {
    for (size_t i = 0; i < sentences_.size(); ++i) ReadSentence(i);
    return std::move(found_);
  }

 private:
  void ReadSentence(size_t index) {
    const Sentence& sentence = sentences_[index];
    current_index_ = index;
    nearby_calls_.reset();
    if (IsQuestion(sentence.span)) return;
    if (IsConditional(sentence.span)) return;
    std::vector<Span> clauses = SplitClauses(text_, sentence.span, parties_);
    std::vector<std::vector<Trigger>> triggers;
    for (Span clause : clauses) {
      std::vector<int> rules =
          RulesMatching(re2::StringPiece(text_.data() + clause.begin, clause.end - clause.begin));
      triggers.push_back(rules.empty() ? std::vector<Trigger>{}
                                       : FindTriggers(FactsOf(clause), rules));
    }
    for (size_t c = 0; c < clauses.size(); ++c) {
      // A statement runs from its verb to the next one ("I met @A yesterday
      // and I'm meeting @B on Friday"); the first also takes the words
      // before it ("Tomorrow I'm meeting").
      for (size_t t = 0; t < triggers[c].size(); ++t) {
        Span statement{
            t == 0 ? clauses[c].begin : triggers[c][t].match.begin,
            t + 1 < triggers[c].size() ? triggers[c][t + 1].match.begin : clauses[c].end};
        ClauseFacts facts = FactsOf(statement);
        if (t == 0) AddLeadingSetting(clauses, triggers, c, facts);
        ReadStatement(index, clauses, c, facts, triggers[c][t]);
      }
    }
  }

  std::string_view View(Span span) const { return folded_.View(span); }

  // "Yesterday, I met @X", "At TRULondon, I met @X": the time and event of
  // the clauses just before a statement's own that state nothing themselves.
  void AddLeadingSetting(const std::vector<Span>& clauses,
                         const std::vector<std::vector<Trigger>>& triggers, size_t clause,
                         ClauseFacts& facts) const {
    for (size_t c = clause; c-- > 0 && triggers[c].empty();) {
      if (!facts.time) facts.time = FindTimePhrase(text_, clauses[c]);
      if (!facts.event) facts.event = FindEvent(text_, clauses[c]);
    }
  }

  // "If you're ever in town, we'll meet", "we'll meet unless it rains": the
  // meeting is only supposed. Not "Lorelei and I went out to see if we
  // could find it" or "she asked if I had questions": a question asked.
  bool IsConditional(Span sentence) const {
    re2::StringPiece rest(text_.data() + sentence.begin, sentence.end - sentence.begin);
    re2::StringPiece word;
    const Markers& markers = TheMarkers();
    while (RE2::FindAndConsume(&rest, *markers.conditional_word, &word)) {
      std::string_view before = View({sentence.begin, SpanOf(text_, word).begin});
      if (!Contains(*markers.asking_before, before)) return true;
    }
    return false;
  }

  // "Have you met @X?", "Who needs social media, eh?!": a question states
  // nothing.
  bool IsQuestion(Span sentence) const {
    std::string_view words = View(sentence);
    size_t end = words.find_last_not_of("\"')] ");
    if (end == std::string_view::npos) return false;
    size_t marks = words.find_last_not_of(".!?", end);
    size_t first_mark = marks == std::string_view::npos ? 0 : marks + 1;
    return words.substr(first_mark, end + 1 - first_mark).find('?') != std::string_view::npos;
  }

  ClauseFacts FactsOf(Span clause) const {
    return {clause, FindDetails(text_, clause), FindEvent(text_, clause),
            FindTimePhrase(text_, clause)};
  }

  // Rules in table order; a match overlapping an earlier rule's is left
  // out, and so is one whose needs the clause does not meet.
  std::vector<Trigger> FindTriggers(const ClauseFacts& facts, const std::vector<int>& rules) const {
    std::vector<Trigger> triggers;
    re2::StringPiece clause(text_.data() + facts.span.begin, facts.span.end - facts.span.begin);
    for (int index : rules) {
      const CompiledRule& rule = CompiledRules()[static_cast<size_t>(index)];
      re2::StringPiece groups[kMaxRuleGroups];
      int group_count = 1 + rule.re->NumberOfCapturingGroups();
      for (size_t pos = 0;
           pos <= clause.size() &&
           rule.re->Match(clause, pos, clause.size(), RE2::UNANCHORED, groups, group_count);) {
        Trigger trigger = MakeTrigger(rule, groups);
        pos = std::max(trigger.match.end, trigger.match.begin + 1) - facts.span.begin;
        bool taken = std::any_of(triggers.begin(), triggers.end(),
                                 [&](const Trigger& t) { return t.match.Overlaps(trigger.match); });
        if (!taken && NeedsMet(trigger, facts)) triggers.push_back(trigger);
      }
    }
    std::sort(triggers.begin(), triggers.end(),
              [](const Trigger& a, const Trigger& b) { return a.match.begin < b.match.begin; });
    return triggers;
  }

  Trigger MakeTrigger(const CompiledRule& rule, const re2::StringPiece* groups) const {
    auto group = [&](int index) { return index < 0 ? Span{} : SpanOf(text_, groups[index]); };
    return {&rule, SpanOf(text_, groups[0]), group(rule.subject_group), group(rule.aux_group),
            group(rule.detail_group)};
  }

  // The clause's words before the verb, and the auxiliaries between the
  // subject and the verb: where "never", "would" and "will" are.
  bool BeforeVerbContains(const RE2& re, const Trigger& trigger, Span clause) const {
    return Contains(re, View({clause.begin, trigger.match.begin})) ||
           Contains(re, View(trigger.aux));
  }

  // The calls the writer has just been telling, read once per sentence:
  // those of the sentence being read and of the two before it in its
  // paragraph ("I called the council office. I spoke with Mark." is a
  // call). Settings in person are not carried so: "at" phrases nearby are
  // too often no place the talk happened in.
  const std::vector<DetailMention>& NearbyCalls() const {
    if (!nearby_calls_) {
      nearby_calls_.emplace();
      size_t first = current_index_;
      size_t paragraph = sentences_[current_index_].paragraph;
      while (first > 0 && current_index_ - first < 2 &&
             sentences_[first - 1].paragraph == paragraph) {
        --first;
      }
      for (size_t i = first; i <= current_index_; ++i) {
        for (const DetailMention& d : FindDetails(text_, sentences_[i].span)) {
          if (d.remote) nearby_calls_->push_back(d);
        }
      }
    }
    return *nearby_calls_;
  }

  bool NeedsMet(const Trigger& trigger, const ClauseFacts& facts) const {
    auto has_detail = [&](bool remote) {
      return std::any_of(facts.details.begin(), facts.details.end(),
                         [&](const DetailMention& d) { return d.remote == remote; });
    };
    switch (trigger.rule->rule->needs) {
      case RuleNeeds::kNothing:
        return true;
      case RuleNeeds::kRemoteDetail:
        // "Also spoke with Britney in the Chairman's office ... when I
        // called": the call may be told in another clause of the sentence,
        // or in one of the two sentences before it.
        return has_detail(true) || (!has_detail(false) && !facts.event && !NearbyCalls().empty());
      case RuleNeeds::kInPersonContext:
        return has_detail(false) || facts.event.has_value();
      case RuleNeeds::kFutureTime:
        return BeforeVerbContains(*TheMarkers().future, trigger, facts.span) ||
               (facts.time && facts.time->CanBeFuture());
      case RuleNeeds::kAuthorAsSubject:
        return AuthorIsSubject(trigger, facts.span);
      case RuleNeeds::kNotAnAudience:
        return !WatchesThem(trigger, facts.span);
      case RuleNeeds::kInPersonVerb:
        return !IsVerbOfWords(trigger);
      case RuleNeeds::kArranged:
        return (facts.event || facts.time) && !WatchesThem(trigger, facts.span);
    }
    return false;
  }

  // "Tom had dinner with Ana" is not the author's dinner: before the
  // words, the clause names nobody else (he, she, they, a person) unless
  // the author is there too ("Tom and I", "we").
  bool AuthorIsSubject(const Trigger& trigger, Span clause) const {
    static const LazyRE2 kAuthor = {R"((?i)\b(?:I|we|me|us|my|our)\b)"};
    Span before{clause.begin, trigger.match.begin};
    std::string_view words = View(before);
    re2::StringPiece piece(words.data(), words.size());
    if (RE2::PartialMatch(piece, *kAuthor)) return true;
    return !RE2::PartialMatch(piece, *TheMarkers().third_person) && PartiesIn(before).empty();
  }

  // The verbs of a "with" that is no meeting: words exchanged, opinions,
  // things handled ("agreed with", "emailed with", "played with Python").
  bool IsVerbOfWords(const Trigger& trigger) const {
    std::string_view words = View(trigger.match);
    return RE2::PartialMatch(re2::StringPiece(words.data(), words.size()),
                             *TheMarkers().verb_of_words);
  }

  bool IsSeeingVerb(const Trigger& trigger) const {
    static const LazyRE2 kSee = {R"((?i)\b(?:see|seeing)$)"};
    std::string_view words = View(trigger.match);
    return RE2::PartialMatch(re2::StringPiece(words.data(), words.size()), *kSee);
  }

  // "great to see you speak", "good to see you blogging again": the
  // author watched or read them.
  bool WatchesThem(const Trigger& trigger, Span clause) const {
    static const LazyRE2 kPronoun = {R"((?i)^\s*(?:you|him|her|them)\b)"};
    size_t pos = SkipSpaces(trigger.match.end);
    if (const PartyMention* party = PartyStartingAt(pos)) {
      pos = party->span.end;
    } else {
      re2::StringPiece rest(text_.data() + pos, clause.end - std::min(pos, clause.end));
      if (!RE2::Consume(&rest, *kPronoun)) return false;
      pos = static_cast<size_t>(rest.data() - text_.data());
    }
    std::string_view after = View({std::min(pos, clause.end), clause.end});
    re2::StringPiece rest(after.data(), after.size());
    // "glad to see you find the show useful": seeing them do something.
    if (IsSeeingVerb(trigger) && !RE2::PartialMatch(rest, *TheMarkers().seen_where)) return true;
    return RE2::PartialMatch(rest, *TheMarkers().performing);
  }

  bool IsNegatedOrHypothetical(const Trigger& trigger, Span clause) const {
    const Markers& markers = TheMarkers();
    return BeforeVerbContains(*markers.negation, trigger, clause) ||
           BeforeVerbContains(*markers.hypothetical, trigger, clause);
  }

  // The kind the words give: a meeting said with "will" is a plan; a call
  // that is still to come is not an edge at all.
  // A plan for "one day" or "in the future" is a wish: no edge.
  std::optional<InteractionKind> KindOf(const Trigger& trigger, Span clause) const {
    InteractionKind kind = trigger.rule->rule->kind;
    if (kind != InteractionKind::kPlansToMeet) {
      if (!BeforeVerbContains(*TheMarkers().future, trigger, clause)) return kind;
      if (kind == InteractionKind::kSpoke) return std::nullopt;
      kind = InteractionKind::kPlansToMeet;
    }
    if (Contains(*TheMarkers().open_future, View(clause))) return std::nullopt;
    return kind;
  }

  bool IsOnlineOnly(Span region) const {
    return Contains(*TheMarkers().online, View(region)) &&
           !Contains(*TheMarkers().offline, View(region));
  }

  bool SubjectIsWe(const Trigger& trigger) const {
    return EqualsIgnoreCase(View(trigger.subject), "we");
  }

  std::vector<const PartyMention*> PartiesIn(Span span) const {
    std::vector<const PartyMention*> in;
    for (const PartyMention& m : parties_) {
      if (m.span.begin >= span.begin && m.span.end <= span.end) in.push_back(&m);
    }
    return in;
  }

  // One person, however often named: the only one `span` names, if any.
  const PartyMention* OnlyPartyIn(Span span) const {
    std::vector<const PartyMention*> in = PartiesIn(span);
    if (in.empty()) return nullptr;
    for (const PartyMention* m : in) {
      if (PartyKey(m->party) != PartyKey(in.front()->party)) return nullptr;
    }
    return in.front();
  }

  // "thanks to @X", "about @X", "@X's": named, but not the one met.
  bool IsObject(const PartyMention& mention, Span clause) const {
    static const LazyRE2 kBlockedBefore = {
        R"((?i)\b(?:about|of|from|via|through|by|thanks\s+to|thank|like|than|re|for)\s*$)"};
    if (mention.span.end < text_.size() && text_[mention.span.end] == '\'') return false;
    std::string_view before = View({clause.begin, mention.span.begin});
    return !RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), *kBlockedBefore);
  }

  // A name found by its capitals is the other party only where a person
  // goes: right after the verb, after "with" or "into", after "my friend",
  // or in a list of such ("with Mitch, Corinne and Blair").
  bool InObjectSlot(const PartyMention& mention, size_t from, bool needs_person_word) const {
    static const LazyRE2 kTalkVerb = {R"((?i)spoke|spoken|talked|talking|chatted|chatting)"};
    static const LazyRE2 kArticle = {R"((?i)a|an|the)"};
    bool after_party = false;
    bool person_word = false;
    std::string_view previous_word = WordBefore(from);
    for (size_t pos = from; pos < mention.span.begin;) {
      char c = text_[pos];
      if (IsAsciiSpace(c) || c == ',' || c == '&') {
        ++pos;
        continue;
      }
      if (const PartyMention* party = PartyStartingAt(pos)) {
        // "Great to meet you, Dave!": the name after "you," calls them.
        if (party->party.kind == Party::Kind::kYou &&
            View({party->span.end, mention.span.begin}).find_first_not_of(", ") ==
                std::string_view::npos) {
          return false;
        }
        pos = party->span.end;
        after_party = true;
        previous_word = {};
        continue;
      }
      size_t end = pos;
      while (end < text_.size() &&
             (IsAsciiLetter(text_[end]) || text_[end] == '-' || text_[end] == '\'')) {
        ++end;
      }
      if (end == pos) return false;
      re2::StringPiece word(text_.data() + pos, end - pos);
      // "Nathanial Talbot of Terralien, and Jim": a name's affiliation.
      if (after_party && word == "of") {
        if (const PartyMention* party = PartyStartingAt(SkipSpaces(end))) {
          pos = party->span.end;
          continue;
        }
      }
      // "spoke to Mark", but not "went to the Royal Opera House"; "the" and
      // "a" only before the first person ("a long-time Rubyist" after one
      // describes them).
      bool to_after_talk =
          word == "to" &&
          RE2::FullMatch(re2::StringPiece(previous_word.data(), previous_word.size()), *kTalkVerb);
      bool article = RE2::FullMatch(word, *kArticle);
      bool is_person_word = RE2::FullMatch(word, *TheMarkers().person_word);
      person_word = person_word || is_person_word;
      if (!to_after_talk && !(article && !after_party) && !is_person_word &&
          !RE2::FullMatch(word, *TheMarkers().filler)) {
        return false;
      }
      previous_word = std::string_view(word.data(), word.size());
      pos = end;
    }
    return person_word || !needs_person_word;
  }

  // The word that ends just before `pos`, spaces aside.
  std::string_view WordBefore(size_t pos) const {
    while (pos > 0 && IsAsciiSpace(text_[pos - 1])) --pos;
    size_t begin = pos;
    while (begin > 0 && IsAsciiLetter(text_[begin - 1])) --begin;
    return View({begin, pos});
  }

  // The person named from `pos` on, if one is.
  const PartyMention* PartyStartingAt(size_t pos) const {
    auto party =
        std::lower_bound(parties_.begin(), parties_.end(), pos,
                         [](const PartyMention& m, size_t at) { return m.span.begin < at; });
    return party != parties_.end() && party->span.begin == pos ? &*party : nullptr;
  }

  size_t SkipSpaces(size_t pos) const {
    while (pos < text_.size() && IsAsciiSpace(text_[pos])) ++pos;
    return pos;
  }

  // The person named last before `pos` in the text, "you" aside.
  const PartyMention* LastNamedBefore(size_t pos) const {
    const PartyMention* last = nullptr;
    for (const PartyMention& m : parties_) {
      if (m.span.end > pos) break;
      if (m.party.kind == Party::Kind::kYou) continue;
      if (NamesAPerson(m)) last = &m;
    }
    return last;
  }

  // A name found only by its capitals stands for a person a pronoun or
  // "we" can refer to when it is a full name or opens its sentence
  // ("Lloyd is heading down"), not "at Google" or "the Bond character".
  bool NamesAPerson(const PartyMention& m) const {
    return !m.by_capitals || m.party.value.find(' ') != std::string::npos ||
           (OpensSentence(m.span.begin) && ActsAsSubject(m));
  }

  // "Lloyd is heading down", "Partho arrived", "Sam, who...": a word that
  // opens a sentence names someone when what follows reads as its verb,
  // not "Industry leaders say".
  bool ActsAsSubject(const PartyMention& m) const {
    std::string_view after = View({m.span.end, text_.size()});
    if (RE2::PartialMatch(re2::StringPiece(after.data(), after.size()),
                          *TheMarkers().subject_verb)) {
      return true;
    }
    size_t next = SkipSpaces(m.span.end);
    size_t end = next;
    while (end < text_.size() && IsAsciiLetter(text_[end])) ++end;
    return end > next && IsPastVerb(View({next, end}));
  }

  bool NamesSomeoneElse(size_t sentence) const {
    std::string_view words = View(sentences_[sentence].span);
    return RE2::PartialMatch(re2::StringPiece(words.data(), words.size()),
                             *TheMarkers().third_person);
  }

  // "the Bond we met in Dr. No", "the people I met": the subject follows
  // the noun the clause is about, not a conjunction or the clause's start.
  bool InRelativeClause(const Trigger& trigger, Span clause) const {
    static const LazyRE2 kOpener = {
        R"((?i)and|but|so|then|yes|ps|oh|well|since|as|because|when|if|that|now|also)"};
    if (trigger.subject.empty() || trigger.subject.begin <= clause.begin) return false;
    std::string_view word = WordBefore(trigger.subject.begin);
    if (word.empty()) return false;
    return !RE2::FullMatch(re2::StringPiece(word.data(), word.size()), *kOpener);
  }

  bool OpensSentence(size_t pos) const {
    auto sentence =
        std::lower_bound(sentences_.begin(), sentences_.end(), pos,
                         [](const Sentence& s, size_t at) { return s.span.begin < at; });
    return sentence != sentences_.end() && sentence->span.begin == pos;
  }

  // "Sinan and Tatiana, great meeting you!", "But Joel - when I met you":
  // the names that open a sentence and call someone are who "you" is.
  void CallYouByName(size_t sentence, std::vector<PartyAt>& others) const {
    auto you = std::find_if(others.begin(), others.end(),
                            [](const PartyAt& p) { return p.party.kind == Party::Kind::kYou; });
    if (you == others.end()) return;
    std::vector<const PartyMention*> called = NamesCalledIn(sentences_[sentence].span);
    if (called.empty()) return;
    size_t position = you->position;
    others.erase(you);
    for (const PartyMention* m : called) AddParty(others, m->party, position);
  }

  // The names a sentence calls its reader by: at its start ("Sinan and
  // Tatiana, great meeting you!", "Thanks, Joel and Jeff, for having me")
  // or after its last comma ("Good seeing you at TechCrunch, Joel.").
  std::vector<const PartyMention*> NamesCalledIn(Span sentence) const {
    static const LazyRE2 kOpening = {
        R"((?i)(?:(?:hi|hey|dear|but|and|oh|well|ps|thanks|thank\s+you)[,!]?\s+)*)"};
    static const LazyRE2 kCallEnds = {R"(\s*(?:,|!|:|\s-+\s))"};
    static const LazyRE2 kSentenceEnd = {R"([\s.!?)]*)"};
    re2::StringPiece rest(text_.data() + sentence.begin, sentence.size());
    RE2::Consume(&rest, *kOpening);
    size_t pos = static_cast<size_t>(rest.data() - text_.data());
    std::vector<const PartyMention*> called = NameListAt(pos);
    if (pos > sentence.end) return {};
    rest = re2::StringPiece(text_.data() + pos, sentence.end - pos);
    if (!called.empty() && RE2::Consume(&rest, *kCallEnds)) return called;
    size_t comma = View(sentence).rfind(',');
    if (comma == std::string_view::npos) return {};
    pos = SkipSpaces(sentence.begin + comma + 1);
    called = NameListAt(pos);
    if (pos > sentence.end) return {};
    rest = re2::StringPiece(text_.data() + pos, sentence.end - pos);
    if (called.empty() || !RE2::FullMatch(rest, *kSentenceEnd)) return {};
    return called;
  }

  // The names listed from `pos` on ("Sinan and Tatiana", "Joel, Jeff"),
  // "you" aside; `pos` moves past them.
  std::vector<const PartyMention*> NameListAt(size_t& pos) const {
    static const LazyRE2 kAnd = {R"((?i)\s*(?:,\s*)?(?:and|&)\s+|\s*,\s*)"};
    std::vector<const PartyMention*> names;
    for (const PartyMention* party = PartyStartingAt(pos);
         party != nullptr && party->party.kind != Party::Kind::kYou;) {
      names.push_back(party);
      pos = party->span.end;
      re2::StringPiece after_and(text_.data() + pos, text_.size() - pos);
      if (!RE2::Consume(&after_and, *kAnd)) break;
      party = PartyStartingAt(static_cast<size_t>(after_and.data() - text_.data()));
      if (party != nullptr) pos = party->span.begin;
    }
    return names;
  }

  // "@A and I", "@A, @B and I", "me and @A": the people named with the
  // author as subject, walking back from "and I" over ", " and "and".
  void AddPartners(const Trigger& trigger, Span clause, std::vector<PartyAt>& out) const {
    if (trigger.subject.empty()) return;
    if (StartsWithIgnoreCase(View(trigger.subject), "and")) {
      AddNamesEndingAt(trigger.subject.begin, clause, out);
      return;
    }
    std::string subject = ToLowerAscii(View(trigger.subject));
    if (size_t me = subject.rfind("me and"); me != std::string::npos) {
      for (const PartyMention* m : PartiesIn({trigger.subject.begin + me, trigger.subject.end})) {
        AddParty(out, m->party, m->span.begin);
      }
    }
  }

  // The people listed right before `end` ("@A, @B and" before "I"; "Jan,
  // Merijn and Steven" before "joined us"), walking back over ", " and
  // "and".
  void AddNamesEndingAt(size_t end, Span clause, std::vector<PartyAt>& out) const {
    for (size_t pos = end; pos > clause.begin;) {
      while (pos > clause.begin && (IsAsciiSpace(text_[pos - 1]) || text_[pos - 1] == ',')) --pos;
      auto party = std::find_if(parties_.begin(), parties_.end(),
                                [&](const PartyMention& m) { return m.span.end == pos; });
      if (party != parties_.end() && party->span.begin >= clause.begin &&
          !(party->by_capitals && AfterPreposition(party->span.begin))) {
        AddParty(out, party->party, party->span.begin);
        pos = party->span.begin;
      } else if (pos >= clause.begin + 4 && IsAsciiSpace(text_[pos - 4]) &&
                 EqualsIgnoreCase(View({pos - 3, pos}), "and")) {
        pos -= 3;
      } else {
        return;
      }
    }
  }

  // Where the subject of a verb at `verb` ends: before the adverbs and
  // auxiliaries between them ("Tom has also called me").
  size_t SubjectEnd(size_t verb, Span clause) const {
    static const LazyRE2 kBetween = {
        R"((?i)also|finally|just|then|later|kindly|even|has|have|had|did|was|were|will|)"
        R"(would|actually|already|recently|often|always|never|eventually|both|all)"};
    // "You've", "Tom'd": the contraction is an auxiliary too.
    static const LazyRE2 kContraction = {R"((?i)ve|d|ll|s)"};
    size_t pos = verb;
    for (;;) {
      std::string_view word = WordBefore(pos);
      size_t begin = static_cast<size_t>(word.data() - text_.data());
      bool contraction = begin > clause.begin + 1 && text_[begin - 1] == '\'' &&
                         RE2::FullMatch(re2::StringPiece(word.data(), word.size()), *kContraction);
      if (contraction) {
        --begin;
      } else if (word.empty() ||
                 !RE2::FullMatch(re2::StringPiece(word.data(), word.size()), *kBetween)) {
        return pos;
      }
      if (begin <= clause.begin) return pos;
      pos = begin;
    }
  }

  // "In London, Sam and I went": a place, not a partner.
  bool AfterPreposition(size_t pos) const {
    std::string_view word = WordBefore(pos);
    return RE2::FullMatch(re2::StringPiece(word.data(), word.size()), *TheMarkers().preposition);
  }

  static void SortByPosition(std::vector<PartyAt>& parties) {
    std::stable_sort(parties.begin(), parties.end(),
                     [](const PartyAt& a, const PartyAt& b) { return a.position < b.position; });
  }

  enum class Pronoun { kNone, kOne, kMany };

  // "I met her": a pronoun for the one person named before; "we met them":
  // for the people named together before.
  Pronoun ObjectPronoun(Span region) const {
    static const LazyRE2 kPronoun = {
        R"((?i)^\s*(him|her|them)\b(?:\s*$|\s*[,.!?;:)]|\s+(?:at|in|on|for|over|last|yesterday|)"
        R"(today|tonight|tomorrow|again|too|once|recently|before|together|and|properly|)"
        R"(briefly|offline|both|all)\b))"};
    std::string_view words = View(region);
    re2::StringPiece pronoun;
    if (!RE2::PartialMatch(re2::StringPiece(words.data(), words.size()), *kPronoun, &pronoun)) {
      return Pronoun::kNone;
    }
    return EqualsIgnoreCase(std::string_view(pronoun.data(), pronoun.size()), "them")
               ? Pronoun::kMany
               : Pronoun::kOne;
  }

  // "Lesly and Pierre ... we met them": the last names before `pos` that
  // are listed together ("A, B and C", "A & B"); "them" is people, so a
  // list of two or more names found by their capitals is taken as people.
  std::vector<const PartyMention*> LastGroupNamedBefore(size_t pos) const {
    std::vector<const PartyMention*> group;
    const PartyMention* last = nullptr;
    for (const PartyMention& m : parties_) {
      if (m.span.end > pos) break;
      if (m.party.kind != Party::Kind::kYou) last = &m;
    }
    if (last == nullptr) return group;
    group.push_back(last);
    for (size_t i = static_cast<size_t>(last - parties_.data()); i-- > 0;) {
      const PartyMention& m = parties_[i];
      std::string_view between = View({m.span.end, group.back()->span.begin});
      if (m.party.kind == Party::Kind::kYou || !IsListJoint(between)) break;
      group.push_back(&m);
    }
    std::reverse(group.begin(), group.end());
    return group.size() > 1 ? group : std::vector<const PartyMention*>{};
  }

  static bool IsListJoint(std::string_view between) {
    static const LazyRE2 kJoint = {R"((?i)\s*(?:,|&|and|,\s*and)\s*)"};
    return RE2::FullMatch(re2::StringPiece(between.data(), between.size()), *kJoint);
  }

  const Sentence* SentenceBefore(size_t index) const {
    if (index == 0 || sentences_[index - 1].paragraph != sentences_[index].paragraph) {
      return nullptr;
    }
    return &sentences_[index - 1];
  }

  // The people a statement is with. Sets `carried` when they came from the
  // sentence before.
  std::vector<PartyAt> OthersOf(size_t sentence, const std::vector<Span>& clauses, size_t clause,
                                const Trigger& trigger, size_t region_end, bool& carried) const {
    std::vector<PartyAt> others;
    Span span = clauses[clause];
    if (trigger.rule->rule->other_is_subject) {
      AddNamesEndingAt(SubjectEnd(trigger.match.begin, span), span, others);
      SortByPosition(others);
      return others;
    }
    AddPartners(trigger, span, others);
    const ObjectSlot slot = trigger.rule->rule->object;
    for (const PartyMention* m : PartiesIn({trigger.match.end, region_end})) {
      if (!IsObject(*m, span)) continue;
      bool slot_checked = m->by_capitals || slot == ObjectSlot::kRightAfterAPersonWord ||
                          slot == ObjectSlot::kRightAfter;
      bool person_word = m->by_capitals && (slot == ObjectSlot::kAfterAPersonWord ||
                                            slot == ObjectSlot::kRightAfterAPersonWord);
      if (slot_checked && !InObjectSlot(*m, trigger.match.end, person_word)) continue;
      AddParty(others, m->party, m->span.begin);
    }
    CallYouByName(sentence, others);
    SortByPosition(others);
    if (!others.empty()) return others;
    // "… the first person I'd met on Twitter who I met offline": "who" is
    // the one person the clause before named.
    if (clause > 0 &&
        (StartsWithIgnoreCase(View(span), "who ") || StartsWithIgnoreCase(View(span), "whom "))) {
      if (const PartyMention* m = OnlyPartyIn(clauses[clause - 1]); m && NamesAPerson(*m)) {
        AddParty(others, m->party, span.begin);
        return others;
      }
    }
    // "Lloyd is heading down too, so I'll run into him": a pronoun for the
    // person named last before it.
    Pronoun pronoun = ObjectPronoun({trigger.match.end, region_end});
    if (pronoun == Pronoun::kOne) {
      if (const PartyMention* m = LastNamedBefore(trigger.match.begin)) {
        AddParty(others, m->party, span.begin);
        carried = m->span.begin < sentences_[sentence].span.begin;
        return others;
      }
    } else if (pronoun == Pronoun::kMany) {
      for (const PartyMention* m : LastGroupNamedBefore(trigger.match.begin)) {
        AddParty(others, m->party, span.begin);
        carried = carried || m->span.begin < sentences_[sentence].span.begin;
      }
      if (!others.empty()) return others;
    }
    // "We went ice skating together": "we" is the author and the one person
    // the sentence before named.
    const Sentence* before = SentenceBefore(sentence);
    if (before && SubjectIsWe(trigger)) {
      if (const PartyMention* m = OnlyPartyIn(before->span); m && NamesAPerson(*m)) {
        AddParty(others, m->party, span.begin);
        carried = true;
        return others;
      }
    }
    // "PS We have met!" in a comment: the author and the person replied to;
    // not "we often chatted over tea on her porch", about someone else.
    bool we_met = SubjectIsWe(trigger) && !InRelativeClause(trigger, span);
    ImpliedOther implied = trigger.rule->rule->implied;
    if (context_.in_comment &&
        ((implied == ImpliedOther::kYouWhenWe && we_met) || implied == ImpliedOther::kYou) &&
        !NamesSomeoneElse(sentence)) {
      AddParty(others, {Party::Kind::kYou, ""}, span.begin);
    }
    return others;
  }

  std::vector<DetailMention> DetailsFor(InteractionKind kind, const ClauseFacts& facts,
                                        const Trigger& trigger) const {
    bool remote = kind == InteractionKind::kSpoke;
    std::vector<DetailMention> details;
    for (const DetailMention& d : facts.details) {
      if (d.remote == remote) details.push_back(d);
    }
    // A call told in another clause or sentence nearby (NeedsMet).
    if (remote && details.empty()) details = NearbyCalls();
    std::optional<DetailMention> own = NormaliseDetail(text_, trigger.detail, facts.span.end);
    bool known = own && std::any_of(details.begin(), details.end(), [&](const DetailMention& d) {
                   return d.span.Overlaps(own->span);
                 });
    if (own && own->remote == remote && !known) {
      details.insert(std::upper_bound(details.begin(), details.end(), *own,
                                      [](const DetailMention& a, const DetailMention& b) {
                                        return a.span.begin < b.span.begin;
                                      }),
                     *own);
    }
    return details;
  }

  struct Setting {
    std::optional<Span> event;
    std::optional<TimePhrase> time;
    bool from_sentence_before = false;
  };

  // The clause's own event and time; when the whole sentence has neither,
  // those of the sentence just before ("… coming to TRULondon2 in Feb! I'll
  // get to meet you").
  Setting SettingOf(size_t sentence, const ClauseFacts& facts) const {
    Span whole = sentences_[sentence].span;
    if (FindEvent(text_, whole) || FindTimePhrase(text_, whole)) {
      return {facts.event, facts.time, false};
    }
    const Sentence* before = SentenceBefore(sentence);
    if (before == nullptr) return {};
    Setting setting{FindEvent(text_, before->span), FindTimePhrase(text_, before->span), true};
    setting.from_sentence_before = setting.event || setting.time;
    return setting;
  }

  std::string Original(Span span) const { return std::string(folded_.Original(original_, span)); }

  std::string Evidence(size_t sentence, bool with_sentence_before) const {
    std::string evidence = Original(sentences_[sentence].span);
    const Sentence* before = SentenceBefore(sentence);
    if (with_sentence_before && before) evidence = Original(before->span) + " " + evidence;
    return evidence;
  }

  // "he said "I met him"", a lyric in quotes: somebody else's words.
  bool IsQuoted(size_t sentence, const Trigger& trigger) const {
    std::string_view before = View({sentences_[sentence].span.begin, trigger.match.begin});
    return std::count(before.begin(), before.end(), '"') % 2 == 1;
  }

  // `facts` are those of the statement's own words.
  void ReadStatement(size_t sentence, const std::vector<Span>& clauses, size_t clause,
                     const ClauseFacts& facts, const Trigger& trigger) {
    size_t region_end = facts.span.end;
    if (IsQuoted(sentence, trigger)) return;
    if (IsNegatedOrHypothetical(trigger, facts.span)) return;
    std::optional<InteractionKind> kind = KindOf(trigger, facts.span);
    if (!kind) return;
    // "I have laughed with you, baked with you - all on a web browser":
    // online anywhere after the verb in the sentence.
    Span rest_of_sentence{trigger.match.end, sentences_[sentence].span.end};
    if (*kind != InteractionKind::kSpoke && IsOnlineOnly(rest_of_sentence)) return;
    bool carried = false;
    std::vector<PartyAt> others = OthersOf(sentence, clauses, clause, trigger, region_end, carried);
    if (others.empty()) return;
    Setting setting = SettingOf(sentence, facts);
    std::vector<DetailMention> details = DetailsFor(*kind, facts, trigger);
    for (const PartyAt& other : others) {
      // "We had a great time with Pierre when we visited them": one
      // statement a sentence for each person and kind.
      std::string key = std::to_string(sentence) + ':' + std::to_string(static_cast<int>(*kind)) +
                        ':' + PartyKey(other.party);
      if (!stated_.insert(std::move(key)).second) continue;
      Interaction found{.kind = *kind, .other = other.party};
      found.detail = trigger.rule->rule->detail.empty() ? DetailFor(details, other.position)
                                                        : std::string(trigger.rule->rule->detail);
      if (setting.event) found.event = Original(*setting.event);
      if (setting.time) {
        found.when = Original(setting.time->span);
        found.date =
            ResolveTimePhrase(*setting.time, context_.date, *kind == InteractionKind::kPlansToMeet);
      } else {
        found.date = DatePart(context_.date);
      }
      found.evidence = Evidence(sentence, carried || setting.from_sentence_before);
      found.rule = std::string(trigger.rule->rule->id);
      found_.push_back(std::move(found));
    }
  }

  std::string_view original_;
  const TextContext& context_;
  FoldedText folded_;
  std::string_view text_;
  std::vector<PartyMention> parties_;
  std::vector<Sentence> sentences_;
  size_t current_index_ = 0;
  mutable std::optional<std::vector<DetailMention>> nearby_calls_;  // of current_index_
  std::vector<Interaction> found_;
  std::unordered_set<std::string> stated_;  // sentence, kind and person of each found
};

}  // namespace

const char* ToString(InteractionKind kind) {
  switch (kind) {
    case InteractionKind::kMet:
      return "met";
    case InteractionKind::kSpoke:
      return "spoke";
    case InteractionKind::kPlansToMeet:
      return "plans_to_meet";
  }
  return "met";
}

std::string InteractionRulePattern(std::string_view pattern) {
  std::string expanded(pattern);
  // Pieces may use other pieces ({I} uses {lead}): expand until none is
  // left. RE2's own braces ("{1,15}") are not piece names and stay.
  for (bool changed = true; changed;) {
    changed = false;
    for (const PatternPiece& piece : PatternPieces()) {
      std::string name = "{" + std::string(piece.name) + "}";
      for (size_t at = expanded.find(name); at != std::string::npos; at = expanded.find(name)) {
        expanded.replace(at, name.size(), piece.pattern);
        changed = true;
      }
    }
  }
  return expanded;
}

bool MayStateInteraction(std::string_view text) {
  static const std::unique_ptr<RE2> kTrigger = CompileFixedPattern(TriggerPattern(), "trigger");
  return RE2::PartialMatch(text, *kTrigger);
}

std::vector<Interaction> FindInteractions(std::string_view text, const TextContext& context) {
  if (!MayStateInteraction(text)) return {};
  return Reader(text, context).Read();
}

}  // namespace linkgraph::graph
