#include "store/keys.h"

#include <cstdint>
#include <cstdio>

#include "common/ascii.h"
#include "common/identity_text.h"

namespace linkgraph::store {

std::string PostUrlOf(const ExtractedPage& page) {
  if (!page.post.url.empty()) return page.post.url;
  if (!page.canonical_url.empty()) return page.canonical_url;
  return page.url;
}

std::string TrackbackKey(const Trackback& trackback) {
  return trackback.id.empty() ? "url:" + trackback.source_url : trackback.id;
}

std::string TrackbackIdOf(const std::string& key) {
  return key.rfind("url:", 0) == 0 ? std::string() : key;
}

std::string CommentKeyOf(const Comment& comment) {
  if (!comment.id.empty()) return comment.id;
  // A unit separator between fields so ("ab","c") and ("a","bc") differ.
  std::uint64_t hash = kFnv1aOffsetBasis;
  hash = Fnv1a(hash, comment.author);
  hash = Fnv1a(hash, "\x1f");
  hash = Fnv1a(hash, comment.published);
  hash = Fnv1a(hash, "\x1f");
  hash = Fnv1a(hash, comment.text);
  // Kinds other than "comment" came later: hashed only for them, so the keys
  // of comments stored before stay as they were, and a like and a repost by
  // one author at one time stay two.
  if (comment.kind != "comment") {
    hash = Fnv1a(hash, "\x1f");
    hash = Fnv1a(hash, comment.kind);
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return std::string("hash-") + hex;
}

const char* ToString(IdentityKind kind) {
  switch (kind) {
    case IdentityKind::kHandle:
      return "handle";
    case IdentityKind::kUrl:
      return "url";
    case IdentityKind::kName:
      break;
  }
  return "name";
}

IdentityKey NormaliseIdentity(IdentityKind kind, std::string_view value) {
  switch (kind) {
    case IdentityKind::kHandle: {
      std::string_view handle = TrimAscii(value);
      if (!handle.empty() && handle.front() == '@') handle.remove_prefix(1);
      return IdentityKey{std::string(handle), NormaliseHandle(handle)};
    }
    case IdentityKind::kName:
      return IdentityKey{CollapseSpaces(value), NormaliseName(value)};
    case IdentityKind::kUrl:
      break;
  }
  return IdentityKey{std::string(TrimAscii(value)), NormaliseUrl(value)};
}

}  // namespace linkgraph::store
