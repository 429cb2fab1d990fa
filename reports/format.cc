#include <algorithm>

#include "common/terminal_text.h"
#include "reports/table.h"

namespace linkgraph::reports {
namespace {

size_t DisplayWidth(const std::string& text) {
  // Continuation bytes do not start a character.
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// The first count code points of text.
std::string Prefix(const std::string& text, size_t count) {
  size_t width = 0;
  size_t i = 0;
  for (; i < text.size(); ++i) {
    bool starts_char = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_char && width++ == count) break;
  }
  return text.substr(0, i);
}

// The last count code points of text.
std::string Suffix(const std::string& text, size_t count) {
  size_t width = 0;
  size_t i = text.size();
  while (i > 0 && width < count) {
    --i;
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++width;
  }
  return text.substr(i);
}

// Table cells stay on one line and within reason on a terminal; the middle
// goes, so a URL keeps its host and its end (the post slug, the #comment-N).
// Control characters left in text stored by older versions are shown as
// escapes, never sent to the terminal.
std::string CellForTerminal(const std::string& cell) {
  constexpr size_t kMaxWidth = 60;
  std::string spaced;
  for (char c : cell) spaced.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
  std::string line = ForTerminal(spaced);
  if (DisplayWidth(line) <= kMaxWidth) return line;
  return Prefix(line, kMaxWidth / 2 - 1) + "\u2026" + Suffix(line, kMaxWidth / 2);
}

}  // namespace

Result<Format> ParseFormat(std::string_view name) {
  if (name == "table") return Format::kTable;
  if (name == "csv") return Format::kCsv;
  if (name == "json") return Format::kJson;
  if (name == "dot") return Format::kDot;
  if (name == "svg") return Format::kSvg;
  return Error{ErrorCode::kInvalidArgument, "unknown format '" + std::string(name) +
                                                "' (expected table, csv, json, dot or svg)"};
}

void WriteTableText(const Table& table, std::ostream& out) {
  std::vector<std::vector<std::string>> cells;
  cells.push_back(table.header);
  for (const auto& row : table.rows) {
    std::vector<std::string> shown;
    for (const auto& cell : row) shown.push_back(CellForTerminal(cell));
    cells.push_back(std::move(shown));
  }
  std::vector<size_t> widths(table.header.size(), 0);
  for (const auto& row : cells) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
    }
  }
  for (const auto& row : cells) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - DisplayWidth(row[i]) + 2, ' ');
    }
    out << line << '\n';
  }
  out << "(" << table.rows.size() << (table.rows.size() == 1 ? " row" : " rows") << ")\n";
}

// The cell's exact text, so pandas, R and Python's csv module read what the
// JSON export holds; spreadsheet safety is the xlsx export's (strings there
// are never formulas).
std::string CsvCell(const std::string& cell) {
  bool quote = cell.find_first_of(",\"\r\n") != std::string::npos;
  if (!quote) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

void WriteCsvRow(const std::vector<std::string>& row, std::ostream& out) {
  for (size_t i = 0; i < row.size(); ++i) {
    if (i > 0) out << ',';
    out << CsvCell(row[i]);
  }
  out << "\r\n";
}

void WriteCsv(const Table& table, std::ostream& out) {
  WriteCsvRow(table.header, out);
  for (const auto& row : table.rows) WriteCsvRow(row, out);
}

void Write(const Table& table, Format format, std::ostream& out) {
  switch (format) {
    case Format::kTable:
      WriteTableText(table, out);
      break;
    case Format::kCsv:
      WriteCsv(table, out);
      break;
    case Format::kJson:
      // Replace invalid UTF-8 rather than throw: stored text is what pages gave.
      out << table.json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      break;
    case Format::kDot:
    case Format::kSvg:
      break;  // a table is not a drawing: CheckReportRequest refuses these first
  }
}

}  // namespace linkgraph::reports
