// robots.txt as RFC 9309 and Google's documentation read it: group choice,
// longest-match Allow/Disallow with `*` and `$`, Crawl-delay, Sitemap lines,
// and robustness against odd bytes, huge files and pathological patterns.
#include "crawler/robots.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

namespace linkgraph::crawler {
namespace LINKGRAPH_FILE_SCOPE {

namespace data = boost::unit_test::data;

constexpr const char* kAgent = "linkgraph/0.1 (+https://github.com/linkgraph/linkgraph)";

struct AllowCase {
  std::string name;
  std::string robots;
  std::string path;
  bool allowed;
  std::string agent = kAgent;
};

std::ostream& operator<<(std::ostream& out, const AllowCase& c) {
  return out << c.name << " " << c.path;
}

// Rules for everyone, so each case reads as just its rules.
std::string ForAll(const std::string& rules) { return "User-agent: *\n" + rules; }

const AllowCase kAllowCases[] = {
    // Google's documented examples (developers.google.com/search/docs/crawling-indexing/robots).
    {"p_prefix_of_page", ForAll("Allow: /p\nDisallow: /\n"), "/page", true},
    {"folder_slash_beats_folder", ForAll("Allow: /folder\nDisallow: /folder/\n"), "/folder/page",
     false},
    {"folder_without_slash_allowed", ForAll("Allow: /folder\nDisallow: /folder/\n"), "/folder",
     true},
    {"page_vs_star_html", ForAll("Allow: /page\nDisallow: /*.html\n"), "/page.html", false},
    {"page_vs_star_html_other_page", ForAll("Allow: /page\nDisallow: /*.html\n"), "/page.php",
     true},
    {"tie_allow_wins", ForAll("Allow: /page\nDisallow: /page\n"), "/page", true},
    {"root_anchor_allows_root", ForAll("Allow: /$\nDisallow: /\n"), "/", true},
    {"anchored_root_not_other", ForAll("Allow: /$\nDisallow: /\n"), "/page.htm", false},
    {"php_anchor_matches", ForAll("Disallow: /*.php$\n"), "/filename.php", false},
    {"php_anchor_in_folder", ForAll("Disallow: /*.php$\n"), "/folder/filename.php", false},
    {"php_anchor_not_with_query", ForAll("Disallow: /*.php$\n"), "/filename.php?parameters", true},
    {"php_anchor_not_with_suffix", ForAll("Disallow: /*.php$\n"), "/filename.php5", true},
    {"php_anchor_case_sensitive", ForAll("Disallow: /*.php$\n"), "/windows.PHP", true},
    {"fish_star_prefix", ForAll("Disallow: /fish*\n"), "/fish.html", false},
    {"fish_star_folder", ForAll("Disallow: /fish*\n"), "/fishheads/yummy.html", false},
    {"fish_star_case_sensitive", ForAll("Disallow: /fish*\n"), "/Fish.asp", true},
    {"fish_star_not_catfish", ForAll("Disallow: /fish*\n"), "/catfish", true},
    {"fish_slash_not_fish_html", ForAll("Disallow: /fish/\n"), "/fish.html", true},
    {"star_query_any_query", ForAll("Disallow: /*?\n"), "/a/b?c=d", false},
    {"star_query_no_query", ForAll("Disallow: /*?\n"), "/a/b", true},
    {"dollar_anchor_exact", ForAll("Disallow: /exact$\n"), "/exact", false},
    {"dollar_anchor_longer", ForAll("Disallow: /exact$\n"), "/exactly", true},
    {"star_php_middle", ForAll("Disallow: /*.php\n"), "/folder/any.php.file.html", false},
    {"no_rules_allowed", ForAll(""), "/anything", true},
    {"disallow_all", ForAll("Disallow: /\n"), "/anything", false},
    {"empty_disallow_allows", ForAll("Disallow:\n"), "/anything", true},
    {"robots_txt_always_allowed", ForAll("Disallow: /\n"), "/robots.txt", true},
    {"robots_txt_with_query_allowed", ForAll("Disallow: /\n"), "/robots.txt?x=1", true},
    {"longest_allow_inside_disallow", ForAll("Disallow: /a/\nAllow: /a/b/\n"), "/a/b/c", true},
    {"longest_disallow_inside_allow", ForAll("Allow: /a/\nDisallow: /a/b/\n"), "/a/b/c", false},
    {"query_is_matched", ForAll("Disallow: /search?q=\n"), "/search?q=x", false},
    {"fragment_ignored", ForAll("Disallow: /a$\n"), "/a#top", false},
    {"empty_path_is_root", ForAll("Disallow: /$\n"), "", false},
    {"relative_rule_read_as_path", ForAll("Disallow: private\n"), "/private/x", false},
    {"star_alone_disallows_all", ForAll("Disallow: *\n"), "/x", false},
    // Percent-encoding compared in one spelling.
    {"unreserved_escape_in_path", ForAll("Disallow: /abc\n"), "/%61bc", false},
    {"unreserved_escape_in_rule", ForAll("Disallow: /%7Euser\n"), "/~user/x", false},
    {"hex_case_folded", ForAll("Disallow: /a%2fb\n"), "/a%2Fb", false},
    {"reserved_escape_not_decoded", ForAll("Disallow: /a/b\n"), "/a%2Fb", true},
    {"utf8_rule_matches_escaped_path", ForAll("Disallow: /caf\xC3\xA9\n"), "/caf%C3%A9", false},
    // Group choice.
    {"specific_group_over_star", "User-agent: *\nDisallow: /\n\nUser-agent: linkgraph\nAllow: /\n",
     "/x", true},
    {"specific_group_only_rules_apply",
     "User-agent: linkgraph\nDisallow: /private\n\nUser-agent: *\nDisallow: /\n", "/public", true},
    {"other_agent_group_ignored", "User-agent: googlebot\nDisallow: /\n", "/x", true},
    {"agent_case_insensitive", "User-agent: LinkGraph\nDisallow: /x\n", "/x", false},
    {"agent_line_with_version", "User-agent: linkgraph/2.0\nDisallow: /x\n", "/x", false},
    {"bare_token_as_agent", "User-agent: linkgraph\nDisallow: /x\n", "/x", false, "linkgraph"},
    {"agent_prefix_is_not_a_match", "User-agent: link\nDisallow: /x\n", "/x", true},
    {"longer_agent_is_not_a_match", "User-agent: linkgraphbot\nDisallow: /x\n", "/x", true},
    {"merged_groups_first",
     "User-agent: linkgraph\nDisallow: /a\nUser-agent: linkgraph\nDisallow: /b\n", "/a", false},
    {"merged_groups_second",
     "User-agent: linkgraph\nDisallow: /a\nUser-agent: linkgraph\nDisallow: /b\n", "/b", false},
    {"shared_group_of_two_agents", "User-agent: googlebot\nUser-agent: linkgraph\nDisallow: /x\n",
     "/x", false},
    {"blank_lines_do_not_end_agent_list",
     "User-agent: googlebot\n\nUser-agent: linkgraph\nDisallow: /x\n", "/x", false},
    {"rule_line_ends_group",
     "User-agent: linkgraph\nDisallow: /a\nUser-agent: other\nDisallow: /b\n", "/b", true},
    {"empty_specific_group_beats_star",
     "User-agent: linkgraph\nDisallow:\n\nUser-agent: *\nDisallow: /\n", "/x", true},
    {"star_with_suffix_is_not_global", "User-agent: *bot\nDisallow: /x\n", "/x", true},
    {"star_with_comment_is_global", "User-agent: * # everyone\nDisallow: /x\n", "/x", false},
    {"rules_before_any_agent_ignored", "Disallow: /\nUser-agent: *\nAllow: /a\n", "/x", true},
    // Syntax and bytes.
    {"comment_after_rule", ForAll("Disallow: /a # not /b\n"), "/a", false},
    {"comment_hides_rule", ForAll("# Disallow: /\n"), "/x", true},
    {"field_names_case_insensitive", "USER-AGENT: *\nDISALLOW: /x\n", "/x", false},
    {"misspelled_disallow", ForAll("Dissallow: /x\n"), "/x", false},
    {"space_instead_of_colon", ForAll("Disallow /x\n"), "/x", false},
    {"crlf_lines", "User-agent: *\r\nDisallow: /x\r\nAllow: /x/y\r\n", "/x/y", true},
    {"crlf_rule_no_trailing_cr", "User-agent: *\r\nDisallow: /x\r\n", "/x", false},
    {"cr_only_lines", "User-agent: *\rDisallow: /x\r", "/x", false},
    {"no_final_newline", "User-agent: *\nDisallow: /x", "/x", false},
    {"utf8_bom", "\xEF\xBB\xBFUser-agent: *\nDisallow: /x\n", "/x", false},
    {"garbage_lines_skipped",
     "<html><body>oops</body></html>\n\x01\x02\xff\nUser-agent: *\n: nothing\nDisallow: /x\n", "/x",
     false},
    {"html_page_as_robots", "<!doctype html><html><p>Not found</p></html>", "/x", true},
    {"unknown_fields_ignored", ForAll("Noindex: /x\nHost: example.com\n"), "/x", true},
    {"sitemap_does_not_end_agent_list",
     "User-agent: googlebot\nSitemap: https://e.com/s.xml\nUser-agent: linkgraph\nDisallow: /x\n",
     "/x", false},
};

BOOST_AUTO_TEST_SUITE(robots)

BOOST_DATA_TEST_CASE(allow_and_disallow_follow_rfc9309_and_google, data::make(kAllowCases), c) {
  const RobotsRules rules = RobotsRules::Parse(c.robots, c.agent);
  BOOST_TEST(rules.Allows(c.path) == c.allowed);
}

struct DelayCase {
  std::string value;
  std::optional<double> seconds;
};

std::ostream& operator<<(std::ostream& out, const DelayCase& c) { return out << c.value; }

const DelayCase kDelays[] = {
    {"10", 10.0},
    {"0.5", 0.5},
    {".5", 0.5},
    {"0", 0.0},
    {"  3  ", 3.0},
    {"abc", std::nullopt},
    {"-1", std::nullopt},
    {"1e3", std::nullopt},
    {"", std::nullopt},
    {"1.2.3", std::nullopt},
    {"inf", std::nullopt},
    {"3600", 60.0},
    {"99999999999999999999999", 60.0},
};

BOOST_DATA_TEST_CASE(crawl_delay_is_a_capped_non_negative_decimal, data::make(kDelays), c) {
  const RobotsRules rules =
      RobotsRules::Parse("User-agent: *\nCrawl-delay: " + c.value + "\n", kAgent);
  BOOST_TEST(rules.CrawlDelaySeconds().has_value() == c.seconds.has_value());
  if (c.seconds) BOOST_TEST(*rules.CrawlDelaySeconds() == *c.seconds);
}

BOOST_AUTO_TEST_CASE(crawl_delay_comes_from_the_chosen_group) {
  const std::string robots =
      "User-agent: *\nCrawl-delay: 30\n\nUser-agent: linkgraph\nCrawl-delay: 2\nDisallow: /x\n";
  BOOST_TEST(RobotsRules::Parse(robots, kAgent).CrawlDelaySeconds().value_or(-1) == 2.0);
  BOOST_TEST(RobotsRules::Parse(robots, "otherbot").CrawlDelaySeconds().value_or(-1) == 30.0);
  BOOST_TEST(!RobotsRules::Parse("User-agent: otherbot\nCrawl-delay: 5\n", kAgent)
                  .CrawlDelaySeconds()
                  .has_value());
}

BOOST_AUTO_TEST_CASE(crawl_delay_largest_of_merged_groups) {
  const std::string robots =
      "User-agent: linkgraph\nCrawl-delay: 2\n\nUser-agent: linkgraph\nCrawl-delay: 7\n";
  BOOST_TEST(RobotsRules::Parse(robots, kAgent).CrawlDelaySeconds().value_or(-1) == 7.0);
}

BOOST_AUTO_TEST_CASE(sitemaps_are_read_from_anywhere_in_the_file) {
  const std::string robots =
      "Sitemap: https://e.com/a.xml\r\n"
      "User-agent: otherbot\nDisallow: /\nsitemap:https://e.com/b.xml # comment\n"
      "User-agent: *\nSITEMAP:   https://e.com/c.xml.gz  \nSitemap:\n";
  const RobotsRules rules = RobotsRules::Parse(robots, kAgent);
  const std::vector<std::string> expected = {"https://e.com/a.xml", "https://e.com/b.xml",
                                             "https://e.com/c.xml.gz"};
  BOOST_TEST(rules.Sitemaps() == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(allow_all_and_disallow_all) {
  const RobotsRules allow_all = RobotsRules::AllowAll();
  BOOST_TEST(allow_all.Allows("/"));
  BOOST_TEST(allow_all.Allows("/private/x?y=1"));
  BOOST_TEST(!allow_all.CrawlDelaySeconds().has_value());
  BOOST_TEST(allow_all.Sitemaps().empty());

  const RobotsRules disallow_all = RobotsRules::DisallowAll();
  BOOST_TEST(!disallow_all.Allows("/"));
  BOOST_TEST(!disallow_all.Allows("/private/x?y=1"));
  BOOST_TEST(!disallow_all.Allows(""));
  BOOST_TEST(disallow_all.Allows("/robots.txt"));
}

BOOST_AUTO_TEST_CASE(only_the_first_500_kib_of_a_2_mb_file_are_read) {
  std::string robots = "User-agent: *\nDisallow: /early\n";
  while (robots.size() < 2 * 1024 * 1024) robots += "# filler filler filler filler filler\n";
  robots += "Disallow: /late\n";
  const RobotsRules rules = RobotsRules::Parse(robots, kAgent);
  BOOST_TEST(!rules.Allows("/early"));
  BOOST_TEST(rules.Allows("/late"));
}

BOOST_AUTO_TEST_CASE(a_line_cut_at_the_size_limit_is_dropped) {
  std::string robots = "User-agent: *\n";
  robots += std::string(RobotsRules::kMaxBodyBytes - robots.size() - 12, '#') + "\n";
  robots += "Disallow: /private-area\n";  // the limit falls inside "/private-area"
  const RobotsRules rules = RobotsRules::Parse(robots, kAgent);
  BOOST_TEST(rules.Allows("/pri"));
  BOOST_TEST(rules.Allows("/private-area"));
}

BOOST_AUTO_TEST_CASE(rules_past_the_cap_are_ignored) {
  std::string robots = "User-agent: *\n";
  for (size_t i = 0; i < RobotsRules::kMaxRules; ++i)
    robots += "Disallow: /r" + std::to_string(i) + "$\n";
  robots += "Disallow: /over\n";
  const RobotsRules rules = RobotsRules::Parse(robots, kAgent);
  BOOST_TEST(!rules.Allows("/r0"));
  BOOST_TEST(!rules.Allows("/r9999"));
  BOOST_TEST(rules.Allows("/over"));
}

BOOST_AUTO_TEST_CASE(huge_line_is_cut_not_fatal) {
  const std::string robots = "User-agent: *\nDisallow: /a" + std::string(100 * 1024, 'b') + "\n";
  const RobotsRules rules = RobotsRules::Parse(robots, kAgent);
  BOOST_TEST(rules.Allows("/a"));
  BOOST_TEST(!rules.Allows("/a" + std::string(RobotsRules::kMaxLineBytes, 'b')));
}

// Bounded work, no timing assertion: a backtracking matcher would take
// exponential time here; this one makes one pass per rule.
BOOST_AUTO_TEST_CASE(pathological_wildcards_against_a_long_path_finish) {
  const std::string robots = ForAll(
      "Disallow: /*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b\n"
      "Disallow: /*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b$\n"
      "Disallow: /**************************************************c\n");
  const RobotsRules rules = RobotsRules::Parse(robots, kAgent);
  const std::string path = "/" + std::string(10000, 'a');
  BOOST_TEST(rules.Allows(path));
  BOOST_TEST(!rules.Allows(path + "b"));
  BOOST_TEST(!rules.Allows(path + "c"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::crawler
