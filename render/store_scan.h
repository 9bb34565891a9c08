// Whole-store iteration for exports: every node and every edge, decoded, in
// id order.

#ifndef QUIVER_RENDER_STORE_SCAN_H_
#define QUIVER_RENDER_STORE_SCAN_H_

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "graph/reader.h"
#include "quiver/graph_types.h"

namespace quiver::render {

// `fn` returns an error to stop; that error is returned.
absl::Status ForEachNode(const graph::Reader& reader,
                         absl::FunctionRef<absl::Status(const Node&)> fn);
absl::Status ForEachEdge(const graph::Reader& reader,
                         absl::FunctionRef<absl::Status(const Edge&)> fn);
// Each edge with its evidence (by document, then sentence). One merged scan
// of `edges` and `evidence`, both ordered by edge id, instead of a prefix
// scan per edge.
absl::Status ForEachEdgeWithEvidence(
    const graph::Reader& reader,
    absl::FunctionRef<absl::Status(const Edge&, const std::vector<Evidence>&)> fn);

}  // namespace quiver::render

#endif  // QUIVER_RENDER_STORE_SCAN_H_
