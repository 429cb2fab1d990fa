// Sitemaps and feeds: any bytes give absolute http(s) URLs within the
// documented count, or a refusal.
#include <string>

#include "parsers/parsers.h"
#include "tests/fuzz/fuzz_input.h"

namespace {

constexpr size_t kMaxEntries = 50000;

void CheckUrls(const char* what, const std::vector<std::string>& urls) {
  if (urls.size() > kMaxEntries) linkgraph::fuzz::Fail(what, "more than 50,000");
  for (const std::string& url : urls) {
    if (!url.starts_with("http://") && !url.starts_with("https://")) {
      linkgraph::fuzz::Fail(what, url);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  constexpr std::string_view kUrl = "https://blog.example/sitemap.xml";
  if (auto sitemap = linkgraph::parsers::ParseSitemap(bytes, kUrl)) {
    CheckUrls("sitemap page", sitemap->pages);
    CheckUrls("sitemap", sitemap->sitemaps);
  }
  if (auto feed = linkgraph::parsers::ParseFeedLinks(bytes, "https://blog.example/feed/")) {
    CheckUrls("feed item", *feed);
  }
  return 0;
}
