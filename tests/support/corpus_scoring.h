// Scores what parsers::ExtractPage reads from a real page against the
// expectations written by reading it (tests/data/corpus-dev/*.expected.json):
// comment count, authors, dates and parents in page order, the comment
// section's words, pingbacks and trackbacks, and the post's title, author
// and date. For the dev-corpus test (floors that must hold) and the
// extraction report (figures per platform and split). Prints nothing.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/model.h"

namespace linkgraph::testing {

// What one page scored. Counts, so that groups add up micro-averages.
struct PageScore {
  bool has_post_expected = false;  // kind "post"
  bool post_found = false;
  bool title_right = false;
  bool author_expected = false;  // the page names the post's author
  bool author_right = false;
  bool date_expected = false;
  bool date_right = false;
  bool comments_expected = false;  // comment_count > 0
  bool comments_found = false;     // at least one text comment read
  bool count_exact = false;
  size_t comments_wanted = 0;
  size_t comment_authors_right = 0;  // by position in page order
  size_t comment_dates_wanted = 0;
  size_t comment_dates_right = 0;
  size_t parents_right = 0;  // same parent (or none) by position
  double section_f1 = 0;     // word tokens of the comment section
  size_t linkbacks_wanted = 0;
  size_t linkbacks_found = 0;
  size_t linkbacks_right = 0;  // found with a wanted source URL
};

// Scores page (read from html) against expected.
PageScore ScorePage(const nlohmann::json& expected, std::string_view html,
                    const ExtractedPage& page);

// A group of pages (a platform, a split, all) and its figures.
struct ScoreTally {
  int pages = 0;
  int posts = 0, posts_found = 0, titles_right = 0;
  int kinds_right = 0;  // a post read on post pages, none on listings
  int authors_expected = 0, authors_right = 0;
  int dates_expected = 0, dates_right = 0;
  int with_comments = 0, comments_found = 0, counts_exact = 0;
  int without_comments = 0, comments_invented = 0;
  size_t comments_wanted = 0, comment_authors_right = 0, parents_right = 0;
  size_t comment_dates_wanted = 0, comment_dates_right = 0;
  double section_f1_sum = 0;
  size_t linkbacks_wanted = 0, linkbacks_found = 0, linkbacks_right = 0;

  void Add(const PageScore& score);
  double FoundRate() const;       // of pages with comments, those with some read
  double InventedRate() const;    // of pages without, those given some
  double ExactCountRate() const;  // of pages with comments
  double SectionF1() const;       // macro over pages with comments
  double CommentAuthorRate() const;
  double ParentRate() const;
  double CommentDateRate() const;
  double LinkbackF1() const;
  double PostAuthorRate() const;
  double TitleRate() const;
  double KindRate() const;  // of all pages
};

// The comment section's words that were not read, and the words read that
// the section does not hold, most frequent first: where section_f1 is lost.
struct SectionWordDiff {
  std::vector<std::pair<std::string, int>> missed, extra;
};
SectionWordDiff DiffSectionWords(const nlohmann::json& expected, std::string_view html,
                                 const ExtractedPage& page);

// The split a page belongs to ("dev" or "check"), from its expectation.
std::string SplitOf(const nlohmann::json& expected);

}  // namespace linkgraph::testing
