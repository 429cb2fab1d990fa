#include "cli/run_log.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "common/ascii.h"
#include "common/clock.h"
#include "common/terminal_text.h"

namespace linkgraph::cli {
namespace {

// The terminal's stderr, set aside while a RunLog copies std::cerr.
std::streambuf* g_terminal_err = nullptr;

}  // namespace

std::string SummaryLine(std::chrono::system_clock::time_point when, std::string_view command,
                        std::string_view outcome, const std::string& database,
                        std::string_view detail) {
  std::string line = Iso8601Utc(when) + " linkgraph ";
  line.append(command).append(" ").append(outcome).append(": db=").append(database);
  if (!detail.empty()) line.append(" ").append(detail);
  return line;
}

std::string_view OutcomeOfStatus(int status) {
  switch (status) {
    case kExitOk:
      return "ok";
    case kExitPartial:
      return "partial";
    case kExitUsage:
      return "usage";
    case kExitBusy:
      return "busy";
    case kExitInterrupted:
    case kExitTerminated:
      return "interrupted";
    default:
      return "failed";
  }
}

int PrintSummary(std::string_view command, const std::string& database, int status,
                 std::string_view detail) {
  std::cout << SummaryLine(SystemClock().Wall(), command, OutcomeOfStatus(status), database,
                           ForTerminal(detail))
            << '\n';
  return status;
}

bool StartsWithTimestamp(std::string_view line) {
  constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ ";
  if (line.size() < kShape.size()) return false;
  for (size_t i = 0; i < kShape.size(); ++i) {
    const bool digit = IsAsciiDigit(line[i]);
    if (kShape[i] == 'd' ? !digit : line[i] != kShape[i]) return false;
  }
  return true;
}

std::ostream& TerminalOnly() {
  static std::ostream terminal(nullptr);
  terminal.rdbuf(g_terminal_err ? g_terminal_err : std::cerr.rdbuf());
  return terminal;
}

// A stream buffer that passes everything on to the terminal's, and each
// whole line to the log after the time. Unbuffered itself: the stream
// above it (std::cout, std::cerr) decides when to flush.
class RunLog::Tee : public std::streambuf {
 public:
  Tee(std::streambuf* terminal, std::ofstream* log) : terminal_(terminal), log_(log) {}
  ~Tee() override { WriteLine(); }

 protected:
  int_type overflow(int_type ch) override {
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    const char c = traits_type::to_char_type(ch);
    xsputn(&c, 1);
    return ch;
  }
  std::streamsize xsputn(const char* text, std::streamsize size) override {
    terminal_->sputn(text, size);
    for (std::streamsize i = 0; i < size; ++i) {
      if (text[i] == '\n') {
        WriteLine();
      } else {
        line_ += text[i];
      }
    }
    return size;
  }
  int sync() override {
    log_->flush();
    return terminal_->pubsync();
  }

 private:
  void WriteLine() {
    if (line_.empty()) return;
    if (!StartsWithTimestamp(line_)) *log_ << NowIso8601Utc() << ' ';
    *log_ << line_ << '\n';
    log_->flush();  // a cron job's log is read while the run goes on
    line_.clear();
  }

  std::streambuf* terminal_;
  std::ofstream* log_;
  std::string line_;
};

Result<std::unique_ptr<RunLog>> RunLog::Open(const std::string& path) {
  namespace fs = std::filesystem;
  if (path.empty()) return std::unique_ptr<RunLog>();
  const fs::path folder = fs::path(path).parent_path();
  std::error_code ignored;
  if (!folder.empty() && !fs::is_directory(folder, ignored)) {
    return Error{ErrorCode::kNotFound,
                 "--log " + path + ": no folder " + folder.string() + " (create it first)"};
  }
  std::unique_ptr<RunLog> log(new RunLog());
  log->file_.open(path, std::ios::app | std::ios::binary);
  if (!log->file_) {
    return Error{ErrorCode::kIo,
                 "--log " + path + ": cannot append to it: " + std::strerror(errno)};
  }
  std::cout.flush();
  log->original_out_ = std::cout.rdbuf();
  log->original_err_ = std::cerr.rdbuf();
  log->out_ = std::make_unique<Tee>(log->original_out_, &log->file_);
  log->err_ = std::make_unique<Tee>(log->original_err_, &log->file_);
  std::cout.rdbuf(log->out_.get());
  std::cerr.rdbuf(log->err_.get());
  g_terminal_err = log->original_err_;
  return log;
}

RunLog::~RunLog() {
  std::cout.flush();
  std::cerr.flush();
  std::cout.rdbuf(original_out_);
  std::cerr.rdbuf(original_err_);
  g_terminal_err = nullptr;
}

}  // namespace linkgraph::cli
