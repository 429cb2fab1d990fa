#include "tests/support/corpus_scoring.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "parsers/html_document.h"
#include "parsers/parsers.h"
#include "parsers/text_util.h"

namespace linkgraph::testing {
namespace {

using nlohmann::json;

std::string StringOr(const json& value, std::string fallback = {}) {
  return value.is_string() ? value.get<std::string>() : fallback;
}

std::string Folded(std::string_view text) { return ToLowerAscii(parsers::OneLine(text)); }

// Words: runs of ASCII letters and digits or of non-ASCII bytes, lower-cased.
std::unordered_map<std::string, int> Words(std::string_view text) {
  std::unordered_map<std::string, int> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) ++words[word];
    word.clear();
  };
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || byte >= 0x80) {
      word += ToLowerAscii(c);
    } else {
      flush();
    }
  }
  flush();
  return words;
}

double WordF1(const std::unordered_map<std::string, int>& gold,
              const std::unordered_map<std::string, int>& found) {
  long gold_total = 0, found_total = 0, common = 0;
  for (const auto& [word, n] : gold) gold_total += n;
  for (const auto& [word, n] : found) {
    found_total += n;
    if (auto at = gold.find(word); at != gold.end()) common += std::min(n, at->second);
  }
  if (common == 0) return 0;
  const double precision = static_cast<double>(common) / static_cast<double>(found_total);
  const double recall = static_cast<double>(common) / static_cast<double>(gold_total);
  return 2 * precision * recall / (precision + recall);
}

// The text of the element expected["comment_section"] names, forms and
// scripts left out. A label without an id may fit several elements (a
// `div.blog` column, a bare `ul`): the first that holds the first comment's
// text is the section, else the first that fits.
std::string SectionText(const json& expected, std::string_view html) {
  const json& section = expected["comment_section"];
  if (!section.is_object()) return {};
  const std::string tag = ToLowerAscii(StringOr(section["tag"]));
  const std::string id = StringOr(section["id"]);
  // The class attribute as written: every token of it.
  std::vector<std::string> tokens;
  std::istringstream classes(StringOr(section["class"]));
  for (std::string token; classes >> token;) tokens.push_back(token);
  parsers::HtmlDocument document(parsers::DecodeToUtf8(html));
  const std::vector<const GumboNode*> fitting =
      parsers::FindAll(document.root(), [&](const GumboNode* n) {
        if (!parsers::IsElement(n)) return false;
        if (ToLowerAscii(gumbo_normalized_tagname(n->v.element.tag)) != tag) return false;
        if (!id.empty() && parsers::Id(n) != id) return false;
        return std::ranges::all_of(tokens,
                                   [n](const std::string& t) { return parsers::HasClass(n, t); });
      });
  auto text_of = [](const GumboNode* element) {
    return parsers::TextOf(element, [](const GumboNode* n) {
      return parsers::IsTag(n, GUMBO_TAG_FORM) || parsers::IsTag(n, GUMBO_TAG_SCRIPT) ||
             parsers::IsTag(n, GUMBO_TAG_STYLE) || parsers::IsTag(n, GUMBO_TAG_TEXTAREA);
    });
  };
  std::string first_comment = Folded(StringOr(expected["first_comment_text"]));
  first_comment.resize(std::min<size_t>(first_comment.size(), 20));
  if (fitting.size() > 1 && !first_comment.empty()) {
    for (const GumboNode* element : fitting) {
      std::string text = text_of(element);
      if (Folded(text).find(first_comment) != std::string::npos) return text;
    }
  }
  return fitting.empty() ? std::string() : text_of(fitting.front());
}

// "https://www.Example.com/a/" and "http://example.com/a" name one page.
std::string UrlKey(std::string_view url) {
  std::string key = ToLowerAscii(parsers::OneLine(url));
  for (std::string_view scheme : {"https://", "http://"}) {
    if (key.starts_with(scheme)) key.erase(0, scheme.size());
  }
  if (key.starts_with("www.")) key.erase(0, 4);
  if (size_t hash = key.find('#'); hash != std::string::npos) key.resize(hash);
  while (!key.empty() && key.back() == '/') key.pop_back();
  return key;
}

