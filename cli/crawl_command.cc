// `linkgraph crawl URL...`: fetch, extract and store, following links within
// the seeds' sites, as each host's robots.txt allows. Sequential and simple;
// each page is saved as soon as it is read, so an interrupted crawl keeps
// what it stored.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <optional>
#include <thread>

#include "cli/commands.h"
#include "cli/page_pipeline.h"
#include "crawler/crawler.h"
#include "parsers/parsers.h"

namespace linkgraph::cli {
namespace {

bool IsHttp(const std::string& url) {
  return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
}

std::string HostKey(const std::string& url) {
  size_t start = url.find("://");
  if (start == std::string::npos) return url;
  return url.substr(0, url.find('/', start + 3));
}

bool IsHtmlContentType(const std::string& content_type) {
  return content_type.empty() || content_type.find("html") != std::string::npos;
}

// Waits so that requests to one host are at least delay apart.
class HostPacer {
 public:
  explicit HostPacer(double delay_seconds)
      : delay_(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(delay_seconds))) {}

  // host_delay: the host's robots.txt Crawl-delay, used when longer.
  void Wait(const std::string& url, std::optional<double> host_delay = std::nullopt) {
    if (!IsHttp(url)) return;
    auto delay = delay_;
    if (host_delay) {
      delay = std::max(delay, std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                  std::chrono::duration<double>(*host_delay)));
    }
    auto& last = last_request_[HostKey(url)];
    auto now = std::chrono::steady_clock::now();
    if (last.time_since_epoch().count() != 0 && now < last + delay) {
      std::this_thread::sleep_for(last + delay - now);
    }
    last = std::chrono::steady_clock::now();
  }

 private:
  std::chrono::steady_clock::duration delay_;
  std::map<std::string, std::chrono::steady_clock::time_point> last_request_;
};

store::PageToSave FetchAndProcess(crawler::Fetcher& fetcher, const std::string& url) {
  auto response = fetcher.Fetch(url);
  if (!response.ok()) {
    const char* status = response.error().code == ErrorCode::kNotFound      ? "not_found"
                         : response.error().code == ErrorCode::kTooLarge    ? "too_large"
                         : response.error().code == ErrorCode::kUnsupported ? "unsupported"
                                                                            : "network_error";
    return FailedPage(url, status, response.error().message);
  }
  if (response->http_status >= 400) {
    store::PageToSave page = FailedPage(url, "http_" + std::to_string(response->http_status),
                                        "HTTP status " + std::to_string(response->http_status));
    page.fetch.http_status = response->http_status;
    return page;
  }
  if (!IsHtmlContentType(response->content_type)) {
    store::PageToSave page = FailedPage(url, "not_html", "content type " + response->content_type);
    page.fetch.http_status = response->http_status;
    return page;
  }
  store::PageToSave page =
      ProcessPage(response->body, url, parsers::CharsetFromContentType(response->content_type));
  page.fetch.http_status = response->http_status;
  page.fetch.etag = response->etag;
  page.fetch.last_modified = response->last_modified;
  return page;
}

}  // namespace

int RunCrawl(const CrawlOptions& options) {
  auto store = store::OpenSqliteStore(options.database);
  if (!store.ok()) {
    std::cerr << "linkgraph crawl: " << store.error().message << '\n';
    return kExitFailure;
  }
  crawler::FetchOptions fetch_options;
  fetch_options.total_timeout_ms = static_cast<long>(options.timeout_seconds * 1000);
  std::unique_ptr<crawler::Fetcher> fetcher = crawler::MakeCurlFetcher(fetch_options);
  crawler::Frontier frontier(options.seeds, options.max_pages);
  HostPacer pacer(options.delay_seconds);
  crawler::RobotsPolicy robots(*fetcher, fetch_options.user_agent);

  store::SaveOutcome total;
  int fetched = 0, failed = 0, disallowed = 0;
  std::string url;
  while (frontier.Next(&url)) {
    if (!robots.Knows(url)) pacer.Wait(url);  // the host's robots.txt is a request too
    if (!robots.Allows(url)) {
      ++disallowed;
      if (!options.quiet) std::cerr << "linkgraph crawl: " << url << ": disallowed by robots.txt\n";
      continue;
    }
    pacer.Wait(url, robots.CrawlDelaySeconds(url));
    store::PageToSave page = FetchAndProcess(*fetcher, url);
    ++fetched;
    if (page.fetch.status != "ok") {
      ++failed;
      std::cerr << "linkgraph crawl: " << url << ": " << page.fetch.error << '\n';
    } else {
      frontier.AddLinks(page.extracted->page_links);
    }
    auto saved = (*store)->SavePages({std::move(page)});
    if (!saved.ok()) {
      std::cerr << "linkgraph crawl: " << saved.error().message << '\n';
      return kExitFailure;
    }
    AddOutcome(*saved, &total);
  }
  if (!options.quiet || failed > 0) {
    std::cout << "crawled " << fetched << " pages (" << failed << " failed";
    if (disallowed > 0) std::cout << ", " << disallowed << " disallowed by robots.txt";
    std::cout << ") into " << options.database << ": " << DescribeOutcome(total) << '\n';
  }
  if (!options.no_graph && !UpdateGraph(**store, total, options.quiet, "crawl")) {
    return kExitFailure;
  }
  if (failed == 0) return kExitOk;
  return failed < fetched ? kExitPartial : kExitFailure;
}

}  // namespace linkgraph::cli
