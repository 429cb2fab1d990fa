// The exports of the people graph, from a graph stored with ReplaceGraph:
// GraphML/GEXF/DOT node ids are the people's stable keys, parallel edges get
// distinct ids, the JSON export gains people and edges, and the CSV folder is
// written whole, replacing an earlier export but never a folder of other files.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/reports/report_fixtures.h"
#include "tests/support/test_paths.h"

namespace linkgraph::reports_test {
namespace LINKGRAPH_FILE_SCOPE {

namespace fs = std::filesystem;

store::PersonIdentity Identity(const std::string& kind, const std::string& value,
                               const std::string& normalised) {
  return {{kind, value, normalised}, "test"};
}

// Wendy (1), Margo Rose (2), @LaraNewman (3, her handle stored without the
// @, as graph/ keeps them); Wendy met and spoke to Lara
// (two edges between one pair), plans to meet Margo; Margo commented.
std::unique_ptr<store::Store> StoreWithGraph() {
  auto db = OpenMemoryStore();
  Save(*db, {PageBuilder("http://wendy.example/2009/12/06/post/", "http://wendy.example/")
                 .AddComment("comment-1", "=cmd|' /C calc'!A0", "2009-12-06T22:10:00")});
  store::GraphSnapshot graph;
  graph.rules_version = "test-1";
  graph.people = {
      {0,
       "site:wendy.example",
       "Wendy",
       {Identity("name", "Wendy", "wendy"),
        Identity("site", "http://wendy.example/", "wendy.example")},
       5},
      {0,
       "handle:hrmargo",
       "Margo Rose",
       {Identity("handle", "@HRMargo", "hrmargo"), Identity("name", "Margo Rose", "margo rose"),
        Identity("url", "http://margo.example/", "margo.example")},
       1},
      {0, "handle:laranewman", "@LaraNewman", {Identity("handle", "LaraNewman", "laranewman")}, 0},
  };
  store::StoredEdge plans = Edge(1, 2, "plans_to_meet", "I'll get to meet you at TRULondon2");
  plans.event = "TRULondon2";
  plans.when = "in Feb";
  store::StoredEdge met = Edge(1, 3, "met", "I've had dinner with @LaraNewman");
  met.detail = "dinner; ice skating";
  graph.edges = {plans, met, Edge(1, 3, "spoke", "-on the phone\nwith @LaraNewman"),
                 Edge(2, 1, "commented", "=cmd|' /C calc'!A0")};
  Status replaced = db->ReplaceGraph(graph);
  if (!replaced.ok()) BOOST_FAIL("ReplaceGraph: " << replaced.error().message);
  return db;
}

using ExportWriter = Status (*)(store::Store&, const reports::GraphExportOptions&, std::ostream&);

Status JsonExport(store::Store& db, const reports::GraphExportOptions&, std::ostream& out) {
  return reports::WriteJsonExport(db, out);
}

std::string Exported(ExportWriter writer, store::Store& db,
                     const reports::GraphExportOptions& options = {}) {
  std::ostringstream out;
  Status status = writer(db, options, out);
  if (!status.ok()) BOOST_FAIL("export failed: " << status.error().message);
  return out.str();
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

BOOST_AUTO_TEST_SUITE(graph_export)

BOOST_AUTO_TEST_CASE(graphml_nodes_are_keyed_by_person_key_with_attributes) {
  auto db = StoreWithGraph();
  const std::string graphml = Exported(&reports::WriteGraphmlExport, *db);
  BOOST_TEST(Has(graphml, "<node id=\"handle:hrmargo\">"), graphml);
  BOOST_TEST(Has(graphml, "attr.name=\"handles\""));
  BOOST_TEST(Has(graphml, ">@HRMargo</data>"));
  BOOST_TEST(Has(graphml, ">http://wendy.example/</data>"));
  BOOST_TEST(Has(graphml, "parse.nodes=\"3\" parse.edges=\"4\""));
  BOOST_TEST(Has(graphml, ">test-1</data>"));  // the rules version
  // Edges in the store's order (from, to, kind), numbered.
  BOOST_TEST(Has(graphml,
                 "<edge id=\"e1\" source=\"site:wendy.example\" "
                 "target=\"handle:hrmargo\">"));
  BOOST_TEST(Has(graphml,
                 "<edge id=\"e2\" source=\"site:wendy.example\" "
                 "target=\"handle:laranewman\">"));
  BOOST_TEST(Has(graphml,
                 "<edge id=\"e3\" source=\"site:wendy.example\" "
                 "target=\"handle:laranewman\">"));
  BOOST_TEST(Has(graphml, ">TRULondon2</data>"));
  BOOST_TEST(Has(graphml, ">in Feb</data>"));
}

BOOST_AUTO_TEST_CASE(degree_counts_distinct_people_and_edges_counts_edges_in_and_out) {
  auto db = StoreWithGraph();
  const std::string gexf = Exported(&reports::WriteGexfExport, *db);
  // Attribute 5 is degree, as `report people` counts it: Wendy has two
  // people beside her, Lara one. Attribute 6 counts edges: four and two.
  BOOST_TEST(Has(gexf, "<attribute id=\"5\" title=\"degree\" type=\"long\"/>"), gexf);
  BOOST_TEST(Has(gexf, "<attribute id=\"6\" title=\"edges\" type=\"long\"/>"), gexf);
  const size_t wendy = gexf.find("<node id=\"site:wendy.example\"");
  const size_t lara = gexf.find("<node id=\"handle:laranewman\"");
  BOOST_REQUIRE(wendy != std::string::npos);
  BOOST_REQUIRE(lara != std::string::npos);
  BOOST_TEST(gexf.find("<attvalue for=\"5\" value=\"2\"/>", wendy) < lara);
  BOOST_TEST(gexf.find("<attvalue for=\"6\" value=\"4\"/>", wendy) < lara);
  BOOST_TEST(Has(gexf.substr(lara), "<attvalue for=\"5\" value=\"1\"/>"));
  BOOST_TEST(Has(gexf.substr(lara), "<attvalue for=\"6\" value=\"2\"/>"));
}

BOOST_AUTO_TEST_CASE(gexf_is_dynamic_with_each_edge_dated_by_the_days_its_date_spans) {
  auto db = StoreWithGraph();
  const std::string gexf = Exported(&reports::WriteGexfExport, *db);
  BOOST_TEST(
      Has(gexf, "<graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">"));
  BOOST_TEST(Has(gexf, "start=\"2009-12-06\" end=\"2009-12-06\""), gexf);
  BOOST_TEST(!Has(gexf, "weight="));
}

BOOST_AUTO_TEST_CASE(merged_edges_are_one_per_pair_and_kind_weighted_by_their_number) {
  auto db = StoreWithGraph();
  const std::string each = Exported(&reports::WriteGraphmlExport, *db);
  const std::string merged = Exported(&reports::WriteGraphmlExport, *db, {.merge_edges = true});
  BOOST_TEST(Has(merged, "attr.name=\"weight\" attr.type=\"long\""), merged);
  size_t each_edges = 0, merged_edges = 0;
  for (size_t at = each.find("<edge "); at != std::string::npos; at = each.find("<edge ", at + 1)) {
    ++each_edges;
  }
  for (size_t at = merged.find("<edge "); at != std::string::npos;
       at = merged.find("<edge ", at + 1)) {
    ++merged_edges;
  }
  BOOST_TEST(merged_edges <= each_edges);
  BOOST_TEST(Has(merged, "parse.edges=\"" + std::to_string(merged_edges) + "\""), merged);
  const std::string gexf = Exported(&reports::WriteGexfExport, *db, {.merge_edges = true});
  BOOST_TEST(Has(gexf, "weight=\"1\""), gexf);
}

BOOST_AUTO_TEST_CASE(dot_export_draws) {
  auto db = StoreWithGraph();
  const std::string dot = Exported(&reports::WriteDotExport, *db);
  BOOST_TEST(Has(dot,
                 "\"site:wendy.example\" -> \"handle:laranewman\" [\"id\"=\"e2\", "
                 "\"label\"=\"met\""),
             dot);
  auto svg = reports::RenderSvg(dot);
  BOOST_TEST(svg.ok(), (svg.ok() ? "" : svg.error().message));
}

BOOST_AUTO_TEST_CASE(same_store_gives_same_bytes) {
  auto db = StoreWithGraph();
  for (ExportWriter writer :
       {&reports::WriteGraphmlExport, &reports::WriteGexfExport, &reports::WriteDotExport}) {
    BOOST_TEST(Exported(writer, *db) == Exported(writer, *db));
  }
}

BOOST_AUTO_TEST_CASE(store_without_graph_exports_an_empty_graph) {
  auto db = OpenMemoryStore();
  BOOST_TEST(Has(Exported(&reports::WriteGraphmlExport, *db), "parse.nodes=\"0\""));
  BOOST_TEST(Has(Exported(&reports::WriteGexfExport, *db), "<nodes>\n    </nodes>"));
  auto json = nlohmann::json::parse(Exported(&JsonExport, *db));
  BOOST_TEST(json["people"].empty());
  BOOST_TEST(json["edges"].empty());
}

// The JSON export is written element by element; its bytes are still those
// of the whole document dumped at once, which users' diffs rely on.
BOOST_AUTO_TEST_CASE(json_export_is_laid_out_as_the_whole_document_dumped) {
  auto full = StoreWithGraph();
  auto empty = OpenMemoryStore();
  for (store::Store* db : {full.get(), empty.get()}) {
    const std::string exported = Exported(&JsonExport, *db);
    BOOST_TEST(exported == nlohmann::json::parse(exported).dump(2) + "\n");
  }
  BOOST_TEST(Exported(&JsonExport, *full) == Exported(&JsonExport, *full));
}

BOOST_AUTO_TEST_CASE(json_export_has_people_and_edges) {
  auto db = StoreWithGraph();
  auto json = nlohmann::json::parse(Exported(&JsonExport, *db));
  BOOST_REQUIRE(json["people"].size() == 3u);
  const auto& margo = json["people"][1];
  BOOST_TEST(margo["id"] == 2);
  BOOST_TEST(margo["key"] == "handle:hrmargo");
  BOOST_TEST(margo["name"] == "Margo Rose");
  BOOST_TEST(margo["handles"] == nlohmann::json::array({"@HRMargo"}));
  BOOST_TEST(margo["urls"] == nlohmann::json::array({"http://margo.example/"}));
  BOOST_TEST(margo["names"] == nlohmann::json::array({"Margo Rose"}));
  BOOST_TEST(margo["sites"].empty());
  // A handle stored without its @ is shown with it.
  BOOST_TEST(json["people"][2]["handles"] == nlohmann::json::array({"@LaraNewman"}));
  BOOST_REQUIRE(json["edges"].size() == 4u);
  const auto& plans = json["edges"][0];
  BOOST_TEST(plans["from"] == 1);
  BOOST_TEST(plans["to"] == 2);
  BOOST_TEST(plans["from_name"] == "Wendy");
  BOOST_TEST(plans["to_name"] == "Margo Rose");
  BOOST_TEST(plans["kind"] == "plans_to_meet");
  BOOST_TEST(plans["event"] == "TRULondon2");
  BOOST_TEST(plans["when"] == "in Feb");
  BOOST_TEST(json["edges"][1]["detail"] == "dinner; ice skating");
  // The arrays of the first export are still there.
  for (const char* array : {"posts", "comments", "trackbacks", "mentions"}) {
    BOOST_TEST(json.contains(array), array);
  }
}

BOOST_AUTO_TEST_CASE(csv_export_writes_four_files_with_cells_exactly_as_stored) {
  auto db = StoreWithGraph();
  testing::TempDir dir;
  const fs::path folder = dir.path() / "not" / "yet" / "export";  // parents are created
  Status written = reports::WriteCsvExport(*db, {}, folder.string());
  BOOST_REQUIRE_MESSAGE(written.ok(), written.error().message);
  std::vector<std::string> nodes = CsvLines(testing::ReadFile(folder / "nodes.csv"));
  BOOST_REQUIRE(nodes.size() == 4u);
  // Gephi's spreadsheet import reads Id and Label, Source, Target, Type, Weight.
  BOOST_TEST(nodes[0] == "Id,Label,name,handles,urls,sites,texts,degree,edges");
  BOOST_TEST(nodes[2] ==
             "handle:hrmargo,Margo Rose,Margo Rose,@HRMargo,http://margo.example/,,1,1,2");
  const std::string edges = testing::ReadFile(folder / "edges.csv");
  BOOST_TEST(edges.rfind("Source,Target,Type,Id,Label,Weight,kind,date,date_precision,detail,"
                         "event,when,evidence,source_url\r\n",
                         0) == 0);
  BOOST_TEST(Has(edges,
                 "site:wendy.example,handle:laranewman,Directed,e3,spoke,1,spoke,"
                 "2009-12-06T21:31:00,second,,,,"
                 "\"-on the phone\nwith @LaraNewman\""),
             edges);
  BOOST_TEST(Has(edges, ",=cmd|' /C calc'!A0,http://"), edges);
  std::vector<std::string> posts = CsvLines(testing::ReadFile(folder / "posts.csv"));
  BOOST_TEST(posts.size() == 2u);
  BOOST_TEST(posts[0] == "id,url,title,author,author_id,author_key,published,site,site_name");
  std::vector<std::string> comments = CsvLines(testing::ReadFile(folder / "comments.csv"));
  BOOST_REQUIRE(comments.size() == 2u);
  BOOST_TEST(Has(comments[1], ",=cmd|' /C calc'!A0,"), comments[1]);
  BOOST_TEST(comments[1].ends_with(",1,comment"));  // position, kind
}

BOOST_AUTO_TEST_CASE(csv_export_replaces_an_earlier_export_and_leaves_nothing_beside_it) {
  auto db = StoreWithGraph();
  testing::TempDir dir;
  const fs::path folder = dir.path() / "export";
  fs::create_directory(folder);
  {
    std::ofstream stale(folder / "nodes.csv");
    stale << "stale\r\n";
  }
  Status written = reports::WriteCsvExport(*db, {}, folder.string() + "/");
  BOOST_REQUIRE_MESSAGE(written.ok(), written.error().message);
  BOOST_TEST(testing::ReadFile(folder / "nodes.csv").rfind("Id,Label,", 0) == 0u);
  BOOST_TEST(fs::exists(folder / "comments.csv"));
  written = reports::WriteCsvExport(*db, {}, folder.string());
  BOOST_REQUIRE_MESSAGE(written.ok(), written.error().message);
  std::vector<std::string> entries;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    entries.push_back(entry.path().filename().string());
  }
  BOOST_TEST(entries == std::vector<std::string>{"export"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(csv_export_never_replaces_a_folder_of_other_files) {
  auto db = StoreWithGraph();
  testing::TempDir dir;
  {
    std::ofstream thesis(dir.path() / "thesis.txt");
    thesis << "years of work";
  }
  Status written = reports::WriteCsvExport(*db, {}, dir.path().string());
  BOOST_REQUIRE(!written.ok());
  BOOST_TEST(written.error().code == ErrorCode::kInvalidArgument);
  BOOST_TEST(Has(written.error().message, "thesis.txt"), written.error().message);
  BOOST_TEST(testing::ReadFile(dir.path() / "thesis.txt") == "years of work");
}

BOOST_AUTO_TEST_CASE(csv_export_into_a_file_is_an_error) {
  auto db = StoreWithGraph();
  testing::TempDir dir;
  const fs::path file = dir.path() / "export.csv";
  {
    std::ofstream out(file);
    out << "x";
  }
  Status written = reports::WriteCsvExport(*db, {}, file.string());
  BOOST_REQUIRE(!written.ok());
  BOOST_TEST(Has(written.error().message, "not a folder"), written.error().message);
  BOOST_TEST(testing::ReadFile(file) == "x");
}

BOOST_AUTO_TEST_CASE(unknown_export_format_names_the_choices) {
  auto format = reports::ParseExportFormat("xml");
  BOOST_REQUIRE(!format.ok());
  BOOST_TEST(format.error().code == ErrorCode::kInvalidArgument);
  BOOST_TEST(Has(format.error().message, "json, csv, xlsx, graphml, gexf, dot"),
             format.error().message);
  BOOST_TEST((Must(reports::ParseExportFormat("gexf")) == reports::ExportFormat::kGexf));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::reports_test
