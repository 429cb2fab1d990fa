// Private to parsers/: Twitter-style @handles in running text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace linkgraph::parsers {

// Distinct handles (without "@", first spelling kept, compared without case)
// in order of first appearance, by Twitter's rules (common/handles.h,
// IsMentionAt): e-mail addresses, URL paths and domains are not mentions;
// "RT@user" and all-digit handles are.
std::vector<std::string> FindMentions(std::string_view text);

}  // namespace linkgraph::parsers
