// Every @mention, where it stands and who wrote it.
#include <map>

#include "graph/graph.h"
#include "reports/date_window.h"
#include "reports/table.h"

namespace linkgraph::reports {
namespace {

// When each text was published, by the source URL its mentions name (a
// post's URL, a comment's permalink): read only for a window.
Result<std::map<std::string, std::string>> PublishedOfTexts(store::Store& store) {
  std::map<std::string, std::string> published;
  Status read = store.EachPost([&](store::StoredPost& stored) -> Status {
    published.emplace(stored.post.url, std::move(stored.post.published));
    return {};
  });
  if (read) {
    read = store.EachComment([&](store::StoredComment& stored) -> Status {
      published.emplace(graph::PermalinkOf(stored), std::move(stored.comment.published));
      return {};
    });
  }
  if (!read) return read.error();
  return published;
}

}  // namespace

nlohmann::json MentionJson(const store::StoredMention& stored) {
  return {{"handle", "@" + stored.mention.handle},
          {"source_url", stored.source_url},
          {"in", ToString(stored.mention.in)},
          {"by", stored.mention.by}};
}

Status WriteMentions(store::Store& store, Format format, std::ostream& out) {
  ReportRequest request;
  request.format = format;
  return WriteMentions(store, request, out);
}

Status WriteMentions(store::Store& store, const ReportRequest& request, std::ostream& out) {
  const DateWindow window = DateWindowOf(request);
  std::map<std::string, std::string> published;
  if (window.Bounded()) {
    Result<std::map<std::string, std::string>> read = PublishedOfTexts(store);
    if (!read) return read.error().WithContext("report mentions");
    published = std::move(*read);
  }
  Table table;
  table.header = {"handle", "by", "in", "source_url"};
  Status read = store.EachMention([&](store::StoredMention& stored) -> Status {
    if (window.Bounded()) {
      auto text = published.find(stored.source_url);
      if (!window.Holds(text == published.end() ? "" : text->second)) return {};
    }
    table.rows.push_back({"@" + stored.mention.handle, stored.mention.by,
                          ToString(stored.mention.in), stored.source_url});
    table.json.push_back(MentionJson(stored));
    return {};
  });
  if (!read) return read.error().WithContext("report mentions");
  LimitRows(table, request.limit);
  Write(table, request.format, out, request.width);
  return {};
}

}  // namespace linkgraph::reports
