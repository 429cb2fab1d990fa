// Bad input gets a clear error or a sane result, never a crash.
#include <boost/test/unit_test.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/utf8.h"
#include "parsers/parsers.h"
#include "tests/support/terminal_controls.h"
#include "tests/support/test_paths.h"

namespace linkgraph::parsers {
namespace LINKGRAPH_FILE_SCOPE {

const char kUrl[] = "http://blog.example/2009/12/06/post/";

BOOST_AUTO_TEST_SUITE(hostile_input)

BOOST_AUTO_TEST_CASE(empty_page_is_refused_as_unsupported) {
  for (const char* bytes : {"", "   \n\t "}) {
    auto page = ExtractPage(bytes, kUrl);
    BOOST_REQUIRE(!page.ok());
    BOOST_TEST(page.error().code == ErrorCode::kUnsupported);
    BOOST_TEST(page.error().message == "empty page");
  }
}

BOOST_AUTO_TEST_CASE(binary_bytes_are_refused_as_not_html) {
  std::string png = "\x89PNG\r\n\x1a\n";
  png.append(std::string("\0\0\0\rIHDR\0\0\0\x10", 12));
  auto page = ExtractPage(png, kUrl);
  BOOST_REQUIRE(!page.ok());
  BOOST_TEST(page.error().message == "not HTML (binary data)");
}

BOOST_AUTO_TEST_CASE(plain_text_is_refused_as_not_html) {
  auto page = ExtractPage("just some words, no markup at all", kUrl);
  BOOST_REQUIRE(!page.ok());
  BOOST_TEST(page.error().message == "not HTML (no markup found)");
}

BOOST_AUTO_TEST_CASE(truncated_page_keeps_what_arrived) {
  std::string full = testing::ReadFile(
      testing::SourceDir() /
      "examples/wendy-the-recruiter/2009/12/06/social-media-from-online-to-offline/index.html");
  std::string truncated = full.substr(0, full.find("Peter Gold") + 200);
  auto page = ExtractPage(truncated, kUrl);
  BOOST_REQUIRE(page.ok());
  BOOST_TEST(page->post.title == "Social Media: From Online to Offline");
  BOOST_TEST(page->comments.size() >= 2u);
  BOOST_TEST(page->comments.size() < 8u);
}

BOOST_AUTO_TEST_CASE(page_over_size_cap_is_refused_with_its_size) {
  std::string big = "<html><body><p>";
  big.append(50u << 20, 'a');
  auto page = ExtractPage(big, kUrl);
  BOOST_REQUIRE(!page.ok());
  BOOST_TEST(page.error().code == ErrorCode::kTooLarge);
  BOOST_TEST(page.error().message == "page is 50.0 MB, over the 16.0 MB limit");
}

BOOST_AUTO_TEST_CASE(hundred_thousand_nested_divs_are_refused_before_parsing) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  auto page = ExtractPage(deep, kUrl);
  BOOST_REQUIRE(!page.ok());
  BOOST_TEST(page.error().code == ErrorCode::kTooLarge);
  BOOST_TEST(page.error().message.find("nested over 2000 deep") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(many_unclosed_paragraphs_are_not_mistaken_for_depth) {
  std::string flat = "<html><body><div class=\"entry\">";
  for (int i = 0; i < 20000; ++i) flat += "<p>line <li>item ";
  auto page = ExtractPage(flat, kUrl);
  BOOST_TEST(page.ok());
}

BOOST_AUTO_TEST_CASE(nested_formatting_tags_are_bounded_too) {
  std::string deep;
  for (int i = 0; i < 10000; ++i) deep += "<i><b>";
  auto page = ExtractPage(deep, kUrl);
  BOOST_REQUIRE(!page.ok());
  BOOST_TEST(page.error().code == ErrorCode::kTooLarge);
}

// Every string the extraction returns, for checks that hold for all of them.
std::vector<std::string> AllText(const ExtractedPage& page) {
  std::vector<std::string> all = {page.url,
                                  page.canonical_url,
                                  page.platform,
                                  page.post.url,
                                  page.post.title,
                                  page.post.author,
                                  page.post.published,
                                  page.post.text,
                                  page.post.site_name,
                                  page.post.site_url};
  for (const Link& link : page.post.links) all.insert(all.end(), {link.url, link.text});
  for (const Comment& c : page.comments) {
    all.insert(all.end(),
               {c.id, c.permalink, c.author, c.author_url, c.published, c.text, c.parent_id});
  }
  for (const Trackback& t : page.trackbacks) all.insert(all.end(), {t.source_url, t.title});
  for (const Mention& m : page.mentions) all.insert(all.end(), {m.handle, m.by});
  all.insert(all.end(), page.page_links.begin(), page.page_links.end());
  return all;
}

using testing::HasTerminalControl;

BOOST_AUTO_TEST_CASE(control_characters_and_bidi_overrides_are_dropped_from_every_text) {
  // Raw bytes and character references; a window title, a screen clear, a C1
  // CSI, a right-to-left override and an isolate.
  const std::string page_bytes =
      "<html><head><title>Blog\x1b]0;pwned\x07</title></head><body>"
      "<div class=\"post\"><h2 class=\"entry-title\">Title\x1b[2J&#27;[2J here</h2>"
      "<span class=\"author vcard\"><a class=\"url fn\" href=\"/author/x\">Wen\xc2\x9b"
      "dy</a></span>"
      "<div class=\"entry\"><p>Met @Lara\x1b[31m and <a "
      "href=\"http://x.example/\x1b[0m\">l\x7fink</a>"
      "</p></div></div><ol class=\"commentlist\">"
      "<li class=\"comment\" id=\"comment-1\"><cite class=\"fn\">Ann\x1b]0;pwned\x07</cite>"
      "<p>Hi\xe2\x80\xae"
      "evil\xe2\x81\xa6 &#x202E;x &#x1b;[2J</p></li>"
      "<li class=\"comment\" id=\"comment-2\"><cite class=\"fn\">Bob\x0c\x0d\x01</cite>"
      "<p>ok</p></li></ol></body></html>";
  auto page = ExtractPage(page_bytes, kUrl);
  BOOST_REQUIRE(page.ok());
  BOOST_REQUIRE_EQUAL(page->comments.size(), 2u);
  // Gumbo shows some raw controls as U+FFFD; what is left of the text stays.
  BOOST_TEST(page->comments[0].author.find("]0;pwned") != std::string::npos);
  BOOST_TEST(page->comments[1].author.starts_with("Bob"));
  BOOST_TEST(page->post.title.find("[2J here") != std::string::npos, page->post.title);
  for (const std::string& text : AllText(*page)) {
    BOOST_TEST(!HasTerminalControl(text), "control character left in: " << text);
  }
}

BOOST_AUTO_TEST_CASE(overflowing_character_references_give_replacement_characters_not_broken_utf8) {
  // Gumbo's numeric references overflow past ten digits into bytes that are
  // not UTF-8; every text keeps what is around them, with U+FFFD in between.
  const std::string page_bytes =
      testing::ReadFile(testing::TestDataDir() / "parsers/hostile/overflowing-reference.html");
  auto page = ExtractPage(page_bytes, kUrl);
  BOOST_REQUIRE(page.ok());
  BOOST_REQUIRE_EQUAL(page->comments.size(), 1u);
  const std::string kReplacement = "\xEF\xBF\xBD";
  BOOST_TEST(page->comments[0].text.starts_with("Seen " + kReplacement), page->comments[0].text);
  BOOST_TEST(page->comments[0].author.starts_with("Ann"));
  BOOST_TEST(page->post.title.find(kReplacement) != std::string::npos, page->post.title);
  for (const std::string& text : AllText(*page)) {
    BOOST_TEST(IsValidUtf8(text), "not UTF-8: " << text);
  }
}

BOOST_AUTO_TEST_CASE(page_without_post_markup_yields_no_post) {
  auto page = ExtractPage("<html><body><h1>Hello</h1><a href=\"/x\">x</a></body></html>", kUrl);
  BOOST_REQUIRE(page.ok());
  BOOST_TEST(!page->has_post);
  BOOST_REQUIRE_EQUAL(page->page_links.size(), 1u);
  BOOST_TEST(page->page_links[0] == "http://blog.example/x");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::parsers
