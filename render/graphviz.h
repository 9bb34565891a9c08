// Laying out and rendering DOT text with Graphviz's libgvc (in a child
// process, so a layout that runs too long can be stopped).

#ifndef QUIVER_RENDER_GRAPHVIZ_H_
#define QUIVER_RENDER_GRAPHVIZ_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace quiver::render {

struct LayoutOptions {
  std::string engine = "dot";  // dot, neato or sfdp. Default: dot.
  // Wall-clock budget per layout attempt. When `engine` runs out of it,
  // sfdp (the fastest for large graphs) is tried once with the same budget,
  // then the call fails. Default: 20000 ms.
  int budget_ms = 20000;
};

struct Rendered {
  std::string data;    // The file's bytes.
  std::string engine;  // The layout engine that produced it.
};

// Renders `dot` to `format` (svg, png or pdf). Errors: kInvalidArgument
// (unknown engine or format, or DOT Graphviz rejects), kDeadlineExceeded
// (no layout within the budget; the message says how to narrow the
// diagram), kInternal (Graphviz failed).
absl::StatusOr<Rendered> RenderDot(const std::string& dot, std::string_view format,
                                   const LayoutOptions& options);

}  // namespace quiver::render

#endif  // QUIVER_RENDER_GRAPHVIZ_H_
