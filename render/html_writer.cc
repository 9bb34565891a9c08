#include "render/html_writer.h"

#include <map>

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "render/xml_escape.h"

namespace quiver::render {

namespace {

constexpr char kStyle[] = R"(
body { font-family: Helvetica, Arial, sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.3em; margin: 0 0 .3em; }
p.note { color: #666; margin: 0 0 1em; }
#diagram svg { max-width: 100%; height: auto; }
#diagram g.edge.has-evidence { cursor: help; }
#diagram g.edge.active path { stroke: #d62728; stroke-width: 2.5; }
#tip { position: fixed; max-width: 32em; background: #fffff0; border: 1px solid #aaa;
       border-radius: 4px; padding: .5em .7em; font-size: .85em; pointer-events: none;
       box-shadow: 0 2px 6px rgba(0,0,0,.2); }
#tip b { display: block; margin-bottom: .3em; }
#tip ul { margin: 0; padding-left: 1.1em; }
)";

// Hover shows the evidence of the edge under the pointer; data-ready tells
// a test (and a curious reader) that the script ran to the end.
constexpr char kScript[] = R"(
(function () {
  var tip = document.getElementById('tip');
  function show(ev, info) {
    tip.textContent = '';
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
    tip.hidden = false;
    move(ev);
  }
  function move(ev) {
    tip.style.left = (ev.clientX + 14) + 'px';
    tip.style.top = (ev.clientY + 14) + 'px';
  }
  document.querySelectorAll('#diagram g.edge').forEach(function (g) {
    var info = EVIDENCE[g.id];
    if (!info) return;
    g.classList.add('has-evidence');
    g.addEventListener('mouseenter', function (ev) { g.classList.add('active'); show(ev, info); });
    g.addEventListener('mousemove', move);
    g.addEventListener('mouseleave', function () { g.classList.remove('active'); tip.hidden = true; });
  });
  // A link to "page.html#e<ID>" opens with that edge's evidence shown.
  var target = location.hash.slice(1);
  if (EVIDENCE[target] && document.getElementById(target)) {
    var g = document.getElementById(target), r = g.getBoundingClientRect();
    g.classList.add('active');
    show({clientX: r.left + r.width / 2, clientY: r.top + r.height / 2}, EVIDENCE[target]);
  }
  document.body.setAttribute('data-ready', '1');
})();
)";

}  // namespace

std::string WriteHtml(const Diagram& d, const std::string& svg, const std::string& note) {
  std::map<NodeId, std::string> names;
  for (const auto& n : d.nodes) names[n.id] = n.name;
  nlohmann::json evidence = nlohmann::json::object();
  for (const auto& e : d.edges) {
    if (e.evidence.empty()) continue;
    evidence[absl::StrCat("e", e.id)] = {
        {"fact", absl::StrCat(names[e.src], (e.negated ? " \xE2\x80\x94not " : " \xE2\x80\x94"),
                              e.type, "\xE2\x86\x92 ", names[e.dst])},
        {"evidence", e.evidence}};
  }
  // "</" would end the script element early; "<\/" means the same in JS.
  std::string json = absl::StrReplaceAll(
      evidence.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), {{"</", "<\\/"}});
  // Drop Graphviz's XML declaration and DOCTYPE: inline SVG starts at <svg.
  size_t start = svg.find("<svg");
  std::string body = start == std::string::npos ? svg : svg.substr(start);

  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  absl::StrAppend(&out, "<title>", XmlEscape(d.title), "</title>\n<style>", kStyle,
                  "</style>\n</head>\n<body>\n<h1>", XmlEscape(d.title), "</h1>\n");
  absl::StrAppend(&out, "<p class=\"note\">", d.nodes.size(), " nodes, ", d.edges.size(),
                  " edges. Hover over an edge to read the sentences that state it.");
  if (!note.empty()) absl::StrAppend(&out, " ", XmlEscape(note), ".");
  absl::StrAppend(&out, "</p>\n<div id=\"diagram\">\n", body, "</div>\n<div id=\"tip\" hidden></div>\n",
                  "<script>\nvar EVIDENCE = ", json, ";\n", kScript, "</script>\n</body>\n</html>\n");
  return out;
}

}  // namespace quiver::render
