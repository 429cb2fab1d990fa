// FindPeople / ResolvePerson: from the words a user types to people.
#include <algorithm>
#include <optional>
#include <string>

#include "common/ascii.h"
#include "graph/graph.h"

namespace linkgraph::graph {
namespace {

Status AddMatches(store::GraphStore& store, const std::string& kind, const std::string& normalised,
                  std::vector<long long>* ids) {
  if (normalised.empty()) return {};
  Result<std::vector<long long>> found = store.FindPeopleByIdentity(kind, normalised);
  if (!found) return found.error();
  ids->insert(ids->end(), found->begin(), found->end());
  return {};
}

// "#5" as `report people` prints it, or "id:5", which a shell leaves alone
// where an unquoted "#5" starts a comment.
std::optional<long long> PersonIdOf(std::string_view who) {
  if (who.size() > 1 && who.front() == '#') {
    who.remove_prefix(1);
  } else if (who.size() > 3 && StartsWithIgnoreCase(who, "id:")) {
    who.remove_prefix(3);
  } else {
    return std::nullopt;
  }
  if (who.size() >= 18 || !std::all_of(who.begin(), who.end(), IsAsciiDigit)) return std::nullopt;
  return std::stoll(std::string(who));
}

bool LooksLikeUrl(std::string_view who) {
  return who.find("://") != std::string_view::npos ||
         (who.find('.') != std::string_view::npos && who.find(' ') == std::string_view::npos);
}

std::string Describe(const store::StoredPerson& person) {
  std::string description = person.name + " (#" + std::to_string(person.id);
  for (const store::PersonIdentity& member : person.identities) {
    if (member.identity.kind == "handle") description += ", @" + member.identity.value;
    if (member.identity.kind == "site" || member.identity.kind == "url") {
      description += ", " + member.identity.normalised;
    }
  }
  return description + ")";
}

}  // namespace

Result<std::vector<long long>> FindPeople(store::GraphStore& store, std::string_view who) {
  who = TrimAscii(who);
  std::vector<long long> ids;
  if (std::optional<long long> id = PersonIdOf(who)) {
    Result<std::optional<store::StoredPerson>> person = store.FindPerson(*id);
    if (!person) return person.error();
    if (*person) ids.push_back((*person)->id);
    return ids;
  }
  Status found;
  if (!who.empty() && who.front() == '@') {
    found = AddMatches(store, "handle", NormaliseHandle(who), &ids);
  } else if (LooksLikeUrl(who)) {
    found = AddMatches(store, "site", NormaliseUrl(who), &ids);
    if (found) found = AddMatches(store, "url", NormaliseUrl(who), &ids);
  } else {
    found = AddMatches(store, "name", NormaliseName(who), &ids);
    // "LaraNewman" without its "@".
    if (found && ids.empty()) found = AddMatches(store, "handle", NormaliseHandle(who), &ids);
  }
  if (!found) return found.error();
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

Result<store::StoredPerson> ResolvePerson(store::GraphStore& store, std::string_view who) {
  Result<std::vector<long long>> ids = FindPeople(store, who);
  if (!ids) return ids.error();
  const std::string quoted = "'" + std::string(who) + "'";
  if (ids->empty()) {
    return Error{ErrorCode::kNotFound,
                 "no person matches " + quoted +
                     " (give a handle like @name, a full name, a site or URL, or #ID from "
                     "'linkgraph report people')"};
  }
  std::vector<store::StoredPerson> people;
  for (long long id : *ids) {
    Result<std::optional<store::StoredPerson>> person = store.FindPerson(id);
    if (!person) return person.error();
    if (*person) people.push_back(std::move(**person));
  }
  if (people.size() == 1) return people.front();
  std::string candidates;
  for (const store::StoredPerson& person : people) {
    candidates += (candidates.empty() ? "" : "; ") + Describe(person);
  }
  return Error{ErrorCode::kInvalidArgument, quoted + " names " + std::to_string(people.size()) +
                                                " people: " + candidates +
                                                "; give a handle, a URL or #ID"};
}

}  // namespace linkgraph::graph
