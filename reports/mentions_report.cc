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
  auto mentions = store.Mentions();
  if (!mentions.ok()) return mentions.error().WithContext("report mentions");
  Table table;
  table.header = {"handle", "by", "in", "source_url"};
  for (const auto& stored : *mentions) {
    table.rows.push_back({"@" + stored.mention.handle, stored.mention.by,
                          ToString(stored.mention.in), stored.source_url});
    table.json.push_back(MentionJson(stored));
  }
  Write(table, format, out);
  return {};
}

}  // namespace linkgraph::reports
