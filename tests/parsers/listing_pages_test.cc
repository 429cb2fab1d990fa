// Listing pages (front pages, categories, archives) hold no post of their
// own, even when a listing's last page shows one excerpt.
#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <string>

#include "parsers/parsers.h"
#include "tests/parsers/fixture_page.h"
#include "tests/support/test_paths.h"

namespace linkgraph {
namespace LINKGRAPH_FILE_SCOPE {

ExtractedPage ExtractListing(const std::string& name, const std::string& url) {
  return testing::ExtractFixture("listings", name, url);
}

BOOST_AUTO_TEST_SUITE(listing_pages)

BOOST_AUTO_TEST_CASE(a_last_page_with_one_excerpt_is_no_post_but_links_to_it) {
  ExtractedPage page = ExtractListing("last_page_one_excerpt.html",
                                      "http://blog.example/category/events/page/9/");
  BOOST_TEST(!page.has_post);
  BOOST_TEST(page.mentions.empty());  // the excerpt's mention belongs to the post
  const std::string permalink = "http://blog.example/2009/02/meeting-at-trulondon/";
  BOOST_TEST(std::count(page.page_links.begin(), page.page_links.end(), permalink) == 1);
}

BOOST_AUTO_TEST_CASE(the_excerpts_own_post_page_is_still_a_post) {
  // The same markup served at the permalink the title points to: a theme
  // that shows a post's excerpt on its own page still has a post there.
  ExtractedPage page = ExtractListing("last_page_one_excerpt.html",
                                      "http://blog.example/2009/02/meeting-at-trulondon/");
  BOOST_TEST(page.has_post);
  BOOST_TEST(page.post.title == "Meeting at TRULondon");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph
