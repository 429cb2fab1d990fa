// Private to store/: writes pages and what was extracted from them, inside
// a transaction the caller holds, and counts what changed. Make one per
// transaction: the first page that writes more than fetch bookkeeping raises
// the store's pages version (the graph is then stale) in that transaction.
// Keeps no other state between pages; one thread at a time.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace linkgraph::store {

// OpenOptions::site_of; unset: the URL's host.
using SiteOf = std::function<std::string(std::string_view url)>;

class PageWriter {
 public:
  PageWriter(StatementCache* statements, const SiteOf* site_of)
      : statements_(*statements), site_of_(*site_of) {}

  // Saves page and adds what changed to *outcome.
  Status Save(const PageToSave& page, SaveOutcome* outcome);

 private:
  Status SavePost(const ExtractedPage& page, const std::string& page_url, long long page_id,
                  std::optional<long long> site_id, SaveOutcome* outcome);
  Status SaveLinks(long long post_id, const std::vector<Link>& links);
  Status SaveComments(long long post_id, const std::vector<Comment>& comments,
                      SaveOutcome* outcome);
  Status SaveTrackbacks(long long post_id, const std::vector<Trackback>& trackbacks,
                        SaveOutcome* outcome);
  Status SaveMentions(long long post_id, const ExtractedPage& page, SaveOutcome* outcome);
  Status MarkGraphStale();
  Status ReplaceMentions(long long post_id, const std::string& comment_key,
                         const std::vector<const Mention*>& mentions, SaveOutcome* outcome);

  // Whether the page at page_url may write the post at post_url, stored
  // (when stored_from is set) from the page at *stored_from.
  bool MayWritePost(const std::string& page_url, const std::string& post_url,
                    const std::optional<std::string>& stored_from) const;

  StatementCache& statements_;
  const SiteOf& site_of_;
  bool marked_stale_ = false;  // the pages version was raised in this transaction
};

}  // namespace linkgraph::store
