// The dev-corpus report (prints figures, asserts nothing): every page of
// the shared corpus's pages-dev/ read by parsers::ExtractPage and scored
// against the expectations written by reading it
// (tests/data/corpus-dev/*.expected.json), per page, per platform and per
// split ("dev" pages are tuned on, "check" pages only measured).
//
//   linkgraph_dev_corpus_report [CORPUS_DIR [EXPECTATIONS_DIR]]
//   linkgraph_dev_corpus_report --page FILE [CORPUS_DIR [EXPECTATIONS_DIR]]
// --page prints one page's comments and linkbacks beside the expected ones.
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
  std::printf(
      "%-52s %-5s post:%s%s%s comments %zu/%zu%s authors %zu parents %zu dates %zu/%zu links "
      "%zu/%zu/%zu f1 %.2f  [%s]\n",
      file.c_str(), split.c_str(), s.post_found ? "y" : "n",
      s.has_post_expected && !s.title_right ? " xtitle" : "",
      s.author_expected && !s.author_right ? " xauthor" : "", page.comments.size(),
      s.comments_wanted, s.count_exact ? "" : " x", s.comment_authors_right, s.parents_right,
      s.comment_dates_right, s.comment_dates_wanted, s.linkbacks_right, s.linkbacks_found,
      s.linkbacks_wanted, s.section_f1, linkgraph::ForTerminal(page.comments_source).c_str());
}

void PrintTallies(const char* heading, const std::map<std::string, ScoreTally>& tallies) {
  std::printf("\n%-14s %5s %5s %7s %7s %7s %7s %7s %7s %7s %7s %7s %7s\n", heading, "pages", "kind",
              "found", "invent", "exact", "sec-F1", "author", "parent", "c-date", "link-F1",
              "p-auth", "title");
  for (const auto& [name, t] : tallies) {
    std::printf(
        "%-14s %5d %5.2f %3d/%-3d %3d/%-3d %7.2f %7.2f %7.3f %7.3f %7.3f %7.2f %3d/%-3d %7.2f\n",
        name.c_str(), t.pages, t.KindRate(), t.comments_found, t.with_comments, t.comments_invented,
        t.without_comments, t.ExactCountRate(), t.SectionF1(), t.CommentAuthorRate(),
        t.ParentRate(), t.CommentDateRate(), t.LinkbackF1(), t.authors_right, t.authors_expected,
        t.TitleRate());
  }
}

std::string Cell(std::string text, size_t width) {
  text = linkgraph::ForTerminal(text);
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  if (text.size() > width) text.resize(width);
  return text;
}

// One page in detail: each comment read beside the one expected there.
void PrintDetail(const json& expected, const linkgraph::ExtractedPage& page) {
  std::printf("post: %s | %s | %s  [%s]\n", Cell(page.post.title, 60).c_str(),
              Cell(page.post.author, 30).c_str(), page.post.published.c_str(),
              Cell(page.comments_source, 60).c_str());
  std::printf("want: %s | %s | %s\n", Cell(expected["title"].dump(), 60).c_str(),
              Cell(expected["post_author"].dump(), 30).c_str(),
              expected["post_published"].dump().c_str());
  std::map<std::string, size_t> index_of;
  for (size_t i = 0; i < page.comments.size(); ++i) index_of[page.comments[i].id] = i;
  const json& wanted = expected["comments"];
  const size_t rows = std::max(page.comments.size(), wanted.size());
  for (size_t i = 0; i < rows; ++i) {
    std::string got, want;
    if (i < page.comments.size()) {
      const auto& c = page.comments[i];
      const auto parent = index_of.find(c.parent_id);
      got = Cell(c.author, 24) + " | " + Cell(c.published, 16) + " | " +
            (parent == index_of.end() ? "-" : std::to_string(parent->second)) + " | " +
            Cell(c.text, 40);
    }
    if (i < wanted.size()) {
      want = Cell(wanted[i]["author"].dump(), 24) + " | " +
             Cell(wanted[i]["published"].dump(), 18) + " | " + wanted[i]["parent"].dump();
    }
    std::printf("%4zu %-92s || %s\n", i, got.c_str(), want.c_str());
  }
  for (const auto& t : page.trackbacks) {
    std::printf("linkback %s %s | %s\n", linkgraph::ToString(t.kind),
                Cell(t.source_url, 60).c_str(), Cell(t.title, 40).c_str());
  }
  for (const auto& t : expected["trackbacks"]) {
    std::printf("want linkback %s\n", Cell(t.dump(), 120).c_str());
  }
}

void PrintWords(const char* label, const std::vector<std::pair<std::string, int>>& words) {
  std::string line;
  for (size_t i = 0; i < words.size() && i < 30; ++i) {
    line += " " + words[i].first + "*" + std::to_string(words[i].second);
  }
  std::printf("%s (%zu):%s\n", label, words.size(), linkgraph::ForTerminal(line).c_str());
}

}  // namespace

int main(int argc, char** argv) {
  std::string detail;
  if (argc > 2 && std::string(argv[1]) == "--page") {
    detail = argv[2];
    argc -= 2;
    argv += 2;
  }
  const fs::path corpus = argc > 1 ? fs::path(argv[1]) : fs::path(LINKGRAPH_CORPUS_DIR);
  const fs::path expectations =
      argc > 2 ? fs::path(argv[2]) : fs::path(LINKGRAPH_SOURCE_DIR) / "tests/data/corpus-dev";
  if (!detail.empty()) {
    const json expected = json::parse(ReadFile(expectations / (detail + ".expected.json")));
    const std::string html = ReadFile(corpus / "pages-dev" / detail);
    auto page = linkgraph::parsers::ExtractPage(html, "file:///corpus/" + detail);
    if (!page.ok()) {
      std::printf("error: %s\n", page.error().message.c_str());
      return 1;
    }
    PrintDetail(expected, *page);
    const auto words = linkgraph::testing::DiffSectionWords(expected, html, *page);
    PrintWords("section words not read", words.missed);
    PrintWords("words read outside the section", words.extra);
    return 0;
  }
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
  std::printf(
      "\nfound: pages with comments where some were read; invent: pages without where "
      "some were;\nexact: comment count right; sec-F1: comment section words, macro; "
      "author/parent/c-date: per expected comment, by position;\nlink-F1: pingbacks and "
      "trackbacks by source URL; p-auth: post author; title: post title.\n");
  PrintTallies("platform", by_platform);
  PrintTallies("split", by_split);
  return 0;
}
