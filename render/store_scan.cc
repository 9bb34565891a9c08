#include "render/store_scan.h"

#include "absl/strings/str_cat.h"
#include "graph/records.h"
#include "graph/store.h"
#include "util/status_macros.h"

namespace quiver::render {

absl::Status ForEachNode(const graph::Reader& reader,
                         absl::FunctionRef<absl::Status(const Node&)> fn) {
  auto cursor = reader.Scan(graph::Cf::kNodes, "");
  for (; cursor->Valid(); cursor->Next()) {
    Node node;
    if (cursor->key().size() != graph::kIdSize || !graph::DecodeNode(cursor->value(), &node)) {
      return absl::DataLossError(absl::StrCat("store ", reader.store().path(),
                                              ": corrupted record in column family nodes"));
    }
    node.id = graph::DecodeIdKey(cursor->key());
    QUIVER_RETURN_IF_ERROR(fn(node));
  }
  return cursor->status();
}

absl::Status ForEachEdge(const graph::Reader& reader,
                         absl::FunctionRef<absl::Status(const Edge&)> fn) {
  auto cursor = reader.Scan(graph::Cf::kEdges, "");
  for (; cursor->Valid(); cursor->Next()) {
    graph::EdgeRecord record;
    if (cursor->key().size() != graph::kIdSize || !graph::DecodeEdge(cursor->value(), &record)) {
      return absl::DataLossError(absl::StrCat("store ", reader.store().path(),
                                              ": corrupted record in column family edges"));
    }
    QUIVER_RETURN_IF_ERROR(fn(reader.ToEdge(graph::DecodeIdKey(cursor->key()), std::move(record))));
  }
  return cursor->status();
}

}  // namespace quiver::render
