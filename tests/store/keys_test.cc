// The keys the store derives: post URLs, comment keys, identities (sites:
// tests/common/url_text_test.cc).
// Table-driven where the input is data.
#include "store/keys.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "common/identity_text.h"
#include "tests/store/store_fixtures.h"
#include "tests/support/test_paths.h"

namespace linkgraph::store_test {

BOOST_AUTO_TEST_SUITE(store_keys)

BOOST_AUTO_TEST_CASE(post_url_prefers_post_then_canonical_then_page_url) {
  ExtractedPage page;
  page.url = "https://a.example/?p=1";
  BOOST_TEST(store::PostUrlOf(page) == "https://a.example/?p=1");
  page.canonical_url = "https://a.example/post/";
  BOOST_TEST(store::PostUrlOf(page) == "https://a.example/post/");
  page.post.url = "https://a.example/post-canonical/";
  BOOST_TEST(store::PostUrlOf(page) == "https://a.example/post-canonical/");
}

BOOST_AUTO_TEST_CASE(comment_key_is_the_comment_id_when_given) {
  Comment comment{"comment-123", "", "Akiki", "", "", "Nice", "", 1};
  BOOST_TEST(store::CommentKeyOf(comment) == "comment-123");
}

BOOST_AUTO_TEST_CASE(derived_comment_key_is_stable_and_depends_on_author_date_text) {
  Comment comment{"", "", "Akiki", "", "2009-12-08T10:00:00", "Nice post", "", 4};
  const std::string key = store::CommentKeyOf(comment);
  BOOST_TEST(key.size() == 5u + 16u);
  BOOST_TEST(key.rfind("hash-", 0) == 0u);
  // Fixed across runs and builds: FNV-1a of "Akiki\x1f2009-12-08T10:00:00\x1fNice post".
  BOOST_TEST(key == store::CommentKeyOf(Comment{"", "x", "Akiki", "y", "2009-12-08T10:00:00",
                                                "Nice post", "z", 9}));
  Comment other_text = comment;
  other_text.text = "Nice post!";
  BOOST_TEST(store::CommentKeyOf(other_text) != key);
  Comment shifted = comment;  // the same bytes split differently between fields
  shifted.author = "Akik";
  shifted.published = "i2009-12-08T10:00:00";
  BOOST_TEST(store::CommentKeyOf(shifted) != key);
}

BOOST_AUTO_TEST_CASE(handle_identity_drops_at_and_is_keyed_lower_case) {
  auto key = store::NormaliseIdentity(store::IdentityKind::kHandle, " @HRMargo ");
  BOOST_TEST(key.display == "HRMargo");
  BOOST_TEST(key.normalised == "hrmargo");
}

BOOST_AUTO_TEST_CASE(name_identity_is_shown_as_written_and_keyed_as_the_graph_keys_it) {
  auto key = store::NormaliseIdentity(store::IdentityKind::kName, "  Margo \t Rose\n");
  BOOST_TEST(key.display == "Margo Rose");
  BOOST_TEST(key.normalised == "margo rose");
  BOOST_TEST(key.normalised == NormaliseName("Margo Rose"));
  BOOST_TEST(store::NormaliseIdentity(store::IdentityKind::kName, " \n ").normalised.empty());
}

BOOST_AUTO_TEST_CASE(url_identity_is_keyed_without_scheme_www_and_trailing_slash) {
  auto key =
      store::NormaliseIdentity(store::IdentityKind::kUrl, " https://www.Margo.example/blog/ ");
  BOOST_TEST(key.display == "https://www.Margo.example/blog/");
  BOOST_TEST(key.normalised == "margo.example/blog");
  BOOST_TEST(
      store::NormaliseIdentity(store::IdentityKind::kUrl, "http://margo.example/blog").normalised ==
      key.normalised);
}

// Migration 8: a file whose identities were keyed the old way (names with
// their case, URLs as written) is re-keyed, spellings of one identity merged.
BOOST_AUTO_TEST_CASE(identities_keyed_the_old_way_are_re_keyed_and_merged) {
  testing::TempDir dir;
  const std::string path = (dir.path() / "linkgraph.db").string();
  MakeFileAtVersion(path, 7);
  {
    RawDatabase raw(path);
    raw.Exec(R"sql(
      INSERT INTO identities (kind, value, normalised) VALUES
        ('name', 'Margo Rose', 'Margo Rose'), ('name', 'margo rose', 'margo rose'),
        ('url', 'https://www.Margo.example/', 'https://www.Margo.example/'),
        ('url', 'http://margo.example', 'http://margo.example'),
        ('handle', 'HRMargo', 'hrmargo');
    )sql");
  }
  auto db = Must(store::OpenSqliteStore(path));
  BOOST_TEST(Must(db->Count()).identities == 3);
  RawDatabase raw(path);
  BOOST_TEST(raw.QueryInt("SELECT count(*) FROM identities WHERE kind = 'name'"
                          " AND normalised = 'margo rose' AND value = 'Margo Rose'") == 1);
  BOOST_TEST(raw.QueryInt("SELECT count(*) FROM identities WHERE kind = 'url'"
                          " AND normalised = 'margo.example'") == 1);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace linkgraph::store_test
