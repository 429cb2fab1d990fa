#include "parsers/mentions.h"

#include <algorithm>

#include "common/handles.h"
#include "parsers/text_util.h"

namespace linkgraph::parsers {

std::vector<std::string> FindMentions(std::string_view text) {
  std::vector<std::string> handles;
  std::vector<std::string> seen;  // lower-cased, to dedupe
  ForEachMention(text, [&](size_t, size_t begin, size_t end) {
    std::string handle(text.substr(begin, end - begin));
    std::string key = ToLowerAscii(handle);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) return;
    seen.push_back(std::move(key));
    handles.push_back(std::move(handle));
  });
  return handles;
}

}  // namespace linkgraph::parsers
