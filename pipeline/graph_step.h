// Private to pipeline/: the graph step after a crawl or an import saved
// pages. The pages stay saved whatever the graph does, so a failure is kept
// beside the result rather than returned in its place.
#pragma once

#include <malloc.h>

#include "pipeline/pipeline.h"
#include "store/store.h"

namespace linkgraph::pipeline {

// Sets result->graph from UpdateGraph(store, result->saved), or
// result->graph_error when it failed (ImportResult, CrawlResult).
template <typename SavedResult>
void UpdateGraphOf(store::Store& store, SavedResult* result) {
  // What the crawl's or import's threads freed stays in their arenas;
  // handed back, the derivation's peak is not added on top of it.
  malloc_trim(0);
  Result<GraphUpdate> graph = UpdateGraph(store, result->saved);
  if (graph) {
    result->graph = *graph;
  } else {
    result->graph_error = graph.error();
  }
}

}  // namespace linkgraph::pipeline
