#include "bench/timed_store.h"

namespace linkgraph::bench {

Result<store::SaveOutcome> TimedStore::SavePages(const std::vector<store::PageToSave>& pages) {
  return Timed("SavePages", [&] { return inner_.SavePages(pages); });
}
Result<std::optional<store::PageFetch>> TimedStore::FindPage(const std::string& url) {
  return Timed("FindPage", [&] { return inner_.FindPage(url); });
}
Status TimedStore::EachPost(const store::RowVisitor<store::StoredPost>& visit) {
  return Timed("EachPost", [&] { return inner_.EachPost(visit); });
}
Status TimedStore::EachComment(const store::RowVisitor<store::StoredComment>& visit) {
  return Timed("EachComment", [&] { return inner_.EachComment(visit); });
}
Status TimedStore::EachTrackback(const store::RowVisitor<store::StoredTrackback>& visit) {
  return Timed("EachTrackback", [&] { return inner_.EachTrackback(visit); });
}
Status TimedStore::EachMention(const store::RowVisitor<store::StoredMention>& visit) {
  return Timed("EachMention", [&] { return inner_.EachMention(visit); });
}
Result<store::Counts> TimedStore::Count() {
  return Timed("Count", [&] { return inner_.Count(); });
}
Result<std::unique_ptr<store::GraphWrite>> TimedStore::BeginGraphWrite(
    const store::GraphSnapshot& graph) {
  return Timed("BeginGraphWrite", [&] { return inner_.BeginGraphWrite(graph); });
}
Result<store::GraphState> TimedStore::Graph() {
  return Timed("Graph", [&] { return inner_.Graph(); });
}
Status TimedStore::EachPerson(const store::RowVisitor<store::StoredPerson>& visit) {
  return Timed("EachPerson", [&] { return inner_.EachPerson(visit); });
}
Status TimedStore::EachEdge(const store::RowVisitor<store::StoredEdge>& visit) {
  return Timed("EachEdge", [&] { return inner_.EachEdge(visit); });
}
Status TimedStore::EachAuthor(const store::RowVisitor<store::Authorship>& visit) {
  return Timed("EachAuthor", [&] { return inner_.EachAuthor(visit); });
}
Result<std::optional<store::StoredPerson>> TimedStore::FindPerson(long long id) {
  return Timed("FindPerson", [&] { return inner_.FindPerson(id); });
}
Result<std::vector<long long>> TimedStore::FindPeopleByIdentity(const std::string& kind,
                                                                const std::string& normalised) {
  return Timed("FindPeopleByIdentity",
               [&] { return inner_.FindPeopleByIdentity(kind, normalised); });
}
Result<std::vector<store::StoredEdge>> TimedStore::EdgesOf(long long person) {
  return Timed("EdgesOf", [&] { return inner_.EdgesOf(person); });
}
Result<std::vector<store::StoredEdge>> TimedStore::EdgesBetween(long long a, long long b) {
  return Timed("EdgesBetween", [&] { return inner_.EdgesBetween(a, b); });
}
Result<std::vector<long long>> TimedStore::Neighbours(long long person,
                                                      const std::vector<std::string>& kinds) {
  return Timed("Neighbours", [&] { return inner_.Neighbours(person, kinds); });
}

}  // namespace linkgraph::bench
