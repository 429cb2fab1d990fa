#include "reports/xlsx_workbook.h"

#include <unistd.h>  // access
#include <xlsxwriter.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>

#include "reports/graph_document.h"

namespace linkgraph::reports {
namespace {

Error XlsxError(const std::string& what, lxw_error code) {
  return Error{ErrorCode::kIo, "export: xlsx " + what + ": " + lxw_strerror(code)};
}

// A plain decimal number ("12", "-1.5"); the whole text, nothing else.
bool ReadNumber(const std::string& text, double* number) {
  if (text.empty()) return false;
  const char* end = text.data() + text.size();
  auto [stop, error] = std::from_chars(text.data(), end, *number);
  return error == std::errc() && stop == end && std::isfinite(*number);
}

// Excel counts a cell's characters in UTF-16 units: two for a character
// outside the BMP (a 4-byte UTF-8 sequence), one for any other.
size_t Utf16Units(unsigned char byte) {
  if ((byte & 0xC0) == 0x80) return 0;  // a continuation byte
  return byte >= 0xF0 ? 2 : 1;
}

// At most kXlsxMaxCellCharacters: the end of longer text goes, with an
// ellipsis to say so.
std::string FitCell(std::string text) {
  size_t units = 0;
  for (char c : text) units += Utf16Units(static_cast<unsigned char>(c));
  if (units <= kXlsxMaxCellCharacters) return text;
  units = 0;
  size_t cut = 0;
  for (; cut < text.size(); ++cut) {
    units += Utf16Units(static_cast<unsigned char>(text[cut]));
    if (units > kXlsxMaxCellCharacters - 1) break;  // room for the ellipsis
  }
  text.resize(cut);
  return text + "\u2026";
}

}  // namespace

XlsxSheet::XlsxSheet(lxw_worksheet* sheet, std::string name, std::vector<SheetColumn> columns,
                     size_t max_rows)
    : sheet_(sheet), name_(std::move(name)), columns_(std::move(columns)), max_rows_(max_rows) {
  std::vector<std::string> header;
  for (const auto& column : columns_) header.push_back(column.name);
  Row(header);
  for (size_t i = 0; i < columns_.size() && failed_.ok(); ++i) {
    if (columns_[i].note.empty()) continue;
    lxw_error written =
        worksheet_write_comment(sheet_, 0, static_cast<lxw_col_t>(i), columns_[i].note.c_str());
    if (written != LXW_NO_ERROR) failed_ = XlsxError("sheet " + name_, written);
  }
}

void XlsxSheet::Row(const std::vector<std::string>& cells) {
  ++rows_;
  if (rows_ > max_rows_ || !failed_.ok()) return;
  for (size_t i = 0; i < cells.size() && i < columns_.size(); ++i) Cell(i, cells[i]);
}

void XlsxSheet::Cell(size_t column, const std::string& value) {
  if (value.empty()) return;  // an empty cell
  const auto row = static_cast<lxw_row_t>(rows_ - 1);
  const auto col = static_cast<lxw_col_t>(column);
  double number = 0;
  lxw_error written;
  if (rows_ > 1 && columns_[column].type == CellType::kNumber && ReadNumber(value, &number)) {
    written = worksheet_write_number(sheet_, row, col, number, nullptr);
  } else {
    // Always a string cell: text from pages never runs as a formula.
    written =
        worksheet_write_string(sheet_, row, col, FitCell(XmlSafeText(value)).c_str(), nullptr);
  }
  if (written != LXW_NO_ERROR) failed_ = XlsxError("sheet " + name_, written);
}

Status XlsxSheet::Check() const {
  if (rows_ > max_rows_) {
    return Error{ErrorCode::kTooLarge,
                 "export: xlsx sheet " + name_ + " would need " + std::to_string(rows_) +
                     " rows, more than the " + std::to_string(max_rows_) +
                     " an xlsx sheet holds (header included); no file was written. "
                     "export --format csv has no such limit"};
  }
  return failed_;
}

void XlsxWorkbook::Deleter::operator()(lxw_workbook* workbook) const {
  lxw_workbook_free(workbook);  // frees without writing the file
}

XlsxWorkbook::XlsxWorkbook(lxw_workbook* workbook, std::string path, size_t max_rows)
    : workbook_(workbook), path_(std::move(path)), max_rows_(max_rows) {}

Result<XlsxWorkbook> XlsxWorkbook::Create(const std::string& path, size_t max_rows) {
  // Told here, in our words: libxlsxwriter would find out only when closing,
  // and print its own complaint to stderr.
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (folder.empty()) folder = ".";
  if (::access(folder.c_str(), W_OK | X_OK) != 0) {
    return Error{ErrorCode::kIo, "export: cannot write " + path + ": " + std::strerror(errno)};
  }
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  XlsxWorkbook workbook(workbook_new_opt(path.c_str(), &options), path, max_rows);
  if (!workbook.workbook_) {
    return Error{ErrorCode::kIo, "export: cannot start an xlsx workbook for " + path};
  }
  return workbook;
}

Result<XlsxSheet*> XlsxWorkbook::AddSheet(const std::string& name,
                                          std::vector<SheetColumn> columns) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook_.get(), name.c_str());
  if (sheet == nullptr) return Error{ErrorCode::kInternal, "export: cannot add xlsx sheet " + name};
  sheets_.push_back(std::make_unique<XlsxSheet>(sheet, name, std::move(columns), max_rows_));
  return sheets_.back().get();
}

Status XlsxWorkbook::Close() {
  for (const auto& sheet : sheets_) {
    if (Status whole = sheet->Check(); !whole.ok()) {
      workbook_.reset();
      return whole;
    }
  }
  lxw_error closed = workbook_close(workbook_.release());  // writes, then frees
  if (closed != LXW_NO_ERROR) return XlsxError("cannot write " + path_, closed);
  return {};
}

}  // namespace linkgraph::reports
