// The command line (CLI11): subcommands, their options and --help, and the
// crawl's TOML config file, read into a CommandLine without running anything.
#include "cli/command_line.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <exception>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/config_file.h"
#include "cli/help_formatter.h"
#include "cli/option_values.h"
#include "cli/seed_file.h"
#include "cli/suggestion.h"
#include "store/store.h"

namespace linkgraph::cli {
namespace {

constexpr char kFooter[] =
    "Exit status: 0 success, 1 failure (nothing done, or an input failed), 2 usage error,\n"
    "3 partial (some pages failed, the rest were stored), 75 busy (another run holds the\n"
    "database past --lock-timeout: try later), 130 and 143 interrupted by SIGINT or SIGTERM\n"
    "(what was stored stays; run the same command again to resume).\n"
    "crawl, import and rebuild end with one summary line: the time, the outcome, the database.\n"
    "Each page that yields nothing says why on stderr; 'linkgraph report pages --failed'\n"
    "lists them all.\n"
    "Run 'linkgraph COMMAND --help' for a command's options.";

// "sqlite:PATH" becomes PATH here, so every command after sees a file's
// path; a location no backend opens is a usage error.
void AddDatabaseOption(CLI::App* command, std::string* database) {
  command
      ->add_option("--db", *database,
                   "The database: a SQLite file (PATH or sqlite:PATH), or PostgreSQL "
                   "(postgresql://USER@HOST[:PORT]/DBNAME); without --db, the environment "
                   "variable LINKGRAPH_DB, else linkgraph.db")
      ->envname("LINKGRAPH_DB")
      ->type_name("DB")
      ->transform(CLI::Validator(
          [](std::string& value) -> std::string {
            Result<store::StoreLocation> location = store::ParseStoreLocation(value);
            if (!location) return location.error().message;
            value = location->path;
            return {};
          },
          "", "store location"));
}

// For the commands that write: crawl, import, rebuild take one lock per database.
void AddLockTimeoutOption(CLI::App* command, double* seconds) {
  command
      ->add_option("--lock-timeout", *seconds,
                   "Seconds to wait while another run writes the database")
      ->type_name("SECONDS")
      ->capture_default_str()
      ->check(InRange(0.0, 86400.0));
}

// For cron and terminals, on the commands that write the database: --log
// on all; -v where there are pages to tell (import, crawl), added after -q:
// the two together are a usage error; --progress-every for crawl.
enum class LoggingFor { kRebuild, kImport, kCrawl };
void AddLoggingOptions(CLI::App* command, LoggingOptions* logging, LoggingFor what) {
  command
      ->add_option("--log", logging->log_file,
                   "Append every line printed (not the live progress line) to FILE too, each "
                   "after its time; FILE's folder must exist")
      ->type_name("FILE");
  if (what == LoggingFor::kRebuild) return;
  CLI::Option* verbose =
      command->add_flag("-v,--verbose", logging->verbose,
                        "Print a line per page dealt with: its URL, status and what was stored");
  if (CLI::Option* quiet = command->get_option_no_throw("--quiet")) verbose->excludes(quiet);
  if (what != LoggingFor::kCrawl) return;
  command
      ->add_option("--progress-every", logging->progress_every_seconds,
                   "When stderr is not a terminal, print a progress line every SECONDS "
                   "(0: never)")
      ->type_name("SECONDS")
      ->capture_default_str()
      ->check(InRange(0, 86400));
}

// What a site can make one crawl queue and read, whatever its pages hold.
void AddCrawlLimitOptions(CLI::App* crawl, CrawlOptions* options) {
  crawl
      ->add_option("--max-links-per-page", options->max_links_per_page,
                   "Take at most the first this many distinct in-scope links of a page "
                   "(of its first 20000 links)")
      ->capture_default_str()
      ->check(InRange(1, 20000));
  crawl
      ->add_option("--max-queued-urls", options->max_queued_urls,
                   "Queue at most this many URLs of every kind in one crawl")
      ->capture_default_str()
      ->check(InRange(1, 100000000));
  crawl
      ->add_option("--max-queued-per-host", options->max_queued_per_host,
                   "Queue at most this many URLs on one host in one crawl")
      ->capture_default_str()
      ->check(InRange(1, 100000000));
  crawl
      ->add_option("--max-sitemaps", options->max_sitemaps,
                   "Read at most this many sitemap files in one crawl")
      ->capture_default_str()
      ->check(InRange(0, 1000000));
  crawl
      ->add_option("--max-sitemap-depth", options->max_sitemap_depth,
                   "Follow sitemap indexes named by sitemap indexes at most this deep; "
                   "0: only the sitemaps robots.txt names")
      ->capture_default_str()
      ->check(InRange(0, 100));
  crawl->add_option("--max-feeds", options->max_feeds, "Read at most this many feeds in one crawl")
      ->capture_default_str()
      ->check(InRange(0, 1000000));
  crawl
      ->add_option("--max-comment-pages", options->max_comment_pages,
                   "Read at most this many WordPress REST comment pages in one crawl")
      ->capture_default_str()
      ->check(InRange(0, 100000000));
  crawl
      ->add_option("--max-comment-pages-per-post", options->max_comment_pages_per_post,
                   "Read at most this many WordPress REST comment pages of one post "
                   "(100 comments each)")
      ->capture_default_str()
      ->check(InRange(0, 1000000));
  crawl
      ->add_option("--max-total-bytes", options->max_total_bytes,
                   "Stop fetching once the crawl's bodies reach this size "
                   "(the rest stays queued; the crawl ends normally)")
      ->type_name("SIZE")
      ->default_str(FormatSize(options->max_total_bytes))
      ->transform(SizeIn(1024LL, 1LL << 50));
}

void AddCrawlOptions(CLI::App* crawl, CrawlOptions* options) {
  crawl->footer(
      "A SIZE is a number of bytes with an optional unit: kB, MB, GB, TB (also k, M, G)\n"
      "are powers of 1000, KiB, MiB, GiB, TiB powers of 1024: 2048, 512KiB, 10MB, 1.5GB.\n"
      "Options may come from a TOML file: 'linkgraph crawl --config FILE', with a [crawl]\n"
      "table whose keys are the long option names (urls = [\"https://...\"], delay = 2,\n"
      "recrawl-after = \"12h\", quiet = true, max-body = \"10MB\"). Options on the command\n"
      "line win.\n"
      "Exit status: 0 all fetched, 3 some pages failed, 1 nothing could be done,\n"
      "2 usage or config error, 75 busy (another run holds the database past\n"
      "--lock-timeout: try later), 130 or 143 interrupted by SIGINT or SIGTERM (what was\n"
      "stored stays; run the same command again to resume; a second signal stops at once).\n"
      "The last line is the summary: '2026-12-04T15:40:02Z linkgraph crawl ok: db=FILE\n"
      "crawl #3: ...'. Off a terminal, a progress line every --progress-every seconds.\n"
      "A page that yields nothing says why on stderr (unless -q), a crawl that found no\n"
      "post says so; 'linkgraph report pages --failed' lists them all.");
  AddDatabaseOption(crawl, &options->database);
  crawl->add_option("urls", options->seeds, "Seed URLs")->type_name("URL");
  crawl
      ->add_option("--urls-file", options->urls_file,
                   "Read seed URLs from FILE too, one per line ('#' starts a comment line); "
                   "'-' reads standard input")
      ->type_name("FILE");
  crawl
      ->add_option("--scope", options->scope,
                   "host: the seeds' hosts; site: their registrable domains; list: the seeds only")
      ->type_name("SCOPE")
      ->capture_default_str()
      ->check(OneOf({"host", "site", "list"}));
  crawl->add_option("--max-pages", options->max_pages, "Fetch at most this many pages")
      ->capture_default_str()
      ->check(InRange(1, 100000000));
  crawl
      ->add_option("--max-depth", options->max_depth,
                   "Follow links at most this deep; -1: no limit")
      ->capture_default_str()
      ->check(InRange(-1, 1000000));
  crawl->add_option("--concurrency", options->concurrency, "Transfers in flight in all")
      ->capture_default_str()
      ->check(InRange(1, 256));
  crawl->add_option("--per-host", options->per_host, "Transfers in flight to one host")
      ->capture_default_str()
      ->check(InRange(1, 64));
  crawl
      ->add_option("--delay", options->delay_seconds,
                   "Seconds between requests to one host (a larger robots.txt Crawl-delay wins)")
      ->type_name("SECONDS")
      ->capture_default_str()
      ->check(InRange(0.0, 3600.0));
  crawl->add_option("--timeout", options->timeout_seconds, "Seconds allowed per transfer")
      ->type_name("SECONDS")
      ->capture_default_str()
      ->check(InRange(0.1, 3600.0));
  crawl
      ->add_option("--connect-timeout", options->connect_timeout_seconds,
                   "Seconds allowed to connect")
      ->type_name("SECONDS")
      ->capture_default_str()
      ->check(InRange(0.1, 3600.0));
  crawl
      ->add_option("--retries", options->retries,
                   "Further attempts after a 5xx, 429 or network fault")
      ->capture_default_str()
      ->check(InRange(0, 20));
  crawl
      ->add_option("--backoff", options->backoff_seconds,
                   "Seconds before the first retry; doubled each time, with jitter")
      ->type_name("SECONDS")
      ->capture_default_str()
      ->check(InRange(0.0, 3600.0));
  crawl->add_option("--max-body", options->max_body_bytes, "Largest body kept")
      ->type_name("SIZE")
      ->default_str(FormatSize(options->max_body_bytes))
      ->transform(SizeIn(1024LL, 1LL << 34));
  AddCrawlLimitOptions(crawl, options);
  crawl
      ->add_option_function<std::string>(
          "--recrawl-after",
          [options](const std::string& text) {
            Result<double> seconds = ParseDuration(text);
            if (!seconds) throw CLI::ValidationError("--recrawl-after", seconds.error().message);
            options->recrawl_after_seconds = *seconds;
          },
          "Stored pages fetched longer ago than this are fetched again (conditionally) "
          "[default: 1d]")
      ->type_name("DURATION");
  crawl->add_flag("--allow-private", options->allow_private,
                  "Allow links and redirects to private, loopback and link-local addresses "
                  "(the seeds' own hosts always may; a host a seed redirects to may not)");
  crawl->add_option("--contact", options->contact,
                    "A URL or e-mail for site owners, added to the User-Agent")
      ->type_name("CONTACT");
  crawl
      ->add_option("--discover", options->discover,
                   "What else to read: sitemaps (robots.txt), feeds (the seeds' RSS/Atom), "
                   "comments (WordPress REST); 'none' for links only")
      ->delimiter(',')
      ->allow_extra_args(false)  // one comma-separated value: a URL after it is a seed
      ->type_name("LIST")
      ->default_str("sitemaps,feeds,comments")
      ->check(OneOf({"sitemaps", "feeds", "comments", "none"}));
  crawl
      ->add_option("--lease-seconds", options->lease_seconds,
                   "With a postgresql:// database, where several workers may share one crawl: "
                   "a worker's hold on a host lasts this long past its last renewal, so a killed "
                   "worker's hosts go to the others after at most this long")
      ->type_name("SECONDS")
      ->capture_default_str()
      ->check(InRange(1.0, 86400.0));
  crawl
      ->add_option("--worker-name", options->worker_name,
                   "This worker's name in leases, unique among live workers "
                   "[default: machine:pid:random]")
      ->type_name("NAME");
  AddLockTimeoutOption(crawl, &options->lock_timeout_seconds);
  crawl->add_flag("-q,--quiet", options->quiet, "Print one summary line (and errors)");
  AddLoggingOptions(crawl, &options->logging, LoggingFor::kCrawl);
  crawl->add_flag("--explain", options->explain,
                  "Print for each URL the platform it was read as and what was found, or why not");
  crawl->add_flag("--no-graph", options->no_graph,
                  "Do not derive people and edges now (run 'linkgraph rebuild' later)");
}

bool IsOption(const std::string& arg) { return arg.size() > 1 && arg[0] == '-'; }

// Where the subcommand's name is: the first argument that is not one of
// the program's own options (--help, --version), or end.
std::vector<std::string>::iterator FindCommand(std::vector<std::string>& args) {
  return std::find_if(args.begin(), args.end(),
                      [](const std::string& arg) { return !IsOption(arg); });
}

std::vector<std::string> CommandNames(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* command : app.get_subcommands({})) names.push_back(command->get_name());
  return names;
}

std::vector<std::string> LongOptionNames(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::Option* option : command.get_options()) {
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
  }
  return names;
}

