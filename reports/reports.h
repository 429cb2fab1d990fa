// Reports and exports: read the store, write tables, CSV or JSON for people
// and programs. Nothing here writes to the store. Functions are reentrant;
// a Store is used from one thread at a time.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "common/result.h"
#include "store/store.h"

namespace linkgraph::reports {

enum class Format { kTable, kCsv, kJson };

// "table", "csv" or "json"; kInvalidArgument otherwise.
Result<Format> ParseFormat(std::string_view name);

// Report kinds `linkgraph report KIND` offers.
inline constexpr std::string_view kReportKinds[] = {"replies", "mentions", "links"};

// Who replies to whom: one row per threaded reply, with the latency between
// the comment and its reply in hours (JSON keys: replier, replied_to,
// comment_url, reply_url, latency_hours).
Status WriteReplies(store::Store& store, Format format, std::ostream& out);

// Every @mention: handle, source_url, in ("post"|"comment"), by.
Status WriteMentions(store::Store& store, Format format, std::ostream& out);

// Trackbacks and pingbacks received, and post-to-post links between stored
// posts; links within one blog are marked self.
Status WriteLinks(store::Store& store, Format format, std::ostream& out);

// kInvalidArgument naming the available kinds when kind is not one of them.
Status CheckReportKind(std::string_view kind);

// Writes the report named kind; kInvalidArgument for an unknown kind.
Status WriteReport(std::string_view kind, store::Store& store, Format format, std::ostream& out);

// Everything in the store as one JSON document with top-level arrays posts,
// comments, trackbacks and mentions (keys documented in the README).
Status WriteJsonExport(store::Store& store, std::ostream& out);

// A short summary of what the store holds, for `linkgraph status`.
Status WriteStatus(store::Store& store, std::ostream& out);

}  // namespace linkgraph::reports
