// `linkgraph crawl`, import and rebuild as a cron job runs them: one
// timestamped summary line naming the database, --log, -v, progress lines
// off a terminal, and exit 130 / 143 after a graceful stop by SIGINT /
// SIGTERM, from which the same command resumes.
#include <boost/test/unit_test.hpp>
#include <csignal>
#include <regex>
#include <sstream>

#include "tests/cli/cli_fixtures.h"
#include "tests/cli/slow_blog.h"

namespace linkgraph::cli_test {
namespace LINKGRAPH_FILE_SCOPE {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Lines of out and err that are a summary of `command`.
std::vector<std::string> SummaryLines(const RunResult& result, const std::string& command) {
  const std::regex summary("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ linkgraph " + command +
                           " [a-z]+: db=");
  std::vector<std::string> found;
  for (const std::string* stream : {&result.out, &result.err}) {
    for (const std::string& line : Lines(*stream)) {
      if (std::regex_search(line, summary)) found.push_back(line);
    }
  }
  return found;
}

BOOST_FIXTURE_TEST_SUITE(cli_cron, CliFixture)

BOOST_AUTO_TEST_CASE(
    a_crawl_ends_with_one_summary_line_that_starts_with_the_time_and_names_the_db) {
  SlowBlog site(4);
  RunResult crawled = RunOk(site.Args(db));
  const std::vector<std::string> summaries = SummaryLines(crawled, "crawl");
  BOOST_TEST_REQUIRE(summaries.size() == 1u, crawled);
  BOOST_TEST(Contains(summaries[0], " linkgraph crawl ok: db=" + db + " crawl #1: "), crawled);
  BOOST_TEST(Lines(crawled.out).back() == summaries[0], "the summary is the last line");
}

BOOST_AUTO_TEST_CASE(a_crawl_that_hits_its_limits_still_prints_one_summary) {
  SlowBlog site(8);
  RunResult crawled = RunOk(site.Args(db, {"--max-pages", "3"}));
  BOOST_TEST(Contains(crawled.err, "(--max-pages)"), crawled);  // the limit: a detail line
  BOOST_TEST(SummaryLines(crawled, "crawl").size() == 1u, crawled);
  RunResult quiet = RunOk(site.Args(db, {"--max-pages", "3", "-q"}));
  BOOST_TEST(SummaryLines(quiet, "crawl").size() == 1u, quiet);
  BOOST_TEST(Lines(quiet.out).size() == 1u, quiet);
}

BOOST_AUTO_TEST_CASE(import_and_rebuild_end_with_one_summary_line_each) {
  RunResult imported = ImportSample();
  const std::vector<std::string> import_summaries = SummaryLines(imported, "import");
  BOOST_TEST_REQUIRE(import_summaries.size() == 1u, imported);
  BOOST_TEST(Contains(import_summaries[0], "import ok: db=" + db + " imported 4 of 4 files: "));
  RunResult rebuilt = RunOk({"rebuild", "--db", db});
  const std::vector<std::string> rebuild_summaries = SummaryLines(rebuilt, "rebuild");
  BOOST_TEST_REQUIRE(rebuild_summaries.size() == 1u, rebuilt);
  BOOST_TEST(Contains(rebuild_summaries[0], "rebuild ok: db=" + db + " graph: "), rebuilt);
}

BOOST_AUTO_TEST_CASE(a_busy_database_gives_exit_75_and_a_busy_summary) {
  SlowBlog site(2);
  // Held by a crawl of a slow blog while the second run tries.
  SlowBlog slow(20, std::chrono::milliseconds(100));
  RunResult busy;
  RunResult holder = testing::RunLinkgraph(slow.Args(db), dir.path(), std::chrono::seconds(60),
                                           [&] {
                                             if (RecordedUrlCount(db) == 0)
                                               return false;  // the slow crawl's first batch is in
                                             busy = Run(site.Args(db));
                                             return true;
                                           },
                                           {SIGTERM});
  BOOST_TEST(busy.exit_status == 75, busy);
  const std::vector<std::string> summaries = SummaryLines(busy, "crawl");
  BOOST_TEST_REQUIRE(summaries.size() == 1u, busy);
  BOOST_TEST(Contains(summaries[0], "crawl busy: db="), busy);
  BOOST_TEST(holder.exit_status == 143, holder);
}

BOOST_AUTO_TEST_CASE(log_appends_every_printed_line_timestamped) {
  SlowBlog site(3);
  testing::Route gone;
  gone.status = 404;
  site.server.SetRoute("/2001/01/gone/", gone);
  fs::create_directories(dir.path() / "logs");
  const std::string log = (dir.path() / "logs" / "crawl.log").string();
  WriteFile(log, "an earlier line\n");
  RunResult crawled =
      Run(site.Args(db, {"--log", log, "--scope", "list", site.server.Url("/2001/01/gone/")}));
  BOOST_TEST(crawled.exit_status == 3, crawled);
  std::ifstream in(log);
  std::stringstream read;
  read << in.rdbuf();
  const std::vector<std::string> lines = Lines(read.str());
  BOOST_TEST_REQUIRE(lines.size() > 2u, read.str());
  BOOST_TEST(lines[0] == "an earlier line");  // appended
  const std::regex stamped("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ [^0-9]");
  for (size_t i = 1; i < lines.size(); ++i) {
    BOOST_TEST(std::regex_search(lines[i], stamped), lines[i]);
  }
  BOOST_TEST(Contains(read.str(), "/2001/01/gone/: "), read.str());  // the problem's line
  const std::string summary = SummaryLines(crawled, "crawl").at(0);
  BOOST_TEST(lines.back() == summary, read.str());
}

BOOST_AUTO_TEST_CASE(log_in_a_missing_folder_is_a_clear_usage_error) {
  RunResult crawled = Run(
      {"crawl", "--db", db, "--log", (dir.path() / "no" / "x.log").string(), SampleIndexFileUrl()});
  BOOST_TEST(crawled.exit_status == 2, crawled);
  BOOST_TEST(Contains(crawled.err, "create it first"), crawled);
  RunResult imported = Run({"import", "--db", db, "--log", (dir.path() / "no" / "x.log").string(),
                            SampleDir().string()});
  BOOST_TEST(imported.exit_status == 2, imported);
  BOOST_TEST(!fs::exists(db), "nothing was done");
}

BOOST_AUTO_TEST_CASE(verbose_prints_a_line_per_page_and_is_not_allowed_with_quiet) {
  SlowBlog site(3);
  RunResult crawled = RunOk(site.Args(db, {"-v", "--discover", "none"}));
  for (const auto& post : site.blog.posts) {
    BOOST_TEST(Contains(crawled.err, "linkgraph crawl: " + site.server.Url(post.target) +
                                         ": HTTP 200 ok; stored a post, "),
               crawled);
  }
  RunResult imported = RunOk({"import", "-v", "--db", db, SampleDir().string()});
  BOOST_TEST(Contains(imported.err, "index.html: stored a post, 8 comments"), imported);
  for (const auto& command : {"crawl", "import"}) {
    RunResult both = Run({command, "-q", "-v", "--db", db, SampleDir().string()});
    BOOST_TEST(both.exit_status == 2, both);
    BOOST_TEST(Contains(both.err, "--quiet excludes --verbose"), both);
  }
}

BOOST_AUTO_TEST_CASE(off_a_terminal_a_long_crawl_prints_a_progress_line_every_interval) {
  SlowBlog site(12, std::chrono::milliseconds(150));
  RunResult crawled = RunOk(site.Args(db, {"--progress-every", "1"}));
  const std::regex progress(
      "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ linkgraph crawl: progress: \\d+ fetched, \\d+ "
      "failed, \\d+ queued, \\d+ in flight, at \\d+ pages/min, \\S+ elapsed");
  int progress_lines = 0;
  for (const std::string& line : Lines(crawled.err))
    progress_lines += std::regex_search(line, progress);
  BOOST_TEST(progress_lines >= 1, crawled);
  BOOST_TEST(!Contains(crawled.err, "\r"), "no live line off a terminal");
  CliFixture never;
  RunResult silent = never.RunOk(site.Args(never.db, {"--progress-every", "0"}));
  BOOST_TEST(!Contains(silent.err, "progress:"), silent);
}

BOOST_AUTO_TEST_CASE(sigint_and_sigterm_stop_gracefully_exit_130_and_143_and_the_rerun_resumes) {
  SlowBlog site(30, std::chrono::milliseconds(100));
  for (const auto& [signal, status] : {std::pair{SIGINT, 130}, std::pair{SIGTERM, 143}}) {
    CliFixture run;
    RunResult stopped =
        testing::RunLinkgraph(site.Args(run.db), run.dir.path(), std::chrono::seconds(60),
                              [&] { return RecordedUrlCount(run.db) > 0; }, {signal});
    BOOST_TEST(stopped.signal == 0, "exits, not killed by the signal: " << stopped);
    BOOST_TEST(stopped.exit_status == status, stopped);
    const std::vector<std::string> summaries = SummaryLines(stopped, "crawl");
    BOOST_TEST_REQUIRE(summaries.size() == 1u, stopped);
    BOOST_TEST(Contains(summaries[0], "crawl interrupted: db="), stopped);
    BOOST_TEST(Contains(summaries[0], "run the same command to resume"), stopped);
    BOOST_TEST(RecordedUrlCount(run.db) > 0, "what was stored stays");

    RunResult resumed = run.Run(site.Args(run.db));
    BOOST_TEST(resumed.exit_status == 0, resumed);
    BOOST_TEST(Contains(resumed.err, "resuming the unfinished crawl #1"), resumed);
  }
}

// A second signal while the first one's stop is under way ends the process
// at once, as a second Ctrl-C does: no summary, the first signal's status,
// and what was recorded stays for the rerun.
BOOST_AUTO_TEST_CASE(a_second_signal_stops_at_once_and_the_rerun_resumes) {
  SlowBlog site(30, std::chrono::milliseconds(100));
  // SIGINT and SIGTERM, sent together: two signals of one kind would merge
  // into one while pending.
  RunResult stopped =
      testing::RunLinkgraph(site.Args(db), dir.path(), std::chrono::seconds(60),
                            [&] { return RecordedUrlCount(db) > 0; }, {SIGINT, SIGTERM});
  BOOST_TEST(stopped.signal == 0, "exits, not killed by the signal: " << stopped);
  BOOST_TEST((stopped.exit_status == 130 || stopped.exit_status == 143), stopped);
  BOOST_TEST(Contains(stopped.err, "linkgraph: second signal: stopping now"), stopped);
  BOOST_TEST(SummaryLines(stopped, "crawl").empty(), stopped);
  BOOST_TEST(RecordedUrlCount(db) > 0, "what was stored stays");

  RunResult resumed = Run(site.Args(db));
  BOOST_TEST(resumed.exit_status == 0, resumed);
  BOOST_TEST(Contains(resumed.err, "resuming the unfinished crawl #1"), resumed);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::cli_test
