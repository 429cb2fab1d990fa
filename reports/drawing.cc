#include "reports/drawing.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <set>
#include <sstream>
#include <string_view>
#include <tuple>

#include "graph/graph.h"
#include "reports/kind_styles.h"

namespace linkgraph::reports {
namespace {

std::string_view ColourOf(std::string_view kind) {
  const size_t strength = KindStrength(kind);
  return strength < std::size(kKindStyles) ? kKindStyles[strength].colour : "#000000";
}

// "met ×2, mentioned" for the kinds of one line, strongest first.
std::string LineLabel(const std::map<std::string, int>& counts) {
  std::vector<std::pair<std::string, int>> ordered(counts.begin(), counts.end());
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto& x, const auto& y) {
    return KindStrength(x.first) < KindStrength(y.first);
  });
  std::string label;
  for (const auto& [kind, count] : ordered) {
    if (!label.empty()) label += ", ";
    label += kind;
    if (count > 1) label += " \xC3\x97" + std::to_string(count);
  }
  return label;
}

// Layout choices for a social graph, which has no up and down: a
// force-directed layout (the renderer picks neato or sfdp) keeps the drawing
// about as tall as wide, where dot puts a person with fifty neighbours on a
// page fifty names wide.
std::vector<std::pair<std::string, std::string>> LayoutAttributes() {
  return {{"overlap", "false"},
          {"splines", "true"},
          {"sep", "+8"},
          {"outputorder", "edgesfirst"},
          {"fontsize", "11"}};
}

// An attribute value of Graphviz's <svg> element, or "" when absent.
std::string_view SvgAttribute(std::string_view svg_tag, std::string_view name) {
  const std::string needle = " " + std::string(name) + "=\"";
  size_t start = svg_tag.find(needle);
  if (start == std::string_view::npos) {
    start = svg_tag.find("\n" + std::string(name) + "=\"");  // Graphviz breaks the tag's lines
    if (start == std::string_view::npos) return {};
  }
  start += needle.size();
  const size_t end = svg_tag.find('"', start);
  return end == std::string_view::npos ? std::string_view{} : svg_tag.substr(start, end - start);
}

std::string Number(double value) {
  std::ostringstream out;
  out.precision(2);
  out << std::fixed << value;
  return out.str();
}

// Adds the legend below Graphviz's drawing: the page grows by its height,
// in the drawing's own units (Graphviz draws 1 unit to 1 pt unless scaled).
// A drawing whose header is not as expected keeps no legend.
std::string WithLegend(std::string svg, const std::vector<std::string>& kinds) {
  if (kinds.empty()) return svg;
  const size_t open = svg.find("<svg");
  const size_t close = svg.find('>', open);
  const size_t end = svg.rfind("</svg>");
  if (open == std::string::npos || close == std::string::npos || end == std::string::npos) {
    return svg;
  }
  // A copy: inserting the legend below moves the text the tag was in.
  const std::string tag = svg.substr(open, close - open);
  double x = 0, y = 0, width = 0, height = 0;
  std::istringstream box{std::string(SvgAttribute(tag, "viewBox"))};
  if (!(box >> x >> y >> width >> height)) return svg;
  constexpr double kRow = 16, kMargin = 8, kLegendWidth = 150;
  const double legend_height = kMargin + kRow * static_cast<double>(kinds.size()) + kMargin;
  const double new_width = std::max(width, kLegendWidth);
  const double new_height = height + legend_height;

  std::string legend =
      "<g id=\"legend\" class=\"legend\" font-family=\"Helvetica,sans-Serif\" "
      "font-size=\"11.00\">\n<rect x=\"" +
      Number(x) + "\" y=\"" + Number(y + height) + "\" width=\"" + Number(new_width) +
      "\" height=\"" + Number(legend_height) + "\" fill=\"white\" stroke=\"none\"/>\n";
  double row_y = y + height + kMargin + kRow / 2;
  for (const std::string& kind : kinds) {
    legend += "<line x1=\"" + Number(x + kMargin) + "\" y1=\"" + Number(row_y) + "\" x2=\"" +
              Number(x + kMargin + 24) + "\" y2=\"" + Number(row_y) + "\" stroke=\"" +
              std::string(ColourOf(kind)) + "\" stroke-width=\"3\"/>\n<text x=\"" +
              Number(x + kMargin + 30) + "\" y=\"" + Number(row_y + 4) + "\">" + kind + "</text>\n";
    row_y += kRow;
  }
  legend += "</g>\n";
  svg.insert(end, legend);

  std::string new_tag = "<svg width=\"" + Number(new_width) + "pt\" height=\"" +
                        Number(new_height) + "pt\"\n viewBox=\"" + Number(x) + " " + Number(y) +
                        " " + Number(new_width) + " " + Number(new_height) + "\"";
  // Keeps the namespace declarations and anything else the tag holds.
  std::string rest(tag);
  for (std::string_view name : {"width", "height", "viewBox"}) {
    const std::string_view value = SvgAttribute(rest, name);
    if (value.empty()) continue;
    const size_t at = rest.find(std::string(name) + "=\"" + std::string(value) + "\"");
    if (at != std::string::npos) rest.erase(at, name.size() + 3 + value.size());
  }
  rest.erase(0, 4);  // "<svg"
  svg.replace(open, close - open, new_tag + rest);
  return svg;
}

}  // namespace

