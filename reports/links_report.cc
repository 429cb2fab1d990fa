// Links between blogs: trackbacks and pingbacks a post received, and plain
// links from one stored post to another. A link within one blog is "self".
#include <map>
#include <set>

#include "common/ascii.h"
#include "reports/table.h"

namespace linkgraph::reports {
namespace {

// The host (and port) of a URL, lower-cased: what decides whether two URLs
// are one blog. The scheme is left out, as blogs move from http to https.
std::string BlogOf(const std::string& url) {
  size_t scheme = url.find("://");
  size_t start = scheme == std::string::npos ? 0 : scheme + 3;
  size_t end = url.find_first_of("/?#", start);
  std::string host = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  size_t at = host.rfind('@');
  if (at != std::string::npos) host.erase(0, at + 1);
  return ToLowerAscii(host);
}

bool SameBlog(const std::string& a, const std::string& b) {
  std::string blog = BlogOf(a);
  return !blog.empty() && blog == BlogOf(b);
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
                trackback.published,      SameBlog(trackback.source_url, stored.post_url)};
    seen.insert({row.from_url, row.to_url});
    AddRow(row, &table);
  }
  // A link may name a post by its URL or by the page it was read from (a
  // saved or local copy links to its neighbours by file name).
  std::map<std::string, std::string> post_by_url;
  for (const auto& stored : *posts) {
    post_by_url[stored.post.url] = stored.post.url;
    post_by_url.emplace(stored.page_url, stored.post.url);
  }
  for (const auto& stored : *posts) {
    for (const Link& link : stored.post.links) {
      auto target = post_by_url.find(link.url);
      if (target == post_by_url.end() || target->second == stored.post.url) continue;
      // A pingback already stands for this link.
      if (!seen.insert({stored.post.url, target->second}).second) continue;
      AddRow(LinkRow{"link", stored.post.url, target->second, stored.post.title,
                     stored.post.published, SameBlog(target->second, stored.post.url)},
             &table);
    }
  }
  Write(table, format, out);
  return {};
}

}  // namespace linkgraph::reports
