// Private to cli/: the subcommands of the `linkgraph` executable. Each takes
// its parsed options and returns the process exit status.
#pragma once

#include <string>
#include <vector>

namespace linkgraph::cli {

// Exit statuses, shared by every subcommand (and documented in --help).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // nothing could be done, or an input failed
inline constexpr int kExitUsage = 2;    // bad arguments or configuration
inline constexpr int kExitPartial = 3;  // some pages failed, the rest were stored
inline constexpr int kExitBusy = 75;    // another run holds the database: try later (EX_TEMPFAIL)
// 128 + the signal, as a shell reports a process killed by it; returned
// after a graceful stop (what was stored stays; a rerun resumes).
inline constexpr int kExitInterrupted = 130;  // SIGINT
inline constexpr int kExitTerminated = 143;   // SIGTERM

inline constexpr char kDefaultDatabase[] = "linkgraph.db";

// For cron and terminals: the commands that write the database.
struct LoggingOptions {
  std::string log_file;             // --log: every line printed, timestamped, appended here too
  bool verbose = false;             // -v: a line per page dealt with
  int progress_every_seconds = 60;  // crawl off a terminal; 0: never
};

struct ImportOptions {
  std::string database = kDefaultDatabase;
  std::vector<std::string> paths;
  bool quiet = false;
  bool reextract = false;  // extract pages whose bytes are unchanged too
  bool explain = false;    // a line per page: the platform read and what was found
  bool no_graph = false;   // leave people and edges to `linkgraph rebuild`
  double lock_timeout_seconds = 0.0;  // waiting for another run on the same database
  LoggingOptions logging;
};

struct CrawlOptions {
  std::string database = kDefaultDatabase;
  std::vector<std::string> seeds;  // the command line's (or config's), then --urls-file's
  std::string urls_file;           // one seed per line; "-": standard input
  std::string config_file;  // TOML; command-line options override it
  std::string scope = "host";  // host | site | list
  int max_pages = 50000;
  int max_depth = -1;  // link hops from a seed; -1: no limit
  int concurrency = 8;  // transfers in flight in all
  int per_host = 2;     // transfers in flight to one host
  double delay_seconds = 1.0;  // between requests to one host (robots.txt Crawl-delay when larger)
  double timeout_seconds = 30.0;
  double connect_timeout_seconds = 10.0;
  int retries = 3;  // for 5xx, 429 and network faults, with exponential backoff and jitter
  double backoff_seconds = 1.0;  // the first retry's wait, doubled for each further one
  long long max_body_bytes = 10LL << 20;
  // Bounds on what a site can make the crawl queue and read (crawler.h's
  // FrontierLimits says what each counts).
  int max_links_per_page = 5000;       // first distinct in-scope links taken from one page
  int max_queued_urls = 250000;        // URLs of every kind queued, in all
  int max_queued_per_host = 100000;    // URLs queued on one host
  int max_sitemaps = 1000;             // sitemap files queued
  int max_sitemap_depth = 2;           // sitemap indexes within sitemap indexes
  int max_feeds = 100;                 // feeds queued
  int max_comment_pages = 50000;       // WordPress REST comment pages queued
  int max_comment_pages_per_post = 100;  // ... of one post (10,000 comments at per_page=100)
  long long max_total_bytes = 5LL << 30;  // body bytes fetched by the crawl; then it stops
  double recrawl_after_seconds = 86400.0;  // stored pages fetched longer ago are due again
  // Private, loopback, link-local addresses for every URL. Default: false;
  // only the seeds' own hosts (not a host a seed redirects to) may be private.
  bool allow_private = false;
  std::string contact;         // URL or e-mail added to the User-Agent
  std::vector<std::string> discover = {"sitemaps", "feeds", "comments"};
  // Several workers on one PostgreSQL crawl: a lease not renewed for this
  // long returns its hosts to the others; the worker's name ("": machine,
  // pid and a random number).
  double lease_seconds = 60.0;
  std::string worker_name;
  double lock_timeout_seconds = 0.0;  // waiting for another run on the same database
  bool quiet = false;     // one summary line
  bool explain = false;   // a line per URL: what was read and found
  bool no_graph = false;  // leave people and edges to `linkgraph rebuild`
  LoggingOptions logging;
};

struct ReportOptions {
  std::string database = kDefaultDatabase;
  std::string kind;
  std::vector<std::string> arguments;  // WHO, or A B
  std::string format = "table";
  std::string person;
  std::string asker;
  int limit = 0;  // reports::ReportRequest::limit
  std::string by;
  std::string around;
  int depth = 1;
  bool failed_only = false;  // pages: only those that gave nothing
  std::string since;         // reports::ReportRequest::since
  std::string until;
};

struct ExportOptions {
  std::string database = kDefaultDatabase;
  std::string format = "json";
  std::string out;  // "" or "-": standard output
  bool merge_edges = false;  // reports::GraphExportOptions::merge_edges
};

int RunImport(const ImportOptions& options);
int RunCrawl(const CrawlOptions& options);
int RunReport(const ReportOptions& options);
int RunExport(const ExportOptions& options);
int RunStatus(const std::string& database, const std::string& format);
// Prints only its summary line (and errors), with or without -q.
int RunRebuild(const std::string& database, double lock_timeout_seconds,
               const LoggingOptions& logging);
int RunCopy(const std::string& from, const std::string& to, bool quiet);

}  // namespace linkgraph::cli
