// A timeline as one self-contained HTML page: the SVG inline, and on hover
// over an item the fact, its dates and every statement behind it (sentence,
// document, document date), as the HTML diagram does for edges.

#ifndef QUIVER_RENDER_TIMELINE_HTML_H_
#define QUIVER_RENDER_TIMELINE_HTML_H_

#include <string>

#include "render/timeline.h"

namespace quiver::render {

// `svg` is WriteTimelineSvg(timeline).
std::string WriteTimelineHtml(const Timeline& timeline, const std::string& svg);

}  // namespace quiver::render

#endif  // QUIVER_RENDER_TIMELINE_HTML_H_
