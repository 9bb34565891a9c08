// Draws a Timeline as SVG, written here rather than by Graphviz: lanes are
// rows with their label at the left, the time axis runs along the bottom
// with calendar ticks, a point marks a fact of one day and a bar one over
// longer (a month, a year, an interval), coloured by relation with a legend.
// Each item is <g class="item" id="i<N>"> with a <title> (the fact, its
// dates and first sentence), which html_writer-like pages hook into.

#ifndef QUIVER_RENDER_TIMELINE_SVG_H_
#define QUIVER_RENDER_TIMELINE_SVG_H_

#include <string>

#include "render/timeline.h"

namespace quiver::render {

struct TimelineSvg {
  std::string svg;   // The <svg> element, without an XML declaration.
  double width = 0;  // Its size in px.
  double height = 0;
};

// REQUIRES: timeline.items is not empty and canonical (Canonicalize).
TimelineSvg WriteTimelineSvg(const Timeline& timeline);

// "2016-10-11", or "2016-10-11 – 2016-12-31" for a span.
std::string DaysText(int64_t first_day, int64_t last_day);

}  // namespace quiver::render

#endif  // QUIVER_RENDER_TIMELINE_SVG_H_
