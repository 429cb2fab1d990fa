#include "graph/identity_resolver.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <tuple>

#include "common/ascii.h"
#include "common/handles.h"
#include "graph/graph.h"

namespace linkgraph::graph {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (IsAsciiSpace(c)) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string Join(const std::vector<std::string>& words, size_t from) {
  std::string out;
  for (size_t i = from; i < words.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

// Which anchor names a person best: a handle is unique, then a URL, a blog,
// a full name, a scoped first name.
int KeyRank(const std::string& key) {
  static constexpr std::array<std::string_view, 4> kOrder = {"handle:", "url:", "site:", "name:"};
  for (size_t i = 0; i < kOrder.size(); ++i) {
    if (key.rfind(kOrder[i], 0) == 0) return static_cast<int>(i);
  }
  return static_cast<int>(kOrder.size());
}

std::string FallbackName(const store::StoredPerson& person) {
  for (std::string_view kind : {"handle", "name", "site", "url"}) {
    for (const store::PersonIdentity& member : person.identities) {
      if (member.identity.kind != kind || member.identity.value.empty()) continue;
      return kind == "handle" ? "@" + member.identity.value : member.identity.value;
    }
  }
  return "(anonymous)";
}

// "Maha Akiki", not "Thanks Wendy" or "love Wendy".
bool LooksLikeName(const std::vector<std::string>& words) {
  static constexpr std::string_view kNotNames[] = {"thanks", "thank", "cheers", "love",  "regards",
                                                   "best",   "great", "hi",     "hello", "dear",
                                                   "bye",    "yours", "xx",     "ps"};
  for (const std::string& word : words) {
    if (word.empty() || !(word[0] >= 'A' && word[0] <= 'Z')) return false;
    const std::string lower = NormaliseName(word);
    for (std::string_view not_name : kNotNames) {
      if (lower == not_name || lower == std::string(not_name) + ",") return false;
    }
  }
  return true;
}

}  // namespace

IdentityResolver::AnchorId IdentityResolver::Anchor(const std::string& key,
                                                    const store::IdentityRef& identity,
                                                    const std::string& reason) {
  if (frozen_) {
    auto found = by_key_.find(key);
    return found == by_key_.end() ? kNoAnchor : found->second;
  }
  auto [it, added] = by_key_.try_emplace(key, anchors_.size());
  if (added) {
    AnchorData data;
    data.key = key;
    data.parent = it->second;
    anchors_.push_back(std::move(data));
  }
  std::vector<store::PersonIdentity>& identities = anchors_[it->second].identities;
  const bool known = std::any_of(identities.begin(), identities.end(), [&](const auto& member) {
    return member.identity.kind == identity.kind &&
           member.identity.normalised == identity.normalised;
  });
  if (!known) identities.push_back(store::PersonIdentity{identity, reason});
  return it->second;
}

IdentityResolver::AnchorId IdentityResolver::HandleAnchor(const std::string& handle,
                                                          const std::string& reason) {
  std::string value = handle;
  if (!value.empty() && value.front() == '@') value.erase(0, 1);
  const std::string normalised = NormaliseHandle(value);
  return Anchor("handle:" + normalised, {"handle", value, normalised}, reason);
}

IdentityResolver::AnchorId IdentityResolver::SiteAnchor(const std::string& site_url,
                                                        const std::string& reason) {
  const std::string normalised = NormaliseUrl(site_url);
  return Anchor("site:" + normalised, {"site", site_url, normalised}, reason);
}

IdentityResolver::AnchorId IdentityResolver::UrlAnchor(const std::string& url,
                                                       const std::string& reason) {
  const std::string normalised = NormaliseUrl(url);
  return Anchor("url:" + normalised, {"url", url, normalised}, reason);
}

IdentityResolver::AnchorId IdentityResolver::NameAnchor(const std::string& name,
                                                        const std::string& site_url,
                                                        const std::string& reason) {
  const std::string normalised = NormaliseName(name);
  const bool full_name = normalised.find(' ') != std::string::npos;
  const std::string key =
      full_name ? "name:" + normalised : "name:" + normalised + "@" + NormaliseUrl(site_url);
  return Anchor(key, {"name", name, normalised}, reason);
}

IdentityResolver::AnchorId IdentityResolver::Root(AnchorId anchor) {
  while (anchors_[anchor].parent != anchor) {
    anchors_[anchor].parent = anchors_[anchors_[anchor].parent].parent;
    anchor = anchors_[anchor].parent;
  }
  return anchor;
}

void IdentityResolver::Join(AnchorId a, AnchorId b) {
  if (frozen_) return;
  a = Root(a);
  b = Root(b);
  if (a == b) return;
  // The lower id stays root: the result does not depend on join order.
  if (b < a) std::swap(a, b);
  anchors_[b].parent = a;
}

void IdentityResolver::ShowName(AnchorId anchor, const std::string& name) {
  if (!frozen_ && !name.empty()) ++anchors_[anchor].shown_names[name];
}

std::vector<store::StoredPerson> IdentityResolver::People(std::vector<size_t>* person_of) {
  // Group by root; the group's key is its best anchor's.
  std::map<AnchorId, std::vector<AnchorId>> groups;
  for (AnchorId anchor = 0; anchor < anchors_.size(); ++anchor) {
    groups[Root(anchor)].push_back(anchor);
  }
  struct Group {
    std::string key;
    std::vector<AnchorId> members;
  };
  std::vector<Group> ordered;
  for (auto& [root, members] : groups) {
    const AnchorId best = *std::min_element(members.begin(), members.end(), [&](auto x, auto y) {
      return std::make_tuple(KeyRank(anchors_[x].key), anchors_[x].key) <
             std::make_tuple(KeyRank(anchors_[y].key), anchors_[y].key);
    });
    ordered.push_back(Group{anchors_[best].key, members});
  }
  std::sort(ordered.begin(), ordered.end(),
            [](const Group& x, const Group& y) { return x.key < y.key; });

  person_of->assign(anchors_.size(), 0);
  std::vector<store::StoredPerson> people;
  for (const Group& group : ordered) {
    store::StoredPerson person;
    person.key = group.key;
    std::map<std::string, long long> shown;
    for (AnchorId anchor : group.members) {
      (*person_of)[anchor] = people.size();
      const AnchorData& data = anchors_[anchor];
      for (const store::PersonIdentity& member : data.identities) {
        const bool known =
            std::any_of(person.identities.begin(), person.identities.end(), [&](const auto& other) {
              return other.identity.kind == member.identity.kind &&
                     other.identity.normalised == member.identity.normalised;
            });
        if (!known) person.identities.push_back(member);
      }
      for (const auto& [name, count] : data.shown_names) shown[name] += count;
      person.texts += data.texts;
    }
    // The name shown most; on a tie the longer (a full name over a first
    // name), then the first in order.
    const auto best_name = std::max_element(shown.begin(), shown.end(), [](auto& x, auto& y) {
      return std::make_tuple(x.second, x.first.size(), std::string_view(y.first)) <
             std::make_tuple(y.second, y.first.size(), std::string_view(x.first));
    });
    person.name = best_name != shown.end() ? best_name->first : FallbackName(person);
    people.push_back(std::move(person));
  }
  return people;
}

std::string HandleFromProfileUrl(const std::string& url) {
  const std::string normalised = NormaliseUrl(url);
  for (std::string_view host : {"twitter.com/", "x.com/", "mobile.twitter.com/"}) {
    if (normalised.rfind(host, 0) != 0) continue;
    std::string path = normalised.substr(host.size());
    // Keep the case as written: take the same span of the original URL.
    const size_t at = url.size() >= path.size() ? ToLowerAscii(url).rfind(path) : std::string::npos;
    if (at != std::string::npos) path = url.substr(at, path.size());
    if (!path.empty() && path.front() == '#') path.erase(0, 1);
    if (path.size() > 2 && path[0] == '!' && path[1] == '/') path.erase(0, 2);
    if (IsHandle(path)) return path;
  }
  return "";
}

DisplayName SplitDisplayName(const std::string& display) {
  std::vector<std::string> words = Words(display);
  if (!words.empty() && words[0].size() > 1 && words[0][0] == '@' &&
      IsHandle(std::string_view(words[0]).substr(1))) {
    return DisplayName{words[0].substr(1), Join(words, 1)};
  }
  return DisplayName{"", Join(words, 0)};
}

bool ReadSignature(const std::string& text, const std::string& author_name, Signature* signature) {
  std::string_view rest = TrimAscii(text);
  const size_t line_start = rest.find_last_of('\n');
  std::string_view line = TrimAscii(line_start == std::string_view::npos ? std::string_view()
                                                                         : rest.substr(line_start));
  if (line.empty() || author_name.empty()) return false;
  std::vector<std::string> words = Words(line);
  if (words.size() > 7) return false;
  std::vector<std::string> author_words = Words(author_name);
  if (author_words.empty()) return false;
  // A plain signature ends with the author's name, or with its last word.
  auto ends_with = [&](const std::vector<std::string>& tail) {
    if (tail.empty() || tail.size() > words.size()) return false;
    return std::equal(tail.rbegin(), tail.rend(), words.rbegin(),
                      [](const std::string& x, const std::string& y) {
                        return NormaliseName(x) == NormaliseName(y);
                      });
  };
  auto contains = [&](const std::string& word) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& candidate) {
      return NormaliseName(candidate) == NormaliseName(word);
    });
  };
  const bool names_author = ends_with(author_words) || ends_with({author_words.back()});
  const bool has_handle = std::any_of(words.begin(), words.end(), [](const std::string& word) {
    return word.size() > 1 && word[0] == '@' && IsHandle(std::string_view(word).substr(1));
  });
  // "Pickle aka @HRMargo": with a handle, the author's name anywhere will do.
  if (!names_author && !(has_handle && contains(author_words.back()))) return false;
  Signature found;
  found.line = std::string(line);
  size_t name_start = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].size() > 1 && words[i][0] == '@' &&
        IsHandle(std::string_view(words[i]).substr(1))) {
      found.handle = words[i].substr(1);
      name_start = i + 1;
    }
  }
  // Without a handle, only a name of at most three words counts ("Maha
  // Akiki"), not a closing sentence that happens to end with the name.
  if (found.handle.empty() && words.size() > 3) return false;
  const std::string name = Join(words, name_start);
  if (NormaliseName(name) != NormaliseName(author_name) && Words(name).size() >= 2 &&
      Words(name).size() <= 3 && LooksLikeName(Words(name))) {
    found.full_name = name;
  }
  if (found.handle.empty() && found.full_name.empty()) return false;
  *signature = std::move(found);
  return true;
}

}  // namespace linkgraph::graph
