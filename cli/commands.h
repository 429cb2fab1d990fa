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

inline constexpr char kDefaultDatabase[] = "linkgraph.db";

struct ImportOptions {
  std::string database = kDefaultDatabase;
  std::vector<std::string> paths;
  bool quiet = false;
  bool reextract = false;  // extract pages whose bytes are unchanged too
  bool no_graph = false;   // leave people and edges to `linkgraph rebuild`
};

struct CrawlOptions {
  std::string database = kDefaultDatabase;
  std::vector<std::string> seeds;
  int max_pages = 200;
  double delay_seconds = 1.0;
  double timeout_seconds = 30.0;
  bool quiet = false;
  bool no_graph = false;  // leave people and edges to `linkgraph rebuild`
};

struct ReportOptions {
  std::string database = kDefaultDatabase;
  std::string kind;
  std::vector<std::string> arguments;  // WHO, or A B
  std::string format = "table";
  std::string person;
  std::string asker;
  int limit = 20;
  std::string by;
};

struct ExportOptions {
  std::string database = kDefaultDatabase;
  std::string format = "json";
  std::string out;  // "" or "-": standard output
};

int RunImport(const ImportOptions& options);
int RunCrawl(const CrawlOptions& options);
int RunReport(const ReportOptions& options);
int RunExport(const ExportOptions& options);
int RunStatus(const std::string& database);
int RunRebuild(const std::string& database, bool quiet);

}  // namespace linkgraph::cli
