// Saved page files read, extracted as a crawl would, and saved in batches
// of one transaction each (pipeline.h).
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "common/ascii.h"
#include "crawler/crawler.h"
#include "pipeline/graph_step.h"
#include "pipeline/pipeline.h"

namespace linkgraph::pipeline {
namespace {

namespace fs = std::filesystem;

bool IsPageFile(const fs::path& path) {
  const std::string extension = ToLowerAscii(path.extension().string());
  return extension == ".html" || extension == ".htm" || extension == ".xhtml" ||
         extension == ".shtml";
}

std::vector<std::string> PageFilesBelow(const std::string& folder) {
  std::vector<std::string> found;
  std::error_code error;
  for (auto it = fs::recursive_directory_iterator(
           folder, fs::directory_options::skip_permission_denied, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (it->is_regular_file(error) && IsPageFile(it->path())) found.push_back(it->path().string());
  }
  std::sort(found.begin(), found.end());
  return found;
}

store::PageToSave ReadAndProcess(const std::string& file, const ImportConfig& config,
                                 store::Store& store) {
  std::string url = crawler::FileUrlFromPath(file);
  std::error_code error;
  std::uintmax_t size = fs::file_size(file, error);
  if (error) return FailedPage(url, UrlOutcome::kError, error.message());
  if (size > config.max_file_bytes) {
    return FailedPage(url, UrlOutcome::kTooLarge, "file is " + std::to_string(size >> 20) + " MB");
  }
  // Read into one buffer of the file's size: a stream's doubling buffer
  // would hold up to twice the page.
  std::ifstream in(file, std::ios::binary);
  std::string bytes(static_cast<size_t>(size), '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    return FailedPage(url, UrlOutcome::kError, "cannot read file");
  }
  store::PageToSave page = ProcessPage(bytes, url, "", config.reextract ? nullptr : &store);
  page.rewrite = config.reextract;
  return page;
}

}  // namespace

void ImportObserver::OnPage(const std::string&, const store::PageToSave&) {}
void ImportObserver::OnPagesSaved(const ImportResult&) {}

std::vector<std::string> ListPageFiles(const std::vector<std::string>& paths,
                                       std::vector<std::string>* missing) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      if (missing != nullptr) missing->push_back(path);
    } else if (fs::is_directory(status)) {
      std::vector<std::string> below = PageFilesBelow(path);
      files.insert(files.end(), below.begin(), below.end());
    } else {
      files.push_back(path);
    }
  }
  return files;
}

Result<ImportResult> ImportFiles(const std::vector<std::string>& files, const ImportConfig& config,
                                 store::Store& store, ImportObserver& observer,
                                 std::stop_token stop) {
  ImportResult result;
  const std::string started_at = NowIso8601Utc();
  if (Status noted = store.RecordRun({started_at, store::RunCommand::kImport}); !noted) {
    return noted.error();
  }
  std::vector<store::PageToSave> batch;
  auto flush = [&]() -> Status {
    Result<store::SaveOutcome> saved = store.SavePages(batch);
    batch.clear();
    if (!saved) return saved.error();
    AddOutcome(*saved, &result.saved);
    return {};
  };
  for (const std::string& file : files) {
    if (stop.stop_requested()) {
      result.stopped = true;
      break;
    }
    store::PageToSave page = ReadAndProcess(file, config, store);
    page.run_started_at = started_at;
    ++result.files;
    if (page.fetch.status != OutcomeName(UrlOutcome::kOk)) ++result.failed;
    if (HoldsPost(page)) ++result.with_posts;
    observer.OnPage(file, page);
    batch.push_back(std::move(page));
    if (batch.size() >= config.batch_pages) {
      if (Status saved = flush(); !saved) return saved.error();
    }
  }
  if (!batch.empty()) {
    if (Status saved = flush(); !saved) return saved.error();
  }
  observer.OnPagesSaved(result);
  if (config.derive_graph && !result.stopped) UpdateGraphOf(store, &result);
  return result;
}

}  // namespace linkgraph::pipeline
