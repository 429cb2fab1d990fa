// The graph exports stream: GraphML, GEXF and DOT are written while the
// store's edges are read (not after a whole graph is built), their bytes are
// those of the same graph rendered as one document, and what a hostile page
// put in a name or a sentence is still escaped on the way.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "reports/graph_document.h"
#include "reports/graph_export.h"
#include "tests/reports/report_fixtures.h"
#include "tests/support/store_wrapper.h"

namespace linkgraph::reports_test {
namespace LINKGRAPH_FILE_SCOPE {

namespace data = boost::unit_test::data;

struct ExportCase {
  const char* name;
  Status (*export_store)(store::Store&, const reports::GraphExportOptions&, std::ostream&);
  void (*write_document)(const reports::GraphDocument&, std::ostream&);
};

const ExportCase kFormats[] = {{"graphml", &reports::WriteGraphmlExport, &reports::WriteGraphml},
                               {"gexf", &reports::WriteGexfExport, &reports::WriteGexf},
                               {"dot", &reports::WriteDotExport, &reports::WriteDot}};

std::ostream& operator<<(std::ostream& out, const ExportCase& format) { return out << format.name; }

// Three people, one with a name a hostile page could give, and five edges:
// two parallel, one a blog's link to itself.
std::unique_ptr<store::Store> StoreWithHostileGraph() {
  auto db = OpenMemoryStore();
  store::GraphSnapshot graph;
  graph.rules_version = "rules <1> & \"2\"";
  graph.people = {
      {0, "site:wendy.example", "Wendy", {{{"name", "Wendy", "wendy"}, "post author"}}, 3},
      {0,
       "handle:evil",
       "<b>\"Evil\" & co</b>\x01\xff",
       {{{"handle", "evil\"]]>", "evil"}, "comment author"}},
       1},
      {0, "name:margo rose", "Margo Rose", {{{"name", "Margo Rose", "margo rose"}, "test"}}, 0},
  };
  store::StoredEdge met = Edge(1, 2, "met", "Dinner with <Evil>\r\nand \"friends\" \\o/");
  met.source_url = "http://wendy.example/post/?a=1&b=2";
  graph.edges = {met, Edge(1, 2, "spoke", "On the phone\twith Evil"), Edge(1, 1, "linked", "self"),
                 Edge(2, 3, "commented", "]]> -- <!-- \x7f"), Edge(3, 1, "mentioned", "@Wendy")};
  Status replaced = db->ReplaceGraph(graph);
  if (!replaced.ok()) BOOST_FAIL("ReplaceGraph: " << replaced.error().message);
  return db;
}

// Collects what a writer is given into one document.
class DocumentCollector final : public reports::GraphWriter {
 public:
  void Begin(const reports::GraphHeader& header) override {
    header_ = header;
    document_.name = header.name;
    document_.attributes = header.attributes;
    document_.node_attributes = header.node_attributes;
    document_.edge_attributes = header.edge_attributes;
    document_.dated = header.dated;
    document_.weighted = header.weighted;
  }
  void Node(const reports::GraphNode& node) override { document_.nodes.push_back(node); }
  void Edge(const reports::GraphEdge& edge) override { document_.edges.push_back(edge); }
  void End() override {}

  const reports::GraphHeader& header() const { return header_; }
  const reports::GraphDocument& document() const { return document_; }

 private:
  reports::GraphHeader header_;
  reports::GraphDocument document_;
};

// Notes how much output there was each time the store handed over an edge.
class EdgeWatcher final : public testing::StoreWrapper {
 public:
  EdgeWatcher(store::Store& inner, const std::ostringstream& out)
      : StoreWrapper(inner), out_(out) {}

  Status EachEdge(const store::RowVisitor<store::StoredEdge>& visit) override {
    std::vector<size_t>& sizes = sizes_per_read_.emplace_back();
    return StoreWrapper::EachEdge([&](store::StoredEdge& edge) -> Status {
      sizes.push_back(out_.str().size());
      return visit(edge);
    });
  }

