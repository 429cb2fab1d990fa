// The sources and sinks of a derivation (derivation.h): the store, and plain
// vectors for BuildGraph.
#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/derivation.h"
#include "graph/graph.h"

namespace linkgraph::graph {
namespace {

// Visits a copy of each row, as the store hands out rows a visitor may take.
template <typename Row>
Status EachCopy(const std::vector<Row>& rows, const store::RowVisitor<Row>& visit) {
  for (const Row& row : rows) {
    Row copy = row;
    if (Status visited = visit(copy); !visited) return visited;
  }
  return {};
}

class InputsSource final : public GraphSource {
 public:
  explicit InputsSource(const GraphInputs& inputs) : inputs_(inputs) {}

  Status EachPost(const store::RowVisitor<store::StoredPost>& visit) override {
    return EachCopy(inputs_.posts, visit);
  }
  Status EachComment(const store::RowVisitor<store::StoredComment>& visit) override {
    return EachCopy(inputs_.comments, visit);
  }
  Status EachTrackback(const store::RowVisitor<store::StoredTrackback>& visit) override {
    return EachCopy(inputs_.trackbacks, visit);
  }
  Status EachMention(const store::RowVisitor<store::StoredMention>& visit) override {
    return EachCopy(inputs_.mentions, visit);
  }
  Status EachTextRead(const store::RowVisitor<store::TextRead>& visit) override {
    return EachCopy(inputs_.kept_readings, visit);
  }
  // A post's rows in the order given; rows of no given post are in no thread.
  Status EachThread(const store::RowVisitor<store::StoredThread>& visit) override {
    std::unordered_map<std::string, store::StoredThread> threads;
    for (const store::StoredPost& post : inputs_.posts) threads[post.post.url].post = post;
    auto add = [&](const auto& rows, auto member) {
      for (const auto& row : rows) {
        auto thread = threads.find(row.post_url);
        if (thread != threads.end()) (thread->second.*member).push_back(row);
      }
    };
    add(inputs_.comments, &store::StoredThread::comments);
    add(inputs_.trackbacks, &store::StoredThread::trackbacks);
    add(inputs_.mentions, &store::StoredThread::mentions);
    std::set<std::string> visited;
    for (const store::StoredPost& post : inputs_.posts) {
      if (!visited.insert(post.post.url).second) continue;
      if (Status s = visit(threads[post.post.url]); !s) return s;
    }
    return {};
  }

 private:
  const GraphInputs& inputs_;
};

// Collects a derivation as BuildGraph gives it: edges sorted, one author per text.
class SnapshotSink final : public GraphSink {
 public:
  Status KeepReadings(const std::vector<store::TextRead>& fresh,
                      const std::vector<std::string>& gone) override {
    build_.new_readings.insert(build_.new_readings.end(), fresh.begin(), fresh.end());
    build_.gone_readings.insert(build_.gone_readings.end(), gone.begin(), gone.end());
    return {};
  }
  Status BeginGraph(const store::GraphSnapshot& snapshot) override {
    build_.snapshot = snapshot;
    return {};
  }
  Status AddEdges(const std::vector<store::StoredEdge>& edges) override {
    build_.snapshot.edges.insert(build_.snapshot.edges.end(), edges.begin(), edges.end());
    return {};
  }
  Status AddAuthors(const std::vector<store::Authorship>& authors) override {
    for (const store::Authorship& author : authors) authors_.emplace(author.source_url, author);
    return {};
  }

  GraphBuild Take(long long texts_read) {
    std::stable_sort(build_.snapshot.edges.begin(), build_.snapshot.edges.end(),
                     [](const store::StoredEdge& a, const store::StoredEdge& b) {
                       return std::tie(a.from, a.to, a.kind, a.date, a.source_url) <
                              std::tie(b.from, b.to, b.kind, b.date, b.source_url);
                     });
    for (auto& [url, author] : authors_) build_.snapshot.authors.push_back(std::move(author));
    build_.texts_read = texts_read;
    return std::move(build_);
  }

 private:
  GraphBuild build_;
  std::map<std::string, store::Authorship> authors_;  // the first given for each text
};

class StoreSource final : public GraphSource {
 public:
  explicit StoreSource(store::Store& store) : store_(store) {}
  Status EachPost(const store::RowVisitor<store::StoredPost>& visit) override {
    return store_.EachPost(visit);
  }
  Status EachComment(const store::RowVisitor<store::StoredComment>& visit) override {
    return store_.EachComment(visit);
  }
  Status EachTrackback(const store::RowVisitor<store::StoredTrackback>& visit) override {
    return store_.EachTrackback(visit);
  }
  Status EachMention(const store::RowVisitor<store::StoredMention>& visit) override {
    return store_.EachMention(visit);
  }
  Status EachThread(const store::RowVisitor<store::StoredThread>& visit) override {
    return store_.EachThread(visit);
  }
  Status EachTextRead(const store::RowVisitor<store::TextRead>& visit) override {
    return store_.EachTextRead(visit);
  }

 private:
  store::Store& store_;
};

// Writes the derivation into the store as it comes: readings at once, the
// graph through one GraphWrite committed at the end.
class StoreSink final : public GraphSink {
 public:
  StoreSink(store::Store& store, long long pages_version)
      : store_(store), pages_version_(pages_version) {}

  Status KeepReadings(const std::vector<store::TextRead>& fresh,
                      const std::vector<std::string>& gone) override {
    return store_.KeepTextReads(fresh, gone);
  }
  Status BeginGraph(const store::GraphSnapshot& snapshot) override {
    store::GraphSnapshot header = snapshot;
    header.pages_version = pages_version_;
    Result<std::unique_ptr<store::GraphWrite>> write = store_.BeginGraphWrite(header);
    if (!write) return write.error();
    write_ = std::move(*write);
    return {};
  }
  Status AddEdges(const std::vector<store::StoredEdge>& edges) override {
    return write_->AddEdges(edges);
  }
  Status AddAuthors(const std::vector<store::Authorship>& authors) override {
    return write_->AddAuthors(authors);
  }
  Status Commit() { return write_->Commit(); }

 private:
  store::Store& store_;
  long long pages_version_;
  std::unique_ptr<store::GraphWrite> write_;
};

}  // namespace

GraphBuild BuildGraphKeepingReadings(const GraphInputs& inputs) {
  InputsSource source(inputs);
  SnapshotSink sink;
  // Plain vectors neither fail to read nor refuse a write.
  Result<DerivationTotals> totals = Derive(source, sink, inputs.reuse);
  return sink.Take(totals ? totals->texts_read : 0);
}

store::GraphSnapshot BuildGraph(const GraphInputs& inputs) {
  return BuildGraphKeepingReadings(inputs).snapshot;
}

Result<RebuildSummary> RebuildGraph(store::Store& store, TextReuse reuse) {
  // Read before the inputs: pages saved meanwhile leave the graph stale.
  Result<store::GraphState> before = store.Graph();
  if (!before) return before.error().WithContext("rebuild graph");
  StoreSource source(store);
  StoreSink sink(store, before->pages_version);
  Result<DerivationTotals> totals = Derive(source, sink, reuse);
  if (!totals) return totals.error().WithContext("rebuild graph");
  if (Status committed = sink.Commit(); !committed) {
    return committed.error().WithContext("rebuild graph");
  }
  return RebuildSummary{totals->people, totals->edges, totals->texts_read};
}

}  // namespace linkgraph::graph
