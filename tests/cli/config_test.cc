// The --config file as a cron user writes it (TOML: one table per command,
// top-level keys for all), the errors that name its file, line and key,
// the database folder a writer makes, sizes such as 10MB, seeds from a
// file or standard input (--urls-file), and --help that reads in words.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/cli/cli_fixtures.h"

namespace linkgraph::cli_test {
namespace LINKGRAPH_FILE_SCOPE {

namespace data = boost::unit_test::data;

fs::path ConfigData(const std::string& name) { return testing::TestDataDir() / "config" / name; }

std::string SamplePageUrl(const std::string& page) {
  return "file://" + (SampleDir() / page).lexically_normal().string();
}

struct BrokenConfig {
  std::string file;
  std::string message;  // what stderr says after "linkgraph: FILE"
};

std::ostream& operator<<(std::ostream& out, const BrokenConfig& config) {
  return out << config.file;
}

const BrokenConfig kBrokenConfigs[] = {
    {"syntax_error.toml", ":3:"},  // and the column where the parser stopped
    {"unknown_key.toml", ":5: unknown key 'dealy' in [crawl]; did you mean 'delay'?"},
    {"out_of_range.toml", ":4: delay: 5000 is not in 0 to 3600"},
    {"flag_not_boolean.toml", ":2: quiet: takes true or false"},
    {"unknown_table.toml",
     ":1: unknown table [crawll] (tables are commands); did you mean 'crawl'?"},
    {"bad_size.toml", ":2: max-body: 10 parsecs is not a size"},
    {"unknown_top_level_key.toml", ":2: unknown key 'colour' (no command has it)"},
};

BOOST_FIXTURE_TEST_SUITE(cli_config, CliFixture)

BOOST_AUTO_TEST_CASE(each_command_reads_its_table_and_the_top_level_keys) {
  // The config in a folder of its own: its urls-file is found beside it, while
  // its relative db is in the working folder, as --db would be.
  const fs::path conf = dir.path() / "conf";
  fs::create_directories(conf);
  fs::copy_file(ConfigData("everyday.toml"), conf / "everyday.toml");
  WriteFile(conf / "seeds.txt", "# the sample's front page\n\n  " + SampleIndexFileUrl() + "  \n");
  const std::string config = (conf / "everyday.toml").string();
  RunResult crawled = RunOk({"crawl", "--config", config, SamplePageUrl(kSeedPageFile)});
  BOOST_TEST(std::count(crawled.out.begin(), crawled.out.end(), '\n') == 1, crawled);  // quiet
  // The writer made the database's folder.
  const fs::path database = dir.path() / "var/lib/linkgraph/blogs.db";
  BOOST_TEST(fs::exists(database));
  // [status] asks for JSON; the top-level db is status's too.
  nlohmann::json status = ParseJson(RunOk({"status", "--config", config}).out);
  BOOST_TEST(status["pages"]["total"] == 2, status.dump());
  // The command line wins over the file.
  BOOST_TEST(Contains(RunOk({"status", "--config", config, "--format", "table"}).out, "pages"));
}

BOOST_DATA_TEST_CASE_F(CliFixture, a_broken_config_names_its_file_line_and_key,
                       data::make(kBrokenConfigs), broken) {
  const std::string config = ConfigData(broken.file).string();
  RunResult crawled = Run({"crawl", "--config", config});
  BOOST_TEST(crawled.exit_status == 2, crawled);
  BOOST_TEST(Contains(crawled.err, "linkgraph: " + config + broken.message), crawled);
  BOOST_TEST(!fs::exists(dir.path() / "linkgraph.db"));
}

BOOST_AUTO_TEST_CASE(a_table_of_another_command_is_checked_too) {
  // A typo in [report] fails tonight's crawl, not next week's report.
  const fs::path config = dir.path() / "typo.toml";
  WriteFile(config, "[crawl]\ndelay = 0\n\n[report]\nfromat = \"csv\"\n");
  RunResult crawled = Run({"crawl", "--config", config.string(), SampleIndexFileUrl()});
  BOOST_TEST(crawled.exit_status == 2, crawled);
  BOOST_TEST(Contains(crawled.err, ":5: unknown key 'fromat' in [report]; did you mean 'format'?"),
             crawled);
}

BOOST_AUTO_TEST_CASE(a_missing_or_unreadable_config_file_is_named) {
  const std::string missing = (dir.path() / "missing.toml").string();
  RunResult result = Run({"status", "--config", missing});
  BOOST_TEST(result.exit_status == 2, result);
  BOOST_TEST(Contains(result.err, "cannot read config file " + missing + ": No such file"), result);
  result = Run({"status", "--config", dir.path().string()});
  BOOST_TEST(result.exit_status == 2, result);
  BOOST_TEST(Contains(result.err, dir.path().string() + ": it is a folder"), result);
}

BOOST_AUTO_TEST_CASE(the_config_db_wins_over_linkgraph_db_and_db_over_both) {
  const fs::path config = dir.path() / "db.toml";
  WriteFile(config, "db = \"from-config.db\"\n");
  ScopedEnv env("LINKGRAPH_DB", (dir.path() / "from-env.db").string());
  RunOk({"import", "--quiet", "--config", config.string(), SampleDir().string()});
  BOOST_TEST(fs::exists(dir.path() / "from-config.db"));
  BOOST_TEST(!fs::exists(dir.path() / "from-env.db"));
  RunOk({"import", "--quiet", "--config", config.string(), "--db", db, SampleDir().string()});
  BOOST_TEST(fs::exists(db));
}

BOOST_AUTO_TEST_CASE(a_reader_names_the_missing_folder_of_the_database) {
  const std::string missing = (dir.path() / "no-such-folder" / "blogs.db").string();
  RunResult result = Run({"report", "people", "--db", missing});
  BOOST_TEST(result.exit_status == 1, result);
  BOOST_TEST(Contains(result.err,
                      "its folder " + (dir.path() / "no-such-folder").string() + " does not exist"),
             result);
  BOOST_TEST(!fs::exists(dir.path() / "no-such-folder"));
}

BOOST_AUTO_TEST_CASE(sizes_take_units_and_a_bad_one_names_its_option) {
  // 1KiB is less than the sample's front page: the body is refused.
  RunResult small = Run({"crawl", "--db", db, "--scope", "list", "--discover", "none", "--max-body",
                         "1KiB", SampleIndexFileUrl()});
  BOOST_TEST(Contains(small.err, "body larger than 1024 bytes"), small);
  RunOk({"crawl", "--db", db, "--scope", "list", "--discover", "none", "--max-body", "1.5MB",
         "--max-total-bytes", "10M", SampleIndexFileUrl()});
  for (const char* bad : {"10XB", "1KB2", "-5MB", ""}) {
    RunResult refused = Run({"crawl", "--max-body", bad, SampleIndexFileUrl()});
    BOOST_TEST(refused.exit_status == 2, bad << ": " << refused);
    BOOST_TEST(Contains(refused.err, "--max-body"), bad << ": " << refused);
  }
  RunResult too_small = Run({"crawl", "--max-total-bytes", "1000", SampleIndexFileUrl()});
  BOOST_TEST(too_small.exit_status == 2, too_small);
  BOOST_TEST(Contains(too_small.err, "--max-total-bytes: 1000 is not in 1KiB to 1024TiB"),
             too_small);
}

BOOST_AUTO_TEST_CASE(seeds_come_from_a_urls_file_beside_those_on_the_command_line) {
  const fs::path seeds = dir.path() / "seeds.txt";
  WriteFile(seeds, "# seeds\n\n   " + SampleIndexFileUrl() + "\t\n#" +
                       SamplePageUrl(kSeedPageFile) + "\n");
  RunOk({"crawl", "--db", db, "--scope", "list", "--discover", "none", "--urls-file",
         seeds.string(), SamplePageUrl(SamplePages()[1])});
  BOOST_TEST(Status()["pages"] == 2);  // the commented-out line is no seed
}

BOOST_AUTO_TEST_CASE(seeds_come_from_standard_input_with_urls_file_dash) {
  const fs::path seeds = dir.path() / "seeds.txt";
  WriteFile(seeds, SampleIndexFileUrl() + "\n" + SamplePageUrl(kSeedPageFile) + "\n");
  RunResult crawled = testing::RunLinkgraph(
      {"crawl", "--db", db, "--scope", "list", "--discover", "none", "--urls-file", "-"},
      dir.path(), std::chrono::seconds(60), {}, {SIGKILL}, seeds.string());
  BOOST_TEST(crawled.exit_status == 0, crawled);
  BOOST_TEST(Status()["pages"] == 2);
}

BOOST_AUTO_TEST_CASE(an_unreadable_urls_file_is_a_usage_error_naming_it) {
  const std::string missing = (dir.path() / "nothing.txt").string();
  RunResult result = Run({"crawl", "--db", db, "--urls-file", missing});
  BOOST_TEST(result.exit_status == 2, result);
  BOOST_TEST(Contains(result.err, "cannot read --urls-file " + missing), result);
  BOOST_TEST(!fs::exists(db));
}

BOOST_AUTO_TEST_CASE(help_says_types_ranges_and_defaults_in_words) {
  for (const char* command : {"import", "crawl", "report", "rebuild", "export", "status", "copy"}) {
    RunResult help = RunOk({command, "--help"});
    for (const char* raw : {"INT", "FLOAT", "TEXT", " in [", "=", "{"}) {
      BOOST_TEST(
          !Contains(help.out.substr(0, help.out.find("\n\n", help.out.find("Options:"))), raw),
          command << " --help shows " << raw << ":\n"
                  << help.out);
    }
  }
  const std::string crawl = RunOk({"crawl", "--help"}).out;
  BOOST_TEST(Contains(crawl, "--max-links-per-page N"), crawl);
  BOOST_TEST(Contains(crawl, "(1 to 20000) [default: 5000]"), crawl);
  BOOST_TEST(Contains(crawl, "--delay SECONDS"), crawl);
  BOOST_TEST(Contains(crawl, "--max-body SIZE"), crawl);
  BOOST_TEST(Contains(crawl, "[default: 10MiB]"), crawl);
  BOOST_TEST(Contains(crawl, "MB, GB, TB (also k, M, G)\nare powers of 1000"), crawl);
  BOOST_TEST(Contains(crawl, "--urls-file FILE"), crawl);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::cli_test
