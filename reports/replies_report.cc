// Who replies to whom, and how fast: each threaded reply against the comment
// it answers.
#include <cmath>
#include <cstdio>
#include <map>
#include <utility>

#include "reports/iso_time.h"
#include "reports/table.h"

namespace linkgraph::reports {
namespace {

struct ReplyRow {
  std::string replier, replied_to, comment_url, reply_url;
  std::optional<double> latency_hours;
};

std::string FormatHours(std::optional<double> hours) {
  if (!hours) return "";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", *hours);
  return buffer;
}

std::vector<ReplyRow> CollectReplies(const std::vector<store::StoredComment>& comments) {
  std::map<std::pair<std::string, std::string>, const Comment*> by_id;
  for (const auto& stored : comments) by_id[{stored.post_url, stored.comment.id}] = &stored.comment;
  std::vector<ReplyRow> rows;
  for (const auto& stored : comments) {
    const Comment& reply = stored.comment;
    if (reply.parent_id.empty()) continue;
    auto parent = by_id.find({stored.post_url, reply.parent_id});
    if (parent == by_id.end()) continue;
    ReplyRow row{reply.author, parent->second->author, parent->second->permalink, reply.permalink,
                 std::nullopt};
    auto asked = SecondsSinceEpoch(parent->second->published);
    auto answered = SecondsSinceEpoch(reply.published);
    if (asked && answered) {
      row.latency_hours = std::round((*answered - *asked) / 36.0) / 100.0;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

Status WriteReplies(store::Store& store, Format format, std::ostream& out) {
  auto comments = store.Comments();
  if (!comments.ok()) return comments.error().WithContext("report replies");
  Table table;
  table.header = {"replier", "replied_to", "latency_hours", "comment_url", "reply_url"};
  for (const ReplyRow& row : CollectReplies(*comments)) {
    table.rows.push_back({row.replier, row.replied_to, FormatHours(row.latency_hours),
                          row.comment_url, row.reply_url});
    table.json.push_back({{"replier", row.replier},
                          {"replied_to", row.replied_to},
                          {"comment_url", row.comment_url},
                          {"reply_url", row.reply_url},
                          {"latency_hours", row.latency_hours ? nlohmann::json(*row.latency_hours)
                                                              : nlohmann::json(nullptr)}});
  }
  Write(table, format, out);
  return {};
}

}  // namespace linkgraph::reports
