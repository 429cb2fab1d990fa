// The relationship graph: people (one node however they appear: a handle, a
// name, a display name carrying a handle, an author URL, a blog) and the
// edges between them (mentioned, commented, replied, linked, spoke, met,
// plans_to_meet), each with its date, evidence and source. Derived from what
// the store holds and kept in the store, so a change of rules re-derives it
// without touching anything crawled. Sits between store/ and reports/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/identity_text.h"  // NormaliseHandle, NormaliseName, NormaliseUrl
#include "common/result.h"
#include "store/store.h"

namespace linkgraph::graph {

// Changes whenever identity or interaction rules change, so a store derived
// by older rules can say so.
inline constexpr std::string_view kRulesVersion = "4";

inline constexpr std::string_view kEdgeKinds[] = {
    "mentioned", "commented", "replied", "linked", "spoke", "met", "plans_to_meet"};
// The kinds that mean two people know each other offline or by voice.
inline constexpr std::string_view kAcquaintanceKinds[] = {"met", "spoke"};

// Whether a derivation takes the meetings a text stated from its kept
// reading (store::TextRead) when that still holds for the text.
enum class TextReuse {
  kReadEveryText,   // a rebuild: every text is read again (and its reading kept)
  kReuseUnchanged,  // after a crawl: only texts that changed are read
};

struct GraphInputs {
  std::vector<store::StoredPost> posts;
  std::vector<store::StoredComment> comments;
  std::vector<store::StoredTrackback> trackbacks;
  std::vector<store::StoredMention> mentions;
  // Readings kept from earlier derivations (Store::TextReads).
  std::vector<store::TextRead> kept_readings;
  TextReuse reuse = TextReuse::kReadEveryText;  // Default: read every text
};

// A derivation, and the readings of texts for the store to keep.
struct GraphBuild {
  store::GraphSnapshot snapshot;
  std::vector<store::TextRead> new_readings;  // new or changed since the kept ones
  std::vector<std::string> gone_readings;     // source URLs of kept readings of no text now
  long long texts_read = 0;                   // not taken from a kept reading
};

// Pure: people, edges and authorship from the extracted data. Deterministic:
// the same inputs give the same snapshot, people ordered by key, whatever
// readings were kept (a kept reading is used only where reading the text
// again would give the same).
GraphBuild BuildGraphKeepingReadings(const GraphInputs& inputs);
store::GraphSnapshot BuildGraph(const GraphInputs& inputs);

struct RebuildSummary {
  long long people = 0;
  long long edges = 0;
  long long texts_read = 0;  // texts read for meetings (not taken from a kept reading)
};

// Derives the graph from everything extracted and replaces the stored one
// in one transaction. Reads the store in several passes and holds the
// people, but no more than a batch of texts or edges at a time; the
// readings of texts read are kept as it goes.
Result<RebuildSummary> RebuildGraph(store::Store& store,
                                    TextReuse reuse = TextReuse::kReadEveryText);

// The language of a text as far as the meeting rules care: "en", another
// ISO 639-1 code its most common words give ("de", "fr", "es", "it", "pt",
// "nl", "sv", "da", "id"), or "" when it is too short to tell.
std::string_view TextLanguage(std::string_view text);
// Whether the met, spoke and plans_to_meet rules read texts in `language`
// (English, and texts too short to tell).
bool MeetingRulesRead(std::string_view language);

// Where a comment stands: its permalink, else its post's URL and "#" and
// its id. Edges read from the comment name it as their source_url.
std::string PermalinkOf(const store::StoredComment& comment);

// The people WHO names: a handle ("@LaraNewman"), a name ("Margo Rose",
// any case), a URL or site ("davemartin.example"), or "#12" for a person id.
Result<std::vector<long long>> FindPeople(store::GraphStore& store, std::string_view who);
// Exactly one person: kNotFound when none, kInvalidArgument listing the
// candidates when WHO is ambiguous.
Result<store::StoredPerson> ResolvePerson(store::GraphStore& store, std::string_view who);

// A shortest chain of edges from one person to another over edges of the
// given kinds (all when empty), in either direction, each hop one edge (the
// strongest of its pair: met, spoke, plans_to_meet, replied, commented,
// mentioned, linked; then the earliest). Empty when they are not connected
// within max_hops. Reads only the neighbourhoods it visits (bidirectional search).
Result<std::vector<store::StoredEdge>> ShortestPath(store::GraphStore& store, long long from,
                                                    long long to,
                                                    const std::vector<std::string>& kinds = {},
                                                    int max_hops = 6);

}  // namespace linkgraph::graph
