// The relationship graph from the command line, on the sample blog: the
// seed post's who-met-whom table (PRODUCT.md), replies per blog author,
// vouch, path, person, people, drawings, and their usage errors.
#include <boost/test/unit_test.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "tests/cli/cli_fixtures.h"

namespace linkgraph::cli_test {
namespace LINKGRAPH_FILE_SCOPE {

using MetRow = std::tuple<std::string, std::string, std::string, std::string>;

std::set<MetRow> MetRows(const nlohmann::json& rows) {
  std::set<MetRow> found;
  for (const auto& row : rows) {
    found.emplace(row.at("a").get<std::string>(), row.at("b").get<std::string>(),
                  row.at("kind").get<std::string>(), row.at("detail").get<std::string>());
  }
  return found;
}

// PRODUCT.md, "The seed, as linkgraph must see it". A person known only by
// a handle is named by it.
const std::set<MetRow>& SeedMetRows() {
  static const std::set<MetRow> rows = {
      {"Wendy", "@LisaScales", "spoke", "phone"},
      {"Wendy", "@AndyHeadworth", "spoke", "phone"},
      {"Wendy", "@AlanWhitford", "spoke", "phone"},
      {"Wendy", "@RadicalRecruit", "spoke", "Skype"},
      {"Wendy", "@MervynDinnen", "met", "dinner"},
      {"Wendy", "@LaraNewman", "met", "dinner; ice skating"},
      {"Wendy", "@ClareWildman", "plans_to_meet", "after work drinks, tomorrow"},
      {"Dave Martin", "Wendy", "met", "\"PS We have met!\""},
      {"Wendy", "Dave Martin", "met", "at TRULondon"},
      {"Wendy", "Margo Rose", "plans_to_meet", "at TRULondon2, in Feb"},
  };
  return rows;
}

struct SeedFixture : CliFixture {
  SeedFixture() { CopyImported({(SampleDir() / kSeedPageFile).string()}); }

