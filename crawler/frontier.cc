// The breadth-first Frontier. Every URL is reduced to its canonical form
// (canonical_url.h) before it is compared, so the scope test and the dedupe
// are plain string checks.
#include <algorithm>
#include <functional>
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

std::string Limit(std::string_view what, long long limit, std::string_view option) {
  return std::string(what) + " " + std::to_string(limit) + " (" + std::string(option) + ")";
}

}  // namespace

int KindStrength(UrlKind kind) { return kind == UrlKind::kPage ? 0 : 1; }

Frontier::Frontier(CrawlScope scope, FrontierLimits limits, TrapLimits traps)
    : scope_(std::move(scope)), limits_(limits), traps_(traps) {}

bool Frontier::MarkSeen(const std::string& url) { return seen_.insert(url).second; }

void Frontier::Restore(QueuedUrl entry, bool done) {
  if (!seen_.insert(entry.url).second) return;
  CountUrl(entry.url);
  CountKind(entry, SitemapNesting(entry));
  if (!done) {
    Push(std::move(entry));
  } else if (entry.kind == UrlKind::kPage) {
    ++pages_handed_out_;
  }
}

int Frontier::SitemapNesting(const QueuedUrl& entry) const {
  if (entry.kind != UrlKind::kSitemap) return 0;
  auto parent = sitemap_nesting_.find(entry.via);
  return parent == sitemap_nesting_.end() ? 0 : parent->second + 1;
}

std::string Frontier::CheckKindLimits(const QueuedUrl& entry) const {
  const UrlKind kind = entry.kind;
  if (kind == UrlKind::kPage && pages_handed_out_ + pages_waiting_ >= limits_.max_pages) {
    return Limit("page limit: pages handed out or queued reached", limits_.max_pages,
                 "--max-pages");
  }
  if (kind == UrlKind::kSitemap) {
    if (SitemapNesting(entry) > limits_.max_sitemap_nesting) {
      return Limit("sitemap limit: sitemap indexes nested deeper than",
                   limits_.max_sitemap_nesting, "--max-sitemap-depth");
    }
    if (sitemaps_ >= limits_.max_sitemaps) {
      return Limit("sitemap limit: sitemap files queued reached", limits_.max_sitemaps,
                   "--max-sitemaps");
    }
  }
  if (kind == UrlKind::kFeed && feeds_ >= limits_.max_feeds) {
    return Limit("feed limit: feeds queued reached", limits_.max_feeds, "--max-feeds");
  }
  if (kind == UrlKind::kComments) {
    if (comment_pages_ >= limits_.max_comment_pages) {
      return Limit("comment page limit: REST comment pages queued reached",
                   limits_.max_comment_pages, "--max-comment-pages");
    }
    auto post = comment_pages_per_post_.find(entry.via);
    if (post != comment_pages_per_post_.end() &&
        post->second >= limits_.max_comment_pages_per_post) {
      return Limit("comment page limit: REST comment pages of one post reached",
                   limits_.max_comment_pages_per_post, "--max-comment-pages-per-post");
    }
  }
  return {};
}

std::string Frontier::CheckUrlLimits(const std::string& url) const {
  if (queued_ >= limits_.max_queued_urls) {
    return Limit("URL limit: URLs queued reached", limits_.max_queued_urls, "--max-queued-urls");
  }
  auto host = queued_per_host_.find(HostKeyOfCanonical(url));
  if (host != queued_per_host_.end() && host->second >= limits_.max_queued_per_host) {
    return Limit("URL limit: URLs queued on one host reached", limits_.max_queued_per_host,
                 "--max-queued-per-host");
  }
  return {};
}

void Frontier::CountUrl(const std::string& url) {
  ++queued_;
  ++queued_per_host_[HostKeyOfCanonical(url)];
}

void Frontier::CountKind(const QueuedUrl& entry, int nesting) {
  if (entry.kind == UrlKind::kSitemap) {
    ++sitemaps_;
    sitemap_nesting_.emplace(entry.url, nesting);
  } else if (entry.kind == UrlKind::kFeed) {
    ++feeds_;
  } else if (entry.kind == UrlKind::kComments) {
    ++comment_pages_;
    ++comment_pages_per_post_[entry.via];
  }
}

