// Private to parsers/: Twitter-style @handles in running text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace linkgraph::parsers {

// Distinct handles (without "@", first spelling kept, compared without case)
// in order of first appearance. A handle is 1-15 of [A-Za-z0-9_] after an
// "@" that does not follow a letter, digit or URL character (so e-mail
// addresses and handles inside URLs are not mentions), and is not followed
// by more handle characters or a domain ("@example.com").
std::vector<std::string> FindMentions(std::string_view text);

}  // namespace linkgraph::parsers
