// Text that is not valid UTF-8 in the store (another writer, an older
// version, a parser bug) must not stop a report: JSON output replaces the bad
// bytes, as the export does, instead of throwing.
#include <boost/test/unit_test.hpp>
#include <exception>

#include "tests/reports/report_fixtures.h"

namespace linkgraph::reports_test {
namespace LINKGRAPH_FILE_SCOPE {

constexpr char kPost[] = "https://wendy.example/2009/12/06/post/";
const std::string kBadName = "Ren\xE9 \xFF";  // Latin-1 bytes, not UTF-8

store::Store& StoreWithBadName(std::unique_ptr<store::Store>& db) {
  db = OpenMemoryStore();
  Save(*db, {PageBuilder(kPost)
                 .AddComment("comment-1", kBadName, "2009-12-06T22:10:00")
                 .AddComment("comment-2", "Wendy", "2009-12-07T22:10:00", "comment-1")
                 .AddMention("LaraNewman", MentionPlace::kComment, kBadName, "comment-1")
                 .AddTrackback("https://elsewhere.example/", LinkbackKind::kTrackback, kBadName)});
  return *db;
}

// Written as JSON without an exception, and parsable.
void CheckJson(Writer writer) {
  std::unique_ptr<store::Store> db;
  store::Store& store = StoreWithBadName(db);
  std::ostringstream out;
  try {
    Status status = writer(store, Format::kJson, out);
    BOOST_TEST(status.ok());
  } catch (const std::exception& error) {
    BOOST_ERROR("the report threw: " << error.what());
    return;
  }
  nlohmann::json parsed = nlohmann::json::parse(out.str(), nullptr, /*allow_exceptions=*/false);
  BOOST_TEST(!parsed.is_discarded(), "not JSON: " << out.str());
}

BOOST_AUTO_TEST_SUITE(invalid_utf8)

BOOST_AUTO_TEST_CASE(export_replaces_invalid_utf8) {
  std::unique_ptr<store::Store> db;
  store::Store& store = StoreWithBadName(db);
  std::ostringstream out;
  BOOST_REQUIRE(reports::WriteJsonExport(store, out).ok());
  nlohmann::json exported = nlohmann::json::parse(out.str());
  BOOST_TEST(exported["comments"][0]["author"].get<std::string>() == "Ren\uFFFD \uFFFD");
}

BOOST_AUTO_TEST_CASE(replies_json_replaces_invalid_utf8_instead_of_throwing) {
  CheckJson(&RepliesByReply);
}

BOOST_AUTO_TEST_CASE(mentions_json_replaces_invalid_utf8_instead_of_throwing) {
  CheckJson(&reports::WriteMentions);
}

BOOST_AUTO_TEST_CASE(links_json_replaces_invalid_utf8_instead_of_throwing) {
  CheckJson(&reports::WriteLinks);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::reports_test
