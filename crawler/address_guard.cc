#include "crawler/address_guard.h"

#include <netinet/in.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace linkgraph::crawler {
namespace {

bool IsPrivateIpv4(uint32_t host_order) {
  const auto in = [host_order](uint32_t network, int bits) {
    const uint32_t mask = bits == 0 ? 0 : ~uint32_t{0} << (32 - bits);
    return (host_order & mask) == network;
  };
  return in(0x00000000, 8) ||   // 0.0.0.0/8 "this network"
         in(0x0A000000, 8) ||   // 10/8
         in(0x64400000, 10) ||  // 100.64/10 carrier-grade NAT
         in(0x7F000000, 8) ||   // 127/8 loopback
         in(0xA9FE0000, 16) ||  // 169.254/16 link-local (cloud metadata lives here)
         in(0xAC100000, 12) ||  // 172.16/12
         in(0xC0A80000, 16) ||  // 192.168/16
         in(0xC6120000, 15) ||  // 198.18/15 benchmarking networks
         in(0xE0000000, 4) ||   // multicast
         in(0xF0000000, 4);     // reserved and broadcast
}

uint32_t Ipv4At(const uint8_t* bytes) {
  return (uint32_t{bytes[0]} << 24) | (uint32_t{bytes[1]} << 16) | (uint32_t{bytes[2]} << 8) |
         uint32_t{bytes[3]};
}

// An IPv6 prefix: its leading bytes and its length in bits.
struct Ipv6Prefix {
  uint8_t bytes[16];
  int bits;
};

bool InPrefix(const uint8_t* b, const Ipv6Prefix& prefix) {
  const int whole = prefix.bits / 8;
  if (std::memcmp(b, prefix.bytes, static_cast<size_t>(whole)) != 0) return false;
  const int rest = prefix.bits % 8;
  if (rest == 0) return true;
  const auto mask = static_cast<uint8_t>(0xFF << (8 - rest));
  return (b[whole] & mask) == (prefix.bytes[whole] & mask);
}

// Special-use ranges (IANA IPv6 Special-Purpose Address Registry) where no
// public web server lives, or that reach a network's own translators.
constexpr Ipv6Prefix kPrivateIpv6[] = {
    {{0xFC}, 7},                            // fc00::/7 unique local
    {{0xFE, 0x80}, 10},                     // fe80::/10 link-local
    {{0xFE, 0xC0}, 10},                     // fec0::/10 site-local (old)
    {{0xFF}, 8},                            // multicast
    {{0x00, 0x64, 0xFF, 0x9B, 0x00, 0x01}, 48},  // 64:ff9b:1::/48 local-use NAT64
    {{0x01, 0x00, 0, 0, 0, 0, 0, 0}, 64},   // 100::/64 discard-only
    {{0x20, 0x01, 0x0D, 0xB8}, 32},         // 2001:db8::/32 documentation
    {{0x3F, 0xFF, 0x00}, 20},               // 3fff::/20 documentation
    {{0x20, 0x01, 0x00, 0x02, 0x00, 0x00}, 48},  // 2001:2::/48 benchmarking
    {{0x20, 0x01, 0x00, 0x10}, 28},         // 2001:10::/28 ORCHID
    {{0x20, 0x01, 0x00, 0x20}, 28},         // 2001:20::/28 ORCHIDv2
    {{0x5F, 0x00}, 16},                     // 5f00::/16 segment routing SIDs
};

// The IPv4 address an IPv6 address stands for, when it embeds one:
// IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d (deprecated; :: and
// ::1 are 0.0.0.0 and 0.0.0.1, both "this network"), NAT64 64:ff9b::/96 and
// 6to4 2002::/16. Teredo (2001::/32) embeds two: its server's, and its
// client's with every bit inverted.
std::vector<uint32_t> EmbeddedIpv4(const uint8_t* b) {
  static constexpr uint8_t kZeros[12] = {};
  static constexpr Ipv6Prefix kNat64 = {{0x00, 0x64, 0xFF, 0x9B}, 96};
  static constexpr Ipv6Prefix kSixToFour = {{0x20, 0x02}, 16};
  static constexpr Ipv6Prefix kTeredo = {{0x20, 0x01, 0x00, 0x00}, 32};
  if (std::memcmp(b, kZeros, 10) == 0 &&
      ((b[10] == 0xFF && b[11] == 0xFF) || (b[10] == 0 && b[11] == 0))) {
    return {Ipv4At(b + 12)};
  }
  if (InPrefix(b, kNat64)) return {Ipv4At(b + 12)};
  if (InPrefix(b, kSixToFour)) return {Ipv4At(b + 2)};
  if (InPrefix(b, kTeredo)) return {Ipv4At(b + 4), ~Ipv4At(b + 12)};
  return {};
}

bool IsPrivateIpv6(const in6_addr& address) {
  const uint8_t* b = address.s6_addr;
  for (const Ipv6Prefix& prefix : kPrivateIpv6) {
    if (InPrefix(b, prefix)) return true;
  }
  const std::vector<uint32_t> embedded = EmbeddedIpv4(b);
  return std::any_of(embedded.begin(), embedded.end(), IsPrivateIpv4);
}

}  // namespace

bool IsPrivateAddress(const sockaddr* address) {
  if (address == nullptr) return true;
  if (address->sa_family == AF_INET) {
    sockaddr_in v4;
    std::memcpy(&v4, address, sizeof v4);
    return IsPrivateIpv4(ntohl(v4.sin_addr.s_addr));
  }
  if (address->sa_family == AF_INET6) {
    sockaddr_in6 v6;
    std::memcpy(&v6, address, sizeof v6);
    return IsPrivateIpv6(v6.sin6_addr);
  }
  return true;
}

}  // namespace linkgraph::crawler
