// `linkgraph export --format csv`: a folder of four RFC 4180 files for
// spreadsheets, pandas and R, written as the store is read and replaced as
// a whole so a reader never sees a mix of two exports.
#include <fcntl.h>  // AT_FDCWD
#include <stdio.h>  // renameat2, RENAME_EXCHANGE (glibc)
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include "reports/export_rows.h"
#include "reports/graph_export.h"
#include "reports/table.h"

namespace linkgraph::reports {
namespace {

namespace fs = std::filesystem;

const std::set<std::string> kFiles = {"nodes.csv", "edges.csv", "posts.csv", "comments.csv"};

Error IoError(const std::string& what, const fs::path& path, int error_number) {
  return Error{ErrorCode::kIo,
               "export: " + what + " " + path.string() + ": " + std::strerror(error_number)};
}

// An existing target is replaced only when it looks like an earlier export,
// so `--out ~/Documents` can never delete a user's files.
Status CheckReplaceable(const fs::path& target) {
  std::error_code error;
  fs::file_status status = fs::symlink_status(target, error);
  if (status.type() == fs::file_type::not_found) return {};
  if (status.type() != fs::file_type::directory) {
    return Error{ErrorCode::kInvalidArgument,
                 "export: " + target.string() + " exists and is not a folder"};
  }
  for (const auto& entry : fs::directory_iterator(target, error)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || kFiles.count(name) == 0) {
      return Error{ErrorCode::kInvalidArgument, "export: will not replace " + target.string() +
                                                    ": it holds " + name +
                                                    ", which a CSV export does not write"};
    }
  }
  if (error) return IoError("cannot read", target, error.value());
  return {};
}

// A new empty sibling folder "<target>.partial-<pid>[-n]" (and the parent
// folders it needs), made with the user's umask (mkdtemp would make 0700).
Result<fs::path> MakePartialFolder(const fs::path& target) {
  if (target.has_parent_path()) {
    std::error_code error;
    fs::create_directories(target.parent_path(), error);
    if (error) return IoError("cannot create", target.parent_path(), error.value());
  }
  const std::string stem = target.string() + ".partial-" + std::to_string(getpid());
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path candidate = attempt == 0 ? stem : stem + "-" + std::to_string(attempt);
    std::error_code error;
    if (fs::create_directory(candidate, error)) return candidate;
    if (error) return IoError("cannot create", candidate, error.value());
  }
  return Error{ErrorCode::kIo, "export: cannot create a folder beside " + target.string()};
}

// A CSV file written a row at a time, as the store is read; Close says
// whether every row reached the file.
class CsvFile {
 public:
  explicit CsvFile(fs::path path) : path_(std::move(path)) {
    errno = 0;
    out_.open(path_, std::ios::binary | std::ios::trunc);
    if (!out_) open_error_ = errno != 0 ? errno : EIO;
  }

  void Row(const std::vector<std::string>& row) { WriteCsvRow(row, out_); }

  Status Close() {
    if (open_error_ != 0) return IoError("cannot write", path_, open_error_);
    errno = 0;
    out_.close();
    if (!out_) return IoError("cannot write", path_, errno != 0 ? errno : EIO);
    return {};
  }

 private:
  fs::path path_;
  std::ofstream out_;
  int open_error_ = 0;
};

// nodes.csv and edges.csv, a row per node and per edge, headed the way
// Gephi's spreadsheet import reads them: nodes Id, Label, then the node
// attributes; edges Source, Target, Type (Directed), Id, Label, Weight (1,
// or the number of parallel edges merged), then the edge attributes.
class CsvGraphWriter final : public GraphWriter {
 public:
  CsvGraphWriter(CsvFile& nodes, CsvFile& edges) : nodes_(nodes), edges_(edges) {}

  void Begin(const GraphHeader& header) override {
    nodes_.Row(NodeColumns(header));
    edges_.Row(EdgeColumns(header));
  }

  void Node(const GraphNode& node) override { nodes_.Row(NodeCells(node)); }
  void Edge(const GraphEdge& edge) override { edges_.Row(EdgeCells(edge)); }

  void End() override {}

