// The links report: trackbacks and pingbacks a post received, and links
// between stored posts; a link within one blog is "self".
#include <boost/test/unit_test.hpp>

#include "tests/reports/report_fixtures.h"

namespace linkgraph::reports_test {
namespace LINKGRAPH_FILE_SCOPE {

constexpr char kPost[] = "http://wendy.example/2009/12/06/social-media/";
constexpr char kOtherPost[] = "http://wendy.example/2010/03/28/underground/";

nlohmann::json Links(store::Store& db) { return WrittenJson(&reports::WriteLinks, db); }

// The row whose from_url is from; a failed test when there is none.
nlohmann::json RowFrom(const nlohmann::json& links, const std::string& from) {
  for (const auto& row : links) {
    if (row["from_url"] == from) return row;
  }
  BOOST_FAIL("no link from " << from << " in " << links.dump(2));
  return {};
}

BOOST_AUTO_TEST_SUITE(links_report)

BOOST_AUTO_TEST_CASE(pingback_from_same_host_is_self_and_trackback_from_elsewhere_is_not) {
  auto db = OpenMemoryStore();
  Save(*db, {PageBuilder(kPost)
                 .AddTrackback(kOtherPost, LinkbackKind::kPingback)
                 .AddTrackback("http://www.ubervu.example/conversations/wendy/",
                               LinkbackKind::kTrackback)});
  nlohmann::json links = Links(*db);
  BOOST_REQUIRE(links.size() == 2u);
  nlohmann::json pingback = RowFrom(links, kOtherPost);
  BOOST_TEST(pingback["kind"].get<std::string>() == "pingback");
  BOOST_TEST(pingback["self"].get<bool>() == true);
  BOOST_TEST(pingback["to_url"].get<std::string>() == kPost);
  nlohmann::json trackback = RowFrom(links, "http://www.ubervu.example/conversations/wendy/");
  BOOST_TEST(trackback["kind"].get<std::string>() == "trackback");
  BOOST_TEST(trackback["self"].get<bool>() == false);

  std::vector<std::string> csv = CsvLines(Written(&reports::WriteLinks, *db, Format::kCsv));
  BOOST_REQUIRE(csv.size() == 3u);
  BOOST_TEST(csv[0] == "kind,self,from_url,to_url,title,published");
  BOOST_TEST(csv[1].rfind("pingback,yes," + std::string(kOtherPost) + ",", 0) == 0u, csv[1]);
  BOOST_TEST(csv[2].rfind("trackback,no,", 0) == 0u, csv[2]);
}

// Host names are case-insensitive (RFC 3986, 3.2.2), and the store already
// keys sites that way (common/url_text.h SiteRootOf).
BOOST_AUTO_TEST_CASE(pingback_from_same_host_spelled_in_capitals_is_self) {
  auto db = OpenMemoryStore();
  Save(*db, {PageBuilder(kPost).AddTrackback("http://Wendy.Example/2010/03/28/underground/",
                                             LinkbackKind::kPingback)});
  nlohmann::json links = Links(*db);
  BOOST_REQUIRE(links.size() == 1u);
  BOOST_TEST(links[0]["self"].get<bool>() == true, links[0]);
}

BOOST_AUTO_TEST_CASE(link_between_stored_posts_is_listed_and_marked_by_host) {
  auto db = OpenMemoryStore();
  const std::string elsewhere = "http://lara.example/2010/04/01/supper-club/";
  Save(*db, {PageBuilder(kPost), PageBuilder(kOtherPost).AddLink(kPost),
             PageBuilder(elsewhere).AddLink(kPost).AddLink("http://not-stored.example/")});
  nlohmann::json links = Links(*db);
  BOOST_REQUIRE(links.size() == 2u);
  nlohmann::json within = RowFrom(links, kOtherPost);
  BOOST_TEST(within["kind"].get<std::string>() == "link");
  BOOST_TEST(within["to_url"].get<std::string>() == kPost);
  BOOST_TEST(within["self"].get<bool>() == true);
  nlohmann::json across = RowFrom(links, elsewhere);
  BOOST_TEST(across["self"].get<bool>() == false);
}

BOOST_AUTO_TEST_CASE(link_already_shown_by_its_pingback_is_listed_once) {
  auto db = OpenMemoryStore();
  Save(*db, {PageBuilder(kPost).AddTrackback(kOtherPost, LinkbackKind::kPingback),
             PageBuilder(kOtherPost).AddLink(kPost)});
  nlohmann::json links = Links(*db);
  BOOST_REQUIRE(links.size() == 1u);
  BOOST_TEST(links[0]["kind"].get<std::string>() == "pingback");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::reports_test
