#include "reports/reports.h"

namespace linkgraph::reports {

Status CheckReportKind(std::string_view kind) {
  for (std::string_view name : kReportKinds) {
    if (kind == name) return {};
  }
  std::string known;
  for (std::string_view name : kReportKinds)
    known += (known.empty() ? "" : ", ") + std::string(name);
  return Error{ErrorCode::kInvalidArgument,
               "unknown report '" + std::string(kind) + "' (available: " + known + ")"};
}

Status WriteReport(std::string_view kind, store::Store& store, Format format, std::ostream& out) {
  if (kind == "replies") return WriteReplies(store, format, out);
  if (kind == "mentions") return WriteMentions(store, format, out);
  if (kind == "links") return WriteLinks(store, format, out);
  return CheckReportKind(kind);
}

Status WriteStatus(store::Store& store, std::ostream& out) {
  auto counts = store.Count();
  if (!counts.ok()) return counts.error().WithContext("status");
  // One "name value" pair a line, so scripts can read it too.
  out << "sites       " << counts->sites << '\n'
      << "posts       " << counts->posts << '\n'
      << "comments    " << counts->comments << '\n'
      << "trackbacks  " << counts->trackbacks << '\n'
      << "mentions    " << counts->mentions << '\n'
      << "identities  " << counts->identities << '\n'
      << "pages       " << counts->pages << '\n';
  for (const auto& [status, count] : counts->pages_by_status) {
    std::string label = "  " + status;
    out << label << std::string(label.size() < 12 ? 12 - label.size() : 1, ' ') << count << '\n';
  }
  out << "last-fetch  " << (counts->last_fetched_at.empty() ? "never" : counts->last_fetched_at)
      << '\n';
  return {};
}

}  // namespace linkgraph::reports
