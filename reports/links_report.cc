// Links between blogs: trackbacks and pingbacks a post received, and plain
// links from one stored post to another. A link within one blog is "self".
#include <map>
#include <set>

#include "common/ascii.h"
#include "reports/date_window.h"
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

// What the links need of a post: not its text, the bulk of a store.
struct LinkingPost {
  std::string url, title, published;
  std::vector<std::string> links;  // the URLs it links to
};

LinkingPost LinkingPostOf(store::StoredPost& stored) {
  Post& post = stored.post;
  LinkingPost linking{post.url, std::move(post.title), std::move(post.published), {}};
  for (Link& link : post.links) linking.links.push_back(std::move(link.url));
  return linking;
}

}  // namespace

Status WriteLinks(store::Store& store, Format format, std::ostream& out) {
  ReportRequest request;
  request.format = format;
  return WriteLinks(store, request, out);
}

Status WriteLinks(store::Store& store, const ReportRequest& request, std::ostream& out) {
  const DateWindow window = DateWindowOf(request);
  Table table;
  table.header = {"kind", "self", "from_url", "to_url", "title", "published"};
  std::set<std::pair<std::string, std::string>> seen;
  Status read = store.EachTrackback([&](store::StoredTrackback& stored) -> Status {
    const Trackback& trackback = stored.trackback;
    LinkRow row{ToString(trackback.kind), trackback.source_url,
                stored.post_url,          trackback.title,
                trackback.published,      SameBlog(trackback.source_url, stored.post_url)};
    seen.insert({row.from_url, row.to_url});
    if (window.Holds(row.published)) AddRow(row, &table);
    return {};
  });
  if (!read) return read.error().WithContext("report links");
  // A link may name a post by its URL or by the page it was read from (a
  // saved or local copy links to its neighbours by file name).
  std::map<std::string, std::string> post_by_url;
  std::vector<LinkingPost> posts;
  read = store.EachPost([&](store::StoredPost& stored) -> Status {
    post_by_url[stored.post.url] = stored.post.url;
    post_by_url.emplace(stored.page_url, stored.post.url);
    posts.push_back(LinkingPostOf(stored));
    return {};
  });
  if (!read) return read.error().WithContext("report links");
  for (const LinkingPost& post : posts) {
    for (const std::string& link : post.links) {
      auto target = post_by_url.find(link);
      if (target == post_by_url.end() || target->second == post.url) continue;
      // A pingback already stands for this link.
      if (!seen.insert({post.url, target->second}).second) continue;
      if (!window.Holds(post.published)) continue;
      AddRow(LinkRow{"link", post.url, target->second, post.title, post.published,
                     SameBlog(target->second, post.url)},
             &table);
    }
  }
  LimitRows(table, request.limit);
  Write(table, request.format, out, request.width);
  return {};
}

}  // namespace linkgraph::reports
