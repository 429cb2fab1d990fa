// Names that nobody in the graph has yet, found by their capitals ("Priya",
// "Paul Brannan", "Russell Keith-Magee", "Joël Quenneville"): most people
// that blog texts say they met never commented anywhere. A capitalised run
// is only a candidate; the reader takes one as the other party only where
// the words put a person (right after the verb, after "with").
#include <algorithm>
#include <span>
#include <string_view>
#include <unordered_set>

#include "common/ascii.h"
#include "graph/interaction_text.h"

namespace linkgraph::graph {
namespace {

// Capitalised words that are not names: sentence openers, pronouns,
// titles of days and months, and the places and services that blog texts
// capitalise most.
constexpr std::string_view kNotNames[] = {
    "a",
    "about",
    "after",
    "afterwards",
    "again",
    "all",
    "also",
    "an",
    "and",
    "another",
    "anyone",
    "anyway",
    "april",
    "as",
    "at",
    "august",
    "before",
    "both",
    "but",
    "by",
    "christmas",
    "dad",
    "daddy",
    "day",
    "december",
    "did",
    "do",
    "during",
    "easter",
    "even",
    "every",
    "everybody",
    "everyone",
    "facebook",
    "family",
    "february",
    "finally",
    "first",
    "folks",
    "for",
    "friday",
    "friends",
    "from",
    "god",
    "great",
    "guys",
    "had",
    "have",
    "he",
    "her",
    "here",
    "hi",
    "his",
    "how",
    "i",
    "i'd",
    "i'll",
    "i'm",
    "i've",
    "if",
    "in",
    "instagram",
    "it",
    "january",
    "july",
    "june",
    "just",
    "last",
    "later",
    "linkedin",
    "lol",
    "lunch",
    "march",
    "may",
    "me",
    "met",
    "mom",
    "mommy",
    "monday",
    "more",
    "mr",
    "mrs",
    "ms",
    "mum",
    "mummy",
    "my",
    "next",
    "no",
    "nobody",
    "not",
    "november",
    "now",
    "october",
    "of",
    "oh",
    "ok",
    "on",
    "once",
    "one",
    "or",
    "our",
    "people",
    "ps",
    "saturday",
    "september",
    "she",
    "so",
    "some",
    "somebody",
    "someone",
    "sunday",
    "thanks",
    "that",
    "the",
    "their",
    "then",
    "there",
    "they",
    "this",
    "thursday",
    "to",
    "today",
    "tomorrow",
    "tonight",
    "tuesday",
    "twitter",
    "us",
    "we",
    "wednesday",
    "well",
    "what",
    "when",
    "while",
    "with",
    "yes",
    "yesterday",
    "you",
    "your",
    // Adverbs that open a sentence ("Sadly, 2016 will come to an end").
    "sadly",
    "luckily",
    "unfortunately",
    "fortunately",
    "hopefully",
    "honestly",
    "basically",
    "obviously",
    "clearly",
    "apparently",
    "seriously",
    "personally",
    "actually",
    "really",
    "recently",
    "eventually",
    "surprisingly",
    "interestingly",
    "thankfully",
    "ultimately",
    "originally",
    "naturally",
    "certainly",
    "definitely",
    "absolutely",
    "totally",
    "literally",
    "generally",
    "usually",
    "typically",
    "currently",
    "initially",
    "similarly",
    "meanwhile",
    "however",
    "therefore",
    "otherwise",
    "anyhow",
    "besides",
    "perhaps",
    "maybe",
    "sometimes",
    // Conjunctions that open a sentence ("Since you called me on it").
    "since",
    "because",
    "although",
    "though",
    "unless",
    "until",
    "whether",
    "whenever",
    // Interjections and words of address ("Man, I will join you").
    "man",
    "dude",
    "bro",
    "wow",
    "hey",
    "yeah",
    "haha",
    "gosh",
    "omg",
    "sir",
    "madam",
};

// Titles that open a name ("Mrs. Benjamin", "Dr Lee", "Uncle Bob"): part
// of the name as written, never a name alone.
constexpr std::string_view kTitles[] = {"mr",  "mrs",  "ms",  "miss", "dr",     "prof", "professor",
                                        "sir", "dame", "rev", "aunt", "auntie", "uncle"};

// Lower-case words inside a name: "Vincent van Gogh", "Luis de la Cruz".
constexpr std::string_view kParticles[] = {"da", "de", "del", "der", "di",
                                           "du", "la", "le",  "van", "von"};

bool IsNameByte(char c) { return IsAsciiLetter(c) || static_cast<unsigned char>(c) >= 0x80; }

// The end of the word at `pos`: letters, and ' or - between letters
// ("O'Brien", "Keith-Magee").
size_t WordEnd(std::string_view text, size_t pos) {
  size_t end = pos;
  while (end < text.size()) {
    if (IsNameByte(text[end])) {
      ++end;
    } else if ((text[end] == '-' || text[end] == '\'') && end + 1 < text.size() &&
               IsNameByte(text[end + 1]) &&
               !(text[end] == '\'' && text[end + 1] == 's' &&
                 (end + 2 >= text.size() || !IsNameByte(text[end + 2])))) {
      ++end;
    } else {
      break;
    }
  }
  return end;
}

bool InList(std::string_view word, std::span<const std::string_view> list) {
  return std::any_of(list.begin(), list.end(),
                     [&](std::string_view w) { return EqualsIgnoreCase(word, w); });
}

// "GitHub", "JavaScript", "iPhone": a capital inside a word names a
// product or a company far more often than a person; "McDonald",
// "O'Brien", "Keith-Magee", "DeShawn" and "LaToya" are the exceptions.
bool HasInnerCapital(std::string_view word) {
  static constexpr std::string_view kPrefixes[] = {"Mc", "Mac", "O'", "D'", "De", "Di", "La", "Le"};
  for (size_t i = 1; i < word.size(); ++i) {
    if (!IsAsciiUpper(word[i]) || word[i - 1] == '-') continue;
    std::string_view before = word.substr(0, i);
    if (std::find(std::begin(kPrefixes), std::end(kPrefixes), before) == std::end(kPrefixes)) {
      return true;
    }
  }
  return false;
}

// "You've", "They'll": a contraction of a word that is no name.
bool IsNotAName(std::string_view word) {
  static const std::unordered_set<std::string_view> kWords(std::begin(kNotNames),
                                                           std::end(kNotNames));
  const std::string lower = ToLowerAscii(word);
  if (kWords.count(lower) > 0) return true;
  const size_t apostrophe = lower.find('\'');
  return apostrophe != std::string::npos &&
         kWords.count(std::string_view(lower).substr(0, apostrophe)) > 0;
}

// A word that can be part of a name: capitalised, then not all capitals
// ("NYC", "DC" are places), and not a common word.
bool IsNameWord(std::string_view word) {
  if (word.size() < 2 || !IsAsciiUpper(word[0])) return false;
  bool lower = std::any_of(word.begin() + 1, word.end(),
                           [](char c) { return !IsAsciiUpper(c) && c != '-' && c != '\''; });
  return lower && !HasInnerCapital(word) && !IsNotAName(word);
}

bool StartsWord(std::string_view text, size_t pos) {
  return pos == 0 || !(IsNameByte(text[pos - 1]) || IsAsciiDigit(text[pos - 1]) ||
                       text[pos - 1] == '@' || text[pos - 1] == '_' || text[pos - 1] == '/');
}

// "Orkut.com", "Example.org": a site.
bool IsDomain(std::string_view text, size_t end) {
  return end + 1 < text.size() && text[end] == '.' && text[end + 1] >= 'a' && text[end + 1] <= 'z';
}

// "the Crown", "a Bond film", "the Bond we met": a thing or a character.
bool AfterArticle(std::string_view text, size_t pos) {
  size_t end = pos;
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t begin = end;
  while (begin > 0 && IsAsciiLetter(text[begin - 1])) --begin;
  std::string_view word = text.substr(begin, end - begin);
  return end < pos && (EqualsIgnoreCase(word, "the") || EqualsIgnoreCase(word, "a") ||
                       EqualsIgnoreCase(word, "an") || EqualsIgnoreCase(word, "this") ||
                       EqualsIgnoreCase(word, "that"));
}

// After a title at `pos` ("Mrs. ", "Dr "): where the name it opens starts,
// or `pos` when there is no title or no name after it.
size_t AfterTitle(std::string_view text, size_t pos) {
  size_t end = WordEnd(text, pos);
  if (!InList(text.substr(pos, end - pos), kTitles)) return pos;
  if (end < text.size() && text[end] == '.') ++end;
  if (end >= text.size() || text[end] != ' ') return pos;
  size_t next = end + 1;
  return IsNameWord(text.substr(next, WordEnd(text, next) - next)) ? next : pos;
}

bool Overlaps(const std::vector<PartyMention>& found, Span span) {
  return std::any_of(found.begin(), found.end(),
                     [&](const PartyMention& m) { return m.span.Overlaps(span); });
}

}  // namespace

void FindCapitalisedNames(const FoldedText& folded, std::string_view original,
                          std::vector<PartyMention>& out) {
  std::string_view text = folded.text;
  for (size_t pos = 0; pos < text.size();) {
    if (!IsAsciiUpper(text[pos]) || !StartsWord(text, pos)) {
      ++pos;
      continue;
    }
    size_t first = AfterTitle(text, pos);
    size_t end = WordEnd(text, first);
    if (!IsNameWord(text.substr(first, end - first))) {
      pos = std::max(end, pos + 1);
      continue;
    }
    // Further words, one space apart, with particles between them.
    Span name{pos, end};
    for (int words = 1; words < 4;) {
      size_t next = name.end;
      if (next >= text.size() || text[next] != ' ') break;
      ++next;
      size_t word_end = WordEnd(text, next);
      std::string_view word = text.substr(next, word_end - next);
      if (InList(word, kParticles)) {
        size_t after = word_end + 1;
        if (word_end < text.size() && text[word_end] == ' ' && after < text.size() &&
            IsNameWord(text.substr(after, WordEnd(text, after) - after))) {
          name.end = WordEnd(text, after);
          ++words;
          continue;
        }
        break;
      }
      if (!IsNameWord(word)) break;
      name.end = word_end;
      ++words;
    }
    pos = name.end;
    bool whole = name.end >= text.size() || !IsAsciiDigit(text[name.end]);
    bool verb = name.end == end && first == name.begin &&
                IsPastVerb(text.substr(name.begin, end - name.begin));
    if (!whole || verb || AfterArticle(text, name.begin) || IsDomain(text, name.end) ||
        Overlaps(out, name)) {
      continue;
    }
    PartyMention mention{name, {Party::Kind::kName, std::string(folded.Original(original, name))}};
    mention.by_capitals = true;
    out.push_back(std::move(mention));
  }
}

}  // namespace linkgraph::graph
