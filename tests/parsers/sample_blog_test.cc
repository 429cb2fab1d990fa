// The bundled sample blog (examples/wendy-the-recruiter): the seed post as
// PRODUCT.md says linkgraph must see it, and the listing page that is not one.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "parsers/parsers.h"
#include "tests/support/test_paths.h"

namespace linkgraph {
namespace LINKGRAPH_FILE_SCOPE {

const char kSeedPath[] =
    "examples/wendy-the-recruiter/2009/12/06/social-media-from-online-to-offline/index.html";

ExtractedPage ExtractSample(const std::string& relative) {
  std::string bytes = testing::ReadFile(testing::SourceDir() / relative);
  auto page = parsers::ExtractPage(bytes, "file://" + (testing::SourceDir() / relative).string());
  BOOST_REQUIRE_MESSAGE(page.ok(), relative << ": " << (page.ok() ? "" : page.error().message));
  return std::move(page).value();
}

const Comment& FindComment(const ExtractedPage& page, const std::string& id) {
  auto it = std::find_if(page.comments.begin(), page.comments.end(),
                         [&](const Comment& c) { return c.id == id; });
  BOOST_REQUIRE_MESSAGE(it != page.comments.end(), "no " << id);
  return *it;
}

BOOST_AUTO_TEST_SUITE(sample_blog)

BOOST_AUTO_TEST_CASE(seed_post_has_title_author_and_canonical_url) {
  ExtractedPage page = ExtractSample(kSeedPath);
  BOOST_TEST(page.has_post);
  BOOST_TEST(page.platform == "wordpresscom");
  BOOST_TEST(page.post.title == "Social Media: From Online to Offline");
  BOOST_TEST(page.post.author == "Wendy");
  BOOST_TEST(page.post.published == "2009-12-06T21:31:00");
  BOOST_TEST(page.post.site_name == "Wendy the Recruiter");
  BOOST_TEST(
      page.post.url ==
      "http://wendytherecruiter.wordpress.com/2009/12/06/social-media-from-online-to-offline/");
  BOOST_TEST(page.post.text.find("I've had dinner with") == std::string::npos);  // curly quote
  BOOST_TEST(page.post.text.find("I\u2019ve had dinner with @MervynDinnen and @LaraNewman") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(seed_comments_form_four_threads_of_two) {
  ExtractedPage page = ExtractSample(kSeedPath);
  BOOST_REQUIRE_EQUAL(page.comments.size(), 8u);
  struct Expected {
    const char* id;
    const char* author;
    const char* published;
    const char* parent;
  };
  const Expected expected[] = {
      {"comment-101", "@HRMargo Margo Rose", "2009-12-06T22:10:00", ""},
      {"comment-102", "Wendy", "2009-12-10T21:50:00", "comment-101"},
      {"comment-103", "Peter Gold", "2009-12-06T23:47:00", ""},
      {"comment-104", "Wendy", "2009-12-10T21:52:00", "comment-103"},
      {"comment-105", "Dave Martin", "2009-12-07T10:01:00", ""},
      {"comment-106", "Wendy", "2009-12-10T21:54:00", "comment-105"},
      {"comment-107", "Akiki", "2009-12-07T16:37:00", ""},
      {"comment-108", "Wendy", "2009-12-10T21:55:00", "comment-107"},
  };
  for (size_t i = 0; i < std::size(expected); ++i) {
    BOOST_TEST_CONTEXT(expected[i].id) {
      const Comment& comment = page.comments[i];
      BOOST_TEST(comment.id == expected[i].id);
      BOOST_TEST(comment.author == expected[i].author);
      BOOST_TEST(comment.published == expected[i].published);
      BOOST_TEST(comment.parent_id == expected[i].parent);
      BOOST_TEST(comment.position == static_cast<int>(i) + 1);
    }
  }
}

BOOST_AUTO_TEST_CASE(comment_text_excludes_author_date_and_numbering) {
  ExtractedPage page = ExtractSample(kSeedPath);
  const Comment& dave = FindComment(page, "comment-105");
  BOOST_TEST(dave.text ==
             "Great post, I totally agree that putting faces or voices to Twitter contacts is a "
             "real must.\n\nPS We have met!");
  BOOST_TEST(FindComment(page, "comment-102").text.starts_with("Thanks Margo!"));
  BOOST_TEST(FindComment(page, "comment-101").author_url == "http://twitter.com/HRMargo");
  BOOST_TEST(FindComment(page, "comment-107").author_url == "");
}

BOOST_AUTO_TEST_CASE(seed_trackbacks_keep_titles_urls_and_kinds) {
  ExtractedPage page = ExtractSample(kSeedPath);
  BOOST_REQUIRE_EQUAL(page.trackbacks.size(), 4u);
  BOOST_TEST(page.trackbacks[0].title.starts_with("Tweets that mention Social Media"));
  BOOST_TEST(page.trackbacks[1].title == "uberVU - social comments");
  BOOST_TEST(page.trackbacks[2].title == "Twitted by MervynDinnen");
  BOOST_TEST(page.trackbacks[2].published == "2009-12-14T09:21:00");
  BOOST_TEST(page.trackbacks[3].title ==
             "A Weekend of Underground Restaurants « Wendy the Recruiter");
  BOOST_TEST(
      page.trackbacks[3].source_url ==
      "http://wendytherecruiter.wordpress.com/2010/03/28/a-weekend-of-underground-restaurants/");
  BOOST_TEST(std::string(ToString(page.trackbacks[3].kind)) == "pingback");
}

BOOST_AUTO_TEST_CASE(seed_mentions_are_exactly_the_posts_seven_and_margos_signature) {
  ExtractedPage page = ExtractSample(kSeedPath);
  std::vector<std::string> in_post;
  std::vector<std::string> in_comments;
  for (const Mention& mention : page.mentions) {
    (mention.in == MentionPlace::kPost ? in_post : in_comments).push_back(mention.handle);
  }
  std::vector<std::string> expected_post = {"LisaScales",     "AndyHeadworth", "AlanWhitford",
                                            "RadicalRecruit", "MervynDinnen",  "LaraNewman",
                                            "ClareWildman"};
  BOOST_TEST(in_post == expected_post, boost::test_tools::per_element());
  BOOST_TEST(in_comments == std::vector<std::string>{"HRMargo"}, boost::test_tools::per_element());
  BOOST_TEST(page.mentions.back().comment_id == "comment-101");
  BOOST_TEST(page.mentions.back().by == "@HRMargo Margo Rose");
}

BOOST_AUTO_TEST_CASE(listing_page_yields_no_post_but_links_to_every_post) {
  ExtractedPage page = ExtractSample("examples/wendy-the-recruiter/index.html");
  BOOST_TEST(!page.has_post);
  BOOST_TEST(page.comments.empty());
  BOOST_TEST(page.mentions.empty());
  int post_links = 0;
  for (const std::string& link : page.page_links) {
    if (link.ends_with("/index.html") && link.find("/20") != std::string::npos) ++post_links;
  }
  BOOST_TEST(post_links >= 3);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph
