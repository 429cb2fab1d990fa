#include "parsers/depth_guard.h"

#include <string>
#include <vector>

#include "parsers/text_util.h"

namespace linkgraph::parsers {
namespace {

bool IsVoidOrSelfClosing(std::string_view name) {
  for (std::string_view tag : {"area",     "base",    "br",    "col",    "embed",  "hr",     "img",
                               "input",    "link",    "meta",  "param",  "source", "track",  "wbr",
                               "basefont", "bgsound", "frame", "keygen", "image",  "isindex"}) {
    if (name == tag) return true;
  }
  return false;
}

// Elements that a following sibling start tag closes, so a run of them never
// nests deeply in the tree Gumbo builds.
bool ClosesImplicitly(std::string_view name) {
  for (std::string_view tag :
       {"p",       "li",    "dt",    "dd",    "option", "optgroup", "tr", "td",
        "th",      "tbody", "thead", "tfoot", "rb",     "rt",       "rp", "colgroup",
        "caption", "html",  "head",  "body",  "a",      "table"}) {
    if (name == tag) return true;
  }
  return false;
}

// Raw text elements whose content holds no tags.
bool IsRawText(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" ||
         name == "xmp" || name == "plaintext";
}

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == ':' || c == '_';
}

}  // namespace

int EstimateNestingDepth(std::string_view html, int stop_at) {
  std::vector<std::string> open;
  int deepest = 0;
  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    if (html.substr(pos, 4) == "<!--") {
      size_t end = html.find("-->", pos + 4);
      if (end == std::string_view::npos) break;
      pos = end + 3;
      continue;
    }
    bool closing = pos + 1 < html.size() && html[pos + 1] == '/';
    size_t name_start = pos + (closing ? 2 : 1);
    size_t name_end = name_start;
    while (name_end < html.size() && IsNameChar(html[name_end])) ++name_end;
    size_t tag_end = html.find('>', name_end);
    if (name_end == name_start || tag_end == std::string_view::npos) {
      pos = name_start;
      continue;
    }
    std::string name = ToLowerAscii(html.substr(name_start, name_end - name_start));
    bool self_closed = html[tag_end - 1] == '/';
    pos = tag_end + 1;
    if (closing) {
      // Pop to the matching element when it is near the top of the stack.
      for (size_t k = open.size(), looked = 0; k > 0 && looked < 64; --k, ++looked) {
        if (open[k - 1] == name) {
          open.resize(k - 1);
          break;
        }
      }
      continue;
    }
    if (IsRawText(name)) {
      size_t end = html.find("</", pos);
      while (end != std::string_view::npos && !StartsWithIgnoreCase(html.substr(end + 2), name)) {
        end = html.find("</", end + 2);
      }
      if (end == std::string_view::npos) break;
      pos = end;
      continue;
    }
    if (self_closed || IsVoidOrSelfClosing(name) || ClosesImplicitly(name)) continue;
    open.push_back(std::move(name));
    if (static_cast<int>(open.size()) > deepest) {
      deepest = static_cast<int>(open.size());
      if (deepest > stop_at) break;
    }
  }
  return deepest;
}

}  // namespace linkgraph::parsers
