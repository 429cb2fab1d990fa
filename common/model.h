// The plain data linkgraph extracts from a blog page and keeps: posts, their
// threaded comments, trackbacks/pingbacks and @mentions. parsers/ produces
// these, store/ persists and returns them, reports/ reads them. No behaviour.
#pragma once

#include <string>
#include <vector>

namespace linkgraph {

// Dates everywhere are ISO 8601 strings: "2009-12-06T22:10:00" (no zone
// shown on the page), "2019-11-26T08:01:02+00:00" (zone shown), or "" when
// the page gives none.

struct Link {
  std::string url;   // absolute
  std::string text;  // anchor text, whitespace normalised
};

struct Post {
  std::string url;  // canonical URL when the page names one
  std::string title;
  std::string author;       // display name; "" when the page hides it
  std::string published;    // ISO 8601 or ""
  std::string text;         // body text, entities resolved, whitespace normalised
  std::vector<Link> links;  // outbound links from the body
  std::string site_name;    // the blog's name ("Wendy the Recruiter")
  std::string site_url;     // the blog's home ("https://host/")
};

// A response shown under a post. kind says what it is: "comment" (a reply or
// an ordinary comment, with text), or a webmention without text of its own
// shown in a facepile: "like", "repost" or "bookmark" (text "", parent_id
// ""). Only "comment" is a text people wrote: counts of comments, replies
// and the graph's texts leave the others out.
struct Comment {
  std::string id;          // stable within the post: "comment-123"
  std::string permalink;   // post URL + "#" + id
  std::string author;      // display name as shown
  std::string author_url;  // "" when the author gave none
  std::string published;   // ISO 8601 or ""
  std::string text;
  std::string parent_id;  // id of the comment replied to; "" for top level
  int position = 0;       // 1-based order on the page
  std::string kind = "comment";  // "comment", "like", "repost" or "bookmark"
};

enum class LinkbackKind { kTrackback, kPingback };

struct Trackback {
  std::string id;          // "comment-45" where the page gives one, else ""
  std::string source_url;  // the linking page
  std::string title;       // its title as shown
  std::string published;   // ISO 8601 or ""
  LinkbackKind kind = LinkbackKind::kTrackback;
};

// Where a mention stands: in the post body or in one comment.
enum class MentionPlace { kPost, kComment };

struct Mention {
  std::string handle;  // without "@", case kept as written
  MentionPlace in = MentionPlace::kPost;
  std::string comment_id;  // set when in == kComment
  std::string by;          // the author of the text that mentions
};

// Everything one page yields.
struct ExtractedPage {
  std::string url;            // the URL the bytes came from
  std::string canonical_url;  // rel=canonical resolved, or url
  std::string platform;       // "wordpress", ... ; "" when unknown
  bool has_post = false;      // false for index and archive pages
  Post post;
  std::vector<Comment> comments;
  std::vector<Trackback> trackbacks;
  std::vector<Mention> mentions;
  // Every <a href> on the page, absolute, for crawling; the first 20,000 distinct.
  std::vector<std::string> page_links;
  // Discovery for the crawler: RSS/Atom feeds named by <link rel=alternate>,
  // and the WordPress REST URL of this post's comments when the page
  // advertises the API (<link rel="https://api.w.org/">) and the post's id.
  std::vector<std::string> feed_links;
  std::string comments_api_url;
  // How the comments were read: the reading that found them ("blogger",
  // "schema.org", "generic", ...), or why there are none in the page
  // ("loaded by script (Disqus)"). For `import --explain`; not stored.
  std::string comments_source;
};

inline const char* ToString(LinkbackKind kind) {
  return kind == LinkbackKind::kPingback ? "pingback" : "trackback";
}
inline const char* ToString(MentionPlace place) {
  return place == MentionPlace::kComment ? "comment" : "post";
}

}  // namespace linkgraph
