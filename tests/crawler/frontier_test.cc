// The Frontier's scope, normal form, dedupe and page cap, and the file URL
// helpers it relies on.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "crawler/crawler.h"

namespace linkgraph::crawler {
namespace {

namespace data = boost::unit_test::data;

std::vector<std::string> Drain(Frontier& frontier) {
  std::vector<std::string> urls;
  std::string url;
  // Bounded: a frontier never hands out more than its max_pages.
  for (int i = 0; i < 10000 && frontier.Next(&url); ++i) urls.push_back(url);
  return urls;
}

// What one link becomes after a seed of http://example.com/start: "" when dropped.
std::string Queued(const std::string& link) {
  Frontier frontier({"http://example.com/start"});
  std::string seed;
  BOOST_TEST_REQUIRE(frontier.Next(&seed));
  frontier.AddLinks({link});
  const auto rest = Drain(frontier);
  return rest.empty() ? "" : rest.front();
}

struct LinkCase {
  std::string link;
  std::string queued;  // "" when the link is dropped
};

std::ostream& operator<<(std::ostream& out, const LinkCase& c) { return out << c.link; }

const LinkCase kNormalForms[] = {
    {"http://example.com/post#comment-5", "http://example.com/post"},
    {"HTTP://Example.COM/Post", "http://example.com/Post"},
    {"http://example.com:80/a", "http://example.com/a"},
    {"http://example.com", "http://example.com/"},
    {"http://example.com?p=1", "http://example.com/?p=1"},
    {"http://user:secret@example.com/a", "http://example.com/a"},
    {"http://example.com/a/./b/../c", "http://example.com/a/c"},
    {"http://example.com/a/b/..", "http://example.com/a/"},
    {"http://example.com/../../a", "http://example.com/a"},
    {"  http://example.com/spaced\n", "http://example.com/spaced"},
    {"http://example.com/post/?replytocom=12#respond", "http://example.com/post/"},
    {"http://example.com/?p=7&replytocom=12", "http://example.com/?p=7"},
    {"http://example.com/?replytocom=12&p=7&c=1", "http://example.com/?p=7&c=1"},
    {"http://example.com/?notreplytocom=1", "http://example.com/?notreplytocom=1"},
    {"http://example.com/feed/", "http://example.com/feed/"},
    {"http://example.com/comments.xml", "http://example.com/comments.xml"},
};

const LinkCase kDropped[] = {
    {"https://example.com/a", ""},         // another scheme is another site
    {"http://other.org/a", ""},            // another host
    {"http://example.com.evil.org/", ""},  // a host that merely starts the same
    {"http://example.community/", ""},
    {"http://sub.example.com/", ""},
    {"http://example.com:8080/", ""},  // another port
    {"mailto:me@example.com", ""},
    {"javascript:void(0)", ""},
    {"ftp://example.com/file", ""},
    {"/relative/path", ""},  // the caller resolves links before handing them over
    {"//example.com/protocol-relative", ""},
    {"http://example.com:port/", ""},
    {"http:///no-host", ""},
    {"http://example.com/photo.jpg", ""},
    {"http://example.com/Photo.JPEG", ""},
    {"http://example.com/logo.png?v=2", ""},
    {"http://example.com/anim.gif", ""},
    {"http://example.com/style.css?ver=6.1", ""},
    {"http://example.com/app.js", ""},
    {"http://example.com/paper.pdf", ""},
    {"http://example.com/archive.zip", ""},
};

BOOST_AUTO_TEST_SUITE(frontier)

BOOST_DATA_TEST_CASE(in_scope_links_are_queued_in_normal_form, data::make(kNormalForms), c) {
  BOOST_TEST(Queued(c.link) == c.queued);
}

BOOST_DATA_TEST_CASE(out_of_scope_and_non_page_links_are_dropped, data::make(kDropped), c) {
  BOOST_TEST(Queued(c.link) == c.queued);
}

BOOST_AUTO_TEST_CASE(seeds_come_first_then_links_breadth_first) {
  Frontier frontier({"http://example.com/", "http://example.com/about"});
  std::string url;
  BOOST_TEST_REQUIRE(frontier.Next(&url));
  BOOST_TEST(url == "http://example.com/");
  frontier.AddLinks({"http://example.com/a", "http://example.com/b"});
  BOOST_TEST_REQUIRE(frontier.Next(&url));
  BOOST_TEST(url == "http://example.com/about");
  frontier.AddLinks({"http://example.com/c"});
  const std::vector<std::string> expected = {"http://example.com/a", "http://example.com/b",
                                             "http://example.com/c"};
  BOOST_TEST(Drain(frontier) == expected, boost::test_tools::per_element());
  BOOST_TEST(frontier.handed_out() == 5);
}

BOOST_AUTO_TEST_CASE(each_url_is_handed_out_once_whatever_its_fragment) {
  Frontier frontier({"http://example.com/"});
  frontier.AddLinks({"http://example.com/#top", "http://example.com/post",
                     "http://example.com/post#comments", "http://EXAMPLE.com/post",
                     "http://example.com/post/?replytocom=3", "http://example.com/post/"});
  frontier.AddLinks({"http://example.com/post"});
  const std::vector<std::string> expected = {"http://example.com/", "http://example.com/post",
                                             "http://example.com/post/"};
  BOOST_TEST(Drain(frontier) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(max_pages_caps_urls_handed_out_seeds_included) {
  Frontier frontier({"http://example.com/", "http://example.com/2"}, 3);
  std::vector<std::string> links;
  for (int i = 0; i < 10; ++i) links.push_back("http://example.com/p" + std::to_string(i));
  frontier.AddLinks(links);
  BOOST_TEST(Drain(frontier).size() == 3u);
  frontier.AddLinks({"http://example.com/late"});
  std::string url;
  BOOST_TEST(!frontier.Next(&url));
  BOOST_TEST(frontier.handed_out() == 3);
}

BOOST_AUTO_TEST_CASE(zero_max_pages_hands_out_nothing) {
  Frontier frontier({"http://example.com/"}, 0);
  std::string url;
  BOOST_TEST(!frontier.Next(&url));
}

BOOST_AUTO_TEST_CASE(every_seed_site_is_in_scope) {
  Frontier frontier({"http://a.example/", "https://b.example/start"});
  frontier.AddLinks({"http://a.example/x", "https://b.example/y", "http://b.example/z"});
  const std::vector<std::string> expected = {"http://a.example/", "https://b.example/start",
                                             "http://a.example/x", "https://b.example/y"};
  BOOST_TEST(Drain(frontier) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(file_scope_is_the_seed_folder_and_below) {
  Frontier frontier({"file:///site/blog/index.html"});
  frontier.AddLinks({"file:///site/blog/post.html", "file:///site/blog/2024/a.html",
                     "file:///site/other.html", "file:///site/blog-old/b.html",
                     "file:///site/blog/../secret.html", "file:///etc/passwd",
                     "http://example.com/"});
  const std::vector<std::string> expected = {"file:///site/blog/index.html",
                                             "file:///site/blog/post.html",
                                             "file:///site/blog/2024/a.html"};
  BOOST_TEST(Drain(frontier) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(file_seed_ending_in_slash_scopes_that_folder) {
  Frontier frontier({"file:///site/"});
  frontier.AddLinks({"file:///site/a.html", "file:///elsewhere/b.html"});
  const std::vector<std::string> expected = {"file:///site/", "file:///site/a.html"};
  BOOST_TEST(Drain(frontier) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(encoded_and_plain_file_urls_are_one_page) {
  Frontier frontier({"file:///site/index.html"});
  frontier.AddLinks({"file:///site/my%20post.html", "file:///site/my post.html",
                     "file://localhost/site/my%20post.html", "file:///site/./my%20post.html"});
  const std::vector<std::string> expected = {"file:///site/index.html",
                                             "file:///site/my%20post.html"};
  BOOST_TEST(Drain(frontier) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unusable_seeds_are_ignored) {
  Frontier frontier({"mailto:a@b.c", "not a url", "http://example.com/"});
  const std::vector<std::string> expected = {"http://example.com/"};
  BOOST_TEST(Drain(frontier) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(file_urls)

struct PathCase {
  std::string url;
  std::string path;  // "" when the URL names no local file
};

std::ostream& operator<<(std::ostream& out, const PathCase& c) { return out << c.url; }

const PathCase kPathsFromUrls[] = {
    {"file:///a/b.html", "/a/b.html"},
    {"file:///a/b%20c.html", "/a/b c.html"},
    {"FILE:///a/%C3%A9.html", "/a/\xC3\xA9.html"},
    {"file://localhost/a/b.html", "/a/b.html"},
    {"file:/a/b.html", "/a/b.html"},
    {"file:///a/b.html?x=1#top", "/a/b.html"},
    {"file:///a/100%.html", "/a/100%.html"},
    {"file://otherhost/a/b.html", ""},
    {"file://", ""},
    {"file:///a/%00.html", ""},
    {"http://example.com/a.html", ""},
    {"/a/b.html", ""},
};

BOOST_DATA_TEST_CASE(file_path_from_url_decodes_local_paths_only, data::make(kPathsFromUrls), c) {
  BOOST_TEST(FilePathFromUrl(c.url) == c.path);
}

BOOST_AUTO_TEST_CASE(file_url_from_path_percent_encodes_the_path) {
  BOOST_TEST(FileUrlFromPath("/a/b c.html") == "file:///a/b%20c.html");
  BOOST_TEST(FileUrlFromPath("/a/100%.html") == "file:///a/100%25.html");
  BOOST_TEST(FileUrlFromPath("/a/q?#.html") == "file:///a/q%3F%23.html");
  BOOST_TEST(FileUrlFromPath("/a/\xC3\xA9.html") == "file:///a/%C3%A9.html");
  BOOST_TEST(FileUrlFromPath("/a/b-c_d.e~f.html") == "file:///a/b-c_d.e~f.html");
}

BOOST_AUTO_TEST_CASE(file_url_from_relative_path_is_absolute) {
  const std::string url = FileUrlFromPath("posts/a.html");
  BOOST_TEST(url.starts_with("file:///"));
  BOOST_TEST(FilePathFromUrl(url) == (std::filesystem::current_path() / "posts/a.html").string());
}

BOOST_AUTO_TEST_CASE(file_path_survives_a_round_trip_through_its_url) {
  const std::string path = "/tmp/odd name/100% #1?/\xC3\xA9t\xC3\xA9.html";
  BOOST_TEST(FilePathFromUrl(FileUrlFromPath(path)) == path);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace linkgraph::crawler
