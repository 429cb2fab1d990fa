// Private to cli/: --help as a Debian tool prints it: "--delay SECONDS",
// then the description, the range in words and "[default: 1]", instead of
// CLI11's "FLOAT:FLOAT in [0 - 3600]=1". Stateless; thread-safe.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace linkgraph::cli {

class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option_opts(const CLI::Option* option) const override;
  std::string make_option_desc(const CLI::Option* option) const override;
};

}  // namespace linkgraph::cli
