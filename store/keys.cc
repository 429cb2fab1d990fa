#include "store/keys.h"

#include <cstdint>
#include <cstdio>

#include "common/ascii.h"

namespace linkgraph::store {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : Trim(text)) {
    if (IsSpace(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

}  // namespace

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
  IdentityKey key;
  switch (kind) {
    case IdentityKind::kHandle: {
      std::string_view handle = Trim(value);
      if (!handle.empty() && handle.front() == '@') handle.remove_prefix(1);
      key.display = std::string(handle);
      for (char c : handle) key.normalised += LowerAscii(c);
      break;
    }
    case IdentityKind::kName:
      key.display = CollapseSpaces(value);
      key.normalised = key.display;
      break;
    case IdentityKind::kUrl:
      key.display = std::string(Trim(value));
      key.normalised = key.display;
      break;
  }
  return key;
}

}  // namespace linkgraph::store
