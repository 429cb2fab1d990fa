// Private to reports/: an xlsx workbook written a row at a time through
// libxlsxwriter in its constant-memory mode (each row goes to a temporary
// file as it comes). XlsxWorkbook owns the C handle and its sheets; nothing
// reaches the file before Close. One thread at a time.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"

struct lxw_workbook;
struct lxw_worksheet;

namespace linkgraph::reports {

// An xlsx sheet's rows, the header row included.
inline constexpr size_t kXlsxMaxRows = 1048576;
// An xlsx cell's characters (UTF-16 units, as Excel counts); longer text is
// cut, ending in "…".
inline constexpr size_t kXlsxMaxCellCharacters = 32767;

enum class CellType { kText, kNumber };

struct SheetColumn {
  std::string name;
  CellType type = CellType::kText;
  std::string note = {};  // shown as a comment on the header cell; "" for none
};

// One sheet; rows are written in order below its header. Text is always a
// string cell (never a formula, whatever its first character); a number
// column's cell that does not read as a number is written as text.
class XlsxSheet {
 public:
  XlsxSheet(lxw_worksheet* sheet, std::string name, std::vector<SheetColumn> columns,
            size_t max_rows);
  XlsxSheet(const XlsxSheet&) = delete;
  XlsxSheet& operator=(const XlsxSheet&) = delete;

  // Past max_rows the row is only counted: Check says how many there were.
  void Row(const std::vector<std::string>& cells);
  // The first failure: kTooLarge with the row count past the cap, or what
  // libxlsxwriter said.
  Status Check() const;

 private:
  void Cell(size_t column, const std::string& value);

  lxw_worksheet* sheet_;  // owned by the workbook
  std::string name_;
  std::vector<SheetColumn> columns_;
  size_t max_rows_;
  size_t rows_ = 0;  // header included
  Status failed_;
};

class XlsxWorkbook {
 public:
  // max_rows per sheet, header included. Default: kXlsxMaxRows
  static Result<XlsxWorkbook> Create(const std::string& path, size_t max_rows = kXlsxMaxRows);
  XlsxWorkbook(XlsxWorkbook&&) noexcept = default;
  XlsxWorkbook& operator=(XlsxWorkbook&&) noexcept = default;
  ~XlsxWorkbook() = default;  // a workbook not closed is dropped: no file is written

  // A new sheet with its header row; the reference lives as long as *this.
  Result<XlsxSheet*> AddSheet(const std::string& name, std::vector<SheetColumn> columns);
  // Writes the file when every sheet is whole (XlsxSheet::Check); without
  // writing it otherwise. The workbook is spent either way.
  Status Close();

 private:
  struct Deleter {
    void operator()(lxw_workbook* workbook) const;
  };
  XlsxWorkbook(lxw_workbook* workbook, std::string path, size_t max_rows);

  std::unique_ptr<lxw_workbook, Deleter> workbook_;
  std::string path_;
  size_t max_rows_;
  std::vector<std::unique_ptr<XlsxSheet>> sheets_;
};

}  // namespace linkgraph::reports
