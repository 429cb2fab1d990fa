// The xlsx workbook as the export writes it: a zip file only when whole; a
// sheet past its row cap is refused with how many rows it needed, and a
// workbook dropped or refused leaves no file. Cell values and types are read
// back with openpyxl in tests/exports/check_table_exports.py.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>

#include "reports/xlsx_workbook.h"
#include "tests/reports/report_fixtures.h"
#include "tests/support/test_paths.h"

namespace linkgraph::reports_test {
namespace LINKGRAPH_FILE_SCOPE {

namespace fs = std::filesystem;
using reports::CellType;
using reports::SheetColumn;
using reports::XlsxSheet;
using reports::XlsxWorkbook;

std::vector<SheetColumn> TwoColumns() { return {{"handle"}, {"texts", CellType::kNumber}}; }

BOOST_AUTO_TEST_SUITE(xlsx)

BOOST_AUTO_TEST_CASE(export_of_a_store_is_a_zip_workbook) {
  auto db = OpenMemoryStore();
  Save(*db, {PageBuilder("https://wendy.example/2009/12/06/post/")
                 .SetAuthor("=HYPERLINK(\"http://evil.example\",\"Wendy\")")
                 .AddMention("LaraNewman", MentionPlace::kPost, "Wendy")});
  testing::TempDir dir;
  const fs::path path = dir.path() / "export.xlsx";
  Status written = reports::WriteXlsxExport(*db, {}, path.string());
  BOOST_REQUIRE_MESSAGE(written.ok(), written.error().message);
  BOOST_TEST(testing::ReadFile(path).rfind("PK\x03\x04", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(sheet_past_its_row_cap_is_refused_with_the_rows_it_needed) {
  testing::TempDir dir;
  const fs::path path = dir.path() / "capped.xlsx";
  auto workbook = Must(XlsxWorkbook::Create(path.string(), 3));
  XlsxSheet* sheet = Must(workbook.AddSheet("nodes", TwoColumns()));
  for (int i = 0; i < 5; ++i) sheet->Row({"@LaraNewman", std::to_string(i)});
  Status closed = workbook.Close();
  BOOST_REQUIRE(!closed.ok());
  BOOST_TEST((closed.error().code == ErrorCode::kTooLarge));
  BOOST_TEST(closed.error().message.find("sheet nodes would need 6 rows, more than the 3") !=
                 std::string::npos,
             closed.error().message);
  BOOST_TEST(!fs::exists(path));
}

BOOST_AUTO_TEST_CASE(sheet_at_its_row_cap_is_written) {
  testing::TempDir dir;
  const fs::path path = dir.path() / "full.xlsx";
  auto workbook = Must(XlsxWorkbook::Create(path.string(), 3));
  XlsxSheet* sheet = Must(workbook.AddSheet("nodes", TwoColumns()));
  sheet->Row({"@LaraNewman", "1"});
  sheet->Row({"=SUM(A1:A2)", "not a number"});
  Status closed = workbook.Close();
  BOOST_TEST(closed.ok(), (closed.ok() ? "" : closed.error().message));
  BOOST_TEST(fs::exists(path));
}

BOOST_AUTO_TEST_CASE(workbook_dropped_without_close_writes_no_file) {
  testing::TempDir dir;
  const fs::path path = dir.path() / "dropped.xlsx";
  {
    auto workbook = Must(XlsxWorkbook::Create(path.string()));
    Must(workbook.AddSheet("nodes", TwoColumns()))->Row({"x", "1"});
  }
  BOOST_TEST(!fs::exists(path));
}

BOOST_AUTO_TEST_CASE(workbook_in_a_missing_folder_fails_as_io_before_any_row) {
  testing::TempDir dir;
  const fs::path path = dir.path() / "missing" / "export.xlsx";
  auto workbook = XlsxWorkbook::Create(path.string());
  BOOST_REQUIRE(!workbook.ok());
  BOOST_TEST((workbook.error().code == ErrorCode::kIo));
  BOOST_TEST(workbook.error().message.find(path.string()) != std::string::npos,
             workbook.error().message);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::reports_test
