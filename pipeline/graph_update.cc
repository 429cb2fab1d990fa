// The graph kept current after a save (pipeline.h).
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <thread>

#include "graph/graph.h"
#include "pipeline/pipeline.h"

namespace linkgraph::pipeline {
namespace {

// Test-only, documented in pipeline.h: holds a derivation at its start.
void HoldIfTestAsks() {
  const char* marker = std::getenv(kTestHoldBeforeGraphEnv);
  if (marker == nullptr || *marker == '\0') return;
  std::ofstream(marker) << getpid() << '\n';
  std::this_thread::sleep_for(kTestHoldSeconds);
}

}  // namespace

Result<GraphUpdate> DeriveGraph(store::Store& store, graph::TextReuse reuse) {
  HoldIfTestAsks();
  Result<graph::RebuildSummary> rebuilt = graph::RebuildGraph(store, reuse);
  if (!rebuilt) return rebuilt.error();
  return GraphUpdate{.derived = true,
                     .people = rebuilt->people,
                     .edges = rebuilt->edges,
                     .texts_read = rebuilt->texts_read};
}

Result<GraphUpdate> UpdateGraph(store::Store& store, const store::SaveOutcome& saved) {
  const bool pages_changed = saved.pages_new + saved.pages_changed > 0;
  Result<GraphStaleness> staleness = StalenessOf(store);
  if (!pages_changed && staleness && *staleness == GraphStaleness::kCurrent) return GraphUpdate{};
  return DeriveGraph(store, graph::TextReuse::kReuseUnchanged);
}

Result<GraphStaleness> StalenessOf(store::Store& store) {
  Result<store::GraphState> state = store.Graph();
  if (!state) return state.error();
  if (!state->built) return GraphStaleness::kNotBuilt;
  if (state->rules_version != graph::kRulesVersion) return GraphStaleness::kOtherRules;
  if (state->stale) return GraphStaleness::kOlderThanPages;
  return GraphStaleness::kCurrent;
}

}  // namespace linkgraph::pipeline
