// The HTML export: one page carrying its libraries and the people graph as
// JSON that a hostile page's text cannot break out of, and that loads
// nothing from the network.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "reports/reports.h"
#include "tests/reports/report_fixtures.h"

namespace linkgraph::reports_test {
namespace LINKGRAPH_FILE_SCOPE {

constexpr std::string_view kDataStart = "<script type=\"application/json\" id=\"graph-data\">";

// Two people, one named to end the page's script and start another, and an
// edge whose sentence holds the line separators a script cannot hold raw.
std::unique_ptr<store::Store> StoreWithScriptBreakingText() {
  auto db = OpenMemoryStore();
  store::GraphSnapshot graph;
  graph.rules_version = "1";
  graph.people = {
      {0, "site:wendy.example", "Wendy", {{{"name", "Wendy", "wendy"}, "post author"}}, 3},
      {0,
       "handle:evil",
       "</script><script>alert(1)</script><!--",
       {{{"handle", "evil", "evil"}, "comment author"}},
       1},
  };
  store::StoredEdge met = Edge(1, 2, "met", "Dinner\xE2\x80\xA8with </SCRIPT> Evil\xE2\x80\xA9.");
  met.source_url = "javascript:alert(2)";
  graph.edges = {met, Edge(2, 1, "mentioned", "@Wendy")};
  Status replaced = db->ReplaceGraph(graph);
  if (!replaced.ok()) BOOST_FAIL("ReplaceGraph: " << replaced.error().message);
  return db;
}

std::string HtmlOf(store::Store& db, const reports::GraphExportOptions& options = {}) {
  std::ostringstream out;
  Status written = reports::WriteHtmlExport(db, options, out);
  BOOST_REQUIRE_MESSAGE(written.ok(), written.error().message);
  return out.str();
}

std::string DataScriptOf(const std::string& html) {
  const size_t start = html.find(kDataStart);
  BOOST_REQUIRE(start != std::string::npos);
  const size_t body = start + kDataStart.size();
  const size_t end = html.find("</script>", body);
  BOOST_REQUIRE(end != std::string::npos);
  return html.substr(body, end - body);
}

BOOST_AUTO_TEST_SUITE(html_export)

BOOST_AUTO_TEST_CASE(page_text_cannot_end_the_data_script) {
  auto db = StoreWithScriptBreakingText();
  const std::string data = DataScriptOf(HtmlOf(*db));
  BOOST_TEST(data.find('<') == std::string::npos);
  BOOST_TEST(data.find("\xE2\x80\xA8") == std::string::npos);
  BOOST_TEST(data.find("\xE2\x80\xA9") == std::string::npos);
  // Still the same text once parsed, as the page's script reads it.
  const nlohmann::json graph = nlohmann::json::parse(data);
  BOOST_TEST(graph["nodes"][1]["label"] == "</script><script>alert(1)</script><!--");
  BOOST_TEST(graph["edges"][0]["evidence"] == "Dinner\xE2\x80\xA8with </SCRIPT> Evil\xE2\x80\xA9.");
}

BOOST_AUTO_TEST_CASE(data_holds_every_person_and_edge_with_kind_colours) {
  auto db = StoreWithScriptBreakingText();
  const nlohmann::json graph = nlohmann::json::parse(DataScriptOf(HtmlOf(*db)));
  BOOST_TEST(graph["nodes"].size() == 2u);
  BOOST_TEST(graph["edges"].size() == 2u);
  BOOST_TEST(graph["nodes"][0]["id"] == "site:wendy.example");
  BOOST_TEST(graph["nodes"][0]["degree"] == 1);
  const nlohmann::json& met = graph["edges"][0];
  BOOST_TEST(met["kind"] == "met");
  BOOST_TEST(met["from"] == "site:wendy.example");
  BOOST_TEST(met["to"] == "handle:evil");
  BOOST_TEST(met["start"] == "2009-12-06");
  BOOST_TEST(met["source_url"] == "javascript:alert(2)");
  BOOST_TEST(graph["kinds"][0]["kind"] == "met");
  BOOST_TEST(graph["kinds"][0]["colour"] == "#D55E00");
}

BOOST_AUTO_TEST_CASE(merged_edges_carry_their_weight) {
  auto db = StoreWithScriptBreakingText();
  const nlohmann::json graph =
      nlohmann::json::parse(DataScriptOf(HtmlOf(*db, reports::GraphExportOptions{true})));
  BOOST_TEST(graph["edges"][0]["weight"] == 1);
}

BOOST_AUTO_TEST_CASE(page_carries_its_scripts_and_fetches_nothing) {
  auto db = StoreWithScriptBreakingText();
  const std::string html = HtmlOf(*db);
  BOOST_TEST(html.rfind("<!DOCTYPE html>", 0) == 0);
  BOOST_TEST(html.find("</html>") != std::string::npos);
  BOOST_TEST(html.find("default-src 'none'") != std::string::npos);
  BOOST_TEST(html.find("<script src") == std::string::npos);
  BOOST_TEST(html.find("<link") == std::string::npos);
  BOOST_TEST(html.find("graphology") != std::string::npos);
  BOOST_TEST(html.find("Sigma") != std::string::npos);
  BOOST_TEST(html.find("id=\"node-count\"") != std::string::npos);
  BOOST_TEST(html.find("linkgraph:scripts") == std::string::npos);  // the markers are filled
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::reports_test
