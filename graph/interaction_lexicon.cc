// The rule table and word lists compiled once (interaction_lexicon.h).
#include "graph/interaction_lexicon.h"

#include <re2/set.h>

#include <algorithm>
#include <stdexcept>

namespace linkgraph::graph {
namespace {

int GroupIndex(const RE2& re, const char* name) {
  const auto& groups = re.NamedCapturingGroups();
  auto it = groups.find(name);
  return it == groups.end() ? -1 : it->second;
}

// All rules in one automaton: one pass over a clause tells which rules can
// match it, so the rest are never run (most clauses match none).
const RE2::Set& CompiledRuleSet() {
  static const std::unique_ptr<RE2::Set> set = [] {
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_log_errors(false);
    options.set_max_mem(64 << 20);
    auto all = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (const InteractionRule& rule : InteractionRules()) {
      if (all->Add(InteractionRulePattern(rule.pattern), nullptr) < 0) {
        throw std::logic_error(std::string(rule.id) + ": not a pattern of the rule set");
      }
    }
    if (!all->Compile()) throw std::logic_error("the rule set does not compile");
    return all;
  }();
  return *set;
}

}  // namespace

const std::vector<CompiledRule>& CompiledRules() {
  static const std::vector<CompiledRule> compiled = [] {
    std::vector<CompiledRule> all;
    for (const InteractionRule& rule : InteractionRules()) {
      CompiledRule c;
      c.rule = &rule;
      c.re = CompileFixedPattern(InteractionRulePattern(rule.pattern), rule.id);
      if (c.re->NumberOfCapturingGroups() >= kMaxRuleGroups) {
        throw std::logic_error(std::string(rule.id) + ": too many groups");
      }
      c.subject_group = GroupIndex(*c.re, "subject");
      c.aux_group = GroupIndex(*c.re, "aux");
      c.detail_group = GroupIndex(*c.re, "detail");
      all.push_back(std::move(c));
    }
    return all;
  }();
  return compiled;
}

std::vector<int> RulesMatching(re2::StringPiece clause) {
  std::vector<int> matching;
  RE2::Set::ErrorInfo error{};
  if (!CompiledRuleSet().Match(clause, &matching, &error) && error.kind != RE2::Set::kNoError) {
    matching.resize(CompiledRules().size());
    for (size_t i = 0; i < matching.size(); ++i) matching[i] = static_cast<int>(i);
  }
  std::sort(matching.begin(), matching.end());
  return matching;
}

const Markers& TheMarkers() {
  static const Markers markers;
  return markers;
}

bool Contains(const RE2& re, std::string_view text) {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re);
}

}  // namespace linkgraph::graph
