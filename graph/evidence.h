// Private to graph/: the words an edge quotes as its evidence.
#pragma once

#include <string>
#include <string_view>

namespace linkgraph::graph {

// The sentence of text that contains needle (ASCII case-insensitive), or ""
// when it is not there.
std::string SentenceWith(std::string_view text, std::string_view needle);

// The text's first sentence.
std::string FirstSentence(std::string_view text);

// At most 300 bytes, cut at a UTF-8 boundary with "…" appended.
std::string ShortenEvidence(std::string_view evidence);

// "Twitted by MervynDinnen" -> "MervynDinnen": the title Twitoaster and its
// kind gave the trackbacks they sent for a tweet; "" for any other title.
std::string TwittedBy(std::string_view title);

}  // namespace linkgraph::graph
