#include "parsers/depth_guard.h"

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <list>
#include <optional>
#include <string>
#include <vector>

#include "parsers/text_util.h"

namespace linkgraph::parsers {
namespace {

// Searches for an element to close look this far down the stack, so the scan
// stays linear; an end tag for an element deeper than this is ignored, which
// can only make the estimate deeper than the tree, never shallower.
constexpr size_t kSearchWindow = 64;

bool OneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool IsVoid(std::string_view name) {
  return OneOf(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                      "param", "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen",
                      "image", "isindex"});
}

// Text up to their end tag, in HTML content (in SVG and MathML they hold
// tags like any element). noscript holds tags: Gumbo parses without scripts.
bool IsRawText(std::string_view name) {
  return OneOf(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                      "noframes"});
}

// The HTML standard's formatting elements: an implicitly closed one is
// opened again (reconstructed) before the next text or inline element.
bool IsFormatting(std::string_view name) {
  return OneOf(name, {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike",
                      "strong", "tt", "u"});
}

// Elements whose start closes an open <p> (the standard's "close a p
// element" list).
bool ClosesParagraph(std::string_view name) {
  return OneOf(name, {"address", "article", "aside", "blockquote", "center", "details", "dialog",
                      "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "header",
                      "hgroup", "main", "menu", "nav", "ol", "p", "section", "summary", "ul", "h1",
                      "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "table", "hr", "xmp",
                      "plaintext", "li", "dd", "dt"});
}

// The elements that bound a scope search: what is below them is out of reach.
bool IsScopeBoundary(std::string_view name) {
  return OneOf(name, {"html", "table", "td", "th", "caption", "marquee", "object", "applet",
                      "template", "button", "foreignobject", "desc", "mi", "mo", "mn", "ms",
                      "mtext", "annotation-xml"});
}

// Elements whose popping clears the formatting elements opened inside them.
bool IsMarker(std::string_view name) {
  return OneOf(name, {"td", "th", "caption", "applet", "object", "marquee", "template"});
}

// SVG and MathML tags that end foreign content: the parser leaves the SVG.
bool BreaksOutOfForeign(std::string_view name) {
  return OneOf(name, {"b",    "big", "blockquote", "body",    "br",   "center", "code", "dd",
                      "div",  "dl",  "dt",         "em",      "embed", "h1",    "h2",   "h3",
                      "h4",   "h5",  "h6",         "head",    "hr",   "i",      "img",  "li",
                      "listing", "menu", "meta",   "nobr",    "ol",   "p",      "pre",  "ruby",
                      "s",    "small", "span",     "strong",  "strike", "sub",  "sup",  "table",
                      "tt",   "u",   "ul",         "var",     "font"});
}

bool IsTagNameChar(char c) {
  return c != '\0' && c != '/' && c != '>' && c != '<' && !IsAsciiSpace(c);
}

// One start or end tag as the tokenizer reads it: quoted attribute values
// may hold '>' and '/', and only a '/' right before '>' self-closes.
struct Tag {
  std::string name;  // lower case
  bool closing = false;
  bool self_closing = false;
  bool html_encoding = false;  // encoding="text/html" (MathML annotation-xml)
  size_t attributes = 0;       // as written, repeats included
  size_t end = 0;              // just past '>'
};

