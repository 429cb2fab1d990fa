// Private to graph/: a derivation reads what was extracted from a source,
// as many times as it needs, and hands what it derived to a sink a batch
// at a time, so that it holds the people but never every text or edge.
// The store is one source and sink (RebuildGraph); plain vectors are the
// other (BuildGraph, for tests and tools).
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "graph/graph.h"
#include "store/store.h"

namespace linkgraph::graph {

// Reads in the store's orders (store::Store says which).
class GraphSource {
 public:
  virtual ~GraphSource() = default;
  virtual Status EachPost(const store::RowVisitor<store::StoredPost>& visit) = 0;
  virtual Status EachComment(const store::RowVisitor<store::StoredComment>& visit) = 0;
  virtual Status EachTrackback(const store::RowVisitor<store::StoredTrackback>& visit) = 0;
  virtual Status EachMention(const store::RowVisitor<store::StoredMention>& visit) = 0;
  virtual Status EachThread(const store::RowVisitor<store::StoredThread>& visit) = 0;
  virtual Status EachTextRead(const store::RowVisitor<store::TextRead>& visit) = 0;
};

// What a derivation gives, in this order: readings to keep (any number of
// calls, while texts are read), then the people once, then edges and
// authors in batches naming people by position as a GraphSnapshot does.
class GraphSink {
 public:
  virtual ~GraphSink() = default;
  virtual Status KeepReadings(const std::vector<store::TextRead>& fresh,
                              const std::vector<std::string>& gone) = 0;
  // snapshot: people (in key order), rules version, unread languages; no
  // edges or authors.
  virtual Status BeginGraph(const store::GraphSnapshot& snapshot) = 0;
  virtual Status AddEdges(const std::vector<store::StoredEdge>& edges) = 0;
  virtual Status AddAuthors(const std::vector<store::Authorship>& authors) = 0;
};

struct DerivationTotals {
  long long people = 0;
  long long edges = 0;
  long long texts_read = 0;  // not taken from a kept reading
};

// Derives the graph of what source holds into sink.
Result<DerivationTotals> Derive(GraphSource& source, GraphSink& sink, TextReuse reuse);

}  // namespace linkgraph::graph
