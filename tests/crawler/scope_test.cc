// Crawl scope: a table of URLs and whether a host, site or list scope built
// from the table's seeds takes them in; seeds as given and redirect targets.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <exception>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "crawler/crawler.h"
#include "tests/support/test_paths.h"

namespace linkgraph::crawler {
namespace LINKGRAPH_FILE_SCOPE {

namespace data = boost::unit_test::data;

struct ScopeCase {
  size_t line = 0;
  std::string url;
  bool in_host = false;
  bool in_site = false;
  bool in_list = false;
  std::string note;
};

std::ostream& operator<<(std::ostream& out, const ScopeCase& c) {
  return out << "scope_cases.tsv:" << c.line << " " << c.url << " (" << c.note << ")";
}

struct ScopeTable {
  std::vector<std::string> seeds;
  std::vector<ScopeCase> cases;
};

std::vector<std::string> Split(const std::string& text, char separator) {
  std::vector<std::string> pieces;
  std::istringstream in(text);
  for (std::string piece; std::getline(in, piece, separator);) pieces.push_back(piece);
  return pieces;
}

// Read when the cases are registered; a table that cannot be read, or a row
// that does not parse, gives no rows, and scope_table_is_read_whole says so.
ScopeTable LoadScopeTable() {
  ScopeTable table;
  try {
    const std::string text =
        testing::ReadFile(testing::TestDataDir() / "crawler" / "scope_cases.tsv");
    const std::vector<std::string> lines = Split(text, '\n');
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].empty() || lines[i][0] == '#') continue;
      const std::vector<std::string> columns = Split(lines[i], '\t');
      if (columns.size() != 3) return {};
      if (columns[1] == "seed") {
        table.seeds.push_back(columns[0]);
        continue;
      }
      const std::vector<std::string> verdict = Split(columns[1], ' ');
      if (verdict.size() != 3) return {};
      for (const std::string& word : verdict) {
        if (word != "in" && word != "out") return {};
      }
      table.cases.push_back({i + 1, columns[0], verdict[0] == "in", verdict[1] == "in",
                             verdict[2] == "in", columns[2]});
    }
  } catch (const std::exception&) {
    return {};
  }
  return table;
}

const ScopeTable& Table() {
  static const ScopeTable table = LoadScopeTable();
  return table;
}

BOOST_AUTO_TEST_SUITE(scope)

BOOST_AUTO_TEST_CASE(scope_table_is_read_whole) {
  BOOST_TEST(Table().seeds.size() == 7u);
  BOOST_TEST(Table().cases.size() >= 35u);
}

BOOST_DATA_TEST_CASE(each_url_is_in_the_scopes_its_row_says, data::make(Table().cases), c) {
  const CrawlScope host(ScopeKind::kHost, Table().seeds);
  const CrawlScope site(ScopeKind::kSite, Table().seeds);
  const CrawlScope list(ScopeKind::kList, Table().seeds);
  BOOST_TEST_CONTEXT(c) {
    BOOST_TEST(host.Contains(c.url) == c.in_host, "host");
    BOOST_TEST(site.Contains(c.url) == c.in_site, "site");
    BOOST_TEST(list.Contains(c.url) == c.in_list, "list");
  }
}

BOOST_AUTO_TEST_CASE(seeds_are_in_every_scope) {
  for (ScopeKind kind : {ScopeKind::kHost, ScopeKind::kSite, ScopeKind::kList}) {
    const CrawlScope scope(kind, Table().seeds);
    for (const std::string& seed : Table().seeds) {
      BOOST_TEST(scope.Contains(seed), seed << " kind " << static_cast<int>(kind));
    }
  }
}

BOOST_AUTO_TEST_CASE(seeds_are_taken_in_canonical_form) {
  const CrawlScope list(ScopeKind::kList, {"HTTP://Blog.Example:80/a/../post#top"});
  BOOST_TEST(list.Contains("http://blog.example/post"));
  const CrawlScope host(ScopeKind::kHost, {"HTTPS://Blog.Example:443"});
  BOOST_TEST(host.Contains("http://blog.example/x"));
  BOOST_TEST(!host.Contains("http://blog.example:8080/x"));
}

BOOST_AUTO_TEST_CASE(unusable_seeds_are_ignored) {
  const CrawlScope scope(ScopeKind::kHost, {"", "not a url", "mailto:a@b.example", "/relative"});
  BOOST_TEST(!scope.Contains("http://b.example/"));
  BOOST_TEST(!scope.Contains("not a url"));
  BOOST_TEST(!scope.Contains(""));
}

BOOST_AUTO_TEST_CASE(a_redirect_target_joins_a_list_scope) {
  CrawlScope scope(ScopeKind::kList, {"http://old.example/blog/"});
  BOOST_TEST(!scope.Contains("https://new.example/blog/"));
  scope.AddSeed("https://new.example/blog/");
  BOOST_TEST(scope.Contains("https://new.example/blog/"));
  BOOST_TEST(!scope.Contains("https://new.example/blog/post/"));
  BOOST_TEST(scope.Contains("http://old.example/blog/"));
}

BOOST_AUTO_TEST_CASE(a_redirect_target_brings_its_host_and_site) {
  CrawlScope host(ScopeKind::kHost, {"http://old.example/"});
  CrawlScope site(ScopeKind::kSite, {"http://old.example/"});
  host.AddSeed("https://www.moved.example/");
  site.AddSeed("https://www.moved.example/");
  BOOST_TEST(host.Contains("https://www.moved.example/2009/06/post/"));
  BOOST_TEST(!host.Contains("https://blog.moved.example/"));
  BOOST_TEST(site.Contains("https://blog.moved.example/"));
  BOOST_TEST(host.Contains("http://old.example/x"));
  BOOST_TEST(!site.Contains("https://elsewhere.example/"));
}

BOOST_AUTO_TEST_CASE(a_file_redirect_target_brings_its_folder) {
  CrawlScope scope(ScopeKind::kHost, {"http://blog.example/"});
  BOOST_TEST(!scope.Contains("file:///srv/copy/post.html"));
  scope.AddSeed("file:///srv/copy/index.html");
  BOOST_TEST(scope.Contains("file:///srv/copy/post.html"));
  BOOST_TEST(!scope.Contains("file:///srv/other/post.html"));
}

BOOST_AUTO_TEST_CASE(scope_kinds_parse_from_their_names_only) {
  BOOST_TEST((ParseScopeKind("host") == ScopeKind::kHost));
  BOOST_TEST((ParseScopeKind("site") == ScopeKind::kSite));
  BOOST_TEST((ParseScopeKind("list") == ScopeKind::kList));
  BOOST_TEST(!ParseScopeKind("").has_value());
  BOOST_TEST(!ParseScopeKind("domain").has_value());
  BOOST_TEST(!ParseScopeKind("Host").has_value());
  BOOST_TEST(!ParseScopeKind("host ").has_value());
}

BOOST_AUTO_TEST_CASE(scope_kinds_are_named_as_they_parse) {
  for (ScopeKind kind : {ScopeKind::kHost, ScopeKind::kSite, ScopeKind::kList}) {
    BOOST_TEST((ParseScopeKind(ScopeKindName(kind)) == kind));
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::crawler
