// Choosing what a diagram shows: the neighbourhood of named nodes, or given
// nodes and edges (a query's result), cut to a size that stays legible.

#ifndef QUIVER_RENDER_DIAGRAM_BUILDER_H_
#define QUIVER_RENDER_DIAGRAM_BUILDER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/reader.h"
#include "graph/snapshot.h"
#include "render/diagram.h"

namespace quiver::render {

struct DiagramLimits {
  // Past this many nodes keep the most central (highest degree in the whole
  // graph, named start nodes always first). Default: 60.
  size_t max_nodes = 60;
  // Past this many edges keep those stated most often. Default: 200.
  size_t max_edges = 200;
  bool evidence = false;  // Load evidence sentences (HTML). Default: false.
  // When set, keep only edges whose first_seen..last_seen overlaps
  // [from_day, to_day] (epoch days, inclusive); undated edges go too, and
  // so do nodes left without an edge (named start nodes stay). Default: off.
  bool by_date = false;
  int64_t from_day = 0;
  int64_t to_day = 0;
};

// The nodes within `depth` hops (either direction) of every node found by
// one of `names`, and all edges among them. Errors: kNotFound naming a name
// that matches no node.
absl::StatusOr<Diagram> DiagramAround(const graph::Reader& reader, const graph::Snapshot& snap,
                                      const std::vector<std::string>& names, int depth,
                                      const DiagramLimits& limits);

// The given nodes and edges (and the ends of the edges). `snap` ranks nodes
// for the cap; `keep_first` are kept before any other.
absl::StatusOr<Diagram> DiagramOf(const graph::Reader& reader, const graph::Snapshot& snap,
                                  std::vector<NodeId> nodes, std::vector<EdgeId> edges,
                                  const std::vector<NodeId>& keep_first,
                                  const DiagramLimits& limits);

// The nodes and relationships anywhere in query result rows: node and
// relationship values, paths, and those inside lists and maps. Appends ids.
void CollectGraphElements(const std::vector<ValueList>& rows, std::vector<NodeId>* nodes,
                          std::vector<EdgeId>* edges);

// "kept 60 of 233 nodes (173 left out) ..." or empty when nothing was cut.
std::string OmissionMessage(const Diagram& diagram);

}  // namespace quiver::render

#endif  // QUIVER_RENDER_DIAGRAM_BUILDER_H_
