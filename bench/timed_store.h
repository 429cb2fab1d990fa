// A Store that forwards every call to another and counts the calls and the
// wall time spent in each method, so a benchmark can say where a report's
// time goes (store reads versus the report's own work); the text reads' and
// the crawl frontier's calls pass through untimed (the graph bench never
// makes them). Borrows the inner store; used from one thread, like any Store.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "store/store.h"
#include "tests/support/store_wrapper.h"

namespace linkgraph::bench {

struct CallStats {
  long long calls = 0;
  long long rows = 0;  // items returned (people, edges, ids)
  double ms = 0;
};

class TimedStore final : public testing::StoreWrapper {
 public:
  explicit TimedStore(store::Store& inner) : StoreWrapper(inner), inner_(inner) {}

  // By method name ("Neighbours", "EdgesOf", ...); only methods called.
  const std::map<std::string, CallStats>& stats() const { return stats_; }
  void Clear() { stats_.clear(); }

  Result<store::SaveOutcome> SavePages(const std::vector<store::PageToSave>& pages) override;
  Result<std::optional<store::PageFetch>> FindPage(const std::string& url) override;
  Status EachPost(const store::RowVisitor<store::StoredPost>& visit) override;
  Status EachComment(const store::RowVisitor<store::StoredComment>& visit) override;
  Status EachTrackback(const store::RowVisitor<store::StoredTrackback>& visit) override;
  Status EachMention(const store::RowVisitor<store::StoredMention>& visit) override;
  Result<store::Counts> Count() override;
  // Times the start of a graph write (the people), not its edges or commit.
  Result<std::unique_ptr<store::GraphWrite>> BeginGraphWrite(
      const store::GraphSnapshot& graph) override;
  Result<store::GraphState> Graph() override;
  Status EachPerson(const store::RowVisitor<store::StoredPerson>& visit) override;
  Status EachEdge(const store::RowVisitor<store::StoredEdge>& visit) override;
  Status EachAuthor(const store::RowVisitor<store::Authorship>& visit) override;
  Result<std::optional<store::StoredPerson>> FindPerson(long long id) override;
  Result<std::vector<long long>> FindPeopleByIdentity(const std::string& kind,
                                                      const std::string& normalised) override;
  Result<std::vector<store::StoredEdge>> EdgesOf(long long person) override;
  Result<std::vector<store::StoredEdge>> EdgesBetween(long long a, long long b) override;
  Result<std::vector<long long>> Neighbours(long long person,
                                            const std::vector<std::string>& kinds) override;

 private:
  // Runs call() and books its time (and the rows it returned) under name.
  template <typename Call>
  auto Timed(const char* name, Call call) {
    const auto start = std::chrono::steady_clock::now();
    auto result = call();
    CallStats& stats = stats_[name];
    ++stats.calls;
    stats.rows += RowsOf(result);
    stats.ms +=
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
  }

  template <typename T>
  static long long RowsOf(const Result<std::vector<T>>& result) {
    return result ? static_cast<long long>(result->size()) : 0;
  }
  template <typename T>
  static long long RowsOf(const Result<std::optional<T>>& result) {
    return result && result->has_value() ? 1 : 0;
  }
  template <typename T>
  static long long RowsOf(const T&) {
    return 0;
  }

  store::Store& inner_;
  std::map<std::string, CallStats> stats_;
};

}  // namespace linkgraph::bench
