// The graph writers. Every string a document holds comes from crawled pages,
// so every one goes through one escaper per format; none is written raw.
#include "reports/graph_document.h"

#include <cstdint>

#include "common/utf8.h"

namespace linkgraph::reports {
namespace {

constexpr uint32_t kReplacement = 0xFFFD;

// Calls emit(code_point, utf8_bytes) for each character of text; each byte
// that does not start a well-formed sequence is one U+FFFD.
template <typename Emit>
void ForEachCharacter(std::string_view text, Emit emit) {
  for (size_t i = 0; i < text.size();) {
    uint32_t code_point = 0;
    const size_t length = DecodeUtf8(text, i, &code_point);
    if (length == 0) {
      emit(kReplacement, std::string_view("\xEF\xBF\xBD"));
      ++i;
      continue;
    }
    emit(code_point, text.substr(i, length));
    i += length;
  }
}

bool XmlAllows(uint32_t c) {
  if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
  return c != 0xFFFE && c != 0xFFFF;
}

// Escaped for element content, or (in_attribute) for a double-quoted
// attribute value, where tab and line breaks are character references so
// that attribute-value normalisation does not turn them into spaces.
std::string Xml(std::string_view text, bool in_attribute = false) {
  std::string out;
  out.reserve(text.size());
  ForEachCharacter(text, [&](uint32_t c, std::string_view bytes) {
    if (!XmlAllows(c)) return;
    switch (c) {
      case '&':
        out += "&amp;";
        return;
      case '<':
        out += "&lt;";
        return;
      case '>':
        out += "&gt;";
        return;
      case '"':
        out += in_attribute ? "&quot;" : "\"";
        return;
      case '\r':
        out += "&#13;";  // a parser would turn a literal CR into LF
        return;
      case '\n':
        out += in_attribute ? "&#10;" : "\n";
        return;
      case '\t':
        out += in_attribute ? "&#9;" : "\t";
        return;
      default:
        out += bytes;
    }
  });
  return out;
}

std::string Attr(std::string_view text) { return Xml(text, /*in_attribute=*/true); }

const char* GraphmlType(AttributeType type) {
  return type == AttributeType::kLong ? "long" : "string";
}

const char* GexfType(AttributeType type) {
  return type == AttributeType::kLong ? "long" : "string";
}

// GraphML <key> ids: d0, d1, ... in declaration order (graph, node, edge).
struct GraphmlKeys {
  size_t graph_first = 0;
  size_t node_label = 0;
  size_t node_first = 0;
  size_t edge_label = 0;
  size_t edge_first = 0;
  size_t edge_weight = 0;  // when the header says weighted
};

GraphmlKeys WriteGraphmlKeys(const GraphHeader& graph, std::ostream& out) {
  GraphmlKeys keys;
  size_t next = 0;
  auto key = [&](const char* domain, const std::string& name, AttributeType type) {
    out << "  <key id=\"d" << next++ << "\" for=\"" << domain << "\" attr.name=\"" << Attr(name)
        << "\" attr.type=\"" << GraphmlType(type) << "\"/>\n";
  };
  keys.graph_first = next;
  for (const auto& [name, value] : graph.attributes) key("graph", name, AttributeType::kString);
  keys.node_label = next;
  key("node", "label", AttributeType::kString);
  keys.node_first = next;
  for (const auto& spec : graph.node_attributes) key("node", spec.name, spec.type);
  keys.edge_label = next;
  key("edge", "label", AttributeType::kString);
  keys.edge_first = next;
  for (const auto& spec : graph.edge_attributes) key("edge", spec.name, spec.type);
  if (graph.weighted) {
    keys.edge_weight = next;
    key("edge", "weight", AttributeType::kLong);
  }
  return keys;
}

void WriteGraphmlData(size_t key, const std::string& value, const char* indent, std::ostream& out) {
  if (value.empty()) return;
  out << indent << "<data key=\"d" << key << "\">" << Xml(value) << "</data>\n";
}

void WriteGexfAttributes(const char* element_class, const std::vector<AttributeSpec>& specs,
                         std::ostream& out) {
  out << "    <attributes class=\"" << element_class << "\" mode=\"static\">\n";
  for (size_t i = 0; i < specs.size(); ++i) {
    out << "      <attribute id=\"" << i << "\" title=\"" << Attr(specs[i].name) << "\" type=\""
        << GexfType(specs[i].type) << "\"/>\n";
  }
  out << "    </attributes>\n";
}

void WriteGexfValues(const std::vector<std::string>& values, std::ostream& out) {
  bool any = false;
  for (const auto& value : values) any = any || !value.empty();
  if (!any) return;
  out << "        <attvalues>\n";
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i].empty()) continue;
    out << "          <attvalue for=\"" << i << "\" value=\"" << Attr(values[i]) << "\"/>\n";
  }
  out << "        </attvalues>\n";
}

