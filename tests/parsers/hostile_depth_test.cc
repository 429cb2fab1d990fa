// Pages built to nest deeply in ways a naive tag scan misses: the depth
// guard must see at least the depth Gumbo builds (Gumbo's time and memory
// grow with the square of it, ../shared/NOTES.md), and refuse such pages
// before parsing, while flat pages that only look deep pass.
#include <gumbo.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "parsers/depth_guard.h"
#include "parsers/parsers.h"

namespace linkgraph::parsers {
namespace LINKGRAPH_FILE_SCOPE {

struct Pattern {
  const char* name;
  const char* prefix;
  const char* repeated;
  const char* suffix;
};

std::ostream& operator<<(std::ostream& out, const Pattern& pattern) { return out << pattern.name; }

std::string Build(const Pattern& pattern, size_t times) {
  std::string html = pattern.prefix;
  for (size_t i = 0; i < times; ++i) html += pattern.repeated;
  return html + pattern.suffix;
}

// The depth of the tree Gumbo builds: elements from the document down.
int GumboDepth(const std::string& html) {
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  int deepest = 0;
  std::vector<std::pair<const GumboNode*, int>> stack{{output->document, 0}};
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    deepest = std::max(deepest, depth);
    const GumboVector* children = node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children
                                  : node->type == GUMBO_NODE_ELEMENT ? &node->v.element.children
                                  : node->type == GUMBO_NODE_TEMPLATE ? &node->v.element.children
                                                                       : nullptr;
    if (children == nullptr) continue;
    for (unsigned i = 0; i < children->length; ++i) {
      stack.emplace_back(static_cast<const GumboNode*>(children->data[i]), depth + 1);
    }
  }
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return deepest;
}

// Each pattern nests deeper with every repetition in the tree Gumbo builds.
const Pattern kDeep[] = {
    {"self-closed divs", "", "<div/>", ""},
    {"self-closed spans", "<p>", "<span />", ""},
    {"open divs", "", "<div>", ""},
    {"formatting pairs", "", "<i><b>", ""},
    {"tables in cells", "", "<table><td>", ""},
    {"tables in rows and cells", "", "<table><tr><td>x", ""},
    {"lists in items", "", "<ul><li>", ""},
    {"definition lists", "", "<dl><dd>", ""},
    {"formatting reopened after a block closes", "", "<div><b>x</div>x", ""},
    {"formatting with attributes reopened", "", "<p><em class=a>x</p>x", ""},
    {"links in blocks", "", "<div><a href=x>", ""},
    {"divs after an empty comment", "<!-->", "<div>", "-->"},
    {"divs after a three-dash comment", "<!--->", "<div>", "-->"},
    {"divs after a bang-closed comment", "<!-- x --!>", "<div>", "-->"},
    {"svg groups", "<svg>", "<g>", ""},
    {"svg with quoted slash", "<svg>", "<g title=\"/>\">", ""},
    {"html in svg foreignObject", "", "<svg><foreignObject><div>", ""},
    {"html in svg desc", "", "<svg><desc><div>", ""},
    {"html in mathml text", "", "<math><mi><div>", ""},
    {"breakout from svg style", "<svg><style>", "<div>", ""},
    {"mathml annotation not html", "<math><annotation-xml><style>", "<div>", "</style>"},
    {"divs with tag-like attribute", "", "<div title='<!--'>", ""},
    {"noscript parsed as markup", "<noscript>", "<div>", ""},
    {"uppercase", "", "<DIV/>", ""},
    {"headings in divs", "", "<div><h1>", ""},
};

// Each pattern looks deep to a naive scan but Gumbo's tree stays shallow.
const Pattern kFlat[] = {
    {"unclosed paragraphs and items", "<div>", "<p>line <li>item ", ""},
    {"self-closed svg elements", "<svg>", "<path d='M0'/>", "</svg>"},
    {"tags in a script", "<script>", "<div>", "</script>"},
    {"tags in a textarea", "<textarea>", "<div>", "</textarea>"},
    {"tags in a title", "<title>", "<div>", "</title>"},
    {"tags in a comment", "<!--", "<div>", "-->"},
    {"tags after plaintext", "<plaintext>", "<div>", ""},
    {"tags in svg CDATA", "<svg><![CDATA[", "<div>", "]]></svg>"},
    {"balanced divs", "", "<div><b>x</b></div>", ""},
    {"sloppy bold in paragraphs", "", "<p><b>x</p>", ""},
    {"repeated links", "", "<a href=x>y", ""},
    {"tables in tables", "", "<table><tr>", ""},
    {"voids", "", "<br/><img src=x><input>", ""},
    {"table rows", "<table>", "<tr><td>x<td>y", "</table>"},
    {"fonts and paragraphs", "", "<font><p>", ""},
    {"buttons in divs", "", "<div><button>", ""},
};

constexpr size_t kSmall = 400;  // repetitions Gumbo parses quickly

BOOST_AUTO_TEST_SUITE(hostile_depth)

BOOST_DATA_TEST_CASE(guard_sees_at_least_the_depth_gumbo_builds,
                     boost::unit_test::data::make(kDeep), pattern) {
  std::string html = Build(pattern, kSmall);
  int gumbo = GumboDepth(html);
  int estimate = EstimateNestingDepth(html, 1 << 30);
  BOOST_TEST_MESSAGE(pattern.name << ": gumbo " << gumbo << ", estimate " << estimate);
  BOOST_TEST(gumbo >= static_cast<int>(kSmall), "the pattern does not nest: " << gumbo);
  // html and body, and the odd wrapper, are not counted.
  BOOST_TEST(estimate + 4 >= gumbo / 2, "gumbo " << gumbo << ", estimate " << estimate);
}

BOOST_DATA_TEST_CASE(guard_does_not_mistake_flat_pages_for_deep,
                     boost::unit_test::data::make(kFlat), pattern) {
  std::string html = Build(pattern, kSmall);
  int gumbo = GumboDepth(html);
  int estimate = EstimateNestingDepth(html, 1 << 30);
  BOOST_TEST_MESSAGE(pattern.name << ": gumbo " << gumbo << ", estimate " << estimate);
  BOOST_TEST(gumbo < 50);
  BOOST_TEST(estimate < 50);
}

// At a size an attacker would send (100,000 repetitions, up to a few MB),
// every deep pattern is refused before Gumbo sees it.
BOOST_DATA_TEST_CASE(deep_pages_of_any_size_are_refused_before_parsing,
                     boost::unit_test::data::make(kDeep), pattern) {
  auto page = ExtractPage(Build(pattern, 100000), "http://blog.example/");
  BOOST_REQUIRE(!page.ok());
  BOOST_TEST(page.error().code == ErrorCode::kTooLarge);
  BOOST_TEST(page.error().message.find("nested over 2000 deep") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::parsers
