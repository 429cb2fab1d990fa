// The extraction report (prints figures, asserts nothing): every page of the
// shared corpus read by parsers::ExtractPage and compared with its
// hand-written expectations (tests/data/corpus/*.expected.json), per page,
// per platform and in total, so that a regression shows as a number.
//
//   linkgraph_extraction_report [CORPUS_DIR [EXPECTATIONS_DIR]]
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "parsers/parsers.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// One expectation checked: its name, whether it held, and what was found.
struct Check {
  std::string name;
  bool held = false;
  std::string found;
};

bool CommentMatches(const json& expected, const linkgraph::Comment* actual) {
  if (expected.is_null()) return actual == nullptr;
  return actual != nullptr && actual->author == expected["author"].get<std::string>() &&
         actual->published.starts_with(expected["published"].get<std::string>());
}

// The expectations count text comments: likes, reposts and bookmarks
// (Comment::kind) are left out.
std::vector<linkgraph::Comment> TextComments(const linkgraph::ExtractedPage& page) {
  std::vector<linkgraph::Comment> texts;
  for (const linkgraph::Comment& comment : page.comments) {
    if (comment.kind == "comment") texts.push_back(comment);
  }
  return texts;
}

std::vector<Check> CheckPage(const json& expected, const linkgraph::ExtractedPage& page) {
  const std::vector<linkgraph::Comment> comments = TextComments(page);
  const size_t parents = std::count_if(comments.begin(), comments.end(),
                                       [](const auto& c) { return !c.parent_id.empty(); });
  std::set<std::string> want, got;
  for (const auto& handle : expected["post_mentions"]) want.insert(handle.get<std::string>());
  for (const auto& mention : page.mentions) {
    if (mention.in == linkgraph::MentionPlace::kPost) got.insert(mention.handle);
  }
  auto count = [](size_t found, size_t wanted) {
    return std::to_string(found) + "/" + std::to_string(wanted);
  };
  const size_t want_comments = expected["comment_count"].get<size_t>();
  const size_t want_parents = expected["comments_with_parent"].get<size_t>();
  const size_t want_trackbacks = expected["trackback_count"].get<size_t>();
  const linkgraph::Comment* first = comments.empty() ? nullptr : &comments.front();
  const linkgraph::Comment* last = comments.empty() ? nullptr : &comments.back();
  return {
      {"post", page.has_post && page.post.title == expected["title"].get<std::string>(),
       page.has_post ? "ok" : "none"},
      {"comments", comments.size() == want_comments, count(comments.size(), want_comments)},
      {"parents", parents == want_parents, count(parents, want_parents)},
      {"trackbacks", page.trackbacks.size() == want_trackbacks,
       count(page.trackbacks.size(), want_trackbacks)},
      {"first", CommentMatches(expected["first_comment"], first), ""},
      {"last", CommentMatches(expected["last_comment"], last), ""},
      {"mentions", got == want, count(got.size(), want.size())},
  };
}

struct Tally {
  int pages = 0;
  int pages_all_held = 0;
  int checks = 0;
  int held = 0;
  size_t comments_found = 0;
  size_t comments_expected = 0;
};

}  // namespace

int main(int argc, char** argv) {
  const fs::path corpus = argc > 1 ? fs::path(argv[1]) : fs::path(LINKGRAPH_CORPUS_DIR);
  const fs::path expectations =
      argc > 2 ? fs::path(argv[2]) : fs::path(LINKGRAPH_SOURCE_DIR) / "tests/data/corpus";
  if (!fs::is_directory(corpus / "pages")) {
    std::cerr << "extraction_report: no corpus at " << corpus << " (pass CORPUS_DIR)\n";
    return 1;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(expectations)) {
    if (entry.path().string().ends_with(".expected.json")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());

  std::map<std::string, Tally> by_platform;
  Tally total;
  std::printf("%-44s %-13s %-13s %s\n", "page", "expected", "detected", "checks (x = failed)");
  for (const fs::path& path : files) {
    const json expected = json::parse(ReadFile(path));
    const std::string file = expected["file"];
    const std::string platform = expected["platform"];
    auto page = linkgraph::parsers::ExtractPage(ReadFile(corpus / "pages" / file),
                                                "file:///corpus/" + file);
    std::vector<Check> checks;
    std::string detected = "error";
    if (page.ok()) {
      checks = CheckPage(expected, *page);
      detected = page->platform.empty() ? "-" : page->platform;
    }
    std::string line;
    int held = 0;
    for (const Check& check : checks) {
      held += check.held;
      line += (check.held ? "" : "x") + check.name + (check.found.empty() ? "" : " " + check.found) +
              "  ";
    }
    if (!page.ok()) line = page.error().message;
    std::printf("%-44s %-13s %-13s %s\n", file.c_str(), platform.c_str(), detected.c_str(),
                line.c_str());
    for (Tally* tally : {&by_platform[platform], &total}) {
      tally->pages += 1;
      tally->pages_all_held += page.ok() && held == static_cast<int>(checks.size());
      tally->checks += 7;
      tally->held += held;
      tally->comments_found += page.ok() ? TextComments(*page).size() : 0;
      tally->comments_expected += expected["comment_count"].get<size_t>();
    }
  }
  std::printf("\n%-14s %7s %12s %14s %20s\n", "platform", "pages", "pages right",
              "checks held", "comments found/exp");
  auto print = [](const std::string& name, const Tally& t) {
    std::printf("%-14s %7d %12d %8d/%-5d %13zu/%zu\n", name.c_str(), t.pages, t.pages_all_held,
                t.held, t.checks, t.comments_found, t.comments_expected);
  };
  for (const auto& [platform, tally] : by_platform) print(platform, tally);
  print("total", total);
  return 0;
}
