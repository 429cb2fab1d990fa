// SVG drawings: DOT text laid out and rendered by Graphviz's library (libgvc),
// in process, so no `dot` executable is needed. Graphviz keeps global state
// (its error handler, the DOT lexer), so calls are serialised.
#include <gvc.h>

#include <memory>
#include <mutex>
#include <string>

#include "reports/reports.h"

namespace linkgraph::reports {
namespace {

// Graphs up to this many nodes get "neato" (stress majorisation: people who
// interact close together, a drawing about as tall as wide; "dot" layers a
// person with fifty neighbours into a page fifty names wide). Beyond it
// neato gets slow, so "sfdp", the multiscale force-directed engine meant for
// large graphs, is used. A DOT "layout" graph attribute overrides both.
constexpr int kMaxNodesForNeato = 300;

// The C handles, each freed exactly once by its owner.
struct ContextDeleter {
  void operator()(GVC_t* context) const noexcept { gvFreeContext(context); }
};
struct GraphDeleter {
  void operator()(Agraph_t* graph) const noexcept { agclose(graph); }
};
struct RenderDataDeleter {
  void operator()(char* data) const noexcept { gvFreeRenderData(data); }
};
using ContextPtr = std::unique_ptr<GVC_t, ContextDeleter>;
using GraphPtr = std::unique_ptr<Agraph_t, GraphDeleter>;
using RenderDataPtr = std::unique_ptr<char, RenderDataDeleter>;

// A layout made by gvLayout, freed with gvFreeLayout before its graph goes.
class LayoutOwner {
 public:
  LayoutOwner(GVC_t* context, Agraph_t* graph) : context_(context), graph_(graph) {}
  ~LayoutOwner() { gvFreeLayout(context_, graph_); }
  LayoutOwner(const LayoutOwner&) = delete;
  LayoutOwner& operator=(const LayoutOwner&) = delete;

 private:
  GVC_t* context_;
  Agraph_t* graph_;
};

std::mutex graphviz_mutex;
std::string* graphviz_messages = nullptr;  // guarded by graphviz_mutex

// One context for the process, freed at exit. Graphviz 2.42's pango plugin
// caches a pointer into the context's font table in a static, so a second
// context reads freed memory (AddressSanitizer finds it on the second call).
GVC_t* SharedContext() {  // call with graphviz_mutex held
  static ContextPtr context(gvContext());
  return context.get();
}

int CaptureMessage(char* message) {
  if (graphviz_messages != nullptr && message != nullptr) *graphviz_messages += message;
  return 0;
}

// Sends Graphviz's warnings and errors to a string instead of stderr for the
// owner's lifetime, restoring the previous handler after.
class CapturedMessages {
 public:
  CapturedMessages() {
    graphviz_messages = &text_;
    previous_handler_ = agseterrf(&CaptureMessage);
    previous_level_ = agseterr(AGWARN);
  }
  ~CapturedMessages() {
    agseterr(previous_level_);
    agseterrf(previous_handler_);
    graphviz_messages = nullptr;
  }
  CapturedMessages(const CapturedMessages&) = delete;
  CapturedMessages& operator=(const CapturedMessages&) = delete;

  // What Graphviz said, on one line, or fallback when it said nothing.
  std::string Text(const std::string& fallback) const {
    std::string line;
    for (char c : text_) line += (c == '\n' || c == '\r') ? ' ' : c;
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line.empty() ? fallback : line;
  }

 private:
  std::string text_;
  agusererrf previous_handler_ = nullptr;
  agerrlevel_t previous_level_ = AGWARN;
};

}  // namespace

Result<std::string> RenderSvg(std::string_view dot) {
  std::lock_guard<std::mutex> lock(graphviz_mutex);
  CapturedMessages messages;
  GVC_t* context = SharedContext();
  if (context == nullptr) return Error{ErrorCode::kInternal, "svg: Graphviz did not start"};

  const std::string text(dot);  // agmemread wants a NUL-terminated string
  GraphPtr graph(agmemread(text.c_str()));
  if (graph == nullptr) {
    return Error{ErrorCode::kCorrupt,
                 "svg: the DOT text does not parse: " + messages.Text("no graph in it")};
  }

  const char* engine = agnnodes(graph.get()) <= kMaxNodesForNeato ? "neato" : "sfdp";
  int laid_out = gvLayout(context, graph.get(), engine);
  LayoutOwner layout(context, graph.get());  // gvFreeLayout is safe after a failure too
  if (laid_out != 0) {
    return Error{ErrorCode::kInternal, "svg: layout failed: " + messages.Text("no reason given")};
  }

  char* data = nullptr;
  unsigned int length = 0;
  int rendered = gvRenderData(context, graph.get(), "svg", &data, &length);
  RenderDataPtr owned_data(data);
  if (rendered != 0 || owned_data == nullptr) {
    return Error{ErrorCode::kInternal, "svg: rendering failed: " +
                                           messages.Text("is Graphviz's svg renderer installed?")};
  }
  return std::string(owned_data.get(), length);
}

}  // namespace linkgraph::reports