void Frontier::Push(QueuedUrl entry) {
  if (entry.kind == UrlKind::kPage) {
    ++pages_waiting_;
    waiting_pages_[std::hash<std::string>{}(entry.url)] = erased_ + queue_.size();
  }
  queue_.push_back(std::move(entry));
}

std::string Frontier::RefuseForLimit(std::string why) {
  ++limit_refusals_[why];
  ++limit_refusal_count_;
  return why;
}

std::optional<QueuedUrl> Frontier::Upgrade(const std::string& url, UrlKind kind, std::string via,
                                           std::string* refusal) {
  if (KindStrength(kind) == 0) return std::nullopt;
  auto found = waiting_pages_.find(std::hash<std::string>{}(url));
  if (found == waiting_pages_.end() || found->second < erased_ + next_) return std::nullopt;
  QueuedUrl& waiting = queue_[found->second - erased_];
  if (waiting.url != url || KindStrength(waiting.kind) >= KindStrength(kind)) return std::nullopt;
  // The URL counts against the URL limits already; only its new kind's apply.
  QueuedUrl retyped{url, kind, waiting.depth, std::move(via)};
  if (std::string why = CheckKindLimits(retyped); !why.empty()) {
    *refusal = RefuseForLimit(std::move(why));
    return std::nullopt;
  }
  waiting_pages_.erase(found);
  --pages_waiting_;
  CountKind(retyped, SitemapNesting(retyped));
  waiting = retyped;
  return retyped;
}

std::optional<QueuedUrl> Frontier::Offer(std::string_view url, UrlKind kind, int depth,
                                         std::string via, std::string* refusal) {
  std::string ignored;
  std::string& why = refusal != nullptr ? *refusal : ignored;
  why.clear();
  // Most links are already in canonical form and seen (menus, archive
  // lists): canonical forms map to themselves, so one lookup settles them.
  if (seen_.count(std::string(url)) > 0) {
    return Upgrade(std::string(url), kind, std::move(via), &why);
  }
  std::optional<std::string> normal = CanonicalUrl(url);
  if (!normal) {
    why = "not an http(s) or file URL";
    return std::nullopt;
  }
  if (seen_.count(*normal) > 0) return Upgrade(*normal, kind, std::move(via), &why);
  const bool is_seed = depth == 0 && via.empty();
  if (!is_seed) {
    if (kind == UrlKind::kPage && IsNonPageResource(*normal)) {
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
    why = CheckUrlLimits(*normal);
    if (why.empty()) why = CheckKindLimits(QueuedUrl{*normal, kind, depth, via});
    if (!why.empty()) {
      why = RefuseForLimit(std::move(why));
      return std::nullopt;
    }
    // Sitemaps, feeds and the REST API are the site's own lists, not traps.
    if (kind == UrlKind::kPage) {
      why = traps_.Check(*normal);
      if (!why.empty()) return std::nullopt;
    }
  }
  seen_.insert(*normal);
  QueuedUrl entry{*normal, kind, depth, std::move(via)};
  CountUrl(entry.url);
  CountKind(entry, SitemapNesting(entry));
  Push(entry);
  return entry;
}

bool Frontier::Next(QueuedUrl* entry) {
  while (next_ < queue_.size()) {
    QueuedUrl& candidate = queue_[next_];
    if (candidate.kind == UrlKind::kPage) {
      --pages_waiting_;
      auto waiting = waiting_pages_.find(std::hash<std::string>{}(candidate.url));
      if (waiting != waiting_pages_.end() && waiting->second == erased_ + next_) {
        waiting_pages_.erase(waiting);
      }
      if (pages_handed_out_ >= limits_.max_pages) {
        ++next_;  // past --max-pages: stays queued in the store, not fetched
        continue;
      }
    }
    *entry = std::move(candidate);
    ++next_;
    if (entry->kind == UrlKind::kPage) ++pages_handed_out_;
    // Handed-out entries are not needed again: free them as the crawl goes.
    if (next_ > 4096 && next_ * 2 > queue_.size()) {
      queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(next_));
      erased_ += next_;
      next_ = 0;
    }
    return true;
  }
  return false;
}

}  // namespace linkgraph::crawler
