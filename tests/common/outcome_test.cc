// The names of URL outcomes (common/outcome.h) are what stores hold in
// pages.status and a crawl's URL outcomes: pinned, since a changed name
// would make stored records read as something else.
#include "common/outcome.h"

#include <boost/test/unit_test.hpp>
#include <string>

namespace linkgraph::common_test {

BOOST_AUTO_TEST_SUITE(outcome)

BOOST_AUTO_TEST_CASE(every_outcome_keeps_its_stored_name) {
  BOOST_TEST(OutcomeName(UrlOutcome::kOk) == "ok");
  BOOST_TEST(OutcomeName(UrlOutcome::kNotModified) == "not_modified");
  BOOST_TEST(OutcomeName(UrlOutcome::kRedirected) == "redirected");
  BOOST_TEST(OutcomeName(UrlOutcome::kRedirectLimit) == "redirect_limit");
  BOOST_TEST(OutcomeName(UrlOutcome::kNetworkError) == "network_error");
  BOOST_TEST(OutcomeName(UrlOutcome::kNotHtml) == "not_html");
  BOOST_TEST(OutcomeName(UrlOutcome::kNotASitemap) == "not_a_sitemap");
  BOOST_TEST(OutcomeName(UrlOutcome::kNotAFeed) == "not_a_feed");
  BOOST_TEST(OutcomeName(UrlOutcome::kNotComments) == "not_comments");
  BOOST_TEST(OutcomeName(UrlOutcome::kTooLarge) == "too_large");
  BOOST_TEST(OutcomeName(UrlOutcome::kNotFound) == "not_found");
  BOOST_TEST(OutcomeName(UrlOutcome::kDisallowed) == "disallowed");
  BOOST_TEST(OutcomeName(UrlOutcome::kBlocked) == "blocked");
  BOOST_TEST(OutcomeName(UrlOutcome::kError) == "error");
}

BOOST_AUTO_TEST_CASE(an_http_error_is_named_with_its_status) {
  BOOST_TEST(OutcomeName(UrlOutcome::kHttpError, 404) == "http_404");
  BOOST_TEST(OutcomeName(UrlOutcome::kHttpError, 503) == "http_503");
  BOOST_TEST(OutcomeName(UrlOutcome::kHttpError) == "http_error");
  // Only an HTTP error carries the status in its name.
  BOOST_TEST(OutcomeName(UrlOutcome::kNotHtml, 200) == "not_html");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace linkgraph::common_test
