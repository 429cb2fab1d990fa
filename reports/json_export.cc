// `linkgraph export --format json`: the store as one document, the people
// graph included. The keys are a contract with users' scripts: add, never
// rename. Written as it is read, one element at a time, so the export costs
// one element's memory, not the document's: the bytes are those of the
// whole document dumped with an indent of 2 (members in key order).
#include <functional>
#include <map>
#include <nlohmann/json.hpp>

#include "reports/graph_export.h"
#include "reports/table.h"

namespace linkgraph::reports {
namespace {

// Writes `{ "key": [ elements ], ... }` with the members in key order, as
// nlohmann::json::dump(2) lays out the document holding them.
class JsonDocumentWriter {
 public:
  explicit JsonDocumentWriter(std::ostream& out) : out_(out) { out_ << '{'; }

  void BeginArray(std::string_view key) {
    out_ << (members_++ == 0 ? "\n" : ",\n") << "  " << nlohmann::json(std::string(key)).dump()
         << ": [";
    elements_ = 0;
  }
  void Element(const nlohmann::json& element) {
    out_ << (elements_++ == 0 ? "\n" : ",\n") << "    ";
    // Replace invalid UTF-8 rather than throw: pages are what they are.
    const std::string text = element.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    for (char c : text) {
      out_ << c;
      if (c == '\n') out_ << "    ";  // JSON strings hold no raw newline
    }
  }
  void EndArray() { out_ << (elements_ == 0 ? "]" : "\n  ]"); }
  void End() { out_ << (members_ == 0 ? "}" : "\n}") << '\n'; }

 private:
  std::ostream& out_;
  int members_ = 0;
  int elements_ = 0;
};

nlohmann::json PersonJson(const store::StoredPerson& person) {
  return {{"id", person.id},
          {"key", person.key},
          {"name", person.name},
          {"handles", IdentityValues(person, "handle")},
          {"urls", IdentityValues(person, "url")},
          {"sites", IdentityValues(person, "site")},
          {"names", IdentityValues(person, "name")},
          {"texts", person.texts}};
}

// An edge names its people by id and, for readers, by name.
nlohmann::json EdgeJson(const store::StoredEdge& edge,
                        const std::map<long long, std::string>& names) {
  auto name_of = [&](long long id) {
    auto found = names.find(id);
    return found == names.end() ? std::string() : found->second;
  };
  return {{"from", edge.from},
          {"to", edge.to},
          {"from_name", name_of(edge.from)},
          {"to_name", name_of(edge.to)},
          {"kind", edge.kind},
          {"date", edge.date},
          {"detail", edge.detail},
          {"event", edge.event},
          {"when", edge.when},
          {"evidence", edge.evidence},
          {"source_url", edge.source_url}};
}

nlohmann::json PostJson(const store::StoredPost& stored) {
  const Post& post = stored.post;
  return {{"url", post.url},       {"title", post.title},
          {"author", post.author}, {"published", post.published},
          {"site", post.site_url}, {"site_name", post.site_name}};
}

nlohmann::json CommentJson(const store::StoredComment& stored) {
  const Comment& comment = stored.comment;
  return {{"id", comment.id},
          {"post_url", stored.post_url},
          {"author", comment.author},
          {"author_url", comment.author_url},
          {"published", comment.published},
          {"parent_id", comment.parent_id},
          {"text", comment.text},
          {"permalink", comment.permalink},
          {"position", comment.position},
          {"kind", comment.kind}};
}

nlohmann::json TrackbackJson(const store::StoredTrackback& stored) {
  const Trackback& trackback = stored.trackback;
  return {{"post_url", stored.post_url},
          {"source_url", trackback.source_url},
          {"title", trackback.title},
          {"published", trackback.published},
          {"kind", ToString(trackback.kind)}};
}

// One member of the document: an array of the rows `each` visits, each
// made into JSON by `to_json`.
template <typename Row, typename ToJson>
Status WriteArray(JsonDocumentWriter& writer, std::string_view key,
                  const std::function<Status(const store::RowVisitor<Row>&)>& each,
                  ToJson to_json) {
  writer.BeginArray(key);
  Status read = each([&](Row& row) -> Status {
    writer.Element(to_json(row));
    return {};
  });
  if (!read) return read.error().WithContext("export");
  writer.EndArray();
  return {};
}

}  // namespace

Status WriteJsonExport(store::Store& store, std::ostream& out) {
  // The one index kept: people are few, edges many.
  std::map<long long, std::string> names;
  Status indexed = store.EachPerson([&](store::StoredPerson& person) -> Status {
    names[person.id] = person.name;
    return {};
  });
  if (!indexed) return indexed.error().WithContext("export");

  // Members in key order: comments, edges, mentions, people, posts, trackbacks.
  JsonDocumentWriter writer(out);
  using store::StoredComment, store::StoredEdge, store::StoredMention, store::StoredPost,
      store::StoredTrackback, store::RowVisitor;
  Status written = WriteArray<StoredComment>(
      writer, "comments", [&](const RowVisitor<StoredComment>& v) { return store.EachComment(v); },
      CommentJson);
  if (written) {
    written = WriteArray<StoredEdge>(
        writer, "edges", [&](const RowVisitor<StoredEdge>& v) { return store.EachEdge(v); },
        [&](const StoredEdge& edge) { return EdgeJson(edge, names); });
  }
  if (written) {
    written = WriteArray<StoredMention>(
        writer, "mentions",
        [&](const RowVisitor<StoredMention>& v) { return store.EachMention(v); }, MentionJson);
  }
  if (written) {
    written = WriteArray<store::StoredPerson>(
        writer, "people",
        [&](const RowVisitor<store::StoredPerson>& v) { return store.EachPerson(v); }, PersonJson);
  }
  if (written) {
    written = WriteArray<StoredPost>(
        writer, "posts", [&](const RowVisitor<StoredPost>& v) { return store.EachPost(v); },
        PostJson);
  }
  if (written) {
    written = WriteArray<StoredTrackback>(
        writer, "trackbacks",
        [&](const RowVisitor<StoredTrackback>& v) { return store.EachTrackback(v); },
        TrackbackJson);
  }
  if (!written) return written;
  writer.End();
  return {};
}

}  // namespace linkgraph::reports
