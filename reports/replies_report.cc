// `report replies`: who replies to whom and how fast, and how each blog's
// author answers the top-level comments on their posts.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "graph/graph.h"
#include "reports/date_window.h"
#include "reports/iso_time.h"
#include "reports/people_view.h"
#include "reports/table.h"

namespace linkgraph::reports {
namespace {

using ThreadCommentKey = std::pair<std::string, std::string>;  // post URL, comment id

std::string FormatHours(std::optional<double> hours) {
  if (!hours) return "";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", *hours);
  return buffer;
}

nlohmann::json HoursJson(std::optional<double> hours) {
  return hours ? nlohmann::json(std::round(*hours * 100) / 100) : nlohmann::json(nullptr);
}

std::optional<double> HoursBetween(const std::string& asked, const std::string& answered) {
  auto from = SecondsSinceEpoch(asked);
  auto to = SecondsSinceEpoch(answered);
  if (!from || !to) return std::nullopt;
  return static_cast<double>(*to - *from) / 3600.0;
}

struct Latencies {
  std::vector<double> hours;
  long long count = 0;
  std::optional<double> Median() const {
    if (hours.empty()) return std::nullopt;
    std::vector<double> sorted = hours;
    std::sort(sorted.begin(), sorted.end());
    const size_t mid = sorted.size() / 2;
    return sorted.size() % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
  std::optional<double> Min() const {
    if (hours.empty()) return std::nullopt;
    return *std::min_element(hours.begin(), hours.end());
  }
  std::optional<double> Max() const {
    if (hours.empty()) return std::nullopt;
    return *std::max_element(hours.begin(), hours.end());
  }
  void Add(std::optional<double> latency) {
    ++count;
    if (latency) hours.push_back(*latency);
  }
};

struct AuthorAnswers {
  long long top_level = 0;
  long long answered = 0;
  Latencies latencies;
};

struct Unanswered {
  long long blog_author;
  long long commenter;
  const store::StoredComment* comment;
};

struct ReplyRow {
  long long replier, replied_to;
  const store::StoredComment* comment;
  const store::StoredComment* reply;
  std::optional<double> latency;
};

class RepliesReport {
 public:
  // texts: the text comments (TextComments); author_of: person by source URL.
  // In a window, only the replies and top-level comments published in it
  // count; an answer counts whenever it came.
  RepliesReport(const std::vector<store::StoredComment>& texts,
                std::map<std::string, long long> author_of, DateWindow window = {})
      : author_of_(std::move(author_of)), window_(std::move(window)) {
    for (const store::StoredComment& stored : texts) {
      by_id_[{stored.post_url, stored.comment.id}] = &stored;
    }
    for (const store::StoredComment& stored : texts) Add(stored);
    for (const store::StoredComment& stored : texts) AddTopLevel(stored);
    std::erase_if(
        replies, [&](const ReplyRow& row) { return !window_.Holds(row.reply->comment.published); });
  }

  std::map<long long, AuthorAnswers> authors;
  std::map<std::pair<long long, long long>, Latencies> pairs;
  std::vector<ReplyRow> replies;
  std::vector<Unanswered> unanswered;

 private:
  long long AuthorOf(const store::StoredComment& stored) const {
    auto it = author_of_.find(graph::PermalinkOf(stored));
    return it == author_of_.end() ? 0 : it->second;
  }
  long long PostAuthor(const std::string& post_url) const {
    auto it = author_of_.find(post_url);
    return it == author_of_.end() ? 0 : it->second;
  }

  void Add(const store::StoredComment& stored) {
    if (stored.comment.parent_id.empty()) return;
    auto parent = by_id_.find({stored.post_url, stored.comment.parent_id});
    if (parent == by_id_.end()) return;
    const long long replier = AuthorOf(stored);
    const long long replied_to = AuthorOf(*parent->second);
    if (replier == 0 || replied_to == 0) return;
    const auto latency = HoursBetween(parent->second->comment.published, stored.comment.published);
    replies.push_back(ReplyRow{replier, replied_to, parent->second, &stored, latency});
    if (window_.Holds(stored.comment.published)) pairs[{replier, replied_to}].Add(latency);
    answers_[parent->first].push_back(replies.size() - 1);
  }

