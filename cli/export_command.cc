// `linkgraph export`: everything stored, as json, graphml, gexf, dot or html (to
// standard output or a file) or as a folder of csv files.
#include <cstdio>
#include <fstream>
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
      break;
  }
  return &JsonExport;
}

// Writes beside the target and renames, so a failed export never leaves a
// half-written file where a good one was.
Status WriteFile(StreamWriter writer, store::Store& store,
                 const reports::GraphExportOptions& graph_options, const std::string& path) {
  const std::string partial = path + ".partial";
  {
    std::ofstream file(partial, std::ios::binary | std::ios::trunc);
    if (!file) return Error{ErrorCode::kIo, "cannot write " + partial};
    Status written = writer(store, graph_options, file);
    file.close();
    if (!written.ok() || !file) {
      std::remove(partial.c_str());
      return written.ok() ? Error{ErrorCode::kIo, "cannot write " + partial} : written;
    }
  }
  if (std::rename(partial.c_str(), path.c_str()) != 0) {
    std::remove(partial.c_str());
    return Error{ErrorCode::kIo, "cannot write " + path};
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
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "--merge-edges is for the graph formats (csv, graphml, gexf, dot); the json "
                      "export keeps every edge with its own evidence"});
  }
  auto store = OpenStoreToRead(options.database, "export");
  if (!store.ok()) return Fail(store.error());
  WarnIfGraphStale(**store, "export");

  const reports::GraphExportOptions graph_options{options.merge_edges};
  Status written;
  if (*format == reports::ExportFormat::kCsv) {
    written = reports::WriteCsvExport(**store, graph_options, options.out);
  } else if (to_stdout) {
    written = WriteStdout(WriterFor(*format), **store, graph_options);
  } else {
    written = WriteFile(WriterFor(*format), **store, graph_options, options.out);
  }
  return written.ok() ? kExitOk : Fail(written.error());
}

}  // namespace linkgraph::cli
