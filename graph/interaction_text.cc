#include "graph/interaction_text.h"

#include <algorithm>
#include <array>
#include <initializer_list>

#include "common/ascii.h"
#include "common/content_hash.h"
#include "common/handles.h"
#include "re2/re2.h"

namespace linkgraph::graph {
namespace {

// Letters outside ASCII count as word characters, so "Wendy" is not a
// whole word inside "Wendyé".
bool IsWordByte(char c) { return IsHandleChar(c) || static_cast<unsigned char>(c) >= 0x80; }

// One folded replacement: the UTF-8 bytes and their ASCII stand-in.
struct Fold {
  std::string_view from;
  std::string_view to;
};
constexpr std::array kFolds = {
    Fold{"\xE2\x80\x98", "'"},  Fold{"\xE2\x80\x99", "'"},  Fold{"\xE2\x80\xB2", "'"},
    Fold{"\xE2\x80\x9C", "\""}, Fold{"\xE2\x80\x9D", "\""}, Fold{"\xE2\x80\xA6", "..."},
    Fold{"\xE2\x80\x93", "-"},  Fold{"\xE2\x80\x94", "-"},  Fold{"\xC2\xA0", " "},
};

void FindHandles(std::string_view text, std::vector<PartyMention>& out) {
  ForEachMention(text, [&](size_t at, size_t begin, size_t end) {
    std::string handle(text.substr(begin, end - begin));
    out.push_back({{at, end}, {Party::Kind::kHandle, std::move(handle)}});
  });
}

bool OverlapsAny(const std::vector<PartyMention>& found, Span span) {
  return std::any_of(found.begin(), found.end(),
                     [&](const PartyMention& m) { return m.span.Overlaps(span); });
}

bool IsWholeWord(std::string_view text, Span span) {
  if (span.begin > 0 && (IsWordByte(text[span.begin - 1]) || text[span.begin - 1] == '@')) {
    return false;
  }
  return span.end >= text.size() || !IsWordByte(text[span.end]);
}

void FindKnownNames(const FoldedText& folded, std::string_view original, const KnownNames& names,
                    std::vector<PartyMention>& out) {
  for (auto [begin, end] : names.FindIn(folded.text)) {
    Span span{begin, end};
    if (!IsWholeWord(folded.text, span) || OverlapsAny(out, span)) continue;
    out.push_back({span, {Party::Kind::kName, std::string(folded.Original(original, span))}});
  }
}

// "you all", "you guys", "all of you": a crowd, nobody to name.
bool IsCrowdYou(std::string_view text, Span you) {
  static const LazyRE2 kAfter = {R"((?i)^\s+(?:all|guys|folks|lot|people|everyone)\b)"};
  static const LazyRE2 kBefore = {R"((?i)\b(?:all|each|both|some|many|most|any)\s+of\s+$)"};
  std::string_view after = text.substr(you.end);
  std::string_view before = text.substr(0, you.begin);
  return RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), *kAfter) ||
         RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), *kBefore);
}

// "you" as an object; "you're", "you'll", "your" are not.
bool StartsWithWord(std::string_view text, size_t pos, std::string_view word) {
  if (pos + word.size() > text.size()) return false;
  if (!EqualsIgnoreCase(text.substr(pos, word.size()), word)) return false;
  return pos + word.size() == text.size() || !IsWordByte(text[pos + word.size()]);
}

void FindYou(std::string_view text, std::vector<PartyMention>& out) {
  for (size_t at = 0; at + 3 <= text.size(); ++at) {
    if (!EqualsIgnoreCase(text.substr(at, 3), "you")) continue;
    Span span{at, at + 3};
    if (!IsWholeWord(text, span)) continue;
    // "you're", "you's" are no one met; "you've", "you'd", "you'll" are.
    if (span.end < text.size() && text[span.end] == '\'' &&
        !(StartsWithWord(text, span.end + 1, "ve") || StartsWithWord(text, span.end + 1, "d") ||
          StartsWithWord(text, span.end + 1, "ll"))) {
      continue;
    }
    if (IsCrowdYou(text, span)) continue;
    if (!OverlapsAny(out, span)) out.push_back({span, {Party::Kind::kYou, ""}});
  }
}