// A command or long option CLI11 does not know, with the name that was
// probably meant (CLI11 itself only says an argument was "not expected").
// `linkgraph help [COMMAND]` becomes `linkgraph [COMMAND] --help` first.
// Returns false, having said why on err, when the line names an unknown one.
bool CheckNames(CLI::App& app, std::vector<std::string>* args, std::ostream& err) {
  auto command = FindCommand(*args);
  if (command == args->end()) return true;
  if (*command == "help") {
    command = args->erase(command);
    args->insert(command == args->end() ? command : command + 1, "--help");
    command = FindCommand(*args);
    if (command == args->end()) return true;
  }
  const std::vector<CLI::App*> commands = app.get_subcommands({});
  auto subcommand = std::find_if(commands.begin(), commands.end(),
                                 [&](CLI::App* each) { return each->check_name(*command); });
  if (subcommand == commands.end()) {
    err << "linkgraph: unknown command '" << *command << "'"
        << DidYouMean(*command, CommandNames(app))
        << "\nRun 'linkgraph --help' for the commands.\n";
    return false;
  }
  const std::vector<std::string> known = LongOptionNames(**subcommand);
  for (auto it = command + 1; it != args->end() && *it != "--"; ++it) {
    if (!it->starts_with("--")) continue;
    const std::string name = it->substr(0, it->find('='));
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    err << "linkgraph " << *command << ": unknown option '" << name << "'"
        << DidYouMean(name, known) << "\nRun 'linkgraph " << *command
        << " --help' for its options.\n";
    return false;
  }
  return true;
}

