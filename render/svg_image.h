// PNG and PDF from an SVG we wrote ourselves (the timeline), through the
// Graphviz library the diagrams already use: Graphviz cannot read SVG as a
// graph, but its rsvg plugin draws an SVG file as a node's image with
// cairo, so a one-node graph of exactly the SVG's size renders it. That
// avoids a second rendering library and a second layout of our own.

#ifndef QUIVER_RENDER_SVG_IMAGE_H_
#define QUIVER_RENDER_SVG_IMAGE_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace quiver::render {

// `svg` (width x height px) as "png" (the same size in pixels) or "pdf".
// The PDF's creation date is fixed to 1970-01-01 so equal SVG gives equal
// bytes. Errors: kInvalidArgument for another format; kInternal when the
// temporary file cannot be written or Graphviz draws nothing (its rsvg
// plugin missing).
absl::StatusOr<std::string> RenderSvgImage(const std::string& svg, double width,
                                           double height,
                                           std::string_view format);

}  // namespace quiver::render

#endif  // QUIVER_RENDER_SVG_IMAGE_H_
