// Diagram content, DOT text, Graphviz rendering.

#include <set>

#include "graph/reader.h"
#include "graph/snapshot.h"
#include "gtest/gtest.h"
#include "render/diagram_builder.h"
#include "render/dot_writer.h"
#include "render/graphviz.h"
#include "render/xml_escape.h"
#include "tests/render/tricky_store.h"

namespace quiver::render {
namespace {

Diagram Small() {
  Diagram d;
  d.title = "Harbour \"plan\"";
  d.nodes = {{1, "Marta Lind", "Person"}, {2, "Kelvik", "Place"}, {3, "lawsuit", ""}};
  d.edges = {{10, 1, 2, "mayor_of", 1, false, {}},
             {11, 1, 3, "threaten", 3, true, {"She did not threaten a lawsuit."}}};
  return d;
}

TEST(DotWriter, SmallGraphGivesExactlyThisText) {
  const std::string want = R"dot(digraph quiver {
  graph [label="Harbour \"plan\"", labelloc=t, fontsize=18, fontname="Helvetica", rankdir=LR, overlap=false, splines=true, nodesep=0.35, ranksep=0.6, pad=0.3];
  node [fontname="Helvetica", fontsize=12, style=filled, penwidth=1, color="#555555", margin="0.12,0.06"];
  edge [fontname="Helvetica", fontsize=10, color="#666666", fontcolor="#333333", arrowsize=0.7];
  n1 [label="Marta Lind", shape=ellipse, fillcolor="#aec7e8", tooltip="Marta Lind (Person)"];
  n2 [label="Kelvik", shape=house, fillcolor="#98df8a", tooltip="Kelvik (Place)"];
  n3 [label="lawsuit", shape=ellipse, fillcolor="#e6e6e6", tooltip="lawsuit"];
  n1 -> n2 [id="e10", label="mayor_of"];
  n1 -> n3 [id="e11", label="not threaten ×3", style=dashed, penwidth=1.6, tooltip="She did not threaten a lawsuit."];
  subgraph cluster_legend {
    label="Legend"; fontsize=12; style=rounded; color="#999999";
    legend0 [label="(no label)", shape=ellipse, fillcolor="#e6e6e6", fontsize=10];
    legend1 [label="Person", shape=ellipse, fillcolor="#aec7e8", fontsize=10];
    legend2 [label="Place", shape=house, fillcolor="#98df8a", fontsize=10];
  }
}
)dot";
  EXPECT_EQ(WriteDot(Small()), want);
}

TEST(DotWriter, QuotesEscapesAndStableStyles) {
  EXPECT_EQ(DotQuote("a \"b\" \\ c\nd\r"), "\"a \\\"b\\\" \\\\ c\\nd\"");
  NodeStyle a = StyleFor("Vessel"), b = StyleFor("Vessel");
  EXPECT_EQ(a.shape, b.shape);
  EXPECT_EQ(a.fill, b.fill);
  EXPECT_EQ(StyleFor("Person").shape, "ellipse");
}

