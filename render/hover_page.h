// The self-contained HTML page both the diagram and the timeline write: a
// title, a note, an inline SVG and a tooltip that shows, when the pointer is
// over one of the SVG's items, what the page's data holds for that item's
// id. No external file, script or font; every text reaches the page through
// textContent or escaped markup, never as markup of its own.

#ifndef QUIVER_RENDER_HOVER_PAGE_H_
#define QUIVER_RENDER_HOVER_PAGE_H_

#include <string>

#include <nlohmann/json.hpp>

namespace quiver::render {

struct HoverPage {
  std::string title;          // Text: escaped here.
  std::string note;           // Text of the note under the title: escaped here.
  std::string container_id;   // The element holding the SVG: "diagram".
  std::string svg;            // Inline SVG (anything before "<svg" is dropped).
  std::string item_selector;  // Items within the container: "g.edge".
  // Item id -> what its tooltip shows; in the page as the script's `DATA`.
  nlohmann::json data = nlohmann::json::object();
  std::string style;  // CSS of the page's own items (the tooltip's is shared).
  // JS, the body of `function fill(tip, info)`: puts `info` into the
  // (emptied) tooltip element `tip`.
  std::string fill_script;
  // JS run once for each item that has data, as `g` (may be empty).
  std::string on_item_script;
};

std::string WriteHoverPage(const HoverPage& page);

}  // namespace quiver::render

#endif  // QUIVER_RENDER_HOVER_PAGE_H_
