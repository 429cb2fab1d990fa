// Private to reports/: a graph as drawing and analysis tools take it (nodes
// and directed edges with string-valued, typed attributes) and its writers
// for GraphML, GEXF 1.2 and Graphviz DOT, which write a graph as it is read
// or a whole document. Plain values; a writer's bytes depend on what it is
// given only, so the same graph gives the same bytes. One thread at a time.
#pragma once

#include <cstddef>
#include <memory>
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
  GraphEdge() = default;
  GraphEdge(std::string edge_id, std::string from_id, std::string to_id, std::string edge_label,
            std::vector<std::string> edge_values)
      : id(std::move(edge_id)),
        from(std::move(from_id)),
        to(std::move(to_id)),
        label(std::move(edge_label)),
        values(std::move(edge_values)) {}

  std::string id;  // unique within the document
  std::string from;
  std::string to;
  std::string label;
  std::vector<std::string> values;  // one per GraphDocument::edge_attributes; "" is not written
  // When the edge holds, as ISO dates (YYYY-MM-DD) for GEXF's timeline; ""
  // when unknown. Written only by a header that says `dated`.
  std::string start;
  std::string end;
  long long weight = 0;  // parallel edges merged into this one; 0: not a merged edge
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
  bool dated = false;     // edges carry start and end: GEXF writes a dynamic graph
  bool weighted = false;  // edges carry a weight, written as each format's own
};

// All of a graph but its nodes and edges, with how many of each follow
// (GraphML announces the counts before the first node).
struct GraphHeader {
  std::string name = "linkgraph";
  std::vector<std::pair<std::string, std::string>> attributes;  // as GraphDocument's
  std::vector<AttributeSpec> node_attributes;
  std::vector<AttributeSpec> edge_attributes;
  size_t nodes = 0;
  size_t edges = 0;
  bool dated = false;     // as GraphDocument's
  bool weighted = false;  // as GraphDocument's
};

// Writes a graph a node and an edge at a time, holding none of them, so an
// export of a million edges costs the memory of one: Begin once, then every
// Node, then every Edge, then End. Each call writes to the stream before it
// returns; the caller checks the stream.
class GraphWriter {
 public:
  virtual ~GraphWriter() = default;
  virtual void Begin(const GraphHeader& header) = 0;
  virtual void Node(const GraphNode& node) = 0;
  virtual void Edge(const GraphEdge& edge) = 0;
  virtual void End() = 0;
};

// The formats below, written as they come.
std::unique_ptr<GraphWriter> MakeGraphmlWriter(std::ostream& out);
std::unique_ptr<GraphWriter> MakeGexfWriter(std::ostream& out);
std::unique_ptr<GraphWriter> MakeDotWriter(std::ostream& out);
// A self-contained HTML page drawing the graph (html_export.cc).
std::unique_ptr<GraphWriter> MakeHtmlWriter(std::ostream& out);

// The whole document through a writer: the same bytes as writing it as it comes.
void WriteDocument(const GraphDocument& graph, GraphWriter& writer);

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
