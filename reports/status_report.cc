// `linkgraph status`: what the store holds, what came of its pages, the
// graph and the last crawl, as "name value" lines or one JSON object.
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "common/terminal_text.h"
#include "reports/reports.h"

namespace linkgraph::reports {
namespace {

// How many of the commonest reasons pages gave nothing status names.
constexpr size_t kTopReasons = 5;

// Everything status tells, read once for either form.
struct StatusFacts {
  store::Counts counts;
  PageOutcomes outcomes;
  store::GraphState graph;
  std::optional<store::CrawlRun> crawl;
  std::vector<store::CrawlQueue::LiveWorker> workers;
};

Result<StatusFacts> ReadFacts(store::Store& store) {
  StatusFacts facts;
  auto counts = store.Count();
  if (!counts.ok()) return counts.error().WithContext("status");
  facts.counts = std::move(*counts);
  auto outcomes = CountPageOutcomes(store, kTopReasons);
  if (!outcomes.ok()) return outcomes.error().WithContext("status");
  facts.outcomes = std::move(*outcomes);
  auto graph = store.Graph();
  if (!graph.ok()) return graph.error().WithContext("status");
  facts.graph = std::move(*graph);
  auto crawl = store.LastCrawl();
  if (!crawl.ok()) return crawl.error().WithContext("status");
  facts.crawl = std::move(*crawl);
  if (facts.crawl && facts.crawl->finished_at.empty()) {
    auto live = store.LiveWorkers(facts.crawl->id);
    if (!live.ok()) return live.error().WithContext("status");
    facts.workers = std::move(*live);
  }
  return facts;
}

// One "name value" line of the last-crawl section, its values aligned.
template <typename T>
void CrawlLine(std::ostream& out, std::string_view name, const T& value) {
  constexpr size_t kWidth = 20;
  out << name << std::string(name.size() < kWidth ? kWidth - name.size() : 1, ' ');
  if constexpr (std::is_arithmetic_v<T>) {
    out << value << '\n';
  } else {
    out << ForTerminal(value) << '\n';
  }
}

// The newest crawl, finished or not. The free-text line comes last so that
// a reader taking the output as "name value" pairs stays in step.
void WriteLastCrawl(const std::optional<store::CrawlRun>& crawl,
                    const std::vector<store::CrawlQueue::LiveWorker>& workers, std::ostream& out) {
  if (!crawl) {
    CrawlLine(out, "crawl-started", "never");
    return;
  }
  const store::CrawlTotals& totals = crawl->totals;
  CrawlLine(out, "crawl-started", crawl->started_at);
  CrawlLine(out, "crawl-fetched", totals.fetched);
  CrawlLine(out, "crawl-not-modified", totals.not_modified);
  CrawlLine(out, "crawl-failed", totals.failed);
  CrawlLine(out, "crawl-skipped", totals.skipped);
  CrawlLine(out, "crawl-new-comments", totals.new_comments);
  CrawlLine(out, "crawl-new-mentions", totals.new_mentions);
  CrawlLine(out, "crawl-done", crawl->done);
  CrawlLine(out, "crawl-queued", crawl->queued);
  if (!workers.empty()) {
    // Several workers on one PostgreSQL crawl: who is at it, with how many hosts.
    std::string names;
    for (const store::CrawlQueue::LiveWorker& worker : workers) {
      names += (names.empty() ? "" : ", ") + worker.worker + " (" + std::to_string(worker.hosts) +
               (worker.hosts == 1 ? " host)" : " hosts)");
    }
    CrawlLine(out, "crawl-workers", std::to_string(workers.size()) + ": " + names);
  }
  CrawlLine(out, "crawl-outcome", crawl->outcome ? CrawlOutcomeName(*crawl->outcome) : "none");
  CrawlLine(out, "crawl-finished",
            crawl->finished_at.empty()
                ? "unfinished: killed or still running; the same command resumes it"
                : crawl->finished_at);
}

void WritePageOutcomes(const PageOutcomes& outcomes, std::ostream& out) {
  out << "outcomes    ";
  for (const auto& [outcome, pages] : outcomes.pages) {
    out << PageOutcomeName(outcome) << '=' << pages << ' ';
  }
  out << "(pages by what came of them: linkgraph report pages)\n";
  for (const auto& [reason, pages] : outcomes.top_reasons) {
    // Reasons quote what sites sent: shown, never obeyed.
    out << "why-empty   " << pages << ' ' << ForTerminal(reason) << '\n';
  }
}

void WriteTable(const StatusFacts& facts, std::ostream& out) {
  const store::Counts& counts = facts.counts;
  // One "name value" pair a line, so scripts can read it too.
  out << "sites       " << counts.sites << '\n'
      << "posts       " << counts.posts << '\n'
      << "comments    " << counts.comments << '\n'
      << "trackbacks  " << counts.trackbacks << '\n'
      << "mentions    " << counts.mentions << '\n'
      << "identities  " << counts.identities << '\n'
      << "pages       " << counts.pages << '\n';
  for (const auto& [status, count] : counts.pages_by_status) {
    std::string label = "  " + ForTerminal(status);
    out << label << std::string(label.size() < 12 ? 12 - label.size() : 1, ' ') << count << '\n';
  }
  WritePageOutcomes(facts.outcomes, out);
  out << "last-fetch  "
      << (counts.last_fetched_at.empty() ? "never" : ForTerminal(counts.last_fetched_at)) << '\n';
  const store::GraphState& graph = facts.graph;
  out << "people      " << graph.people << '\n'
      << "edges       " << graph.edges << '\n'
      << "graph       "
      << (graph.built ? "derived " + graph.built_at + " by rules " + graph.rules_version
                      : std::string("not derived yet (linkgraph rebuild)"))
      << (graph.built && graph.stale ? ", older than the stored pages (linkgraph rebuild)" : "")
      << '\n';
  if (!graph.unread_languages.empty()) {
    out << "not-read    ";
    for (const auto& [language, texts] : graph.unread_languages) {
      out << language << '=' << texts << ' ';
    }
    out << "(texts whose language the meeting rules do not read)\n";
  }
  WriteLastCrawl(facts.crawl, facts.workers, out);
}

nlohmann::json CrawlJson(const std::optional<store::CrawlRun>& crawl,
                         const std::vector<store::CrawlQueue::LiveWorker>& workers) {
  if (!crawl) return nullptr;
  const store::CrawlTotals& totals = crawl->totals;
  nlohmann::json live = nlohmann::json::array();
  for (const store::CrawlQueue::LiveWorker& worker : workers) {
    live.push_back({{"worker", worker.worker}, {"hosts", worker.hosts}});
  }
  return {{"id", crawl->id},
          {"started_at", crawl->started_at},
          {"finished_at", crawl->finished_at},
          {"outcome", crawl->outcome ? CrawlOutcomeName(*crawl->outcome) : ""},
          {"fetched", totals.fetched},
          {"not_modified", totals.not_modified},
          {"failed", totals.failed},
          {"skipped", totals.skipped},
          {"new_comments", totals.new_comments},
          {"new_mentions", totals.new_mentions},
          {"done", crawl->done},
          {"queued", crawl->queued},
          {"workers", live}};
}

nlohmann::json PagesJson(const StatusFacts& facts) {
  nlohmann::json by_status = nlohmann::json::object();
  for (const auto& [status, count] : facts.counts.pages_by_status) by_status[status] = count;
  nlohmann::json by_outcome = nlohmann::json::object();
  for (const auto& [outcome, pages] : facts.outcomes.pages) {
    by_outcome[PageOutcomeName(outcome)] = pages;
  }
  nlohmann::json reasons = nlohmann::json::array();
  for (const auto& [reason, pages] : facts.outcomes.top_reasons) {
    reasons.push_back({{"reason", reason}, {"pages", pages}});
  }
  return {{"total", facts.counts.pages},
          {"by_status", by_status},
          {"by_outcome", by_outcome},
          {"top_reasons", reasons},
          {"last_fetched_at", facts.counts.last_fetched_at}};
}

nlohmann::json GraphJson(const store::GraphState& graph) {
  nlohmann::json not_read = nlohmann::json::object();
  for (const auto& [language, texts] : graph.unread_languages) not_read[language] = texts;
  return {{"people", graph.people},
          {"edges", graph.edges},
          {"derived", graph.built},
          {"derived_at", graph.built_at},
          {"rules_version", graph.rules_version},
          {"stale", graph.built && graph.stale},
          {"not_read", not_read}};
}

void WriteJson(const StatusFacts& facts, const std::string& database, std::ostream& out) {
  const store::Counts& counts = facts.counts;
  nlohmann::json status = {{"sites", counts.sites},
                           {"posts", counts.posts},
                           {"comments", counts.comments},
                           {"trackbacks", counts.trackbacks},
                           {"mentions", counts.mentions},
                           {"identities", counts.identities},
                           {"pages", PagesJson(facts)},
                           {"graph", GraphJson(facts.graph)},
                           {"last_crawl", CrawlJson(facts.crawl, facts.workers)}};
  if (!database.empty()) status["database"] = database;
  // Invalid UTF-8 from a page becomes U+FFFD rather than an exception.
  out << status.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace

Status WriteStatus(store::Store& store, const std::string& database, Format format,
                   std::ostream& out) {
  Result<StatusFacts> facts = ReadFacts(store);
  if (!facts) return facts.error();
  if (format == Format::kJson) {
    WriteJson(*facts, database, out);
    return {};
  }
  if (!database.empty()) out << "database    " << ForTerminal(database) << '\n';
  WriteTable(*facts, out);
  return {};
}

Status WriteStatus(store::Store& store, std::ostream& out) {
  return WriteStatus(store, "", Format::kTable, out);
}

}  // namespace linkgraph::reports
