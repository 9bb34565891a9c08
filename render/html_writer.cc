#include "render/html_writer.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "render/hover_page.h"

namespace quiver::render {

namespace {

constexpr char kStyle[] = R"(
#diagram svg { max-width: 100%; height: auto; }
#diagram g.edge.has-evidence { cursor: help; }
#diagram g.edge.active path { stroke: #d62728; stroke-width: 2.5; }
)";

// The edge's fact in bold, then each sentence that states it.
constexpr char kFill[] = R"(
  var b = document.createElement('b');
  b.textContent = info.fact;
  tip.appendChild(b);
  var ul = document.createElement('ul');
  info.evidence.forEach(function (s) {
    var li = document.createElement('li');
    li.textContent = s;
    ul.appendChild(li);
  });
  tip.appendChild(ul);
)";

}  // namespace

std::string WriteHtml(const Diagram& d, const std::string& svg, const std::string& note) {
  std::map<NodeId, std::string> names;
  for (const auto& n : d.nodes) names[n.id] = n.name;
  HoverPage page;
  page.title = d.title;
  page.note = absl::StrCat(d.nodes.size(), " nodes, ", d.edges.size(),
                           " edges. Hover over an edge to read the sentences that state it.");
  if (!note.empty()) absl::StrAppend(&page.note, " ", note, ".");
  page.container_id = "diagram";
  page.svg = svg;
  page.item_selector = "g.edge";
  for (const auto& e : d.edges) {
    if (e.evidence.empty()) continue;
    page.data[absl::StrCat("e", e.id)] = {
        {"fact", absl::StrCat(names[e.src], (e.negated ? " \xE2\x80\x94not " : " \xE2\x80\x94"),
                              e.type, "\xE2\x86\x92 ", names[e.dst])},
        {"evidence", e.evidence}};
  }
  page.style = kStyle;
  page.fill_script = kFill;
  page.on_item_script = "g.classList.add('has-evidence');";
  return WriteHoverPage(page);
}

}  // namespace quiver::render