std::vector<const Comment*> TextComments(const ExtractedPage& page) {
  std::vector<const Comment*> texts;
  for (const Comment& comment : page.comments) {
    if (comment.kind == "comment") texts.push_back(&comment);
  }
  return texts;
}

// What the page's reading output for the section score: each comment's
// author and text, each linkback's title.
std::string ReadText(const ExtractedPage& page) {
  std::string read;
  for (const Comment* comment : TextComments(page)) {
    read += comment->author + "\n" + comment->text + "\n";
  }
  for (const Trackback& linkback : page.trackbacks) read += linkback.title + "\n";
  return read;
}

// Words of `from` beyond their count in `against`, most frequent first.
std::vector<std::pair<std::string, int>> WordsBeyond(
    const std::unordered_map<std::string, int>& from,
    const std::unordered_map<std::string, int>& against) {
  std::vector<std::pair<std::string, int>> beyond;
  for (const auto& [word, n] : from) {
    const auto at = against.find(word);
    const int surplus = n - (at == against.end() ? 0 : at->second);
    if (surplus > 0) beyond.emplace_back(word, surplus);
  }
  std::ranges::sort(beyond, [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  return beyond;
}

void ScoreComments(const json& expected, std::string_view html, const ExtractedPage& page,
                   PageScore* score) {
  const std::vector<const Comment*> found = TextComments(page);
  const json& wanted = expected["comments"];
  score->comments_wanted = expected["comment_count"].get<size_t>();
  score->comments_expected = score->comments_wanted > 0;
  score->comments_found = !found.empty();
  score->count_exact = found.size() == score->comments_wanted;
  std::unordered_map<std::string, size_t> index_of;
  for (size_t i = 0; i < found.size(); ++i) index_of.emplace(found[i]->id, i);
  const size_t both = std::min(found.size(), wanted.is_array() ? wanted.size() : 0);
  for (size_t i = 0; i < both; ++i) {
    const json& want = wanted[i];
    score->comment_authors_right += Folded(found[i]->author) == Folded(StringOr(want["author"]));
    if (std::string date = StringOr(want["published"]); !date.empty()) {
      score->comment_dates_right += found[i]->published.starts_with(date);
    }
    const auto parent = index_of.find(found[i]->parent_id);
    const bool has_parent = !found[i]->parent_id.empty() && parent != index_of.end();
    score->parents_right += want["parent"].is_null()
                                ? !has_parent
                                : has_parent && parent->second == want["parent"].get<size_t>();
  }
  if (wanted.is_array()) {
    for (const json& want : wanted) score->comment_dates_wanted += want["published"].is_string();
  }
  if (!score->comments_expected) return;
  score->section_f1 = WordF1(Words(SectionText(expected, html)), Words(ReadText(page)));
}

void ScoreLinkbacks(const json& expected, const ExtractedPage& page, PageScore* score) {
  std::vector<std::string> wanted;
  if (expected["trackbacks"].is_array()) {
    for (const json& linkback : expected["trackbacks"]) {
      wanted.push_back(UrlKey(StringOr(linkback["source_url"])));
    }
  }
  score->linkbacks_wanted = wanted.size();
  score->linkbacks_found = page.trackbacks.size();
  // A relative href in the page ("../../02/run/") is compared by its path,
  // as the page resolves it against wherever it is read from.
  auto same = [](const std::string& want, const std::string& found) {
    if (want.empty()) return false;
    if (want == found) return true;
    size_t path = want.find_first_not_of("./");
    return path != std::string::npos && path > 0 && found.ends_with(want.substr(path - 1));
  };
  for (const Trackback& linkback : page.trackbacks) {
    const std::string found = UrlKey(linkback.source_url);
    auto match = std::find_if(wanted.begin(), wanted.end(),
                              [&](const std::string& want) { return same(want, found); });
    if (match == wanted.end()) continue;
    ++score->linkbacks_right;
    match->clear();  // each wanted one matches once
  }
}

void ScorePost(const json& expected, const ExtractedPage& page, PageScore* score) {
  score->has_post_expected = StringOr(expected["kind"]) == "post";
  score->post_found = page.has_post;
  score->title_right =
      page.has_post && Folded(page.post.title) == Folded(StringOr(expected["title"]));
  const std::string author = StringOr(expected["post_author"]);
  score->author_expected = score->has_post_expected && !author.empty();
  score->author_right = page.has_post && Folded(page.post.author) == Folded(author);
  const std::string date = StringOr(expected["post_published"]);
  score->date_expected = score->has_post_expected && !date.empty();
  score->date_right = page.has_post && !date.empty() && page.post.published.starts_with(date);
}

double Rate(double part, double whole) { return whole == 0 ? 0 : part / whole; }

}  // namespace

PageScore ScorePage(const json& expected, std::string_view html, const ExtractedPage& page) {
  PageScore score;
  ScorePost(expected, page, &score);
  ScoreComments(expected, html, page, &score);
  ScoreLinkbacks(expected, page, &score);
  return score;
}

void ScoreTally::Add(const PageScore& s) {
  ++pages;
  kinds_right += s.has_post_expected == s.post_found;
  if (s.has_post_expected) {
    ++posts;
    posts_found += s.post_found;
    titles_right += s.title_right;
  }
  authors_expected += s.author_expected;
  authors_right += s.author_expected && s.author_right;
  dates_expected += s.date_expected;
  dates_right += s.date_expected && s.date_right;
  if (s.comments_expected) {
    ++with_comments;
    comments_found += s.comments_found;
    counts_exact += s.count_exact;
    section_f1_sum += s.section_f1;
  } else {
    ++without_comments;
    comments_invented += s.comments_found;
  }
  comments_wanted += s.comments_wanted;
  comment_authors_right += s.comment_authors_right;
  parents_right += s.parents_right;
  comment_dates_wanted += s.comment_dates_wanted;
  comment_dates_right += s.comment_dates_right;
  linkbacks_wanted += s.linkbacks_wanted;
  linkbacks_found += s.linkbacks_found;
  linkbacks_right += s.linkbacks_right;
}

double ScoreTally::KindRate() const { return Rate(kinds_right, pages); }
double ScoreTally::FoundRate() const { return Rate(comments_found, with_comments); }
double ScoreTally::InventedRate() const { return Rate(comments_invented, without_comments); }
double ScoreTally::ExactCountRate() const { return Rate(counts_exact, with_comments); }
double ScoreTally::SectionF1() const { return Rate(section_f1_sum, with_comments); }
double ScoreTally::CommentAuthorRate() const {
  return Rate(static_cast<double>(comment_authors_right), static_cast<double>(comments_wanted));
}
double ScoreTally::ParentRate() const {
  return Rate(static_cast<double>(parents_right), static_cast<double>(comments_wanted));
}
double ScoreTally::CommentDateRate() const {
  return Rate(static_cast<double>(comment_dates_right), static_cast<double>(comment_dates_wanted));
}
double ScoreTally::LinkbackF1() const {
  const double precision =
      Rate(static_cast<double>(linkbacks_right), static_cast<double>(linkbacks_found));
  const double recall =
      Rate(static_cast<double>(linkbacks_right), static_cast<double>(linkbacks_wanted));
  return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
}
double ScoreTally::PostAuthorRate() const { return Rate(authors_right, authors_expected); }
double ScoreTally::TitleRate() const { return Rate(titles_right, posts); }

SectionWordDiff DiffSectionWords(const json& expected, std::string_view html,
                                 const ExtractedPage& page) {
  const auto gold = Words(SectionText(expected, html));
  const auto read = Words(ReadText(page));
  return {WordsBeyond(gold, read), WordsBeyond(read, gold)};
}

std::string SplitOf(const json& expected) { return StringOr(expected["split"], "dev"); }

}  // namespace linkgraph::testing
