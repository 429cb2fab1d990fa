#include "tests/support/sentence_scoring.h"

#include <stdexcept>

#include "common/ascii.h"
#include "tests/support/table_file.h"

namespace linkgraph::testing {
namespace {

using graph::InteractionKind;

enum Column { kSource, kWhere, kWriter, kAddressee, kText, kExpected, kColumns };

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

InteractionKind ParseKind(std::string_view kind, size_t line) {
  for (InteractionKind k :
       {InteractionKind::kMet, InteractionKind::kSpoke, InteractionKind::kPlansToMeet}) {
    if (kind == graph::ToString(k)) return k;
  }
  throw std::runtime_error("line " + std::to_string(line) + ": unknown kind '" + std::string(kind) +
                           "'");
}

std::vector<EdgeLabel> ParseEdges(std::string_view column, size_t line) {
  std::vector<EdgeLabel> edges;
  column = TrimSpaces(column);
  if (column == "-" || column.empty()) return edges;
  for (size_t start = 0; start <= column.size();) {
    size_t end = column.find(';', start);
    if (end == std::string_view::npos) end = column.size();
    std::string_view edge = TrimSpaces(column.substr(start, end - start));
    size_t bar = edge.find('|');
    if (bar == std::string_view::npos) {
      throw std::runtime_error("line " + std::to_string(line) + ": edge without '|'");
    }
    edges.push_back(
        {ParseKind(edge.substr(0, bar), line), std::string(TrimSpaces(edge.substr(bar + 1)))});
    start = end + 1;
  }
  return edges;
}

std::string OtherOf(const graph::Interaction& found) {
  switch (found.other.kind) {
    case graph::Party::Kind::kHandle:
      return "@" + found.other.value;
    case graph::Party::Kind::kYou:
      return "you";
    case graph::Party::Kind::kName:
      return found.other.value;
  }
  return "?";
}

std::string Normalised(std::string_view person) {
  person = TrimSpaces(person);
  if (!person.empty() && person.front() == '@') person.remove_prefix(1);
  return ToLowerAscii(person);
}

// "dana" names "dana smith": a name may give only the first words.
bool SamePerson(std::string_view found, std::string_view expected) {
  std::string a = Normalised(found);
  std::string b = Normalised(expected);
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  return longer.compare(0, shorter.size(), shorter) == 0 && longer[shorter.size()] == ' ';
}

// "Alan and Chummy", "Sinan, Tatiana": the people an addressee column names.
std::vector<std::string> AddresseesOf(std::string_view addressee) {
  std::vector<std::string> people;
  std::string all(addressee);
  for (std::string_view separator : {" and ", " & ", ", "}) {
    for (size_t at = all.find(separator); at != std::string::npos; at = all.find(separator)) {
      all.replace(at, separator.size(), "\t");
    }
  }
  for (size_t start = 0; start <= all.size();) {
    size_t end = all.find('\t', start);
    if (end == std::string::npos) end = all.size();
    std::string_view one = TrimSpaces(std::string_view(all).substr(start, end - start));
    if (!one.empty() && one != "-") people.emplace_back(one);
    start = end + 1;
  }
  return people;
}

// "you" is the addressee: a reading that names them ("Good seeing you,
// Joel") is right where the label says "you", and the other way round.
bool SameOther(std::string_view found, std::string_view expected, std::string_view addressee) {
  if (SamePerson(found, expected)) return true;
  const bool found_you = EqualsIgnoreCase(found, "you");
  const bool expected_you = EqualsIgnoreCase(expected, "you");
  if (found_you == expected_you) return false;
  std::string_view named = found_you ? expected : found;
  for (const std::string& person : AddresseesOf(addressee)) {
    if (SamePerson(named, person)) return true;
  }
  return false;
}

}  // namespace

std::vector<LabelledSentence> ReadLabelledSentences(const std::filesystem::path& path) {
  std::vector<LabelledSentence> sentences;
  for (const TableRow& row : ReadTableRows(path)) {
    if (row.columns.size() < kColumns) {
      throw std::runtime_error(path.filename().string() + " line " + std::to_string(row.line) +
                               ": " + std::to_string(row.columns.size()) + " columns, want " +
                               std::to_string(kColumns) + " or more");
    }
    LabelledSentence s;
    s.line = row.line;
    s.source = row.columns[kSource];
    s.in_comment = row.columns[kWhere] == "comment";
    s.writer = row.columns[kWriter];
    s.addressee = row.columns[kAddressee];
    s.text = UnescapeLineBreaks(row.columns[kText]);
    s.expected = ParseEdges(row.columns[kExpected], row.line);
    sentences.push_back(std::move(s));
  }
  return sentences;
}

std::string Describe(const std::vector<EdgeLabel>& edges) {
  if (edges.empty()) return "-";
  std::string out;
  for (const EdgeLabel& edge : edges) {
    if (!out.empty()) out += " ; ";
    out += std::string(graph::ToString(edge.kind)) + "|" + edge.other;
  }
  return out;
}

SentenceScore ScoreSentence(const LabelledSentence& sentence) {
  graph::TextContext context;
  context.in_comment = sentence.in_comment;
  SentenceScore score;
  for (const graph::Interaction& found : graph::FindInteractions(sentence.text, context)) {
    score.found.push_back({found.kind, OtherOf(found)});
  }
  score.expected_found.assign(sentence.expected.size(), false);
  for (const EdgeLabel& found : score.found) {
    bool right = false;
    for (size_t e = 0; e < sentence.expected.size() && !right; ++e) {
      const EdgeLabel& expected = sentence.expected[e];
      if (score.expected_found[e] || expected.kind != found.kind) continue;
      if (!SameOther(found.other, expected.other, sentence.addressee)) continue;
      score.expected_found[e] = right = true;
    }
    score.found_right.push_back(right);
  }
  return score;
}

void SentenceTally::Add(const LabelledSentence& sentence, const SentenceScore& score) {
  ++sentences;
  if (!sentence.expected.empty()) ++stating;
  for (size_t e = 0; e < sentence.expected.size(); ++e) {
    Counts& kind = by_kind[static_cast<size_t>(sentence.expected[e].kind)];
    ++all.expected;
    ++kind.expected;
    if (score.expected_found[e]) {
      ++all.right;
      ++kind.right;
    }
  }
  for (const EdgeLabel& found : score.found) {
    ++all.found;
    ++by_kind[static_cast<size_t>(found.kind)].found;
  }
}

}  // namespace linkgraph::testing
