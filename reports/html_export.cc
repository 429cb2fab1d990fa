// `linkgraph export --format html`: one page that draws the people graph
// offline, its libraries, style and data all inside it. The graph is
// written as the store is read, as JSON in a <script type="application/json">
// that the viewer's script reads.
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>

#include "reports/graph_document.h"
#include "reports/kind_styles.h"
#include "reports/viewer_assets.h"

namespace linkgraph::reports {
namespace {

constexpr std::string_view kStyleMarker = "<!-- linkgraph:style -->";
constexpr std::string_view kScriptsMarker = "<!-- linkgraph:scripts -->";

// JSON made safe inside a <script> element: no "</script" or "<!--" can
// form when "<" is written \u003c, and U+2028/U+2029 are written escaped for
// readers that take the data as a script. Invalid UTF-8 becomes U+FFFD, as
// in the JSON export.
std::string ScriptSafeJson(const nlohmann::json& value) {
  const std::string dumped = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string safe;
  safe.reserve(dumped.size());
  for (size_t i = 0; i < dumped.size(); ++i) {
    if (dumped[i] == '<') {
      safe += "\\u003c";
    } else if (dumped.compare(i, 3, "\xE2\x80\xA8") == 0) {
      safe += "\\u2028";
      i += 2;
    } else if (dumped.compare(i, 3, "\xE2\x80\xA9") == 0) {
      safe += "\\u2029";
      i += 2;
    } else {
      safe += dumped[i];
    }
  }
  return safe;
}

// The part of the page between from and the marker (or its end), and where
// the page goes on after the marker.
std::string_view Until(std::string_view page, size_t from, std::string_view marker, size_t* next) {
  const size_t at = page.find(marker, from);
  if (at == std::string_view::npos) {
    *next = page.size();
    return page.substr(from);
  }
  *next = at + marker.size();
  return page.substr(from, at - from);
}

nlohmann::json Attributes(const std::vector<AttributeSpec>& specs,
                          const std::vector<std::string>& values) {
  nlohmann::json attributes = nlohmann::json::object();
  for (size_t i = 0; i < specs.size() && i < values.size(); ++i) {
    if (specs[i].type == AttributeType::kLong) {
      attributes[specs[i].name] = std::stoll(values[i].empty() ? "0" : values[i]);
    } else {
      attributes[specs[i].name] = values[i];
    }
  }
  return attributes;
}

// The page up to the data, the nodes and edges as JSON arrays, then the
// viewer's script and the rest of the page. Elements are written one per
// line so a large graph never becomes one huge line in an editor.
class HtmlGraphWriter : public GraphWriter {
 public:
  explicit HtmlGraphWriter(std::ostream& out) : out_(out) {}

  void Begin(const GraphHeader& header) override {
    header_ = header;
    const std::string_view page = viewer_assets::Page();
    size_t next = 0;
    out_ << Until(page, 0, kStyleMarker, &next);
    out_ << "<style>\n" << viewer_assets::Style() << "</style>";
    out_ << Until(page, next, kScriptsMarker, &rest_);
    out_ << "<script>\n" << viewer_assets::Graphology() << "</script>\n";
    out_ << "<script>\n" << viewer_assets::Sigma() << "</script>\n";
    out_ << "<script type=\"application/json\" id=\"graph-data\">\n{\"kinds\":" << KindsJson()
         << ",\n\"nodes\":[";
  }

  void Node(const GraphNode& node) override {
    nlohmann::json element = Attributes(header_.node_attributes, node.values);
    element["id"] = node.id;
    element["label"] = node.label;
    out_ << (nodes_++ == 0 ? "\n" : ",\n") << ScriptSafeJson(element);
  }

  void Edge(const GraphEdge& edge) override {
    if (edges_ == 0) out_ << "],\n\"edges\":[";
    nlohmann::json element = Attributes(header_.edge_attributes, edge.values);
    element["id"] = edge.id;
    element["from"] = edge.from;
    element["to"] = edge.to;
    // The days the date spans, for the page's date filter.
    if (!edge.start.empty()) element["start"] = edge.start;
    if (!edge.end.empty()) element["end"] = edge.end;
    if (edge.weight > 0) element["weight"] = edge.weight;
    out_ << (edges_++ == 0 ? "\n" : ",\n") << ScriptSafeJson(element);
  }

  void End() override {
    if (edges_ == 0) out_ << "],\n\"edges\":[";
    out_ << "]}\n</script>\n";
    out_ << "<script>\n" << viewer_assets::Script() << "</script>";
    out_ << viewer_assets::Page().substr(rest_);
  }

 private:
  // The edge kinds in the drawings' order and colours: the filters and the legend.
  static std::string KindsJson() {
    nlohmann::json kinds = nlohmann::json::array();
    for (const KindStyle& style : kKindStyles) {
      kinds.push_back({{"kind", style.kind}, {"colour", style.colour}});
    }
    return ScriptSafeJson(kinds);
  }

  std::ostream& out_;
  GraphHeader header_;
  size_t rest_ = 0;  // where the page goes on after the scripts' marker
  size_t nodes_ = 0;
  size_t edges_ = 0;
};

}  // namespace

std::unique_ptr<GraphWriter> MakeHtmlWriter(std::ostream& out) {
  return std::make_unique<HtmlGraphWriter>(out);
}

}  // namespace linkgraph::reports
