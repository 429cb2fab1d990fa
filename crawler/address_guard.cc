#include "crawler/address_guard.h"

#include <netinet/in.h>

#include <cstdint>
#include <cstring>

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

bool IsPrivateIpv6(const in6_addr& address) {
  const uint8_t* b = address.s6_addr;
  static constexpr uint8_t kZeros[12] = {};
  const bool first_ten_zero = std::memcmp(b, kZeros, 10) == 0;
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated) carry IPv4.
  if (first_ten_zero && ((b[10] == 0xFF && b[11] == 0xFF) || (b[10] == 0 && b[11] == 0))) {
    const uint32_t v4 = (uint32_t{b[12]} << 24) | (uint32_t{b[13]} << 16) |
                        (uint32_t{b[14]} << 8) | uint32_t{b[15]};
    return IsPrivateIpv4(v4);  // also covers :: and ::1 (0.0.0.0 and 0.0.0.1)
  }
  if ((b[0] & 0xFE) == 0xFC) return true;                // fc00::/7 unique local
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return true;  // fe80::/10 link-local
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) return true;  // fec0::/10 site-local (old)
  if (b[0] == 0xFF) return true;                         // multicast
  return false;
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