TEST(Graphviz, SvgContainsEveryNodeNameAndIsDeterministic) {
  auto store = testing::TrickyStore("/diagram-svg");
  auto snap = graph::Snapshot::Build(*store->NewReader());
  ASSERT_TRUE(snap.ok());
  DiagramLimits limits;
  limits.evidence = true;
  auto d = DiagramAround(*store->NewReader(), **snap, {"Plain", "Ελλάδα", "line one\nline two"},
                         2, limits);
  ASSERT_TRUE(d.ok()) << d.status();
  d->title = "tricky";
  ASSERT_EQ(d->nodes.size(), 6u);
  std::string dot = WriteDot(*d);
  auto svg = RenderDot(dot, "svg", {});
  ASSERT_TRUE(svg.ok()) << svg.status();
  EXPECT_EQ(svg->engine, "dot");
  for (const auto& name : testing::TrickyNames()) {
    // Graphviz writes each line of a label as its own <text>.
    std::string first_line = name.substr(0, name.find('\n'));
    std::string escaped = XmlEscape(first_line);
    // Graphviz escapes ' as &#39; and " as &quot; as XmlEscape does.
    EXPECT_NE(svg->data.find(escaped), std::string::npos) << name << "\n" << svg->data;
  }
  auto again = RenderDot(dot, "svg", {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->data, svg->data);  // Byte for byte.
}

TEST(Graphviz, PngPdfAndOtherLayouts) {
  std::string dot = WriteDot(Small());
  auto png = RenderDot(dot, "png", {});
  ASSERT_TRUE(png.ok()) << png.status();
  EXPECT_EQ(png->data.substr(0, 4), "\x89PNG");
  auto pdf = RenderDot(dot, "pdf", {});
  ASSERT_TRUE(pdf.ok()) << pdf.status();
  EXPECT_EQ(pdf->data.substr(0, 5), "%PDF-");
  for (const char* engine : {"neato", "sfdp"}) {
    LayoutOptions o;
    o.engine = engine;
    auto svg = RenderDot(dot, "svg", o);
    ASSERT_TRUE(svg.ok()) << engine << ": " << svg.status();
    EXPECT_NE(svg->data.find("Marta Lind"), std::string::npos);
  }
}

TEST(Graphviz, BadInputIsAClearError) {
  LayoutOptions o;
  o.engine = "circo";
  EXPECT_EQ(RenderDot("digraph {}", "svg", o).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(RenderDot("digraph {}", "gif", {}).status().code(), absl::StatusCode::kInvalidArgument);
  auto broken = RenderDot("digraph { a -> ", "svg", {});
  EXPECT_EQ(broken.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(broken.status().message().find("syntax error"), std::string::npos) << broken.status();
}

TEST(Graphviz, LayoutBudgetRefusesWithAHint) {
  // A big dense graph no layout finishes in 1 ms.
  Diagram d;
  for (NodeId i = 1; i <= 400; ++i) d.nodes.push_back({i, "node " + std::to_string(i), ""});
  for (NodeId i = 1; i <= 400; ++i) {
    for (NodeId j = 1; j <= 5; ++j) d.edges.push_back({i * 10 + j, i, (i * j * 7) % 400 + 1, "r", 1, false, {}});
  }
  LayoutOptions o;
  o.budget_ms = 1;
  auto r = RenderDot(WriteDot(d), "svg", o);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_NE(r.status().message().find("then sfdp"), std::string::npos) << r.status();
  EXPECT_NE(r.status().message().find("--max-nodes"), std::string::npos);
}

TEST(DiagramBuilder, CapKeepsTheStartAndTheMostConnectedAndSaysSo) {
  auto store = testing::TrickyStore("/diagram-cap");
  auto snap = graph::Snapshot::Build(*store->NewReader());
  ASSERT_TRUE(snap.ok());
  DiagramLimits limits;
  limits.max_nodes = 2;
  const auto& n = testing::TrickyNames();
  auto d = DiagramAround(*store->NewReader(), **snap, {n[1]}, 3, limits);
  ASSERT_TRUE(d.ok()) << d.status();
  ASSERT_EQ(d->nodes.size(), 2u);
  std::set<std::string> names;
  for (const auto& node : d->nodes) names.insert(node.name);
  // Reached: n[1] (the start), n[0] and 東京 (two edges each; the tie
  // goes to the smaller id, n[0]), Ελλάδα (one edge).
  EXPECT_EQ(names, (std::set<std::string>{n[0], n[1]}));
  EXPECT_EQ(d->omitted_nodes, 2);
  EXPECT_EQ(d->omitted_edges, 2);
  std::string msg = OmissionMessage(*d);
  EXPECT_NE(msg.find("kept 2 of 4 nodes (2 left out"), std::string::npos) << msg;
  EXPECT_EQ(OmissionMessage(Diagram()), "");
}

TEST(DiagramBuilder, UnknownNameIsNotFound) {
  auto store = testing::TrickyStore("/diagram-unknown");
  auto snap = graph::Snapshot::Build(*store->NewReader());
  ASSERT_TRUE(snap.ok());
  auto d = DiagramAround(*store->NewReader(), **snap, {"Nobody"}, 1, {});
  EXPECT_EQ(d.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(d.status().message().find("Nobody"), std::string::npos);
}

}  // namespace
}  // namespace quiver::render
