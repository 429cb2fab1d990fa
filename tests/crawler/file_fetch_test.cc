// The curl Fetcher on file:// URLs and on URLs it must refuse.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <string>

#include "crawler/crawler.h"
#include "tests/crawler/result_text.h"
#include "tests/support/test_paths.h"

namespace linkgraph::crawler {
namespace {

namespace data = boost::unit_test::data;
using linkgraph::testing::CodeNumber;
using linkgraph::testing::ErrorCodeOf;
using linkgraph::testing::ErrorText;
using linkgraph::testing::TempDir;

std::string WriteFile(const TempDir& dir, const std::string& name, const std::string& text) {
  const auto path = dir.path() / name;
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

struct ContentTypeCase {
  std::string name;
  std::string content_type;
};

std::ostream& operator<<(std::ostream& out, const ContentTypeCase& c) { return out << c.name; }

const ContentTypeCase kContentTypes[] = {
    {"post.html", "text/html"},
    {"old.HTM", "text/html"},
    {"feed.xml", "application/xml"},
    {"notes.txt", "text/plain"},
    {"photo.jpg", "application/octet-stream"},
    {"README", "application/octet-stream"},
};

BOOST_AUTO_TEST_SUITE(file_fetch)

BOOST_AUTO_TEST_CASE(file_url_returns_body_with_status_0_and_same_final_url) {
  TempDir dir;
  const std::string url = FileUrlFromPath(WriteFile(dir, "index.html", "<p>hello</p>"));
  const auto response = MakeCurlFetcher()->Fetch(url);
  BOOST_TEST_REQUIRE(response.ok(), ErrorText(response));
  BOOST_TEST(response->body == "<p>hello</p>");
  BOOST_TEST(response->http_status == 0);
  BOOST_TEST(response->requested_url == url);
  BOOST_TEST(response->final_url == url);
  BOOST_TEST(response->content_type == "text/html");
}

BOOST_DATA_TEST_CASE(content_type_is_guessed_from_file_extension, data::make(kContentTypes), c) {
  TempDir dir;
  const auto response = MakeCurlFetcher()->Fetch(FileUrlFromPath(WriteFile(dir, c.name, "x")));
  BOOST_TEST_REQUIRE(response.ok(), ErrorText(response));
  BOOST_TEST(response->content_type == c.content_type);
}

BOOST_AUTO_TEST_CASE(file_name_with_space_and_percent_is_read_through_its_url) {
  TempDir dir;
  const std::string url = FileUrlFromPath(WriteFile(dir, "my 100% post.html", "body"));
  BOOST_TEST(url.ends_with("/my%20100%25%20post.html"));
  const auto response = MakeCurlFetcher()->Fetch(url);
  BOOST_TEST_REQUIRE(response.ok(), ErrorText(response));
  BOOST_TEST(response->body == "body");
}

BOOST_AUTO_TEST_CASE(empty_file_is_an_empty_body) {
  TempDir dir;
  const auto response = MakeCurlFetcher()->Fetch(FileUrlFromPath(WriteFile(dir, "e.html", "")));
  BOOST_TEST_REQUIRE(response.ok(), ErrorText(response));
  BOOST_TEST(response->body.empty());
}

BOOST_AUTO_TEST_CASE(missing_file_is_not_found_with_path_in_message) {
  TempDir dir;
  const std::string path = (dir.path() / "gone.html").string();
  const auto response = MakeCurlFetcher()->Fetch(FileUrlFromPath(path));
  BOOST_TEST_REQUIRE(!response.ok());
  BOOST_TEST(ErrorCodeOf(response) == CodeNumber(ErrorCode::kNotFound));
  BOOST_TEST(ErrorText(response).find(path) != std::string::npos, ErrorText(response));
  BOOST_TEST(ErrorText(response).starts_with("fetch file://"), ErrorText(response));
}

BOOST_AUTO_TEST_CASE(directory_url_is_unsupported) {
  TempDir dir;
  const auto response = MakeCurlFetcher()->Fetch(FileUrlFromPath(dir.path().string()) + "/");
  BOOST_TEST_REQUIRE(!response.ok());
  BOOST_TEST(ErrorCodeOf(response) == CodeNumber(ErrorCode::kUnsupported));
}

BOOST_AUTO_TEST_CASE(file_over_max_body_bytes_is_too_large) {
  TempDir dir;
  const std::string url = FileUrlFromPath(WriteFile(dir, "big.html", std::string(5000, 'x')));
  FetchOptions options;
  options.max_body_bytes = 1000;
  const auto response = MakeCurlFetcher(options)->Fetch(url);
  BOOST_TEST_REQUIRE(!response.ok());
  BOOST_TEST(ErrorCodeOf(response) == CodeNumber(ErrorCode::kTooLarge));
  BOOST_TEST(ErrorText(response).find("max_body_bytes (1000 bytes)") != std::string::npos,
             ErrorText(response));
}

BOOST_AUTO_TEST_CASE(file_exactly_max_body_bytes_is_read) {
  TempDir dir;
  const std::string url = FileUrlFromPath(WriteFile(dir, "fits.html", std::string(1000, 'x')));
  FetchOptions options;
  options.max_body_bytes = 1000;
  const auto response = MakeCurlFetcher(options)->Fetch(url);
  BOOST_TEST_REQUIRE(response.ok(), ErrorText(response));
  BOOST_TEST(response->body.size() == 1000u);
}

BOOST_DATA_TEST_CASE(other_schemes_are_unsupported,
                     data::make({"ftp://127.0.0.1/a.html", "gopher://127.0.0.1/",
                                 "data:text/html,hi", "mailto:a@b.c", "javascript:alert(1)"}),
                     url) {
  const auto response = MakeCurlFetcher()->Fetch(url);
  BOOST_TEST_REQUIRE(!response.ok());
  BOOST_TEST(ErrorCodeOf(response) == CodeNumber(ErrorCode::kUnsupported));
  BOOST_TEST(ErrorText(response).starts_with(std::string("fetch ") + url));
}

BOOST_AUTO_TEST_CASE(relative_url_is_invalid_argument) {
  const auto response = MakeCurlFetcher()->Fetch("posts/a.html");
  BOOST_TEST_REQUIRE(!response.ok());
  BOOST_TEST(ErrorCodeOf(response) == CodeNumber(ErrorCode::kInvalidArgument));
}

BOOST_AUTO_TEST_CASE(file_url_naming_another_host_is_invalid_argument) {
  const auto response = MakeCurlFetcher()->Fetch("file://otherhost/etc/hostname");
  BOOST_TEST_REQUIRE(!response.ok());
  BOOST_TEST(ErrorCodeOf(response) == CodeNumber(ErrorCode::kInvalidArgument));
}

BOOST_AUTO_TEST_CASE(one_fetcher_serves_many_files_after_an_error) {
  TempDir dir;
  auto fetcher = MakeCurlFetcher();
  BOOST_TEST(!fetcher->Fetch(FileUrlFromPath((dir.path() / "none.html").string())).ok());
  for (int i = 0; i < 3; ++i) {
    const std::string body = "page " + std::to_string(i);
    const auto response =
        fetcher->Fetch(FileUrlFromPath(WriteFile(dir, std::to_string(i) + ".html", body)));
    BOOST_TEST_REQUIRE(response.ok(), ErrorText(response));
    BOOST_TEST(response->body == body);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace linkgraph::crawler
