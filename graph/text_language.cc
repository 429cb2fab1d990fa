// The language of a text as far as the meeting rules care, from its most
// common words: enough to tell that a German or French comment was not
// read for meetings, not a general language identifier.
#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "common/ascii.h"
#include "graph/graph.h"

namespace linkgraph::graph {
namespace {

struct LanguageWords {
  std::string_view code;
  std::array<std::string_view, 16> words;  // its most frequent short words
};

constexpr std::array kLanguages = {
    LanguageWords{"en",
                  {"the", "and", "to", "of", "is", "was", "it", "you", "that", "with", "for",
                   "this", "have", "are", "but", "not"}},
    LanguageWords{"de",
                  {"und", "der", "die", "das", "ist", "nicht", "ich", "mit", "ein", "eine", "auch",
                   "sich", "den", "auf", "wir", "es"}},
    LanguageWords{"fr",
                  {"le", "la", "les", "et", "est", "une", "des", "pas", "je", "que", "pour", "dans",
                   "du", "avec", "nous", "sur"}},
    LanguageWords{"es",
                  {"el", "los", "las", "y", "es", "una", "que", "por", "con", "para", "del", "pero",
                   "muy", "como", "lo", "se"}},
    LanguageWords{"it",
                  {"il", "di", "che", "non", "una", "per", "sono", "della", "anche", "gli", "ho",
                   "questo", "ma", "con", "mi", "molto"}},
    LanguageWords{"pt",
                  {"o", "os", "da", "do", "em", "um", "uma", "que", "com", "para", "não", "muito",
                   "mas", "como", "isso", "eu"}},
    LanguageWords{"nl",
                  {"de", "het", "een", "en", "van", "niet", "dat", "ik", "zijn", "op", "met",
                   "voor", "ook", "maar", "wel", "heb"}},
    LanguageWords{"sv",
                  {"och", "att", "det", "som", "en", "på", "är", "för", "med", "jag", "inte", "har",
                   "av", "till", "var", "vi"}},
    LanguageWords{"da",
                  {"og", "at", "det", "er", "en", "af", "til", "på", "med", "jeg", "ikke", "har",
                   "der", "som", "for", "vi"}},
    LanguageWords{"id",
                  {"yang", "dan", "di", "ini", "itu", "dengan", "untuk", "tidak", "dari", "saya",
                   "ada", "akan", "juga", "ke", "kita", "bisa"}},
};

// A text with fewer common words than this says too little to tell.
constexpr int kEnoughWords = 6;

bool IsLetterOrUtf8Byte(char c) {
  return IsAsciiLetter(c) || static_cast<unsigned char>(c) >= 0x80;
}

// Each common word and the languages it is common in, one bit each: one
// lookup a word.
const std::unordered_map<std::string_view, uint32_t>& WordLanguages() {
  static const std::unordered_map<std::string_view, uint32_t> words = [] {
    std::unordered_map<std::string_view, uint32_t> all;
    for (size_t l = 0; l < kLanguages.size(); ++l) {
      for (std::string_view word : kLanguages[l].words) all[word] |= 1u << l;
    }
    return all;
  }();
  return words;
}

}  // namespace

std::string_view TextLanguage(std::string_view text) {
  std::array<int, kLanguages.size()> hits{};
  int total = 0;
  for (size_t pos = 0; pos < text.size();) {
    if (!IsLetterOrUtf8Byte(text[pos])) {
      ++pos;
      continue;
    }
    size_t end = pos;
    while (end < text.size() && IsLetterOrUtf8Byte(text[end])) ++end;
    const size_t length = end - pos;
    if (length > 7) {
      pos = end;
      continue;
    }
    char lower[8];
    for (size_t i = 0; i < length; ++i) lower[i] = ToLowerAscii(text[pos + i]);
    const std::string_view word(lower, length);
    pos = end;
    auto found = WordLanguages().find(word);
    if (found == WordLanguages().end()) continue;
    for (size_t l = 0; l < kLanguages.size(); ++l) {
      if (found->second & (1u << l)) ++hits[l];
    }
    ++total;
  }
  if (total < kEnoughWords) return "";
  size_t best = 0;
  for (size_t l = 1; l < kLanguages.size(); ++l) {
    if (hits[l] > hits[best]) best = l;
  }
  // A text mostly in English with a foreign phrase stays English.
  if (best != 0 && hits[best] < hits[0] * 3 / 2 + 2) return "en";
  return kLanguages[best].code;
}

bool MeetingRulesRead(std::string_view language) { return language.empty() || language == "en"; }

}  // namespace linkgraph::graph
