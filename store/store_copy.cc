// CopyStore (store.h): a SQLite store's tables copied row for row into an
// empty PostgreSQL store, ids and all, in one transaction. PostgreSQL's
// schema is SQLite's in its own types (pg_schema.cc), so the columns SQLite
// has are the columns to copy; PostgreSQL's own (a URL's host, the lease
// tables) fill themselves.
#include <string>
#include <vector>

#include "store/sql_statement.h"
#include "store/sql_store.h"
#include "store/store.h"

namespace linkgraph::store {
namespace {

// In the order their references need.
constexpr const char* kTables[] = {
    "sites",      "pages",         "posts",       "post_links", "comments",
    "trackbacks", "mentions",      "identities",  "people",     "person_identities",
    "edges",      "authors",       "graph_state", "crawls",     "crawl_urls",
    "redirects",  "pages_version", "text_reads",  "runs"};
// Rows whose order is their meaning: a person's identities, kept in the
// order written (PostgreSQL numbers them as they arrive).
constexpr const char* kOrderedByRowid[] = {"person_identities"};

constexpr const char* kColumns = "SELECT name, upper(type) FROM pragma_table_info(?1) ORDER BY cid";
// Anything the destination holds besides a fresh schema's one row.
constexpr const char* kDestinationRows =
    "SELECT (SELECT count(*) FROM pages) + (SELECT count(*) FROM crawls)"
    " + (SELECT count(*) FROM people) + (SELECT count(*) FROM identities)";
constexpr const char* kClearFreshRows = "DELETE FROM pages_version";
// Identity columns continue after the copied ids; queue positions after
// the copied ones, in blocks (crawl_tables.cc).
constexpr const char* kResumeIds =
    "SELECT setval(pg_get_serial_sequence(?1, 'id'), COALESCE(max(id), 0) + 1, false)"
    " FROM ";
constexpr const char* kResumePositions =
    "SELECT setval('crawl_url_positions', GREATEST(1048576,"
    " (COALESCE(max(seq), 0) / 1048576 + 1) * 1048576)) FROM crawl_urls";
constexpr const char* kTablesWithIds[] = {"sites",      "pages",    "posts",      "comments",
                                          "trackbacks", "mentions", "identities", "people",
                                          "edges",      "crawls"};

struct Column {
  std::string name;
  bool integer = false;
};

Result<std::vector<Column>> ColumnsOf(SqlConnection& from, const std::string& table) {
  Result<Statement> query = Statement::Prepare(from, kColumns);
  if (!query) return query.error();
  std::vector<Column> columns;
  Status read = EachRow(query->Bind(1, table), [&](const Statement& s) {
    columns.push_back({s.Text(0), s.Text(1).find("INT") != std::string::npos});
  });
  if (!read) return read.error();
  return columns;
}

bool IsOrderedByRowid(const std::string& table) {
  for (const char* ordered : kOrderedByRowid) {
    if (table == ordered) return true;
  }
  return false;
}

Result<long long> CopyTable(SqlConnection& from, SqlConnection& to, const std::string& table) {
  Result<std::vector<Column>> columns = ColumnsOf(from, table);
  if (!columns) return columns.error();
  if (columns->empty()) return Error{ErrorCode::kCorrupt, "the source has no table " + table};
  std::string names, parameters;
  for (size_t i = 0; i < columns->size(); ++i) {
    names += (i == 0 ? "" : ", ") + (*columns)[i].name;
    parameters += (i == 0 ? "?" : ", ?") + std::to_string(i + 1);
  }
  Result<Statement> read =
      Statement::Prepare(from, "SELECT " + names + " FROM " + table +
                                   (IsOrderedByRowid(table) ? " ORDER BY rowid" : ""));
  if (!read) return read.error();
  Result<Statement> write = Statement::Prepare(
      to, "INSERT INTO " + table + " (" + names + ") VALUES (" + parameters + ")", true);
  if (!write) return write.error();
  long long rows = 0;
  Status copied = EachRow(*read, [&](const Statement& row) -> Status {
    for (size_t i = 0; i < columns->size(); ++i) {
      const int column = static_cast<int>(i);
      if (row.IsNull(column)) {
        write->Bind(column + 1, std::optional<long long>());
      } else if ((*columns)[i].integer) {
        write->Bind(column + 1, row.Int(column));
      } else {
        write->Bind(column + 1, row.Text(column));
      }
    }
    ++rows;
    Status written = write->Run();
    write->Reset();
    return written;
  });
  if (!copied) return copied.error();
  return rows;
}

Status ResumeSequences(SqlConnection& to) {
  for (const char* table : kTablesWithIds) {
    Result<Statement> resume = Statement::Prepare(to, std::string(kResumeIds) + table);
    if (!resume) return resume.error();
    if (Status done = resume->Bind(1, std::string(table)).Run(); !done) return done;
  }
  Result<Statement> positions = Statement::Prepare(to, kResumePositions);
  if (!positions) return positions.error();
  return positions->Run();
}

Status RequireEmpty(SqlConnection& to, const std::string& where) {
  Result<Statement> count = Statement::Prepare(to, kDestinationRows);
  if (!count) return count.error();
  if (Status row = count->StepRow(); !row) return row;
  if (count->Int(0) > 0) {
    return Error{ErrorCode::kInvalidArgument,
                 LocationForMessages(where) +
                     " already holds pages, crawls or people: copy into an empty database"};
  }
  return {};
}

}  // namespace

Result<CopyCounts> CopyStore(std::string_view from, std::string_view to) {
  Result<StoreLocation> source = ParseStoreLocation(from);
  if (!source) return source.error();
  Result<StoreLocation> destination = ParseStoreLocation(to);
  if (!destination) return destination.error();
  if (source->backend != StoreLocation::Backend::kSqlite ||
      destination->backend != StoreLocation::Backend::kPostgres) {
    return Error{ErrorCode::kUnsupported,
                 "copy goes from a SQLite file to a PostgreSQL database (--from sqlite:PATH "
                 "--to postgresql://...)"};
  }
  OpenOptions read_only;
  read_only.access = Access::kReadOnly;
  Result<std::unique_ptr<SqlConnection>> reader = OpenSqliteConnection(source->path, read_only);
  if (!reader) return reader.error();
  Result<std::unique_ptr<SqlConnection>> writer =
      OpenPostgresConnection(destination->path, OpenOptions{});
  if (!writer) return writer.error();
  SqlConnection& in = **reader;
  SqlConnection& out = **writer;

  Result<Transaction> snapshot = Transaction::BeginRead(in);
  if (!snapshot) return snapshot.error().WithContext("read " + source->path);
  Result<Transaction> transaction = Transaction::BeginWrite(out);
  if (!transaction) return transaction.error().WithContext("write " + LocationForMessages(to));
  if (Status empty = RequireEmpty(out, destination->path); !empty) return empty.error();
  if (Status cleared = out.Exec(kClearFreshRows); !cleared) return cleared.error();
  CopyCounts counts;
  for (const char* table : kTables) {
    Result<long long> rows = CopyTable(in, out, table);
    if (!rows) return rows.error().WithContext("copy table " + std::string(table));
    counts.rows.emplace_back(table, *rows);
  }
  if (Status resumed = ResumeSequences(out); !resumed) {
    return resumed.error().WithContext("continue the identity sequences");
  }
  if (Status committed = transaction->Commit(); !committed) return committed.error();
  return counts;
}

}  // namespace linkgraph::store
