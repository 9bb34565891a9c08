// A diagram's content: the nodes and edges to draw, styled later by
// dot_writer.h. Built from a store by diagram_builder.h.

#ifndef QUIVER_RENDER_DIAGRAM_H_
#define QUIVER_RENDER_DIAGRAM_H_

#include <cstdint>
#include <string>
#include <vector>

#include "quiver/graph_types.h"

namespace quiver::render {

struct DiagramNode {
  NodeId id = 0;
  std::string name;
  std::string label;  // The node's first label, or empty: picks the style.
};

struct DiagramEdge {
  EdgeId id = 0;
  NodeId src = 0;
  NodeId dst = 0;
  std::string type;
  int64_t count = 1;  // Statements of the fact.
  bool negated = false;
  std::vector<std::string> evidence;  // Sentences, for the HTML output.
};

// Nodes sorted by id; edges by (src, dst, type, id): the order the DOT text
// is written in, so equal content gives equal bytes.
struct Diagram {
  std::string title;
  std::vector<DiagramNode> nodes;
  std::vector<DiagramEdge> edges;
  int64_t omitted_nodes = 0;  // Left out by the size cap.
  int64_t omitted_edges = 0;
  int64_t outside_range = 0;  // Edges undated or dated outside the range.
};

// Sorts nodes and edges into the canonical order above.
void Canonicalize(Diagram* diagram);

}  // namespace quiver::render

#endif  // QUIVER_RENDER_DIAGRAM_H_
