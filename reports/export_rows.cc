#include "reports/export_rows.h"

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

const std::vector<std::string>& PostColumns() {
  static const std::vector<std::string> columns = {"url",       "title", "author",
                                                   "published", "site",  "site_name"};
  return columns;
}

std::vector<std::string> PostCells(const store::StoredPost& stored) {
  const Post& post = stored.post;
  return {post.url, post.title, post.author, post.published, post.site_url, post.site_name};
}

const std::vector<std::string>& CommentColumns() {
  static const std::vector<std::string> columns = {"id",        "post_url",  "author", "author_url",
                                                   "published", "parent_id", "text",   "permalink",
                                                   "position",  "kind"};
  return columns;
}

std::vector<std::string> CommentCells(const store::StoredComment& stored) {
  const Comment& comment = stored.comment;
  return {comment.id,         stored.post_url,   comment.author,
          comment.author_url, comment.published, comment.parent_id,
          comment.text,       comment.permalink, std::to_string(comment.position),
          comment.kind};
}

}  // namespace linkgraph::reports
