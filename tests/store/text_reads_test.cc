// Kept text readings (Store::TextReads, KeepTextReads): added and replaced by
// source URL, dropped by source URL, kept across reopening, any bytes in a
// payload; a store that may not write refuses with a message.
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "store/store.h"
#include "tests/store/store_fixtures.h"
#include "tests/support/test_paths.h"

namespace linkgraph::store_test {
namespace LINKGRAPH_FILE_SCOPE {

using linkgraph::testing::TempDir;

std::vector<std::string> Urls(const std::vector<store::TextRead>& reads) {
  std::vector<std::string> urls;
  for (const store::TextRead& read : reads) urls.push_back(read.source_url);
  return urls;
}

BOOST_AUTO_TEST_SUITE(text_reads)

BOOST_AUTO_TEST_CASE(reads_are_added_replaced_and_dropped_by_source_url_and_survive_reopening) {
  TempDir dir;
  const std::string path = (dir.path() / "linkgraph.db").string();
  const std::string binary("2:en\0\n:x", 8);
  {
    auto db = Must(store::OpenSqliteStore(path));
    MustOk(db->KeepTextReads({{"https://a.example/p/", "f1", "one"},
                              {"https://a.example/p/#c1", "f2", binary},
                              {"https://b.example/q/", "f3", "three"}},
                             {}));
    MustOk(db->KeepTextReads({{"https://a.example/p/", "f4", "four"}}, {"https://b.example/q/"}));
  }
  auto db = Must(store::OpenSqliteStore(path));
  const std::vector<store::TextRead> reads = Must(db->TextReads());
  const std::vector<std::string> urls = {"https://a.example/p/", "https://a.example/p/#c1"};
  BOOST_TEST(Urls(reads) == urls, boost::test_tools::per_element());
  BOOST_TEST(reads[0].fingerprint == "f4");
  BOOST_TEST(reads[0].payload == "four");
  BOOST_TEST(reads[1].payload == binary);
}

BOOST_AUTO_TEST_CASE(a_read_only_store_refuses_to_keep_reads_and_keeps_what_it_had) {
  TempDir dir;
  const std::string path = (dir.path() / "linkgraph.db").string();
  {
    MustOk(Must(store::OpenSqliteStore(path))
               ->KeepTextReads({{"https://a.example/p/", "f1", "one"}}, {}));
  }
  store::OpenOptions options;
  options.access = store::Access::kReadOnly;
  auto db = Must(store::OpenSqliteStore(path, options));
  Status kept =
      db->KeepTextReads({{"https://a.example/q/", "f2", "two"}}, {"https://a.example/p/"});
  BOOST_REQUIRE(!kept.ok());
  BOOST_TEST(kept.error().message.find("https://a.example/q/") != std::string::npos,
             kept.error().message);
  BOOST_TEST(Urls(Must(db->TextReads())) == std::vector<std::string>{"https://a.example/p/"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::store_test
