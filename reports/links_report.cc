// Links between blogs: trackbacks and pingbacks a post received, and plain
// links from one stored post to another. A link within one blog is "self".
#include <set>

#include "reports/table.h"

namespace linkgraph::reports {
namespace {

// "http://host/..." -> "http://host/"; what decides whether two URLs are one blog.
std::string SiteOf(const std::string& url) {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  size_t slash = url.find('/', scheme + 3);
  return slash == std::string::npos ? url + "/" : url.substr(0, slash + 1);
}

struct LinkRow {
  std::string kind, from_url, to_url, title, published;
  bool self = false;
};

void AddRow(const LinkRow& row, Table* table) {
  table->rows.push_back(
      {row.kind, row.self ? "yes" : "no", row.from_url, row.to_url, row.title, row.published});
  table->json.push_back({{"kind", row.kind},
                         {"self", row.self},
                         {"from_url", row.from_url},
                         {"to_url", row.to_url},
                         {"title", row.title},
                         {"published", row.published}});
}

}  // namespace

Status WriteLinks(store::Store& store, Format format, std::ostream& out) {
  auto trackbacks = store.Trackbacks();
  if (!trackbacks.ok()) return trackbacks.error().WithContext("report links");
  auto posts = store.Posts();
  if (!posts.ok()) return posts.error().WithContext("report links");
  Table table;
  table.header = {"kind", "self", "from_url", "to_url", "title", "published"};
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& stored : *trackbacks) {
    const Trackback& trackback = stored.trackback;
    LinkRow row{ToString(trackback.kind), trackback.source_url,
                stored.post_url,          trackback.title,
                trackback.published,      SiteOf(trackback.source_url) == SiteOf(stored.post_url)};
    seen.insert({row.from_url, row.to_url});
    AddRow(row, &table);
  }
  std::set<std::string> post_urls;
  for (const auto& stored : *posts) post_urls.insert(stored.post.url);
  for (const auto& stored : *posts) {
    for (const Link& link : stored.post.links) {
      if (!post_urls.count(link.url) || link.url == stored.post.url) continue;
      // A pingback already stands for this link.
      if (!seen.insert({stored.post.url, link.url}).second) continue;
      AddRow(LinkRow{"link", stored.post.url, link.url, stored.post.title, stored.post.published,
                     SiteOf(link.url) == SiteOf(stored.post.url)},
             &table);
    }
  }
  Write(table, format, out);
  return {};
}

}  // namespace linkgraph::reports
