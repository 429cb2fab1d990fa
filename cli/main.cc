// The `linkgraph` executable: parses the command line (CLI11) and runs one
// subcommand. Exit status: 0 success, 1 failure, 2 usage, 3 partial.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "cli/commands.h"

namespace linkgraph::cli {
namespace {

constexpr char kFooter[] =
    "Exit status: 0 success, 1 failure (nothing done, or an input failed), 2 usage error,\n"
    "3 partial (some pages failed, the rest were stored).\n"
    "Run 'linkgraph COMMAND --help' for a command's options.";

void AddDatabaseOption(CLI::App* command, std::string* database) {
  command->add_option("--db", *database, "SQLite database file")
      ->capture_default_str()
      ->type_name("FILE");
}

int Run(int argc, char** argv) {
  CLI::App app{
      "linkgraph: crawl blogs, extract posts, threaded comments, trackbacks and @mentions,\n"
      "and report who met whom, who replies to, mentions and links to whom."};
  app.footer(kFooter);
  app.require_subcommand(1);
  app.set_version_flag("--version", "linkgraph 0.1.0");

  ImportOptions import_options;
  CLI::App* import = app.add_subcommand("import", "Extract saved pages (HTML files or folders)");
  AddDatabaseOption(import, &import_options.database);
  import->add_option("paths", import_options.paths, "HTML files, or folders searched for them")
      ->required()
      ->type_name("PATH");
  import->add_flag("-q,--quiet", import_options.quiet, "Print nothing but errors");
  import->add_flag("--no-graph", import_options.no_graph,
                   "Do not derive people and edges now (run 'linkgraph rebuild' later)");
  import->add_flag("--reextract", import_options.reextract,
                   "Extract files whose bytes are already stored too (after an upgrade)");

  CrawlOptions crawl_options;
  CLI::App* crawl = app.add_subcommand(
      "crawl",
      "Fetch pages (file://, http://, https://), extract and store them, following "
      "links within each seed's site");
  AddDatabaseOption(crawl, &crawl_options.database);
  crawl->add_option("urls", crawl_options.seeds, "Seed URLs")->required()->type_name("URL");
  crawl->add_option("--max-pages", crawl_options.max_pages, "Stop after this many pages")
      ->capture_default_str()
      ->check(CLI::Range(1, 10000000));
  crawl
      ->add_option("--delay", crawl_options.delay_seconds,
                   "Seconds between requests to one http(s) host")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 3600.0));
  crawl->add_option("--timeout", crawl_options.timeout_seconds, "Seconds allowed per fetch")
      ->capture_default_str()
      ->check(CLI::Range(0.1, 3600.0));
  crawl->add_flag("-q,--quiet", crawl_options.quiet, "Print only a line when something failed");
  crawl->add_flag("--no-graph", crawl_options.no_graph,
                  "Do not derive people and edges now (run 'linkgraph rebuild' later)");

  ReportOptions report_options;
  CLI::App* report = app.add_subcommand(
      "report", "Print a report: met, replies, mentions, links, people, person, path, vouch");
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
      "WHO is a handle (@LaraNewman), a name (\"Margo Rose\"), a site or URL, or #ID.");
  AddDatabaseOption(report, &report_options.database);
  report->add_option("kind", report_options.kind, "the report (see below)")->required();
  report->add_option("arguments", report_options.arguments, "WHO, or A B for path")
      ->type_name("WHO");
  report->add_option("--format", report_options.format, "table | csv | json | dot | svg")
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "csv", "json", "dot", "svg"}));
  report->add_option("--person", report_options.person, "met: only statements by or about WHO")
      ->type_name("WHO");
  report->add_option("--as", report_options.asker, "vouch: the person asking")->type_name("WHO");
  report->add_option("--limit", report_options.limit, "people: how many")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000000));
  report
      ->add_option("--by", report_options.by,
                   "replies as CSV: author (default), pair, reply or unanswered")
      ->check(CLI::IsMember({"author", "pair", "reply", "unanswered"}));

  std::string rebuild_database = kDefaultDatabase;
  bool rebuild_quiet = false;
  CLI::App* rebuild = app.add_subcommand(
      "rebuild", "Derive people and edges again from the stored pages (after an upgrade)");
  AddDatabaseOption(rebuild, &rebuild_database);
  rebuild->add_flag("-q,--quiet", rebuild_quiet, "Print nothing but errors");

  ExportOptions export_options;
  CLI::App* export_command = app.add_subcommand(
      "export", "Export everything stored: posts, comments, people and the graph's edges");
  AddDatabaseOption(export_command, &export_options.database);
  export_command->add_option("--format", export_options.format, "json | csv | graphml | gexf | dot")
      ->capture_default_str()
      ->check(CLI::IsMember({"json", "csv", "graphml", "gexf", "dot"}));
  export_command
      ->add_option("--out", export_options.out,
                   "Output file (default: stdout); for csv a folder, required")
      ->type_name("PATH");

  std::string status_database = kDefaultDatabase;
  CLI::App* status = app.add_subcommand("status", "Show what the database holds");
  AddDatabaseOption(status, &status_database);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return kExitUsage;
  }

  if (import->parsed()) return RunImport(import_options);
  if (crawl->parsed()) return RunCrawl(crawl_options);
  if (report->parsed()) return RunReport(report_options);
  if (rebuild->parsed()) return RunRebuild(rebuild_database, rebuild_quiet);
  if (export_command->parsed()) return RunExport(export_options);
  return RunStatus(status_database);
}

}  // namespace
}  // namespace linkgraph::cli

int main(int argc, char** argv) {
  // Exceptions are for bugs; they are caught once, here.
  try {
    return linkgraph::cli::Run(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "linkgraph: internal error: " << error.what() << '\n';
    return linkgraph::cli::kExitFailure;
  }
}
