// Private to graph/: who is who. Every way a person appears is an anchor
// ("handle:hrmargo", "url:davemartin.example", "site:wendy.example",
// "name:margo rose", or a one-word name scoped to a blog,
// "name:wendy@wendy.example", since a first name alone proves nothing across
// blogs). Evidence joins anchors; each group becomes one person. Every
// identity keeps the reason it was added, so `report person` can explain.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "store/store.h"

namespace linkgraph::graph {

class IdentityResolver {
 public:
  using AnchorId = size_t;
  // What lookups give for a key no anchor has (see Freeze).
  static constexpr AnchorId kNoAnchor = static_cast<AnchorId>(-1);

  // While frozen, the Anchor functions only look up: a key not seen gives
  // kNoAnchor, and Join, ShowName and CountText change nothing. A derivation
  // reads the texts again this way to find who wrote each, without keeping
  // per text what it found the first time.
  void Freeze() { frozen_ = true; }
  void Thaw() { frozen_ = false; }

  // The anchor for a key, created on first use with the identity it shows.
  AnchorId Anchor(const std::string& key, const store::IdentityRef& identity,
                  const std::string& reason);
  // Anchors for the common kinds; value as written.
  AnchorId HandleAnchor(const std::string& handle, const std::string& reason);
  AnchorId SiteAnchor(const std::string& site_url, const std::string& reason);
  AnchorId UrlAnchor(const std::string& url, const std::string& reason);
  // A name of two or more words is global; one word is scoped to site.
  AnchorId NameAnchor(const std::string& name, const std::string& site_url,
                      const std::string& reason);

  size_t AnchorCount() const { return anchors_.size(); }

  // The evidence that a and b are one person.
  void Join(AnchorId a, AnchorId b);

  // Counts a display name shown for the anchor's person (post author,
  // comment author): the most shown becomes the person's name.
  void ShowName(AnchorId anchor, const std::string& name);
  void CountText(AnchorId anchor) {
    if (!frozen_) ++anchors_[anchor].texts;
  }

  // Groups the anchors into people (ordered by key) and gives each anchor's
  // person index (0-based) through person_of.
  std::vector<store::StoredPerson> People(std::vector<size_t>* person_of);

 private:
  struct AnchorData {
    std::string key;
    std::vector<store::PersonIdentity> identities;
    std::map<std::string, long long> shown_names;
    long long texts = 0;
    AnchorId parent = 0;
  };
  AnchorId Root(AnchorId anchor);

  std::vector<AnchorData> anchors_;
  std::map<std::string, AnchorId> by_key_;
  bool frozen_ = false;
};

// Profile hosts whose URL path is the handle: "twitter.com/HRMargo".
// Returns the handle, or "" for any other URL.
std::string HandleFromProfileUrl(const std::string& url);

// "@HRMargo Margo Rose" -> handle "HRMargo", name "Margo Rose"; a display
// name without a leading handle gives handle "" and the name unchanged.
struct DisplayName {
  std::string handle;
  std::string name;
};
DisplayName SplitDisplayName(const std::string& display);

// A comment's last line when it signs the comment: "Pickle aka @HRMargo
// Margo Rose" or "Maha Akiki" under a comment by "Akiki". The signature
// names the author (their name, or its last word), may carry a handle, and
// is short.
struct Signature {
  std::string handle;
  std::string full_name;  // a longer name than the author's, or ""
  std::string line;
};
bool ReadSignature(const std::string& text, const std::string& author_name, Signature* signature);

}  // namespace linkgraph::graph
