// Comments whose theme marks no name: learnt from the items beside them in
// one list, which share a template. Either the others' names sit in an
// element this item has too, between the same words ("<div
// class=nama_user>NAME</div>" where the others hold a link there, "<p
// class=commentmeta>NAME says:</p>"), or every item's byline repeats the
// same words around a name and a date ("NAME оставил(а) этот комментарий
// в 23:06 3.07.2008:", "Am 03.22.10 het NAME gmeint:"): the one run of
// words that differs and is no date is the name. Runs only for items left
// unnamed.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "parsers/extractors.h"
#include "parsers/text_util.h"

namespace linkgraph::parsers {
namespace {

constexpr size_t kMaxNameChars = 80;
constexpr size_t kMaxNameWords = 4;
constexpr size_t kMaxBylineChars = 160;
// A template shows in a few lines, not in one or two.
constexpr size_t kMinBylines = 3;

bool IsPlainName(std::string_view text) {
  return !text.empty() && CountChars(text) <= kMaxNameChars && CountWords(text) <= kMaxNameWords &&
         text.find("://") == std::string_view::npos && ParseDate(text).empty();
}

// An element as a template names it: its tag and its whole class attribute.
struct Slot {
  GumboTag tag;
  std::string_view classes;
  bool Matches(const GumboNode* node) const {
    return IsTag(node, tag) && Attr(node, "class") == classes;
  }
};

// The name's element and its classed ancestors inside the item, innermost first.
std::vector<Slot> SlotsAround(const GumboNode* name, const GumboNode* item) {
  std::vector<Slot> slots;
  for (const GumboNode* node = name; node != nullptr && node != item; node = node->parent) {
    if (node->type != GUMBO_NODE_ELEMENT) break;
    if (std::string_view classes = Attr(node, "class"); !classes.empty()) {
      slots.push_back({node->v.element.tag, classes});
    }
  }
  return slots;
}

const GumboNode* FindSlot(const SiblingItem& item, const Slot& slot,
                          const ItemBoundary& out_of_item) {
  return FindFirst(
      item.item, [&](const GumboNode* n) { return !out_of_item(item.item, n) && slot.Matches(n); },
      [&](const GumboNode* n) { return out_of_item(item.item, n); });
}

// A slot's words around the name, the same in every named item: "" and
// " says:" for "<p class=commentmeta><a>NAME</a> says:</p>".
struct SlotWords {
  std::string before;
  std::string after;
};

// The slot every item has, and every named one fills with its name between
// the same words.
std::optional<std::pair<Slot, SlotWords>> SharedSlot(const std::vector<Slot>& slots,
                                                     std::span<const SiblingItem> items,
                                                     const ItemBoundary& out_of_item) {
  for (const Slot& slot : slots) {
    std::optional<SlotWords> words;
    const bool everywhere = std::all_of(items.begin(), items.end(), [&](const SiblingItem& item) {
      const GumboNode* found = FindSlot(item, slot, out_of_item);
      if (found == nullptr) return false;
      if (item.name == nullptr) return true;
      const std::string text = OneLine(TextOf(found));
      const std::string name = OneLine(TextOf(item.name));
      const size_t at = name.empty() ? std::string::npos : text.find(name);
      if (at == std::string::npos) return false;
      SlotWords around{text.substr(0, at), text.substr(at + name.size())};
      if (!words.has_value()) words = around;
      return words->before == around.before && words->after == around.after;
    });
    if (everywhere && words.has_value()) return std::make_pair(slot, *words);
  }
  return std::nullopt;
}

// The name between the slot's words, where an unnamed item's slot has them.
std::string NameInSlot(const std::string& text, const SlotWords& words) {
  if (text.size() < words.before.size() + words.after.size() || !text.starts_with(words.before) ||
      !text.ends_with(words.after)) {
    return {};
  }
  std::string_view name = TrimAscii(std::string_view(text).substr(
      words.before.size(), text.size() - words.before.size() - words.after.size()));
  return IsPlainName(name) ? std::string(name) : std::string();
}

// The item's byline: the first short line of an element's own words that
// holds a date (in either order: it is found here, not read).
std::string BylineOf(const SiblingItem& item, const ItemBoundary& out_of_item) {
  std::vector<const GumboNode*> nodes{item.item};
  for (const GumboNode* node : FindAll(
           item.item, [&](const GumboNode* n) { return !out_of_item(item.item, n); },
           [&](const GumboNode* n) { return out_of_item(item.item, n); })) {
    nodes.push_back(node);
  }
  for (const GumboNode* node : nodes) {
    std::string own = OwnText(node);
    if (own.empty() || CountChars(own) > kMaxBylineChars) continue;
    if (!ParseDate(own, DateOrder::kDayFirst).empty()) return own;
  }
  return {};
}

std::vector<std::string_view> Words(std::string_view line) {
  std::vector<std::string_view> words;
  size_t start = 0;
  while (start < line.size()) {
    size_t end = line.find(' ', start);
    if (end == std::string_view::npos) end = line.size();
    if (end > start) words.push_back(line.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

bool IsPunctuation(std::string_view word) { return CountWords(word) == 0; }

bool IsDatePart(std::string_view word) {
  return HasDigit(word) || IsDateWord(word) || IsPunctuation(word);
}

// The words every byline has.
std::unordered_set<std::string_view> SharedWords(const std::vector<std::string>& bylines) {
  std::unordered_set<std::string_view> shared;
  for (std::string_view word : Words(bylines.front())) shared.insert(word);
  for (const std::string& line : bylines) {
    const std::vector<std::string_view> words = Words(line);
    std::erase_if(shared, [&words](std::string_view word) {
      return std::find(words.begin(), words.end(), word) == words.end();
    });
  }
  return shared;
}

// The one run of words not shared that is no part of the date.
std::string NameInByline(std::string_view line,
                         const std::unordered_set<std::string_view>& shared) {
  std::vector<std::string> runs;
  std::string run;
  bool dated_run = true;
  const auto close_run = [&] {
    if (!run.empty() && !dated_run) runs.push_back(run);
    run.clear();
    dated_run = true;
  };
  for (std::string_view word : Words(line)) {
    if (shared.contains(word)) {
      close_run();
      continue;
    }
    if (!run.empty()) run += ' ';
    run += word;
    dated_run = dated_run && IsDatePart(word);
  }
  close_run();
  if (runs.size() != 1) return {};
  std::string_view name = TrimAscii(runs.front());
  while (!name.empty() && (name.back() == ':' || name.back() == ',')) name.remove_suffix(1);
  return IsPlainName(name) ? std::string(name) : std::string();
}

}  // namespace

std::vector<std::string> NamesFromSiblings(std::span<const SiblingItem> items,
                                           const ItemBoundary& out_of_item) {
  std::vector<std::string> names(items.size());
  const auto named = std::find_if(items.begin(), items.end(),
                                  [](const SiblingItem& item) { return item.name != nullptr; });
  const bool some_unnamed = std::any_of(
      items.begin(), items.end(), [](const SiblingItem& item) { return item.name == nullptr; });
  if (!some_unnamed) return names;
  if (named != items.end()) {
    const std::vector<Slot> slots = SlotsAround(named->name, named->item);
    if (const auto shared = SharedSlot(slots, items, out_of_item)) {
      const auto& [slot, words] = *shared;
      for (size_t i = 0; i < items.size(); ++i) {
        if (items[i].name != nullptr) continue;
        const GumboNode* found = FindSlot(items[i], slot, out_of_item);
        if (found != nullptr) names[i] = NameInSlot(OneLine(TextOf(found)), words);
      }
      return names;
    }
  }
  std::vector<std::string> bylines;
  bylines.reserve(items.size());
  for (const SiblingItem& item : items) bylines.push_back(BylineOf(item, out_of_item));
  std::vector<std::string> shown = bylines;
  std::erase_if(shown, [](const std::string& line) { return line.empty(); });
  if (shown.size() < kMinBylines || shown.size() * 2 < items.size()) return names;
  const std::unordered_set<std::string_view> shared_words = SharedWords(shown);
  const bool labelled = std::any_of(shared_words.begin(), shared_words.end(),
                                    [](std::string_view word) { return !IsDatePart(word); });
  if (!labelled) return names;
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].name == nullptr && !bylines[i].empty())
      names[i] = NameInByline(bylines[i], shared_words);
  }
  return names;
}

}  // namespace linkgraph::parsers