  const std::vector<std::vector<size_t>>& sizes_per_read() const { return sizes_per_read_; }

 private:
  const std::ostringstream& out_;
  std::vector<std::vector<size_t>> sizes_per_read_;
};

std::string Exported(const ExportCase& format, store::Store& db) {
  std::ostringstream out;
  Status status = format.export_store(db, {}, out);
  if (!status.ok()) BOOST_FAIL("export failed: " << status.error().message);
  return out.str();
}

void MustOk(const Status& status) {
  if (!status.ok()) BOOST_FAIL(status.error().message);
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

BOOST_AUTO_TEST_SUITE(graph_stream)

BOOST_DATA_TEST_CASE(an_export_writes_each_edge_while_the_store_reads_the_next, kFormats, format) {
  auto db = StoreWithHostileGraph();
  std::ostringstream out;
  EdgeWatcher watched(*db, out);
  MustOk(format.export_store(watched, {}, out));
  // Edges are read twice: once for the degrees, before anything is written,
  // then to write them, the output growing between one edge and the next.
  const auto& reads = watched.sizes_per_read();
  BOOST_REQUIRE_EQUAL(reads.size(), 2u);
  BOOST_REQUIRE_EQUAL(reads[0].size(), 5u);
  BOOST_TEST(reads[0].back() == 0u);
  BOOST_REQUIRE_EQUAL(reads[1].size(), 5u);
  BOOST_TEST(reads[1].front() > 0u);  // the nodes are out before the first edge
  for (size_t i = 1; i < reads[1].size(); ++i) BOOST_TEST(reads[1][i] > reads[1][i - 1]);
}

BOOST_DATA_TEST_CASE(a_streamed_export_has_the_bytes_of_the_graph_written_as_one_document, kFormats,
                     format) {
  auto db = StoreWithHostileGraph();
  DocumentCollector collector;
  MustOk(reports::WritePeopleGraph(*db, {}, collector));
  const reports::GraphDocument& document = collector.document();
  BOOST_TEST(collector.header().nodes == document.nodes.size());
  BOOST_TEST(collector.header().edges == document.edges.size());
  BOOST_TEST(document.nodes.size() == 3u);
  BOOST_TEST(document.edges.size() == 5u);
  std::ostringstream whole;
  format.write_document(document, whole);
  BOOST_TEST(Exported(format, *db) == whole.str());
}

BOOST_AUTO_TEST_CASE(hostile_names_and_sentences_are_escaped_in_streamed_exports) {
  auto db = StoreWithHostileGraph();
  const std::string graphml = Exported(kFormats[0], *db);
  BOOST_TEST(Has(graphml, ">&lt;b&gt;\"Evil\" &amp; co&lt;/b&gt;\xEF\xBF\xBD</data>"), graphml);
  BOOST_TEST(Has(graphml, ">rules &lt;1&gt; &amp; \"2\"</data>"));
  BOOST_TEST(Has(graphml, ">]]&gt; -- &lt;!-- \x7f</data>"));
  BOOST_TEST(!Has(graphml, "\x01"));
  const std::string gexf = Exported(kFormats[1], *db);
  BOOST_TEST(Has(gexf, "label=\"&lt;b&gt;&quot;Evil&quot; &amp; co&lt;/b&gt;\xEF\xBF\xBD\""), gexf);
  BOOST_TEST(Has(gexf, "value=\"Dinner with &lt;Evil&gt;&#13;&#10;and &quot;friends&quot; \\o/\""));
  BOOST_TEST(Has(gexf, "value=\"http://wendy.example/post/?a=1&amp;b=2\""));
  const std::string dot = Exported(kFormats[2], *db);
  BOOST_TEST(Has(dot, "\"label\"=\"<b>\\\"Evil\\\" & co</b>\xEF\xBF\xBD\""), dot);
  BOOST_TEST(Has(dot, "\"evidence\"=\"Dinner with <Evil>\\nand \\\"friends\\\" \\\\o/\""));
  BOOST_TEST(Has(dot, "\"evidence\"=\"On the phone with Evil\""));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::reports_test
