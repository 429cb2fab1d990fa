// Discovery for the crawler: sitemaps, feeds, the feeds and REST comments
// URL a page advertises, WordPress REST comments, and comment pages
// (/comment-page-N/) that must name the same post as the post itself.
#include <algorithm>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "parsers/parsers.h"
#include "parsers/urls.h"
#include "tests/support/test_paths.h"

namespace linkgraph {
namespace LINKGRAPH_FILE_SCOPE {

using Strings = std::vector<std::string>;

const char kPostUrl[] = "https://blog.example.com/2019/11/hello-world/";
const char kRestUrl[] = "https://blog.example.com/wp-json/wp/v2/comments?post=42&per_page=100";

std::string Fixture(const std::string& name) {
  return testing::ReadFile(testing::TestDataDir() / "parsers" / "discovery" / name);
}

template <typename T>
T Must(Result<T> result) {
  if (!result.ok()) BOOST_FAIL("unexpected error: " << result.error().message);
  return std::move(result).value();
}

template <typename T>
ErrorCode ErrorOf(const Result<T>& result) {
  BOOST_REQUIRE_MESSAGE(!result.ok(), "expected an error, got a value");
  return result.error().code;
}

ExtractedPage ExtractHtml(const std::string& html, const std::string& url) {
  return Must(parsers::ExtractPage(html, url));
}

ExtractedPage ExtractRest(const std::string& json, const std::string& url,
                          std::string* next = nullptr) {
  return Must(parsers::ExtractRestComments(json, url, kPostUrl, next));
}

const Comment* FindComment(const ExtractedPage& page, const std::string& id) {
  auto it = std::find_if(page.comments.begin(), page.comments.end(),
                         [&](const Comment& c) { return c.id == id; });
  return it == page.comments.end() ? nullptr : &*it;
}

Strings CommentIds(const ExtractedPage& page) {
  Strings ids;
  for (const Comment& comment : page.comments) ids.push_back(comment.id);
  return ids;
}

// A minimal single-post WordPress page with the given extra <head> links and
// <body> class.
std::string PostPage(const std::string& head, const std::string& body_class = "single",
                     const std::string& article_id = "") {
  return "<!DOCTYPE html><html><head><title>Hello world</title>" + head + "</head><body class=\"" +
         body_class + "\"><article class=\"post hentry\"" +
         (article_id.empty() ? "" : " id=\"" + article_id + "\"") +
         "><h1 class=\"entry-title\">Hello world</h1><div class=\"entry-content\"><p>Body "
         "text.</p></div></article></body></html>";
}

const char kApiLink[] =
    "<link rel=\"https://api.w.org/\" href=\"https://blog.example.com/wp-json/\">";

BOOST_AUTO_TEST_SUITE(sitemaps)

BOOST_AUTO_TEST_CASE(urlset_lists_its_page_locs_decoded_trimmed_and_absolute) {
  parsers::SitemapEntries entries =
      Must(parsers::ParseSitemap(Fixture("sitemap.xml"), "https://blog.example.com/sitemap.xml"));
  const Strings expected = {
      "https://blog.example.com/2019/11/hello-world/",
      "https://blog.example.com/?p=7&lang=en",
      "https://blog.example.com/2019/12/a&b/",
      "https://blog.example.com/2020/01/caf%C3%A9-%E2%80%9Cau-lait%E2%80%9D/",
      "https://blog.example.com/2020/02/relative-post/",
  };
  BOOST_TEST(entries.pages == expected, boost::test_tools::per_element());
  BOOST_TEST(entries.sitemaps.empty());
}

BOOST_AUTO_TEST_CASE(image_locs_inside_a_url_are_not_pages) {
  parsers::SitemapEntries entries =
      Must(parsers::ParseSitemap(Fixture("sitemap.xml"), "https://blog.example.com/sitemap.xml"));
  for (const std::string& page : entries.pages) {
    BOOST_TEST(page.find("hello.jpg") == std::string::npos, page);
  }
}

BOOST_AUTO_TEST_CASE(sitemap_index_lists_further_sitemaps_not_pages) {
  parsers::SitemapEntries entries = Must(parsers::ParseSitemap(
      Fixture("sitemap_index.xml"), "https://blog.example.com/sitemap_index.xml"));
  const Strings expected = {"https://blog.example.com/wp-sitemap-posts-post-1.xml",
                            "https://blog.example.com/sitemap.php?type=posts&page=2"};
  BOOST_TEST(entries.sitemaps == expected, boost::test_tools::per_element());
  BOOST_TEST(entries.pages.empty());
}

BOOST_AUTO_TEST_CASE(namespace_prefixed_elements_are_read) {
  const std::string xml =
      "<sm:urlset xmlns:sm=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
      "<sm:url><sm:loc>http://a.example/x</sm:loc></sm:url></sm:urlset>";
  parsers::SitemapEntries entries = Must(parsers::ParseSitemap(xml, "http://a.example/s.xml"));
  BOOST_TEST(entries.pages == Strings{"http://a.example/x"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(each_list_is_capped_at_fifty_thousand) {
  std::string xml = "<urlset>";
  for (int i = 0; i < 50010; ++i)
    xml += "<url><loc>http://a.example/" + std::to_string(i) + "</loc></url>";
  xml += "</urlset>";
  parsers::SitemapEntries entries = Must(parsers::ParseSitemap(xml, "http://a.example/s.xml"));
  BOOST_TEST(entries.pages.size() == 50000u);
  BOOST_TEST(entries.pages.back() == "http://a.example/49999");
}

BOOST_AUTO_TEST_CASE(html_is_not_a_sitemap) {
  auto result = parsers::ParseSitemap(Fixture("post_with_api.html"), kPostUrl);
  BOOST_TEST(ErrorOf(result) == ErrorCode::kUnsupported);
}

BOOST_AUTO_TEST_CASE(a_feed_is_not_a_sitemap) {
  auto result = parsers::ParseSitemap(Fixture("feed_rss2.xml"), "https://blog.example.com/feed/");
  BOOST_TEST(ErrorOf(result) == ErrorCode::kUnsupported);
}

BOOST_AUTO_TEST_CASE(random_bytes_empty_text_and_gzip_are_not_sitemaps) {
  const std::string inputs[] = {std::string("\x1f\x8b\x08\x00\x00\x00", 6),
                                std::string("\x00\x01\xff<\xfe", 5), "", "just some text",
                                "< < <<<"};
  for (const std::string& bytes : inputs) {
    BOOST_TEST(ErrorOf(parsers::ParseSitemap(bytes, "http://a.example/s.xml")) ==
               ErrorCode::kUnsupported);
  }
}

BOOST_AUTO_TEST_CASE(truncated_and_deeply_nested_sitemaps_end_without_harm) {
  std::string truncated = Fixture("sitemap.xml").substr(0, 700);
  parsers::SitemapEntries entries =
      Must(parsers::ParseSitemap(truncated, "https://blog.example.com/sitemap.xml"));
  BOOST_TEST(entries.pages == Strings{"https://blog.example.com/2019/11/hello-world/"},
             boost::test_tools::per_element());

  std::string nested = "<urlset>";
  for (int i = 0; i < 200000; ++i) nested += "<url>";
  nested += "<loc>http://a.example/deep</loc>";
  BOOST_TEST(Must(parsers::ParseSitemap(nested, "http://a.example/s.xml")).pages.empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(feeds)

BOOST_AUTO_TEST_CASE(rss2_gives_item_links_not_the_channel_link) {
  Strings links =
      Must(parsers::ParseFeedLinks(Fixture("feed_rss2.xml"), "https://blog.example.com/feed/"));
  const Strings expected = {
      "https://blog.example.com/2019/11/hello-world/",
      "https://blog.example.com/2019/12/cats-dogs/?utm_source=rss&utm_medium=rss",
      "https://blog.example.com/2020/01/tea/?a=1&b=2",
      "https://blog.example.com/2020/02/guid-only/",
      "https://blog.example.com/2020/03/relative/",
  };
  BOOST_TEST(links == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(atom_gives_each_entrys_alternate_link) {
  Strings links = Must(
      parsers::ParseFeedLinks(Fixture("feed_atom.xml"), "https://blog.example.com/feed/atom/"));
  const Strings expected = {
      "https://blog.example.com/2019/11/hello-world/",
      "https://blog.example.com/2019/12/no-rel/?x=1&y=2",
      "https://blog.example.com/2020/01/single-quotes/",
  };
  BOOST_TEST(links == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(rss1_gives_item_links_falling_back_to_rdf_about) {
  Strings links =
      Must(parsers::ParseFeedLinks(Fixture("feed_rss1.rdf"), "https://blog.example.com/feed/rdf/"));
  const Strings expected = {"https://blog.example.com/2019/11/hello-world/",
                            "https://blog.example.com/2019/12/about-only/"};
  BOOST_TEST(links == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(html_and_sitemaps_are_not_feeds) {
  BOOST_TEST(ErrorOf(parsers::ParseFeedLinks(Fixture("post_with_api.html"), kPostUrl)) ==
             ErrorCode::kUnsupported);
  BOOST_TEST(ErrorOf(parsers::ParseFeedLinks(Fixture("sitemap.xml"), kPostUrl)) ==
             ErrorCode::kUnsupported);
  BOOST_TEST(ErrorOf(parsers::ParseFeedLinks("", kPostUrl)) == ErrorCode::kUnsupported);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(rest_comments)

BOOST_AUTO_TEST_CASE(comments_keep_wordpress_ids_and_thread_parents) {
  ExtractedPage page = ExtractRest(Fixture("rest_comments.json"), kRestUrl);
  BOOST_TEST(page.has_post);
  BOOST_TEST(page.platform == "wordpress");
  BOOST_TEST(page.url == kRestUrl);
  BOOST_TEST(page.canonical_url == kRestUrl);
  BOOST_TEST(page.post.url == kPostUrl);
  BOOST_TEST(page.post.title.empty());
  BOOST_TEST(page.post.text.empty());
  const Strings ids = {"comment-201", "comment-202", "comment-204", "comment-205"};
  BOOST_TEST(CommentIds(page) == ids, boost::test_tools::per_element());
  const Strings parents = {"", "comment-201", "", "comment-202"};
  for (size_t i = 0; i < page.comments.size(); ++i) {
    BOOST_TEST_CONTEXT(page.comments[i].id) {
      BOOST_TEST(page.comments[i].parent_id == parents[i]);
      BOOST_TEST(page.comments[i].position == static_cast<int>(i) + 1);
      BOOST_TEST(page.comments[i].permalink == std::string(kPostUrl) + "#" + page.comments[i].id);
    }
  }
}

BOOST_AUTO_TEST_CASE(comment_fields_are_text_with_local_dates) {
  ExtractedPage page = ExtractRest(Fixture("rest_comments.json"), kRestUrl);
  const Comment* alice = FindComment(page, "comment-201");
  BOOST_REQUIRE(alice != nullptr);
  BOOST_TEST(alice->author == "Alice & Co");
  BOOST_TEST(alice->author_url == "https://alice.example.net/");
  BOOST_TEST(alice->published == "2019-11-26T08:01:02");
  BOOST_TEST(alice->text ==
             "Great post, @bob_b! Thanks & welcome.\n\nA second paragraph\nwith a line break.");
  const Comment* bob = FindComment(page, "comment-202");
  BOOST_REQUIRE(bob != nullptr);
  BOOST_TEST(bob->author_url.empty());
  BOOST_TEST(bob->text == "@alice_a thanks, see my notes.");
}

BOOST_AUTO_TEST_CASE(pingbacks_become_trackbacks_not_comments) {
  ExtractedPage page = ExtractRest(Fixture("rest_comments.json"), kRestUrl);
  BOOST_TEST(FindComment(page, "comment-203") == nullptr);
  BOOST_REQUIRE_EQUAL(page.trackbacks.size(), 1u);
  const Trackback& pingback = page.trackbacks.front();
  BOOST_TEST(pingback.id == "comment-203");
  BOOST_TEST(ToString(pingback.kind) == std::string("pingback"));
  BOOST_TEST(pingback.source_url == "https://other.example.org/2019/11/linking/");
  BOOST_TEST(pingback.title == "Other Blog \u00bb Linking post");
  BOOST_TEST(pingback.published == "2019-11-26T12:00:00");
}

BOOST_AUTO_TEST_CASE(mentions_in_comments_are_attributed_to_their_authors) {
  ExtractedPage page = ExtractRest(Fixture("rest_comments.json"), kRestUrl);
  Strings said;
  for (const Mention& mention : page.mentions) {
    BOOST_TEST((mention.in == MentionPlace::kComment));
    said.push_back(mention.by + " @" + mention.handle + " in " + mention.comment_id);
  }
  const Strings expected = {"Alice & Co @bob_b in comment-201", "Bob B. @alice_a in comment-202",
                            "Carol @dave_d in comment-204"};
  BOOST_TEST(said == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(html_and_rest_give_the_same_comments_for_the_same_post) {
  ExtractedPage html = ExtractHtml(Fixture("post_with_api.html"), kPostUrl);
  ExtractedPage rest = ExtractRest(Fixture("rest_comments.json"), kRestUrl);
  BOOST_TEST(html.post.url == rest.post.url);
  BOOST_REQUIRE_EQUAL(html.comments.size(), rest.comments.size());
  for (const Comment& from_rest : rest.comments) {
    BOOST_TEST_CONTEXT(from_rest.id) {
      const Comment* from_html = FindComment(html, from_rest.id);
      BOOST_REQUIRE(from_html != nullptr);
      BOOST_TEST(from_html->parent_id == from_rest.parent_id);
      BOOST_TEST(from_html->author == from_rest.author);
      BOOST_TEST(from_html->author_url == from_rest.author_url);
      BOOST_TEST(from_html->text == from_rest.text);
      BOOST_TEST(from_html->permalink == from_rest.permalink);
    }
  }
  BOOST_REQUIRE_EQUAL(html.trackbacks.size(), 1u);
  BOOST_REQUIRE_EQUAL(rest.trackbacks.size(), 1u);
  BOOST_TEST(html.trackbacks[0].id == rest.trackbacks[0].id);
  BOOST_TEST(html.trackbacks[0].source_url == rest.trackbacks[0].source_url);
  BOOST_TEST(html.trackbacks[0].title == rest.trackbacks[0].title);
  BOOST_TEST((html.trackbacks[0].kind == rest.trackbacks[0].kind));
}

struct PagingCase {
  const char* url;
  int entries;
  const char* next;  // "" when this page is the last
};

std::ostream& operator<<(std::ostream& out, const PagingCase& c) {
  return out << c.url << " with " << c.entries;
}

const PagingCase kPagingCases[] = {
    {"https://b.example/wp-json/wp/v2/comments?post=42&per_page=3", 3,
     "https://b.example/wp-json/wp/v2/comments?post=42&per_page=3&page=2"},
    {"https://b.example/wp-json/wp/v2/comments?post=42&page=2&per_page=3", 3,
     "https://b.example/wp-json/wp/v2/comments?post=42&page=3&per_page=3"},
    {"https://b.example/wp-json/wp/v2/comments?post=42&per_page=3", 2, ""},
    // WordPress's default page size is 10.
    {"https://b.example/wp-json/wp/v2/comments?post=42", 9, ""},
    {"https://b.example/wp-json/wp/v2/comments?post=42", 10,
     "https://b.example/wp-json/wp/v2/comments?post=42&page=2"},
    {"https://b.example/?rest_route=/wp/v2/comments&post=42&per_page=3&page=1", 3,
     "https://b.example/?rest_route=/wp/v2/comments&post=42&per_page=3&page=2"},
};

std::string CommentsJson(int count) {
  std::string json = "[";
  for (int i = 1; i <= count; ++i) {
    json += (i > 1 ? "," : "") + std::string("{\"id\":") + std::to_string(i) +
            ",\"post\":42,\"parent\":0,\"author_name\":\"A\",\"date\":\"2020-01-01T00:00:00\","
            "\"content\":{\"rendered\":\"<p>x</p>\"},\"type\":\"comment\"}";
  }
  return json + "]";
}

BOOST_DATA_TEST_CASE(a_full_page_names_the_next_page, boost::unit_test::data::make(kPagingCases),
                     c) {
  std::string next = "stale";
  ExtractedPage page = ExtractRest(CommentsJson(c.entries), c.url, &next);
  BOOST_TEST(page.comments.size() == static_cast<size_t>(c.entries));
  BOOST_TEST(next == c.next);
}

BOOST_AUTO_TEST_CASE(an_empty_array_is_a_post_without_comments) {
  std::string next = "stale";
  ExtractedPage page = ExtractRest("[]", kRestUrl, &next);
  BOOST_TEST(page.has_post);
  BOOST_TEST(page.comments.empty());
  BOOST_TEST(next.empty());
}

BOOST_AUTO_TEST_CASE(malformed_json_is_unsupported) {
  for (const char* json : {"[{\"id\": 1,", "<!DOCTYPE html><html></html>", "", "nul"}) {
    BOOST_TEST(
        ErrorOf(parsers::ExtractRestComments(json, kRestUrl, kPostUrl)) == ErrorCode::kUnsupported,
        json);
  }
}

BOOST_AUTO_TEST_CASE(an_object_instead_of_an_array_is_unsupported_and_names_the_error) {
  auto result = parsers::ExtractRestComments(
      R"({"code":"rest_post_invalid_id","message":"Invalid post ID.","data":{"status":404}})",
      kRestUrl, kPostUrl);
  BOOST_TEST(ErrorOf(result) == ErrorCode::kUnsupported);
  BOOST_TEST(result.error().message.find("rest_post_invalid_id") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(deeply_nested_json_is_refused_without_a_crash) {
  std::string deep(100000, '[');
  BOOST_TEST(ErrorOf(parsers::ExtractRestComments(deep, kRestUrl, kPostUrl)) ==
             ErrorCode::kTooLarge);
  std::string balanced = std::string(5000, '[') + std::string(5000, ']');
  BOOST_TEST(ErrorOf(parsers::ExtractRestComments(balanced, kRestUrl, kPostUrl)) ==
             ErrorCode::kTooLarge);
}

BOOST_AUTO_TEST_CASE(fields_of_the_wrong_type_are_skipped_not_thrown) {
  const std::string json =
      R"([1, "x", null, {"id":"7","parent":"3","author_name":5,"content":12,"date":[]},)"
      R"( {"id":-4}, {"id":18446744073709551615}, {"author_name":"no id"}])";
  ExtractedPage page = ExtractRest(json, kRestUrl);
  BOOST_REQUIRE_EQUAL(page.comments.size(), 1u);
  BOOST_TEST(page.comments[0].id == "comment-7");
  BOOST_TEST(page.comments[0].parent_id == "comment-3");
  BOOST_TEST(page.comments[0].author.empty());
  BOOST_TEST(page.comments[0].text.empty());
  BOOST_TEST(page.comments[0].published.empty());
}

BOOST_AUTO_TEST_CASE(deeply_nested_comment_html_is_reduced_without_gumbo) {
  std::string rendered;
  for (int i = 0; i < 20000; ++i) rendered += "<div>";
  rendered += "deep text";
  const std::string json = "[{\"id\":1,\"content\":{\"rendered\":\"" + rendered + "\"}}]";
  ExtractedPage page = ExtractRest(json, kRestUrl);
  BOOST_REQUIRE_EQUAL(page.comments.size(), 1u);
  BOOST_TEST(page.comments[0].text == "deep text");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(page_discovery)

BOOST_AUTO_TEST_CASE(page_lists_its_advertised_feeds_absolute_and_once) {
  ExtractedPage page = ExtractHtml(Fixture("post_with_api.html"), kPostUrl);
  const Strings expected = {
      "https://blog.example.com/feed/",
      "https://blog.example.com/comments/feed/",
      "https://blog.example.com/2019/11/hello-world/feed/",
      "https://blog.example.com/feed/atom/",
  };
  BOOST_TEST(page.feed_links == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(page_advertising_the_api_names_its_comments_url) {
  ExtractedPage page = ExtractHtml(Fixture("post_with_api.html"), kPostUrl);
  BOOST_TEST(page.has_post);
  BOOST_TEST(page.comments_api_url == kRestUrl);
}

struct PostIdCase {
  const char* name;
  std::string html;
  const char* api_url;
};

std::ostream& operator<<(std::ostream& out, const PostIdCase& c) { return out << c.name; }

const PostIdCase kPostIdCases[] = {
    {"rest_alternate",
     PostPage(std::string(kApiLink) + "<link rel=\"alternate\" type=\"application/json\" "
                                      "href=\"https://blog.example.com/wp-json/wp/v2/posts/7\">"),
     "https://blog.example.com/wp-json/wp/v2/comments?post=7&per_page=100"},
    {"shortlink",
     PostPage(std::string(kApiLink) +
              "<link rel=\"shortlink\" href=\"https://blog.example.com/?p=8\">"),
     "https://blog.example.com/wp-json/wp/v2/comments?post=8&per_page=100"},
    {"body_class", PostPage(kApiLink, "single single-post postid-9"),
     "https://blog.example.com/wp-json/wp/v2/comments?post=9&per_page=100"},
    {"article_id", PostPage(kApiLink, "single", "post-10"),
     "https://blog.example.com/wp-json/wp/v2/comments?post=10&per_page=100"},
    {"rest_route_root",
     PostPage("<link rel=\"https://api.w.org/\" href=\"https://blog.example.com/?rest_route=/\">",
              "single postid-11"),
     "https://blog.example.com/?rest_route=/wp/v2/comments&post=11&per_page=100"},
    {"root_without_slash",
     PostPage("<link rel=\"https://api.w.org/\" href=\"/blog/wp-json\">", "single postid-12"),
     "https://blog.example.com/blog/wp-json/wp/v2/comments?post=12&per_page=100"},
    {"no_api_link", PostPage("", "single postid-13"), ""},
    {"api_link_but_no_post_id", PostPage(kApiLink), ""},
};

BOOST_DATA_TEST_CASE(comments_api_url_needs_the_api_root_and_the_post_id,
                     boost::unit_test::data::make(kPostIdCases), c) {
  ExtractedPage page = ExtractHtml(c.html, "https://blog.example.com/2019/11/hello-world/");
  BOOST_REQUIRE(page.has_post);
  BOOST_TEST(page.comments_api_url == c.api_url);
}

BOOST_AUTO_TEST_CASE(listing_pages_list_feeds_but_no_comments_api_url) {
  const std::string html =
      "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed/\">" +
      std::string(kApiLink) +
      "</head><body class=\"home blog\">"
      "<article id=\"post-1\" class=\"post hentry\"><div "
      "class=\"entry-content\">One</div></article>"
      "<article id=\"post-2\" class=\"post hentry\"><div "
      "class=\"entry-content\">Two</div></article>"
      "</body></html>";
  ExtractedPage page = ExtractHtml(html, "https://blog.example.com/");
  BOOST_TEST(!page.has_post);
  BOOST_TEST(page.feed_links == Strings{"https://blog.example.com/feed/"},
             boost::test_tools::per_element());
  BOOST_TEST(page.comments_api_url.empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(comment_pages)

const char kPage2Url[] = "https://blog.example.com/2019/11/hello-world/comment-page-2/";

std::string Page2WithCanonical(const std::string& canonical) {
  std::string html = Fixture("post_comment_page_2.html");
  const std::string self = std::string("href=\"") + kPage2Url + "\"";
  size_t at = html.find(self);
  BOOST_REQUIRE(at != std::string::npos);
  return html.replace(at, self.size(), "href=\"" + canonical + "\"");
}

BOOST_AUTO_TEST_CASE(comment_page_names_the_post_it_belongs_to) {
  ExtractedPage page = ExtractHtml(Fixture("post_comment_page_2.html"), kPage2Url);
  BOOST_TEST(page.has_post);
  BOOST_TEST(page.post.url == kPostUrl);
  // The page itself stays a page of its own for the crawler.
  BOOST_TEST(page.canonical_url == kPage2Url);
  BOOST_TEST(page.comments_api_url == kRestUrl);
}

BOOST_AUTO_TEST_CASE(comment_page_whose_canonical_is_the_post_names_the_post) {
  ExtractedPage page = ExtractHtml(Page2WithCanonical(kPostUrl), kPage2Url);
  BOOST_TEST(page.post.url == kPostUrl);
}

BOOST_AUTO_TEST_CASE(comment_page_without_canonical_names_the_post) {
  ExtractedPage page = ExtractHtml(Page2WithCanonical(""), kPage2Url);
  BOOST_TEST(page.post.url == kPostUrl);
  page = ExtractHtml(Page2WithCanonical(""), std::string(kPostUrl) + "?cpage=2#comments");
  BOOST_TEST(page.post.url == kPostUrl);
}

BOOST_AUTO_TEST_CASE(comments_on_a_later_page_keep_their_ids_parents_and_permalinks) {
  ExtractedPage page = ExtractHtml(Fixture("post_comment_page_2.html"), kPage2Url);
  BOOST_REQUIRE_EQUAL(page.comments.size(), 2u);
  BOOST_TEST(page.comments[0].id == "comment-206");
  BOOST_TEST(page.comments[0].parent_id == "");
  BOOST_TEST(page.comments[0].author == "Erin");
  BOOST_TEST(page.comments[0].text == "Late to the party, @alice_a.");
  BOOST_TEST(page.comments[1].id == "comment-207");
  BOOST_TEST(page.comments[1].parent_id == "comment-206");
  BOOST_TEST(page.comments[0].permalink == std::string(kPostUrl) + "#comment-206");
}

BOOST_AUTO_TEST_CASE(first_and_later_comment_pages_share_one_post_url) {
  ExtractedPage first = ExtractHtml(Fixture("post_with_api.html"), kPostUrl);
  ExtractedPage later = ExtractHtml(Fixture("post_comment_page_2.html"), kPage2Url);
  BOOST_TEST(first.post.url == later.post.url);
  BOOST_TEST(first.post.title == later.post.title);
}

struct UrlCase {
  const char* url;
  const char* post_url;
};

std::ostream& operator<<(std::ostream& out, const UrlCase& c) { return out << c.url; }

const UrlCase kUrlCases[] = {
    {"https://b.example/2019/11/post/comment-page-2/", "https://b.example/2019/11/post/"},
    {"https://b.example/2019/11/post/comment-page-12", "https://b.example/2019/11/post"},
    {"https://b.example/?p=42&cpage=3", "https://b.example/?p=42"},
    {"https://b.example/post/?cpage=3", "https://b.example/post/"},
    {"https://b.example/post/comment-page-2/?cpage=2&x=1#comments", "https://b.example/post/?x=1"},
    {"https://b.example/comment-page-about/", "https://b.example/comment-page-about/"},
    {"https://b.example/2019/11/post/", "https://b.example/2019/11/post/"},
};

BOOST_DATA_TEST_CASE(comment_page_urls_map_to_their_post, boost::unit_test::data::make(kUrlCases),
                     c) {
  BOOST_TEST(parsers::WithoutCommentPage(c.url) == c.post_url);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph
