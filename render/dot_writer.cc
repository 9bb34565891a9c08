#include "render/dot_writer.h"

#include <map>
#include <set>

#include "absl/strings/str_cat.h"

namespace quiver::render {

namespace {

// Colours from the Tableau-20 light tones: readable black text on all.
constexpr const char* kPalette[] = {"#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5",
                                    "#c49c94", "#f7b6d2", "#dbdb8d", "#9edae5", "#c7c7c7"};
constexpr const char* kShapes[] = {"ellipse", "box", "hexagon", "octagon", "parallelogram"};

// FNV-1a: std::hash is not specified, and the picture must not change
// between builds.
uint64_t Fnv(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

std::string EdgeLabel(const DiagramEdge& e) {
  std::string label = e.negated ? absl::StrCat("not ", e.type) : e.type;
  if (e.count > 1) absl::StrAppend(&label, " \xC3\x97", e.count);  // ×N
  return label;
}

std::string Tooltip(const DiagramEdge& e) {
  std::string tip;
  for (size_t i = 0; i < e.evidence.size() && i < 5; ++i) {
    if (i) tip += "\n";
    tip += e.evidence[i];
  }
  if (e.evidence.size() > 5) absl::StrAppend(&tip, "\n(", e.evidence.size() - 5, " more)");
  return tip;
}

}  // namespace

NodeStyle StyleFor(std::string_view label) {
  static const std::map<std::string_view, NodeStyle, std::less<>> kKnown = {
      {"Person", {"ellipse", "#aec7e8"}},   {"Organization", {"box", "#ffbb78"}},
      {"Place", {"house", "#98df8a"}},      {"Country", {"invhouse", "#7fcf8a"}},
      {"City", {"house", "#9edae5"}},
      {"Group", {"hexagon", "#c5b0d5"}},    {"Event", {"diamond", "#ff9896"}},
      {"Concept", {"note", "#dbdb8d"}},
  };
  if (label.empty()) return {"ellipse", "#e6e6e6"};
  auto it = kKnown.find(label);
  if (it != kKnown.end()) return it->second;
  uint64_t h = Fnv(label);
  return {kShapes[h % 5], kPalette[(h / 5) % 10]};
}

std::string DotQuote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += c;
    }
  }
  out += '"';
  return out;
}

std::string WriteDot(const Diagram& d, const DotOptions& options) {
  std::string out = "digraph quiver {\n";
  absl::StrAppend(&out, "  graph [label=", DotQuote(d.title),
                  ", labelloc=t, fontsize=18, fontname=\"Helvetica\", rankdir=LR,"
                  " overlap=false, splines=true, nodesep=0.35, ranksep=0.6, pad=0.3];\n"
                  "  node [fontname=\"Helvetica\", fontsize=12, style=filled, penwidth=1,"
                  " color=\"#555555\", margin=\"0.12,0.06\"];\n"
                  "  edge [fontname=\"Helvetica\", fontsize=10, color=\"#666666\","
                  " fontcolor=\"#333333\", arrowsize=0.7];\n");
  std::set<std::string> labels;
  for (const auto& n : d.nodes) {
    NodeStyle style = StyleFor(n.label);
    labels.insert(n.label);
    absl::StrAppend(&out, "  n", n.id, " [label=", DotQuote(n.name), ", shape=", style.shape,
                    ", fillcolor=\"", style.fill, "\", tooltip=",
                    DotQuote(n.label.empty() ? n.name : absl::StrCat(n.name, " (", n.label, ")")),
                    "];\n");
  }
  for (const auto& e : d.edges) {
    absl::StrAppend(&out, "  n", e.src, " -> n", e.dst, " [id=\"e", e.id,
                    "\", label=", DotQuote(EdgeLabel(e)));
    if (e.negated) absl::StrAppend(&out, ", style=dashed");
    if (e.count > 1) absl::StrAppend(&out, ", penwidth=", e.count >= 5 ? "2.2" : "1.6");
    if (options.tooltips && !e.evidence.empty()) {
      absl::StrAppend(&out, ", tooltip=", DotQuote(Tooltip(e)));
    }
    absl::StrAppend(&out, "];\n");
  }
  if (options.legend && !d.nodes.empty()) {
    absl::StrAppend(&out, "  subgraph cluster_legend {\n    label=\"Legend\"; fontsize=12;"
                          " style=rounded; color=\"#999999\";\n");
    int i = 0;
    for (const auto& label : labels) {  // std::set: sorted, "" (no label) first.
      NodeStyle style = StyleFor(label);
      absl::StrAppend(&out, "    legend", i++, " [label=",
                      DotQuote(label.empty() ? "(no label)" : label), ", shape=", style.shape,
                      ", fillcolor=\"", style.fill, "\", fontsize=10];\n");
    }
    absl::StrAppend(&out, "  }\n");
  }
  out += "}\n";
  return out;
}

}  // namespace quiver::render
