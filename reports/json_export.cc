// `linkgraph export --format json`: the store as one document, the people
// graph included. The keys are a contract with users' scripts: add, never
// rename.
#include <map>
#include <nlohmann/json.hpp>

#include "reports/graph_export.h"
#include "reports/table.h"

namespace linkgraph::reports {
namespace {

template <typename T>
Status Fail(const Result<T>& result) {
  return result.error().WithContext("export");
}

// Adds people and edges; an edge names its people by id (and, for readers, by
// name). Lists of identity values are arrays.
Status AddGraph(store::Store& store, nlohmann::json& document) {
  auto people = store.People();
  if (!people.ok()) return Fail(people);
  auto edges = store.Edges();
  if (!edges.ok()) return Fail(edges);
  std::map<long long, std::string> names;
  nlohmann::json& people_json = document["people"] = nlohmann::json::array();
  for (const store::StoredPerson& person : *people) {
    names[person.id] = person.name;
    people_json.push_back({{"id", person.id},
                           {"key", person.key},
                           {"name", person.name},
                           {"handles", IdentityValues(person, "handle")},
                           {"urls", IdentityValues(person, "url")},
                           {"sites", IdentityValues(person, "site")},
                           {"names", IdentityValues(person, "name")},
                           {"texts", person.texts}});
  }
  nlohmann::json& edges_json = document["edges"] = nlohmann::json::array();
  for (const store::StoredEdge& edge : *edges) {
    edges_json.push_back({{"from", edge.from},
                          {"to", edge.to},
                          {"from_name", names[edge.from]},
                          {"to_name", names[edge.to]},
                          {"kind", edge.kind},
                          {"date", edge.date},
                          {"detail", edge.detail},
                          {"event", edge.event},
                          {"when", edge.when},
                          {"evidence", edge.evidence},
                          {"source_url", edge.source_url}});
  }
  return {};
}

}  // namespace

Status WriteJsonExport(store::Store& store, std::ostream& out) {
  auto posts = store.Posts();
  if (!posts.ok()) return Fail(posts);
  auto comments = store.Comments();
  if (!comments.ok()) return Fail(comments);
  auto trackbacks = store.Trackbacks();
  if (!trackbacks.ok()) return Fail(trackbacks);
  auto mentions = store.Mentions();
  if (!mentions.ok()) return Fail(mentions);

  nlohmann::json document = {{"posts", nlohmann::json::array()},
                             {"comments", nlohmann::json::array()},
                             {"trackbacks", nlohmann::json::array()},
                             {"mentions", nlohmann::json::array()}};
  for (const auto& stored : *posts) {
    const Post& post = stored.post;
    document["posts"].push_back({{"url", post.url},
                                 {"title", post.title},
                                 {"author", post.author},
                                 {"published", post.published},
                                 {"site", post.site_url},
                                 {"site_name", post.site_name}});
  }
  for (const auto& stored : *comments) {
    const Comment& comment = stored.comment;
    document["comments"].push_back({{"id", comment.id},
                                    {"post_url", stored.post_url},
                                    {"author", comment.author},
                                    {"author_url", comment.author_url},
                                    {"published", comment.published},
                                    {"parent_id", comment.parent_id},
                                    {"text", comment.text},
                                    {"permalink", comment.permalink},
                                    {"position", comment.position},
                                    {"kind", comment.kind}});
  }
  for (const auto& stored : *trackbacks) {
    const Trackback& trackback = stored.trackback;
    document["trackbacks"].push_back({{"post_url", stored.post_url},
                                      {"source_url", trackback.source_url},
                                      {"title", trackback.title},
                                      {"published", trackback.published},
                                      {"kind", ToString(trackback.kind)}});
  }
  for (const auto& stored : *mentions) document["mentions"].push_back(MentionJson(stored));
  if (Status graph = AddGraph(store, document); !graph.ok()) return graph;
  // Replace invalid UTF-8 rather than throw: pages are what they are.
  out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  return {};
}

}  // namespace linkgraph::reports
