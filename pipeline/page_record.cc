// A page's bytes made into the record the store saves (pipeline.h).
#include <chrono>
#include <cstdio>
#include <ctime>
#include <optional>

#include "common/content_hash.h"
#include "crawler/crawler.h"
#include "parsers/parsers.h"
#include "pipeline/pipeline.h"

namespace linkgraph::pipeline {
namespace {

UrlOutcome OutcomeOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kUnsupported:
      return UrlOutcome::kNotHtml;
    case ErrorCode::kTooLarge:
      return UrlOutcome::kTooLarge;
    case ErrorCode::kNotFound:
      return UrlOutcome::kNotFound;
    case ErrorCode::kNetwork:
      return UrlOutcome::kNetworkError;
    default:
      return UrlOutcome::kError;
  }
}

// A record that only refreshes the fetch, when the page was stored with this
// hash and extracted without error.
std::optional<store::PageToSave> UnchangedPage(const store::PageFetch* previous,
                                               const std::string& hash) {
  if (previous == nullptr || previous->status != "ok" || previous->content_hash != hash) {
    return std::nullopt;
  }
  return RefreshedPage(*previous);
}

}  // namespace

store::PageToSave RefreshedPage(const store::PageFetch& previous) {
  store::PageToSave page;
  page.fetch = previous;
  page.fetch.fetched_at = NowIso8601Utc();
  return page;
}

store::PageToSave FailedPage(const std::string& url, UrlOutcome outcome, const std::string& error,
                             int http_status) {
  store::PageToSave page;
  page.fetch.url = url;
  page.fetch.canonical_url = url;
  page.fetch.status = OutcomeName(outcome, http_status);
  if (http_status > 0) page.fetch.http_status = http_status;
  page.fetch.error = error;
  page.fetch.fetched_at = NowIso8601Utc();
  return page;
}

store::PageToSave ProcessPage(std::string_view bytes, const std::string& url,
                              const std::string& transport_charset, store::Store* unchanged_in) {
  std::optional<store::PageFetch> previous;
  if (unchanged_in != nullptr) {
    auto stored = unchanged_in->FindPage(url);
    if (stored.ok()) previous = std::move(*stored);
  }
  return ProcessPage(bytes, url, transport_charset, previous ? &*previous : nullptr);
}

store::PageToSave ProcessPage(std::string_view bytes, const std::string& url,
                              const std::string& transport_charset,
                              const store::PageFetch* previous) {
  const std::string hash = ContentHash(bytes);
  if (std::optional<store::PageToSave> unchanged = UnchangedPage(previous, hash)) {
    return std::move(*unchanged);
  }
  parsers::ExtractOptions options;
  options.transport_charset = transport_charset;
  options.site_of = crawler::SiteOfUrl;
  auto extracted = parsers::ExtractPage(bytes, url, options);
  if (!extracted.ok()) {
    store::PageToSave failed =
        FailedPage(url, OutcomeOf(extracted.error().code), extracted.error().message);
    failed.fetch.content_hash = hash;
    return failed;
  }
  store::PageToSave page;
  page.fetch.url = url;
  page.fetch.canonical_url = extracted->canonical_url;
  page.fetch.status = OutcomeName(UrlOutcome::kOk);
  page.fetch.content_hash = hash;
  page.fetch.fetched_at = NowIso8601Utc();
  page.extracted = std::move(extracted).value();
  return page;
}

std::string WhyNothingExtracted(const store::PageToSave& page) {
  const store::PageFetch& fetch = page.fetch;
  if (fetch.status == OutcomeName(UrlOutcome::kNotHtml)) {
    // The parser's own message already says "not HTML (...)".
    const bool said = fetch.error.starts_with("not HTML");
    return (said ? fetch.error : "not HTML (" + fetch.error + ")") + ", nothing extracted";
  }
  if (fetch.status != OutcomeName(UrlOutcome::kOk)) {
    return (fetch.error.empty() ? fetch.status : fetch.error) + ", nothing extracted";
  }
  if (!page.extracted) return "";
  const ExtractedPage& read = *page.extracted;
  if (read.has_post || !read.comments.empty() || !read.trackbacks.empty() ||
      !read.mentions.empty()) {
    return "";
  }
  if (read.platform.empty()) {
    return "no post or comments found: not a blog page (no post container, no comment list)";
  }
  return "no post or comments found: a " + read.platform +
         " listing or index page (no single post)";
}

bool HoldsPost(const store::PageToSave& page) {
  if (page.fetch.status != OutcomeName(UrlOutcome::kOk) &&
      page.fetch.status != OutcomeName(UrlOutcome::kNotModified)) {
    return false;
  }
  return page.extracted ? page.extracted->has_post : true;
}

void AddOutcome(const store::SaveOutcome& from, store::SaveOutcome* into) {
  into->pages_new += from.pages_new;
  into->pages_changed += from.pages_changed;
  into->pages_unchanged += from.pages_unchanged;
  into->posts_new += from.posts_new;
  into->comments_new += from.comments_new;
  into->comments_updated += from.comments_updated;
  into->trackbacks_new += from.trackbacks_new;
  into->mentions_new += from.mentions_new;
}

std::string DescribeOutcome(const store::SaveOutcome& outcome) {
  return std::to_string(outcome.pages_new) + " new, " + std::to_string(outcome.pages_changed) +
         " changed, " + std::to_string(outcome.pages_unchanged) + " unchanged pages; " +
         std::to_string(outcome.posts_new) + " new posts, " + std::to_string(outcome.comments_new) +
         " new comments (" + std::to_string(outcome.comments_updated) + " updated), " +
         std::to_string(outcome.trackbacks_new) + " new trackbacks, " +
         std::to_string(outcome.mentions_new) + " new mentions";
}

}  // namespace linkgraph::pipeline
