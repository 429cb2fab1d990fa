// `linkgraph import PATH...`: saved pages from disk, extracted as a crawl
// would, saved in batches (one transaction each).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string_view>

#include "cli/commands.h"
#include "cli/page_pipeline.h"
#include "cli/run_lock.h"
#include "common/ascii.h"
#include "common/terminal_text.h"
#include "crawler/crawler.h"
#include "graph/graph.h"

namespace linkgraph::cli {
namespace {

namespace fs = std::filesystem;

std::string Explain(const fs::path& file, const store::PageToSave& page);

// Tells each page as it is read: --explain's line, and a failure's reason.
class ImportPrinter : public pipeline::ImportObserver {
 public:
  ImportPrinter(const ImportOptions& options, size_t files) : options_(options), files_(files) {}

  void OnPage(const std::string& file, const store::PageToSave& page) override {
    // Titles and names come from the pages: shown, never obeyed.
    if (options_.explain) std::cout << ForTerminal(Explain(file, page)) << '\n';
    if (page.fetch.status != "ok") {
      std::cerr << "linkgraph import: " << ForTerminal(file + ": " + page.fetch.error) << '\n';
    }
  }

  void OnPagesSaved(const pipeline::ImportResult& result) override {
    if (options_.quiet) return;
    std::cout << "imported " << result.files - result.failed << " of " << files_ << " files into "
              << store::LocationForMessages(options_.database) << ": "
              << pipeline::DescribeOutcome(result.saved) << '\n';
  }

 private:
  const ImportOptions& options_;
  size_t files_;
};

// One line saying how a page was read: which platform's reading, and what
// it found. For checking a new blog's markup before crawling it.
// "; meetings not read in 12 texts (de): no rules for that language".
std::string NotReadForMeetings(const ExtractedPage& read) {
  std::map<std::string, int> unread;
  auto count = [&](std::string_view text) {
    std::string_view language = graph::TextLanguage(text);
    if (!graph::MeetingRulesRead(language)) ++unread[std::string(language)];
  };
  count(read.post.text);
  for (const Comment& c : read.comments) {
    if (c.kind == "comment") count(c.text);
  }
  if (unread.empty()) return "";
  int texts = 0;
  std::string languages;
  for (const auto& [language, n] : unread) {
    texts += n;
    languages += (languages.empty() ? "" : ", ") + language;
  }
  return "; meetings not read in " + std::to_string(texts) + " texts (" + languages +
         "): no rules for that language";
}

std::string Explain(const fs::path& file, const store::PageToSave& page) {
  std::string line = file.string() + ": ";
  if (page.fetch.status != "ok") return line + page.fetch.status + " (" + page.fetch.error + ")";
  if (!page.extracted) return line + "unchanged since it was stored (--reextract reads it again)";
  const ExtractedPage& read = *page.extracted;
  line += "platform " + (read.platform.empty() ? std::string("unknown (generic reading)")
                                               : read.platform);
  if (!read.has_post) return line + "; no single post (a listing, or no post body found)";
  const auto texts = std::count_if(read.comments.begin(), read.comments.end(),
                                   [](const Comment& c) { return c.kind == "comment"; });
  const auto replies = std::count_if(read.comments.begin(), read.comments.end(), [](const Comment& c) {
    return c.kind == "comment" && !c.parent_id.empty();
  });
  const size_t reactions = read.comments.size() - static_cast<size_t>(texts);
  line += "; post \"" + read.post.title + "\"";
  if (!read.post.author.empty()) line += " by " + read.post.author;
  if (!read.post.published.empty()) line += " on " + read.post.published;
  line += "; " + std::to_string(texts) + " comments (" + std::to_string(replies) + " replies), ";
  if (reactions > 0) line += std::to_string(reactions) + " likes/reposts/bookmarks, ";
  line += std::to_string(read.trackbacks.size()) + " trackbacks, " +
          std::to_string(read.mentions.size()) + " mentions; comments read as " +
          read.comments_source;
  return line + NotReadForMeetings(read);
}

}  // namespace

int RunImport(const ImportOptions& options) {
  std::vector<std::string> missing;
  std::vector<std::string> files = pipeline::ListPageFiles(options.paths, &missing);
  for (const std::string& path : missing) {
    std::cerr << "linkgraph import: " << ForTerminal(path) << ": no such file or directory\n";
  }
  if (files.empty()) {
    std::cerr << "linkgraph import: no pages to import\n";
    return kExitFailure;
  }
  Result<RunLock> lock = RunLock::Acquire(options.database, options.lock_timeout_seconds);
  if (!lock) {
    std::cerr << "linkgraph import: " << lock.error().message << '\n';
    return ExitStatusOfLockFailure(lock.error());
  }
  auto store = OpenStoreToWrite(options.database);
  if (!store.ok()) {
    std::cerr << "linkgraph import: " << store.error().message << '\n';
    return kExitFailure;
  }
  pipeline::ImportConfig config;
  config.reextract = options.reextract;
  config.derive_graph = !options.no_graph;
  ImportPrinter printer(options, files.size());
  Result<pipeline::ImportResult> imported = pipeline::ImportFiles(files, config, **store, printer);
  if (!imported) {
    std::cerr << "linkgraph import: " << imported.error().message << '\n';
    return kExitFailure;
  }
  if (imported->graph_error) {
    ReportGraphUpdate(*imported->graph_error, options.quiet, "import");
    return kExitFailure;
  }
  ReportGraphUpdate(imported->graph, options.quiet, "import");
  return imported->failed + missing.size() > 0 ? kExitFailure : kExitOk;
}

}  // namespace linkgraph::cli
