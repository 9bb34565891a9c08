// The self-contained HTML diagram: the SVG inline and, per edge, its
// evidence sentences shown on hover. No external file, script or font.

#ifndef QUIVER_RENDER_HTML_WRITER_H_
#define QUIVER_RENDER_HTML_WRITER_H_

#include <string>

#include "render/diagram.h"

namespace quiver::render {

// `svg` is Graphviz's SVG of WriteDot(diagram) (edges carry id="e<ID>").
std::string WriteHtml(const Diagram& diagram, const std::string& svg,
                      const std::string& note = "");

}  // namespace quiver::render

#endif  // QUIVER_RENDER_HTML_WRITER_H_
