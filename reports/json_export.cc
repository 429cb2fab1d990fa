// `linkgraph export --format json`: the store as one document, the people
// graph included. The keys are a contract with users' scripts: add, never
// rename (but comments' id and parent_id became ids unique across blogs).
// Written as it is read, one element at a time, so the export costs one
// element's memory and the authorship of the texts (a URL and a number
// each), not the document's: the bytes are those of the
// whole document dumped with an indent of 2 (members in key order).
#include <functional>
#include <map>
#include <nlohmann/json.hpp>

#include "reports/export_rows.h"
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

// A post or comment with the table exports' columns (export_rows.h), so
// the three formats hold the same values; ids and positions as numbers,
// an unknown author's id null.
nlohmann::json TextJson(const std::vector<std::string>& columns,
                        const std::vector<std::string>& cells) {
  nlohmann::json object = nlohmann::json::object();
  for (size_t i = 0; i < columns.size() && i < cells.size(); ++i) {
    if (columns[i] == "author_id") {
      object[columns[i]] =
          cells[i].empty() ? nlohmann::json(nullptr) : nlohmann::json(std::stoll(cells[i]));
    } else if (columns[i] == "position") {
      object[columns[i]] = std::stoll(cells[i]);
    } else {
      object[columns[i]] = cells[i];
    }
  }
  return object;
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
  Result<TextAuthors> authors = TextAuthors::Read(store);
  if (!authors) return authors.error();

  // Members in key order: comments, edges, mentions, people, posts, trackbacks.
  JsonDocumentWriter writer(out);
  using store::StoredComment, store::StoredEdge, store::StoredMention, store::StoredPost,
      store::StoredTrackback, store::RowVisitor;
  Status written = WriteArray<StoredComment>(
      writer, "comments", [&](const RowVisitor<StoredComment>& v) { return store.EachComment(v); },
      [&](const StoredComment& comment) {
        return TextJson(CommentColumns(), CommentCells(comment, *authors));
      });
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
        [&](const StoredPost& post) { return TextJson(PostColumns(), PostCells(post, *authors)); });
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