void WriteDotAttributes(const std::vector<std::pair<std::string, std::string>>& pairs,
                        std::ostream& out) {
  out << " [";
  bool first = true;
  for (const auto& [name, value] : pairs) {
    if (value.empty()) continue;
    out << (first ? "" : ", ") << DotQuoted(name) << '=' << DotQuoted(value);
    first = false;
  }
  out << ']';
}

std::vector<std::pair<std::string, std::string>> Labelled(const std::string& label,
                                                          const std::vector<AttributeSpec>& specs,
                                                          const std::vector<std::string>& values) {
  std::vector<std::pair<std::string, std::string>> pairs = {{"label", label}};
  for (size_t i = 0; i < specs.size() && i < values.size(); ++i) {
    pairs.emplace_back(specs[i].name, values[i]);
  }
  return pairs;
}

class GraphmlWriter final : public GraphWriter {
 public:
  explicit GraphmlWriter(std::ostream& out) : out_(out) {}

  void Begin(const GraphHeader& graph) override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
            "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
            "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
            "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    keys_ = WriteGraphmlKeys(graph, out_);
    node_attributes_ = graph.node_attributes.size();
    edge_attributes_ = graph.edge_attributes.size();
    weighted_ = graph.weighted;
    out_ << "  <graph id=\"" << Attr(graph.name) << "\" edgedefault=\"directed\" parse.nodes=\""
         << graph.nodes << "\" parse.edges=\"" << graph.edges
         << "\" parse.order=\"nodesfirst\" parse.nodeids=\"free\" parse.edgeids=\"free\">\n";
    for (size_t i = 0; i < graph.attributes.size(); ++i) {
      WriteGraphmlData(keys_.graph_first + i, graph.attributes[i].second, "    ", out_);
    }
  }

  void Node(const GraphNode& node) override {
    out_ << "    <node id=\"" << Attr(node.id) << "\">\n";
    WriteGraphmlData(keys_.node_label, node.label, "      ", out_);
    for (size_t i = 0; i < node.values.size() && i < node_attributes_; ++i) {
      WriteGraphmlData(keys_.node_first + i, node.values[i], "      ", out_);
    }
    out_ << "    </node>\n";
  }

  void Edge(const GraphEdge& edge) override {
    out_ << "    <edge id=\"" << Attr(edge.id) << "\" source=\"" << Attr(edge.from)
         << "\" target=\"" << Attr(edge.to) << "\">\n";
    WriteGraphmlData(keys_.edge_label, edge.label, "      ", out_);
    for (size_t i = 0; i < edge.values.size() && i < edge_attributes_; ++i) {
      WriteGraphmlData(keys_.edge_first + i, edge.values[i], "      ", out_);
    }
    if (weighted_) WriteGraphmlData(keys_.edge_weight, std::to_string(edge.weight), "      ", out_);
    out_ << "    </edge>\n";
  }

  void End() override { out_ << "  </graph>\n</graphml>\n"; }

 private:
  std::ostream& out_;
  GraphmlKeys keys_;
  size_t node_attributes_ = 0;
  size_t edge_attributes_ = 0;
  bool weighted_ = false;
};

class GexfWriter final : public GraphWriter {
 public:
  explicit GexfWriter(std::ostream& out) : out_(out) {}

  void Begin(const GraphHeader& graph) override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<gexf xmlns=\"http://www.gexf.net/1.2draft\"\n"
            "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
            "    xsi:schemaLocation=\"http://www.gexf.net/1.2draft "
            "http://www.gexf.net/1.2draft/gexf.xsd\"\n"
            "    version=\"1.2\">\n"
            "  <meta>\n"
            "    <creator>linkgraph</creator>\n";
    // No lastmodifieddate: the same store must give the same bytes.
    std::string description = graph.name;
    for (const auto& [name, value] : graph.attributes) description += "; " + name + ": " + value;
    out_ << "    <description>" << Xml(description) << "</description>\n"
         << "  </meta>\n"
         << (graph.dated ? "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" "
                           "timeformat=\"date\">\n"
                         : "  <graph mode=\"static\" defaultedgetype=\"directed\">\n");
    dated_ = graph.dated;
    weighted_ = graph.weighted;
    WriteGexfAttributes("node", graph.node_attributes, out_);
    WriteGexfAttributes("edge", graph.edge_attributes, out_);
    out_ << "    <nodes>\n";
  }

  void Node(const GraphNode& node) override {
    out_ << "      <node id=\"" << Attr(node.id) << "\" label=\"" << Attr(node.label) << "\">\n";
    WriteGexfValues(node.values, out_);
    out_ << "      </node>\n";
  }

  void Edge(const GraphEdge& edge) override {
    EndNodes();
    out_ << "      <edge id=\"" << Attr(edge.id) << "\" source=\"" << Attr(edge.from)
         << "\" target=\"" << Attr(edge.to) << "\" label=\"" << Attr(edge.label) << '"';
    if (dated_ && !edge.start.empty()) out_ << " start=\"" << Attr(edge.start) << '"';
    if (dated_ && !edge.end.empty()) out_ << " end=\"" << Attr(edge.end) << '"';
    if (weighted_) out_ << " weight=\"" << edge.weight << '"';
    out_ << ">\n";
    WriteGexfValues(edge.values, out_);
    out_ << "      </edge>\n";
  }

  void End() override {
    EndNodes();
    out_ << "    </edges>\n  </graph>\n</gexf>\n";
  }

 private:
  // The first edge, or the end of a graph without any, closes <nodes>.
  void EndNodes() {
    if (edges_open_) return;
    out_ << "    </nodes>\n    <edges>\n";
    edges_open_ = true;
  }

  std::ostream& out_;
  bool edges_open_ = false;
  bool dated_ = false;
  bool weighted_ = false;
};

