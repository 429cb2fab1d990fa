// A page that names another site's post as its rel=canonical must not
// change that post: not its title and text, not its comments' authors, and
// no person met another on its word. Crawled and imported pages alike.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "tests/cli/cli_fixtures.h"
#include "tests/cli/hostile_site_fixtures.h"
#include "tests/crawler/loopback_http_server.h"

namespace linkgraph::cli_test {
namespace LINKGRAPH_FILE_SCOPE {

using testing::LoopbackHttpServer;

constexpr char kSampleCanonical[] =
    "<link rel=\"canonical\" href=\"http://wendytherecruiter.wordpress.com/2009/12/06/"
    "social-media-from-online-to-offline/\" />";

// The sample's seed post (a WordPress page with threaded comments) naming
// canonical as its own URL.
std::string RealPost(const std::string& canonical) {
  std::string page = testing::ReadFile(SampleDir() / kSeedPageFile);
  ReplaceOnce(&page, kSampleCanonical, "<link rel=\"canonical\" href=\"" + canonical + "\" />");
  return page;
}

// The same page as a forger serves it: another title, a comment author
// renamed, and a meeting that never happened, claiming the real post's URL.
std::string ForgedPost(const std::string& real_url) {
  std::string page = RealPost(real_url);
  ReplaceOnce(&page, "<h2>Social Media: From Online to&nbsp;Offline</h2>", "<h2>Hijacked</h2>");
  for (size_t at = page.find("Peter Gold"); at != std::string::npos;
       at = page.find("Peter Gold", at)) {
    page.replace(at, 10, "Mallory Forger");
  }
  ReplaceOnce(&page, "<div class=\"entry\">",
              "<div class=\"entry\"><p>Yesterday I met @MalloryForger for dinner in "
              "London. forged-body-text</p>");
  return page;
}

// What the store says of one post: its row, its comments, and the edges that
// cite it (sorted), from `linkgraph export --format json`.
nlohmann::json AboutPost(const nlohmann::json& exported, const std::string& url) {
  nlohmann::json about = {{"posts", nlohmann::json::array()},
                          {"comments", nlohmann::json::array()},
                          {"edges", nlohmann::json::array()}};
  // A person's id is numbered among everyone stored: a text's author_id is
  // left out, its author_key kept.
  auto without_person_id = [](nlohmann::json text) {
    text.erase("author_id");
    return text;
  };
  for (const auto& post : exported["posts"]) {
    if (post["url"] == url) about["posts"].push_back(without_person_id(post));
  }
  for (const auto& comment : exported["comments"]) {
    if (comment["post_url"] == url) about["comments"].push_back(without_person_id(comment));
  }
  for (const auto& edge : exported["edges"]) {
    const std::string source = edge["source_url"];
    if (source.rfind(url, 0) == 0) {
      // Who a person is, and so the name shown, is derived from every page
      // stored: ids and names are left out, what the post proves is kept.
      nlohmann::json cited = edge;
      for (const char* key : {"from", "to", "from_name", "to_name"}) cited.erase(key);
      about["edges"].push_back(cited);
    }
  }
  // Edges are exported by person id, and a person's id depends on the
  // derivations the store has seen: compare them in an order of their own.
  std::sort(about["edges"].begin(), about["edges"].end());
  return about;
}

struct TwoSites {
  LoopbackHttpServer server;
  std::string real_url = server.Url("/real/");
  // Another site on the same server: "localhost" and "127.0.0.1" are two.
  std::string forged_url = "http://localhost:" + std::to_string(server.port()) + "/forged/";

  TwoSites() {
    server.SetRoute("/real/", Html(RealPost(real_url)));
    server.SetRoute("/forged/", Html(ForgedPost(real_url)));
  }

  static std::vector<std::string> CrawlArgs(const std::string& db, const std::string& seed) {
    return {"crawl",      "--db",        db,  "--delay", "0",      "--discover",
            "none",       "--max-depth", "0", "--quiet", seed};
  }
};

// What a store holding the real post alone says of it.
nlohmann::json RealPostAlone(const TwoSites& sites) {
  CliFixture control;
  control.RunOk(TwoSites::CrawlArgs(control.db, sites.real_url));
  nlohmann::json about = AboutPost(control.ExportJson(), sites.real_url);
  BOOST_TEST_REQUIRE(about["posts"].size() == 1u);
  BOOST_TEST_REQUIRE(about["comments"].size() > 3u);
  return about;
}

BOOST_FIXTURE_TEST_SUITE(cli_hostile_site_canonical, CliFixture)

BOOST_AUTO_TEST_CASE(a_canonical_on_another_site_changes_nothing_stored_under_it) {
  TwoSites sites;
  const nlohmann::json expected = RealPostAlone(sites);

  RunOk(TwoSites::CrawlArgs(db, sites.real_url));
  RunOk(TwoSites::CrawlArgs(db, sites.forged_url));
  BOOST_TEST(sites.server.RequestCount("/forged/") == 1);

  const nlohmann::json exported = ExportJson();
  const nlohmann::json about = AboutPost(exported, sites.real_url);
  BOOST_TEST(about == expected, about.dump(1) << "\nexpected\n" << expected.dump(1));
  const std::string real_text = about.dump();
  BOOST_TEST(real_text.find("Mallory") == std::string::npos);
  BOOST_TEST(real_text.find("Hijacked") == std::string::npos);
  // The forged page is stored as what it is: a post of its own site.
  const nlohmann::json forged = AboutPost(exported, sites.forged_url);
  BOOST_TEST_REQUIRE(forged["posts"].size() == 1u);
  BOOST_TEST(forged["posts"][0]["title"].get<std::string>().find("Hijacked") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_forged_page_crawled_first_does_not_take_the_real_posts_url) {
  TwoSites sites;
  const nlohmann::json expected = RealPostAlone(sites);

  RunOk(TwoSites::CrawlArgs(db, sites.forged_url));
  RunOk(TwoSites::CrawlArgs(db, sites.real_url));
  const nlohmann::json about = AboutPost(ExportJson(), sites.real_url);
  BOOST_TEST(about == expected, about.dump(1) << "\nexpected\n" << expected.dump(1));
}

BOOST_AUTO_TEST_CASE(an_imported_file_never_changes_a_post_read_from_the_web) {
  TwoSites sites;
  const nlohmann::json expected = RealPostAlone(sites);

  RunOk(TwoSites::CrawlArgs(db, sites.real_url));
  const fs::path saved = dir.path() / "saved" / "forged.html";
  fs::create_directories(saved.parent_path());
  WriteFile(saved, ForgedPost(sites.real_url));
  RunOk({"import", "--db", db, saved.string()});
  const nlohmann::json about = AboutPost(ExportJson(), sites.real_url);
  BOOST_TEST(about == expected, about.dump(1) << "\nexpected\n" << expected.dump(1));
}

BOOST_AUTO_TEST_CASE(an_imported_file_still_names_the_post_it_is_a_copy_of) {
  // A saved copy's canonical is how it names its original: kept when the
  // web has not given that post already.
  TwoSites sites;
  const fs::path saved = dir.path() / "saved" / "real.html";
  fs::create_directories(saved.parent_path());
  WriteFile(saved, RealPost(sites.real_url));
  RunOk({"import", "--db", db, saved.string()});
  const nlohmann::json about = AboutPost(ExportJson(), sites.real_url);
  BOOST_TEST(about["posts"].size() == 1u);
  BOOST_TEST(about["comments"].size() > 3u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::cli_test