// An emoticon's mouth, ":)" or ";-(", is not a bracket.
bool IsEmoticonMouth(std::string_view text, size_t pos) {
  if (pos == 0) return false;
  char before = text[pos - 1];
  if (before == '-' && pos >= 2) before = text[pos - 2];
  return before == ':' || before == ';' || before == '=';
}

bool IsAbbreviationBefore(std::string_view text, size_t dot) {
  static constexpr std::array<std::string_view, 10> kAbbreviations = {
      "mr", "mrs", "ms", "dr", "st", "prof", "vs", "etc", "e.g", "i.e"};
  size_t start = dot;
  while (start > 0 && (IsHandleChar(text[start - 1]) || text[start - 1] == '.')) --start;
  std::string_view word = text.substr(start, dot - start);
  return std::any_of(kAbbreviations.begin(), kAbbreviations.end(),
                     [&](std::string_view a) { return EqualsIgnoreCase(word, a); });
}

// A run of . ! ? from `mark` to `after` ends a sentence: always for ! and ?,
// for dots unless an abbreviation or a lower-case word follows.
bool EndsSentence(std::string_view text, size_t mark, size_t after) {
  if (text.substr(mark, after - mark).find_first_of("!?") != std::string_view::npos) return true;
  if (after - mark == 1 && IsAbbreviationBefore(text, mark)) return false;
  size_t next = after;
  while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) ++next;
  return next >= text.size() || !(text[next] >= 'a' && text[next] <= 'z');
}

bool IsSentenceMark(char c) { return c == '.' || c == '!' || c == '?'; }

// After a line break: the start of the next line, and whether a blank line
// (a paragraph break) came first.
size_t SkipLineBreaks(std::string_view text, size_t newline, bool& blank_line) {
  size_t next = newline + 1;
  blank_line = false;
  while (next < text.size() && IsAsciiSpace(text[next])) {
    if (text[next] == '\n') blank_line = true;
    ++next;
  }
  return next;
}

size_t SkipSpaces(std::string_view text, size_t pos) {
  while (pos < text.size() && IsAsciiSpace(text[pos])) ++pos;
  return pos;
}

bool PartyStartsAt(const std::vector<PartyMention>& parties, size_t pos) {
  return std::any_of(parties.begin(), parties.end(),
                     [&](const PartyMention& m) { return m.span.begin == pos; });
}

bool StartsWithAnyWord(std::string_view text, size_t pos,
                       std::initializer_list<std::string_view> words, size_t& length) {
  for (std::string_view word : words) {
    if (StartsWithWord(text, pos, word)) {
      length = word.size();
      return true;
    }
  }
  return false;
}

// "Land in Nice, met up with Gevish": in a diary's run of clauses without
// a subject, a past verb after a comma starts the next one.
bool StartsWithPastVerb(std::string_view text, size_t pos) {
  size_t end = pos;
  while (end < text.size() && IsAsciiLetter(text[end])) ++end;
  return end > pos && text[pos] >= 'a' && text[pos] <= 'z' &&
         IsPastVerb(text.substr(pos, end - pos));
}

// "John McColgan of Riverdance fame, came up with": the clause's subject is
// somebody else, and the verb after the comma is still theirs.
bool OpensWithOthersAsSubject(std::string_view text, size_t clause_start,
                              const std::vector<PartyMention>& parties) {
  size_t pos = SkipSpaces(text, clause_start);
  size_t length = 0;
  return PartyStartsAt(parties, pos) ||
         StartsWithAnyWord(text, pos, {"he", "she", "they", "it", "who", "the", "this", "that"},
                           length);
}

// A comma ends a clause before a conjunction (", and tomorrow I'm meeting")
// or a new subject (", I may never"), but not inside a list of people
// ("@A, @B and @C", ", and to @D", "Dave Martin, Davey and @C").
bool CommaEndsClause(std::string_view text, size_t clause_start, size_t after_comma,
                     const std::vector<PartyMention>& parties) {
  size_t pos = SkipSpaces(text, after_comma);
  size_t length = 0;
  if (StartsWithAnyWord(text, pos, {"and", "or", "but", "so", "then", "yet"}, length)) {
    size_t next = SkipSpaces(text, pos + length);
    if (StartsWithAnyWord(text, next, {"to", "with"}, length)) {
      next = SkipSpaces(text, next + length);
    }
    return !PartyStartsAt(parties, next);
  }
  if (PartyStartsAt(parties, pos)) return false;
  return StartsWithAnyWord(text, pos, {"i", "we", "you", "he", "she", "they", "it", "there"},
                           length) ||
         (StartsWithPastVerb(text, pos) && !OpensWithOthersAsSubject(text, clause_start, parties));
}

