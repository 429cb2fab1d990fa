// The store: where linkgraph keeps fetched pages, the crawl frontier and the
// graph derived from the pages. A Store offers the three roles, each its own
// interface so code can take only the one it needs: PageStore
// (page_store.h), CrawlQueue (crawl_queue.h) and GraphStore (graph_store.h);
// a PostgreSQL backend can follow the SQLite one. A Store is used from one
// thread at a time; several processes may open the same SQLite file (WAL; a
// writer waits up to busy_timeout_ms for the lock).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "store/crawl_queue.h"
#include "store/graph_store.h"
#include "store/page_store.h"

namespace linkgraph::store {

// How a store's file is opened.
enum class Access {
  // Reads and writes; creates and migrates the file as needed. Fails with a
  // message naming the file or folder when either is not writable.
  kReadWrite,
  // SQLite's mode=ro: reads only and sees other processes' commits, but WAL
  // still needs a -shm file beside the database that it can open or create.
  kReadOnly,
  // mode=ro&immutable=1: no locks, no -wal or -shm file, for a database in a
  // read-only folder or filesystem. Changes still in a -wal file are not
  // seen, and the file must not change while open.
  kImmutable,
};

struct OpenOptions {
  bool create_if_missing = true;  // Default: true; kReadWrite only
  int busy_timeout_ms = 10000;    // Default: 10 s waiting for another writer
  // Default: kReadWrite. kReadOnly and kImmutable write nothing, so a file of
  // an older schema is refused (it would need migrating) with a message.
  Access access = Access::kReadWrite;

  // The site a web URL is on, to keep each site's posts its own: a web page
  // never writes a post under another site's URL, and a saved file (a
  // file:// page) never changes a post first read from the web. Default:
  // unset, the URL's host (crawl and import pass the registrable domain).
  // "{}" so aggregate initialisers may leave it out.
  std::function<std::string(std::string_view url)> site_of{};
};

class Store : public PageStore, public CrawlQueue, public GraphStore {
 public:
  ~Store() override = default;
};

// Opens (creating and migrating as needed) a SQLite store. path ":memory:"
// gives a private in-memory store. Fails with a clear message on a file that
// is not a linkgraph database or comes from a newer linkgraph.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const OpenOptions& options = {});

// Opens (creating or migrating the schema as needed) a PostgreSQL store:
// uri is a "postgresql://user@host:port/dbname" URI as libpq reads it.
// Several processes, on several machines, may open one database. Messages
// never show the URI's password.
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& uri,
                                                 const OpenOptions& options = {});

// Where a store lives, as a user writes it (--db, a config file's `db`): a
// SQLite file's path, plain or as "sqlite:PATH", or ":memory:"; or a
// PostgreSQL database, "postgresql://..." (or "postgres://..."). Any other
// "scheme://" is refused.
struct StoreLocation {
  enum class Backend { kSqlite, kPostgres };
  Backend backend = Backend::kSqlite;
  std::string path;  // the SQLite file, or ":memory:"; the PostgreSQL URI
};
Result<StoreLocation> ParseStoreLocation(std::string_view location);

// A location fit for a message or a log: a PostgreSQL URI's password reads
// "***"; anything else is returned as written.
std::string LocationForMessages(std::string_view location);

// What CopyStore copied: rows per table, in the order copied.
struct CopyCounts {
  std::vector<std::pair<std::string, long long>> rows;
};

// Copies the store at `from`, a SQLite file, into `to`, an empty PostgreSQL
// database (created or migrated as OpenStore would), in one transaction:
// every table row for row, ids included, so reports and exports read the
// same from both. Refuses a destination that holds pages, crawls or people,
// and any other pair of backends.
Result<CopyCounts> CopyStore(std::string_view from, std::string_view to);

// The store at a location ParseStoreLocation accepts, by its backend.
Result<std::unique_ptr<Store>> OpenStore(std::string_view location,
                                         const OpenOptions& options = {});

}  // namespace linkgraph::store
