#include "reports/export_rows.h"

#include "graph/graph.h"

namespace linkgraph::reports {

std::vector<std::string> NodeColumns(const GraphHeader& header) {
  std::vector<std::string> columns = {"Id", "Label"};
  for (const auto& spec : header.node_attributes) columns.push_back(spec.name);
  return columns;
}

std::vector<std::string> EdgeColumns(const GraphHeader& header) {
  std::vector<std::string> columns = {"Source", "Target", "Type", "Id", "Label", "Weight"};
  for (const auto& spec : header.edge_attributes) columns.push_back(spec.name);
  return columns;
}

std::vector<std::string> NodeCells(const GraphNode& node) {
  std::vector<std::string> row = {node.id, node.label};
  row.insert(row.end(), node.values.begin(), node.values.end());
  return row;
}

std::vector<std::string> EdgeCells(const GraphEdge& edge) {
  std::vector<std::string> row = {edge.from,  edge.to,
                                  "Directed", edge.id,
                                  edge.label, std::to_string(edge.weight > 0 ? edge.weight : 1)};
  row.insert(row.end(), edge.values.begin(), edge.values.end());
  return row;
}

Result<TextAuthors> TextAuthors::Read(store::Store& store) {
  TextAuthors authors;
  Status people = store.EachPerson([&](store::StoredPerson& person) -> Status {
    authors.key_of_person_[person.id] = std::move(person.key);
    return {};
  });
  if (!people) return people.error().WithContext("export");
  Status texts = store.EachAuthor([&](store::Authorship& authorship) -> Status {
    authors.person_of_text_.emplace(std::move(authorship.source_url), authorship.person);
    return {};
  });
  if (!texts) return texts.error().WithContext("export");
  return authors;
}

std::string TextAuthors::IdOf(const std::string& source_url) const {
  auto found = person_of_text_.find(source_url);
  return found == person_of_text_.end() ? "" : std::to_string(found->second);
}

std::string TextAuthors::KeyOf(const std::string& source_url) const {
  auto text = person_of_text_.find(source_url);
  if (text == person_of_text_.end()) return "";
  auto person = key_of_person_.find(text->second);
  return person == key_of_person_.end() ? "" : person->second;
}

std::string CommentKey(const std::string& post_url, const std::string& page_id) {
  return post_url + "#" + page_id;
}

const std::vector<std::string>& PostColumns() {
  static const std::vector<std::string> columns = {
      "id", "url", "title", "author", "author_id", "author_key", "published", "site", "site_name"};
  return columns;
}

std::vector<std::string> PostCells(const store::StoredPost& stored, const TextAuthors& authors) {
  const Post& post = stored.post;
  return {post.url,
          post.url,
          post.title,
          post.author,
          authors.IdOf(post.url),
          authors.KeyOf(post.url),
          post.published,
          post.site_url,
          post.site_name};
}

const std::vector<std::string>& CommentColumns() {
  static const std::vector<std::string> columns = {
      "id",        "comment_id", "post_url", "author",    "author_id", "author_key", "author_url",
      "published", "parent_id",  "text",     "permalink", "position",  "kind"};
  return columns;
}

std::vector<std::string> CommentCells(const store::StoredComment& stored,
                                      const TextAuthors& authors) {
  const Comment& comment = stored.comment;
  const std::string source = graph::PermalinkOf(stored);
  return {CommentKey(stored.post_url, comment.id),
          comment.id,
          stored.post_url,
          comment.author,
          authors.IdOf(source),
          authors.KeyOf(source),
          comment.author_url,
          comment.published,
          comment.parent_id.empty() ? "" : CommentKey(stored.post_url, comment.parent_id),
          comment.text,
          comment.permalink,
          std::to_string(comment.position),
          comment.kind};
}

}  // namespace linkgraph::reports
