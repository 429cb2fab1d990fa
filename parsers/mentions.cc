#include "parsers/mentions.h"

#include <re2/re2.h>

#include "common/handles.h"
#include "parsers/text_util.h"

namespace linkgraph::parsers {

std::vector<std::string> FindMentions(std::string_view text) {
  static const LazyRE2 kHandle = {"@([A-Za-z0-9_]+)"};
  std::vector<std::string> handles;
  std::vector<std::string> seen;  // lower-cased, to dedupe
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match[2];
  size_t start = 0;
  while (start < text.size() &&
         kHandle->Match(input, start, text.size(), RE2::UNANCHORED, match, 2)) {
    size_t at = static_cast<size_t>(match[0].data() - text.data());
    size_t end = at + match[0].size();
    start = end;
    if (!IsMentionAt(text, at, end)) continue;
    std::string handle(match[1].data(), match[1].size());
    std::string key = ToLowerAscii(handle);
    bool duplicate = false;
    for (const std::string& other : seen) duplicate = duplicate || other == key;
    if (duplicate) continue;
    seen.push_back(std::move(key));
    handles.push_back(std::move(handle));
  }
  return handles;
}

}  // namespace linkgraph::parsers
