// The crawler's one canonical URL form: a table of inputs and their canonical
// forms (or rejection), resolution of relative references, hostile input.
#include "crawler/canonical_url.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <optional>
#include <ostream>
#include <string>

namespace linkgraph::crawler {
namespace LINKGRAPH_FILE_SCOPE {

namespace data = boost::unit_test::data;

constexpr const char* kRejected = "<rejected>";

std::string Shown(const std::optional<std::string>& url) { return url ? *url : kRejected; }

struct CanonicalCase {
  std::string input;
  std::string expected;  // kRejected when the URL has no canonical form
};

std::ostream& operator<<(std::ostream& out, const CanonicalCase& c) { return out << c.input; }

const CanonicalCase kCanonicalForms[] = {
    // Scheme and host case.
    {"HTTP://Example.COM/Post", "http://example.com/Post"},
    {"HtTpS://WWW.Example.com/", "https://www.example.com/"},
    {"http://xn--bcher-KVA.Example/", "http://xn--bcher-kva.example/"},
    {"http://B\xC3\xBC"
     "cher.Example/a",
     "http://b\xC3\xBC"
     "cher.example/a"},
    {"http://%45xample.com/", "http://example.com/"},
    {"http://exa%2Fmple.com/", kRejected},
    {"http://[2001:DB8::1]:8080/a", "http://[2001:db8::1]:8080/a"},
    // Ports.
    {"http://example.com:80/a", "http://example.com/a"},
    {"https://example.com:443/a", "https://example.com/a"},
    {"http://example.com:443/a", "http://example.com:443/a"},
    {"https://example.com:80/a", "https://example.com:80/a"},
    {"http://example.com:8080/a", "http://example.com:8080/a"},
    {"http://example.com:0080/a", "http://example.com/a"},
    {"http://example.com:/a", "http://example.com/a"},
    {"http://example.com:99999/a", kRejected},
    // Paths.
    {"http://example.com", "http://example.com/"},
    {"http://example.com?p=1", "http://example.com/?p=1"},
    {"http://example.com/a/./b/../c", "http://example.com/a/c"},
    {"http://example.com/a/b/..", "http://example.com/a/"},
    {"http://example.com/../../a", "http://example.com/a"},
    {"http://example.com/a/%2E%2E/b", "http://example.com/b"},
    {"http://example.com/a//b/", "http://example.com/a//b/"},
    // Fragments.
    {"http://example.com/post#comment-5", "http://example.com/post"},
    {"http://example.com/#", "http://example.com/"},
    // Percent-encoding.
    {"http://example.com/%7euser/%2fx", "http://example.com/~user/%2Fx"},
    {"http://example.com/a%2db%5Fc%41", "http://example.com/a-b_cA"},
    {"http://example.com/caf%c3%a9", "http://example.com/caf%C3%A9"},
    {"http://example.com/caf\xC3\xA9", "http://example.com/caf%C3%A9"},
    {"http://example.com/100%", "http://example.com/100%25"},
    {"http://example.com/?q=a%2bb", "http://example.com/?q=a%2Bb"},
    // Dropped parameters, the others kept in order.
    {"http://example.com/post/?replytocom=12#respond", "http://example.com/post/"},
    {"http://example.com/?p=7&replytocom=12", "http://example.com/?p=7"},
    {"http://example.com/?ReplyToCom=1&p=7", "http://example.com/?p=7"},
    {"http://example.com/?p=12&cpage=2", "http://example.com/?p=12&cpage=2"},
    {"http://example.com/?cpage=2&p=12", "http://example.com/?cpage=2&p=12"},
    {"http://example.com/a?utm_source=x&utm_medium=y&UTM_Campaign=z", "http://example.com/a"},
    {"http://example.com/a?utm_custom=1&b=2", "http://example.com/a?b=2"},
    {"http://example.com/a?utm=1", "http://example.com/a?utm=1"},
    {"http://example.com/a?utm%5Fsource=1", "http://example.com/a"},
    {"http://example.com/?PHPSESSID=ab12&p=3", "http://example.com/?p=3"},
    {"http://example.com/?p=3&jsessionid=1&sid=2&sessionid=3&session_id=4",
     "http://example.com/?p=3"},
    {"http://example.com/?ASPSESSIONIDQQGGQ=x&CFID=1&cftoken=2&id=9", "http://example.com/?id=9"},
    {"http://example.com/?side=1&sids=2", "http://example.com/?side=1&sids=2"},
    {"http://example.com/?notreplytocom=1", "http://example.com/?notreplytocom=1"},
    {"http://example.com/?", "http://example.com/"},
    {"http://example.com/?&&", "http://example.com/"},
    {"http://example.com/?a=1&&b=2", "http://example.com/?a=1&b=2"},
    {"http://example.com/?utm_source=x", "http://example.com/"},
    {"http://example.com/post;jsessionid=AB12?p=1", "http://example.com/post?p=1"},
    {"http://example.com/post;JSESSIONID=AB12;v=2", "http://example.com/post;v=2"},
    {"http://example.com/dir;jsessionid=1/post", "http://example.com/dir/post"},
    // User-info dropped.
    {"http://user:secret@example.com/a", "http://example.com/a"},
    {"https://user@Example.com:443/", "https://example.com/"},
    // file URLs.
    {"file:///site/blog/../a.html", "file:///site/a.html"},
    {"FILE:///site/./my%20post.html", "file:///site/my%20post.html"},
    {"file://localhost/site/a.html", "file:///site/a.html"},
    {"file:/site/a.html", "file:///site/a.html"},
    {"file:///site/a.html?x=1#top", "file:///site/a.html"},
    {"file:///site/", "file:///site/"},
    {"file://otherhost/a.html", kRejected},
    {"file:///a/%00.html", kRejected},
    {"file://", kRejected},
    // Not absolute http(s)/file URLs.
    {"/relative/path", kRejected},
    {"relative", kRejected},
    {"//example.com/protocol-relative", kRejected},
    {"ftp://example.com/file", kRejected},
    {"javascript:alert(1)", kRejected},
    {"mailto:x@y", kRejected},
    {"data:text/html,hi", kRejected},
    {"http://", kRejected},
    {"http:///no-host", kRejected},
    {"http://example.com:port/", kRejected},
    {"http:example.com/a", kRejected},
    {"", kRejected},
};

struct ResolveCase {
  std::string base;
  std::string reference;
  std::string expected;  // kRejected when there is no canonical result
};

std::ostream& operator<<(std::ostream& out, const ResolveCase& c) {
  return out << c.base << " + " << c.reference;
}

const ResolveCase kResolved[] = {
    {"http://example.com/a/b/c", "../d", "http://example.com/a/d"},
    {"http://example.com/a/b/", "../d", "http://example.com/a/d"},
    {"http://example.com/a/b/c", "d", "http://example.com/a/b/d"},
    {"http://example.com/a/b/", "d", "http://example.com/a/b/d"},
    {"http://example.com", "d", "http://example.com/d"},
    {"http://example.com/a/b", "?q=1", "http://example.com/a/b?q=1"},
    {"http://example.com/a/b/", "?q=1", "http://example.com/a/b/?q=1"},
    {"http://example.com/a/b?old=1", "?utm_source=x", "http://example.com/a/b"},
    {"http://example.com/a/b", "#f", "http://example.com/a/b"},
    {"http://example.com/a/b?p=2#x", "#f", "http://example.com/a/b?p=2"},
    {"https://example.com/a/b", "//Other.Example/p", "https://other.example/p"},
    {"http://example.com/a/b/", "//other.example:80/p/../q", "http://other.example/q"},
    {"http://example.com/a/b", "/abs", "http://example.com/abs"},
    {"http://example.com/a/b/", "/abs/./x?replytocom=3", "http://example.com/abs/x"},
    {"http://example.com/a/b", "", "http://example.com/a/b"},
    {"http://example.com/a/b", "../../../../x", "http://example.com/x"},
    {"http://example.com/a/", "my post.html", "http://example.com/a/my%20post.html"},
    // An IRI as pages write it: its UTF-8 bytes percent-encoded, as browsers send it.
    {"http://forum.example/", "member.php/15870-Mj\xC3\xB6lnir",
     "http://forum.example/member.php/15870-Mj%C3%B6lnir"},
    {"HTTP://Example.com:80/a/", "HTTPS://B.example/x", "https://b.example/x"},
    {"file:///site/blog/index.html", "../about.html", "file:///site/about.html"},
    {"file:///site/blog/", "post.html", "file:///site/blog/post.html"},
    {"http://example.com/a/", "javascript:alert(1)", kRejected},
    {"http://example.com/a/", "mailto:x@y", kRejected},
    {"/relative/base/", "a", kRejected},
    {"", "a", kRejected},
    {"http://example.com/a/", "http://", kRejected},
    {"http://example.com/a/",
     "a\x01"
     "b",
     kRejected},
};

BOOST_AUTO_TEST_SUITE(canonical_url)

BOOST_DATA_TEST_CASE(url_has_its_canonical_form_or_is_rejected, data::make(kCanonicalForms), c) {
  BOOST_TEST(Shown(CanonicalUrl(c.input)) == c.expected);
}

BOOST_DATA_TEST_CASE(canonical_form_is_a_fixed_point, data::make(kCanonicalForms), c) {
  const auto once = CanonicalUrl(c.input);
  if (once) BOOST_TEST(Shown(CanonicalUrl(*once)) == *once);
}

BOOST_DATA_TEST_CASE(reference_resolves_against_base_then_is_canonical, data::make(kResolved), c) {
  BOOST_TEST(Shown(ResolveAndCanonicalise(c.base, c.reference)) == c.expected);
}

BOOST_AUTO_TEST_CASE(surrounding_whitespace_is_ignored_inner_spaces_escaped) {
  BOOST_TEST(Shown(CanonicalUrl("  http://example.com/spaced\n")) == "http://example.com/spaced");
  BOOST_TEST(Shown(CanonicalUrl("http://example.com/a b?q=c d")) ==
             "http://example.com/a%20b?q=c%20d");
  BOOST_TEST(Shown(CanonicalUrl("http://exa mple.com/")) == kRejected);
  BOOST_TEST(Shown(CanonicalUrl("not a url")) == kRejected);
}

BOOST_AUTO_TEST_CASE(control_characters_inside_are_rejected) {
  BOOST_TEST(Shown(CanonicalUrl("http://example.com/a\tb")) == kRejected);
  BOOST_TEST(Shown(CanonicalUrl("http://example.com/a\nb")) == kRejected);
  BOOST_TEST(Shown(CanonicalUrl(std::string("http://example.com/a\0b", 22))) == kRejected);
  BOOST_TEST(Shown(CanonicalUrl("http://example.com/a\x7F")) == kRejected);
  BOOST_TEST(Shown(CanonicalUrl("http://exa\x1Bmple.com/")) == kRejected);
}

BOOST_AUTO_TEST_CASE(overlong_urls_are_rejected) {
  const std::string prefix = "http://example.com/";
  BOOST_TEST(Shown(CanonicalUrl(prefix + std::string(10000, 'a'))) == kRejected);
  const std::string at_cap = prefix + std::string(kMaxCanonicalUrlLength - prefix.size(), 'a');
  BOOST_TEST(Shown(CanonicalUrl(at_cap)) == at_cap);
  // Escaping may grow a URL past the cap after the input passed it.
  BOOST_TEST(Shown(CanonicalUrl(prefix + std::string(2000, ' ') + "x")) == kRejected);
  BOOST_TEST(Shown(ResolveAndCanonicalise(prefix, std::string(10000, 'a'))) == kRejected);
  BOOST_TEST(Shown(ResolveAndCanonicalise(prefix + std::string(10000, 'a'), "b")) == kRejected);
}

BOOST_AUTO_TEST_CASE(garbage_never_crashes) {
  const std::string inputs[] = {
      "http://[",    "http://[::1", "http://]/", "http://@/",     "http://:80",
      "http://a:b@", "%",           "%%%%",      "http://%",      "http://a/%zz",
      "http://a/[",  "::::",        "?#?#",      "http://a/b#c#d"};
  for (const std::string& input : inputs) {
    (void)CanonicalUrl(input);
    (void)ResolveAndCanonicalise("http://example.com/", input);
    (void)ResolveAndCanonicalise(input, "a");
  }
  BOOST_TEST(Shown(CanonicalUrl("http://a/%zz")) == "http://a/%25zz");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::crawler
