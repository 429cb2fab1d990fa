// A page's comments made into a thread the rest of linkgraph can trust,
// whatever the markup claimed: one comment per id, and parent links that end.
// Broken or hostile pages repeat ids (a comment nested in a copy of itself)
// and the store keys comments by id, while reply chains are walked upward.
#include <algorithm>
#include <unordered_map>

#include "parsers/extractors.h"

namespace linkgraph::parsers {
namespace {

// A theme that wraps each comment's body in a second element of the same id
// gives the wrapper first (often without text) and the body after it: the
// first keeps its place and parent, and takes what it lacks from the copies.
void MergeRepeatedIds(std::vector<Comment>* comments) {
  std::unordered_map<std::string, size_t> first;
  std::vector<Comment> kept;
  kept.reserve(comments->size());
  for (Comment& comment : *comments) {
    auto [at, added] = first.emplace(comment.id, kept.size());
    if (comment.id.empty() || added) {
      kept.push_back(std::move(comment));
      continue;
    }
    Comment& original = kept[at->second];
    for (auto field : {&Comment::author, &Comment::author_url, &Comment::published,
                       &Comment::text, &Comment::permalink}) {
      if ((original.*field).empty()) original.*field = std::move(comment.*field);
    }
  }
  *comments = std::move(kept);
}

// Walks each chain of parents once (iteratively: a chain may be as long as
// the page) and cuts the link that closes a cycle; a parent not on this page
// (an earlier comment page's) is kept.
void CutParentCycles(std::vector<Comment>* comments) {
  std::unordered_map<std::string_view, size_t> index;
  for (size_t i = 0; i < comments->size(); ++i) index.emplace((*comments)[i].id, i);
  enum class State : char { kUnvisited, kOnPath, kDone };
  std::vector<State> state(comments->size(), State::kUnvisited);
  std::vector<size_t> path;
  for (size_t start = 0; start < comments->size(); ++start) {
    size_t at = start;
    while (state[at] == State::kUnvisited) {
      state[at] = State::kOnPath;
      path.push_back(at);
      const std::string& parent = (*comments)[at].parent_id;
      auto found = parent.empty() ? index.end() : index.find(parent);
      if (found == index.end()) break;
      if (state[found->second] == State::kOnPath) {
        (*comments)[at].parent_id.clear();
        break;
      }
      at = found->second;
    }
    for (size_t visited : path) state[visited] = State::kDone;
    path.clear();
  }
}

}  // namespace

void SettleThread(std::vector<Comment>* comments) {
  MergeRepeatedIds(comments);
  CutParentCycles(comments);
  for (size_t i = 0; i < comments->size(); ++i) (*comments)[i].position = static_cast<int>(i) + 1;
}

}  // namespace linkgraph::parsers
