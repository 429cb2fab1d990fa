// Private to the store's public headers: how a store hands out the rows of
// a read one at a time, so a caller need not hold them all.
#pragma once

#include <functional>
#include <utility>
#include <vector>

#include "common/result.h"

namespace linkgraph::store {

// Called with each row of a read, which it may take (move from); an error
// ends the read.
template <typename Row>
using RowVisitor = std::function<Status(Row&)>;

// The rows one of a role's Each* reads visits, collected: the vector reads
// (Posts(), People()...) for callers that want them all.
template <typename Role, typename Row>
Result<std::vector<Row>> CollectRows(Role& role, Status (Role::*each)(const RowVisitor<Row>&)) {
  std::vector<Row> rows;
  Status read = (role.*each)([&](Row& row) -> Status {
    rows.push_back(std::move(row));
    return {};
  });
  if (!read) return read.error();
  return rows;
}

}  // namespace linkgraph::store
