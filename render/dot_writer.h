// A Diagram as Graphviz DOT text: nodes coloured and shaped by label with a
// legend, edges labelled by type (and count), negated facts dashed, a title.
// Deterministic: the same Diagram gives the same bytes.

#ifndef QUIVER_RENDER_DOT_WRITER_H_
#define QUIVER_RENDER_DOT_WRITER_H_

#include <string>
#include <string_view>

#include "render/diagram.h"

namespace quiver::render {

struct NodeStyle {
  std::string shape;
  std::string fill;  // "#rrggbb"
};

// The style of a label: fixed ones for the usual labels (Person,
// Organization, Place, Country, Group, Event, Concept), otherwise one picked
// by a hash of the label (stable across runs), grey for no label.
NodeStyle StyleFor(std::string_view label);

// `text` as a DOT quoted string, quotes included.
std::string DotQuote(std::string_view text);

struct DotOptions {
  bool legend = true;    // Default: true.
  bool tooltips = true;  // Evidence as edge tooltips (SVG/HTML). Default: true.
};

// REQUIRES: Canonicalize(&diagram) was applied (DiagramOf does it).
std::string WriteDot(const Diagram& diagram, const DotOptions& options = {});

}  // namespace quiver::render

#endif  // QUIVER_RENDER_DOT_WRITER_H_
