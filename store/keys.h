// Private to store/: the keys the store derives from extracted data, as pure
// functions so they can be tested alone: a post's URL, a comment's key, an
// identity's normalised form. A page's site is common/url_text.h SiteRootOf.
#pragma once

#include <string>
#include <string_view>

#include "common/model.h"

namespace linkgraph::store {

// The first non-empty of the post's URL, the page's canonical URL and the
// page's URL.
std::string PostUrlOf(const ExtractedPage& page);

// Comment.id, or for a comment without one "hash-" + 16 hex digits of a
// stable (FNV-1a) hash of its author, date and text (and kind, unless
// "comment"), the same on every run.
std::string CommentKeyOf(const Comment& comment);

// Trackback.id, or "url:" + its source URL for a ping the page gave no id.
std::string TrackbackKey(const Trackback& trackback);
// The Trackback.id a stored key stands for ("" for a "url:" key).
std::string TrackbackIdOf(const std::string& key);

enum class IdentityKind { kName, kHandle, kUrl };
const char* ToString(IdentityKind kind);

// How an identity is shown and how it is keyed (common/identity_text.h, as
// the graph keys it). Shown: handles without a leading "@", names trimmed
// with inner whitespace collapsed, URLs trimmed.
struct IdentityKey {
  std::string display;
  std::string normalised;
};
IdentityKey NormaliseIdentity(IdentityKind kind, std::string_view value);

}  // namespace linkgraph::store
