// Private to pipeline/: the graph step after a crawl or an import saved
// pages. The pages stay saved whatever the graph does, so a failure is kept
// beside the result rather than returned in its place.
#pragma once

#include "pipeline/pipeline.h"
#include "store/store.h"

namespace linkgraph::pipeline {

// Sets result->graph from UpdateGraph(store, result->saved), or
// result->graph_error when it failed (ImportResult, CrawlResult).
template <typename SavedResult>
void UpdateGraphOf(store::Store& store, SavedResult* result) {
  Result<GraphUpdate> graph = UpdateGraph(store, result->saved);
  if (graph) {
    result->graph = *graph;
  } else {
    result->graph_error = graph.error();
  }
}

}  // namespace linkgraph::pipeline