class DotWriter final : public GraphWriter {
 public:
  explicit DotWriter(std::ostream& out) : out_(out) {}

  void Begin(const GraphHeader& graph) override {
    node_attributes_ = graph.node_attributes;
    edge_attributes_ = graph.edge_attributes;
    weighted_ = graph.weighted;
    out_ << "digraph " << DotQuoted(graph.name) << " {\n";
    if (!graph.attributes.empty()) {
      out_ << "  graph";
      WriteDotAttributes(graph.attributes, out_);
      out_ << ";\n";
    }
  }

  void Node(const GraphNode& node) override {
    out_ << "  " << DotQuoted(node.id);
    WriteDotAttributes(Labelled(node.label, node_attributes_, node.values), out_);
    out_ << ";\n";
  }

  void Edge(const GraphEdge& edge) override {
    out_ << "  " << DotQuoted(edge.from) << " -> " << DotQuoted(edge.to);
    auto pairs = Labelled(edge.label, edge_attributes_, edge.values);
    pairs.insert(pairs.begin(), {"id", edge.id});
    if (weighted_) pairs.emplace_back("weight", std::to_string(edge.weight));
    WriteDotAttributes(pairs, out_);
    out_ << ";\n";
  }

  void End() override { out_ << "}\n"; }

 private:
  std::ostream& out_;
  std::vector<AttributeSpec> node_attributes_;
  std::vector<AttributeSpec> edge_attributes_;
  bool weighted_ = false;
};

}  // namespace

std::string XmlSafeText(std::string_view text) {
  std::string out;
  ForEachCharacter(text, [&out](uint32_t c, std::string_view bytes) {
    if (XmlAllows(c)) out += bytes;
  });
  return out;
}

std::string DotQuoted(std::string_view text) {
  std::string out = "\"";
  bool after_cr = false;
  ForEachCharacter(text, [&](uint32_t c, std::string_view bytes) {
    bool was_cr = after_cr;
    after_cr = c == '\r';
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\r' || (c == '\n' && !was_cr)) {
      out += "\\n";  // a CRLF is one line break
    } else if (c == '\t') {
      out += ' ';
    } else if (c >= 0x20 && c != 0x7F) {
      out += bytes;
    }
  });
  return out + "\"";
}

void WriteDocument(const GraphDocument& graph, GraphWriter& writer) {
  writer.Begin(GraphHeader{graph.name, graph.attributes, graph.node_attributes,
                           graph.edge_attributes, graph.nodes.size(), graph.edges.size(),
                           graph.dated, graph.weighted});
  for (const GraphNode& node : graph.nodes) writer.Node(node);
  for (const GraphEdge& edge : graph.edges) writer.Edge(edge);
  writer.End();
}

std::unique_ptr<GraphWriter> MakeGraphmlWriter(std::ostream& out) {
  return std::make_unique<GraphmlWriter>(out);
}

std::unique_ptr<GraphWriter> MakeGexfWriter(std::ostream& out) {
  return std::make_unique<GexfWriter>(out);
}

std::unique_ptr<GraphWriter> MakeDotWriter(std::ostream& out) {
  return std::make_unique<DotWriter>(out);
}

void WriteGraphml(const GraphDocument& graph, std::ostream& out) {
  GraphmlWriter writer(out);
  WriteDocument(graph, writer);
}

void WriteGexf(const GraphDocument& graph, std::ostream& out) {
  GexfWriter writer(out);
  WriteDocument(graph, writer);
}

void WriteDot(const GraphDocument& graph, std::ostream& out) {
  DotWriter writer(out);
  WriteDocument(graph, writer);
}

}  // namespace linkgraph::reports