 private:
  CsvFile& nodes_;
  CsvFile& edges_;
};

Status WriteGraphFiles(store::Store& store, const GraphExportOptions& options,
                       const fs::path& folder) {
  CsvFile nodes(folder / "nodes.csv");
  CsvFile edges(folder / "edges.csv");
  CsvGraphWriter writer(nodes, edges);
  Status written = WritePeopleGraph(store, options, writer);
  Status nodes_closed = nodes.Close();
  Status edges_closed = edges.Close();
  if (!written) return written;
  return nodes_closed ? edges_closed : nodes_closed;
}

// One file of rows the store visits, each made into cells by row_of.
template <typename Row, typename RowOf>
Status WriteRowsFile(store::Store& store,
                     Status (store::Store::*each)(const store::RowVisitor<Row>&),
                     const fs::path& path, const std::vector<std::string>& header, RowOf row_of) {
  CsvFile file(path);
  file.Row(header);
  Status read = (store.*each)([&](Row& row) -> Status {
    file.Row(row_of(row));
    return {};
  });
  Status closed = file.Close();
  if (!read) return read.error().WithContext("export");
  return closed;
}

Status WritePostsFile(store::Store& store, const TextAuthors& authors, const fs::path& folder) {
  return WriteRowsFile<store::StoredPost>(
      store, &store::Store::EachPost, folder / "posts.csv", PostColumns(),
      [&](const store::StoredPost& post) { return PostCells(post, authors); });
}

Status WriteCommentsFile(store::Store& store, const TextAuthors& authors, const fs::path& folder) {
  return WriteRowsFile<store::StoredComment>(
      store, &store::Store::EachComment, folder / "comments.csv", CommentColumns(),
      [&](const store::StoredComment& comment) { return CommentCells(comment, authors); });
}

// Puts the folder partial where target is. With a target already there the
// two are swapped atomically (renameat2 RENAME_EXCHANGE) and the old one,
// now at partial, is removed; on file systems without exchange the old
// folder is moved aside first, leaving a moment when target is missing.
Status MoveIntoPlace(const fs::path& partial, const fs::path& target) {
  if (::rename(partial.c_str(), target.c_str()) == 0) return {};
  if (errno != EEXIST && errno != ENOTEMPTY) return IoError("cannot rename to", target, errno);
  std::error_code ignored;
  if (::renameat2(AT_FDCWD, partial.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    fs::remove_all(partial, ignored);
    return {};
  }
  const fs::path aside = partial.string() + "-old";
  if (::rename(target.c_str(), aside.c_str()) != 0) return IoError("cannot move", target, errno);
  if (::rename(partial.c_str(), target.c_str()) != 0) {
    int saved = errno;
    ::rename(aside.c_str(), target.c_str());
    return IoError("cannot rename to", target, saved);
  }
  fs::remove_all(aside, ignored);
  return {};
}

}  // namespace

Status WriteCsvExport(store::Store& store, const GraphExportOptions& options,
                      const std::string& folder) {
  fs::path target = fs::path(folder).lexically_normal();
  if (!target.has_filename()) target = target.parent_path();  // "out/" names "out"
  if (target.empty() || target.filename() == "." || target.filename() == "..") {
    return Error{ErrorCode::kInvalidArgument,
                 "export: --out for csv must name a folder to create, not '" + folder + "'"};
  }
  if (Status replaceable = CheckReplaceable(target); !replaceable.ok()) return replaceable;

  // Written into the partial folder as the store is read; a failure
  // anywhere removes it and leaves target as it was.
  auto partial = MakePartialFolder(target);
  if (!partial.ok()) return partial.error();
  Status written = WriteGraphFiles(store, options, *partial);
  Result<TextAuthors> authors = TextAuthors::Read(store);
  if (!authors.ok()) written = authors.error();
  if (written.ok()) written = WritePostsFile(store, *authors, *partial);
  if (written.ok()) written = WriteCommentsFile(store, *authors, *partial);
  if (written.ok()) written = MoveIntoPlace(*partial, target);
  if (!written.ok()) {
    std::error_code ignored;
    fs::remove_all(*partial, ignored);
  }
  return written;
}

}  // namespace linkgraph::reports
