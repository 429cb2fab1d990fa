// Real blog pages from the shared corpus, read in place, against
// expectations written by reading each page (tests/data/corpus/).
#include <algorithm>
#include <cstdlib>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "parsers/parsers.h"
#include "tests/support/test_paths.h"

namespace linkgraph {
namespace LINKGRAPH_FILE_SCOPE {

using nlohmann::json;

// Every page is checked. LINKGRAPH_CORPUS_PLATFORMS (a comma-separated list,
// e.g. "blogger,typepad") checks those platforms' pages only, for work on one
// reader.
bool PlatformChecked(const std::string& platform) {
  const char* chosen = std::getenv("LINKGRAPH_CORPUS_PLATFORMS");
  if (chosen == nullptr || *chosen == '\0') return true;
  const std::string list = std::string(",") + chosen + ",";
  return list.find("," + platform + ",") != std::string::npos;
}

std::vector<std::filesystem::path> ExpectationFiles() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(testing::TestDataDir() / "corpus")) {
    if (entry.path().string().ends_with(".expected.json")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void CheckComment(const json& expected, const Comment& actual, const std::string& which) {
  BOOST_TEST_CONTEXT(which << " comment") {
    BOOST_TEST(actual.author == expected["author"].get<std::string>());
    std::string published = expected["published"].get<std::string>();
    BOOST_TEST(actual.published.starts_with(published),
               actual.published << " starts with " << published);
  }
}

// The expectations count text comments: likes, reposts and bookmarks
// (Comment::kind) are left out.
std::vector<Comment> TextComments(const ExtractedPage& page) {
  std::vector<Comment> texts;
  for (const Comment& comment : page.comments) {
    if (comment.kind == "comment") texts.push_back(comment);
  }
  return texts;
}

void CheckPage(const json& expected, const ExtractedPage& page) {
  BOOST_TEST(page.has_post);
  BOOST_TEST(page.post.title == expected["title"].get<std::string>());
  const std::vector<Comment> comments = TextComments(page);
  BOOST_TEST(comments.size() == expected["comment_count"].get<size_t>());
  BOOST_TEST(page.trackbacks.size() == expected["trackback_count"].get<size_t>());
  size_t with_parent = std::count_if(comments.begin(), comments.end(),
                                     [](const Comment& c) { return !c.parent_id.empty(); });
  BOOST_TEST(with_parent == expected["comments_with_parent"].get<size_t>());
  if (!expected["first_comment"].is_null() && !comments.empty()) {
    CheckComment(expected["first_comment"], comments.front(), "first");
    CheckComment(expected["last_comment"], comments.back(), "last");
  }
  std::set<std::string> expected_mentions;
  for (const auto& handle : expected["post_mentions"]) expected_mentions.insert(handle);
  std::set<std::string> post_mentions;
  for (const Mention& mention : page.mentions) {
    if (mention.in == MentionPlace::kPost) post_mentions.insert(mention.handle);
  }
  BOOST_TEST(post_mentions == expected_mentions, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE(corpus)

BOOST_AUTO_TEST_CASE(pages_meet_hand_checked_expectations) {
  if (!testing::CorpusAvailable()) {
    BOOST_TEST_MESSAGE("corpus not found at " << testing::CorpusDir()
                                              << " (set LINKGRAPH_CORPUS); skipping");
    return;
  }
  int checked = 0;
  for (const auto& path : ExpectationFiles()) {
    json expected = json::parse(testing::ReadFile(path));
    if (!PlatformChecked(expected["platform"])) continue;
    std::string file = expected["file"];
    BOOST_TEST_CONTEXT(file) {
      std::string bytes = testing::ReadFile(testing::CorpusDir() / "pages" / file);
      auto page = parsers::ExtractPage(bytes, "file:///corpus/" + file);
      BOOST_REQUIRE_MESSAGE(page.ok(), file << ": " << (page.ok() ? "" : page.error().message));
      CheckPage(expected, *page);
      ++checked;
    }
  }
  BOOST_TEST(checked >= 1, "pages checked: " << checked);
  if (std::getenv("LINKGRAPH_CORPUS_PLATFORMS") == nullptr) BOOST_TEST(checked == 25);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph
