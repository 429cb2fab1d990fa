// Private to graph/: what reading one text for meetings found, kept in the
// store (store::TextRead) so that a derivation after a crawl reads again
// only the texts that changed. A reading depends on the text, its date and
// whether it is a comment (the fingerprint), the rules (their version is in
// the fingerprint) and the rest of the graph only through where the known
// names fall in it: a kept reading holds while all of these are as they were.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/interactions.h"
#include "store/store.h"

namespace linkgraph::graph {

struct TextReading {
  std::string language;    // TextLanguage
  bool may_state = false;  // the rules read its language and it has a word they start from
  // Where the known names fall in the folded text (KnownNames::FindIn), when
  // may_state: all FindInteractions takes from the rest of the graph.
  std::vector<std::pair<size_t, size_t>> known_name_spans;
  // KnownNames::Fingerprint of the names the spans were found with: while
  // the names are the same, the spans are too, and need not be looked for.
  std::string known_names;
  std::vector<Interaction> found;
};

// Reads a text as a derivation does: its language, and FindInteractions
// when the rules read that language.
TextReading ReadText(std::string_view text, const TextContext& context);

// Of everything a reading depends on but the known names.
std::string ReadingFingerprint(std::string_view text, const TextContext& context);

// The kept reading when it still holds for this text and these known names.
std::optional<TextReading> ReuseReading(const store::TextRead& kept, std::string_view fingerprint,
                                        std::string_view text, const KnownNames& known_names);

std::string EncodeReading(const TextReading& reading);
// nullopt for a payload this code did not write (the reading is redone).
std::optional<TextReading> DecodeReading(std::string_view payload);

}  // namespace linkgraph::graph