// Punctuation at `pos` that ends a clause (the character itself belongs to
// neither side).
bool IsClauseMark(std::string_view text, size_t clause_start, size_t pos,
                  const std::vector<PartyMention>& parties) {
  char c = text[pos];
  bool space_after = pos + 1 >= text.size() || IsAsciiSpace(text[pos + 1]);
  switch (c) {
    case ';':
    case '(':
    case ')':
    case '[':
    case ']':
      return true;
    case '.':
      return space_after && !IsAbbreviationBefore(text, pos);
    case ':':
    case '!':
    case '?':
      return space_after;
    case '-':
      return (space_after && pos > 0 && IsAsciiSpace(text[pos - 1])) ||
             (pos + 1 < text.size() && text[pos + 1] == '-');
    case ',':
      return CommaEndsClause(text, clause_start, pos + 1, parties);
    default:
      return false;
  }
}

// Words that start a new clause: conjunctions and relative pronouns.
bool IsClauseWordAt(std::string_view text, size_t pos) {
  static constexpr std::array<std::string_view, 12> kWords = {
      "but",  "because", "which", "who",     "whom",   "whose",
      "when", "where",   "while", "whereas", "though", "although"};
  if (pos == 0 || !IsAsciiSpace(text[pos - 1])) return false;
  return std::any_of(kWords.begin(), kWords.end(),
                     [&](std::string_view word) { return StartsWithWord(text, pos, word); });
}

}  // namespace

bool IsPastVerb(std::string_view word) {
  static const LazyRE2 kPastVerb = {
      R"((?i)[a-z]{4,}ed|went|had|met|got|came|saw|took|made|left|ate|drank|sat|ran|flew|drove|)"
      R"(rode|slept|woke|caught|bought|found|spent|said|told|felt|kept|began|brought|gave|)"
      R"(heard|thought|wrote|spoke|hung)"};
  static const LazyRE2 kNamesLikeVerbs = {R"((?i)mohammed|muhammed|mahmoud)"};
  re2::StringPiece piece(word.data(), word.size());
  return RE2::FullMatch(piece, *kPastVerb) && !RE2::FullMatch(piece, *kNamesLikeVerbs);
}

