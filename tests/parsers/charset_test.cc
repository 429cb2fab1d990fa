// Bytes in the charsets 2009 blogs used, decoded to UTF-8.
#include <boost/test/unit_test.hpp>
#include <string>

#include "parsers/parsers.h"

namespace linkgraph::parsers {
namespace {

BOOST_AUTO_TEST_SUITE(charset)

BOOST_AUTO_TEST_CASE(windows_1252_meta_decodes_smart_quotes) {
  std::string html = "<meta charset=\"windows-1252\"><p>I\x92ve met \x93you\x94 \x80</p>";
  std::string text = DecodeToUtf8(html);
  BOOST_TEST(text.find("I\u2019ve met \u201Cyou\u201D \u20AC") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(iso_8859_1_label_is_read_as_windows_1252) {
  std::string html =
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>caf\xE9 "
      "\x96 ok</p>";
  std::string text = DecodeToUtf8(html);
  BOOST_TEST(text.find("caf\u00E9 \u2013 ok") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(transport_charset_wins_over_meta) {
  std::string html = "<meta charset=\"utf-8\"><p>caf\xE9</p>";
  BOOST_TEST(DecodeToUtf8(html, "iso-8859-1").find("caf\u00E9") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(utf8_with_stray_latin1_bytes_is_repaired) {
  std::string html = "<p>Zo\u00EB and caf\xE9</p>";
  std::string text = DecodeToUtf8(html);
  BOOST_TEST(text == "<p>Zo\u00EB and caf\u00E9</p>");
}

BOOST_AUTO_TEST_CASE(byte_order_mark_is_dropped) {
  BOOST_TEST(DecodeToUtf8("\xEF\xBB\xBF<p>x</p>") == "<p>x</p>");
}

BOOST_AUTO_TEST_CASE(other_charsets_go_through_iconv) {
  // "Grüße" in ISO-8859-15, whose 0xA4 is the euro sign.
  std::string html =
      "<meta charset=\"iso-8859-15\"><p>Gr\xFC\xDF"
      "e \xA4</p>";
  BOOST_TEST(DecodeToUtf8(html).find("Gr\u00FC\u00DFe \u20AC") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(windows_1252_page_extracts_decoded_comment_text) {
  std::string html =
      "<html><head><meta charset=windows-1252><title>T</title></head><body>"
      "<div class=\"post\"><h2 class=\"entry-title\">Caf\xE9 days</h2>"
      "<div class=\"entry\"><p>We\x92ve met @Someone</p></div></div>"
      "<ol class=\"commentlist\"><li class=\"comment\" id=\"comment-1\">"
      "<cite class=\"fn\">Jos\xE9</cite><p>Na\xEFve \x93quote\x94</p></li></ol></body></html>";
  auto page = ExtractPage(html, "http://blog.example/post/");
  BOOST_REQUIRE(page.ok());
  BOOST_TEST(page->post.title == "Caf\u00E9 days");
  BOOST_REQUIRE_EQUAL(page->comments.size(), 1u);
  BOOST_TEST(page->comments[0].author == "Jos\u00E9");
  BOOST_TEST(page->comments[0].text == "Na\u00EFve \u201Cquote\u201D");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace linkgraph::parsers
