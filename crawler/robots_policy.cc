// RobotsPolicy: robots.txt fetched once per host and kept for the crawl.
#include <utility>

#include "crawler/canonical_url.h"
#include "crawler/crawler.h"
#include "crawler/robots.h"

namespace linkgraph::crawler {
namespace {

bool IsHttp(std::string_view url) {
  return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
}

// "http://host:8080/a/b?c#d" -> {"http://host:8080", "/a/b?c"}, on the
// canonical form so that spellings of one host share one robots.txt.
std::pair<std::string, std::string> HostAndPath(const std::string& url) {
  std::string canonical = CanonicalUrl(url).value_or(url);
  const size_t scheme_end = canonical.find("://");
  const size_t path_start =
      scheme_end == std::string::npos ? std::string::npos : canonical.find('/', scheme_end + 3);
  if (path_start == std::string::npos) return {canonical, "/"};
  return {canonical.substr(0, path_start), canonical.substr(path_start)};
}

RobotsRules RulesFromFetch(Fetcher& fetcher, const std::string& host,
                           const std::string& user_agent) {
  Result<FetchResponse> response = fetcher.Fetch(host + "/robots.txt");
  if (!response) {
    // Too large is still a robots.txt: RFC 9309 reads the first 500 KiB,
    // but the fetcher refuses the whole body, so treat it like unreachable.
    return RobotsRules::DisallowAll();
  }
  if (response->http_status >= 500) return RobotsRules::DisallowAll();
  if (response->http_status >= 400) return RobotsRules::AllowAll();
  return RobotsRules::Parse(response->body, user_agent);
}

}  // namespace

RobotsPolicy::RobotsPolicy(Fetcher& fetcher, std::string user_agent)
    : fetcher_(fetcher), user_agent_(std::move(user_agent)) {}

RobotsPolicy::~RobotsPolicy() = default;

bool RobotsPolicy::Knows(const std::string& url) const {
  return !IsHttp(url) || hosts_.count(HostAndPath(url).first) > 0;
}

const RobotsRules& RobotsPolicy::RulesFor(const std::string& url) {
  const std::string host = HostAndPath(url).first;
  auto it = hosts_.find(host);
  if (it == hosts_.end()) {
    it = hosts_
             .emplace(host,
                      std::make_unique<RobotsRules>(RulesFromFetch(fetcher_, host, user_agent_)))
             .first;
  }
  return *it->second;
}

bool RobotsPolicy::Allows(const std::string& url) {
  if (!IsHttp(url)) return true;
  return RulesFor(url).Allows(HostAndPath(url).second);
}

std::optional<double> RobotsPolicy::CrawlDelaySeconds(const std::string& url) {
  if (!IsHttp(url)) return std::nullopt;
  return RulesFor(url).CrawlDelaySeconds();
}

}  // namespace linkgraph::crawler
