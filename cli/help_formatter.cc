#include "cli/help_formatter.h"

namespace linkgraph::cli {
namespace {

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
  if (option->get_expected_min() == 0) return desc;
  if (const std::string range = RangeOf(*option); !range.empty()) desc += " (" + range + ")";
  const std::string default_value = option->get_default_str();
  if (!default_value.empty() && desc.find("[default") == std::string::npos) {
    desc += " [default: " + default_value + "]";
  }
  return desc;
}

}  // namespace linkgraph::cli