KnownNames::KnownNames(std::vector<std::string> names) {
  std::vector<std::string> folded;
  for (const std::string& name : names) {
    std::string text = FoldTypography(name).text;
    if (!text.empty()) folded.push_back(std::move(text));
  }
  if (folded.empty()) return;
  std::sort(folded.begin(), folded.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::string alternation;
  for (const std::string& name : folded) {
    if (!alternation.empty()) alternation += '|';
    alternation += RE2::QuoteMeta(name);
  }
  // The pattern is all that decides where the names fall.
  fingerprint_ = ContentHash(alternation);
  RE2::Options options;
  options.set_longest_match(true);  // "Dave Martin" over "Dave"
  options.set_max_mem(64 << 20);    // a graph of many thousand names
  options.set_log_errors(false);
  auto compiled = std::make_shared<RE2>("(" + alternation + ")", options);
  if (compiled->ok()) pattern_ = std::move(compiled);
}

std::vector<std::pair<size_t, size_t>> KnownNames::FindIn(std::string_view folded_text) const {
  std::vector<std::pair<size_t, size_t>> found;
  if (pattern_ == nullptr) return found;
  size_t position = 0;
  re2::StringPiece match;
  while (position < folded_text.size() &&
         pattern_->Match(folded_text, position, folded_text.size(), RE2::UNANCHORED, &match, 1)) {
    const size_t begin = static_cast<size_t>(match.data() - folded_text.data());
    const size_t end = begin + match.size();
    found.emplace_back(begin, end);
    position = end > begin ? end : begin + 1;
  }
  return found;
}

namespace {

// FoldTypography's loop; `source` null when only the folded text is wanted.
void FoldInto(std::string_view text, std::string& out, std::vector<size_t>* source) {
  // The first bytes of what is folded: the bytes between them are copied
  // in runs (most text folds nothing).
  static const std::string kLeads = [] {
    std::string leads;
    for (const Fold& f : kFolds) {
      if (leads.find(f.from[0]) == std::string::npos) leads.push_back(f.from[0]);
    }
    return leads;
  }();
  out.reserve(text.size());
  if (source != nullptr) source->reserve(text.size() + 1);
  for (size_t i = 0; i < text.size();) {
    size_t run_end = std::min(text.find_first_of(kLeads, i), text.size());
    out.append(text.substr(i, run_end - i));
    if (source != nullptr) {
      for (size_t k = i; k < run_end; ++k) source->push_back(k);
    }
    i = run_end;
    if (i == text.size()) break;
    auto fold = std::find_if(kFolds.begin(), kFolds.end(), [&](const Fold& f) {
      return text.substr(i, f.from.size()) == f.from;
    });
    if (fold == kFolds.end()) {
      out.push_back(text[i]);
      if (source != nullptr) source->push_back(i);
      ++i;
      continue;
    }
    for (size_t k = 0; k < fold->to.size(); ++k) {
      out.push_back(fold->to[k]);
      if (source != nullptr) source->push_back(i + std::min(k, fold->from.size() - 1));
    }
    i += fold->from.size();
  }
  if (source != nullptr) source->push_back(text.size());
}

}  // namespace

FoldedText FoldTypography(std::string_view text) {
  FoldedText folded;
  FoldInto(text, folded.text, &folded.source);
  return folded;
}

std::string FoldTypographyText(std::string_view text) {
  std::string folded;
  FoldInto(text, folded, nullptr);
  return folded;
}

std::vector<PartyMention> FindParties(const FoldedText& folded, std::string_view original,
                                      const TextContext& context) {
  std::vector<PartyMention> parties;
  FindHandles(folded.text, parties);
  FindKnownNames(folded, original, context.known_names, parties);
  FindCapitalisedNames(folded, original, parties);
  if (context.in_comment) FindYou(folded.text, parties);
  std::sort(parties.begin(), parties.end(), [](const PartyMention& a, const PartyMention& b) {
    return a.span.begin < b.span.begin;
  });
  return parties;
}

Span Trim(std::string_view folded, Span span) {
  while (span.begin < span.end && IsAsciiSpace(folded[span.begin])) ++span.begin;
  while (span.end > span.begin && IsAsciiSpace(folded[span.end - 1])) --span.end;
  return span;
}

std::vector<Sentence> SplitSentences(std::string_view text) {
  std::vector<Sentence> sentences;
  size_t paragraph = 0;
  size_t start = 0;
  int depth = 0;  // brackets: "(… off! :o)" does not end the sentence
  auto emit = [&](size_t end) {
    Span span = Trim(text, {start, end});
    if (!span.empty()) sentences.push_back({span, paragraph});
  };
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '\n') {
      emit(i);
      bool blank_line = false;
      start = i = SkipLineBreaks(text, i, blank_line);
      if (blank_line) ++paragraph;
      depth = 0;
      continue;
    }
    if ((c == '(' || c == '[') && !IsEmoticonMouth(text, i)) ++depth;
    if ((c == ')' || c == ']') && depth > 0 && !IsEmoticonMouth(text, i)) --depth;
    if (!IsSentenceMark(c) || depth > 0) {
      ++i;
      continue;
    }
    size_t after = i;
    while (after < text.size() && IsSentenceMark(text[after])) ++after;
    size_t marks_end = after;
    while (after < text.size() && (text[after] == '"' || text[after] == '\'' ||
                                   text[after] == ')' || text[after] == ']')) {
      ++after;
    }
    if ((after == text.size() || IsAsciiSpace(text[after])) && EndsSentence(text, i, marks_end)) {
      emit(after);
      start = after;
    }
    i = after;
  }
  emit(text.size());
  return sentences;
}

std::vector<Span> SplitClauses(std::string_view text, Span sentence,
                               const std::vector<PartyMention>& parties) {
  std::vector<Span> clauses;
  size_t start = sentence.begin;
  auto emit = [&](size_t end) {
    Span span = Trim(text, {start, end});
    if (!span.empty()) clauses.push_back(span);
  };
  for (size_t i = sentence.begin; i < sentence.end; ++i) {
    if (IsClauseMark(text, start, i, parties)) {
      emit(i);
      start = i + 1;
    } else if (i > start && IsClauseWordAt(text, i)) {
      emit(i);
      start = i;
    }
  }
  emit(sentence.end);
  return clauses;
}

}  // namespace linkgraph::graph
