// What the store's role interfaces do for every backend.
#include "store/store.h"

namespace linkgraph::store {

std::string_view ToString(RunCommand command) {
  return command == RunCommand::kImport ? "import" : "crawl";
}

Status GraphStore::ReplaceGraph(const GraphSnapshot& graph) {
  Result<std::unique_ptr<GraphWrite>> write = BeginGraphWrite(graph);
  if (!write) return write.error().WithContext("replace graph");
  if (Status committed = (*write)->Commit(); !committed) {
    return committed.error().WithContext("replace graph");
  }
  return {};
}

}  // namespace linkgraph::store
