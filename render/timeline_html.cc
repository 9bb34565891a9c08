#include "render/timeline_html.h"

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "render/hover_page.h"
#include "render/timeline_svg.h"

namespace quiver::render {

namespace {

constexpr char kStyle[] = R"(
#timeline svg { max-width: 100%; height: auto; }
#timeline g.item { cursor: help; }
#timeline g.item.active circle, #timeline g.item.active rect { stroke: #d62728; stroke-width: 2.5; }
#tip cite { color: #666; font-style: normal; }
)";

// The fact and its dates in bold, then each sentence with its document and
// date.
constexpr char kFill[] = R"(
  var b = document.createElement('b');
  b.textContent = info.fact + ' (' + info.when + ')';
  tip.appendChild(b);
  var ul = document.createElement('ul');
  info.evidence.forEach(function (s) {
    var li = document.createElement('li');
    li.textContent = s.sentence + ' ';
    var c = document.createElement('cite');
    c.textContent = '\u2014 ' + s.document + (s.date ? ', ' + s.date : '');
    li.appendChild(c);
    ul.appendChild(li);
  });
  tip.appendChild(ul);
)";

}  // namespace

std::string WriteTimelineHtml(const Timeline& t, const std::string& svg) {
  HoverPage page;
  page.title = t.title;
  page.note = absl::StrCat(t.items.size(),
                           " dated facts. Hover over a point or bar to read the sentences "
                           "that state it.");
  if (!t.note.empty()) absl::StrAppend(&page.note, " ", t.note, ".");
  page.container_id = "timeline";
  page.svg = svg;
  page.item_selector = "g.item";
  for (size_t i = 0; i < t.items.size(); ++i) {
    const TimelineItem& item = t.items[i];
    nlohmann::json evidence = nlohmann::json::array();
    for (const auto& e : item.evidence) {
      evidence.push_back({{"sentence", e.sentence}, {"document", e.document}, {"date", e.date}});
    }
    page.data[absl::StrCat("i", i)] = {{"fact", item.fact},
                                       {"when", DaysText(item.first_day, item.last_day)},
                                       {"evidence", evidence}};
  }
  page.style = kStyle;
  page.fill_script = kFill;
  return WriteHoverPage(page);
}

}  // namespace quiver::render
