// RenderSvg: DOT in, SVG out through Graphviz's library; bad DOT is an
// Error with Graphviz's reason, never a crash or noise on stderr.
#include <fcntl.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <string>

#include "reports/reports.h"
#include "tests/support/test_paths.h"

namespace linkgraph::reports_test {
namespace LINKGRAPH_FILE_SCOPE {

constexpr char kSmallDot[] =
    "digraph \"linkgraph\" {\n"
    "  \"handle:wendy\" [label=\"Wendy\"];\n"
    "  \"handle:laranewman\" [label=\"@LaraNewman\"];\n"
    "  \"handle:wendy\" -> \"handle:laranewman\" [id=\"e1\", label=\"met\"];\n"
    "  \"handle:wendy\" -> \"handle:laranewman\" [id=\"e2\", label=\"spoke\"];\n"
    "}\n";

// Standard error (fd 2) sent to a file for the owner's lifetime.
class StderrToFile {
 public:
  explicit StderrToFile(const std::string& path) {
    saved_ = dup(2);
    int file = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(file, 2);
    close(file);
  }
  ~StderrToFile() {
    dup2(saved_, 2);
    close(saved_);
  }
  StderrToFile(const StderrToFile&) = delete;
  StderrToFile& operator=(const StderrToFile&) = delete;

 private:
  int saved_ = -1;
};

std::string Message(const Result<std::string>& result) {
  return result.ok() ? "" : result.error().message;
}

BOOST_AUTO_TEST_SUITE(svg)

BOOST_AUTO_TEST_CASE(small_dot_renders_to_svg_with_its_labels) {
  auto svg = reports::RenderSvg(kSmallDot);
  BOOST_REQUIRE_MESSAGE(svg.ok(), Message(svg));
  BOOST_TEST(svg->rfind("<?xml", 0) == 0);
  BOOST_TEST(svg->find("<svg") != std::string::npos);
  BOOST_TEST(svg->find(">@LaraNewman</text>") != std::string::npos, *svg);
  BOOST_TEST(svg->find(">spoke</text>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(malformed_dot_is_an_error_with_graphviz_reason) {
  auto svg = reports::RenderSvg("digraph { a -> ");
  BOOST_REQUIRE(!svg.ok());
  BOOST_TEST(svg.error().code == ErrorCode::kCorrupt);
  BOOST_TEST(svg.error().message.find("svg: ") == 0u, svg.error().message);
  BOOST_TEST(svg.error().message.find("syntax error") != std::string::npos, svg.error().message);
}

BOOST_AUTO_TEST_CASE(empty_text_is_an_error) {
  auto svg = reports::RenderSvg("");
  BOOST_REQUIRE(!svg.ok());
  BOOST_TEST(svg.error().code == ErrorCode::kCorrupt);
}

BOOST_AUTO_TEST_CASE(unknown_layout_engine_is_an_error) {
  auto svg = reports::RenderSvg("digraph { layout=\"nonesuch\"; a -> b }");
  BOOST_REQUIRE(!svg.ok());
  BOOST_TEST(svg.error().code == ErrorCode::kInternal);
  BOOST_TEST(svg.error().message.find("nonesuch") != std::string::npos, svg.error().message);
}

BOOST_AUTO_TEST_CASE(rendering_works_after_an_error) {
  BOOST_TEST(!reports::RenderSvg("digraph { \"unclosed }").ok());
  auto svg = reports::RenderSvg(kSmallDot);
  BOOST_TEST(svg.ok(), Message(svg));
}

// Regression: Graphviz 2.42's pango plugin kept a pointer into a freed
// context's font table, so a second render with a fresh context read freed
// memory (AddressSanitizer: heap-use-after-free in textspan_size).
BOOST_AUTO_TEST_CASE(many_renders_in_one_process_are_safe) {
  for (int i = 0; i < 3; ++i) {
    auto svg = reports::RenderSvg(kSmallDot);
    BOOST_TEST(svg.ok(), Message(svg));
  }
}

BOOST_AUTO_TEST_CASE(large_graph_is_laid_out_by_sfdp) {
  std::string dot = "digraph {\n";
  for (int i = 0; i < 400; ++i) {
    dot += "  n" + std::to_string(i) + " -> n" + std::to_string((i * 7 + 1) % 400) + ";\n";
  }
  dot += "}\n";
  auto svg = reports::RenderSvg(dot);
  BOOST_TEST(svg.ok(), Message(svg));
}

BOOST_AUTO_TEST_CASE(graphviz_warnings_do_not_reach_stderr) {
  testing::TempDir dir;
  const std::string captured = (dir.path() / "stderr.txt").string();
  {
    StderrToFile redirect(captured);
    auto svg = reports::RenderSvg("digraph { a [shape=\"nonesuch\"]; a -> b }");
    BOOST_TEST(svg.ok(), Message(svg));
    BOOST_TEST(!reports::RenderSvg("digraph { a -> ").ok());
  }
  BOOST_TEST(testing::ReadFile(captured).empty(), testing::ReadFile(captured));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::reports_test
