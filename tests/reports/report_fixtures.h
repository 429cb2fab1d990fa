// Fixtures for the report tests: an in-memory store, small pages built as
// plain structs (a post, its comments, its trackbacks, its mentions), and
// the report written to a string.
#pragma once

#include <boost/test/unit_test.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "graph/graph.h"
#include "reports/reports.h"
#include "store/store.h"
#include "tests/support/test_store.h"

namespace linkgraph::reports_test {

using reports::Format;

using testing::Must;
using testing::OpenMemoryStore;

inline Comment MakeComment(const std::string& post_url, const std::string& id,
                           const std::string& author, const std::string& published,
                           const std::string& parent_id, int position) {
  return Comment{id,        post_url + "#" + id, author,    "",
                 published, "Text by " + author, parent_id, position};
}

// A post page at post_url; add comments, trackbacks and mentions, then save.
class PageBuilder {
 public:
  explicit PageBuilder(const std::string& post_url, const std::string& site_url = "") {
    page_.fetch.url = post_url;
    page_.fetch.canonical_url = post_url;
    page_.fetch.status = "ok";
    page_.fetch.content_hash = "hash-" + post_url;
    page_.fetch.fetched_at = "2024-03-01T10:00:00Z";
    ExtractedPage extracted;
    extracted.url = post_url;
    extracted.canonical_url = post_url;
    extracted.platform = "wordpress";
    extracted.has_post = true;
    extracted.post.url = post_url;
    extracted.post.title = "A post";
    extracted.post.author = "Wendy";
    extracted.post.published = "2009-12-06T21:31:00";
    extracted.post.text = "Body text.";
    extracted.post.site_url = site_url;
    page_.extracted = std::move(extracted);
  }

  const std::string& url() const { return page_.fetch.url; }

  PageBuilder& AddComment(const std::string& id, const std::string& author,
                          const std::string& published, const std::string& parent_id = "") {
    auto& comments = page_.extracted->comments;
    int position = static_cast<int>(comments.size()) + 1;
    comments.push_back(MakeComment(url(), id, author, published, parent_id, position));
    return *this;
  }
  PageBuilder& AddTrackback(const std::string& source_url, LinkbackKind kind,
                            const std::string& title = "A linking post") {
    page_.extracted->trackbacks.push_back(
        Trackback{"", source_url, title, "2009-12-07T10:00:00", kind});
    return *this;
  }
  PageBuilder& AddLink(const std::string& to_url) {
    page_.extracted->post.links.push_back(Link{to_url, "a link"});
    return *this;
  }
  PageBuilder& AddMention(const std::string& handle, MentionPlace in, const std::string& by,
                          const std::string& comment_id = "") {
    page_.extracted->mentions.push_back(Mention{handle, in, comment_id, by});
    return *this;
  }
  PageBuilder& SetAuthor(const std::string& author) {
    page_.extracted->post.author = author;
    return *this;
  }

  store::PageToSave Build() const { return page_; }

 private:
  store::PageToSave page_;
};

inline void Save(store::Store& db, const std::vector<PageBuilder>& pages) {
  std::vector<store::PageToSave> built;
  for (const PageBuilder& page : pages) built.push_back(page.Build());
  Must(db.SavePages(built));
}

// An edge between people by position (as ReplaceGraph takes them), dated,
// read from Wendy's post.
inline store::StoredEdge Edge(long long from, long long to, const std::string& kind,
                              const std::string& evidence) {
  store::StoredEdge edge;
  edge.from = from;
  edge.to = to;
  edge.kind = kind;
  edge.date = "2009-12-06T21:31:00";
  edge.evidence = evidence;
  edge.source_url = "http://wendy.example/2009/12/06/post/";
  return edge;
}

using Writer = Status (*)(store::Store&, Format, std::ostream&);

inline std::string Written(Writer writer, store::Store& db, Format format) {
  std::ostringstream out;
  Status status = writer(db, format, out);
  if (!status.ok()) BOOST_FAIL("report failed: " << status.error().message);
  return out.str();
}

inline nlohmann::json WrittenJson(Writer writer, store::Store& db) {
  return nlohmann::json::parse(Written(writer, db, Format::kJson));
}

// The replies report one reply a row (JSON: the document's "replies"; CSV:
// --by reply), after deriving the people it names.
inline Status RepliesByReply(store::Store& db, Format format, std::ostream& out) {
  if (Result<graph::RebuildSummary> rebuilt = graph::RebuildGraph(db); !rebuilt) {
    return rebuilt.error();
  }
  reports::ReportRequest request;
  request.kind = "replies";
  request.format = format;
  request.by = "reply";
  return reports::WriteReplies(db, request, out);
}

// CSV lines without their CRLF (cells here hold no line breaks).
inline std::vector<std::string> CsvLines(const std::string& csv) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t end; (end = csv.find("\r\n", start)) != std::string::npos; start = end + 2) {
    lines.push_back(csv.substr(start, end - start));
  }
  BOOST_TEST(start == csv.size(), "CSV does not end with CRLF");
  return lines;
}

}  // namespace linkgraph::reports_test
