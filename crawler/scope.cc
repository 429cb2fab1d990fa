// CrawlScope: which canonical URLs a crawl may visit, decided by plain string
// lookups on the parts of the URL (url_util.h) and, for kSite, the public
// suffix list compiled into libpsl.
#include <libpsl.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/canonical_url.h"
#include "crawler/crawler.h"
#include "crawler/url_util.h"

namespace linkgraph::crawler {
namespace {

// Blog hosts that give every blog its own subdomain but are missing from the
// public suffix list, so libpsl would make all their blogs one site.
constexpr std::array<std::string_view, 14> kBlogHostingDomains = {
    "bearblog.dev", "dreamwidth.org", "hatenablog.com", "livejournal.com", "medium.com",
    "micro.blog",   "neocities.org",  "over-blog.com",  "posthaven.com",   "substack.com",
    "tumblr.com",   "typepad.com",    "weebly.com",     "wordpress.com"};

bool IsIpAddress(std::string_view host) {
  if (host.starts_with('[')) return true;  // canonical form brackets IPv6 literals
  return !host.empty() && std::all_of(host.begin(), host.end(),
                                      [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

// "www.example.co.uk" -> "example.co.uk"; "a.b.wordpress.com" ->
// "b.wordpress.com". IP addresses, "localhost" and hosts the list knows no
// registrable domain for (a bare public suffix, a one-label intranet name)
// are a site of their own.
std::string SiteOf(std::string_view host) {
  const std::string name(host);
  if (IsIpAddress(host) || name == "localhost") return name;
  const char* registrable = psl_registrable_domain(psl_builtin(), name.c_str());
  if (registrable == nullptr) return name;
  const std::string_view domain(registrable);
  if (std::find(kBlogHostingDomains.begin(), kBlogHostingDomains.end(), domain) ==
          kBlogHostingDomains.end() ||
      host.size() == domain.size()) {
    return std::string(domain);
  }
  const std::string_view labels = host.substr(0, host.size() - domain.size() - 1);
  return std::string(labels.substr(labels.rfind('.') + 1)) + "." + std::string(domain);
}

// The parts of url's canonical form, for a web URL only.
std::optional<UrlParts> WebUrlParts(std::string_view url, std::string* canonical) {
  std::optional<std::string> normal = CanonicalUrl(url);
  if (!normal) return std::nullopt;
  *canonical = std::move(*normal);
  std::optional<UrlParts> parts = SplitCanonicalUrl(*canonical);
  if (!parts || parts->scheme == "file") return std::nullopt;
  return parts;
}

}  // namespace

std::string HostKeyOf(std::string_view url) {
  const std::optional<std::string> canonical = CanonicalUrl(url);
  return canonical ? HostKeyOfCanonical(*canonical) : std::string();
}

std::string SiteOfUrl(std::string_view url) {
  std::string canonical;
  const std::optional<UrlParts> parts = WebUrlParts(url, &canonical);
  return parts ? SiteOf(parts->host) : std::string();
}

std::optional<ScopeKind> ParseScopeKind(const std::string& text) {
  if (text == "host") return ScopeKind::kHost;
  if (text == "site") return ScopeKind::kSite;
  if (text == "list") return ScopeKind::kList;
  return std::nullopt;
}

std::string ScopeKindName(ScopeKind kind) {
  switch (kind) {
    case ScopeKind::kHost:
      return "host";
    case ScopeKind::kSite:
      return "site";
    case ScopeKind::kList:
      return "list";
  }
  return "host";
}

CrawlScope::CrawlScope(ScopeKind kind, const std::vector<std::string>& seeds) : kind_(kind) {
  for (const std::string& seed : seeds) AddSeed(seed);
}

void CrawlScope::AddSeed(const std::string& url) {
  const std::optional<std::string> canonical = CanonicalUrl(url);
  if (!canonical) return;
  const std::optional<UrlParts> parts = SplitCanonicalUrl(*canonical);
  if (!parts) return;
  seeds_.insert(*canonical);
  if (parts->scheme == "file") {
    std::string folder = FileUrlFolder(*canonical);
    if (std::find(folders_.begin(), folders_.end(), folder) == folders_.end()) {
      folders_.push_back(std::move(folder));
    }
    return;
  }
  hosts_.insert(HostKey(*parts));
  sites_.insert(SiteOf(parts->host));
}

bool CrawlScope::Contains(const std::string& url) const {
  if (seeds_.contains(url)) return true;
  if (kind_ == ScopeKind::kList) return false;
  const std::optional<UrlParts> parts = SplitCanonicalUrl(url);
  if (!parts) return false;
  if (parts->scheme == "file") {
    return std::any_of(folders_.begin(), folders_.end(),
                       [&url](const std::string& folder) { return url.starts_with(folder); });
  }
  if (kind_ == ScopeKind::kHost) return hosts_.contains(HostKey(*parts));
  return sites_.contains(SiteOf(parts->host));
}

}  // namespace linkgraph::crawler
