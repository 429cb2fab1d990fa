// Flat pages of short tags: each tag costs Gumbo a node of about 230 bytes
// and time, and formatting elements closed by a </p> are reopened (up to
// three of each) before the next text, so 11 bytes can make 6 nodes. A
// 16 MB page made up to 9 million nodes, 2 GB and half a minute; the scan
// before Gumbo counts the nodes and refuses such pages. The pages are built
// here, never stored.
#include <gumbo.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <limits>
#include <ostream>
#include <string>
#include <vector>

#include "parsers/depth_guard.h"
#include "parsers/parsers.h"

namespace linkgraph::parsers {
namespace LINKGRAPH_FILE_SCOPE {

constexpr char kUrl[] = "http://blog.example/2009/12/06/post/";
constexpr size_t kPageCap = 16u << 20;
constexpr size_t kUnbounded = std::numeric_limits<size_t>::max();

struct Flat {
  const char* name;
  const char* repeated;
};

std::ostream& operator<<(std::ostream& out, const Flat& flat) { return out << flat.name; }

// Flat (shallow) patterns that make many nodes per byte.
const Flat kFlat[] = {
    {"buttons in divs", "<div><button>"},
    {"repeated links", "<a href=x>y"},
    {"unclosed paragraphs and items", "<p>line <li>item "},
    {"tables in tables", "<table><tr>"},
    {"sloppy bold in paragraphs", "<p><b>x</p>"},
    {"fonts and paragraphs", "<font><p>"},
    {"line breaks", "<br>"},
    {"empty comments", "<!---->"},
    {"attributes", "<br a b c d>"},
};

std::string Repeat(std::string_view repeated, size_t bytes) {
  std::string html;
  html.reserve(bytes);
  while (html.size() + repeated.size() <= bytes) html += repeated;
  return html;
}

TreeShape Scan(std::string_view html) {
  return EstimateTreeShape(html, TreeShape{1 << 30, kUnbounded, kUnbounded});
}

// What Gumbo allocates: nodes below the document, and attributes.
size_t GumboNodes(const std::string& html) {
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  size_t nodes = 0;
  std::vector<const GumboNode*> stack{output->document};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_DOCUMENT) ++nodes;
    const GumboVector* children = nullptr;
    if (node->type == GUMBO_NODE_DOCUMENT) children = &node->v.document.children;
    if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
      children = &node->v.element.children;
      nodes += node->v.element.attributes.length;
    }
    if (children == nullptr) continue;
    for (unsigned i = 0; i < children->length; ++i) {
      stack.push_back(static_cast<const GumboNode*>(children->data[i]));
    }
  }
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return nodes;
}

std::string RestComment(int id, const std::string& html) {
  return R"({"id":)" + std::to_string(id) + R"(,"author_name":"Ann","content":{"rendered":")" +
         html + R"("}})";
}

BOOST_AUTO_TEST_SUITE(hostile_nodes)

BOOST_DATA_TEST_CASE(flat_pages_at_the_page_cap_are_refused_before_parsing,
                     boost::unit_test::data::make(kFlat), flat) {
  auto page = ExtractPage(Repeat(flat.repeated, kPageCap), kUrl);
  BOOST_REQUIRE(!page.ok());
  BOOST_TEST(page.error().code == ErrorCode::kTooLarge);
  BOOST_TEST(page.error().message ==
             "over 1000000 elements, attributes and texts; refused to protect memory and time");
}

// The scan charges what Gumbo builds, reopened formatting elements and
// implied table parts included, so the bound holds for Gumbo's tree.
BOOST_DATA_TEST_CASE(scan_counts_the_nodes_gumbo_allocates, boost::unit_test::data::make(kFlat),
                     flat) {
  std::string html = Repeat(flat.repeated, 20000);
  size_t gumbo = GumboNodes(html);
  size_t scan = Scan(html).nodes;
  BOOST_TEST_MESSAGE(flat.name << ": gumbo " << gumbo << ", scan " << scan);
  BOOST_TEST(scan * 10 >= gumbo * 9, "gumbo " << gumbo << ", scan " << scan);
  BOOST_TEST(scan <= gumbo * 2, "gumbo " << gumbo << ", scan " << scan);
}

BOOST_AUTO_TEST_CASE(formatting_reopened_after_a_paragraph_counts_as_new_elements) {
  // p, the new b, three reopened b's (the list keeps three equal ones), text.
  BOOST_TEST(Scan(Repeat("<p><b>x</p>", 11 * 1000)).nodes >= 5900u);
}

BOOST_AUTO_TEST_CASE(element_with_thousands_of_attributes_is_refused) {
  std::string tag = "<div";
  for (int i = 0; i < 5000; ++i) tag += " a" + std::to_string(i);
  auto page = ExtractPage(tag + ">x</div>", kUrl);
  BOOST_REQUIRE(!page.ok());
  BOOST_TEST(page.error().code == ErrorCode::kTooLarge);
  BOOST_TEST(page.error().message ==
             "an element with over 1000 attributes; refused to protect memory and time");
}

BOOST_AUTO_TEST_CASE(body_tags_add_their_attributes_to_one_element) {
  std::string html = "<p>x";
  for (int i = 0; i < 2000; ++i) html += "<body a" + std::to_string(i) + ">";
  BOOST_TEST(Scan(html).attributes == 2000u);
  auto page = ExtractPage(html, kUrl);
  BOOST_REQUIRE(!page.ok());
  BOOST_TEST(page.error().message.find("over 1000 attributes") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(node_budget_is_an_option) {
  std::string html = "<html><body><article><h1>Post</h1><p>Hello there.</p></article>" +
                     Repeat("<p>more <b>text</b></p>", 23 * 100) + "</body></html>";
  BOOST_TEST(ExtractPage(html, kUrl).ok());
  ExtractOptions options;
  options.max_nodes = 300;
  auto page = ExtractPage(html, kUrl, options);
  BOOST_REQUIRE(!page.ok());
  BOOST_TEST(page.error().message.find("over 300 elements") != std::string::npos);
}

// A REST response is many small documents that share the budget of one
// page: past it, texts are stripped of tags without Gumbo.
BOOST_AUTO_TEST_CASE(rest_comment_texts_share_one_page_budget) {
  const std::string small = "<p>a</p><p>b</p>";
  const std::string big = small + Repeat("<br>", 4 * 600000);
  std::string json =
      "[" + RestComment(1, small) + "," + RestComment(2, big) + "," + RestComment(3, big) + "]";
  auto page = ExtractRestComments(json, "http://blog.example/wp-json/wp/v2/comments?post=1",
                                  "http://blog.example/post/");
  BOOST_REQUIRE(page.ok());
  BOOST_REQUIRE(page->comments.size() == 3u);
  BOOST_TEST(page->comments[0].text == "a\n\nb");  // read as HTML
  BOOST_TEST(page->comments[1].text.starts_with("a\n\nb"));
  BOOST_TEST(page->comments[2].text == "ab");  // over the budget: tags stripped
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::parsers
