// The site, host and host-key rules URLs are compared and stored by, pinned
// on tricky URLs: the sites table is keyed by SiteRootOf and posts keep
// their NormalSiteRootOf, so a change here orphans existing stores. Each
// row holds what the helpers (and the copies they replaced) returned.
#include "common/url_text.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "crawler/crawler.h"
#include "parsers/urls.h"

namespace linkgraph::common_test {
namespace LINKGRAPH_FILE_SCOPE {

struct UrlRow {
  std::string url;
  std::string site_root;       // SiteRootOf: the sites table's key
  std::string host;            // HostOfUrl
  std::string crawl_host_key;  // crawler::HostKeyOf: politeness and --scope host
  std::string link_site_root;  // parsers::NormalSiteRootOf: Post.site_url
  std::string link_host;       // parsers::HostOfLink
};

BOOST_AUTO_TEST_SUITE(url_text)

BOOST_AUTO_TEST_CASE(site_roots_and_hosts_of_tricky_urls_stay_as_stored) {
  const std::vector<UrlRow> rows = {
      {"HTTPS://Wendy.Example/Path/", "https://wendy.example/", "wendy.example", "wendy.example",
       "https://wendy.example/", "wendy.example"},
      {"http://host.example:8080/a?b#c", "http://host.example:8080/", "host.example",
       "host.example:8080", "http://host.example:8080/", "host.example"},
      {"https://host.example:443/", "https://host.example:443/", "host.example", "host.example",
       "https://host.example/", "host.example"},
      {"http://host.example:443/", "http://host.example:443/", "host.example", "host.example:443",
       "http://host.example:443/", "host.example"},
      {"https://host.example?q=1", "https://host.example/", "host.example", "host.example",
       "https://host.example/", "host.example"},
      {"http://user:pw@Host.example:8080/a", "http://user:pw@host.example:8080/", "host.example",
       "host.example:8080", "http://host.example:8080/", "host.example"},
      {"http://[::1]:8080/a", "http://[::1]:8080/", "[::1]", "[::1]:8080", "http://::1:8080/",
       "::1"},
      {"http://[2001:DB8::1]/", "http://[2001:db8::1]/", "[2001:db8::1]", "[2001:db8::1]",
       "http://2001:db8::1/", "2001:db8::1"},
      {"http://xn--caf-dma.example/", "http://xn--caf-dma.example/", "xn--caf-dma.example",
       "xn--caf-dma.example", "http://xn--caf-dma.example/", "xn--caf-dma.example"},
      {"http://caf\xC3"
       "\xA9"
       ".example/",
       "http://caf\xC3"
       "\xA9"
       ".example/",
       "caf\xC3"
       "\xA9"
       ".example",
       "caf\xC3"
       "\xA9"
       ".example",
       "", ""},
      {"http://caf%C3%A9.example/", "http://caf%c3%a9.example/", "caf%c3%a9.example",
       "caf\xC3"
       "\xA9"
       ".example",
       "http://caf%c3%a9.example/", "caf%c3%a9.example"},
      {"http://host.example./a", "http://host.example./", "host.example.", "host.example.",
       "http://host.example./", "host.example."},
      {"https://WWW.Example.com:8443/x", "https://www.example.com:8443/", "www.example.com",
       "www.example.com:8443", "https://www.example.com:8443/", "www.example.com"},
      {"file:///home/me/page.html", "file:///", "", "", "", ""},
      {"file://localhost/home/me/a.html", "file://localhost/", "localhost", "", "file://localhost/",
       "localhost"},
      {"relative/page.html", "", "", "", "", ""},
      {"//host.example/p", "", "", "", "", "host.example"},
      {"", "", "", "", "", ""},
      {"://nothing", "", "", "", "", ""},
      {"http://", "http:///", "", "", "", ""},
      {"http://exa mple.com/", "http://exa mple.com/", "exa mple.com", "", "", ""},
      {" http://host.example/ ", " http://host.example/", "host.example", "host.example", "", ""},
      {"mailto:me@host.example", "", "", "", "", ""},
      {"ftp://Files.example/x", "ftp://files.example/", "files.example", "", "ftp://files.example/",
       "files.example"},
      {"http://a@b@c.example/", "http://a@b@c.example/", "c.example", "", "", ""},
      {"http://host.example:0080/", "http://host.example:0080/", "host.example", "host.example",
       "http://host.example:0080/", "host.example"},
      {"http://host.example\\path", "http://host.example\\path/", "host.example\\path", "", "", ""},
  };
  for (const UrlRow& row : rows) {
    BOOST_TEST(SiteRootOf(row.url) == row.site_root, "SiteRootOf(\"" << row.url << "\")");
    BOOST_TEST(HostOfUrl(row.url) == row.host, "HostOfUrl(\"" << row.url << "\")");
    BOOST_TEST(crawler::HostKeyOf(row.url) == row.crawl_host_key,
               "HostKeyOf(\"" << row.url << "\")");
    BOOST_TEST(parsers::NormalSiteRootOf(row.url) == row.link_site_root,
               "NormalSiteRootOf(\"" << row.url << "\")");
    BOOST_TEST(parsers::HostOfLink(row.url) == row.link_host, "HostOfLink(\"" << row.url << "\")");
  }
}

// The graph shows site anchors as written (graph_build.cc SiteRootAsWritten).
BOOST_AUTO_TEST_CASE(scheme_and_authority_keep_the_case_as_written) {
  BOOST_TEST(SchemeAndAuthority("HTTP://u@Host:8080/a?b") == "HTTP://u@Host:8080");
  BOOST_TEST(SchemeAndAuthority("http://caf%C3%A9.example#x") == "http://caf%C3%A9.example");
  BOOST_TEST(SchemeAndAuthority("://nothing") == "://nothing");
  BOOST_TEST(SchemeAndAuthority("relative/page.html") == "");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::common_test
