// Private to cli/: the TOML file `--config FILE` names, read (tomlplusplus)
// into the option values of one command, each with the line it came from,
// and fed to that command's CLI11 options so that a value an option
// refuses is told as "FILE:LINE: key: why".
// Plain values and a function; thread-compatible.
#pragma once

#include <CLI/CLI.hpp>
#include <map>
#include <string>
#include <vector>

#include "common/result.h"

namespace linkgraph::cli {

// One key of the file, as its option would be written on the command line.
struct ConfigValue {
  std::string key;                  // the long option name: "delay", "urls"
  std::vector<std::string> values;  // "2"; an array gives one per element
  bool is_boolean = false;          // true or false in the file (what a flag takes)
  std::string where;                // "crawl.toml:4", for messages
};

// The keys each command accepts, by command name ("crawl" -> "delay", ...).
using ConfigKeys = std::map<std::string, std::vector<std::string>>;

// Reads the file at path and returns the values for command: the top-level
// keys that command has, then its own [command] table's (later ones win).
// The whole file is checked, whatever the command: a table must name a
// command and each key must be one its command has (a top-level key, one
// some command has), else the message names the line, the key and the
// name probably meant. A relative urls-file is made relative to the file's
// folder. Every message begins with the path, "crawl.toml:3:7: ...".
Result<std::vector<ConfigValue>> ReadConfigFile(const std::string& path, const std::string& command,
                                                const ConfigKeys& keys);

// Sets command's options (command being app's subcommand that was parsed)
// from the file at path, each as if typed, so it is converted and checked
// as on the command line; those args (the command line) gave are left as
// they are. Fails with "FILE:LINE: key: why" for a value an option refuses.
Status ApplyConfigFile(const std::string& path, const CLI::App& app, CLI::App* command,
                       const std::vector<std::string>& args);

}  // namespace linkgraph::cli