  nlohmann::json Report(std::vector<std::string> args) const {
    args.insert(args.begin(), "report");
    for (const char* extra : {"--db", db.c_str(), "--format", "json"}) args.emplace_back(extra);
    return ParseJson(RunOk(args).out);
  }
};

BOOST_FIXTURE_TEST_SUITE(cli_graph_reports, SeedFixture)

BOOST_AUTO_TEST_CASE(met_on_the_seed_is_exactly_the_ten_rows_of_the_product_table) {
  const nlohmann::json rows = Report({"met"});
  BOOST_TEST(rows.size() == 10u, rows.dump(2));
  const std::set<MetRow> found = MetRows(rows);
  for (const MetRow& wanted : SeedMetRows()) {
    BOOST_TEST(found.count(wanted) == 1u,
               "missing: " << std::get<0>(wanted) << " | " << std::get<1>(wanted) << " | "
                           << std::get<2>(wanted) << " | " << std::get<3>(wanted) << "\n"
                           << rows.dump(2));
  }
}

BOOST_AUTO_TEST_CASE(met_rows_carry_handles_evidence_dates_and_sources) {
  for (const auto& row : Report({"met"})) {
    BOOST_TEST(!row.at("evidence").get<std::string>().empty(), row.dump());
    BOOST_TEST(row.at("source_url").get<std::string>().find(kSeedPostUrl) == 0u, row.dump());
    if (row.at("b") == "Margo Rose") {
      BOOST_TEST(row.at("b_handles") == nlohmann::json::array({"@HRMargo"}));
      BOOST_TEST(row.at("event") == "TRULondon2");
      BOOST_TEST(row.at("date") == "2010-02");  // "in Feb", said on 10 December 2009
      BOOST_TEST(row.at("evidence").get<std::string>().find("TRULondon2 in Feb") !=
                 std::string::npos);
    }
    if (row.at("b") == "@ClareWildman") BOOST_TEST(row.at("date") == "2009-12-07");
  }
}

BOOST_AUTO_TEST_CASE(met_person_filter_keeps_only_statements_by_or_about_that_person) {
  const std::set<MetRow> rows = MetRows(Report({"met", "--person", "Dave Martin"}));
  BOOST_TEST(rows.size() == 2u);
  for (const MetRow& row : rows) {
    BOOST_TEST((std::get<0>(row) == "Dave Martin" || std::get<1>(row) == "Dave Martin"));
  }
}

BOOST_AUTO_TEST_CASE(replies_show_wendy_answered_all_four_top_level_comments_within_days) {
  const nlohmann::json report = Report({"replies"});
  BOOST_REQUIRE_EQUAL(report.at("authors").size(), 1u);
  const nlohmann::json& wendy = report.at("authors")[0];
  BOOST_TEST(wendy.at("blog_author") == "Wendy");
  BOOST_TEST(wendy.at("top_level_comments") == 4);
  BOOST_TEST(wendy.at("answered") == 4);
  BOOST_TEST(wendy.at("unanswered") == 0);
  // Akiki's answer came after 3 d 5 h, Margo's after 3 d 23 h 40 min.
  BOOST_TEST(wendy.at("min_latency_hours").get<double>() > 3 * 24.0);
  BOOST_TEST(wendy.at("max_latency_hours").get<double>() < 4 * 24.0);
  BOOST_TEST(report.at("unanswered").empty());
  BOOST_TEST(report.at("replies").size() == 4u);
}

BOOST_AUTO_TEST_CASE(vouch_for_lara_newman_names_wendy) {
  const nlohmann::json rows = Report({"vouch", "@LaraNewman"});
  BOOST_REQUIRE(!rows.empty());
  for (const auto& row : rows) BOOST_TEST(row.at("voucher") == "Wendy");
}

BOOST_AUTO_TEST_CASE(vouch_as_dave_martin_shows_he_reaches_the_voucher_directly) {
  const nlohmann::json rows = Report({"vouch", "@LaraNewman", "--as", "Dave Martin"});
  BOOST_REQUIRE(!rows.empty());
  BOOST_TEST(rows[0].at("asker_reaches_voucher") == "Dave Martin -> Wendy");
}

BOOST_AUTO_TEST_CASE(path_from_dave_martin_to_lara_newman_goes_through_wendy) {
  const nlohmann::json hops = Report({"path", "Dave Martin", "@LaraNewman"});
  BOOST_REQUIRE_EQUAL(hops.size(), 2u);
  std::set<std::string> first = {hops[0].at("from"), hops[0].at("to")};
  std::set<std::string> second = {hops[1].at("from"), hops[1].at("to")};
  BOOST_TEST((first == std::set<std::string>{"Dave Martin", "Wendy"}));
  BOOST_TEST((second == std::set<std::string>{"Wendy", "@LaraNewman"}));
  // The strongest evidence of each hop: they met.
  BOOST_TEST(hops[0].at("kind") == "met");
  BOOST_TEST(hops[1].at("kind") == "met");
}

BOOST_AUTO_TEST_CASE(person_explains_why_each_identity_belongs_to_margo_rose) {
  const nlohmann::json person = Report({"person", "@hrmargo"});
  BOOST_TEST(person.at("name") == "Margo Rose");
  std::set<std::string> identities;
  for (const auto& identity : person.at("identities")) {
    identities.insert(identity.at("kind").get<std::string>() + " " +
                      identity.at("value").get<std::string>());
    BOOST_TEST(!identity.at("why").get<std::string>().empty(), identity.dump());
  }
  BOOST_TEST(identities.count("name Margo Rose") == 1u);
  BOOST_TEST(identities.count("handle @HRMargo") == 1u);
  BOOST_TEST(identities.count("url http://twitter.com/HRMargo") == 1u);
}

BOOST_AUTO_TEST_CASE(the_blog_author_and_the_commenter_wendy_are_one_person) {
  const nlohmann::json person = Report({"person", "wendytherecruiter.wordpress.com"});
  BOOST_TEST(person.at("name") == "Wendy");
  BOOST_TEST(person.at("texts") == 5);  // the post and her four replies
}

BOOST_AUTO_TEST_CASE(a_signature_that_repeats_the_authors_handle_is_no_mention_edge) {
  const nlohmann::json exported = ExportJson();
  for (const auto& edge : exported.at("edges")) {
    const bool self = edge.at("from") == edge.at("to");
    BOOST_TEST((!self || edge.at("kind") == "linked"), edge.dump());
  }
}

BOOST_AUTO_TEST_CASE(people_ranks_wendy_first_with_degrees_per_kind) {
  const nlohmann::json rows = Report({"people", "--limit", "3"});
  BOOST_REQUIRE_EQUAL(rows.size(), 3u);
  BOOST_TEST(rows[0].at("name") == "Wendy");
  BOOST_TEST(rows[0].at("edges").at("spoke") == 4);
  BOOST_TEST(rows[0].at("degree").get<int>() >= 10);
}

BOOST_AUTO_TEST_CASE(met_path_and_people_draw_as_dot_and_svg) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"met"}, {"path", "Dave Martin", "@LaraNewman"}, {"people"}}) {
    std::vector<std::string> dot = {"report"};
    dot.insert(dot.end(), args.begin(), args.end());
    dot.insert(dot.end(), {"--db", db, "--format", "dot"});
    BOOST_TEST(RunOk(dot).out.find("digraph") != std::string::npos);
    dot.back() = "svg";
    BOOST_TEST(RunOk(dot).out.find("<svg") != std::string::npos);
  }
}

