// A config file is TOML, read by tomlplusplus: a full TOML 1.0 parser that
// reports the line and column of every syntax error and of every key and
// value, which is what the messages below are made of.
#include "cli/config_file.h"

#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <system_error>

#include "cli/suggestion.h"
#include "common/terminal_text.h"

namespace linkgraph::cli {
namespace {

// Keys whose value is a file: a relative one is relative to the config
// file's folder (cron runs in $HOME), "-" stays standard input.
constexpr std::array<std::string_view, 1> kPathKeys = {"urls-file"};

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
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return ConfigError("cannot read config file " + path + ": it is a folder");
  }
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  if (file) text << file.rdbuf();
  if (!file || file.bad()) {
    return ConfigError("cannot read config file " + path + ": " +
                       std::make_error_code(static_cast<std::errc>(errno)).message());
  }
  toml::table root;
  try {
    root = toml::parse(text.str(), std::string_view(path));
  } catch (const toml::parse_error& syntax) {
    return ConfigError(path + ":" + std::to_string(syntax.source().begin.line) + ":" +
                       std::to_string(syntax.source().begin.column) + ": " +
                       ForTerminal(syntax.description()));
  }
  std::vector<ConfigValue> values;
  if (Status read = ReadTables(path, root, command, keys, &values); !read) return read.error();
  return values;
}

}  // namespace linkgraph::cli
