// What came of one URL a crawl fetched or one page file an import read: the
// one table of the outcomes crawl and import record, and their names as
// stored (pages.status, crawl URLs' outcome) and shown. Names are made only
// at those edges; code in between passes the enum.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace linkgraph {

enum class UrlOutcome {
  kOk,             // fetched (or read) and extracted
  kNotModified,    // 304 to a conditional request: the stored page stands
  kRedirected,     // 3xx: the target is queued in its place
  kRedirectLimit,  // too many redirects in a row
  kHttpError,      // 4xx, or 5xx after the retries: named with its status, "http_404"
  kNetworkError,   // refused, reset, timeout, truncated, bad encoding
  kNotHtml,        // a body of another kind
  kNotASitemap,    // a sitemap URL whose body is no sitemap
  kNotAFeed,       // a feed URL whose body is no feed
  kNotComments,    // a comments API URL whose body holds no comments
  kTooLarge,       // over the size cap
  kNotFound,       // nothing there to read
  kDisallowed,     // robots.txt: not fetched
  kBlocked,        // a private, loopback or link-local address: not fetched
  kError,          // anything else; the record's error says what
};

// "ok", "not_modified", "redirected", "redirect_limit", "http_404" (the
// status given; "http_error" without one), "network_error", "not_html",
// "not_a_sitemap", "not_a_feed", "not_comments", "too_large", "not_found",
// "disallowed", "blocked", "error".
inline std::string OutcomeName(UrlOutcome outcome, int http_status = 0) {
  switch (outcome) {
    case UrlOutcome::kOk:
      return "ok";
    case UrlOutcome::kNotModified:
      return "not_modified";
    case UrlOutcome::kRedirected:
      return "redirected";
    case UrlOutcome::kRedirectLimit:
      return "redirect_limit";
    case UrlOutcome::kHttpError:
      return http_status > 0 ? "http_" + std::to_string(http_status) : "http_error";
    case UrlOutcome::kNetworkError:
      return "network_error";
    case UrlOutcome::kNotHtml:
      return "not_html";
    case UrlOutcome::kNotASitemap:
      return "not_a_sitemap";
    case UrlOutcome::kNotAFeed:
      return "not_a_feed";
    case UrlOutcome::kNotComments:
      return "not_comments";
    case UrlOutcome::kTooLarge:
      return "too_large";
    case UrlOutcome::kNotFound:
      return "not_found";
    case UrlOutcome::kDisallowed:
      return "disallowed";
    case UrlOutcome::kBlocked:
      return "blocked";
    case UrlOutcome::kError:
      return "error";
  }
  return "error";
}

// How a crawl ended, stored with it (crawl runs' outcome) by its name.
enum class CrawlOutcome {
  kOk,       // every URL fetched, or not fetched for a reason that is no failure
  kPartial,  // some URLs failed, the rest were stored
  kFailed,   // nothing was fetched and something failed
  kStopped,  // a stop request ended it: not finished in the store, so it resumes
};

// "ok", "partial", "failed", "stopped".
inline const char* CrawlOutcomeName(CrawlOutcome outcome) {
  switch (outcome) {
    case CrawlOutcome::kOk:
      return "ok";
    case CrawlOutcome::kPartial:
      return "partial";
    case CrawlOutcome::kFailed:
      return "failed";
    case CrawlOutcome::kStopped:
      return "stopped";
  }
  return "failed";
}

// The outcome CrawlOutcomeName names; nullopt for any other text ("" while
// a crawl is unfinished).
inline std::optional<CrawlOutcome> ParseCrawlOutcome(std::string_view name) {
  for (CrawlOutcome outcome :
       {CrawlOutcome::kOk, CrawlOutcome::kPartial, CrawlOutcome::kFailed, CrawlOutcome::kStopped}) {
    if (name == CrawlOutcomeName(outcome)) return outcome;
  }
  return std::nullopt;
}

}  // namespace linkgraph
