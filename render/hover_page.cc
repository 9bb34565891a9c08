#include "render/hover_page.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "render/xml_escape.h"

namespace quiver::render {

namespace {

constexpr char kStyle[] = R"(
body { font-family: Helvetica, Arial, sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.3em; margin: 0 0 .3em; }
p.note { color: #666; margin: 0 0 1em; }
#tip { position: fixed; max-width: 32em; background: #fffff0; border: 1px solid #aaa;
       border-radius: 4px; padding: .5em .7em; font-size: .85em; pointer-events: none;
       box-shadow: 0 2px 6px rgba(0,0,0,.2); }
#tip b { display: block; margin-bottom: .3em; }
#tip ul { margin: 0; padding-left: 1.1em; }
)";

// Wires the tooltip to every item that has data; "page.html#<id>" opens
// with that item's tooltip shown. data-ready tells a test (and a curious
// reader) that the script ran to the end. Expects DATA, fill, SELECTOR and
// onItem defined before it.
constexpr char kScript[] = R"(
(function () {
  var tip = document.getElementById('tip');
  function show(ev, info) {
    tip.textContent = '';
    fill(tip, info);
    tip.hidden = false;
    move(ev);
  }
  function move(ev) {
    tip.style.left = (ev.clientX + 14) + 'px';
    tip.style.top = (ev.clientY + 14) + 'px';
  }
  document.querySelectorAll(SELECTOR).forEach(function (g) {
    var info = DATA[g.id];
    if (!info) return;
    onItem(g);
    g.addEventListener('mouseenter', function (ev) { g.classList.add('active'); show(ev, info); });
    g.addEventListener('mousemove', move);
    g.addEventListener('mouseleave', function () { g.classList.remove('active'); tip.hidden = true; });
  });
  var target = location.hash.slice(1);
  if (DATA[target] && document.getElementById(target)) {
    var g = document.getElementById(target), r = g.getBoundingClientRect();
    g.classList.add('active');
    show({clientX: r.left + r.width / 2, clientY: r.top + r.height / 2}, DATA[target]);
  }
  document.body.setAttribute('data-ready', '1');
})();
)";

// JSON inside a script element: "</" would end the element early, and
// "<\/" means the same in JS.
std::string ScriptJson(const nlohmann::json& value) {
  return absl::StrReplaceAll(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                             {{"</", "<\\/"}});
}

}  // namespace

std::string WriteHoverPage(const HoverPage& page) {
  // Drop an XML declaration and DOCTYPE: inline SVG starts at <svg.
  size_t start = page.svg.find("<svg");
  absl::string_view svg = page.svg;
  if (start != std::string::npos) svg.remove_prefix(start);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  absl::StrAppend(&out, "<title>", XmlEscape(page.title), "</title>\n<style>", kStyle, page.style,
                  "</style>\n</head>\n<body>\n<h1>", XmlEscape(page.title), "</h1>\n");
  absl::StrAppend(&out, "<p class=\"note\">", XmlEscape(page.note), "</p>\n<div id=\"",
                  page.container_id, "\">\n", svg, "</div>\n<div id=\"tip\" hidden></div>\n");
  absl::StrAppend(&out, "<script>\nvar DATA = ", ScriptJson(page.data),
                  ";\nvar SELECTOR = ", ScriptJson("#" + page.container_id + " " + page.item_selector),
                  ";\nfunction fill(tip, info) {", page.fill_script,
                  "}\nfunction onItem(g) {", page.on_item_script, "}\n", kScript,
                  "</script>\n</body>\n</html>\n");
  return out;
}

}  // namespace quiver::render
