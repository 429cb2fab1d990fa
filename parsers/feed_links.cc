// The item permalinks of a feed: RSS 2.0 <item><link>, RSS 1.0
// <item rdf:about><link>, Atom <entry><link rel="alternate" href>. The
// channel's or feed's own link is not an item and is left out.
#include <unordered_set>

#include "parsers/parsers.h"
#include "parsers/text_util.h"
#include "parsers/urls.h"
#include "parsers/xml_scan.h"

namespace linkgraph::parsers {
namespace {

// Feeds list tens of items; a cap keeps a hostile one bounded.
constexpr size_t kMaxFeedItems = 50000;

bool IsFeedRoot(std::string_view name) {
  return EqualsIgnoreCase(name, "rss") || EqualsIgnoreCase(name, "RDF") ||
         EqualsIgnoreCase(name, "feed");
}

// What one <item>/<entry> names as its page, best first.
struct ItemLinks {
  std::string link;                   // <link>text</link> or Atom's alternate href
  std::string guid;                   // RSS 2.0 <guid> unless isPermaLink="false"
  std::string about;                  // RSS 1.0 rdf:about
  std::string* collecting = nullptr;  // the field text goes to
  std::string text;

  const std::string& Best() const { return !link.empty() ? link : !guid.empty() ? guid : about; }
};

// A start tag one level inside an item.
void ReadItemChild(const XmlToken& token, ItemLinks* item) {
  std::string_view name = LocalName(token.name);
  std::string value;
  if (EqualsIgnoreCase(name, "link") && item->link.empty()) {
    if (XmlAttribute(token.attributes, "href", &value)) {
      std::string rel;
      bool alternate = !XmlAttribute(token.attributes, "rel", &rel) ||
                       EqualsIgnoreCase(TrimAscii(rel), "alternate");
      if (alternate) item->link = std::string(TrimAscii(value));
    } else if (!token.self_closing) {
      item->collecting = &item->link;
    }
  } else if (EqualsIgnoreCase(name, "guid") && item->guid.empty() && !token.self_closing) {
    bool permalink = !XmlAttribute(token.attributes, "isPermaLink", &value) ||
                     !EqualsIgnoreCase(TrimAscii(value), "false");
    if (permalink) item->collecting = &item->guid;
  }
  if (item->collecting != nullptr) item->text.clear();
}

}  // namespace

Result<std::vector<std::string>> ParseFeedLinks(std::string_view bytes, std::string_view url) {
  XmlScanner scanner(bytes);
  XmlToken token;
  bool rooted = false;
  int depth = 0;
  int item_depth = 0;  // depth of the open <item>/<entry>; 0 when none
  ItemLinks item;
  std::vector<std::string> links;
  std::unordered_set<std::string> seen;
  while (scanner.Next(&token)) {
    if (token.kind == XmlToken::Kind::kText) {
      if (item.collecting != nullptr) {
        item.text += token.cdata ? std::string(token.text) : DecodeXmlEntities(token.text);
      }
      continue;
    }
    std::string_view name = LocalName(token.name);
    if (token.kind == XmlToken::Kind::kStart) {
      if (!rooted && !IsFeedRoot(name)) {
        return Error{ErrorCode::kUnsupported,
                     "not a feed (root element <" + std::string(token.name) + ">)"};
      }
      rooted = true;
      bool opens_item =
          item_depth == 0 && (EqualsIgnoreCase(name, "item") || EqualsIgnoreCase(name, "entry"));
      if (opens_item) {
        item = ItemLinks();
        XmlAttribute(token.attributes, "rdf:about", &item.about);
      }
      if (item_depth > 0 && depth == item_depth && item.collecting == nullptr) {
        ReadItemChild(token, &item);
      }
      if (token.self_closing) continue;
      ++depth;
      if (opens_item) item_depth = depth;
      continue;
    }
    if (item.collecting != nullptr && depth == item_depth + 1) {
      *item.collecting = std::string(TrimAscii(item.text));
      item.collecting = nullptr;
    }
    if (item_depth > 0 && depth == item_depth) {
      item_depth = 0;
      std::string link = ResolveHttpUrl(url, item.Best());
      if (!link.empty() && links.size() < kMaxFeedItems && seen.insert(link).second) {
        links.push_back(std::move(link));
      }
    }
    if (depth > 0) --depth;
  }
  if (!rooted) return Error{ErrorCode::kUnsupported, "not a feed (no XML elements)"};
  return links;
}

}  // namespace linkgraph::parsers