// Reads the attributes of the tag whose name ends at pos; false at the end
// of the input (an unfinished tag is dropped, as parsers do).
bool ReadAttributes(std::string_view html, size_t pos, Tag* tag) {
  bool slash = false;
  while (pos < html.size()) {
    char c = html[pos];
    if (c == '>') {
      tag->self_closing = slash;
      tag->end = pos + 1;
      return true;
    }
    slash = c == '/';
    if (slash || IsAsciiSpace(c)) {
      ++pos;
      continue;
    }
    size_t name_start = pos;
    while (pos < html.size() && html[pos] != '=' && html[pos] != '>' && html[pos] != '/' &&
           !IsAsciiSpace(html[pos])) {
      ++pos;
    }
    std::string_view attribute = html.substr(name_start, pos - name_start);
    ++tag->attributes;
    size_t look = pos;
    while (look < html.size() && IsAsciiSpace(html[look])) ++look;
    if (look >= html.size() || html[look] != '=') continue;
    pos = look + 1;
    while (pos < html.size() && IsAsciiSpace(html[pos])) ++pos;
    if (pos >= html.size()) return false;
    size_t value_start = pos;
    size_t value_end;
    if (html[pos] == '"' || html[pos] == '\'') {
      value_end = html.find(html[pos], pos + 1);
      if (value_end == std::string_view::npos) return false;
      ++value_start;
      pos = value_end + 1;
    } else {
      while (pos < html.size() && html[pos] != '>' && !IsAsciiSpace(html[pos])) ++pos;
      value_end = pos;
    }
    if (EqualsIgnoreCase(attribute, "encoding")) {
      std::string_view value = html.substr(value_start, value_end - value_start);
      tag->html_encoding = EqualsIgnoreCase(value, "text/html") ||
                           EqualsIgnoreCase(value, "application/xhtml+xml");
    }
  }
  return false;
}

// The stack of open elements and the list of active formatting elements,
// modelled closely enough on the HTML standard's tree construction that the
// depth of the stack is never much below the depth of the tree Gumbo builds.
class TreeModel {
 public:
  explicit TreeModel(const TreeShape& stop_at) : stop_at_(stop_at) {}

  const TreeShape& shape() const { return shape_; }
  bool Over() const {
    return shape_.depth > stop_at_.depth || shape_.nodes > stop_at_.nodes ||
           shape_.attributes > stop_at_.attributes;
  }
  // A node that is not pushed: a void element, a comment, a doctype.
  void CountNode() { ++shape_.nodes; }
  // Attributes of one element; those of <html> and <body> tags add up on
  // the one element they merge into, each checked against all before it.
  void CountAttributes(const Tag& tag);
  // Whether the current node is SVG or MathML whose content is not HTML.
  bool InForeign() const { return !stack_.empty() && stack_.back().foreign; }

  void Start(const Tag& tag);
  void End(std::string_view name);
  // Text (or an inline start tag) reopens the formatting elements closed
  // implicitly, as the standard's "reconstruct the active formatting
  // elements" does.
  void Reconstruct();

 private:
  struct Formatting {
    std::string key;  // name; a marker when empty
    bool on_stack = false;
  };
  using FormattingList = std::list<Formatting>;
  struct Open {
    std::string name;
    bool foreign = false;  // SVG/MathML content, not an integration point
    FormattingList::iterator formatting;
    bool has_formatting = false;
  };

  void Push(std::string name, bool foreign);
  void PopTo(size_t size);
  // The index of the nearest open element for which match holds, searched
  // within the window and not past an element for which stop holds.
  template <typename Match, typename Stop>
  std::optional<size_t> Find(Match match, Stop stop) const;
  std::optional<size_t> FindInScope(std::string_view name) const;
  void CloseInScope(std::string_view name);
  void StartTableElement(const std::string& name);
  void AddFormatting(const std::string& name);
  void RemoveFormatting(std::string_view name);

  TreeShape stop_at_;
  TreeShape shape_;
  size_t html_attributes_ = 0;
  size_t body_attributes_ = 0;
  std::vector<Open> stack_;
  FormattingList active_;
};

void TreeModel::Push(std::string name, bool foreign) {
  stack_.push_back(Open{std::move(name), foreign, active_.end(), false});
  shape_.depth = std::max(shape_.depth, static_cast<int>(stack_.size()));
  ++shape_.nodes;
}

void TreeModel::CountAttributes(const Tag& tag) {
  size_t on_element = tag.attributes;
  if (tag.name == "html") on_element = html_attributes_ += tag.attributes;
  if (tag.name == "body") on_element = body_attributes_ += tag.attributes;
  shape_.nodes += tag.attributes;
  shape_.attributes = std::max(shape_.attributes, on_element);
}

void TreeModel::PopTo(size_t size) {
  while (stack_.size() > size) {
    Open& open = stack_.back();
    if (open.has_formatting) open.formatting->on_stack = false;
    if (IsMarker(open.name)) {
      while (!active_.empty()) {
        bool marker = active_.back().key.empty();
        active_.pop_back();
        if (marker) break;
      }
    }
    stack_.pop_back();
  }
}

template <typename Match, typename Stop>
std::optional<size_t> TreeModel::Find(Match match, Stop stop) const {
  for (size_t k = stack_.size(), looked = 0; k > 0 && looked < kSearchWindow; --k, ++looked) {
    if (match(stack_[k - 1].name)) return k - 1;
    if (stop(stack_[k - 1].name)) break;
  }
  return std::nullopt;
}

std::optional<size_t> TreeModel::FindInScope(std::string_view name) const {
  return Find([name](std::string_view open) { return open == name; }, IsScopeBoundary);
}

void TreeModel::CloseInScope(std::string_view name) {
  if (auto at = FindInScope(name)) PopTo(*at);
}

void TreeModel::AddFormatting(const std::string& name) {
  // Noah's ark: at most three equal entries after the last marker. Names
  // alone stand for name and attributes: that keeps fewer, never more.
  int equal = 0;
  auto earliest = active_.end();
  for (auto it = active_.end(); it != active_.begin();) {
    --it;
    if (it->key.empty()) break;
    if (it->key == name) {
      ++equal;
      earliest = it;
    }
  }
  if (equal >= 3) {
    for (Open& open : stack_) {
      if (open.has_formatting && open.formatting == earliest) open.has_formatting = false;
    }
    active_.erase(earliest);
  }
  active_.push_back(Formatting{name, true});
  stack_.back().formatting = std::prev(active_.end());
  stack_.back().has_formatting = true;
}

// An end tag of a formatting element (the adoption agency, approximated):
// the element leaves the list and the stack with what was opened in it.
void TreeModel::RemoveFormatting(std::string_view name) {
  for (auto it = active_.end(); it != active_.begin();) {
    --it;
    if (it->key.empty()) break;
    if (it->key != name) continue;
    if (it->on_stack) {
      std::optional<size_t> at;
      for (size_t k = stack_.size(); k > 0; --k) {
        if (stack_[k - 1].has_formatting && stack_[k - 1].formatting == it) {
          at = k - 1;
          break;
        }
      }
      if (at) PopTo(*at);
    }
    active_.erase(it);
    return;
  }
  CloseInScope(name);
}

void TreeModel::Reconstruct() {
  if (active_.empty() || active_.back().key.empty() || active_.back().on_stack) return;
  auto it = std::prev(active_.end());
  while (it != active_.begin()) {
    auto before = std::prev(it);
    if (before->key.empty() || before->on_stack) break;
    it = before;
  }
  for (; it != active_.end() && !Over(); ++it) {
    Push(it->key, false);
    it->on_stack = true;
    stack_.back().formatting = it;
    stack_.back().has_formatting = true;
  }
}

// Table parts: a cell, row or section closes its open equal and opens the
// wrappers the standard implies (table > tbody > tr > td). Outside a table
// they are ignored.
void TreeModel::StartTableElement(const std::string& name) {
  auto table_part = [](std::string_view open) {
    return OneOf(open, {"td", "th", "tr", "tbody", "thead", "tfoot", "table", "caption"});
  };
  const bool is_cell = name == "td" || name == "th";
  const bool is_row = name == "tr";
  for (;;) {
    auto at = Find(table_part, [](std::string_view open) { return open == "html"; });
    if (!at) return;
    const std::string& open = stack_[*at].name;
    bool closes = open == "td" || open == "th" || open == "caption" ||
                  (open == "tr" && !is_cell) || (!is_cell && !is_row && open != "table");
    if (closes) {
      PopTo(*at);
      continue;
    }
    PopTo(*at + 1);
    if (open == "table") Push("tbody", false);
    if (is_cell && stack_.back().name != "tr") Push("tr", false);
    Push(name, false);
    if (is_cell) active_.push_back(Formatting{"", false});
    return;
  }
}

void TreeModel::Start(const Tag& tag) {
  const std::string& name = tag.name;
  CountAttributes(tag);
  if (InForeign()) {
    if (!BreaksOutOfForeign(name)) {
      if (tag.self_closing) return CountNode();
      bool integration = OneOf(name, {"foreignobject", "desc", "title", "mi", "mo", "mn", "ms",
                                      "mtext"}) ||
                         (name == "annotation-xml" && tag.html_encoding);
      Push(name, !integration);
      return;
    }
    while (InForeign()) PopTo(stack_.size() - 1);
  }
  if (name == "svg" || name == "math") {
    Reconstruct();
    if (tag.self_closing) return CountNode();
    Push(name, true);
    return;
  }
  if (OneOf(name, {"html", "head", "body", "frameset", "frame", "col", "colgroup"})) return;
  if (OneOf(name, {"td", "th", "tr", "tbody", "thead", "tfoot"})) {
    StartTableElement(name);
    return;
  }
  if (name == "table") {
    auto at = Find([](std::string_view open) { return OneOf(open, {"table", "tbody", "thead",
                                                                   "tfoot", "tr", "td", "th",
                                                                   "caption"}); },
                   [](std::string_view open) { return open == "html"; });
    // In a table but not in a cell, a new table closes the open one.
    if (at && OneOf(stack_[*at].name, {"table", "tbody", "thead", "tfoot", "tr"})) {
      if (auto table = Find([](std::string_view open) { return open == "table"; },
                            [](std::string_view open) { return open == "html"; })) {
        PopTo(*table);
      }
    }
  }
  if (ClosesParagraph(name)) CloseInScope("p");
  if (name == "li" || name == "dd" || name == "dt") {
    auto same = [&name](std::string_view open) {
      return open == name || (name != "li" && (open == "dd" || open == "dt"));
    };
    auto stop = [](std::string_view open) {
      return !OneOf(open, {"address", "div", "p", "span", "a", "b", "i", "em", "strong", "font",
                           "small", "big", "u", "s", "code", "label", "abbr", "cite"}) &&
             (IsScopeBoundary(open) || OneOf(open, {"ul", "ol", "dl", "menu", "dir", "li", "dd",
                                                    "dt", "blockquote", "section", "article",
                                                    "nav", "aside", "header", "footer", "form"}));
    };
    if (auto at = Find(same, stop)) PopTo(*at);
  }
  if (OneOf(name, {"h1", "h2", "h3", "h4", "h5", "h6"}) && !stack_.empty() &&
      OneOf(stack_.back().name, {"h1", "h2", "h3", "h4", "h5", "h6"})) {
    PopTo(stack_.size() - 1);
  }
  if ((name == "option" || name == "optgroup") && !stack_.empty() && stack_.back().name == "option") {
    PopTo(stack_.size() - 1);
  }
  if (OneOf(name, {"rb", "rt", "rp", "rtc"}) && !stack_.empty() &&
      OneOf(stack_.back().name, {"rb", "rt", "rp"})) {
    PopTo(stack_.size() - 1);
  }
  if (name == "button") CloseInScope("button");
  if (name == "a" || name == "nobr") {
    // A new link closes the open one (the adoption agency): off the stack
    // when it is the current node, otherwise only off the list, as the
    // agency keeps the blocks opened inside it nested.
    for (auto it = active_.end(); it != active_.begin();) {
      --it;
      if (it->key.empty()) break;
      if (it->key != name) continue;
      if (!stack_.empty() && stack_.back().has_formatting && stack_.back().formatting == it) {
        PopTo(stack_.size() - 1);
      }
      for (Open& open : stack_) {
        if (open.has_formatting && open.formatting == it) open.has_formatting = false;
      }
      active_.erase(it);
      break;
    }
  }
  if (!ClosesParagraph(name) && !IsMarker(name)) Reconstruct();
  if (IsVoid(name)) return CountNode();
  Push(name, false);
  if (IsFormatting(name)) AddFormatting(name);
  if (IsMarker(name)) active_.push_back(Formatting{"", false});
}

void TreeModel::End(std::string_view name) {
  if (InForeign()) {
    // Foreign content closes by name, whatever the case of the start tag.
    auto at = Find([name](std::string_view open) { return open == name; },
                   [](std::string_view) { return false; });
    if (at && stack_[*at].foreign) {
      PopTo(*at);
      return;
    }
  }
  if (name == "p" || name == "br") {
    // </p> without an open p makes an empty one; </br> is a <br>.
    CloseInScope("p");
    return;
  }
  if (IsFormatting(name)) {
    RemoveFormatting(name);
    return;
  }
  CloseInScope(name);
}

// Skips a comment, doctype, CDATA section or bogus comment starting at pos
// ('<' followed by '!', '?' or '/' and no letter), as the tokenizer ends
// them; npos when it runs to the end.
size_t SkipMarkup(std::string_view html, size_t pos, bool in_foreign) {
  if (html.substr(pos, 4) == "<!--") {
    if (html.substr(pos + 4, 1) == ">") return pos + 5;   // <!-->
    if (html.substr(pos + 4, 2) == "->") return pos + 6;  // <!--->
    size_t end = html.find("--", pos + 4);
    while (end != std::string_view::npos) {
      if (html.substr(end + 2, 1) == ">") return end + 3;
      if (html.substr(end + 2, 2) == "!>") return end + 4;
      end = html.find("--", end + 1);
    }
    return std::string_view::npos;
  }
  if (in_foreign && html.substr(pos, 9) == "<![CDATA[") {
    size_t end = html.find("]]>", pos + 9);
    return end == std::string_view::npos ? end : end + 3;
  }
  size_t end = html.find('>', pos + 2);
  return end == std::string_view::npos ? end : end + 1;
}

// Where the raw text of element name that starts at pos ends: at its end tag
// ("</name" then space, '/' or '>').
size_t SkipRawText(std::string_view html, size_t pos, std::string_view name) {
  for (size_t end = html.find("</", pos); end != std::string_view::npos;
       end = html.find("</", end + 2)) {
    size_t after = end + 2 + name.size();
    if (StartsWithIgnoreCase(html.substr(end + 2), name) &&
        (after >= html.size() || html[after] == '>' || html[after] == '/' ||
         IsAsciiSpace(html[after]))) {
      return end;
    }
  }
  return std::string_view::npos;
}

}  // namespace

TreeShape EstimateTreeShape(std::string_view html, const TreeShape& stop_at) {
  TreeModel tree(stop_at);
  size_t pos = 0;
  while (pos < html.size() && !tree.Over()) {
    size_t lt = html.find('<', pos);
    if (lt == std::string_view::npos) {
      tree.CountNode();  // trailing text
      break;
    }
    if (lt > pos) {
      tree.Reconstruct();
      tree.CountNode();  // text
    }
    pos = lt;
    char next = pos + 1 < html.size() ? html[pos + 1] : '\0';
    bool closing = next == '/';
    char first = closing ? (pos + 2 < html.size() ? html[pos + 2] : '\0') : next;
    if (!IsAsciiLetter(first)) {
      if (next == '!' || next == '?' || closing) {
        tree.CountNode();  // a comment or doctype
        pos = SkipMarkup(html, pos, tree.InForeign());
        if (pos == std::string_view::npos) break;
      } else {
        tree.Reconstruct();  // a lone '<' is text
        ++pos;
      }
      continue;
    }
    size_t name_start = pos + (closing ? 2 : 1);
    size_t name_end = name_start;
    while (name_end < html.size() && IsTagNameChar(html[name_end])) ++name_end;
    Tag tag;
    tag.name = ToLowerAscii(html.substr(name_start, name_end - name_start));
    tag.closing = closing;
    if (!ReadAttributes(html, name_end, &tag)) break;
    pos = tag.end;
    if (closing) {
      tree.End(tag.name);
      continue;
    }
    if (!tree.InForeign() && tag.name == "plaintext") break;  // the rest is text
    bool raw = !tree.InForeign() && IsRawText(tag.name);
    tree.Start(tag);
    if (raw) {
      // Raw text elements hold no tags; they were pushed, so close them.
      pos = SkipRawText(html, pos, tag.name);
      if (pos == std::string_view::npos) break;
      tree.End(tag.name);
      pos = html.find('>', pos);
      if (pos == std::string_view::npos) break;
      ++pos;
    }
  }
  return tree.shape();
}

int EstimateNestingDepth(std::string_view html, int stop_at) {
  constexpr size_t kUnbounded = std::numeric_limits<size_t>::max();
  return EstimateTreeShape(html, TreeShape{stop_at, kUnbounded, kUnbounded}).depth;
}

}  // namespace linkgraph::parsers
