// `linkgraph export`: everything stored, as json, graphml, gexf, dot or html
// (to standard output or a file), as an xlsx workbook file or as a folder of
// csv files.
#include <unistd.h>  // isatty

#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>

#include "cli/commands.h"
#include "cli/page_pipeline.h"
#include "reports/reports.h"

namespace linkgraph::cli {
namespace {

using StreamWriter = Status (*)(store::Store&, const reports::GraphExportOptions&, std::ostream&);

Status JsonExport(store::Store& store, const reports::GraphExportOptions&, std::ostream& out) {
  return reports::WriteJsonExport(store, out);
}

int Fail(const Error& error) {
  std::cerr << "linkgraph export: " << error.message << '\n';
  return error.code == ErrorCode::kInvalidArgument ? kExitUsage : kExitFailure;
}

StreamWriter WriterFor(reports::ExportFormat format) {
  switch (format) {
    case reports::ExportFormat::kGraphml:
      return &reports::WriteGraphmlExport;
    case reports::ExportFormat::kGexf:
      return &reports::WriteGexfExport;
    case reports::ExportFormat::kDot:
      return &reports::WriteDotExport;
    case reports::ExportFormat::kHtml:
      return &reports::WriteHtmlExport;
    case reports::ExportFormat::kJson:
    case reports::ExportFormat::kCsv:
    case reports::ExportFormat::kXlsx:
      break;
  }
  return &JsonExport;
}

// Has write_to fill a file beside the target, then renames it into place,
// so a failed export never leaves a half-written file where a good one was.
Status WriteBesideThenRename(const std::string& path,
                             const std::function<Status(const std::string&)>& write_to) {
  const std::string partial = path + ".partial";
  Status written = write_to(partial);
  if (!written.ok()) {
    std::remove(partial.c_str());
    return written;
  }
  if (std::rename(partial.c_str(), path.c_str()) != 0) {
    std::remove(partial.c_str());
    return Error{ErrorCode::kIo, "cannot write " + path};
  }
  return {};
}

Status WriteFile(StreamWriter writer, store::Store& store,
                 const reports::GraphExportOptions& graph_options, const std::string& path) {
  return WriteBesideThenRename(path, [&](const std::string& partial) -> Status {
    std::ofstream file(partial, std::ios::binary | std::ios::trunc);
    if (!file) return Error{ErrorCode::kIo, "cannot write " + partial};
    Status written = writer(store, graph_options, file);
    file.close();
    if (written.ok() && !file) return Error{ErrorCode::kIo, "cannot write " + partial};
    return written;
  });
}

// A binary workbook sent to a terminal shows as garbage and can upset it.
Status CheckXlsxTarget(const std::string& out) {
  if (out.empty() || out == "-") {
    return Error{ErrorCode::kInvalidArgument,
                 std::string("--format xlsx writes a binary workbook, which is not sent to ") +
                     (isatty(STDOUT_FILENO) ? "a terminal" : "standard output") +
                     ": name the file with --out FILE.xlsx"};
  }
  return {};
}

Status WriteStdout(StreamWriter writer, store::Store& store,
                   const reports::GraphExportOptions& graph_options) {
  Status written = writer(store, graph_options, std::cout);
  if (!written.ok()) return written;
  if (!std::cout.flush()) return Error{ErrorCode::kIo, "cannot write to standard output"};
  return {};
}

}  // namespace

int RunExport(const ExportOptions& options) {
  // Usage errors are told before the database is opened.
  auto format = reports::ParseExportFormat(options.format);
  if (!format.ok()) return Fail(format.error());
  const bool to_stdout = options.out.empty() || options.out == "-";
  if (*format == reports::ExportFormat::kCsv && to_stdout) {
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "--format csv writes a folder of files (nodes.csv, edges.csv, posts.csv, "
                      "comments.csv): name it with --out FOLDER"});
  }
  if (*format == reports::ExportFormat::kJson && options.merge_edges) {
    return Fail(Error{
        ErrorCode::kInvalidArgument,
        "--merge-edges is for the graph formats (csv, xlsx, graphml, gexf, dot, html); the json "
        "export keeps every edge with its own evidence"});
  }
  if (*format == reports::ExportFormat::kXlsx) {
    if (Status target = CheckXlsxTarget(options.out); !target.ok()) return Fail(target.error());
  }
  auto store = OpenStoreToRead(options.database, "export");
  if (!store.ok()) return Fail(store.error());
  WarnIfGraphStale(**store, options.database, "export");

  const reports::GraphExportOptions graph_options{options.merge_edges};
  Status written;
  if (*format == reports::ExportFormat::kCsv) {
    written = reports::WriteCsvExport(**store, graph_options, options.out);
  } else if (*format == reports::ExportFormat::kXlsx) {
    written = WriteBesideThenRename(options.out, [&](const std::string& partial) {
      return reports::WriteXlsxExport(**store, graph_options, partial);
    });
  } else if (to_stdout) {
    written = WriteStdout(WriterFor(*format), **store, graph_options);
  } else {
    written = WriteFile(WriterFor(*format), **store, graph_options, options.out);
  }
  return written.ok() ? kExitOk : Fail(written.error());
}

}  // namespace linkgraph::cli
