// pipeline::ImportFiles in-process: the bundled sample blog imported into
// an in-memory store, observed page by page, stopped, and refused.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "crawler/crawler.h"
#include "pipeline/pipeline.h"
#include "tests/support/test_paths.h"
#include "tests/support/test_store.h"

namespace linkgraph {
namespace LINKGRAPH_FILE_SCOPE {

using testing::Must;

std::string SampleBlog() {
  return (testing::SourceDir() / "examples/wendy-the-recruiter").string();
}

// Records what the import tells, in order.
class Recorder : public pipeline::ImportObserver {
 public:
  void OnPage(const std::string& file, const store::PageToSave& page) override {
    events.push_back("page " + page.fetch.status);
    files.push_back(file);
    if (stop_after_first) stop.request_stop();
  }
  void OnPagesSaved(const pipeline::ImportResult& result) override {
    events.push_back("saved " + std::to_string(result.files));
  }

  std::vector<std::string> events;
  std::vector<std::string> files;
  bool stop_after_first = false;
  std::stop_source stop;
};

BOOST_AUTO_TEST_SUITE(import)

BOOST_AUTO_TEST_CASE(the_sample_blog_is_imported_page_by_page_and_its_graph_derived) {
  std::vector<std::string> missing;
  std::vector<std::string> files = pipeline::ListPageFiles({SampleBlog()}, &missing);
  BOOST_TEST(files.size() == 4u);
  BOOST_TEST(missing.empty());
  auto store = testing::OpenMemoryStore();
  Recorder recorder;
  pipeline::ImportResult result = Must(pipeline::ImportFiles(files, {}, *store, recorder));
  BOOST_TEST(result.files == 4u);
  BOOST_TEST(result.failed == 0u);
  BOOST_TEST(result.saved.pages_new == 4);
  BOOST_TEST(result.saved.posts_new == 3);
  BOOST_TEST(result.graph.derived);
  BOOST_TEST(result.graph.people > 0);
  BOOST_TEST(!result.graph_error.has_value());
  BOOST_TEST(recorder.files == files, boost::test_tools::per_element());
  const std::vector<std::string> told = {"page ok", "page ok", "page ok", "page ok", "saved 4"};
  BOOST_TEST(recorder.events == told, boost::test_tools::per_element());
  BOOST_TEST((Must(pipeline::StalenessOf(*store)) == pipeline::GraphStaleness::kCurrent));
}

BOOST_AUTO_TEST_CASE(the_same_bytes_again_are_not_read_again_and_leave_the_graph_as_it_is) {
  std::vector<std::string> files = pipeline::ListPageFiles({SampleBlog()}, nullptr);
  auto store = testing::OpenMemoryStore();
  Recorder first;
  Must(pipeline::ImportFiles(files, {}, *store, first));
  Recorder second;
  pipeline::ImportResult again = Must(pipeline::ImportFiles(files, {}, *store, second));
  BOOST_TEST(again.saved.pages_unchanged == 4);
  BOOST_TEST(again.saved.pages_new + again.saved.pages_changed == 0);
  BOOST_TEST(!again.graph.derived);
}

std::vector<std::string> EdgeLines(store::Store& store) {
  std::vector<std::string> lines;
  for (const store::StoredEdge& edge : Must(store.Edges())) {
    lines.push_back(Must(store.FindPerson(edge.from))->key + " " + edge.kind + " " +
                    Must(store.FindPerson(edge.to))->key + " " + edge.date + " " + edge.evidence +
                    " " + edge.source_url);
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

BOOST_AUTO_TEST_CASE(a_page_edited_between_imports_is_the_only_text_read_again) {
  testing::TempDir copy;
  std::filesystem::copy(SampleBlog(), copy.path(), std::filesystem::copy_options::recursive);
  std::vector<std::string> files = pipeline::ListPageFiles({copy.path().string()}, nullptr);
  auto store = testing::OpenMemoryStore();
  Recorder first;
  pipeline::ImportResult imported = Must(pipeline::ImportFiles(files, {}, *store, first));
  BOOST_TEST(imported.graph.texts_read > 1);

  const auto edited = copy.path() / "2009/11/20/why-i-started-blogging/index.html";
  std::string html = testing::ReadFile(edited);
  const std::string hello = "Hello world!";
  html.replace(html.find(hello), hello.size(), "Yesterday I had lunch with Mervyn Dinnen.");
  std::ofstream(edited, std::ios::binary | std::ios::trunc) << html;
  Recorder second;
  pipeline::ImportResult again = Must(pipeline::ImportFiles(files, {}, *store, second));
  BOOST_TEST(again.saved.pages_changed == 1);
  BOOST_TEST(again.graph.derived);
  BOOST_TEST(again.graph.texts_read == 1);
  const std::vector<std::string> incremental = EdgeLines(*store);
  BOOST_TEST(std::count_if(incremental.begin(), incremental.end(), [](const std::string& line) {
               return line.find("lunch with Mervyn Dinnen") != std::string::npos;
             }) == 1);

  pipeline::GraphUpdate rebuilt = Must(pipeline::DeriveGraph(*store));
  BOOST_TEST(rebuilt.texts_read == imported.graph.texts_read);
  BOOST_TEST(EdgeLines(*store) == incremental, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(paths_that_do_not_exist_are_listed_apart) {
  std::vector<std::string> missing;
  std::vector<std::string> files =
      pipeline::ListPageFiles({"/no/such/folder", SampleBlog()}, &missing);
  BOOST_TEST(files.size() == 4u);
  BOOST_TEST(missing == std::vector<std::string>{"/no/such/folder"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_stop_request_ends_after_the_page_being_read_and_keeps_it) {
  std::vector<std::string> files = pipeline::ListPageFiles({SampleBlog()}, nullptr);
  auto store = testing::OpenMemoryStore();
  Recorder recorder;
  recorder.stop_after_first = true;
  pipeline::ImportResult result =
      Must(pipeline::ImportFiles(files, {}, *store, recorder, recorder.stop.get_token()));
  BOOST_TEST(result.stopped);
  BOOST_TEST(result.files == 1u);
  BOOST_TEST(result.saved.pages_new == 1);
  BOOST_TEST(!result.graph.derived);
  std::optional<store::PageFetch> kept =
      Must(store->FindPage(crawler::FileUrlFromPath(recorder.files.front())));
  BOOST_TEST(kept.has_value());
}

BOOST_AUTO_TEST_CASE(a_file_over_the_size_limit_is_refused_with_its_reason) {
  std::vector<std::string> files = pipeline::ListPageFiles({SampleBlog()}, nullptr);
  auto store = testing::OpenMemoryStore();
  pipeline::ImportConfig config;
  config.max_file_bytes = 100;
  config.derive_graph = false;
  Recorder recorder;
  pipeline::ImportResult result = Must(pipeline::ImportFiles(files, config, *store, recorder));
  BOOST_TEST(result.failed == 4u);
  BOOST_TEST(recorder.events.front() == "page too_large");
  BOOST_TEST(result.saved.posts_new == 0);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph
