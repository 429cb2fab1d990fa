// Private to reports/: the rows of the table exports (the CSV folder's files
// and the xlsx workbook's sheets), so both hold the same columns. Plain
// functions of their arguments.
#pragma once

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

// The same columns as the JSON export's posts and comments.
const std::vector<std::string>& PostColumns();
std::vector<std::string> PostCells(const store::StoredPost& stored);
const std::vector<std::string>& CommentColumns();
std::vector<std::string> CommentCells(const store::StoredComment& stored);

}  // namespace linkgraph::reports
