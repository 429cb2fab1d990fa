// A config file is TOML, read by tomlplusplus: a full TOML 1.0 parser that
// reports the line and column of every syntax error and of every key and
// value, which is what the messages below are made of.
#include "cli/config_file.h"

#include <toml++/toml.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <charconv>
#include <filesystem>
#include <sstream>
#include <string_view>

#include "cli/suggestion.h"
#include "cli/text_file.h"
#include "common/terminal_text.h"

namespace linkgraph::cli {
namespace {

// Keys whose value is a file: a relative one is relative to the config
// file's folder (cron runs in $HOME), "-" stays standard input.
constexpr std::array<std::string_view, 1> kPathKeys = {"urls-file"};

// A config is a few dozen lines; the bound is for a mistaken path.
constexpr size_t kMaxConfigFileBytes = 1 << 20;

Error ConfigError(const std::string& message) {
  return Error{ErrorCode::kInvalidArgument, message};
}

std::string Where(const std::string& path, const toml::source_region& source) {
  return path + ":" + std::to_string(source.begin.line);
}

std::string Quoted(std::string_view key) { return "'" + ForTerminal(key) + "'"; }

// What one TOML value reads as on a command line, or why it cannot be one.
Result<std::string> ScalarText(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return *node.value<std::string>();
    case toml::node_type::integer:
      return std::to_string(*node.value<int64_t>());
    case toml::node_type::floating_point: {
      std::array<char, 64> text{};
      auto written = std::to_chars(text.data(), text.data() + text.size(), *node.value<double>());
      return std::string(text.data(), written.ptr);
    }
    case toml::node_type::boolean:
      return std::string(*node.value<bool>() ? "true" : "false");
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time: {
      std::ostringstream text;
      text << toml::node_view<const toml::node>(node);
      return text.str();
    }
    default:
      return ConfigError("a table, where a value or an array of values was expected");
  }
}

Result<ConfigValue> ReadValue(const std::string& path, const toml::key& key,
                              const toml::node& node) {
  ConfigValue value;
  value.key = std::string(key.str());
  value.where = Where(path, key.source());
  value.is_boolean = node.is_boolean();
  auto add = [&](const toml::node& element) -> Status {
    Result<std::string> text = ScalarText(element);
    if (!text) return ConfigError(value.where + ": " + value.key + ": " + text.error().message);
    value.values.push_back(std::move(*text));
    return {};
  };
  if (const toml::array* array = node.as_array()) {
    for (const toml::node& element : *array) {
      if (Status added = add(element); !added) return added.error();
    }
  } else if (Status added = add(node); !added) {
    return added.error();
  }
  if (std::find(kPathKeys.begin(), kPathKeys.end(), value.key) != kPathKeys.end()) {
    const std::filesystem::path folder = std::filesystem::path(path).parent_path();
    for (std::string& file : value.values) {
      if (file != "-" && std::filesystem::path(file).is_relative()) {
        file = (folder / file).lexically_normal().string();
      }
    }
  }
  return value;
}

std::vector<std::string> AllKeys(const ConfigKeys& keys) {
  std::vector<std::string> all;
  for (const auto& [command, names] : keys) all.insert(all.end(), names.begin(), names.end());
  return all;
}

bool Has(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

Status CheckKey(const std::string& path, const toml::key& key, const std::string& table,
                const std::vector<std::string>& known) {
  if (Has(known, key.str())) return {};
  return ConfigError(Where(path, key.source()) + ": unknown key " + Quoted(key.str()) +
                     (table.empty() ? std::string(" (no command has it)") : " in [" + table + "]") +
                     DidYouMean(key.str(), known));
}

// The [command] tables and top-level keys: each checked, and those that
// apply to command added to *values, the table's last.
Status ReadTables(const std::string& path, const toml::table& root, const std::string& command,
                  const ConfigKeys& keys, std::vector<ConfigValue>* values) {
  const std::vector<std::string> all_keys = AllKeys(keys);
  std::vector<std::string> commands;
  for (const auto& entry : keys) commands.push_back(entry.first);
  std::vector<ConfigValue> from_table;
  for (const auto& [key, node] : root) {
    if (const toml::table* table = node.as_table()) {
      auto known = keys.find(std::string(key.str()));
      if (known == keys.end()) {
        return ConfigError(Where(path, key.source()) + ": unknown table [" +
                           ForTerminal(key.str()) + "] (tables are commands)" +
                           DidYouMean(key.str(), commands));
      }
      for (const auto& [inner_key, inner_node] : *table) {
        if (Status checked = CheckKey(path, inner_key, known->first, known->second); !checked) {
          return checked;
        }
        Result<ConfigValue> value = ReadValue(path, inner_key, inner_node);
        if (!value) return value.error();
        if (known->first == command) from_table.push_back(std::move(*value));
      }
      continue;
    }
    if (Status checked = CheckKey(path, key, "", all_keys); !checked) return checked;
    Result<ConfigValue> value = ReadValue(path, key, node);
    if (!value) return value.error();
    auto own = keys.find(command);
    if (own != keys.end() && Has(own->second, key.str())) values->push_back(std::move(*value));
  }
  for (ConfigValue& value : from_table) values->push_back(std::move(value));
  return {};
}

}  // namespace

Result<std::vector<ConfigValue>> ReadConfigFile(const std::string& path, const std::string& command,
                                                const ConfigKeys& keys) {
  Result<std::string> text = ReadTextFile(path, kMaxConfigFileBytes);
  if (!text) return ConfigError("cannot read config file " + path + ": " + text.error().message);
  toml::table root;
  try {
    root = toml::parse(*text, std::string_view(path));
  } catch (const toml::parse_error& syntax) {
    return ConfigError(path + ":" + std::to_string(syntax.source().begin.line) + ":" +
                       std::to_string(syntax.source().begin.column) + ": " +
                       ForTerminal(syntax.description()));
  }
  std::vector<ConfigValue> values;
  if (Status read = ReadTables(path, root, command, keys, &values); !read) return read.error();
  return values;
}

namespace {

// The keys a config file may give each command: its long option names and,
// for crawl, urls (the seeds).
ConfigKeys ConfigKeysOf(const CLI::App& app) {
  ConfigKeys keys;
  for (const CLI::App* command : app.get_subcommands({})) {
    std::vector<std::string>& names = keys[command->get_name()];
    for (const CLI::Option* option : command->get_options()) {
      if (option->get_positional() && option->get_name() == "urls") names.push_back("urls");
      for (const std::string& name : option->get_lnames()) {
        if (name != "help" && name != "config") names.push_back(name);
      }
    }
  }
  return keys;
}

// Whether the command line itself set option: a value CLI11 took from the
// environment (LINKGRAPH_DB) yields to the config file.
bool GivenOnCommandLine(const CLI::Option& option, const std::vector<std::string>& args) {
  if (option.count() == 0) return false;
  if (option.get_envname().empty()) return true;
  for (const std::string& name : option.get_lnames()) {
    for (const std::string& arg : args) {
      if (arg == "--" + name || arg.starts_with("--" + name + "=")) return true;
    }
  }
  return false;
}

// Feeds one config value to its option as if typed, so it is converted,
// transformed and checked as on the command line.
void ApplyConfigValue(const ConfigValue& value, CLI::Option* option) {
  option->clear();
  if (option->get_expected_min() == 0) {  // a flag
    if (!value.is_boolean) throw CLI::ValidationError(value.key, "takes true or false");
    option->add_result(option->get_flag_value(value.key, value.values.front()));
  } else {
    option->add_result(value.values);
  }
  option->run_callback();
}

// "--delay: 5000 is not in 0 to 3600" without its "--delay: ".
std::string WithoutOptionName(std::string message, const std::string& key) {
  for (const std::string& prefix : {"--" + key + ": ", key + ": "}) {
    if (message.starts_with(prefix)) return message.substr(prefix.size());
  }
  return message;
}

}  // namespace

Status ApplyConfigFile(const std::string& path, const CLI::App& app, CLI::App* command,
                       const std::vector<std::string>& args) {
  Result<std::vector<ConfigValue>> values =
      ReadConfigFile(path, command->get_name(), ConfigKeysOf(app));
  if (!values) return values.error();
  std::vector<const CLI::Option*> given;
  for (const CLI::Option* option : command->get_options()) {
    if (GivenOnCommandLine(*option, args)) given.push_back(option);
  }
  for (const ConfigValue& value : *values) {
    CLI::Option* option =
        command->get_option_no_throw(value.key == "urls" ? value.key : "--" + value.key);
    if (option == nullptr || std::find(given.begin(), given.end(), option) != given.end()) continue;
    try {
      ApplyConfigValue(value, option);
    } catch (const CLI::Error& error) {
      return ConfigError(value.where + ": " + value.key + ": " +
                         WithoutOptionName(error.what(), value.key));
    }
  }
  return {};
}

}  // namespace linkgraph::cli
