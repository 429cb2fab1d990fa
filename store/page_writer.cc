#include "store/page_writer.h"

#include <map>
#include <set>
#include <string>
#include <tuple>

#include "common/ascii.h"
#include "common/url_text.h"
#include "store/keys.h"

namespace linkgraph::store {
namespace {

// ---- SQL of the write path, all cached per connection.

constexpr const char* kFindPage = "SELECT id, status, content_hash FROM pages WHERE url = ?1";

// Only fetch bookkeeping, and only when it differs: an unchanged page
// writes nothing else, but the crawler needs its newest ETag and date.
constexpr const char* kRefreshPage =
    "UPDATE pages SET http_status = ?2, etag = ?3, last_modified = ?4, fetched_at = ?5"
    " WHERE id = ?1 AND (http_status <> ?2 OR etag <> ?3 OR last_modified <> ?4"
    " OR fetched_at <> ?5)";

constexpr const char* kUpsertPage =
    "INSERT INTO pages (url, canonical_url, status, error, http_status, etag, last_modified,"
    " content_hash, fetched_at, site_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    " ON CONFLICT (url) DO UPDATE SET canonical_url = excluded.canonical_url,"
    " status = excluded.status, error = excluded.error, http_status = excluded.http_status,"
    " etag = excluded.etag, last_modified = excluded.last_modified,"
    " content_hash = excluded.content_hash, fetched_at = excluded.fetched_at,"
    " site_id = COALESCE(excluded.site_id, pages.site_id)"
    " RETURNING id";

// A page without a site name (an index page) keeps the name a post gave.
constexpr const char* kUpsertSite =
    "INSERT INTO sites (url, name) VALUES (?1, ?2)"
    " ON CONFLICT (url) DO UPDATE SET"
    " name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE sites.name END"
    " RETURNING id";

// The post and the page it was first read from.
constexpr const char* kFindPost =
    "SELECT posts.id, pages.url FROM posts JOIN pages ON pages.id = posts.page_id"
    " WHERE posts.url = ?1";

// Fields a page leaves empty keep their stored value: a comment page
// (/comment-page-2/) often repeats the title but not the body. page_id stays
// the page the post was first read from.
constexpr const char* kUpsertPost =
    "INSERT INTO posts (url, page_id, site_id, title, author, published, text, first_seen)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    " ON CONFLICT (url) DO UPDATE SET site_id = COALESCE(excluded.site_id, posts.site_id),"
    " title = CASE WHEN excluded.title <> '' THEN excluded.title ELSE posts.title END,"
    " author = CASE WHEN excluded.author <> '' THEN excluded.author ELSE posts.author END,"
    " published = CASE WHEN excluded.published <> '' THEN excluded.published"
    " ELSE posts.published END,"
    " text = CASE WHEN excluded.text <> '' THEN excluded.text ELSE posts.text END"
    " RETURNING id";

constexpr const char* kDeleteLinks = "DELETE FROM post_links WHERE post_id = ?1";
// Several rows a statement (InsertRows).
constexpr const char* kInsertLinks = "INSERT INTO post_links (post_id, position, url, text)";
constexpr const char* kInsertLinksTail = "ON CONFLICT (post_id, url) DO NOTHING";

constexpr const char* kFindComment =
    "SELECT permalink, author, author_url, published, text, parent_key, position, kind"
    " FROM comments WHERE post_id = ?1 AND comment_key = ?2";
constexpr const char* kUpsertComment =
    "INSERT INTO comments (post_id, comment_key, permalink, author, author_url, published,"
    " text, parent_key, position, kind, first_seen)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
    " ON CONFLICT (post_id, comment_key) DO UPDATE SET permalink = excluded.permalink,"
    " author = excluded.author, author_url = excluded.author_url,"
    " published = excluded.published, text = excluded.text,"
    " parent_key = excluded.parent_key, position = excluded.position, kind = excluded.kind";

constexpr const char* kFindTrackback =
    "SELECT source_url, title, published, kind FROM trackbacks"
    " WHERE post_id = ?1 AND trackback_key = ?2";
constexpr const char* kUpsertTrackback =
    "INSERT INTO trackbacks (post_id, source_url, trackback_key, title, published, kind,"
    " first_seen) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    " ON CONFLICT (post_id, trackback_key) DO UPDATE SET source_url = excluded.source_url,"
    " title = excluded.title, published = excluded.published, kind = excluded.kind";

constexpr const char* kFindMentions =
    "SELECT handle FROM mentions WHERE post_id = ?1 AND comment_key = ?2";
constexpr const char* kDeleteMentions =
    "DELETE FROM mentions WHERE post_id = ?1 AND comment_key = ?2";
constexpr const char* kInsertMentions =
    "INSERT INTO mentions (post_id, comment_key, handle, by_name)";
constexpr const char* kInsertMentionsTail = "ON CONFLICT (post_id, comment_key, handle) DO NOTHING";

// The graph is derived from what the writes below change; see migration 5.
constexpr const char* kRaisePagesVersion =
    "UPDATE pages_version SET version = version + 1 WHERE id = 1";

constexpr const char* kInsertIdentity =
    "INSERT INTO identities (kind, value, normalised) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (kind, normalised) DO NOTHING";

// ---- Small helpers over the cache.

// Runs a statement that returns one row and gives its first column (an id).
template <typename... Values>
Result<long long> WriteReturningId(StatementCache& cache, std::string_view sql,
                                   const Values&... values) {
  Result<ScopedStatement> statement = cache.Get(sql);
  if (!statement) return statement.error();
  if (Status row = (*statement)->BindAll(values...).StepRow(); !row) return row.error();
  return (*statement)->Int(0);
}

// An empty hash means "not known", so it cannot vouch that an extraction is
// the same as the stored one.
bool IsUnchanged(const std::string& stored_status, const std::string& stored_hash,
                 const PageToSave& page) {
  return stored_status == page.fetch.status && stored_hash == page.fetch.content_hash &&
         !(stored_hash.empty() && page.extracted.has_value());
}

auto Fields(const Comment& c) {
  return std::tie(c.permalink, c.author, c.author_url, c.published, c.text, c.parent_id, c.position,
                  c.kind);
}

// The site of a page: its post's blog, else the scheme://host/ of its
// canonical URL; none for files and URLs without a host.
Result<std::optional<long long>> UpsertSite(StatementCache& cache, const ExtractedPage* extracted,
                                            const std::string& page_url) {
  std::string url;
  std::string_view name;
  if (extracted != nullptr && !extracted->post.site_url.empty()) {
    url = extracted->post.site_url;
    name = extracted->post.site_name;
  } else {
    url = SiteRootOf(page_url);
  }
  if (url.empty() || url.rfind("file:", 0) == 0) return std::optional<long long>();
  Result<long long> id = WriteReturningId(cache, kUpsertSite, url, name);
  if (!id) return id.error();
  return std::optional<long long>(*id);
}

// The source a mention stands in: "" for the body, else its comment's key.
// Parsers name the comment by id; for a comment without one, the author
// places it when only one id-less comment has that author.
std::optional<std::string> SourceKeyOf(const Mention& mention,
                                       const std::vector<Comment>& comments) {
  if (mention.in == MentionPlace::kPost) return std::string();
  if (!mention.comment_id.empty()) return mention.comment_id;
  const Comment* match = nullptr;
  for (const Comment& comment : comments) {
    if (!comment.id.empty() || comment.author != mention.by) continue;
    if (match != nullptr) return std::nullopt;
    match = &comment;
  }
  if (match == nullptr) return std::nullopt;
  return CommentKeyOf(*match);
}

}  // namespace

Status PageWriter::Save(const PageToSave& page, SaveOutcome* outcome) {
  const PageFetch& fetch = page.fetch;
  if (fetch.url.empty()) return Error{ErrorCode::kInvalidArgument, "page without a URL"};

  bool existed = false;
  bool unchanged = false;
  {
    Result<ScopedStatement> find = statements_.Get(kFindPage);
    if (!find) return find.error();
    Result<bool> row = (*find)->Bind(1, fetch.url).Step();
    if (!row) return row.error();
    existed = *row;
    unchanged = existed && IsUnchanged((*find)->Text(1), (*find)->Text(2), page);
    if (unchanged && !page.rewrite) {
      ++outcome->pages_unchanged;
      return RunCached(statements_, kRefreshPage, (*find)->Int(0), fetch.http_status, fetch.etag,
                       fetch.last_modified, fetch.fetched_at);
    }
  }
  ++(unchanged ? outcome->pages_unchanged
               : (existed ? outcome->pages_changed : outcome->pages_new));
  changed_ = true;

  const ExtractedPage* extracted =
      page.extracted && page.extracted->has_post ? &*page.extracted : nullptr;
  Result<std::optional<long long>> site_id = UpsertSite(
      statements_, extracted, fetch.canonical_url.empty() ? fetch.url : fetch.canonical_url);
  if (!site_id) return site_id.error();
  Result<long long> page_id =
      WriteReturningId(statements_, kUpsertPage, fetch.url, fetch.canonical_url, fetch.status,
                       fetch.error, fetch.http_status, fetch.etag, fetch.last_modified,
                       fetch.content_hash, fetch.fetched_at, *site_id);
  if (!page_id) return page_id.error();
  if (extracted == nullptr) return {};
  first_seen_ = page.run_started_at.empty() ? fetch.fetched_at : page.run_started_at;
  return SavePost(*extracted, fetch.url, *page_id, *site_id, outcome);
}

Status PageWriter::Finish() {
  for (const auto& [key, display] : identities_) {
    Status added = RunCached(statements_, kInsertIdentity, std::string_view(ToString(key.first)),
                             display, key.second);
    if (!added) return added.error().WithContext("identity " + display);
  }
  identities_.clear();
  if (!changed_) return {};
  Result<ScopedStatement> raise = statements_.Get(kRaisePagesVersion);
  if (!raise) return raise.error();
  if (Status raised = (*raise)->Run(); !raised) return raised;
  changed_ = false;
  return {};
}

bool PageWriter::MayWritePost(const std::string& page_url, const std::string& post_url,
                              const std::optional<std::string>& stored_from) const {
  const auto site_of = [this](std::string_view url) {
    return site_of_ ? site_of_(url) : HostOfUrl(url);
  };
  if (IsHttpUrl(page_url)) {
    const std::string site = site_of(page_url);
    return !site.empty() && IsHttpUrl(post_url) && site_of(post_url) == site;
  }
  // A saved file names the post it is a copy of, but never outranks the web.
  return !stored_from || !IsHttpUrl(*stored_from);
}

void PageWriter::AddIdentity(IdentityKind kind, std::string_view value) {
  IdentityKey key = NormaliseIdentity(kind, value);
  if (key.normalised.empty()) return;
  identities_.emplace(std::make_pair(kind, std::move(key.normalised)), std::move(key.display));
}

Status PageWriter::SavePost(const ExtractedPage& page, const std::string& page_url,
                            long long page_id, std::optional<long long> site_id,
                            SaveOutcome* outcome) {
  const Post& post = page.post;
  const std::string url = PostUrlOf(page);
  bool new_post = false;
  {
    Result<ScopedStatement> find = statements_.Get(kFindPost);
    if (!find) return find.error();
    Result<bool> found = (*find)->Bind(1, url).Step();
    if (!found) return found.error();
    const std::optional<std::string> stored_from =
        *found ? std::optional<std::string>((*find)->Text(1)) : std::nullopt;
    // The page is kept; what it says about another site's post is not.
    if (!MayWritePost(page_url, url, stored_from)) return {};
    new_post = !*found;
    if (new_post) ++outcome->posts_new;
  }
  Result<long long> post_id =
      WriteReturningId(statements_, kUpsertPost, url, page_id, site_id, post.title, post.author,
                       post.published, post.text, first_seen_);
  if (!post_id) return post_id.error();

  // A page that shows no body (a comment page) says nothing about links.
  if (!post.text.empty() || !post.links.empty()) {
    if (Status saved = SaveLinks(*post_id, post.links, new_post); !saved) return saved;
  }
  AddIdentity(IdentityKind::kName, post.author);
  if (Status saved = SaveComments(*post_id, page.comments, new_post, outcome); !saved) {
    return saved;
  }
  if (Status saved = SaveTrackbacks(*post_id, page.trackbacks, new_post, outcome); !saved) {
    return saved;
  }
  return SaveMentions(*post_id, page, new_post, outcome);
}

Status PageWriter::SaveLinks(long long post_id, const std::vector<Link>& links, bool new_post) {
  if (!new_post) {
    if (Status deleted = RunCached(statements_, kDeleteLinks, post_id); !deleted) return deleted;
  }
  std::vector<std::tuple<long long, long long, std::string_view, std::string_view>> rows;
  for (const Link& link : links) {
    if (link.url.empty()) continue;
    rows.emplace_back(post_id, static_cast<long long>(rows.size()) + 1, link.url, link.text);
  }
  return InsertRows(statements_, kInsertLinks, kInsertLinksTail, rows);
}

// Upserts by (post, key) and never deletes: comment pagination spreads one
// post's comments over several pages, so absence from a page means nothing.
Status PageWriter::SaveComments(long long post_id, const std::vector<Comment>& comments,
                                bool new_post, SaveOutcome* outcome) {
  std::set<std::string> written_keys;  // a new post's comments written so far
  for (const Comment& comment : comments) {
    const std::string key = CommentKeyOf(comment);
    bool existed = false;
    // A new post has no stored comments but those this page gave already.
    if (!new_post || !written_keys.insert(key).second) {
      Result<ScopedStatement> find = statements_.Get(kFindComment);
      if (!find) return find.error();
      Result<bool> row = (*find)->BindAll(post_id, key).Step();
      if (!row) return row.error();
      existed = *row;
      if (existed) {
        const Statement& s = **find;
        Comment stored{key,       s.Text(0), s.Text(1), s.Text(2),
                       s.Text(3), s.Text(4), s.Text(5), static_cast<int>(s.Int(6)),
                       s.Text(7)};
        if (Fields(stored) == Fields(comment)) continue;
      }
    }
    // Likes, reposts and bookmarks are stored but are no comments to count.
    if (comment.kind == "comment") {
      ++(existed ? outcome->comments_updated : outcome->comments_new);
    }
    Status written = RunCached(statements_, kUpsertComment, post_id, key, comment.permalink,
                               comment.author, comment.author_url, comment.published, comment.text,
                               comment.parent_id, comment.position, comment.kind, first_seen_);
    if (!written) return written;
    AddIdentity(IdentityKind::kName, comment.author);
    AddIdentity(IdentityKind::kUrl, comment.author_url);
  }
  return {};
}

// Upserts by (post, trackback key); like comments, absent ones are kept. The
// key is the page's id for the ping, so one source pinging a post several
// times (Topsy did, once a tweet) stays several pings.
Status PageWriter::SaveTrackbacks(long long post_id, const std::vector<Trackback>& trackbacks,
                                  bool new_post, SaveOutcome* outcome) {
  std::set<std::string> written_keys;  // a new post's pings written so far
  for (const Trackback& trackback : trackbacks) {
    if (trackback.source_url.empty()) continue;
    const std::string_view kind = ToString(trackback.kind);
    const std::string key = TrackbackKey(trackback);
    if (new_post && written_keys.insert(key).second) {
      ++outcome->trackbacks_new;
    } else {
      Result<ScopedStatement> find = statements_.Get(kFindTrackback);
      if (!find) return find.error();
      Result<bool> row = (*find)->BindAll(post_id, key).Step();
      if (!row) return row.error();
      if (!*row) {
        ++outcome->trackbacks_new;
      } else if ((*find)->Text(0) == trackback.source_url && (*find)->Text(1) == trackback.title &&
                 (*find)->Text(2) == trackback.published && (*find)->Text(3) == kind) {
        continue;
      }
    }
    Status written = RunCached(statements_, kUpsertTrackback, post_id, trackback.source_url, key,
                               trackback.title, trackback.published, kind, first_seen_);
    if (!written) return written;
  }
  return {};
}

// Each text this page shows (the body when present, every comment) gets
// exactly the mentions the page finds in it now, so an edited text loses the
// mentions it no longer has. Texts the page does not show are left alone.
Status PageWriter::SaveMentions(long long post_id, const ExtractedPage& page, bool new_post,
                                SaveOutcome* outcome) {
  std::map<std::string, std::vector<const Mention*>> sources;
  if (!page.post.text.empty()) sources[""];
  for (const Comment& comment : page.comments) sources[CommentKeyOf(comment)];
  for (const Mention& mention : page.mentions) {
    std::optional<std::string> key = SourceKeyOf(mention, page.comments);
    if (key) sources[*key].push_back(&mention);
  }
  MentionRows rows;
  for (const auto& [key, mentions] : sources) {
    Status replaced = ReplaceMentions(post_id, key, mentions, new_post, &rows, outcome);
    if (!replaced) return replaced;
  }
  return InsertRows(statements_, kInsertMentions, kInsertMentionsTail, rows);
}

Status PageWriter::ReplaceMentions(long long post_id, const std::string& comment_key,
                                   const std::vector<const Mention*>& mentions, bool new_post,
                                   MentionRows* rows, SaveOutcome* outcome) {
  std::set<std::string> known;  // handles stored before, then also those added
  // Each text's key comes once per page (SaveMentions), so a new post has
  // none stored.
  if (!new_post) {
    Result<ScopedStatement> find = statements_.Get(kFindMentions);
    if (!find) return find.error();
    (*find)->BindAll(post_id, comment_key);
    while (true) {
      Result<bool> row = (*find)->Step();
      if (!row) return row.error();
      if (!*row) break;
      known.insert((*find)->Text(0));
    }
  }
  if (known.empty() && mentions.empty()) return {};
  if (!new_post) {
    if (Status deleted = RunCached(statements_, kDeleteMentions, post_id, comment_key); !deleted) {
      return deleted;
    }
  }
  for (const Mention* mention : mentions) {
    const std::string handle = NormaliseIdentity(IdentityKind::kHandle, mention->handle).display;
    if (handle.empty()) continue;
    rows->emplace_back(post_id, comment_key, handle, mention->by);
    if (known.insert(handle).second) ++outcome->mentions_new;
    AddIdentity(IdentityKind::kHandle, handle);
  }
  return {};
}

}  // namespace linkgraph::store