Result<Drawing> DrawingOf(PeopleView& people, const std::vector<store::StoredEdge>& edges) {
  Drawing drawing;
  drawing.graph.attributes = LayoutAttributes();
  drawing.graph.edge_attributes = {{"color"}, {"fontcolor"}, {"penwidth"}};
  std::set<long long> drawn;
  std::map<std::pair<long long, long long>, std::map<std::string, int>> lines;
  std::set<std::string> kinds;
  for (const store::StoredEdge& edge : edges) {
    for (long long id : {edge.from, edge.to}) {
      if (!drawn.insert(id).second) continue;
      Result<const store::StoredPerson*> person = people.Get(id);
      if (!person) return person.error();
      drawing.graph.nodes.push_back(GraphNode{(*person)->key, LabelOf(**person), {}});
    }
    ++lines[{edge.from, edge.to}][edge.kind];
    kinds.insert(edge.kind);
  }
  for (const auto& [ends, counts] : lines) {
    Result<const store::StoredPerson*> from = people.Get(ends.first);
    if (!from) return from.error();
    Result<const store::StoredPerson*> to = people.Get(ends.second);
    if (!to) return to.error();
    int total = 0;
    std::string strongest;
    for (const auto& [kind, count] : counts) {
      total += count;
      if (strongest.empty() || KindStrength(kind) < KindStrength(strongest)) strongest = kind;
    }
    const std::string colour(ColourOf(strongest));
    const std::string width = Number(1.0 + std::log2(static_cast<double>(total)));
    GraphEdge line;
    line.id = "e" + std::to_string(drawing.graph.edges.size() + 1);
    line.from = (*from)->key;
    line.to = (*to)->key;
    line.label = LineLabel(counts);
    line.values = {colour, colour, width};
    drawing.graph.edges.push_back(std::move(line));
  }
  drawing.kinds.assign(kinds.begin(), kinds.end());
  std::stable_sort(
      drawing.kinds.begin(), drawing.kinds.end(),
      [](const std::string& x, const std::string& y) { return KindStrength(x) < KindStrength(y); });
  return drawing;
}

std::vector<store::StoredEdge> Neighbourhood(const std::vector<store::StoredEdge>& edges,
                                             long long center, int depth) {
  std::map<long long, std::vector<long long>> adjacent;
  for (const store::StoredEdge& edge : edges) {
    adjacent[edge.from].push_back(edge.to);
    adjacent[edge.to].push_back(edge.from);
  }
  std::map<long long, int> hops = {{center, 0}};
  std::deque<long long> frontier = {center};
  while (!frontier.empty()) {
    const long long person = frontier.front();
    frontier.pop_front();
    if (hops[person] == depth) continue;
    for (long long next : adjacent[person]) {
      if (hops.emplace(next, hops[person] + 1).second) frontier.push_back(next);
    }
  }
  std::vector<store::StoredEdge> kept;
  for (const store::StoredEdge& edge : edges) {
    if (hops.count(edge.from) && hops.count(edge.to)) kept.push_back(edge);
  }
  return kept;
}

std::vector<store::StoredEdge> AmongBestConnected(const std::vector<store::StoredEdge>& edges,
                                                  size_t limit) {
  std::map<long long, std::set<long long>> neighbours;
  for (const store::StoredEdge& edge : edges) {
    if (edge.from == edge.to) continue;
    neighbours[edge.from].insert(edge.to);
    neighbours[edge.to].insert(edge.from);
  }
  if (neighbours.size() <= limit) return edges;
  std::vector<std::pair<long long, long long>> ranked;  // (-degree, id)
  for (const auto& [id, others] : neighbours) {
    ranked.emplace_back(-static_cast<long long>(others.size()), id);
  }
  std::sort(ranked.begin(), ranked.end());
  std::set<long long> kept_people;
  for (size_t i = 0; i < limit; ++i) kept_people.insert(ranked[i].second);
  std::vector<store::StoredEdge> kept;
  for (const store::StoredEdge& edge : edges) {
    if (kept_people.count(edge.from) && kept_people.count(edge.to)) kept.push_back(edge);
  }
  return kept;
}

Result<std::vector<store::StoredEdge>> CutForDrawing(PeopleView& people,
                                                     std::vector<store::StoredEdge> edges,
                                                     const ReportRequest& request) {
  if (!request.around.empty()) {
    Result<const store::StoredPerson*> center = people.Resolve(request.around);
    if (!center) return center.error();
    edges = Neighbourhood(edges, (*center)->id, request.depth);
  }
  if (request.limit > 0) edges = AmongBestConnected(edges, static_cast<size_t>(request.limit));
  return edges;
}

Status WriteDrawing(const Drawing& drawing, Format format, std::ostream& out) {
  std::ostringstream dot;
  WriteDot(drawing.graph, dot);
  if (format == Format::kDot) {
    out << dot.str();
    return {};
  }
  Result<std::string> svg = RenderSvg(dot.str());
  if (!svg) return svg.error();
  out << WithLegend(std::move(*svg), drawing.kinds);
  return {};
}

}  // namespace linkgraph::reports
