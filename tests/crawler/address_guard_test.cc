// Which addresses the crawler refuses to connect to by default.
#include "crawler/address_guard.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <cstring>
#include <string>

namespace linkgraph::crawler {
namespace {

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

}  // namespace

BOOST_AUTO_TEST_SUITE(address_guard)

BOOST_DATA_TEST_CASE(private_loopback_and_link_local_addresses_are_refused, data::make(kCases),
                     address_case) {
  BOOST_TEST(IsPrivateText(address_case.address) == address_case.is_private);
}

BOOST_AUTO_TEST_CASE(an_unknown_address_family_counts_as_private) {
  sockaddr unknown{};
  unknown.sa_family = AF_UNIX;
  BOOST_TEST(IsPrivateAddress(&unknown));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace linkgraph::crawler
