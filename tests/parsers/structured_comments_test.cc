// Comments a page states as data, read when no platform markup holds any:
// schema.org Comment items of the page's own posting (JSON-LD and
// microdata), and the Disqus plugin's server-rendered list.
#include <boost/test/unit_test.hpp>
#include <string>

#include "parsers/parsers.h"
#include "tests/parsers/fixture_page.h"
#include "tests/support/test_paths.h"

namespace linkgraph {
namespace LINKGRAPH_FILE_SCOPE {

ExtractedPage Extract(const std::string& name, const std::string& url) {
  ExtractedPage page = testing::ExtractFixture("structured", name, url);
  BOOST_REQUIRE_MESSAGE(page.has_post, name << ": no post");
  return page;
}

const char kStarterUrl[] = "https://quill.example/2024/03/sourdough-starter/";
const char kHarbourUrl[] = "https://ada.example/archives/2011/06/harbour.php";

BOOST_AUTO_TEST_SUITE(structured_comments)

BOOST_AUTO_TEST_CASE(json_ld_comments_of_the_blog_posting_are_read) {
  ExtractedPage page = Extract("jsonld_blogposting.html", kStarterUrl);
  BOOST_TEST(page.comments_source == "schema.org");
  BOOST_REQUIRE(page.comments.size() == 4u);
  const Comment& first = page.comments[0];
  BOOST_TEST(first.id == "comment-12");
  BOOST_TEST(first.permalink == std::string(kStarterUrl) + "#comment-12");
  BOOST_TEST(first.author == "Ines Varga");  // a Person object
  BOOST_TEST(first.author_url == "https://ines.example/");
  BOOST_TEST(first.published == "2024-03-05T08:30:00+01:00");
  BOOST_TEST(first.text == "Mine took nine days to get going.");
  BOOST_TEST(first.parent_id == "");
  BOOST_TEST(first.position == 1);
  // The post's body holds none of it.
  BOOST_TEST(page.post.text.find("nine days") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(json_ld_reply_in_a_comments_own_comment_is_its_child) {
  ExtractedPage page = Extract("jsonld_blogposting.html", kStarterUrl);
  BOOST_REQUIRE(page.comments.size() == 4u);
  const Comment& reply = page.comments[1];
  BOOST_TEST(reply.id == "comment-14");
  BOOST_TEST(reply.parent_id == "comment-12");
  BOOST_TEST(reply.author == "Quill Baker");  // a plain string
  BOOST_TEST(reply.author_url == "");
  BOOST_TEST(reply.published == "2024-03-05T10:02:00+01:00");
  BOOST_TEST(reply.text == "Patience pays.\n\nKeep it warm & fed.");  // HTML reduced
  BOOST_TEST(reply.position == 2);
}

BOOST_AUTO_TEST_CASE(json_ld_comment_without_id_is_named_by_position) {
  ExtractedPage page = Extract("jsonld_blogposting.html", kStarterUrl);
  BOOST_REQUIRE(page.comments.size() == 4u);
  const Comment& anonymous = page.comments[2];
  BOOST_TEST(anonymous.id == "schema-3");
  BOOST_TEST(anonymous.permalink == "");
  BOOST_TEST(anonymous.author == "Tomas Reed");
  BOOST_TEST(anonymous.published == "2024-03-06");
  BOOST_TEST(anonymous.parent_id == "");
}

BOOST_AUTO_TEST_CASE(json_ld_reference_is_resolved_and_parent_item_gives_the_parent) {
  ExtractedPage page = Extract("jsonld_blogposting.html", kStarterUrl);
  BOOST_REQUIRE(page.comments.size() == 4u);
  const Comment& flat = page.comments[3];
  BOOST_TEST(flat.id == "comment-15");
  BOOST_TEST(flat.author == "Pavel Kunz");
  BOOST_TEST(flat.published == "2024-03-07T19:45:00+00:00");
  BOOST_TEST(flat.parent_id == "comment-12");
}

BOOST_AUTO_TEST_CASE(microdata_comments_nest_inside_the_posting) {
  ExtractedPage page =
      Extract("microdata_blogposting.html", "https://walks.example/2022/11/autumn-ridge.html");
  BOOST_TEST(page.comments_source == "schema.org");
  // The Comment item in the sidebar is not this post's.
  BOOST_REQUIRE(page.comments.size() == 2u);
  const Comment& first = page.comments[0];
  BOOST_TEST(first.id == "remark-7");
  BOOST_TEST(first.author == "Mika Sand");
  BOOST_TEST(first.author_url == "https://mika.example/");
  BOOST_TEST(first.published == "2022-11-02T14:05:00+00:00");
  BOOST_TEST(first.text == "Lovely light in the second photo.");
  BOOST_TEST(first.parent_id == "");
  const Comment& reply = page.comments[1];
  BOOST_TEST(reply.id == "schema-2");
  BOOST_TEST(reply.author == "Lena Ostrova");
  BOOST_TEST(reply.published == "2022-11-03");
  BOOST_TEST(reply.text == "Thank you, it was just after sunrise.");
  BOOST_TEST(reply.parent_id == "remark-7");
  BOOST_TEST(reply.position == 2);
}

BOOST_AUTO_TEST_CASE(malformed_or_too_deep_json_ld_gives_no_comments) {
  ExtractedPage page = Extract("malformed_jsonld.html", "https://noor.example/broken-data/");
  BOOST_TEST(page.post.title == "Broken data");
  BOOST_TEST(page.comments.empty());
  BOOST_TEST(page.comments_source == "none found");
}

BOOST_AUTO_TEST_CASE(comments_of_another_article_or_of_a_web_page_are_not_this_posts) {
  ExtractedPage page =
      Extract("other_article_jsonld.html", "https://fieldnotes.example/reading-list-march/");
  BOOST_TEST(page.comments.empty());
  BOOST_TEST(page.comments_source == "none found");
}

BOOST_AUTO_TEST_CASE(disqus_server_rendered_list_is_read_with_its_replies) {
  ExtractedPage page = Extract("disqus_list.html", kHarbourUrl);
  BOOST_TEST(page.comments_source == "disqus (server-rendered list)");
  BOOST_REQUIRE(page.comments.size() == 3u);
  const Comment& first = page.comments[0];
  BOOST_TEST(first.id == "dsq-comment-501");
  BOOST_TEST(first.permalink == std::string(kHarbourUrl) + "#dsq-comment-501");
  BOOST_TEST(first.author == "Bram Oort");
  BOOST_TEST(first.author_url == "https://bram.example/");
  BOOST_TEST(first.published == "2011-06-14T09:12:00");
  BOOST_TEST(first.text == "Is the night ferry still running?");
  BOOST_TEST(first.parent_id == "");
  // The plugin closes the item before its reply list.
  const Comment& reply = page.comments[1];
  BOOST_TEST(reply.id == "dsq-comment-502");
  BOOST_TEST(reply.author == "Ada Lind");
  BOOST_TEST(reply.author_url == "");
  BOOST_TEST(reply.published == "");  // the fallback often shows no date
  BOOST_TEST(reply.text == "Only on weekends now.");
  BOOST_TEST(reply.parent_id == "dsq-comment-501");
  const Comment& last = page.comments[2];
  BOOST_TEST(last.id == "dsq-comment-503");
  BOOST_TEST(last.author == "Cato Vries");
  BOOST_TEST(last.parent_id == "");
  BOOST_TEST(last.position == 3);
  BOOST_TEST(page.post.text.find("night ferry") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(empty_disqus_container_means_comments_load_by_script) {
  ExtractedPage page =
      Extract("disqus_empty.html", "https://ada.example/archives/2011/07/bridges.php");
  BOOST_TEST(page.post.title == "Bridges of the old town");
  BOOST_TEST(page.comments.empty());
  BOOST_TEST(page.comments_source == "none in the page: Disqus loads them by script");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph
