// Private to pipeline/: what the crawl's extraction threads do with a
// fetched body: extract a blog page, read a sitemap or feed, or read a page
// of WordPress REST comments. Pure: no store, no network, no clock.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/queued_url.h"
#include "crawler/crawler.h"
#include "store/store.h"

namespace linkgraph::pipeline {

struct FetchedBody {
  QueuedUrl entry;
  crawler::FetchResult result;
  std::optional<store::PageFetch> previous;  // the stored record of this URL
  bool want_feeds = false;                   // take the page's feed links (seed pages only)
  bool want_comments_api = false;
  std::string fetched_at;  // ISO 8601 UTC, by the crawl's clock
};

// A link found while reading a body, for the frontier to judge.
struct Discovered {
  std::string url;
  UrlKind kind = UrlKind::kPage;
  std::string via;  // for kComments: the post the REST comments belong to
};

struct ReadBody {
  QueuedUrl entry;
  store::CrawledUrl crawled;  // page (when a blog page or REST comments), outcome, detail
  std::vector<Discovered> links;
};

ReadBody ReadFetchedBody(FetchedBody& fetched);

}  // namespace linkgraph::pipeline
