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
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "parsers/extractors.h"
#include "parsers/text_util.h"

namespace linkgraph::parsers {
namespace {

constexpr size_t kMaxSiblingNameChars = 80;
constexpr size_t kMaxNameWords = 4;
// A template shows in a few lines, not in one or two.
constexpr size_t kMinBylines = 3;

bool IsPlainName(std::string_view text) {
  return !text.empty() && CountCodePoints(text) <= kMaxSiblingNameChars &&
         CountWords(text) <= kMaxNameWords && text.find("://") == std::string_view::npos &&
         ParseDate(text).empty();
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
      // Words beside a name, not a date that differs from item to item.
      if (HasDigit(around.before) || HasDigit(around.after)) return false;
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

// The item's lines that may be its byline: short, with a date and words
// beside it (the date's own element says no name), an element's own words
// ("Am DATE het NAME gmeint:" beside the text's paragraphs) or all of them
// ("NAME on <a>DATE</a>"). A short comment's text may be one too: the
// template the lines share tells the byline.
std::vector<std::string> DatedLines(const SiblingItem& item, const ItemBoundary& out_of_item) {
  std::vector<const GumboNode*> nodes{item.item};
  for (const GumboNode* node : FindAll(
           item.item, [&](const GumboNode* n) { return !out_of_item(item.item, n); },
           [&](const GumboNode* n) { return out_of_item(item.item, n); })) {
    nodes.push_back(node);
  }
  const auto dated_line = [](const std::string& line) {
    if (line.empty() || CountCodePoints(line) > kMaxBylineChars ||
        ParseDate(line, DateOrder::kDayFirst).empty()) {
      return false;
    }
    const std::vector<std::string_view> words = Words(line);
    return !std::all_of(words.begin(), words.end(), IsDatePart);
  };
  std::vector<std::string> lines;
  for (const GumboNode* node : nodes) {
    if (std::string own = OwnText(node); dated_line(own)) {
      lines.push_back(std::move(own));
    } else if (std::string all = OneLine(TextOf(node)); dated_line(all)) {
      lines.push_back(std::move(all));
    }
  }
  return lines;
}

// The words nearly every item's lines have: the template's.
std::unordered_set<std::string_view> SharedWords(
    const std::vector<std::vector<std::string>>& lines_of_items) {
  std::unordered_map<std::string_view, size_t> items_with;
  size_t items = 0;
  for (const std::vector<std::string>& lines : lines_of_items) {
    if (lines.empty()) continue;
    ++items;
    std::vector<std::string_view> words;
    for (const std::string& line : lines) {
      for (std::string_view word : Words(line)) words.push_back(word);
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    for (std::string_view word : words) ++items_with[word];
  }
  const size_t needed = std::max(kMinBylines, (items * 4 + 4) / 5);
  std::unordered_set<std::string_view> shared;
  for (const auto& [word, count] : items_with) {
    if (count >= needed) shared.insert(word);
  }
  return shared;
}

// The line that fits the template best: most of its words, fewest others.
const std::string* BestFit(const std::vector<std::string>& lines,
                           const std::unordered_set<std::string_view>& shared) {
  const std::string* best = nullptr;
  size_t best_shared = 0;
  size_t best_other = 0;
  for (const std::string& line : lines) {
    std::unordered_set<std::string_view> in_line;
    size_t other = 0;
    for (std::string_view word : Words(line)) {
      if (shared.contains(word)) {
        in_line.insert(word);
      } else {
        ++other;
      }
    }
    const size_t in_template = in_line.size();
    if (in_template == 0) continue;
    if (best == nullptr || in_template > best_shared ||
        (in_template == best_shared && other < best_other)) {
      best = &line;
      best_shared = in_template;
      best_other = other;
    }
  }
  return best;
}

// The one run of words not shared that is no part of the date.
std::string NameOutsideTemplate(std::string_view line,
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
      const bool named_some = std::any_of(names.begin(), names.end(),
                                          [](const std::string& name) { return !name.empty(); });
      if (named_some) return names;
    }
  }
  std::vector<std::vector<std::string>> lines;
  lines.reserve(items.size());
  for (const SiblingItem& item : items) lines.push_back(DatedLines(item, out_of_item));
  const size_t dated = static_cast<size_t>(std::count_if(
      lines.begin(), lines.end(), [](const std::vector<std::string>& l) { return !l.empty(); }));
  if (dated < kMinBylines || dated * 2 < items.size()) return names;
  const std::unordered_set<std::string_view> shared_words = SharedWords(lines);
  const bool labelled = std::any_of(shared_words.begin(), shared_words.end(),
                                    [](std::string_view word) { return !IsDatePart(word); });
  if (!labelled) return names;
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].name != nullptr) continue;
    if (const std::string* byline = BestFit(lines[i], shared_words)) {
      names[i] = NameOutsideTemplate(*byline, shared_words);
    }
  }
  return names;
}

}  // namespace linkgraph::parsers
