#include "pipeline/crawl_read.h"

#include <utility>

#include "parsers/parsers.h"
#include "pipeline/pipeline.h"

namespace linkgraph::pipeline {
namespace {

void ReadPage(FetchedBody& fetched, ReadBody* read) {
  crawler::FetchResponse& response = fetched.result.response;
  store::PageToSave page = ProcessPage(response.body, fetched.entry.url,
                                       parsers::CharsetFromContentType(response.content_type),
                                       fetched.previous ? &*fetched.previous : nullptr);
  page.fetch.http_status = response.http_status;
  page.fetch.etag = response.etag;
  page.fetch.last_modified = response.last_modified;
  page.fetch.fetched_at = fetched.fetched_at;
  read->crawled.outcome = page.fetch.status;
  read->crawled.detail = page.fetch.error;
  if (page.extracted) {
    const ExtractedPage& extracted = *page.extracted;
    read->links.reserve(extracted.page_links.size() + extracted.feed_links.size() + 1);
    // What the page declares comes before its plain links, so that a feed
    // also linked by <a href> is queued as the feed it is.
    if (fetched.want_feeds) {
      for (const std::string& feed : extracted.feed_links) {
        read->links.push_back({feed, UrlKind::kFeed, ""});
      }
    }
    if (fetched.want_comments_api && !extracted.comments_api_url.empty()) {
      const std::string& post = extracted.has_post ? extracted.post.url : fetched.entry.url;
      read->links.push_back({extracted.comments_api_url, UrlKind::kComments, post});
    }
    for (const std::string& link : extracted.page_links)
      read->links.push_back({link, UrlKind::kPage, ""});
  }
  read->crawled.page = std::move(page);
}

void ReadSitemap(const FetchedBody& fetched, ReadBody* read) {
  Result<parsers::SitemapEntries> sitemap =
      parsers::ParseSitemap(fetched.result.response.body, fetched.entry.url);
  if (!sitemap) {
    read->crawled.outcome = OutcomeName(UrlOutcome::kNotASitemap);
    read->crawled.detail = sitemap.error().message;
    return;
  }
  read->crawled.outcome = OutcomeName(UrlOutcome::kOk);
  for (std::string& page : sitemap->pages)
    read->links.push_back({std::move(page), UrlKind::kPage, ""});
  for (std::string& more : sitemap->sitemaps) {
    read->links.push_back({std::move(more), UrlKind::kSitemap, ""});
  }
}

void ReadFeed(const FetchedBody& fetched, ReadBody* read) {
  Result<std::vector<std::string>> items =
      parsers::ParseFeedLinks(fetched.result.response.body, fetched.entry.url);
  if (!items) {
    read->crawled.outcome = OutcomeName(UrlOutcome::kNotAFeed);
    read->crawled.detail = items.error().message;
    return;
  }
  read->crawled.outcome = OutcomeName(UrlOutcome::kOk);
  for (std::string& item : *items) read->links.push_back({std::move(item), UrlKind::kPage, ""});
}

void ReadRestComments(const FetchedBody& fetched, ReadBody* read) {
  const crawler::FetchResponse& response = fetched.result.response;
  std::string next_page;
  Result<ExtractedPage> comments =
      parsers::ExtractRestComments(response.body, fetched.entry.url, fetched.entry.via, &next_page);
  if (!comments) {
    read->crawled.outcome = OutcomeName(UrlOutcome::kNotComments);
    read->crawled.detail = comments.error().message;
    return;
  }
  store::PageToSave page;
  page.fetch.url = fetched.entry.url;
  page.fetch.canonical_url = fetched.entry.url;
  page.fetch.status = OutcomeName(UrlOutcome::kOk);
  page.fetch.http_status = response.http_status;
  page.fetch.etag = response.etag;
  page.fetch.last_modified = response.last_modified;
  page.fetch.fetched_at = fetched.fetched_at;
  page.extracted = std::move(*comments);
  read->crawled.outcome = OutcomeName(UrlOutcome::kOk);
  read->crawled.page = std::move(page);
  if (!next_page.empty()) read->links.push_back({next_page, UrlKind::kComments, fetched.entry.via});
}

}  // namespace

ReadBody ReadFetchedBody(FetchedBody& fetched) {
  ReadBody read;
  read.entry = fetched.entry;
  read.crawled.url = fetched.entry.url;
  switch (fetched.entry.kind) {
    case UrlKind::kSitemap:
      ReadSitemap(fetched, &read);
      break;
    case UrlKind::kFeed:
      ReadFeed(fetched, &read);
      break;
    case UrlKind::kComments:
      ReadRestComments(fetched, &read);
      break;
    case UrlKind::kPage:
      ReadPage(fetched, &read);
      break;
  }
  // The body is not needed past this point; free it on this thread.
  std::string().swap(fetched.result.response.body);
  return read;
}

}  // namespace linkgraph::pipeline