  // A top-level comment by someone else is answered when the post's author
  // replies to it directly; the first such reply counts.
  void AddTopLevel(const store::StoredComment& stored) {
    if (!stored.comment.parent_id.empty() || !window_.Holds(stored.comment.published)) return;
    const long long blog_author = PostAuthor(stored.post_url);
    const long long commenter = AuthorOf(stored);
    // 0: a comment the graph does not know (it is older than the comments).
    if (blog_author == 0 || commenter == 0 || commenter == blog_author) return;
    AuthorAnswers& counts = authors[blog_author];
    ++counts.top_level;
    std::optional<std::optional<double>> first_answer;
    std::string first_date;
    for (size_t index : answers_[{stored.post_url, stored.comment.id}]) {
      const ReplyRow& reply = replies[index];
      if (reply.replier != blog_author) continue;
      if (!first_answer || reply.reply->comment.published < first_date) {
        first_answer = reply.latency;
        first_date = reply.reply->comment.published;
      }
    }
    if (first_answer) {
      ++counts.answered;
      if (*first_answer) counts.latencies.hours.push_back(**first_answer);
    } else {
      unanswered.push_back(Unanswered{blog_author, commenter, &stored});
    }
  }

  std::map<std::string, long long> author_of_;
  DateWindow window_;
  std::map<ThreadCommentKey, const store::StoredComment*> by_id_;
  std::map<ThreadCommentKey, std::vector<size_t>> answers_;  // indexes into replies
};

// The comments the report reads, without their words, which it never shows
// and which are most of a store. A like, repost or bookmark has no text: it
// answers nothing and asks for no answer.
Result<std::vector<store::StoredComment>> TextComments(store::Store& store) {
  std::vector<store::StoredComment> texts;
  Status read = store.EachComment([&](store::StoredComment& stored) -> Status {
    if (stored.comment.kind != "comment") return {};
    stored.comment.text = std::string();
    texts.push_back(std::move(stored));
    return {};
  });
  if (!read) return read.error();
  return texts;
}

Result<std::map<std::string, long long>> AuthorOfText(store::Store& store) {
  std::map<std::string, long long> author_of;
  Status read = store.EachAuthor([&](store::Authorship& author) -> Status {
    author_of[std::move(author.source_url)] = author.person;
    return {};
  });
  if (!read) return read.error();
  return author_of;
}

struct Tables {
  Table authors, pairs, unanswered, replies;
};

Result<Tables> MakeTables(RepliesReport& report, PeopleView& people) {
  Tables tables;
  auto label = [&](long long id) -> Result<std::string> {
    Result<const store::StoredPerson*> person = people.Get(id);
    if (!person) return person.error();
    return LabelOf(**person);
  };
  tables.authors.header = {"blog_author",    "top_level_comments", "answered",   "unanswered",
                           "median_latency", "min_latency",        "max_latency"};
  for (const auto& [id, counts] : report.authors) {
    Result<std::string> name = label(id);
    if (!name) return name.error();
    const Latencies& l = counts.latencies;
    tables.authors.rows.push_back(
        {*name, std::to_string(counts.top_level), std::to_string(counts.answered),
         std::to_string(counts.top_level - counts.answered), FormatDuration(l.Median()),
         FormatDuration(l.Min()), FormatDuration(l.Max())});
    tables.authors.json.push_back({{"blog_author", *name},
                                   {"top_level_comments", counts.top_level},
                                   {"answered", counts.answered},
                                   {"unanswered", counts.top_level - counts.answered},
                                   {"median_latency_hours", HoursJson(l.Median())},
                                   {"min_latency_hours", HoursJson(l.Min())},
                                   {"max_latency_hours", HoursJson(l.Max())}});
  }
  tables.pairs.header = {"replier", "replied_to", "replies", "median_latency", "max_latency"};
  for (const auto& [pair, latencies] : report.pairs) {
    Result<std::string> replier = label(pair.first);
    if (!replier) return replier.error();
    Result<std::string> replied_to = label(pair.second);
    if (!replied_to) return replied_to.error();
    tables.pairs.rows.push_back({*replier, *replied_to, std::to_string(latencies.count),
                                 FormatDuration(latencies.Median()),
                                 FormatDuration(latencies.Max())});
    tables.pairs.json.push_back({{"replier", *replier},
                                 {"replied_to", *replied_to},
                                 {"replies", latencies.count},
                                 {"median_latency_hours", HoursJson(latencies.Median())},
                                 {"max_latency_hours", HoursJson(latencies.Max())}});
  }
  tables.unanswered.header = {"blog_author", "commenter", "published", "comment_url"};
  for (const Unanswered& item : report.unanswered) {
    Result<std::string> author = label(item.blog_author);
    if (!author) return author.error();
    Result<std::string> commenter = label(item.commenter);
    if (!commenter) return commenter.error();
    const Comment& comment = item.comment->comment;
    tables.unanswered.rows.push_back({*author, *commenter, comment.published, comment.permalink});
    tables.unanswered.json.push_back({{"blog_author", *author},
                                      {"commenter", *commenter},
                                      {"published", comment.published},
                                      {"comment_url", comment.permalink}});
  }
  tables.replies.header = {"replier", "replied_to", "latency_hours", "comment_url", "reply_url"};
  for (const ReplyRow& row : report.replies) {
    Result<std::string> replier = label(row.replier);
    if (!replier) return replier.error();
    Result<std::string> replied_to = label(row.replied_to);
    if (!replied_to) return replied_to.error();
    tables.replies.rows.push_back({*replier, *replied_to, FormatHours(row.latency),
                                   row.comment->comment.permalink, row.reply->comment.permalink});
    tables.replies.json.push_back({{"replier", *replier},
                                   {"replied_to", *replied_to},
                                   {"comment_url", row.comment->comment.permalink},
                                   {"reply_url", row.reply->comment.permalink},
                                   {"latency_hours", HoursJson(row.latency)}});
  }
  return tables;
}

}  // namespace

Status WriteReplies(store::Store& store, const ReportRequest& request, std::ostream& out) {
  Result<std::vector<store::StoredComment>> texts = TextComments(store);
  if (!texts) return texts.error().WithContext("report replies");
  Result<std::map<std::string, long long>> author_of = AuthorOfText(store);
  if (!author_of) return author_of.error().WithContext("report replies");
  RepliesReport report(*texts, std::move(*author_of), DateWindowOf(request));
  PeopleView people(store);
  Result<Tables> tables = MakeTables(report, people);
  if (!tables) return tables.error().WithContext("report replies");
  for (Table* table : {&tables->authors, &tables->pairs, &tables->unanswered, &tables->replies}) {
    LimitRows(*table, request.limit);
  }
  switch (request.format) {
    case Format::kJson: {
      nlohmann::json document = {{"authors", tables->authors.json},
                                 {"pairs", tables->pairs.json},
                                 {"unanswered", tables->unanswered.json},
                                 {"replies", tables->replies.json}};
      out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      return {};
    }
    case Format::kCsv: {
      const std::string& by = request.by;
      WriteCsv(by == "pair"         ? tables->pairs
               : by == "reply"      ? tables->replies
               : by == "unanswered" ? tables->unanswered
                                    : tables->authors,
               out);
      return {};
    }
    default:
      out << "Blog authors answering top-level comments\n";
      WriteTableText(tables->authors, out, request.width);
      out << "\nWho replies to whom\n";
      WriteTableText(tables->pairs, out, request.width);
      out << "\nUnanswered top-level comments\n";
      WriteTableText(tables->unanswered, out, request.width);
      return {};
  }
}

}  // namespace linkgraph::reports
