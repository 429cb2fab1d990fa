// A synthetic people graph for benchmarks (and tests that want a big one):
// N people and M edges of all seven kinds with a skewed, Zipf-like degree
// distribution, built deterministically from a seed. Pure: no store, no
// files; the caller owns the snapshot. Thread-compatible.
#pragma once

#include <cstdint>
#include <string>

#include "store/store.h"

namespace linkgraph::bench {

struct SyntheticGraphOptions {
  long long people = 100000;  // Default: 100,000
  long long edges = 1000000;  // Default: 1,000,000
  // Default: fixed, so every run builds the same graph byte for byte (the
  // generator uses only std::mt19937_64 and its own integer arithmetic, no
  // std:: distributions, whose output differs between standard libraries).
  uint64_t seed = 0x6c696e6b67726170;
  // People whose "First Last" is also held by one or two others, so a name
  // lookup can be ambiguous. Default: 0.03
  double shared_name_fraction = 0.03;
  // People with a blog ("https://user00042.blog.example/"). Default: 0.3
  double site_fraction = 0.3;
  // Share of edge endpoints drawn from the Zipf-like popularity (the rest are
  // uniform), and that popularity's exponent and rank offset: weight of the
  // person of popularity rank r is 1 / (r + offset)^exponent. At the default
  // size they give ten hubs with 8,000 to 15,000 edges each, about 120
  // people with over 1,000, and a median of 12. Defaults: 0.5, 1.1, 10
  double popular_share = 0.5;
  double zipf_exponent = 1.1;
  double zipf_offset = 10;
};

// People get ids 1..N in order, key "handle:user00041" for id 42 (at least
// five digits), name "First Last", identities handle, name and (for some)
// site, each with a reason. Edge kinds in the proportions mentioned 40%,
// commented 25%, replied 15%, linked 10%, met 5%, spoke 3%, plans_to_meet 2%,
// with dates, details, events, time phrases, evidence and source URLs. No
// authorship rows. rules_version is graph::kRulesVersion, so the CLI does not
// call the graph stale.
store::GraphSnapshot MakeSyntheticGraph(const SyntheticGraphOptions& options = {});

// "user00041": the handle of the person with this id (1-based) in a graph of
// that many people. WHO for a report is "@" + SyntheticHandle(...).
std::string SyntheticHandle(long long id, long long people);

}  // namespace linkgraph::bench
