// The TOML config file (`linkgraph crawl --config FILE`): any bytes
// are read as the options or refused as a usage error, never a crash or an
// exception; what is accepted lies within each option's declared range.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/command_line.h"
#include "tests/fuzz/fuzz_input.h"

namespace {

// One file per process, rewritten for each input: --config names a file.
const std::string& ConfigPath() {
  static const std::string path = [] {
    std::string name = "/tmp/linkgraph-config-fuzz-" + std::to_string(getpid()) + ".toml";
    std::atexit([] { std::remove(ConfigPath().c_str()); });
    return name;
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // A file may say urls-file = "-": standard input must end at once.
  static const bool stdin_closed = std::freopen("/dev/null", "r", stdin) != nullptr;
  (void)stdin_closed;
  {
    std::ofstream file(ConfigPath(), std::ios::binary | std::ios::trunc);
    file.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  linkgraph::cli::CommandLine line;
  std::ostringstream out;
  std::ostringstream err;
  const int status = linkgraph::cli::ParseCommandLine(
      {"crawl", "--config", ConfigPath(), "http://blog.example/"}, &line, out, err);
  if (status != linkgraph::cli::kParsed) {
    if (status != linkgraph::cli::kExitUsage && status != 0) {
      linkgraph::fuzz::Fail("config", "an exit status that is neither usage nor help");
    }
    return 0;
  }
  const linkgraph::cli::CrawlOptions& crawl = line.crawl;
  if (line.command != linkgraph::cli::CommandLine::Command::kCrawl) {
    linkgraph::fuzz::Fail("config", "parsed as another command");
  }
  if (crawl.concurrency < 1 || crawl.per_host < 1 || crawl.delay_seconds < 0 ||
      crawl.max_body_bytes < 1024 || crawl.max_links_per_page < 1) {
    linkgraph::fuzz::Fail("config", "an option outside its range was accepted");
  }
  return 0;
}
