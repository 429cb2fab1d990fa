// Bytes in the charsets 2009 blogs used, decoded to UTF-8.
#include "parsers/charset.h"

#include <boost/test/unit_test.hpp>
#include <string>

#include "common/utf8.h"
#include "parsers/parsers.h"

namespace linkgraph::parsers {
namespace LINKGRAPH_FILE_SCOPE {

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

// Found by fuzzing: iconv's UCS-4 decoder wrote code points past U+10FFFF as
// bytes that are not UTF-8.
BOOST_AUTO_TEST_CASE(a_ucs4_label_over_ascii_bytes_still_gives_valid_utf8) {
  const std::string decoded = DecodeToUtf8("<meta charset=ucs4><p>Text of a page</p>");
  BOOST_TEST(IsValidUtf8(decoded));
  BOOST_TEST(!decoded.empty());
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

const char kCommentedPage[] =
    "<html><head><title>T</title></head><body>"
    "<div class=\"post\"><h2 class=\"entry-title\">Caf\u00E9 days</h2>"
    "<div class=\"entry\"><p>We met @Someone</p></div></div>"
    "<ol class=\"commentlist\"><li class=\"comment\" id=\"comment-1\">"
    "<cite class=\"fn\">Jos\u00E9</cite><p>Hello there</p></li></ol></body></html>";

// The UTF-8 page as UTF-16 bytes in the given byte order, with a BOM.
std::string Utf16(std::string_view utf8, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (size_t i = 0; i < utf8.size();) {
    auto byte = static_cast<unsigned char>(utf8[i]);
    unsigned code = byte;
    size_t length = 1;
    if (byte >= 0xC0) {  // two-byte sequences are all the fixture holds
      code = ((byte & 0x1F) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3F);
      length = 2;
    }
    char high = static_cast<char>(code >> 8);
    char low = static_cast<char>(code & 0xFF);
    out += big_endian ? std::string{high, low} : std::string{low, high};
    i += length;
  }
  return out;
}

void CheckCommentedPage(const Result<ExtractedPage>& page) {
  BOOST_REQUIRE_MESSAGE(page.ok(), (page.ok() ? "" : page.error().message));
  BOOST_TEST(page->post.title == "Caf\u00E9 days");
  BOOST_REQUIRE_EQUAL(page->comments.size(), 1u);
  BOOST_TEST(page->comments[0].author == "Jos\u00E9");
}

BOOST_AUTO_TEST_CASE(utf16_header_over_utf8_bytes_is_read_as_utf8) {
  for (const char* header : {"utf-16", "UTF-16LE", "utf-16be", "unicode"}) {
    BOOST_TEST_CONTEXT(header) {
      ExtractOptions options;
      options.transport_charset = CharsetFromContentType(std::string("text/html; charset=") + header);
      CheckCommentedPage(ExtractPage(kCommentedPage, "http://blog.example/post/", options));
    }
  }
}

BOOST_AUTO_TEST_CASE(utf16_meta_over_utf8_bytes_is_read_as_utf8) {
  std::string html = std::string("<meta charset=\"utf-16\">") + kCommentedPage;
  CheckCommentedPage(ExtractPage(html, "http://blog.example/post/"));
}

BOOST_AUTO_TEST_CASE(utf16_with_byte_order_mark_decodes) {
  for (bool big_endian : {false, true}) {
    BOOST_TEST_CONTEXT("big endian " << big_endian) {
      std::string bytes = Utf16(kCommentedPage, big_endian);
      BOOST_TEST(DecodeToUtf8(bytes) == kCommentedPage);
      CheckCommentedPage(ExtractPage(bytes, "http://blog.example/post/"));
    }
  }
}

BOOST_AUTO_TEST_CASE(utf16_without_byte_order_mark_decodes_when_labelled) {
  std::string bytes = Utf16(kCommentedPage, false).substr(2);
  ExtractOptions options;
  options.transport_charset = "utf-16";
  CheckCommentedPage(ExtractPage(bytes, "http://blog.example/post/", options));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::parsers
