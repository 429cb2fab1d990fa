// The graph writers: whatever a crawled page put in a name or an evidence
// sentence, GraphML and GEXF stay well-formed XML (checked by Python's expat
// parser, as NetworkX and Gephi would read them) and DOT stays parsable (by
// Graphviz's own parser); the same document gives the same bytes.
#include "reports/graph_document.h"

#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>

#include "reports/reports.h"
#include "tests/support/test_paths.h"

namespace linkgraph::reports_test {
namespace LINKGRAPH_FILE_SCOPE {

namespace data = boost::unit_test::data;
using reports::AttributeType;
using reports::GraphDocument;

constexpr char kPython[] = "/usr/bin/python3";

// nullopt when Python's strict XML parser accepts xml, else its complaint.
// Without /usr/bin/python3 every document passes (and the test says so).
std::optional<std::string> XmlProblem(const std::string& xml) {
  if (access(kPython, X_OK) != 0) {
    BOOST_TEST_MESSAGE("no " << kPython << ": XML well-formedness not checked");
    return std::nullopt;
  }
  testing::TempDir dir;
  const auto document = dir.path() / "graph.xml";
  const auto complaint = dir.path() / "complaint.txt";
  {
    std::ofstream out(document, std::ios::binary);
    out << xml;
  }
  const std::string command = std::string(kPython) +
                              " -c 'import sys, xml.dom.minidom; "
                              "xml.dom.minidom.parse(sys.argv[1])' '" +
                              document.string() + "' 2>'" + complaint.string() + "'";
  int status = std::system(command.c_str());
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return std::nullopt;
  return testing::ReadFile(complaint);
}

template <typename Writer>
std::string Written(Writer writer, const GraphDocument& graph) {
  std::ostringstream out;
  writer(graph, out);
  return out.str();
}

// Every kind of trouble a page can put in a string.
const std::string kHostile =
    "Margo \"HR\" Rose <b>&amp;</b> 'quoted' \\ back\\slash\n"
    "second line\r\nthird\ttab \x01\x02\x1F\x7F control Ren\xE9 \xFF \xC0\xAF \xED\xA0\x80 "
    "\xEF\xBF\xBE \xF0\x9F\x98\x80 \xE2\x82";

GraphDocument Sample(const std::string& text) {
  GraphDocument graph;
  graph.attributes = {{"rules_version", text}};
  graph.node_attributes = {{"name"}, {"texts", AttributeType::kLong}};
  graph.edge_attributes = {{"kind"}, {"evidence"}};
  graph.nodes = {{"handle:hrmargo", text, {text, "3"}},
                 {"url:wendy.example/\"<&>", "Wendy", {"Wendy", ""}}};
  graph.edges = {{"e1", "handle:hrmargo", "url:wendy.example/\"<&>", "met", {"met", text}},
                 {"e2", "handle:hrmargo", "url:wendy.example/\"<&>", "met", {"met", "again"}}};
  return graph;
}

struct TextCase {
  const char* why;
  std::string text;
  std::string expected;
};

std::ostream& operator<<(std::ostream& out, const TextCase& c) { return out << c.why; }

const TextCase kXmlCases[] = {
    {"plain text stays", "Margo Rose", "Margo Rose"},
    {"tab, LF and CR are allowed", "a\tb\nc\rd", "a\tb\nc\rd"},
    {"other C0 controls are dropped",
     "a\x01"
     "b\x1F"
     "c\x0B"
     "d",
     "abcd"},
    {"DEL and C1 controls are allowed in XML 1.0",
     "a\x7F"
     "b\xC2\x85"
     "c",
     "a\x7F"
     "b\xC2\x85"
     "c"},
    {"a Latin-1 byte becomes U+FFFD", "Ren\xE9", "Ren\xEF\xBF\xBD"},
    {"an overlong sequence is two U+FFFD", "\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},
    {"an encoded surrogate is replaced", "\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
    {"a sequence cut at the end is replaced", "x\xE2\x82", "x\xEF\xBF\xBD\xEF\xBF\xBD"},
    {"above U+10FFFF is replaced", "\xF4\x90\x80\x80",
     "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
    {"U+FFFE and U+FFFF are dropped",
     "a\xEF\xBF\xBE"
     "b\xEF\xBF\xBF"
     "c",
     "abc"},
    {"multi-byte characters stay", "\xE2\x82\xAC \xF0\x9F\x98\x80 \xC3\xA9",
     "\xE2\x82\xAC \xF0\x9F\x98\x80 \xC3\xA9"},
};

const TextCase kDotCases[] = {
    {"plain text is quoted", "Margo Rose", "\"Margo Rose\""},
    {"quotes are escaped", "say \"hi\"", "\"say \\\"hi\\\"\""},
    {"backslashes are doubled", "C:\\dir\\N", "\"C:\\\\dir\\\\N\""},
    {"a trailing backslash cannot eat the closing quote", "x\\", "\"x\\\\\""},
    {"LF is an escaped line break", "one\ntwo", "\"one\\ntwo\""},
    {"CRLF is one line break", "one\r\ntwo", "\"one\\ntwo\""},
    {"a lone CR is a line break", "one\rtwo", "\"one\\ntwo\""},
    {"a tab is a space", "a\tb", "\"a b\""},
    {"controls are dropped",
     "a\x01\x7F"
     "b",
     "\"ab\""},
    {"invalid UTF-8 becomes U+FFFD", "Ren\xE9", "\"Ren\xEF\xBF\xBD\""},
    {"angle brackets stay text in a quoted string", "<b>", "\"<b>\""},
    {"empty is an empty string", "", "\"\""},
};

BOOST_AUTO_TEST_SUITE(graph_document)

BOOST_DATA_TEST_CASE(xml_text_keeps_what_xml_allows_and_repairs_the_rest, data::make(kXmlCases),
                     c) {
  BOOST_TEST(reports::XmlSafeText(c.text) == c.expected, c.why);
}

BOOST_DATA_TEST_CASE(dot_strings_are_escaped, data::make(kDotCases), c) {
  BOOST_TEST(reports::DotQuoted(c.text) == c.expected, c.why);
}

BOOST_AUTO_TEST_CASE(graphml_with_hostile_text_is_well_formed_xml) {
  const std::string graphml = Written(&reports::WriteGraphml, Sample(kHostile));
  auto problem = XmlProblem(graphml);
  BOOST_TEST(!problem.has_value(), problem.value_or("") << "\n" << graphml);
  BOOST_TEST(graphml.find("Margo \"HR\" Rose &lt;b&gt;&amp;amp;&lt;/b&gt;") != std::string::npos);
  BOOST_TEST(graphml.find("id=\"url:wendy.example/&quot;&lt;&amp;&gt;\"") != std::string::npos);
  BOOST_TEST(graphml.find("second line&#13;\nthird\ttab") != std::string::npos, graphml);
  BOOST_TEST(graphml.find('\x01') == std::string::npos);
  BOOST_TEST(graphml.find('\xFF') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(gexf_with_hostile_text_is_well_formed_xml) {
  const std::string gexf = Written(&reports::WriteGexf, Sample(kHostile));
  auto problem = XmlProblem(gexf);
  BOOST_TEST(!problem.has_value(), problem.value_or("") << "\n" << gexf);
  // In attribute values line breaks and tabs are references, or a parser
  // would normalise them to spaces.
  BOOST_TEST(gexf.find("\\ back\\slash&#10;second line&#13;&#10;third&#9;tab") != std::string::npos,
             gexf);
  BOOST_TEST(gexf.find("label=\"Margo &quot;HR&quot; Rose &lt;b&gt;") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(dot_with_hostile_text_parses_in_graphviz) {
  const std::string dot = Written(&reports::WriteDot, Sample(kHostile));
  auto svg = reports::RenderSvg(dot);
  BOOST_TEST(svg.ok(), (svg.ok() ? "" : svg.error().message) << "\n" << dot);
  BOOST_TEST(dot.find("\"Margo \\\"HR\\\" Rose <b>&amp;</b> 'quoted' \\\\ back\\\\slash\\n"
                      "second line\\nthird tab  control Ren\xEF\xBF\xBD") != std::string::npos,
             dot);
}

BOOST_AUTO_TEST_CASE(parallel_edges_are_all_written_with_their_ids) {
  const GraphDocument graph = Sample("x");
  const std::string graphml = Written(&reports::WriteGraphml, graph);
  BOOST_TEST(graphml.find("<edge id=\"e1\"") != std::string::npos);
  BOOST_TEST(graphml.find("<edge id=\"e2\"") != std::string::npos);
  BOOST_TEST(graphml.find("parse.edges=\"2\"") != std::string::npos);
  BOOST_TEST(graphml.find("edgedefault=\"directed\"") != std::string::npos);
  const std::string gexf = Written(&reports::WriteGexf, graph);
  BOOST_TEST(gexf.find("<edge id=\"e1\"") != std::string::npos);
  BOOST_TEST(gexf.find("<edge id=\"e2\"") != std::string::npos);
  BOOST_TEST(gexf.find("defaultedgetype=\"directed\"") != std::string::npos);
  const std::string dot = Written(&reports::WriteDot, graph);
  BOOST_TEST(dot.find("[\"id\"=\"e1\"") != std::string::npos, dot);
  BOOST_TEST(dot.find("[\"id\"=\"e2\"") != std::string::npos, dot);
}

BOOST_AUTO_TEST_CASE(empty_values_are_left_out) {
  const GraphDocument graph = Sample("x");  // Wendy has no texts value
  const std::string graphml = Written(&reports::WriteGraphml, graph);
  BOOST_TEST(graphml.find("<data key=\"d2\">Wendy</data>\n    </node>") != std::string::npos,
             graphml);
  BOOST_TEST(graphml.find("></data>") == std::string::npos);
  const std::string gexf = Written(&reports::WriteGexf, graph);
  BOOST_TEST(gexf.find("value=\"\"") == std::string::npos, gexf);
}

BOOST_AUTO_TEST_CASE(same_document_gives_same_bytes) {
  const GraphDocument graph = Sample(kHostile);
  BOOST_TEST(Written(&reports::WriteGraphml, graph) == Written(&reports::WriteGraphml, graph));
  BOOST_TEST(Written(&reports::WriteGexf, graph) == Written(&reports::WriteGexf, graph));
  BOOST_TEST(Written(&reports::WriteDot, graph) == Written(&reports::WriteDot, graph));
}

BOOST_AUTO_TEST_CASE(empty_graph_is_valid_in_every_format) {
  const GraphDocument empty;
  const std::string graphml = Written(&reports::WriteGraphml, empty);
  auto graphml_problem = XmlProblem(graphml);
  BOOST_TEST(!graphml_problem.has_value(), graphml_problem.value_or("") << graphml);
  BOOST_TEST(graphml.find("parse.nodes=\"0\" parse.edges=\"0\"") != std::string::npos);
  const std::string gexf = Written(&reports::WriteGexf, empty);
  auto gexf_problem = XmlProblem(gexf);
  BOOST_TEST(!gexf_problem.has_value(), gexf_problem.value_or("") << gexf);
  const std::string dot = Written(&reports::WriteDot, empty);
  BOOST_TEST(dot == "digraph \"linkgraph\" {\n}\n");
  auto svg = reports::RenderSvg(dot);
  BOOST_TEST(svg.ok(), (svg.ok() ? "" : svg.error().message));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::reports_test
