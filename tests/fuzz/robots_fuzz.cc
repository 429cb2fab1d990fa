// robots.txt: any bytes parse within the file's bounds, and any path is
// judged; /robots.txt itself is always allowed and the delay is capped.
#include <string>

#include "crawler/robots.h"
#include "tests/fuzz/fuzz_input.h"

using linkgraph::crawler::RobotsRules;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  linkgraph::fuzz::FuzzInput input(data, size);
  // The first line is the path asked about; the rest is the file.
  const std::string path = "/" + std::string(input.TakeLine());
  const RobotsRules rules = RobotsRules::Parse(input.Rest(), "linkgraph/0.1 (+https://x/)");
  (void)rules.Allows(path);
  (void)rules.Allows("/");
  if (!rules.Allows("/robots.txt")) linkgraph::fuzz::Fail("robots.txt", "disallowed itself");
  if (auto delay = rules.CrawlDelaySeconds();
      delay && (*delay < 0 || *delay > RobotsRules::kMaxCrawlDelaySeconds)) {
    linkgraph::fuzz::Fail("crawl-delay", "outside [0, cap]");
  }
  if (rules.Sitemaps().size() > RobotsRules::kMaxSitemaps) {
    linkgraph::fuzz::Fail("sitemaps", "more than the cap");
  }
  return 0;
}
