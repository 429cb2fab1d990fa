#include "graph/evidence.h"

#include <algorithm>

#include "common/ascii.h"
#include "common/handles.h"

namespace linkgraph::graph {
namespace {

constexpr size_t kMaxEvidence = 300;

bool EndsSentence(std::string_view text, size_t i) {
  const char c = text[i];
  if (c == '\n') return true;
  if (c != '.' && c != '!' && c != '?') return false;
  // "example.com" or "3.5" is not an end: a sentence end is followed by a
  // space or the end of the text.
  return i + 1 == text.size() || IsAsciiSpace(text[i + 1]);
}

std::string_view SentenceAt(std::string_view text, size_t position) {
  size_t start = position;
  while (start > 0 && !EndsSentence(text, start - 1)) --start;
  size_t end = position;
  while (end < text.size() && !EndsSentence(text, end)) ++end;
  if (end < text.size() && text[end] != '\n') ++end;  // keep the stop
  return TrimAscii(text.substr(start, end - start));
}

}  // namespace

std::string SentenceWith(std::string_view text, std::string_view needle) {
  if (needle.empty()) return "";
  // Searched in place: this runs once per mention, often on one long text.
  // A needle that starts with what has no case ("@handle") jumps from one
  // such byte to the next (memchr) instead of comparing at every byte.
  if (!IsAsciiLetter(needle.front())) {
    for (size_t at = text.find(needle.front()); at != std::string_view::npos;
         at = text.find(needle.front(), at + 1)) {
      if (EqualsIgnoreCase(text.substr(at, needle.size()), needle)) {
        return std::string(SentenceAt(text, at));
      }
    }
    return "";
  }
  const auto found = std::search(text.begin(), text.end(), needle.begin(), needle.end(),
                                 [](char a, char b) { return ToLowerAscii(a) == ToLowerAscii(b); });
  if (found == text.end()) return "";
  return std::string(SentenceAt(text, static_cast<size_t>(found - text.begin())));
}

std::string FirstSentence(std::string_view text) {
  text = TrimAscii(text);
  if (text.empty()) return "";
  return std::string(SentenceAt(text, 0));
}

std::string ShortenEvidence(std::string_view evidence) {
  if (evidence.size() <= kMaxEvidence) return std::string(evidence);
  size_t cut = kMaxEvidence;
  // Back up over UTF-8 continuation bytes (10xxxxxx).
  while (cut > 0 && (static_cast<unsigned char>(evidence[cut]) & 0xC0) == 0x80) --cut;
  return std::string(TrimAscii(evidence.substr(0, cut))) + "\u2026";
}

std::string TwittedBy(std::string_view title) {
  constexpr std::string_view kPrefix = "twitted by ";
  title = TrimAscii(title);
  if (!StartsWithIgnoreCase(title, kPrefix)) return "";
  std::string_view handle = title.substr(kPrefix.size());
  if (!handle.empty() && handle.front() == '@') handle.remove_prefix(1);
  return IsHandle(handle) ? std::string(handle) : "";
}

}  // namespace linkgraph::graph