// The drawing's lines as DOT writes them: "from" -> "to", with the label.
std::vector<std::pair<std::string, std::string>> DotLines(const std::string& dot) {
  std::vector<std::pair<std::string, std::string>> lines;
  std::istringstream in(dot);
  for (std::string line; std::getline(in, line);) {
    const size_t arrow = line.find(" -> ");
    if (arrow == std::string::npos) continue;
    const size_t label = line.find("\"label\"=\"");
    const size_t label_end = line.find('"', label + 9);
    lines.emplace_back(line.substr(0, line.find(" [", arrow)),
                       line.substr(label + 9, label_end - label - 9));
  }
  return lines;
}

size_t DotNodes(const std::string& dot) {
  size_t nodes = 0;
  std::istringstream in(dot);
  for (std::string line; std::getline(in, line);) {
    nodes +=
        line.find(" -> ") == std::string::npos && line.find("[\"label\"=") != std::string::npos;
  }
  return nodes;
}

BOOST_AUTO_TEST_CASE(a_drawing_merges_parallel_edges_into_one_line_with_kinds_and_counts) {
  const std::string dot = RunOk({"report", "people", "--db", db, "--format", "dot"}).out;
  const auto lines = DotLines(dot);
  std::set<std::string> pairs;
  bool counted = false;
  for (const auto& [ends, label] : lines) {
    BOOST_TEST(pairs.insert(ends).second, "two lines for " << ends);
    counted = counted || label.find("\xC3\x97") != std::string::npos;  // "met ×4"
  }
  BOOST_TEST(counted, dot);
  // Wendy and Lara met four times, mentioned and replied: one line says all.
  bool wendy_to_lara = false;
  for (const auto& [ends, label] : lines) {
    if (ends.find("wendytherecruiter") < ends.find("laranewman") &&
        ends.find("laranewman") != std::string::npos) {
      wendy_to_lara = label.starts_with("met") && label.find("mentioned") != std::string::npos;
    }
  }
  BOOST_TEST(wendy_to_lara, dot);
}

BOOST_AUTO_TEST_CASE(an_svg_drawing_has_a_legend_of_its_kinds_and_a_sane_aspect_ratio) {
  const std::string svg = RunOk({"report", "people", "--db", db, "--format", "svg"}).out;
  const size_t legend = svg.find("id=\"legend\"");
  BOOST_REQUIRE(legend != std::string::npos);
  for (const char* kind : {">met<", ">spoke<", ">mentioned<"}) {
    BOOST_TEST(svg.find(kind, legend) != std::string::npos, kind);
  }
  BOOST_TEST(svg.find(">vouched<") == std::string::npos);
  const size_t width_at = svg.find("<svg width=\"");
  BOOST_REQUIRE(width_at != std::string::npos);
  const double width = std::stod(svg.substr(width_at + 12));
  const double height = std::stod(svg.substr(svg.find("height=\"", width_at) + 8));
  BOOST_TEST(width / height < 3.0, width << " x " << height);
  BOOST_TEST(height / width < 3.0, width << " x " << height);
}

