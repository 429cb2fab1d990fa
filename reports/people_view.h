// Private to reports/: people as the reports name them, read from the store
// on demand (and kept), so a report on one person in a graph of a hundred
// thousand reads only the people it shows.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/result.h"
#include "reports/graph_document.h"
#include "reports/reports.h"
#include "store/store.h"

namespace linkgraph::reports {

class PeopleView {
 public:
  explicit PeopleView(store::Store& store) : store_(store) {}

  // The person with this id; kInternal when an edge names a missing person.
  Result<const store::StoredPerson*> Get(long long id);

  // Resolves WHO (see graph::ResolvePerson) and keeps the person.
  Result<const store::StoredPerson*> Resolve(const std::string& who);

 private:
  store::Store& store_;
  std::map<long long, store::StoredPerson> people_;
};

// "@HRMargo", ... in the order found.
std::vector<std::string> HandlesOf(const store::StoredPerson& person);
// Identity values of one kind ("url", "site", "name").
std::vector<std::string> ValuesOf(const store::StoredPerson& person, std::string_view kind);
// "Margo Rose (@HRMargo)"; "@LisaScales" for a person known by a handle
// only; "Wendy" for one without a handle.
std::string LabelOf(const store::StoredPerson& person);

// "a; b; c" skipping empty parts and repeats.
std::string JoinUnique(const std::vector<std::string>& parts, std::string_view separator);

// One edge's particulars for a table: "after work drinks, tomorrow",
// "at TRULondon2, in Feb", "dinner".
std::string EdgeDetail(const store::StoredEdge& edge);

// 3 d 23 h 40 min, 13 h 51 min, 5 min; "" for none.
std::string FormatDuration(std::optional<double> hours);

}  // namespace linkgraph::reports
