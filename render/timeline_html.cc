#include "render/timeline_html.h"

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "render/timeline_svg.h"
#include "render/xml_escape.h"

namespace quiver::render {

namespace {

constexpr char kStyle[] = R"(
body { font-family: Helvetica, Arial, sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.3em; margin: 0 0 .3em; }
p.note { color: #666; margin: 0 0 1em; }
#timeline svg { max-width: 100%; height: auto; }
#timeline g.item { cursor: help; }
#timeline g.item.active circle, #timeline g.item.active rect { stroke: #d62728; stroke-width: 2.5; }
#tip { position: fixed; max-width: 32em; background: #fffff0; border: 1px solid #aaa;
       border-radius: 4px; padding: .5em .7em; font-size: .85em; pointer-events: none;
       box-shadow: 0 2px 6px rgba(0,0,0,.2); }
#tip b { display: block; margin-bottom: .3em; }
#tip ul { margin: 0; padding-left: 1.1em; }
#tip cite { color: #666; font-style: normal; }
)";

// Text goes in through textContent only, so no sentence can become markup.
// data-ready tells a test that the script ran to the end.
constexpr char kScript[] = R"(
(function () {
  var tip = document.getElementById('tip');
  function show(ev, info) {
    tip.textContent = '';
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
    tip.hidden = false;
    move(ev);
  }
  function move(ev) {
    tip.style.left = (ev.clientX + 14) + 'px';
    tip.style.top = (ev.clientY + 14) + 'px';
  }
  document.querySelectorAll('#timeline g.item').forEach(function (g) {
    var info = ITEMS[g.id];
    if (!info) return;
    g.addEventListener('mouseenter', function (ev) { g.classList.add('active'); show(ev, info); });
    g.addEventListener('mousemove', move);
    g.addEventListener('mouseleave', function () { g.classList.remove('active'); tip.hidden = true; });
  });
  // A link to "page.html#i<N>" opens with that item's evidence shown.
  var target = location.hash.slice(1);
  if (ITEMS[target] && document.getElementById(target)) {
    var g = document.getElementById(target), r = g.getBoundingClientRect();
    g.classList.add('active');
    show({clientX: r.left + r.width / 2, clientY: r.top + r.height / 2}, ITEMS[target]);
  }
  document.body.setAttribute('data-ready', '1');
})();
)";

}  // namespace

std::string WriteTimelineHtml(const Timeline& t, const std::string& svg) {
  nlohmann::json items = nlohmann::json::object();
  for (size_t i = 0; i < t.items.size(); ++i) {
    const TimelineItem& item = t.items[i];
    nlohmann::json evidence = nlohmann::json::array();
    for (const auto& e : item.evidence) {
      evidence.push_back({{"sentence", e.sentence},
                          {"document", e.document},
                          {"date", e.date}});
    }
    items[absl::StrCat("i", i)] = {
        {"fact", item.fact},
        {"when", DaysText(item.first_day, item.last_day)},
        {"evidence", evidence}};
  }
  // "</" would end the script element early; "<\/" means the same in JS.
  std::string json = absl::StrReplaceAll(
      items.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
      {{"</", "<\\/"}});
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  absl::StrAppend(&out, "<title>", XmlEscape(t.title), "</title>\n<style>",
                  kStyle, "</style>\n</head>\n<body>\n<h1>", XmlEscape(t.title),
                  "</h1>\n");
  absl::StrAppend(&out, "<p class=\"note\">", t.items.size(),
                  " dated facts. Hover over a point or bar to read the "
                  "sentences that state it.");
  if (!t.note.empty()) absl::StrAppend(&out, " ", XmlEscape(t.note), ".");
  absl::StrAppend(
      &out, "</p>\n<div id=\"timeline\">\n", svg,
      "</div>\n<div id=\"tip\" hidden></div>\n<script>\nvar ITEMS = ", json,
      ";\n", kScript, "</script>\n</body>\n</html>\n");
  return out;
}

}  // namespace quiver::render