BOOST_AUTO_TEST_CASE(around_and_limit_cut_a_drawing_to_a_persons_neighbourhood) {
  const std::string all = RunOk({"report", "people", "--db", db, "--format", "dot"}).out;
  const std::string ego = RunOk({"report", "people", "--db", db, "--format", "dot", "--around",
                                 "Dave Martin", "--depth", "1"})
                              .out;
  BOOST_TEST(DotNodes(ego) < DotNodes(all));
  BOOST_TEST(ego.find("davemartin") != std::string::npos);
  for (const auto& [ends, label] : DotLines(ego)) {
    BOOST_TEST(ends.find("davemartin") != std::string::npos, ends << " is not Dave's");
  }
  const std::string two_hops = RunOk({"report", "people", "--db", db, "--format", "dot", "--around",
                                      "Dave Martin", "--depth", "2"})
                                   .out;
  BOOST_TEST(DotNodes(two_hops) > DotNodes(ego));
  const std::string five =
      RunOk({"report", "met", "--db", db, "--format", "dot", "--limit", "5"}).out;
  BOOST_TEST(DotNodes(five) <= 5u, five);
  BOOST_TEST(five.find("wendytherecruiter") != std::string::npos, five);
}

BOOST_AUTO_TEST_CASE(around_depth_and_limit_where_they_mean_nothing_are_usage_errors) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"report", "met", "--around", "Wendy"},
        {"report", "path", "Wendy", "Dave Martin", "--around", "Wendy", "--format", "dot"},
        {"report", "people", "--depth", "2"},
        {"report", "path", "Wendy", "Dave Martin", "--limit", "3"}}) {
    std::vector<std::string> full = args;
    full.insert(full.end(), {"--db", db});
    RunResult result = Run(full);
    BOOST_TEST(result.exit_status == 2, result);
  }
}

BOOST_AUTO_TEST_CASE(met_says_which_texts_it_could_not_read_for_their_language) {
  CliFixture cli;
  cli.RunOk({"import", "--db", cli.db,
             (testing::TestDataDir() / "cli" / "german_post.html").string(),
             (SampleDir() / kSeedPageFile).string()});
  RunResult met = cli.RunOk({"report", "met", "--db", cli.db});
  BOOST_TEST(met.err.find("1 texts (posts and comments) were not read for meetings: no rules "
                          "for their language (de 1)") != std::string::npos,
             met.err);
  BOOST_TEST(met.out.find("Jonas") == std::string::npos);
  BOOST_TEST(cli.RunOk({"status", "--db", cli.db}).out.find("not-read    de=1 ") !=
             std::string::npos);
  RunResult explain = cli.RunOk({"import", "--explain", "--reextract", "--db", cli.db,
                                 (testing::TestDataDir() / "cli" / "german_post.html").string()});
  BOOST_TEST(explain.out.find("meetings not read in 1 texts (de): no rules for that language") !=
                 std::string::npos,
             explain.out);
}

BOOST_AUTO_TEST_CASE(report_usage_errors_exit_2_before_opening_the_database) {
  const std::string missing = (dir.path() / "none.db").string();
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"report", "path", "@LaraNewman"},
        {"report", "person"},
        {"report", "replies", "--format", "dot"},
        {"report", "mentions", "--person", "Wendy"},
        {"report", "nosuch"}}) {
    std::vector<std::string> full = args;
    full.insert(full.end(), {"--db", missing});
    RunResult result = Run(full);
    BOOST_TEST(result.exit_status == 2, result);
    BOOST_TEST(!result.err.empty());
    BOOST_TEST(!fs::exists(missing));
  }
}

