// The replies report's rows per reply: each threaded reply against the
// comment it answers, with the latency in hours, in JSON and CSV.
#include <boost/test/unit_test.hpp>
#include <set>

#include "tests/reports/report_fixtures.h"

namespace linkgraph::reports_test {
namespace LINKGRAPH_FILE_SCOPE {

constexpr char kPost[] = "https://wendy.example/2009/12/06/post/";

nlohmann::json Replies(store::Store& db) { return WrittenJson(&RepliesByReply, db)["replies"]; }

std::vector<std::string> RepliesCsv(store::Store& db) {
  return CsvLines(Written(&RepliesByReply, db, Format::kCsv));
}

BOOST_AUTO_TEST_SUITE(replies_report)

BOOST_AUTO_TEST_CASE(json_rows_have_exactly_the_five_documented_keys) {
  auto db = OpenMemoryStore();
  Save(*db, {PageBuilder(kPost)
                 .AddComment("comment-1", "Margo Rose", "2009-12-06T22:10:00")
                 .AddComment("comment-2", "Wendy", "2009-12-10T21:50:00", "comment-1")});
  nlohmann::json replies = Replies(*db);
  BOOST_REQUIRE(replies.is_array());
  BOOST_REQUIRE(replies.size() == 1u);
  std::set<std::string> keys;
  for (const auto& item : replies[0].items()) keys.insert(item.key());
  const std::set<std::string> expected = {"replier", "replied_to", "comment_url", "reply_url",
                                          "latency_hours"};
  BOOST_TEST((keys == expected));
  BOOST_TEST(replies[0]["replier"].get<std::string>() == "Wendy");
  BOOST_TEST(replies[0]["replied_to"].get<std::string>() == "Margo Rose");
  BOOST_TEST(replies[0]["comment_url"].get<std::string>() == std::string(kPost) + "#comment-1");
  BOOST_TEST(replies[0]["reply_url"].get<std::string>() == std::string(kPost) + "#comment-2");
  // 3 d 23 h 40 min, as in the sample blog.
  BOOST_TEST(replies[0]["latency_hours"].get<double>() == 95.67,
             boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(latency_counts_hours_between_time_zones) {
  auto db = OpenMemoryStore();
  // 22:10 at +01:00 is 21:10 UTC; the reply at 09:10 UTC is 12 hours later,
  // not 11. 22:10 at -05:00 is 03:10 UTC the next day; 04:40 UTC is 1.5 h on.
  Save(*db, {PageBuilder(kPost)
                 .AddComment("comment-1", "Margo", "2009-12-06T22:10:00+01:00")
                 .AddComment("comment-2", "Wendy", "2009-12-07T09:10:00Z", "comment-1")
                 .AddComment("comment-3", "Dave", "2009-12-06T22:10:00-05:00")
                 .AddComment("comment-4", "Wendy", "2009-12-07T04:40:00+00:00", "comment-3")});
  nlohmann::json replies = Replies(*db);
  BOOST_REQUIRE(replies.size() == 2u);
  BOOST_TEST(replies[0]["replied_to"].get<std::string>() == "Margo");
  BOOST_TEST(replies[0]["latency_hours"].get<double>() == 12.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(replies[1]["replied_to"].get<std::string>() == "Dave");
  BOOST_TEST(replies[1]["latency_hours"].get<double>() == 1.5, boost::test_tools::tolerance(1e-9));

  std::vector<std::string> csv = RepliesCsv(*db);
  BOOST_REQUIRE(csv.size() == 3u);
  BOOST_TEST(csv[0] == "replier,replied_to,latency_hours,comment_url,reply_url");
  BOOST_TEST(csv[1] ==
             "Wendy,Margo,12.0," + std::string(kPost) + "#comment-1," + kPost + "#comment-2");
  BOOST_TEST(csv[2].find(",1.5,") != std::string::npos, csv[2]);
}

BOOST_AUTO_TEST_CASE(unknown_date_gives_null_latency_in_json_and_empty_cell_in_csv) {
  auto db = OpenMemoryStore();
  Save(*db, {PageBuilder(kPost)
                 .AddComment("comment-1", "Margo", "2009-12-06T22:10:00")
                 .AddComment("comment-2", "Wendy", "", "comment-1")
                 .AddComment("comment-3", "Dave", "2009-12-07")  // a date without a time
                 .AddComment("comment-4", "Wendy", "2009-12-08T10:00:00", "comment-3")});
  nlohmann::json replies = Replies(*db);
  BOOST_REQUIRE(replies.size() == 2u);
  for (const auto& reply : replies) {
    BOOST_REQUIRE(reply.contains("latency_hours"));
    BOOST_TEST(reply["latency_hours"].is_null(), reply);
  }
  std::vector<std::string> csv = RepliesCsv(*db);
  BOOST_REQUIRE(csv.size() == 3u);
  BOOST_TEST(csv[1] == "Wendy,Margo,," + std::string(kPost) + "#comment-1," + kPost + "#comment-2");
  BOOST_TEST(csv[2] == "Wendy,Dave,," + std::string(kPost) + "#comment-3," + kPost + "#comment-4");
}

BOOST_AUTO_TEST_CASE(reply_whose_parent_is_missing_is_left_out) {
  auto db = OpenMemoryStore();
  Save(*db, {PageBuilder(kPost)
                 .AddComment("comment-1", "Margo", "2009-12-06T22:10:00")
                 .AddComment("comment-2", "Wendy", "2009-12-07T22:10:00", "comment-1")
                 .AddComment("comment-3", "Wendy", "2009-12-08T22:10:00", "comment-99")});
  nlohmann::json replies = Replies(*db);
  BOOST_REQUIRE(replies.size() == 1u);
  BOOST_TEST(replies[0]["reply_url"].get<std::string>() == std::string(kPost) + "#comment-2");
  BOOST_TEST(RepliesCsv(*db).size() == 2u);
}

BOOST_AUTO_TEST_CASE(parent_id_is_looked_up_within_the_replys_own_post) {
  auto db = OpenMemoryStore();
  const std::string other = "https://wendy.example/2010/01/02/other/";
  // comment-1 exists, but on the other post: the reply's parent is missing.
  Save(*db,
       {PageBuilder(other).AddComment("comment-1", "Margo", "2010-01-02T10:00:00"),
        PageBuilder(kPost).AddComment("comment-2", "Wendy", "2009-12-07T10:00:00", "comment-1")});
  BOOST_TEST(Replies(*db).empty());
}

BOOST_AUTO_TEST_CASE(store_without_replies_gives_empty_array_and_header_only_csv) {
  auto db = OpenMemoryStore();
  Save(*db, {PageBuilder(kPost).AddComment("comment-1", "Margo", "2009-12-06T22:10:00")});
  nlohmann::json replies = Replies(*db);
  BOOST_TEST(replies.is_array());
  BOOST_TEST(replies.empty());
  BOOST_TEST(RepliesCsv(*db).size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::reports_test
