// Private to cli/: --help as a Debian tool prints it: "--delay SECONDS",
// then the description, the range in words and "[default: 1]", instead of
// CLI11's "FLOAT:FLOAT in [0 - 3600]=1"; descriptions wrapped to 80 columns
// (CLI11 2.1 does not wrap). Stateless; thread-safe.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace linkgraph::cli {

class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option_opts(const CLI::Option* option) const override;
  std::string make_option_desc(const CLI::Option* option) const override;
  std::string make_subcommand(const CLI::App* command) const override;
  std::string make_description(const CLI::App* app) const override;
};

// text with its lines broken at spaces to at most `width` columns; a
// parenthesised or bracketed group ("(1 to 20000)", "[default: 5000]") and a
// run of choices ("table | csv | json") are broken only when longer than a
// line. Line breaks in text stay.
std::string WrapHelpText(const std::string& text, size_t width);

}  // namespace linkgraph::cli
