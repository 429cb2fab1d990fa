#include "graph/interaction_setting.h"

#include <re2/re2.h>

#include <algorithm>
#include <iterator>
#include <memory>

#include "common/ascii.h"
#include "graph/interaction_rules.h"
#include "graph/interaction_time.h"

namespace linkgraph::graph {
namespace {

constexpr size_t kMaxEventWords = 6;

struct CompiledDetailWord {
  const DetailWord* word;
  std::unique_ptr<RE2> re;
};

const std::vector<CompiledDetailWord>& CompiledDetailWords() {
  static const std::vector<CompiledDetailWord> compiled = [] {
    std::vector<CompiledDetailWord> all;
    for (const DetailWord& word : DetailWords()) {
      all.push_back({&word, CompileFixedPattern(word.pattern, word.detail)});
    }
    return all;
  }();
  return compiled;
}

bool IsEventStopWord(std::string_view word) {
  static constexpr std::string_view kStops[] = {
      "and",       "or",       "but",     "which",    "who",      "whom",    "where",  "when",
      "while",     "with",     "for",     "to",       "together", "because", "so",     "then",
      "after",     "before",   "since",   "until",    "as",       "if",      "though", "on",
      "yesterday", "today",    "tonight", "tomorrow", "last",     "next",    "this",   "earlier",
      "later",     "recently", "too",     "again",    "over",     "by",      "via",    "albeit"};
  return std::any_of(std::begin(kStops), std::end(kStops),
                     [&](std::string_view stop) { return EqualsIgnoreCase(word, stop); });
}

bool IsEventPunctuation(char c) {
  return c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(' || c == ')' ||
         c == '[' || c == ']' || c == '"' || c == '-';
}

// The end of the word at `pos`: up to a space or punctuation; a dot only
// ends it before a space ("St.James" is one word).
size_t WordEnd(std::string_view text, size_t pos, size_t limit) {
  size_t end = pos;
  while (end < limit && !IsAsciiSpace(text[end]) && !IsEventPunctuation(text[end])) {
    if (text[end] == '.' && (end + 1 >= limit || IsAsciiSpace(text[end + 1]))) break;
    ++end;
  }
  return end;
}

bool StartsCapitalised(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#';
}

// Up to kMaxEventWords words from `pos`, stopping at punctuation, a
// joining word or a time phrase: "a supper club in Hackney".
std::optional<Span> ReadEventName(std::string_view text, size_t pos, size_t limit,
                                  bool capitalised_only) {
  Span name{pos, pos};
  for (size_t words = 0; words < kMaxEventWords && pos < limit; ++words) {
    size_t end = WordEnd(text, pos, limit);
    if (end == pos) break;
    std::string_view word = text.substr(pos, end - pos);
    if (IsEventStopWord(word) || (capitalised_only && !StartsCapitalised(word[0]))) break;
    std::optional<TimePhrase> time = FindTimePhrase(text, {pos, limit});
    if (time && time->span.begin == pos) break;
    name.end = end;
    pos = end;
    while (pos < limit && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  }
  if (name.empty()) return std::nullopt;
  return name;
}

}  // namespace

std::optional<Span> FindEvent(std::string_view text, Span within) {
  static const LazyRE2 kAt = {R"((?i)\bat\s+)"};
  static const LazyRE2 kNotAnEvent = {
      R"((?i)^(?:(?:least|all|last|first|once|times|length|home|lunchtime|night|noon|midnight|)"
      R"(some\s+point|one\s+point|the\s+(?:moment|time|weekend|end|start|same|minute|latest|)"
      R"(earliest|most|very))\b|\d))"};
  static const LazyRE2 kGoingTo = {
      R"((?i)\b(?:coming|come|came|going|go|went|heading|head|travelling|traveling|attending|)"
      R"(attend|attended)\s+(?:to\s+)?)"};
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  for (size_t pos = within.begin; kAt->Match(input, pos, within.end, RE2::UNANCHORED, &match, 1);
       pos = SpanOf(text, match).end) {
    size_t name_start = SpanOf(text, match).end;
    re2::StringPiece rest(text.data() + name_start, within.end - name_start);
    if (RE2::PartialMatch(rest, *kNotAnEvent)) continue;
    if (auto name = ReadEventName(text, name_start, within.end, false)) return name;
  }
  for (size_t pos = within.begin;
       kGoingTo->Match(input, pos, within.end, RE2::UNANCHORED, &match, 1);
       pos = SpanOf(text, match).end) {
    if (auto name = ReadEventName(text, SpanOf(text, match).end, within.end, true)) return name;
  }
  return std::nullopt;
}

std::vector<DetailMention> FindDetails(std::string_view text, Span within) {
  static const LazyRE2 kWithAfter = {R"((?i)^\s+with\b)"};
  std::vector<DetailMention> details;
  re2::StringPiece input(text.data(), text.size());
  for (const CompiledDetailWord& word : CompiledDetailWords()) {
    re2::StringPiece match;
    for (size_t pos = within.begin;
         word.re->Match(input, pos, within.end, RE2::UNANCHORED, &match, 1);) {
      Span span = SpanOf(text, match);
      pos = std::max(span.end, span.begin + 1);
      bool taken = std::any_of(details.begin(), details.end(),
                               [&](const DetailMention& d) { return d.span.Overlaps(span); });
      if (taken) continue;
      re2::StringPiece after(text.data() + span.end, within.end - span.end);
      details.push_back({span, std::string(word.word->detail), word.word->remote,
                         RE2::PartialMatch(after, *kWithAfter)});
    }
  }
  std::sort(details.begin(), details.end(), [](const DetailMention& a, const DetailMention& b) {
    return a.span.begin < b.span.begin;
  });
  return details;
}

std::optional<DetailMention> NormaliseDetail(std::string_view text, Span words_span,
                                             size_t clause_end) {
  static const LazyRE2 kWithAfter = {R"((?i)^\s+with\b)"};
  if (words_span.empty()) return std::nullopt;
  std::string_view words = text.substr(words_span.begin, words_span.size());
  DetailMention mention{words_span, ToLowerAscii(words), false, false};
  for (const CompiledDetailWord& word : CompiledDetailWords()) {
    if (RE2::FullMatch(re2::StringPiece(words.data(), words.size()), *word.re)) {
      mention.detail = std::string(word.word->detail);
    }
  }
  re2::StringPiece after(text.data() + words_span.end, clause_end - words_span.end);
  mention.forward = RE2::PartialMatch(after, *kWithAfter);
  return mention;
}

std::string DetailFor(const std::vector<DetailMention>& details, size_t position) {
  for (const DetailMention& d : details) {
    if (d.span.begin >= position && !d.forward) return d.detail;
  }
  for (auto it = details.rbegin(); it != details.rend(); ++it) {
    if (it->span.end <= position) return it->detail;
  }
  for (const DetailMention& d : details) {
    if (d.span.begin >= position) return d.detail;
  }
  return "";
}

}  // namespace linkgraph::graph
