// Private to crawler/: which addresses a crawl must not connect to unless
// told so. A public page must not steer the crawler into the user's own
// network (routers, admin panels, cloud metadata services).
#pragma once

#include <sys/socket.h>

namespace linkgraph::crawler {

// True for loopback, private (RFC 1918, fc00::/7), link-local, CGNAT
// (100.64/10), "this network" (0/8), multicast, broadcast and the IPv6
// forms of these: IPv6 that embeds an IPv4 address (mapped, compatible,
// NAT64 64:ff9b::/96, 6to4 2002::/16, Teredo 2001::/32) is judged by it, and
// the local-use NAT64 prefix 64:ff9b:1::/48 and the special-use ranges
// (documentation, discard, benchmarking, ORCHID, SRv6) are refused outright.
// Unknown address families count as private: refused when in doubt.
bool IsPrivateAddress(const sockaddr* address);

}  // namespace linkgraph::crawler
