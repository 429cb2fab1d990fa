// Which addresses the crawler refuses to connect to by default.
#include "crawler/address_guard.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <cstring>
#include <string>

namespace linkgraph::crawler {
namespace LINKGRAPH_FILE_SCOPE {

namespace data = boost::unit_test::data;

struct AddressCase {
  std::string address;
  bool is_private;
};

std::ostream& operator<<(std::ostream& out, const AddressCase& c) { return out << c.address; }

bool IsPrivateText(const std::string& text) {
  sockaddr_storage storage{};
  if (text.find(':') != std::string::npos) {
    auto* v6 = reinterpret_cast<sockaddr_in6*>(&storage);
    v6->sin6_family = AF_INET6;
    if (inet_pton(AF_INET6, text.c_str(), &v6->sin6_addr) != 1) throw std::runtime_error(text);
  } else {
    auto* v4 = reinterpret_cast<sockaddr_in*>(&storage);
    v4->sin_family = AF_INET;
    if (inet_pton(AF_INET, text.c_str(), &v4->sin_addr) != 1) throw std::runtime_error(text);
  }
  return IsPrivateAddress(reinterpret_cast<const sockaddr*>(&storage));
}

const AddressCase kCases[] = {
    {"127.0.0.1", true},       {"127.255.0.9", true},     {"10.1.2.3", true},
    {"172.16.0.1", true},      {"172.31.255.255", true},  {"192.168.1.1", true},
    {"169.254.169.254", true}, {"100.64.0.1", true},      {"0.0.0.0", true},
    {"224.0.0.1", true},       {"255.255.255.255", true}, {"::1", true},
    {"::", true},              {"fe80::1", true},         {"fd00::1", true},
    {"::ffff:127.0.0.1", true}, {"::ffff:10.0.0.1", true}, {"ff02::1", true},
    {"8.8.8.8", false},        {"172.32.0.1", false},     {"192.169.0.1", false},
    {"100.128.0.1", false},    {"93.184.216.34", false},  {"2606:4700::1111", false},
    {"::ffff:8.8.8.8", false},
};

// IPv6 ranges that carry an IPv4 address or are special-use: the embedded
// IPv4 address decides where there is one.
const AddressCase kEmbeddedAndSpecialCases[] = {
    // NAT64 well-known prefix 64:ff9b::/96: the last 32 bits are the IPv4.
    {"64:ff9b::7f00:1", true},           // 127.0.0.1
    {"64:ff9b::a9fe:a9fe", true},        // 169.254.169.254 (cloud metadata)
    {"64:ff9b::c0a8:101", true},         // 192.168.1.1
    {"64:ff9b::808:808", false},         // 8.8.8.8
    // NAT64 local-use prefix 64:ff9b:1::/48: a network's own translator.
    {"64:ff9b:1::808:808", true},
    {"64:ff9b:1:ffff::1", true},
    // 6to4 2002::/16: bits 16..47 are the IPv4.
    {"2002:7f00:1::", true},             // 127.0.0.1
    {"2002:a00:1::1", true},             // 10.0.0.1
    {"2002:a9fe:a9fe::1", true},         // 169.254.169.254
    {"2002:808:808::1", false},          // 8.8.8.8
    // Teredo 2001::/32: the client's IPv4 is the last 32 bits, inverted.
    {"2001:0:4136:e378:8000:63bf:80ff:fffe", true},   // client 127.0.0.1
    {"2001:0:4136:e378:8000:63bf:3f57:fefd", true},   // client 192.168.1.2
    {"2001:0:4136:e378:8000:63bf:f7f7:f7f7", false},  // client 8.8.8.8
    // Special-use ranges that no public web server lives in.
    {"2001:db8::1", true},     // documentation
    {"100::1", true},          // discard-only
    {"::", true},              // unspecified
    {"::1", true},             // loopback
    {"::7f00:1", true},        // IPv4-compatible 127.0.0.1
    {"2001:2::1", true},       // benchmarking 2001:2::/48
    {"2001:10::1", true},      // ORCHID 2001:10::/28
    {"2001:20::1", true},      // ORCHIDv2 2001:20::/28
    {"3fff::1", true},         // documentation 3fff::/20
    {"5f00::1", true},         // segment routing SIDs 5f00::/16
    {"64:ff9b::", true},       // NAT64 of 0.0.0.0, "this network"
    {"2001:4860:4860::8888", false},  // a public address just outside 2001::/32
    {"2a00:1450:4001::1", false},
};

BOOST_AUTO_TEST_SUITE(address_guard)

BOOST_DATA_TEST_CASE(private_loopback_and_link_local_addresses_are_refused, data::make(kCases),
                     address_case) {
  BOOST_TEST(IsPrivateText(address_case.address) == address_case.is_private);
}

BOOST_DATA_TEST_CASE(ipv6_that_embeds_a_private_ipv4_or_is_special_use_is_refused,
                     data::make(kEmbeddedAndSpecialCases), address_case) {
  BOOST_TEST(IsPrivateText(address_case.address) == address_case.is_private);
}

BOOST_AUTO_TEST_CASE(an_unknown_address_family_counts_as_private) {
  sockaddr unknown{};
  unknown.sa_family = AF_UNIX;
  BOOST_TEST(IsPrivateAddress(&unknown));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::crawler
