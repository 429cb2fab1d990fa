// The breadth-first Frontier. Every URL is reduced to its canonical form
// (canonical_url.h) before it is compared, so the scope test and the dedupe
// are plain string checks.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crawler/canonical_url.h"
#include "crawler/crawler.h"
#include "crawler/url_util.h"

namespace linkgraph::crawler {
namespace {

// Links that are surely not pages.
constexpr std::array<std::string_view, 23> kSkippedExtensions = {
    ".jpg", ".jpeg", ".png",  ".gif",   ".webp", ".svg", ".ico", ".bmp",
    ".css", ".js",   ".pdf",  ".zip",   ".gz",   ".tgz", ".mp3", ".mp4",
    ".avi", ".mov",  ".woff", ".woff2", ".ttf",  ".exe", ".dmg"};

bool IsNonPageResource(std::string_view normal) {
  const std::string_view path = normal.substr(0, normal.find('?'));
  const std::string_view name = path.substr(path.rfind('/') + 1);
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  const std::string extension = ToLowerAscii(name.substr(dot));
  return std::find(kSkippedExtensions.begin(), kSkippedExtensions.end(), extension) !=
         kSkippedExtensions.end();
}

}  // namespace

Frontier::Frontier(CrawlScope scope, FrontierLimits limits, TrapLimits traps)
    : scope_(std::move(scope)), limits_(limits), traps_(traps) {}

bool Frontier::MarkSeen(const std::string& url) { return seen_.insert(url).second; }

void Frontier::Restore(FrontierEntry entry, bool done) {
  if (!seen_.insert(entry.url).second) return;
  if (done) {
    if (entry.kind == "page") ++pages_handed_out_;
    return;
  }
  queue_.push_back(std::move(entry));
}

std::optional<FrontierEntry> Frontier::Offer(std::string_view url, std::string kind, int depth,
                                             std::string via, std::string* refusal) {
  std::string ignored;
  std::string& why = refusal != nullptr ? *refusal : ignored;
  why.clear();
  // Most links are already in canonical form and seen (menus, archive
  // lists): canonical forms map to themselves, so one lookup settles them.
  if (seen_.count(std::string(url)) > 0) return std::nullopt;
  std::optional<std::string> normal = CanonicalUrl(url);
  if (!normal) {
    why = "not an http(s) or file URL";
    return std::nullopt;
  }
  if (seen_.count(*normal) > 0) return std::nullopt;
  const bool is_seed = depth == 0 && via.empty();
  if (!is_seed) {
    if (kind == "page" && IsNonPageResource(*normal)) {
      why = "not a page";
      return std::nullopt;
    }
    if (!scope_.Contains(*normal)) {
      why = "out of scope";
      return std::nullopt;
    }
    if (limits_.max_depth >= 0 && depth > limits_.max_depth) {
      why = "deeper than --max-depth";
      return std::nullopt;
    }
    // Sitemaps, feeds and the REST API are the site's own lists, not traps.
    if (kind == "page") {
      why = traps_.Check(*normal);
      if (!why.empty()) return std::nullopt;
    }
  }
  seen_.insert(*normal);
  FrontierEntry entry{*normal, std::move(kind), depth, std::move(via)};
  queue_.push_back(entry);
  return entry;
}

bool Frontier::Next(FrontierEntry* entry) {
  while (next_ < queue_.size()) {
    FrontierEntry& candidate = queue_[next_];
    if (candidate.kind == "page" && pages_handed_out_ >= limits_.max_pages) {
      ++next_;  // past --max-pages: stays queued in the store, not fetched
      continue;
    }
    *entry = std::move(candidate);
    ++next_;
    if (entry->kind == "page") ++pages_handed_out_;
    // Handed-out entries are not needed again: free them as the crawl goes.
    if (next_ > 4096 && next_ * 2 > queue_.size()) {
      queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(next_));
      next_ = 0;
    }
    return true;
  }
  return false;
}

}  // namespace linkgraph::crawler
