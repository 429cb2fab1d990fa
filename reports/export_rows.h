// Private to reports/: the rows of the table exports (the CSV folder's files
// and the xlsx workbook's sheets), so both hold the same columns. Plain
// functions of their arguments.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "reports/graph_document.h"
#include "store/store.h"

namespace linkgraph::reports {

// Headed the way Gephi's spreadsheet import reads them: nodes Id, Label,
// then the node attributes; edges Source, Target, Type (Directed), Id,
// Label, Weight (1, or the number of parallel edges merged), then the edge
// attributes.
std::vector<std::string> NodeColumns(const GraphHeader& header);
std::vector<std::string> EdgeColumns(const GraphHeader& header);
std::vector<std::string> NodeCells(const GraphNode& node);
std::vector<std::string> EdgeCells(const GraphEdge& edge);

// Who wrote each text, as the derived graph says: a text's source URL (a
// post's URL, a comment's graph::PermalinkOf) to its person's id and key.
// Holds one entry per text with a known author and one per person.
class TextAuthors {
 public:
  static Result<TextAuthors> Read(store::Store& store);

  // The author's person id ("" when the graph names none), as `report
  // people` and the JSON export's people `id`.
  std::string IdOf(const std::string& source_url) const;
  // The author's person key (""), as the graph exports' node Id.
  std::string KeyOf(const std::string& source_url) const;

 private:
  std::map<std::string, long long> person_of_text_;
  std::map<long long, std::string> key_of_person_;
};

// A comment's id unique across blogs: its post's URL, "#" and the page's id
// of it (the store keeps one comment per post and page id). A reply's
// parent_id is its parent's such id ("" for a top-level comment).
std::string CommentKey(const std::string& post_url, const std::string& page_id);

// The same columns as the JSON export's posts and comments: a post's `id` is
// its URL; a comment's `id` is CommentKey, `comment_id` the page's own;
// author_id and author_key name the author's person.
const std::vector<std::string>& PostColumns();
std::vector<std::string> PostCells(const store::StoredPost& stored, const TextAuthors& authors);
const std::vector<std::string>& CommentColumns();
std::vector<std::string> CommentCells(const store::StoredComment& stored,
                                      const TextAuthors& authors);

}  // namespace linkgraph::reports
