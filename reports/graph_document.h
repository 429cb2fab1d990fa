// Private to reports/: a graph as drawing and analysis tools take it (nodes
// and directed edges with string-valued, typed attributes) and its writers
// for GraphML, GEXF 1.2 and Graphviz DOT. Plain values; writers are pure
// functions of the document, so the same document gives the same bytes.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace linkgraph::reports {

enum class AttributeType { kString, kLong };

// A column of node or edge attributes: GraphML <key>, GEXF <attribute>.
struct AttributeSpec {
  std::string name;
  AttributeType type = AttributeType::kString;
};

struct GraphNode {
  std::string id;  // unique within the document
  std::string label;
  std::vector<std::string> values;  // one per GraphDocument::node_attributes; "" is not written
};

// Several edges between one pair (a multigraph) are normal; ids keep them apart.
struct GraphEdge {
  std::string id;  // unique within the document
  std::string from;
  std::string to;
  std::string label;
  std::vector<std::string> values;  // one per GraphDocument::edge_attributes; "" is not written
};

struct GraphDocument {
  std::string name = "linkgraph";
  // Metadata about the whole graph (GraphML graph data, GEXF description,
  // DOT graph attributes, where Graphviz ignores names it does not know).
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<AttributeSpec> node_attributes;
  std::vector<AttributeSpec> edge_attributes;
  std::vector<GraphNode> nodes;
  std::vector<GraphEdge> edges;
};

// Text made fit for XML 1.0: invalid UTF-8 becomes U+FFFD (as the JSON
// output does) and characters XML forbids (C0 controls but tab, LF and CR;
// U+FFFE, U+FFFF) are dropped. Exposed for tests.
std::string XmlSafeText(std::string_view text);

// A DOT double-quoted string with its quotes: backslashes and quotes escaped,
// line breaks as \n, other controls dropped, invalid UTF-8 as U+FFFD.
std::string DotQuoted(std::string_view text);

// GraphML (http://graphml.graphdrawing.org/), directed, with parse.* hints
// and edge ids; node and edge labels are the data keys "label".
void WriteGraphml(const GraphDocument& graph, std::ostream& out);
// GEXF 1.2draft (what Gephi and NetworkX read by default), static,
// defaultedgetype="directed".
void WriteGexf(const GraphDocument& graph, std::ostream& out);
// A Graphviz digraph; attributes are written under their own names.
void WriteDot(const GraphDocument& graph, std::ostream& out);

}  // namespace linkgraph::reports
