// `linkgraph export --format xlsx`: one workbook with the CSV folder's four
// tables as sheets nodes, edges, posts and comments, for spreadsheets: text
// cells are strings (never formulas) and counts are numbers.
#include <algorithm>

#include "reports/export_rows.h"
#include "reports/graph_export.h"
#include "reports/xlsx_workbook.h"

namespace linkgraph::reports {
namespace {

constexpr const char* kDateNote =
    "ISO 8601 text, as precise as the page: 2009-12-06 (a date), 2009-12-06T22:10:00 (the "
    "blog's local time) or with the page's UTC offset; empty when the page shows none.";

// Columns named as given; dates noted, counts typed.
std::vector<SheetColumn> Columns(const std::vector<std::string>& names,
                                 const std::vector<std::string>& numbers = {}) {
  std::vector<SheetColumn> columns;
  for (const auto& name : names) {
    SheetColumn column{name};
    if (std::find(numbers.begin(), numbers.end(), name) != numbers.end()) {
      column.type = CellType::kNumber;
    }
    if (name == "published" || name == "date") column.note = kDateNote;
    columns.push_back(std::move(column));
  }
  return columns;
}

std::vector<std::string> LongAttributes(const std::vector<AttributeSpec>& specs) {
  std::vector<std::string> names = {"Weight"};  // the edges' (export_rows.h); no node has one
  for (const auto& spec : specs) {
    if (spec.type == AttributeType::kLong) names.push_back(spec.name);
  }
  return names;
}

// The nodes and edges sheets, added as the graph's header arrives.
class XlsxGraphWriter final : public GraphWriter {
 public:
  explicit XlsxGraphWriter(XlsxWorkbook& workbook) : workbook_(workbook) {}

  void Begin(const GraphHeader& header) override {
    auto nodes = workbook_.AddSheet(
        "nodes", Columns(NodeColumns(header), LongAttributes(header.node_attributes)));
    auto edges = workbook_.AddSheet(
        "edges", Columns(EdgeColumns(header), LongAttributes(header.edge_attributes)));
    if (!nodes.ok()) failed_ = nodes.error();
    if (!edges.ok()) failed_ = edges.error();
    if (failed_.ok()) {
      nodes_ = *nodes;
      edges_ = *edges;
    }
  }

  void Node(const GraphNode& node) override {
    if (nodes_ != nullptr) nodes_->Row(NodeCells(node));
  }
  void Edge(const GraphEdge& edge) override {
    if (edges_ != nullptr) edges_->Row(EdgeCells(edge));
  }
  void End() override {}

  Status failed() const { return failed_; }

 private:
  XlsxWorkbook& workbook_;
  XlsxSheet* nodes_ = nullptr;
  XlsxSheet* edges_ = nullptr;
  Status failed_;
};

// One sheet of rows the store visits, each made into cells by row_of.
template <typename Row, typename RowOf>
Status WriteRowsSheet(store::Store& store, XlsxWorkbook& workbook, const std::string& name,
                      Status (store::Store::*each)(const store::RowVisitor<Row>&),
                      std::vector<SheetColumn> columns, RowOf row_of) {
  auto sheet = workbook.AddSheet(name, std::move(columns));
  if (!sheet.ok()) return sheet.error();
  Status read = (store.*each)([&](Row& row) -> Status {
    (*sheet)->Row(row_of(row));
    return {};
  });
  if (!read) return read.error().WithContext("export");
  return {};
}

}  // namespace

Status WriteXlsxExport(store::Store& store, const GraphExportOptions& options,
                       const std::string& path) {
  auto workbook = XlsxWorkbook::Create(path);
  if (!workbook.ok()) return workbook.error();
  XlsxGraphWriter graph(*workbook);
  Status written = WritePeopleGraph(store, options, graph);
  if (written.ok()) written = graph.failed();
  Result<TextAuthors> authors = TextAuthors::Read(store);
  if (written.ok() && !authors.ok()) written = authors.error();
  if (written.ok()) {
    written = WriteRowsSheet<store::StoredPost>(
        store, *workbook, "posts", &store::Store::EachPost, Columns(PostColumns(), {"author_id"}),
        [&](const store::StoredPost& post) { return PostCells(post, *authors); });
  }
  if (written.ok()) {
    written = WriteRowsSheet<store::StoredComment>(
        store, *workbook, "comments", &store::Store::EachComment,
        Columns(CommentColumns(), {"author_id", "position"}),
        [&](const store::StoredComment& comment) { return CommentCells(comment, *authors); });
  }
  if (!written.ok()) return written;  // the workbook is dropped unwritten
  return workbook->Close();
}

}  // namespace linkgraph::reports
