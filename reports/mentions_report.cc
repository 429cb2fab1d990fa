// Every @mention, where it stands and who wrote it.
#include "reports/table.h"

namespace linkgraph::reports {

nlohmann::json MentionJson(const store::StoredMention& stored) {
  return {{"handle", "@" + stored.mention.handle},
          {"source_url", stored.source_url},
          {"in", ToString(stored.mention.in)},
          {"by", stored.mention.by}};
}

Status WriteMentions(store::Store& store, Format format, std::ostream& out) {
  Table table;
  table.header = {"handle", "by", "in", "source_url"};
  Status read = store.EachMention([&](store::StoredMention& stored) -> Status {
    table.rows.push_back({"@" + stored.mention.handle, stored.mention.by,
                          ToString(stored.mention.in), stored.source_url});
    table.json.push_back(MentionJson(stored));
    return {};
  });
  if (!read) return read.error().WithContext("report mentions");
  Write(table, format, out);
  return {};
}

}  // namespace linkgraph::reports
