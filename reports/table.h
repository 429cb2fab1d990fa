// Private to reports/: a rectangular result with a header, and its three
// renderings. Every cell is text; JSON gets typed values from the caller.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "reports/reports.h"

namespace linkgraph::reports {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  nlohmann::json json = nlohmann::json::array();  // the same rows, typed, for --format json
};

// Aligned columns for a terminal (widths count UTF-8 code points), every
// cell whole on one line. With a width (a terminal's columns), the widest
// free-text columns are narrowed and their cells wrapped onto more lines
// until a row fits; URL columns are never narrowed or broken, so a row of
// long URLs may still be wider than the terminal.
void WriteTableText(const Table& table, std::ostream& out, size_t width = 0);
// RFC 4180: quoted where needed, doubled quotes, CRLF line ends; every cell
// exactly as stored (no ' before formula-looking cells: xlsx is for
// spreadsheets).
void WriteCsv(const Table& table, std::ostream& out);
// One row of it, for a CSV written as it is read.
void WriteCsvRow(const std::vector<std::string>& row, std::ostream& out);
void Write(const Table& table, Format format, std::ostream& out, size_t width = 0);

std::string CsvCell(const std::string& cell);

// One mention as the report and the export write it.
nlohmann::json MentionJson(const store::StoredMention& stored);

}  // namespace linkgraph::reports
