#include <algorithm>

#include "common/terminal_text.h"
#include "common/utf8.h"
#include "reports/table.h"

namespace linkgraph::reports {
namespace {

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

// Table cells stay on one line: line breaks and tabs become spaces, and
// control characters left in text stored by older versions are shown as
// escapes, never sent to the terminal.
std::string CellForTerminal(const std::string& cell) {
  std::string spaced;
  for (char c : cell) spaced.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
  return ForTerminal(spaced);
}

// A column of URLs (by its name, or every cell a URL) is never narrowed:
// a cut or broken URL cannot be opened or copied.
bool IsUrlColumn(const std::vector<std::vector<std::string>>& cells, size_t column) {
  if (cells.front()[column].find("url") != std::string::npos ||
      cells.front()[column] == "permalink") {
    return true;
  }
  bool any = false;
  for (size_t row = 1; row < cells.size(); ++row) {
    const std::string& cell = cells[row][column];
    if (cell.empty()) continue;
    if (cell.find("://") == std::string::npos || cell.find(' ') != std::string::npos) return false;
    any = true;
  }
  return any;
}

// The widest URL among the words of a column's cells, 0 for none: a
// column of names may hold a person known only by a site's address.
size_t WidestUrlWord(const std::vector<std::vector<std::string>>& cells, size_t column) {
  size_t widest = 0;
  for (size_t row = 1; row < cells.size(); ++row) {
    const std::string& cell = cells[row][column];
    for (size_t start = 0; start < cell.size();) {
      size_t end = cell.find(' ', start);
      if (end == std::string::npos) end = cell.size();
      const std::string_view word = std::string_view(cell).substr(start, end - start);
      if (word.find("://") != std::string_view::npos) {
        widest = std::max(widest, CountCodePoints(word));
      }
      start = end + 1;
    }
  }
  return widest;
}

// Narrows the widest free-text columns among the first `count` first, down
// to the width of their header (and at least kNarrowest) but never below a
// URL in them, until those columns fit `width`; false when they cannot.
bool Narrow(const std::vector<std::vector<std::string>>& cells, std::vector<size_t>& widths,
            size_t count, size_t width) {
  constexpr size_t kNarrowest = 20;
  constexpr size_t kGap = 2;
  size_t total = kGap * (count - 1);
  std::vector<size_t> floor(count);
  for (size_t i = 0; i < count; ++i) {
    total += widths[i];
    floor[i] =
        IsUrlColumn(cells, i)
            ? widths[i]
            : std::max(std::min(widths[i], std::max(kNarrowest, CountCodePoints(cells.front()[i]))),
                       WidestUrlWord(cells, i));
  }
  while (total > width) {
    size_t widest = count;
    for (size_t i = 0; i < count; ++i) {
      if (widths[i] > floor[i] && (widest == count || widths[i] > widths[widest])) widest = i;
    }
    if (widest == count) return false;
    --widths[widest];
    --total;
  }
  return true;
}

// The column widths for a terminal `width` wide. When URLs at the end of
// the row cannot fit beside the text however narrow it gets, the text
// columns fit the width alone and the URLs go past it (the terminal wraps
// the row, each URL whole).
std::vector<size_t> FitWidths(const std::vector<std::vector<std::string>>& cells,
                              std::vector<size_t> widths, size_t width) {
  std::vector<size_t> all = widths;
  if (Narrow(cells, all, all.size(), width)) return all;
  size_t text_columns = widths.size();
  while (text_columns > 0 && IsUrlColumn(cells, text_columns - 1)) --text_columns;
  if (text_columns == 0 || text_columns == widths.size()) return all;
  Narrow(cells, widths, text_columns, width);
  return widths;
}

// The cell's lines at most `width` code points wide, broken at spaces where
// a word fits and inside a word longer than a line.
std::vector<std::string> WrapCell(const std::string& cell, size_t width) {
  width = std::max<size_t>(width, 1);
  std::vector<std::string> lines;
  std::string line;
  size_t start = 0;
  while (start <= cell.size()) {
    size_t end = cell.find(' ', start);
    if (end == std::string::npos) end = cell.size();
    std::string word = cell.substr(start, end - start);
    start = end + 1;
    while (CountCodePoints(word) > width) {
      if (!line.empty()) lines.push_back(std::move(line));
      line.clear();
      lines.push_back(Prefix(word, width));
      word = word.substr(lines.back().size());
    }
    const size_t needed = CountCodePoints(line) + (line.empty() ? 0 : 1) + CountCodePoints(word);
    if (needed > width && !line.empty()) {
      lines.push_back(std::move(line));
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
  }
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
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

void WriteTableText(const Table& table, std::ostream& out, size_t width) {
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
      widths[i] = std::max(widths[i], CountCodePoints(row[i]));
    }
  }
  if (width > 0 && !widths.empty()) widths = FitWidths(cells, std::move(widths), width);
  for (const auto& row : cells) {
    std::vector<std::vector<std::string>> wrapped;
    size_t height = 1;
    for (size_t i = 0; i < row.size(); ++i) {
      wrapped.push_back(i < widths.size() && CountCodePoints(row[i]) > widths[i]
                            ? WrapCell(row[i], widths[i])
                            : std::vector<std::string>{row[i]});
      height = std::max(height, wrapped.back().size());
    }
    for (size_t line_number = 0; line_number < height; ++line_number) {
      std::string line;
      for (size_t i = 0; i < wrapped.size(); ++i) {
        const std::string part = line_number < wrapped[i].size() ? wrapped[i][line_number] : "";
        line += part;
        if (i + 1 < wrapped.size()) {
          const size_t shown = CountCodePoints(part);
          line += std::string((i < widths.size() && widths[i] > shown ? widths[i] - shown : 0) + 2,
                              ' ');
        }
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out << line << '\n';
    }
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

void Write(const Table& table, Format format, std::ostream& out, size_t width) {
  switch (format) {
    case Format::kTable:
      WriteTableText(table, out, width);
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
