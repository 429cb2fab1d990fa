#include "cli/help_formatter.h"

#include <sstream>
#include <vector>

#include "common/utf8.h"

namespace linkgraph::cli {
namespace {

// GNU tools' --help width; a description starts at CLI11's column 30.
constexpr size_t kHelpWidth = 80;

// The line's words, a bracketed group or a run of "a | b" choices as one.
std::vector<std::string> Units(const std::string& line) {
  std::vector<std::string> units;
  int depth = 0;
  bool joins_next = false;
  std::istringstream words(line);
  for (std::string word; words >> word;) {
    if (!units.empty() && (depth > 0 || joins_next || word == "|")) {
      units.back() += " " + word;
    } else {
      units.push_back(word);
    }
    for (char c : word) {
      if (c == '(' || c == '[') ++depth;
      if ((c == ')' || c == ']') && depth > 0) --depth;
    }
    joins_next = word == "|";
  }
  return units;
}

// CLI11's type name is "TYPE:first validator's description:...".
std::string TypeOf(const CLI::Option& option) {
  const std::string full = option.get_type_name();
  const std::string type = full.substr(0, full.find(':'));
  if (type == "INT" || type == "UINT") return "N";
  if (type == "FLOAT") return "NUMBER";
  return type;
}

// The validators' descriptions ("1 to 20000"), those that have one.
std::string RangeOf(const CLI::Option& option) {
  const std::string full = option.get_type_name();
  const size_t colon = full.find(':');
  if (colon == std::string::npos) return "";
  std::string range = full.substr(colon + 1);
  for (size_t at = range.find(':'); at != std::string::npos; at = range.find(':', at)) {
    range.replace(at, 1, ", ");
  }
  return range;
}

}  // namespace

std::string WrapHelpText(const std::string& text, size_t width) {
  std::string wrapped;
  std::istringstream lines(text);
  bool first_line = true;
  for (std::string line; std::getline(lines, line);) {
    if (!first_line) wrapped += '\n';
    first_line = false;
    // A group too long for a line of its own is broken at its spaces after all.
    std::vector<std::string> units;
    for (std::string& unit : Units(line)) {
      if (CountCodePoints(unit) <= width) {
        units.push_back(std::move(unit));
        continue;
      }
      std::istringstream words(unit);
      for (std::string word; words >> word;) units.push_back(word);
    }
    size_t used = 0;
    for (const std::string& unit : units) {
      const size_t columns = CountCodePoints(unit);
      if (used > 0 && used + 1 + columns > width) {
        wrapped += '\n';
        used = 0;
      }
      if (used > 0) {
        wrapped += ' ';
        ++used;
      }
      wrapped += unit;
      used += columns;
    }
  }
  if (!text.empty() && text.back() == '\n') wrapped += '\n';
  return wrapped;
}

std::string HelpFormatter::make_option_opts(const CLI::Option* option) const {
  if (option->get_expected_min() == 0) return "";
  std::string opts = " " + TypeOf(*option);
  if (option->get_positional() &&
      option->get_expected_max() == CLI::detail::expected_max_vector_size) {
    opts += " ...";
  }
  return opts;
}

std::string HelpFormatter::make_option_desc(const CLI::Option* option) const {
  std::string desc = option->get_description();
  if (option->get_required() && !option->get_positional()) desc += " (required)";
  if (option->get_expected_min() == 0) return WrapHelpText(desc, kHelpWidth - get_column_width());
  if (const std::string range = RangeOf(*option); !range.empty()) desc += " (" + range + ")";
  const std::string default_value = option->get_default_str();
  if (!default_value.empty() && desc.find("[default") == std::string::npos) {
    desc += " [default: " + default_value + "]";
  }
  return WrapHelpText(desc, kHelpWidth - get_column_width());
}

std::string HelpFormatter::make_subcommand(const CLI::App* command) const {
  std::stringstream out;
  CLI::detail::format_help(
      out, command->get_display_name(true),
      WrapHelpText(command->get_description(), kHelpWidth - get_column_width()),
      get_column_width());
  return out.str();
}

std::string HelpFormatter::make_description(const CLI::App* app) const {
  return WrapHelpText(CLI::Formatter::make_description(app), kHelpWidth);
}

}  // namespace linkgraph::cli
