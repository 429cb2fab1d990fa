// Opening a SQLite store: the file, its checks, WAL and migrations; the
// store itself is the SqlStore over that connection (sql_store.cc).
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <system_error>
#include <thread>
#include <utility>

#include "store/schema.h"
#include "store/sql_statement.h"
#include "store/sql_store.h"
#include "store/sqlite_handles.h"
#include "store/store.h"

namespace linkgraph::store {
namespace {

// A file: URI for path, which may hold any byte: everything but unreserved
// characters and "/" is percent-encoded.
std::string FileUri(const std::string& path, const char* query) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 0xf];
    }
  }
  return uri + "?" + query;
}

Result<DbHandle> OpenConnection(const std::string& path, const OpenOptions& options) {
  // NOMUTEX: a Store is used from one thread at a time, so SQLite's own
  // per-call locking would be pure cost.
  int flags = SQLITE_OPEN_NOMUTEX;
  std::string name = path;
  const bool writes = options.access == Access::kReadWrite;
  if (writes) {
    flags |= SQLITE_OPEN_READWRITE;
    if (options.create_if_missing) flags |= SQLITE_OPEN_CREATE;
  } else {
    flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
    name = FileUri(path, options.access == Access::kImmutable ? "mode=ro&immutable=1" : "mode=ro");
  }
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(name.c_str(), &raw, flags, nullptr);
  DbHandle db(raw);  // owned even when the open failed
  if (rc != SQLITE_OK) {
    std::error_code ignored;
    if ((!writes || !options.create_if_missing) && !std::filesystem::exists(path, ignored)) {
      return Error{ErrorCode::kNotFound, "no such database"};
    }
    return FromSqlite(db.get(), "cannot open");
  }
  sqlite3_extended_result_codes(db.get(), 1);
  sqlite3_busy_timeout(db.get(), options.busy_timeout_ms);
  return db;
}

// WAL lets readers go on while one process writes. WAL is a property of the
// file, so after the first open this only reads. Converting needs an
// exclusive lock and SQLite answers BUSY at once instead of calling the busy
// handler (waiting could deadlock), which happens when several processes
// create one new file together: retry within the busy timeout.
Status EnableWal(SqliteConnection& db, int busy_timeout_ms) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
  auto pause = std::chrono::milliseconds(1);
  while (true) {
    Result<Statement> mode = Statement::Prepare(db, "PRAGMA journal_mode");
    if (!mode) return mode.error();
    if (Status read = mode->StepRow(); !read) return read.error();
    // ":memory:" stays "memory": WAL needs a file.
    if (mode->Text(0) == "wal" || mode->Text(0) == "memory") return {};
    mode->Reset();  // holds no lock while we wait
    Status set = db.Exec("PRAGMA journal_mode = WAL");
    if (set.ok() || set.error().code != ErrorCode::kBusy ||
        std::chrono::steady_clock::now() >= deadline) {
      return set;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(50));
  }
}

// synchronous=NORMAL is safe in WAL (a power cut may lose the last commits,
// never corrupt the file) and saves an fsync per commit.
Status Configure(SqliteConnection& db, const OpenOptions& options) {
  if (Status wal = EnableWal(db, options.busy_timeout_ms); !wal) return wal;
  if (Status sync = db.Exec("PRAGMA synchronous = NORMAL"); !sync) return sync;
  return db.Exec("PRAGMA foreign_keys = ON");
}

// Why path cannot be written here (by this process's effective user), or ""
// when it can: the file itself when it exists, and its folder, which SQLite
// must write too (the -wal and -shm files, a new database).
std::string WhyNotWritable(const std::string& path) {
  auto writable = [](const std::filesystem::path& place, std::string* why) {
    if (faccessat(AT_FDCWD, place.c_str(), W_OK, AT_EACCESS) == 0) return true;
    *why = std::strerror(errno);
    return false;
  };
  const std::filesystem::path file(path);
  std::filesystem::path folder = file.parent_path();
  if (folder.empty()) folder = ".";
  std::string why;
  const bool file_ok = faccessat(AT_FDCWD, file.c_str(), F_OK, AT_EACCESS) != 0 ||
                       writable(file, &why);
  const bool folder_ok = writable(folder, &why);
  if (file_ok && folder_ok) return "";
  if (!file_ok && !folder_ok) {
    return "neither the database file nor its folder " + folder.string() + " is writable (" +
           why + ")";
  }
  return (file_ok ? "its folder " + folder.string() : std::string("the database file")) +
         " is not writable (" + why + ")";
}

// The read-write open's failures that come from a file or folder it may not
// write, told as such rather than as SQLite's "unable to open database file".
Error ExplainNotWritable(const std::string& path, Error error) {
  if (error.code != ErrorCode::kIo || path == ":memory:") return error;
  const std::string why = WhyNotWritable(path);
  if (why.empty()) return error;
  return Error{ErrorCode::kIo,
               why + "; writing needs both the file and its folder writable (" + error.message +
                   ")"};
}

// The read-write open: check, configure, migrate, and refuse a file SQLite
// could only open for reading.
Status OpenForWriting(SqliteConnection& db, const OpenOptions& options) {
  // Check before Configure: switching to WAL would write to a file that
  // turns out not to be ours.
  if (Status checked = CheckDatabase(db, options.create_if_missing); !checked) return checked;
  if (sqlite3_db_readonly(db.raw(), "main") == 1) {
    return Error{ErrorCode::kIo, "SQLite could only open it for reading"};
  }
  if (Status configured = Configure(db, options); !configured) return configured;
  return Migrate(db);
}

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const OpenOptions& options) {
  Result<std::unique_ptr<SqlConnection>> connection = OpenSqliteConnection(path, options);
  if (!connection) return connection.error();
  return MakeSqlStore(std::move(*connection), options);
}

Result<std::unique_ptr<SqlConnection>> OpenSqliteConnection(const std::string& path,
                                                            const OpenOptions& options) {
  const std::string context = "open " + path;
  Result<DbHandle> opened = OpenConnection(path, options);
  if (!opened) {
    if (options.access != Access::kReadWrite) return opened.error().WithContext(context);
    return ExplainNotWritable(path, opened.error()).WithContext(context);
  }
  SqliteConnection db(std::move(*opened));
  if (options.access == Access::kReadWrite) {
    if (Status ready = OpenForWriting(db, options); !ready) {
      return ExplainNotWritable(path, ready.error()).WithContext(context);
    }
  } else if (Status current = CheckCurrentSchema(db); !current) {
    return current.error().WithContext(context);
  }
  return std::unique_ptr<SqlConnection>(std::make_unique<SqliteConnection>(std::move(db)));
}

}  // namespace linkgraph::store