BOOST_AUTO_TEST_CASE(a_person_is_found_by_id_as_id_colon_n_or_quoted_hash_n) {
  const nlohmann::json people = Report({"people", "--limit", "1"});
  BOOST_REQUIRE_EQUAL(people.size(), 1u);
  const std::string id = std::to_string(people[0].at("id").get<long long>());
  BOOST_TEST(Report({"person", "id:" + id}).at("name") == people[0].at("name"));
  BOOST_TEST(Report({"person", "ID:" + id}).at("name") == people[0].at("name"));
  BOOST_TEST(Report({"person", "#" + id}).at("name") == people[0].at("name"));
}

BOOST_AUTO_TEST_CASE(a_missing_who_says_a_shell_drops_an_unquoted_hash_id) {
  // What `linkgraph report person #5` reaches the program as.
  RunResult result = Run({"report", "person", "--db", db});
  BOOST_TEST(result.exit_status == 2, result);
  BOOST_TEST(result.err.find("write '#5' or id:5") != std::string::npos, result);
}

BOOST_AUTO_TEST_CASE(an_unknown_person_is_a_clear_failure) {
  RunResult result = Run({"report", "person", "@NoSuchPerson", "--db", db});
  BOOST_TEST(result.exit_status == 1, result);
  BOOST_TEST(result.err.find("no person matches '@NoSuchPerson'") != std::string::npos, result);
}

BOOST_AUTO_TEST_CASE(status_counts_people_and_edges) {
  const nlohmann::json exported = ExportJson();
  const std::map<std::string, long long> counts = Status();
  BOOST_TEST(counts.at("people") == static_cast<long long>(exported.at("people").size()));
  BOOST_TEST(counts.at("edges") == static_cast<long long>(exported.at("edges").size()));
  BOOST_TEST(counts.at("people") > 10);
}

BOOST_AUTO_TEST_CASE(rebuild_derives_the_same_graph_again) {
  const std::string before = Export();
  RunResult rebuilt = RunOk({"rebuild", "--db", db});
  BOOST_TEST(rebuilt.out.find("people") != std::string::npos);
  BOOST_TEST(Export() == before);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(cli_graph_reports_sample, CliFixture)

BOOST_AUTO_TEST_CASE(the_whole_sample_merges_the_supper_club_dinner_into_wendys_row_for_lara) {
  CopyImportedSample();
  const nlohmann::json rows =
      ParseJson(RunOk({"report", "met", "--db", db, "--format", "json"}).out);
  BOOST_TEST(rows.size() == 10u, rows.dump(2));
  bool found = false;
  for (const auto& row : rows) {
    if (row.at("b") != "Lara Newman" || row.at("kind") != "met") continue;
    found = true;
    BOOST_TEST(row.at("b_handles") == nlohmann::json::array({"@LaraNewman"}));
    BOOST_TEST(row.at("detail").get<std::string>().find("supper club") != std::string::npos,
               row.dump());
    BOOST_TEST(row.at("statements").size() == 4u, row.dump(2));
  }
  BOOST_TEST(found, rows.dump(2));
}

BOOST_AUTO_TEST_CASE(no_graph_leaves_people_to_rebuild_and_reports_say_so) {
  RunOk({"import", "--no-graph", "--db", db, SampleDir().string()});
  RunResult met = RunOk({"report", "met", "--db", db, "--format", "json"});
  BOOST_TEST(ParseJson(met.out).empty());
  BOOST_TEST(met.err.find("run 'linkgraph rebuild'") != std::string::npos, met);
  RunOk({"rebuild", "--db", db});
  RunResult rebuilt = RunOk({"report", "met", "--db", db, "--format", "json"});
  BOOST_TEST(ParseJson(rebuilt.out).size() == 10u);
  BOOST_TEST(rebuilt.err.empty(), rebuilt);
}

BOOST_AUTO_TEST_CASE(the_whole_sample_has_one_unanswered_top_level_comment_by_dave_martin) {
  CopyImportedSample();
  const nlohmann::json report =
      ParseJson(RunOk({"report", "replies", "--db", db, "--format", "json"}).out);
  BOOST_REQUIRE_EQUAL(report.at("unanswered").size(), 1u);
  BOOST_TEST(report.at("unanswered")[0].at("commenter") == "Dave Martin");
  BOOST_TEST(report.at("unanswered")[0].at("comment_url").get<std::string>().find("comment-115") !=
             std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::cli_test