// Adds the seeds of --urls-file to those of the command line and config.
int ReadUrlsFile(CrawlOptions* crawl, std::ostream& err) {
  if (crawl->urls_file.empty()) return kParsed;
  Result<std::vector<std::string>> seeds = ReadSeedFile(crawl->urls_file);
  if (!seeds) {
    err << "linkgraph crawl: " << seeds.error().message << "\n";
    return kExitUsage;
  }
  crawl->seeds.insert(crawl->seeds.end(), seeds->begin(), seeds->end());
  return kParsed;
}

}  // namespace

int ParseCommandLine(std::vector<std::string> args, CommandLine* line, std::ostream& out,
                     std::ostream& err) {
  CLI::App app{
      "linkgraph: crawl blogs, extract posts, threaded comments, trackbacks and @mentions, "
      "and report who met whom, who replies to, mentions and links to whom.",
      "linkgraph"};
  app.formatter(std::make_shared<HelpFormatter>());  // before the subcommands, which copy it
  app.footer(kFooter);
  app.require_subcommand(1);
  app.set_version_flag("-V,--version", "linkgraph 0.1.0");

  CLI::App* import = app.add_subcommand("import", "Extract saved pages (HTML files or folders)");
  AddDatabaseOption(import, &line->import.database);
  import->add_option("paths", line->import.paths, "HTML files, or folders searched for them")
      ->required()
      ->type_name("PATH");
  import->add_flag("-q,--quiet", line->import.quiet,
                   "Print one summary line and errors (not the pages that held nothing)");
  AddLoggingOptions(import, &line->import.logging, LoggingFor::kImport);
  import->add_flag("--no-graph", line->import.no_graph,
                   "Do not derive people and edges now (run 'linkgraph rebuild' later)");
  AddLockTimeoutOption(import, &line->import.lock_timeout_seconds);
  import->add_flag("--explain", line->import.explain,
                   "Print for each page the platform it was read as and what was found");
  import->add_flag("--reextract", line->import.reextract,
                   "Extract files whose bytes are already stored too (after an upgrade)");

  CLI::App* crawl = app.add_subcommand(
      "crawl",
      "Fetch pages (file://, http://, https://), extract and store them, following links "
      "within the seeds' sites; an interrupted crawl resumes when run again");
  AddCrawlOptions(crawl, &line->crawl);

  CLI::App* report = app.add_subcommand(
      "report",
      "Print a report: met, replies, mentions, links, people, person, path, vouch, pages, new");
  report->footer(
      "Kinds:\n"
      "  met [--person WHO]   who met, spoke with or plans to meet whom, with the evidence\n"
      "  replies              who replies to whom and how fast; unanswered comments\n"
      "  mentions             every @mention\n"
      "  links                trackbacks, pingbacks and post-to-post links\n"
      "  people [--limit N]   the most connected and most active people\n"
      "  person WHO           one person's identities (and why), sites and interactions\n"
      "  path A B             the shortest connection between two people, hop by hop\n"
      "  vouch WHO [--as ME]  who has met or spoken with WHO, and how ME reaches them\n"
      "  pages [--failed]     every stored page (crawled or imported): its fetch, what came\n"
      "                       of it (stored, no_content, not_html, failed), why, and what\n"
      "                       was extracted; --failed: only the pages that gave nothing\n"
      "  new [--since LAST|DATE] [--until DATE]\n"
      "                       what the last run (or runs since DATE) added: edges, meetings\n"
      "                       first, people first seen, posts, comments, linkbacks\n"
      "met, path and people draw with --format dot or svg; --around WHO --depth N and\n"
      "--limit N cut a drawing to one person's neighbourhood or the best-connected people.\n"
      "Every kind takes --since DATE and --until DATE (by the evidence's date: an edge's,\n"
      "a post's or comment's published, a page's fetch; undated items are then left out)\n"
      "and --limit N (the first N rows of each table; not for path).\n"
      "On a terminal, tables fit its width: long text wraps, URLs stay whole.\n"
      "WHO is a handle (@LaraNewman), a name (\"Margo Rose\"), a site or URL, or\n"
      "id:5 for the person #5 of 'report people' (a shell drops an unquoted #5 as a comment).");
  AddDatabaseOption(report, &line->report.database);
  report->add_option("kind", line->report.kind, "the report (see below)")
      ->type_name("KIND")
      ->required();
  report->add_option("arguments", line->report.arguments, "WHO, or A B for path")
      ->type_name("WHO");
  report->add_option("--format", line->report.format, "table | csv | json | dot | svg")
      ->type_name("FORMAT")
      ->capture_default_str()
      ->check(OneOf({"table", "csv", "json", "dot", "svg"}));
  report->add_option("--person", line->report.person, "met: only statements by or about WHO")
      ->type_name("WHO");
  report->add_option("--as", line->report.asker, "vouch: the person asking")->type_name("WHO");
  report
      ->add_option("--limit", line->report.limit,
                   "the first N rows of each table (people: default 20; others: all; not for "
                   "path); a drawing (dot, svg): keep the N people with the most neighbours in it")
      ->type_name("N")
      ->check(InRange(1, 100000000));
  report->add_flag("--failed", line->report.failed_only,
                   "pages: only those that gave nothing or failed");
  report
      ->add_option("--around", line->report.around,
                   "met and people drawings (dot, svg): only WHO and the people within "
                   "--depth hops of them")
      ->type_name("WHO");
  report
      ->add_option("--since", line->report.since,
                   "new: what runs first stored from this date (2026-12-01, "
                   "2026-12-01T06:00:00Z) or LAST, the start of the newest run (the default); "
                   "other kinds: only what is dated from this date (undated items are left out)")
      ->type_name("LAST|DATE");
  report
      ->add_option("--until", line->report.until,
                   "up to this date, at the precision written (2026-12 is all December); as "
                   "--since, undated items are left out")
      ->type_name("DATE");
  report->add_option("--depth", line->report.depth, "with --around: how many hops")
      ->type_name("N")
      ->capture_default_str()
      ->check(InRange(1, 6));
  report
      ->add_option("--by", line->report.by,
                   "replies as CSV: author (default), pair, reply or unanswered")
      ->type_name("BY")
      ->check(OneOf({"author", "pair", "reply", "unanswered"}));

  CLI::App* rebuild = app.add_subcommand(
      "rebuild", "Derive people and edges again from the stored pages (after an upgrade)");
  AddDatabaseOption(rebuild, &line->rebuild_database);
  rebuild->add_flag("-q,--quiet", line->rebuild_quiet,
                    "Accepted for scripts: rebuild prints only its summary line and errors");
  AddLoggingOptions(rebuild, &line->rebuild_logging, LoggingFor::kRebuild);
  AddLockTimeoutOption(rebuild, &line->rebuild_lock_timeout);

  CLI::App* export_command = app.add_subcommand(
      "export", "Export everything stored: posts, comments, people and the graph's edges");
  AddDatabaseOption(export_command, &line->export_command.database);
  export_command
      ->add_option("--format", line->export_command.format,
                   "json | csv | xlsx | graphml | gexf | dot | html (one page to open in a "
                   "browser)")
      ->type_name("FORMAT")
      ->capture_default_str()
      ->check(OneOf({"json", "csv", "xlsx", "graphml", "gexf", "dot", "html"}));
  export_command
      ->add_option("--out", line->export_command.out,
                   "Output file (default: stdout); required for xlsx, and for csv a folder")
      ->type_name("PATH");
  export_command->add_flag(
      "--merge-edges", line->export_command.merge_edges,
      "Graph formats: one edge per pair of people and kind, weighted by how many it stands "
      "for, with the earliest date and every detail, evidence and source");

  CLI::App* status = app.add_subcommand(
      "status", "Show what the database holds, what came of its pages and the last crawl");
  AddDatabaseOption(status, &line->status_database);
  status->add_option("--format", line->status_format, "table | json")
      ->type_name("FORMAT")
      ->capture_default_str()
      ->check(OneOf({"table", "json"}));

  CLI::App* copy = app.add_subcommand(
      "copy", "Copy a SQLite store into an empty PostgreSQL database, everything as it is");
  copy->add_option("--from", line->copy_from, "The SQLite file (PATH or sqlite:PATH)")
      ->required()
      ->type_name("DB");
  copy->add_option("--to", line->copy_to,
                   "The PostgreSQL database (postgresql://USER@HOST[:PORT]/DBNAME), empty or new")
      ->required()
      ->type_name("DB");
  copy->add_flag("-q,--quiet", line->copy_quiet, "Print nothing but errors");

  // Every command reads --config, after its command line (which wins).
  std::string config_file;
  for (CLI::App* command : app.get_subcommands({})) {
    command
        ->add_option("--config", config_file, "Read options from this TOML file (see the README)")
        ->type_name("FILE");
  }
  if (!CheckNames(app, &args, err)) return kExitUsage;
  const std::vector<std::string> given_args = args;
  std::reverse(args.begin(), args.end());  // CLI11 takes the vector last-first
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help, out, err);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help, out, err);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version, out, err);
  } catch (const CLI::ParseError& error) {
    app.exit(error, out, err);
    return kExitUsage;
  }
  CLI::App* parsed = app.get_subcommands().front();
  if (!config_file.empty()) {
    if (Status applied = ApplyConfigFile(config_file, app, parsed, given_args); !applied) {
      err << "linkgraph: " << applied.error().message << "\n";
      return kExitUsage;
    }
  }
  if (crawl->parsed()) {
    if (int read = ReadUrlsFile(&line->crawl, err); read != kParsed) return read;
  }

  using Command = CommandLine::Command;
  if (import->parsed()) {
    line->command = Command::kImport;
  } else if (crawl->parsed()) {
    line->command = Command::kCrawl;
    line->crawl.config_file = config_file;
    if (std::find(line->crawl.discover.begin(), line->crawl.discover.end(), "none") !=
        line->crawl.discover.end()) {
      line->crawl.discover.clear();
    }
  } else if (report->parsed()) {
    line->command = Command::kReport;
  } else if (rebuild->parsed()) {
    line->command = Command::kRebuild;
  } else if (export_command->parsed()) {
    line->command = Command::kExport;
  } else if (copy->parsed()) {
    line->command = Command::kCopy;
  } else {
    line->command = Command::kStatus;
  }
  return kParsed;
}

}  // namespace linkgraph::cli
