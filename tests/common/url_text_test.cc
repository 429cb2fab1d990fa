// The unified URL helpers against the copies they replace: on every URL of
// the table each new helper gives exactly what the old one gave its callers.
#include "common/url_text.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "crawler/crawler.h"
#include "parsers/urls.h"
#include "store/keys.h"

namespace linkgraph::common_test {
namespace {

// graph/graph_build.cc SiteRoot, as it was.
std::string OldGraphSiteRoot(const std::string& url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  const size_t path = url.find_first_of("/?#", scheme + 3);
  return (path == std::string::npos ? url : url.substr(0, path)) + "/";
}

// cli/crawl_command.cc HostOf, as it was.
std::string OldCliHostOf(const std::string& url) {
  if (!url.starts_with("http://") && !url.starts_with("https://")) return "";
  const size_t authority = url.find("://") + 3;
  return url.substr(0, url.find('/', authority));
}

const std::vector<std::string> kUrls = {
    "https://wendy.example/2009/12/post/",
    "HTTPS://Wendy.Example/Path/",
    "http://host.example:8080/a?b#c",
    "http://host.example:80/a",
    "https://host.example:443/",
    "http://host.example:443/",
    "https://host.example",
    "https://host.example?q=1",
    "https://host.example#f",
    "http://user:pw@Host.example:8080/a",
    "http://User@host.example/",
    "http://[::1]:8080/a",
    "http://[2001:DB8::1]/",
    "http://xn--caf-dma.example/",
    "http://caf\xC3\xA9.example/",
    "http://caf%C3%A9.example/",
    "http://host.example./a",
    "http://www.example.com/",
    "https://WWW.Example.com:8443/x",
    "file:///home/me/page.html",
    "file://localhost/home/me/a.html",
    "FILE:///x",
    "relative/page.html",
    "/abs/path",
    "//host.example/p",
    "",
    "://nothing",
    "http://",
    "http:///path",
    "http://exa mple.com/",
    " http://host.example/ ",
    "mailto:me@host.example",
    "ftp://Files.example/x",
    "http://a@b@c.example/",
    "http://host.example:/",
    "http://host.example:0080/",
    "http://HOST.example:8080",
    "http://127.0.0.1:8080/",
    "javascript:alert(1)",
    "http://host.example\\path",
    "https://a.wordpress.com/2020/x/",
};

}  // namespace

BOOST_AUTO_TEST_SUITE(url_text)

BOOST_AUTO_TEST_CASE(site_root_and_host_equal_the_store_keys) {
  for (const std::string& url : kUrls) {
    BOOST_TEST(SiteRootOf(url) == store::SiteRootOf(url), "SiteRootOf(\"" << url << "\")");
    BOOST_TEST(HostOfUrl(url) == store::HostOfUrl(url), "HostOfUrl(\"" << url << "\")");
  }
}

BOOST_AUTO_TEST_CASE(graph_site_root_as_written_equals_the_old_graph_copy) {
  for (const std::string& url : kUrls) {
    const std::string_view root = SchemeAndAuthority(url);
    const std::string as_written = root.empty() ? std::string() : std::string(root) + "/";
    BOOST_TEST(as_written == OldGraphSiteRoot(url), "\"" << url << "\"");
  }
}

BOOST_AUTO_TEST_CASE(robots_url_of_a_canonical_url_equals_the_old_cli_copy) {
  for (const std::string& url : kUrls) {
    const std::optional<std::string> canonical = crawler::CanonicalizeUrl(url);
    if (!canonical) continue;
    const std::string robots =
        IsHttpUrl(*canonical) ? SiteRootOf(*canonical) + "robots.txt" : "/robots.txt";
    BOOST_TEST(robots == OldCliHostOf(*canonical) + "/robots.txt", "\"" << *canonical << "\"");
  }
}

// Not replaced (see parsers/urls.h): printed to see where they differ.
BOOST_AUTO_TEST_CASE(parsers_copies_differ_from_the_store_rule) {
  for (const std::string& url : kUrls) {
    if (parsers::SiteRootOf(url) != SiteRootOf(url) || parsers::HostOf(url) != HostOfUrl(url)) {
      BOOST_TEST_MESSAGE("differs: \"" << url << "\" parsers " << parsers::SiteRootOf(url) << " "
                                       << parsers::HostOf(url) << " store " << SiteRootOf(url)
                                       << " " << HostOfUrl(url));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace linkgraph::common_test
