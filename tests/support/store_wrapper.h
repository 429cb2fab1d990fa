// A Store that forwards every call to another, for tests that fault or
// watch a few calls: derive from it and override those (leveldb's
// EnvWrapper). Borrows the inner store; used from one thread at a time,
// like any Store.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace linkgraph::testing {

class StoreWrapper : public store::Store {
 public:
  explicit StoreWrapper(store::Store& inner) : inner_(inner) {}

  Result<store::SaveOutcome> SavePages(const std::vector<store::PageToSave>& pages) override {
    return inner_.SavePages(pages);
  }
  Result<std::optional<store::PageFetch>> FindPage(const std::string& url) override {
    return inner_.FindPage(url);
  }
  Status EachPost(const store::RowVisitor<store::StoredPost>& visit) override {
    return inner_.EachPost(visit);
  }
  Status EachComment(const store::RowVisitor<store::StoredComment>& visit) override {
    return inner_.EachComment(visit);
  }
  Status EachTrackback(const store::RowVisitor<store::StoredTrackback>& visit) override {
    return inner_.EachTrackback(visit);
  }
  Status EachMention(const store::RowVisitor<store::StoredMention>& visit) override {
    return inner_.EachMention(visit);
  }
  Status EachThread(const store::RowVisitor<store::StoredThread>& visit) override {
    return inner_.EachThread(visit);
  }
  Result<store::Counts> Count() override { return inner_.Count(); }
  Status RecordRun(const store::RunRecord& run) override { return inner_.RecordRun(run); }
  Result<std::vector<store::RunRecord>> Runs() override { return inner_.Runs(); }
  Result<std::unique_ptr<store::GraphWrite>> BeginGraphWrite(
      const store::GraphSnapshot& graph) override {
    return inner_.BeginGraphWrite(graph);
  }
  Result<store::GraphState> Graph() override { return inner_.Graph(); }
  Status EachPerson(const store::RowVisitor<store::StoredPerson>& visit) override {
    return inner_.EachPerson(visit);
  }
  Status EachEdge(const store::RowVisitor<store::StoredEdge>& visit) override {
    return inner_.EachEdge(visit);
  }
  Status EachAuthor(const store::RowVisitor<store::Authorship>& visit) override {
    return inner_.EachAuthor(visit);
  }
  Result<std::optional<store::StoredPerson>> FindPerson(long long id) override {
    return inner_.FindPerson(id);
  }
  Result<std::vector<long long>> FindPeopleByIdentity(const std::string& kind,
                                                      const std::string& normalised) override {
    return inner_.FindPeopleByIdentity(kind, normalised);
  }
  Result<std::vector<store::StoredEdge>> EdgesOf(long long person) override {
    return inner_.EdgesOf(person);
  }
  Result<std::vector<store::StoredEdge>> EdgesBetween(long long a, long long b) override {
    return inner_.EdgesBetween(a, b);
  }
  Result<std::vector<long long>> Neighbours(long long person,
                                            const std::vector<std::string>& kinds) override {
    return inner_.Neighbours(person, kinds);
  }
  Status EachTextRead(const store::RowVisitor<store::TextRead>& visit) override {
    return inner_.EachTextRead(visit);
  }
  Status KeepTextReads(const std::vector<store::TextRead>& reads,
                       const std::vector<std::string>& dropped) override {
    return inner_.KeepTextReads(reads, dropped);
  }
  Result<store::CrawlRun> OpenCrawl(const std::string& key,
                                    const std::vector<store::QueuedUrl>& seeds,
                                    const std::string& now) override {
    return inner_.OpenCrawl(key, seeds, now);
  }
  Status EachDoneUrl(long long crawl, const store::RowVisitor<CrawlUrl>& visit) override {
    return inner_.EachDoneUrl(crawl, visit);
  }
  Result<std::vector<CrawlUrl>> QueuedUrls(long long crawl, long long after,
                                           size_t limit) override {
    return inner_.QueuedUrls(crawl, after, limit);
  }
  Result<store::SaveOutcome> RecordCrawled(long long crawl,
                                           const std::vector<store::CrawledUrl>& urls,
                                           const store::CrawlTotals& totals) override {
    return inner_.RecordCrawled(crawl, urls, totals);
  }
  Status FinishCrawl(long long crawl, CrawlOutcome outcome, const store::CrawlTotals& totals,
                     const std::string& now) override {
    return inner_.FinishCrawl(crawl, outcome, totals, now);
  }
  Result<std::optional<store::CrawlRun>> LastCrawl() override { return inner_.LastCrawl(); }
  Status EachPageFetch(const store::RowVisitor<store::PageFetch>& visit) override {
    return inner_.EachPageFetch(visit);
  }
  Status EachPageRecord(const store::RowVisitor<store::PageRecord>& visit) override {
    return inner_.EachPageRecord(visit);
  }

 private:
  store::Store& inner_;
};

}  // namespace linkgraph::testing
