// The command line as a newcomer meets it: a mistyped command or option
// answered with the name meant, `help`, -V, the LINKGRAPH_DB environment
// variable and sizes with units.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <sstream>

#include "common/utf8.h"
#include "tests/cli/cli_fixtures.h"

namespace linkgraph::cli_test {
namespace LINKGRAPH_FILE_SCOPE {

BOOST_FIXTURE_TEST_SUITE(cli_command_line, CliFixture)

BOOST_AUTO_TEST_CASE(a_mistyped_command_is_answered_with_the_command_meant) {
  RunResult result = Run({"reprot", "met"});
  BOOST_TEST(result.exit_status == 2, result);
  BOOST_TEST(Contains(result.err, "unknown command 'reprot'; did you mean 'report'?"), result);
}

BOOST_AUTO_TEST_CASE(a_mistyped_option_is_answered_with_that_commands_option) {
  RunResult result = Run({"crawl", "--dealy", "2", "http://127.0.0.1:9/"});
  BOOST_TEST(result.exit_status == 2, result);
  BOOST_TEST(Contains(result.err, "unknown option '--dealy'; did you mean '--delay'?"), result);
  result = Run({"export", "--fromat=csv"});
  BOOST_TEST(result.exit_status == 2, result);
  BOOST_TEST(Contains(result.err, "did you mean '--format'?"), result);
}

BOOST_AUTO_TEST_CASE(a_name_far_from_every_known_one_gets_no_guess) {
  RunResult result = Run({"status", "--xyzzy-plugh"});
  BOOST_TEST(result.exit_status == 2, result);
  BOOST_TEST(Contains(result.err, "unknown option '--xyzzy-plugh'"), result);
  BOOST_TEST(!Contains(result.err, "did you mean"), result);
}

BOOST_AUTO_TEST_CASE(dash_V_prints_the_version_as_version_does) {
  RunResult short_flag = RunOk({"-V"});
  BOOST_TEST(Contains(short_flag.out, "linkgraph 0.1.0"), short_flag);
  BOOST_TEST(short_flag.out == RunOk({"--version"}).out);
}

BOOST_AUTO_TEST_CASE(help_command_prints_the_same_as_dash_dash_help) {
  BOOST_TEST(RunOk({"help"}).out == RunOk({"--help"}).out);
  RunResult report = RunOk({"help", "report"});
  BOOST_TEST(report.out == RunOk({"report", "--help"}).out);
  BOOST_TEST(Contains(report.out, "Usage: linkgraph report"), report);
}

// CLI11 writes each description on one line, up to 260 columns; ours wrap
// at 80 under the description column, whole groups like "(1 to 20000)".
BOOST_AUTO_TEST_CASE(help_descriptions_wrap_at_80_columns) {
  for (const char* command :
       {"", "import", "crawl", "report", "rebuild", "export", "status", "copy"}) {
    std::vector<std::string> args;
    if (*command != '\0') args.push_back(command);
    args.push_back("--help");
    const std::string help = RunOk(args).out;
    // The first description, the options and the commands; the hand-laid
    // notes after them are left as written.
    const size_t options = help.find("\nOptions:\n");
    const size_t commands = help.find("\nSubcommands:\n");
    BOOST_TEST_REQUIRE(options != std::string::npos, help);
    const size_t notes =
        help.find("\n\n", commands == std::string::npos ? options : std::max(options, commands));
    std::istringstream lines(help.substr(0, notes));
    for (std::string line; std::getline(lines, line);) {
      BOOST_TEST(CountCodePoints(line) <= 80u, "linkgraph " << command << " --help: " << line);
    }
  }
  const std::string crawl = RunOk({"crawl", "--help"}).out;
  BOOST_TEST(Contains(crawl, "\n                              (1 to 20000) [default: 5000]\n"),
             crawl);
}

BOOST_AUTO_TEST_CASE(help_for_an_unknown_command_suggests_one) {
  RunResult result = Run({"help", "exprot"});
  BOOST_TEST(result.exit_status == 2, result);
  BOOST_TEST(Contains(result.err, "did you mean 'export'?"), result);
}

BOOST_AUTO_TEST_CASE(linkgraph_db_names_the_database_when_db_is_not_given) {
  const std::string from_env = (dir.path() / "from-env.db").string();
  {
    ScopedEnv env("LINKGRAPH_DB", "sqlite:" + from_env);
    RunOk({"import", "--quiet", SampleDir().string()});
    BOOST_TEST(Contains(RunOk({"status"}).out, "posts       3"));
    // --db wins: the default file named on the command line is still empty.
    RunResult status = Run({"status", "--db", db});
    BOOST_TEST(!Contains(status.out, "posts       3"), status);
  }
  BOOST_TEST(fs::exists(from_env));
  BOOST_TEST(Contains(RunOk({"status", "--db", from_env}).out, "posts       3"));
  BOOST_TEST(Contains(RunOk({"import", "--help"}).out, "LINKGRAPH_DB"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::cli_test
