// Private to store/: writes pages and what was extracted from them, inside
// a transaction the caller holds, and counts what changed. Make one per
// transaction: the first page that writes more than fetch bookkeeping raises
// the store's pages version (the graph is then stale) in that transaction.
// Keeps no other state between pages; one thread at a time.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "common/result.h"
#include "store/keys.h"
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
  // Writes the identities the pages named, in one order, and marks the
  // graph stale (raises the pages version) when a page saved changed
  // anything. Call it last before the commit: the version's row stays
  // locked from then to the commit, so writers in several processes wait
  // for each other only that long.
  Status Finish();

 private:
  Status SavePost(const ExtractedPage& page, const std::string& page_url, long long page_id,
                  std::optional<long long> site_id, SaveOutcome* outcome);
  // new_post: the post was inserted just now, so nothing of it is stored
  // yet and nothing need be looked up or deleted first.
  Status SaveLinks(long long post_id, const std::vector<Link>& links, bool new_post);
  Status SaveComments(long long post_id, const std::vector<Comment>& comments, bool new_post,
                      SaveOutcome* outcome);
  Status SaveTrackbacks(long long post_id, const std::vector<Trackback>& trackbacks, bool new_post,
                        SaveOutcome* outcome);
  Status SaveMentions(long long post_id, const ExtractedPage& page, bool new_post,
                      SaveOutcome* outcome);
  // Mentions to insert: post, text's key, handle, by whom.
  using MentionRows = std::vector<std::tuple<long long, std::string, std::string, std::string>>;
  // Deletes the text's stored mentions and adds its current ones to *rows.
  Status ReplaceMentions(long long post_id, const std::string& comment_key,
                         const std::vector<const Mention*>& mentions, bool new_post,
                         MentionRows* rows, SaveOutcome* outcome);
  // Notes an identity for Finish, once per writer: authors recur on every page.
  void AddIdentity(IdentityKind kind, std::string_view value);

  // Whether the page at page_url may write the post at post_url, stored
  // (when stored_from is set) from the page at *stored_from.
  bool MayWritePost(const std::string& page_url, const std::string& post_url,
                    const std::optional<std::string>& stored_from) const;

  StatementCache& statements_;
  std::string first_seen_;  // of the page being saved: what new rows keep
  const SiteOf& site_of_;
  bool changed_ = false;  // a page saved changed what the graph is derived from
  // Identities the pages named, by kind and normalised value, to their
  // display form: written by Finish, in this order.
  std::map<std::pair<IdentityKind, std::string>, std::string> identities_;
};

}  // namespace linkgraph::store
