// Every stored page, fetched or imported, with what came of it: `report
// pages`, and the outcome counts and reasons `status` shows.
#include <algorithm>
#include <map>

#include "common/outcome.h"
#include "reports/date_window.h"
#include "reports/table.h"

namespace linkgraph::reports {

const char* PageOutcomeName(PageOutcome outcome) {
  switch (outcome) {
    case PageOutcome::kStored:
      return "stored";
    case PageOutcome::kNoContent:
      return "no_content";
    case PageOutcome::kNotHtml:
      return "not_html";
    case PageOutcome::kFailed:
      return "failed";
  }
  return "failed";
}

PageOutcome OutcomeOfPage(const store::PageRecord& page) {
  const std::string& status = page.fetch.status;
  if (status == OutcomeName(UrlOutcome::kNotHtml)) return PageOutcome::kNotHtml;
  if (status != OutcomeName(UrlOutcome::kOk)) return PageOutcome::kFailed;
  const bool yielded = page.posts + page.comments + page.trackbacks + page.mentions > 0;
  return yielded ? PageOutcome::kStored : PageOutcome::kNoContent;
}

std::string ReasonOfPage(const store::PageRecord& page) {
  switch (OutcomeOfPage(page)) {
    case PageOutcome::kStored:
      return "";
    case PageOutcome::kNoContent:
      return "no post or comments found (a listing, or not a blog page)";
    case PageOutcome::kNotHtml:
      // The parser's own message already says "not HTML (...)".
      return page.fetch.error.starts_with("not HTML") ? page.fetch.error
                                                      : "not HTML (" + page.fetch.error + ")";
    case PageOutcome::kFailed:
      break;
  }
  return page.fetch.error.empty() ? page.fetch.status : page.fetch.error;
}

namespace {

// The HTTP status when there was one; else what stood in for it ("file",
// "network_error", ...).
std::string FetchOf(const store::PageFetch& fetch) {
  if (fetch.http_status > 0) return std::to_string(fetch.http_status);
  if (fetch.url.starts_with("file:")) return "file";
  return fetch.status;
}

}  // namespace

Status WritePages(store::Store& store, const ReportRequest& request, std::ostream& out) {
  const DateWindow window = DateWindowOf(request);
  Table table;
  table.header = {"url",      "fetch",      "outcome",  "reason",    "posts",
                  "comments", "trackbacks", "mentions", "fetched_at"};
  size_t rows = 0;
  Status read = store.EachPageRecord([&](store::PageRecord& page) -> Status {
    const PageOutcome outcome = OutcomeOfPage(page);
    if (request.failed_only && outcome == PageOutcome::kStored) return {};
    if (!window.Holds(page.fetch.fetched_at)) return {};
    if (request.limit > 0 && rows >= static_cast<size_t>(request.limit)) return {};
    ++rows;
    const std::string reason = ReasonOfPage(page);
    table.rows.push_back({page.fetch.url, FetchOf(page.fetch), PageOutcomeName(outcome), reason,
                          std::to_string(page.posts), std::to_string(page.comments),
                          std::to_string(page.trackbacks), std::to_string(page.mentions),
                          page.fetch.fetched_at});
    table.json.push_back({{"url", page.fetch.url},
                          {"status", page.fetch.status},
                          {"http_status", page.fetch.http_status},
                          {"outcome", PageOutcomeName(outcome)},
                          {"reason", reason},
                          {"posts", page.posts},
                          {"comments", page.comments},
                          {"trackbacks", page.trackbacks},
                          {"mentions", page.mentions},
                          {"fetched_at", page.fetch.fetched_at}});
    return {};
  });
  if (!read) return read.error().WithContext("report pages");
  Write(table, request.format, out, request.width);
  return {};
}

Result<PageOutcomes> CountPageOutcomes(store::Store& store, size_t top_reasons) {
  PageOutcomes outcomes;
  for (PageOutcome outcome : {PageOutcome::kStored, PageOutcome::kNoContent, PageOutcome::kNotHtml,
                              PageOutcome::kFailed}) {
    outcomes.pages.emplace_back(outcome, 0);
  }
  std::map<std::string, long long> reasons;
  Status read = store.EachPageRecord([&](store::PageRecord& page) -> Status {
    const PageOutcome outcome = OutcomeOfPage(page);
    ++outcomes.pages[static_cast<size_t>(outcome)].second;
    if (outcome != PageOutcome::kStored) ++reasons[ReasonOfPage(page)];
    return {};
  });
  if (!read) return read.error().WithContext("count page outcomes");
  outcomes.top_reasons.assign(reasons.begin(), reasons.end());
  std::stable_sort(outcomes.top_reasons.begin(), outcomes.top_reasons.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (outcomes.top_reasons.size() > top_reasons) outcomes.top_reasons.resize(top_reasons);
  return outcomes;
}

}  // namespace linkgraph::reports
