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

constexpr size_t kBatchPages = 64;
// Far above any real page; refuses without reading a file that could not be one.
constexpr uintmax_t kMaxFileBytes = 64u << 20;

bool IsPageFile(const fs::path& path) {
  const std::string extension = ToLowerAscii(path.extension().string());
  return extension == ".html" || extension == ".htm" || extension == ".xhtml" ||
         extension == ".shtml";
}

// The files named, and the page files below the folders named, sorted per
// argument so runs are repeatable. Missing paths are reported and skipped.
std::vector<fs::path> CollectFiles(const std::vector<std::string>& arguments, int* missing) {
  std::vector<fs::path> files;
  for (const std::string& argument : arguments) {
    std::error_code error;
    fs::file_status status = fs::status(argument, error);
    if (error || !fs::exists(status)) {
      std::cerr << "linkgraph import: " << argument << ": no such file or directory\n";
      ++*missing;
      continue;
    }
    if (!fs::is_directory(status)) {
      files.push_back(argument);
      continue;
    }
    std::vector<fs::path> found;
    for (auto it = fs::recursive_directory_iterator(
             argument, fs::directory_options::skip_permission_denied, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (it->is_regular_file(error) && IsPageFile(it->path())) found.push_back(it->path());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

store::PageToSave ReadAndProcess(const fs::path& path, store::Store& store, bool reextract) {
  std::string url = crawler::FileUrlFromPath(path.string());
  std::error_code error;
  uintmax_t size = fs::file_size(path, error);
  if (error) return FailedPage(url, "error", error.message());
  if (size > kMaxFileBytes) {
    return FailedPage(url, "too_large", "file is " + std::to_string(size >> 20) + " MB");
  }
  // Read into one buffer of the file's size: a stream's doubling buffer
  // would hold up to twice the page.
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<size_t>(size), '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    return FailedPage(url, "error", "cannot read file");
  }
  store::PageToSave page = ProcessPage(bytes, url, "", reextract ? nullptr : &store);
  page.rewrite = reextract;
  return page;
}

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
  int missing = 0;
  std::vector<fs::path> files = CollectFiles(options.paths, &missing);
  if (files.empty()) {
    std::cerr << "linkgraph import: no pages to import\n";
    return kExitFailure;
  }
  Result<RunLock> lock = RunLock::Acquire(options.database, options.lock_timeout_seconds);
  if (!lock) {
    std::cerr << "linkgraph import: " << lock.error().message << '\n';
    return kExitFailure;
  }
  auto store = OpenStoreToWrite(options.database);
  if (!store.ok()) {
    std::cerr << "linkgraph import: " << store.error().message << '\n';
    return kExitFailure;
  }
  store::SaveOutcome total;
  int failed = 0;
  std::vector<store::PageToSave> batch;
  auto flush = [&]() -> bool {
    auto saved = (*store)->SavePages(batch);
    batch.clear();
    if (!saved.ok()) {
      std::cerr << "linkgraph import: " << saved.error().message << '\n';
      return false;
    }
    AddOutcome(*saved, &total);
    return true;
  };
  for (const fs::path& file : files) {
    store::PageToSave page = ReadAndProcess(file, **store, options.reextract);
    // Titles and names come from the pages: shown, never obeyed.
    if (options.explain) std::cout << ForTerminal(Explain(file, page)) << '\n';
    if (page.fetch.status != "ok") {
      std::cerr << "linkgraph import: " << ForTerminal(file.string() + ": " + page.fetch.error)
                << '\n';
      ++failed;
    }
    batch.push_back(std::move(page));
    if (batch.size() >= kBatchPages && !flush()) return kExitFailure;
  }
  if (!batch.empty() && !flush()) return kExitFailure;
  if (!options.quiet) {
    std::cout << "imported " << files.size() - failed << " of " << files.size() << " files into "
              << options.database << ": " << DescribeOutcome(total) << '\n';
  }
  if (!options.no_graph && !UpdateGraph(**store, total, options.quiet, "import")) {
    return kExitFailure;
  }
  return failed + missing > 0 ? kExitFailure : kExitOk;
}

}  // namespace linkgraph::cli
