#include "reports/people_view.h"

#include <cmath>
#include <set>
#include <sstream>

#include "graph/graph.h"

namespace linkgraph::reports {

Result<const store::StoredPerson*> PeopleView::Get(long long id) {
  if (auto it = people_.find(id); it != people_.end()) return &it->second;
  Result<std::optional<store::StoredPerson>> person = store_.FindPerson(id);
  if (!person) return person.error();
  if (!*person) {
    return Error{ErrorCode::kInternal, "person #" + std::to_string(id) + " is missing"};
  }
  return &(people_[id] = std::move(**person));
}

Result<const store::StoredPerson*> PeopleView::Resolve(const std::string& who) {
  Result<store::StoredPerson> person = graph::ResolvePerson(store_, who);
  if (!person) return person.error();
  const long long id = person->id;
  return &(people_[id] = std::move(*person));
}

std::vector<std::string> ValuesOf(const store::StoredPerson& person, std::string_view kind) {
  std::vector<std::string> values;
  for (const store::PersonIdentity& member : person.identities) {
    if (member.identity.kind == kind) values.push_back(member.identity.value);
  }
  return values;
}

std::vector<std::string> HandlesOf(const store::StoredPerson& person) {
  std::vector<std::string> handles = ValuesOf(person, "handle");
  for (std::string& handle : handles) handle = "@" + handle;
  return handles;
}

std::string LabelOf(const store::StoredPerson& person) {
  std::vector<std::string> handles = HandlesOf(person);
  if (handles.empty() || person.name == handles.front()) return person.name;
  return person.name + " (" + handles.front() + ")";
}

std::string JoinUnique(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  std::set<std::string> seen;
  for (const std::string& part : parts) {
    if (part.empty() || !seen.insert(part).second) continue;
    if (!joined.empty()) joined += separator;
    joined += part;
  }
  return joined;
}

std::string EdgeDetail(const store::StoredEdge& edge) {
  return JoinUnique({edge.detail, edge.event.empty() ? "" : "at " + edge.event, edge.when}, ", ");
}

std::string FormatDuration(std::optional<double> hours) {
  if (!hours) return "";
  long long minutes = std::llround(*hours * 60);
  const bool negative = minutes < 0;
  if (negative) minutes = -minutes;
  std::ostringstream out;
  if (negative) out << "-";
  if (minutes >= 24 * 60) out << minutes / (24 * 60) << " d ";
  if (minutes >= 60) out << (minutes / 60) % 24 << " h ";
  out << minutes % 60 << " min";
  return out.str();
}

}  // namespace linkgraph::reports
