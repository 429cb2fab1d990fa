// The Frontier's normal form, dedupe, scope, depth and page cap, resume
// from a stored crawl, and the file URL helpers it relies on.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "crawler/crawler.h"

namespace linkgraph::crawler {
namespace LINKGRAPH_FILE_SCOPE {

namespace data = boost::unit_test::data;

Frontier MakeFrontier(const std::vector<std::string>& seeds, int max_pages = 50000,
                      int max_depth = -1, ScopeKind scope = ScopeKind::kHost) {
  Frontier frontier(CrawlScope(scope, seeds), FrontierLimits{max_pages, max_depth});
  for (const std::string& seed : seeds) frontier.Offer(seed, UrlKind::kPage, 0, "");
  return frontier;
}

void AddLinks(Frontier& frontier, const std::vector<std::string>& links, int depth = 1) {
  for (const std::string& link : links) frontier.Offer(link, UrlKind::kPage, depth, "http://via/");
}

std::vector<std::string> Drain(Frontier& frontier) {
  std::vector<std::string> urls;
  QueuedUrl entry;
  for (int i = 0; i < 10000 && frontier.Next(&entry); ++i) urls.push_back(entry.url);
  return urls;
}

// What one link becomes after a seed of http://example.com/start: "" when dropped.
std::string Queued(const std::string& link) {
  Frontier frontier = MakeFrontier({"http://example.com/start"});
  QueuedUrl seed;
  BOOST_TEST_REQUIRE(frontier.Next(&seed));
  AddLinks(frontier, {link});
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
    {"https://example.com/a", "https://example.com/a"},  // http and https are one host
};

const LinkCase kDropped[] = {
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
    {"http://example.com/calendar/2999/01/", ""},  // a trap
};

BOOST_AUTO_TEST_SUITE(frontier)

BOOST_DATA_TEST_CASE(in_scope_links_are_queued_in_normal_form, data::make(kNormalForms), c) {
  BOOST_TEST(Queued(c.link) == c.queued);
}

BOOST_DATA_TEST_CASE(out_of_scope_non_page_and_trap_links_are_dropped, data::make(kDropped), c) {
  BOOST_TEST(Queued(c.link) == c.queued);
}

BOOST_AUTO_TEST_CASE(seeds_come_first_then_links_breadth_first) {
  Frontier frontier = MakeFrontier({"http://example.com/", "http://example.com/about"});
  QueuedUrl entry;
  BOOST_TEST_REQUIRE(frontier.Next(&entry));
  BOOST_TEST(entry.url == "http://example.com/");
  AddLinks(frontier, {"http://example.com/a", "http://example.com/b"});
  BOOST_TEST_REQUIRE(frontier.Next(&entry));
  BOOST_TEST(entry.url == "http://example.com/about");
  AddLinks(frontier, {"http://example.com/c"});
  const std::vector<std::string> expected = {"http://example.com/a", "http://example.com/b",
                                             "http://example.com/c"};
  BOOST_TEST(Drain(frontier) == expected, boost::test_tools::per_element());
  BOOST_TEST(frontier.PagesHandedOut() == 5);
}

BOOST_AUTO_TEST_CASE(each_url_is_handed_out_once_whatever_its_fragment) {
  Frontier frontier = MakeFrontier({"http://example.com/"});
  AddLinks(frontier, {"http://example.com/#top", "http://example.com/post",
                      "http://example.com/post#comments", "http://EXAMPLE.com/post",
                      "http://example.com/post/?replytocom=3", "http://example.com/post/"});
  AddLinks(frontier, {"http://example.com/post"});
  const std::vector<std::string> expected = {"http://example.com/", "http://example.com/post",
                                             "http://example.com/post/"};
  BOOST_TEST(Drain(frontier) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(max_pages_caps_pages_handed_out_seeds_included) {
  Frontier frontier = MakeFrontier({"http://example.com/", "http://example.com/2"}, 3);
  std::vector<std::string> links;
  for (int i = 0; i < 10; ++i) links.push_back("http://example.com/p" + std::to_string(i));
  AddLinks(frontier, links);
  BOOST_TEST(Drain(frontier).size() == 3u);
  AddLinks(frontier, {"http://example.com/late"});
  QueuedUrl entry;
  BOOST_TEST(!frontier.Next(&entry));
  BOOST_TEST(frontier.PagesHandedOut() == 3);
}

BOOST_AUTO_TEST_CASE(sitemaps_do_not_count_against_max_pages) {
  Frontier frontier = MakeFrontier({"http://example.com/"}, 1);
  frontier.Offer("http://example.com/sitemap.xml", UrlKind::kSitemap, 0, "robots.txt");
  const std::vector<std::string> expected = {"http://example.com/",
                                             "http://example.com/sitemap.xml"};
  BOOST_TEST(Drain(frontier) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(page_urls_past_max_pages_are_not_queued_at_all) {
  Frontier frontier = MakeFrontier({"http://example.com/"}, 3);
  std::vector<std::string> links;
  for (int i = 0; i < 1000; ++i) links.push_back("http://example.com/p" + std::to_string(i));
  AddLinks(frontier, links);
  // The seed and two links fill --max-pages: nothing more waits in memory.
  BOOST_TEST(frontier.Queued() == 3u);
  BOOST_TEST(frontier.LimitRefusalCount() == 998);
  BOOST_REQUIRE(frontier.LimitRefusals().size() == 1u);
  BOOST_TEST(frontier.LimitRefusals().begin()->first.find("--max-pages") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(urls_queued_are_bounded_in_all_and_per_host) {
  FrontierLimits limits;
  limits.max_queued_urls = 50;
  limits.max_queued_per_host = 20;
  Frontier frontier(CrawlScope(ScopeKind::kSite, {"http://example.com/"}), limits);
  frontier.Offer("http://example.com/", UrlKind::kPage, 0, "");
  for (int host = 0; host < 10; ++host) {
    for (int i = 0; i < 100; ++i) {
      frontier.Offer("http://h" + std::to_string(host) + ".example.com/" + std::to_string(i),
                     UrlKind::kPage, 1, "http://example.com/");
    }
  }
  BOOST_TEST(frontier.Queued() == 50u);
  std::string refusal;
  BOOST_TEST(
      !frontier.Offer("http://example.com/late", UrlKind::kPage, 1, "http://example.com/", &refusal)
           .has_value());
  BOOST_TEST(refusal.find("--max-queued-urls") != std::string::npos, refusal);

  Frontier one_host(CrawlScope(ScopeKind::kSite, {"http://example.com/"}), limits);
  for (int i = 0; i < 100; ++i) {
    one_host.Offer("http://example.com/" + std::to_string(i), UrlKind::kPage, 1,
                   "http://example.com/");
  }
  BOOST_TEST(one_host.Queued() == 20u);
  BOOST_TEST(one_host.Offer("http://other.example.com/", UrlKind::kPage, 1, "http://example.com/")
                 .has_value());
  BOOST_TEST(
      !one_host.Offer("http://example.com/late", UrlKind::kPage, 1, "http://example.com/", &refusal)
           .has_value());
  BOOST_TEST(refusal.find("--max-queued-per-host") != std::string::npos, refusal);
}

BOOST_AUTO_TEST_CASE(sitemap_files_and_index_nesting_are_bounded) {
  FrontierLimits limits;
  limits.max_sitemaps = 5;
  limits.max_sitemap_nesting = 2;
  Frontier frontier(CrawlScope(ScopeKind::kHost, {"http://example.com/"}), limits);
  // An index that names the next index without end: levels 0, 1 and 2 only.
  std::string via = "robots.txt";
  std::string refusal;
  int queued = 0;
  for (int i = 0; i < 100; ++i) {
    const std::string url = "http://example.com/index-" + std::to_string(i) + ".xml";
    if (!frontier.Offer(url, UrlKind::kSitemap, 0, via, &refusal)) break;
    ++queued;
    via = url;
  }
  BOOST_TEST(queued == 3);
  BOOST_TEST(refusal.find("--max-sitemap-depth") != std::string::npos, refusal);
  // A wide index: five sitemap files in all.
  for (int i = 0; i < 100; ++i) {
    frontier.Offer("http://example.com/s-" + std::to_string(i) + ".xml", UrlKind::kSitemap, 0,
                   "http://example.com/index-0.xml", &refusal);
  }
  BOOST_TEST(frontier.Queued() == 5u);
  BOOST_TEST(refusal.find("--max-sitemaps") != std::string::npos, refusal);
}

BOOST_AUTO_TEST_CASE(rest_comment_pages_are_bounded_per_post_and_in_all) {
  FrontierLimits limits;
  limits.max_comment_pages_per_post = 4;
  limits.max_comment_pages = 6;
  Frontier frontier(CrawlScope(ScopeKind::kHost, {"http://example.com/"}), limits);
  auto offer_pages = [&](const std::string& post, std::string* refusal) {
    int queued = 0;
    for (int page = 1; page <= 50; ++page) {
      const std::string url = "http://example.com/wp-json/wp/v2/comments?post=" + post +
                              "&page=" + std::to_string(page);
      queued += frontier.Offer(url, UrlKind::kComments, page, "http://example.com/" + post, refusal)
                    .has_value();
    }
    return queued;
  };
  std::string refusal;
  BOOST_TEST(offer_pages("1", &refusal) == 4);
  BOOST_TEST(refusal.find("--max-comment-pages-per-post") != std::string::npos, refusal);
  BOOST_TEST(offer_pages("2", &refusal) == 2);
  BOOST_TEST(refusal.find("(--max-comment-pages)") != std::string::npos, refusal);
}

BOOST_AUTO_TEST_CASE(feeds_are_bounded) {
  FrontierLimits limits;
  limits.max_feeds = 2;
  Frontier frontier(CrawlScope(ScopeKind::kHost, {"http://example.com/"}), limits);
  int queued = 0;
  for (int i = 0; i < 10; ++i) {
    queued += frontier
                  .Offer("http://example.com/feed-" + std::to_string(i), UrlKind::kFeed, 1,
                         "http://example.com/")
                  .has_value();
  }
  BOOST_TEST(queued == 2);
}

BOOST_AUTO_TEST_CASE(restored_entries_count_against_the_limits) {
  FrontierLimits limits;
  limits.max_sitemaps = 2;
  limits.max_comment_pages_per_post = 1;
  Frontier frontier(CrawlScope(ScopeKind::kHost, {"http://example.com/"}), limits);
  frontier.Restore({"http://example.com/a.xml", UrlKind::kSitemap, 0, "robots.txt"}, true);
  frontier.Restore({"http://example.com/b.xml", UrlKind::kSitemap, 0, "http://example.com/a.xml"},
                   false);
  frontier.Restore({"http://example.com/c?page=1", UrlKind::kComments, 1, "http://example.com/p"},
                   true);
  BOOST_TEST(
      !frontier.Offer("http://example.com/c.xml", UrlKind::kSitemap, 0, "robots.txt").has_value());
  BOOST_TEST(
      !frontier.Offer("http://example.com/c?page=2", UrlKind::kComments, 2, "http://example.com/p")
           .has_value());
}

BOOST_AUTO_TEST_CASE(a_waiting_page_offered_as_a_feed_is_queued_as_the_feed) {
  Frontier frontier = MakeFrontier({"http://example.com/"});
  QueuedUrl entry;
  BOOST_TEST_REQUIRE(frontier.Next(&entry));
  AddLinks(frontier, {"http://example.com/feed/", "http://example.com/post"});
  auto retyped =
      frontier.Offer("http://example.com/feed/", UrlKind::kFeed, 1, "http://example.com/");
  BOOST_REQUIRE(retyped.has_value());
  BOOST_TEST(UrlKindName(retyped->kind) == "feed");
  // Weaker or equal kinds change nothing.
  BOOST_TEST(!frontier.Offer("http://example.com/feed/", UrlKind::kPage, 1, "http://example.com/")
                  .has_value());
  BOOST_TEST(
      !frontier.Offer("http://example.com/feed/", UrlKind::kSitemap, 1, "http://example.com/")
           .has_value());
  BOOST_TEST_REQUIRE(frontier.Next(&entry));
  BOOST_TEST(entry.url == "http://example.com/feed/");
  BOOST_TEST(UrlKindName(entry.kind) == "feed");
  BOOST_TEST_REQUIRE(frontier.Next(&entry));
  BOOST_TEST(UrlKindName(entry.kind) == "page");
  // Once handed out, a URL keeps the kind it was fetched as.
  BOOST_TEST(!frontier.Offer("http://example.com/post", UrlKind::kFeed, 1, "http://example.com/")
                  .has_value());
  BOOST_TEST(KindStrength(UrlKind::kPage) < KindStrength(UrlKind::kFeed));
  BOOST_TEST(KindStrength(UrlKind::kSitemap) == KindStrength(UrlKind::kComments));
}

BOOST_AUTO_TEST_CASE(a_restored_waiting_page_can_be_retyped) {
  Frontier frontier(CrawlScope(ScopeKind::kHost, {"http://example.com/"}), FrontierLimits{});
  frontier.Restore({"http://example.com/", UrlKind::kPage, 0, ""}, true);
  frontier.Restore({"http://example.com/feed/", UrlKind::kPage, 1, "http://example.com/"}, false);
  auto retyped =
      frontier.Offer("http://example.com/feed/", UrlKind::kFeed, 1, "http://example.com/");
  BOOST_REQUIRE(retyped.has_value());
  QueuedUrl entry;
  BOOST_TEST_REQUIRE(frontier.Next(&entry));
  BOOST_TEST(UrlKindName(entry.kind) == "feed");
}

BOOST_AUTO_TEST_CASE(a_retyped_page_frees_its_place_under_max_pages) {
  Frontier frontier = MakeFrontier({"http://example.com/"}, 2);
  AddLinks(frontier, {"http://example.com/feed/"});
  BOOST_TEST(!frontier.Offer("http://example.com/other", UrlKind::kPage, 1, "http://example.com/")
                  .has_value());
  BOOST_TEST(frontier.Offer("http://example.com/feed/", UrlKind::kFeed, 1, "http://example.com/")
                 .has_value());
  BOOST_TEST(frontier.Offer("http://example.com/other", UrlKind::kPage, 1, "http://example.com/")
                 .has_value());
}
BOOST_AUTO_TEST_CASE(links_deeper_than_max_depth_are_refused_with_the_reason) {
  Frontier frontier = MakeFrontier({"http://example.com/"}, 100, 1);
  std::string refusal;
  BOOST_TEST(
      frontier.Offer("http://example.com/one", UrlKind::kPage, 1, "http://example.com/", &refusal)
          .has_value());
  BOOST_TEST(
      !frontier
           .Offer("http://example.com/two", UrlKind::kPage, 2, "http://example.com/one", &refusal)
           .has_value());
  BOOST_TEST(refusal.find("max-depth") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_restored_crawl_skips_what_was_done_and_queues_the_rest) {
  Frontier frontier(CrawlScope(ScopeKind::kHost, {"http://example.com/"}), FrontierLimits{3, -1});
  frontier.Restore({"http://example.com/", UrlKind::kPage, 0, ""}, true);
  frontier.Restore({"http://example.com/a", UrlKind::kPage, 1, "http://example.com/"}, true);
  frontier.Restore({"http://example.com/b", UrlKind::kPage, 1, "http://example.com/"}, false);
  frontier.Restore({"http://example.com/c", UrlKind::kPage, 1, "http://example.com/"}, false);
  // A link to a page done before the kill is not fetched again.
  BOOST_TEST(!frontier.Offer("http://example.com/a", UrlKind::kPage, 2, "http://example.com/b")
                  .has_value());
  // max_pages counts the pages done before the kill: one left.
  const std::vector<std::string> expected = {"http://example.com/b"};
  BOOST_TEST(Drain(frontier) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_url_marked_seen_is_never_queued) {
  Frontier frontier = MakeFrontier({"http://example.com/"});
  BOOST_TEST(frontier.MarkSeen("http://example.com/fresh"));
  BOOST_TEST(!frontier.MarkSeen("http://example.com/fresh"));
  AddLinks(frontier, {"http://example.com/fresh"});
  const std::vector<std::string> expected = {"http://example.com/"};
  BOOST_TEST(Drain(frontier) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_seed_site_is_in_scope) {
  Frontier frontier = MakeFrontier({"http://a.example/", "https://b.example/start"});
  AddLinks(frontier, {"http://a.example/x", "https://b.example/y", "http://c.example/z"});
  const std::vector<std::string> expected = {"http://a.example/", "https://b.example/start",
                                             "http://a.example/x", "https://b.example/y"};
  BOOST_TEST(Drain(frontier) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(file_scope_is_the_seed_folder_and_below) {
  Frontier frontier = MakeFrontier({"file:///site/blog/index.html"});
  AddLinks(frontier, {"file:///site/blog/post.html", "file:///site/blog/2024/a.html",
                      "file:///site/other.html", "file:///site/blog-old/b.html",
                      "file:///site/blog/../secret.html", "file:///etc/passwd",
                      "http://example.com/"});
  const std::vector<std::string> expected = {"file:///site/blog/index.html",
                                             "file:///site/blog/post.html",
                                             "file:///site/blog/2024/a.html"};
  BOOST_TEST(Drain(frontier) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(file_seed_ending_in_slash_scopes_that_folder) {
  Frontier frontier = MakeFrontier({"file:///site/"});
  AddLinks(frontier, {"file:///site/a.html", "file:///elsewhere/b.html"});
  const std::vector<std::string> expected = {"file:///site/", "file:///site/a.html"};
  BOOST_TEST(Drain(frontier) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(encoded_and_plain_file_urls_are_one_page) {
  Frontier frontier = MakeFrontier({"file:///site/index.html"});
  AddLinks(frontier, {"file:///site/my%20post.html", "file:///site/my post.html",
                      "file://localhost/site/my%20post.html", "file:///site/./my%20post.html"});
  const std::vector<std::string> expected = {"file:///site/index.html",
                                             "file:///site/my%20post.html"};
  BOOST_TEST(Drain(frontier) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unusable_seeds_are_refused_with_a_reason) {
  Frontier frontier = MakeFrontier({"http://example.com/"});
  std::string refusal;
  BOOST_TEST(!frontier.Offer("mailto:a@b.c", UrlKind::kPage, 0, "", &refusal).has_value());
  BOOST_TEST(!refusal.empty());
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

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::crawler
