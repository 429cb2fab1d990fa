// The FetchScheduler on file:// URLs (no robots.txt, no host to be polite
// to) and on URLs it refuses before any transfer starts.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include "crawler/crawler.h"
#include "tests/support/test_paths.h"

namespace linkgraph::crawler {

// Defined in fetch_scheduler_test.cc, part of the same test program.
std::ostream& operator<<(std::ostream& out, FetchOutcome outcome);

namespace LINKGRAPH_FILE_SCOPE {

namespace data = boost::unit_test::data;
using linkgraph::testing::TempDir;

std::string WriteFile(const TempDir& dir, const std::string& name, const std::string& text) {
  const auto path = dir.path() / name;
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

FetchRequest FileRequest(const std::string& url, ContentKind accept = ContentKind::kHtml) {
  FetchRequest request;
  request.url = url;
  request.accept = accept;
  return request;
}

// Every request through one scheduler; the results in the order given.
std::vector<FetchResult> FetchAll(std::vector<FetchRequest> requests,
                                  const SchedulerOptions& options = {}) {
  FetchScheduler scheduler(options);
  for (size_t i = 0; i < requests.size(); ++i) {
    requests[i].tag = i;
    scheduler.Add(std::move(requests[i]));
  }
  std::vector<FetchResult> results;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (scheduler.Waiting() > 0 && std::chrono::steady_clock::now() < deadline) {
    for (FetchResult& result : scheduler.Poll(std::chrono::milliseconds(200))) {
      results.push_back(std::move(result));
    }
  }
  std::sort(results.begin(), results.end(), [](const FetchResult& a, const FetchResult& b) {
    return a.request.tag < b.request.tag;
  });
  return results;
}

FetchResult FetchOne(FetchRequest request, const SchedulerOptions& options = {}) {
  std::vector<FetchResult> results = FetchAll({std::move(request)}, options);
  BOOST_REQUIRE_EQUAL(results.size(), 1u);
  return std::move(results[0]);
}

SchedulerOptions WithBodyCap(long long max_body_bytes) {
  SchedulerOptions options;
  options.fetch.max_body_bytes = max_body_bytes;
  return options;
}

struct AcceptedType {
  std::string name;
  ContentKind accept;
  std::string content_type;
};

std::ostream& operator<<(std::ostream& out, const AcceptedType& c) { return out << c.name; }

const AcceptedType kAcceptedTypes[] = {
    {"post.html", ContentKind::kHtml, "text/html"},
    {"old.HTM", ContentKind::kHtml, "text/html"},
    {"feed.xml", ContentKind::kXml, "application/xml"},
    {"notes.txt", ContentKind::kXml, "text/plain"},
    {"comments.json", ContentKind::kJson, "application/json"},
};

struct RefusedType {
  std::string name;
  std::string content_type;
};

std::ostream& operator<<(std::ostream& out, const RefusedType& c) { return out << c.name; }

const RefusedType kRefusedForHtml[] = {
    {"photo.jpg", "application/octet-stream"},
    {"README", "application/octet-stream"},
    {"feed.xml", "application/xml"},
};

BOOST_AUTO_TEST_SUITE(scheduler_files)

BOOST_AUTO_TEST_CASE(a_file_url_is_read_with_status_0_under_its_own_url) {
  TempDir dir;
  const std::string url = FileUrlFromPath(WriteFile(dir, "index.html", "<p>hello</p>"));
  const FetchResult result = FetchOne(FileRequest(url));
  BOOST_TEST(result.outcome == FetchOutcome::kOk, result.error);
  BOOST_TEST(result.response.body == "<p>hello</p>");
  BOOST_TEST(result.response.http_status == 0);
  BOOST_TEST(result.response.requested_url == url);
  BOOST_TEST(result.response.content_type == "text/html");
  BOOST_TEST(result.attempts == 1);
}

BOOST_DATA_TEST_CASE(the_content_type_of_a_file_is_guessed_from_its_extension,
                     data::make(kAcceptedTypes), c) {
  TempDir dir;
  const FetchResult result =
      FetchOne(FileRequest(FileUrlFromPath(WriteFile(dir, c.name, "x")), c.accept));
  BOOST_TEST(result.outcome == FetchOutcome::kOk, result.error);
  BOOST_TEST(result.response.content_type == c.content_type);
}

BOOST_DATA_TEST_CASE(a_file_of_a_type_the_request_does_not_accept_is_refused_with_its_type,
                     data::make(kRefusedForHtml), c) {
  TempDir dir;
  const FetchResult result = FetchOne(FileRequest(FileUrlFromPath(WriteFile(dir, c.name, "x"))));
  BOOST_TEST(result.outcome == FetchOutcome::kWrongType);
  BOOST_TEST(result.error == "content type " + c.content_type);
  BOOST_TEST(result.response.body.empty());
}

BOOST_AUTO_TEST_CASE(a_file_name_with_space_and_percent_is_read_through_its_url) {
  TempDir dir;
  const std::string url = FileUrlFromPath(WriteFile(dir, "my 100% post.html", "body"));
  BOOST_TEST(url.ends_with("/my%20100%25%20post.html"));
  const FetchResult result = FetchOne(FileRequest(url));
  BOOST_TEST(result.outcome == FetchOutcome::kOk, result.error);
  BOOST_TEST(result.response.body == "body");
}

BOOST_AUTO_TEST_CASE(an_empty_file_is_an_empty_body) {
  TempDir dir;
  const FetchResult result = FetchOne(FileRequest(FileUrlFromPath(WriteFile(dir, "e.html", ""))));
  BOOST_TEST(result.outcome == FetchOutcome::kOk, result.error);
  BOOST_TEST(result.response.body.empty());
}

BOOST_AUTO_TEST_CASE(a_missing_file_is_refused_with_its_path_without_a_transfer) {
  TempDir dir;
  const std::string path = (dir.path() / "gone.html").string();
  const FetchResult result = FetchOne(FileRequest(FileUrlFromPath(path)));
  BOOST_TEST(result.outcome == FetchOutcome::kNetworkError);
  BOOST_TEST(result.error == "no such file " + path);
  BOOST_TEST(result.attempts == 0);
}

BOOST_AUTO_TEST_CASE(a_directory_url_is_refused) {
  TempDir dir;
  const FetchResult result = FetchOne(FileRequest(FileUrlFromPath(dir.path().string()) + "/"));
  BOOST_TEST(result.outcome == FetchOutcome::kNetworkError);
  BOOST_TEST(result.error.ends_with(" is a directory"), result.error);
  BOOST_TEST(result.attempts == 0);
}

BOOST_AUTO_TEST_CASE(a_file_over_the_cap_is_too_large) {
  TempDir dir;
  const std::string url = FileUrlFromPath(WriteFile(dir, "big.html", std::string(5000, 'x')));
  const FetchResult result = FetchOne(FileRequest(url), WithBodyCap(1000));
  BOOST_TEST(result.outcome == FetchOutcome::kTooLarge);
  BOOST_TEST(result.error == "body larger than 1000 bytes");
  BOOST_TEST(result.response.body.empty());
}

BOOST_AUTO_TEST_CASE(a_file_of_exactly_the_cap_is_read) {
  TempDir dir;
  const std::string url = FileUrlFromPath(WriteFile(dir, "fits.html", std::string(1000, 'x')));
  const FetchResult result = FetchOne(FileRequest(url), WithBodyCap(1000));
  BOOST_TEST(result.outcome == FetchOutcome::kOk, result.error);
  BOOST_TEST(result.response.body.size() == 1000u);
}

BOOST_DATA_TEST_CASE(urls_of_other_schemes_are_refused_without_a_transfer,
                     data::make({"ftp://127.0.0.1/a.html", "gopher://127.0.0.1/",
                                 "data:text/html,hi", "mailto:a@b.c", "javascript:alert(1)"}),
                     url) {
  const FetchResult result = FetchOne(FileRequest(url));
  BOOST_TEST(result.outcome == FetchOutcome::kNetworkError);
  BOOST_TEST(result.error.starts_with("unsupported scheme"), result.error);
  BOOST_TEST(result.attempts == 0);
}

BOOST_AUTO_TEST_CASE(a_relative_url_is_refused_without_a_transfer) {
  const FetchResult result = FetchOne(FileRequest("posts/a.html"));
  BOOST_TEST(result.outcome == FetchOutcome::kNetworkError);
  BOOST_TEST(result.attempts == 0);
}

BOOST_AUTO_TEST_CASE(a_file_url_naming_another_host_is_refused_unread) {
  const FetchResult result = FetchOne(FileRequest("file://otherhost/etc/hostname"));
  BOOST_TEST(result.outcome == FetchOutcome::kNetworkError);
  BOOST_TEST(result.error == "not a local file URL");
  BOOST_TEST(result.response.body.empty());
  BOOST_TEST(result.attempts == 0);
}

BOOST_AUTO_TEST_CASE(one_scheduler_reads_many_files_after_a_missing_one) {
  TempDir dir;
  std::vector<FetchRequest> requests = {
      FileRequest(FileUrlFromPath((dir.path() / "none.html").string()))};
  for (int i = 0; i < 3; ++i) {
    const std::string name = std::to_string(i) + ".html";
    const std::string path = WriteFile(dir, name, "page " + std::to_string(i));
    requests.push_back(FileRequest(FileUrlFromPath(path)));
  }
  const std::vector<FetchResult> results = FetchAll(requests);
  BOOST_REQUIRE_EQUAL(results.size(), 4u);
  BOOST_TEST(results[0].outcome == FetchOutcome::kNetworkError);
  for (int i = 0; i < 3; ++i) {
    BOOST_TEST(results[i + 1].outcome == FetchOutcome::kOk, results[i + 1].error);
    BOOST_TEST(results[i + 1].response.body == "page " + std::to_string(i));
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::crawler
