// `linkgraph export --format csv`: a folder of four RFC 4180 files for
// spreadsheets, pandas and R, replaced as a whole so a reader never sees a
// mix of two exports.
#include <fcntl.h>  // AT_FDCWD
#include <stdio.h>  // renameat2, RENAME_EXCHANGE (glibc)
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include "reports/graph_export.h"
#include "reports/table.h"

namespace linkgraph::reports {
namespace {

namespace fs = std::filesystem;

const std::set<std::string> kFiles = {"nodes.csv", "edges.csv", "posts.csv", "comments.csv"};

Table NodesTable(const GraphDocument& graph) {
  Table table;
  table.header = {"id"};
  for (const auto& spec : graph.node_attributes) table.header.push_back(spec.name);
  for (const GraphNode& node : graph.nodes) {
    std::vector<std::string> row = {node.id};
    row.insert(row.end(), node.values.begin(), node.values.end());
    table.rows.push_back(std::move(row));
  }
  return table;
}

Table EdgesTable(const GraphDocument& graph) {
  Table table;
  table.header = {"id", "source", "target"};
  for (const auto& spec : graph.edge_attributes) table.header.push_back(spec.name);
  for (const GraphEdge& edge : graph.edges) {
    std::vector<std::string> row = {edge.id, edge.from, edge.to};
    row.insert(row.end(), edge.values.begin(), edge.values.end());
    table.rows.push_back(std::move(row));
  }
  return table;
}

// The same columns as the JSON export's posts and comments.
Table PostsTable(const std::vector<store::StoredPost>& posts) {
  Table table;
  table.header = {"url", "title", "author", "published", "site", "site_name"};
  for (const auto& stored : posts) {
    const Post& post = stored.post;
    table.rows.push_back(
        {post.url, post.title, post.author, post.published, post.site_url, post.site_name});
  }
  return table;
}

Table CommentsTable(const std::vector<store::StoredComment>& comments) {
  Table table;
  table.header = {"id",        "post_url", "author",    "author_url", "published",
                  "parent_id", "text",     "permalink", "position",   "kind"};
  for (const auto& stored : comments) {
    const Comment& comment = stored.comment;
    table.rows.push_back({comment.id, stored.post_url, comment.author, comment.author_url,
                          comment.published, comment.parent_id, comment.text, comment.permalink,
                          std::to_string(comment.position), comment.kind});
  }
  return table;
}

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

Status WriteTable(const Table& table, const fs::path& path) {
  errno = 0;
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (file) WriteCsv(table, file);
  file.close();
  if (!file) return IoError("cannot write", path, errno != 0 ? errno : EIO);
  return {};
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

Status WriteCsvExport(store::Store& store, const std::string& folder) {
  fs::path target = fs::path(folder).lexically_normal();
  if (!target.has_filename()) target = target.parent_path();  // "out/" names "out"
  if (target.empty() || target.filename() == "." || target.filename() == "..") {
    return Error{ErrorCode::kInvalidArgument,
                 "export: --out for csv must name a folder to create, not '" + folder + "'"};
  }
  if (Status replaceable = CheckReplaceable(target); !replaceable.ok()) return replaceable;

  // Everything is read before anything is written.
  auto graph = BuildPeopleGraph(store);
  if (!graph.ok()) return graph.error();
  auto posts = store.Posts();
  if (!posts.ok()) return posts.error().WithContext("export");
  auto comments = store.Comments();
  if (!comments.ok()) return comments.error().WithContext("export");
  const std::pair<const char*, Table> tables[] = {{"nodes.csv", NodesTable(*graph)},
                                                  {"edges.csv", EdgesTable(*graph)},
                                                  {"posts.csv", PostsTable(*posts)},
                                                  {"comments.csv", CommentsTable(*comments)}};

  auto partial = MakePartialFolder(target);
  if (!partial.ok()) return partial.error();
  Status written;
  for (const auto& [name, table] : tables) {
    if (written.ok()) written = WriteTable(table, *partial / name);
  }
  if (written.ok()) written = MoveIntoPlace(*partial, target);
  if (!written.ok()) {
    std::error_code ignored;
    fs::remove_all(*partial, ignored);
  }
  return written;
}

}  // namespace linkgraph::reports
