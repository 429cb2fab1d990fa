// The dev-corpus report (prints figures, asserts nothing): every page of
// the shared corpus's pages-dev/ read by parsers::ExtractPage and scored
// against the expectations written by reading it
// (tests/data/corpus-dev/*.expected.json), per page, per platform and per
// split ("dev" pages are tuned on, "check" pages only measured).
//
//   linkgraph_dev_corpus_report [CORPUS_DIR [EXPECTATIONS_DIR]]
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "common/terminal_text.h"
#include "parsers/parsers.h"
#include "tests/support/corpus_scoring.h"

namespace {

namespace fs = std::filesystem;
using linkgraph::testing::PageScore;
using linkgraph::testing::ScoreTally;
using nlohmann::json;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::vector<fs::path> ExpectationFiles(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().string().ends_with(".expected.json")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void PrintPage(const std::string& file, const std::string& split, const PageScore& s,
               const linkgraph::ExtractedPage& page) {
  std::printf("%-52s %-5s post:%s%s%s comments %zu/%zu%s authors %zu parents %zu links %zu/%zu/%zu "
              "f1 %.2f  [%s]\n",
              file.c_str(), split.c_str(), s.post_found ? "y" : "n",
              s.has_post_expected && !s.title_right ? " xtitle" : "",
              s.author_expected && !s.author_right ? " xauthor" : "",
              page.comments.size(), s.comments_wanted, s.count_exact ? "" : " x",
              s.comment_authors_right, s.parents_right, s.linkbacks_right, s.linkbacks_found,
              s.linkbacks_wanted, s.section_f1,
              linkgraph::ForTerminal(page.comments_source).c_str());
}

void PrintTallies(const char* heading, const std::map<std::string, ScoreTally>& tallies) {
  std::printf("\n%-14s %5s %7s %7s %7s %7s %7s %7s %7s %7s %7s %7s\n", heading, "pages",
              "found", "invent", "exact", "sec-F1", "author", "parent", "c-date", "link-F1",
              "p-auth", "title");
  for (const auto& [name, t] : tallies) {
    std::printf("%-14s %5d %3d/%-3d %3d/%-3d %7.2f %7.2f %7.3f %7.3f %7.3f %7.2f %3d/%-3d %7.2f\n",
                name.c_str(), t.pages, t.comments_found, t.with_comments, t.comments_invented,
                t.without_comments, t.ExactCountRate(), t.SectionF1(), t.CommentAuthorRate(),
                t.ParentRate(), t.CommentDateRate(), t.LinkbackF1(), t.authors_right,
                t.authors_expected, t.TitleRate());
  }
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path corpus = argc > 1 ? fs::path(argv[1]) : fs::path(LINKGRAPH_CORPUS_DIR);
  const fs::path expectations =
      argc > 2 ? fs::path(argv[2]) : fs::path(LINKGRAPH_SOURCE_DIR) / "tests/data/corpus-dev";
  if (!fs::is_directory(corpus / "pages-dev")) {
    std::cerr << "dev_corpus_report: no pages-dev/ at " << corpus << " (pass CORPUS_DIR)\n";
    return 1;
  }
  std::map<std::string, ScoreTally> by_platform, by_split;
  for (const fs::path& path : ExpectationFiles(expectations)) {
    const json expected = json::parse(ReadFile(path));
    const std::string file = expected["file"];
    const std::string split = linkgraph::testing::SplitOf(expected);
    const std::string html = ReadFile(corpus / "pages-dev" / file);
    auto page = linkgraph::parsers::ExtractPage(html, "file:///corpus/" + file);
    if (!page.ok()) {
      std::printf("%-52s %-5s error: %s\n", file.c_str(), split.c_str(),
                  page.error().message.c_str());
      continue;
    }
    const PageScore score = linkgraph::testing::ScorePage(expected, html, *page);
    PrintPage(file, split, score, *page);
    by_platform[expected["platform"].get<std::string>()].Add(score);
    by_split[split].Add(score);
    by_split["all"].Add(score);
  }
  std::printf("\nfound: pages with comments where some were read; invent: pages without where "
              "some were;\nexact: comment count right; sec-F1: comment section words, macro; "
              "author/parent/c-date: per expected comment, by position;\nlink-F1: pingbacks and "
              "trackbacks by source URL; p-auth: post author; title: post title.\n");
  PrintTallies("platform", by_platform);
  PrintTallies("split", by_split);
  return 0;
}
