// quiver::diagram, the library face of diagrams.

#include "quiver/diagram.h"

#include "gtest/gtest.h"
#include "quiver/database.h"

namespace quiver {
namespace {

std::unique_ptr<Database> Open() {
  Options options;
  options.in_memory = true;
  auto db = Database::Open("/diagram-api-test", options);
  EXPECT_TRUE(db.ok()) << db.status();
  DocumentInput doc;
  doc.content = "facts";
  Triple t;
  t.subject = "Marta Lind";
  t.relation = "mayor_of";
  t.object = "Kelvik";
  t.sentence_text = "Marta Lind, the mayor of Kelvik, opened the session.";
  doc.triples.push_back(t);
  t.subject = "Kelvik";
  t.relation = "located_in";
  t.object = "Vestfjord";
  t.sentence_text = "Kelvik lies in the Vestfjord.";
  t.sentence = 1;
  doc.triples.push_back(t);
  EXPECT_TRUE((*db)->AddDocument(doc).ok());
  return std::move(*db);
}

TEST(DiagramApi, AroundDrawsTheNeighbourhood) {
  auto db = Open();
  DiagramOptions o;
  o.title = "Kelvik";
  auto svg = diagram::Around(*db, {"Kelvik"}, 1, o);
  ASSERT_TRUE(svg.ok()) << svg.status();
  EXPECT_EQ(svg->nodes, 3);
  EXPECT_EQ(svg->edges, 2);
  EXPECT_EQ(svg->layout, "dot");
  for (const char* name : {"Marta Lind", "Kelvik", "Vestfjord", "mayor_of"}) {
    EXPECT_NE(svg->data.find(name), std::string::npos) << name;
  }
  o.format = "dot";
  auto a = diagram::Around(*db, {"Kelvik"}, 1, o), b = diagram::Around(*db, {"Kelvik"}, 1, o);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->data, b->data);
  EXPECT_EQ(a->layout, "none");
}

TEST(DiagramApi, QueryHtmlCarriesEvidence) {
  auto db = Open();
  DiagramOptions o;
  o.format = "html";
  auto html = diagram::OfQuery(*db, "MATCH (a)-[r:located_in]->(b) RETURN a, r, b", o);
  ASSERT_TRUE(html.ok()) << html.status();
  EXPECT_EQ(html->nodes, 2);
  EXPECT_NE(html->data.find("Kelvik lies in the Vestfjord."), std::string::npos);
  EXPECT_EQ(html->data.find("opened the session"), std::string::npos);  // Not drawn.
}

TEST(DiagramApi, EmptyResultsAndBadOptionsAreClearErrors) {
  auto db = Open();
  auto none = diagram::OfQuery(*db, "RETURN 1 AS x");
  EXPECT_EQ(none.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(none.status().message().find("nothing to draw"), std::string::npos);
  DiagramOptions bad;
  bad.format = "gif";
  EXPECT_EQ(diagram::Around(*db, {"Kelvik"}, 1, bad).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(diagram::Around(*db, {"Nobody"}, 1).status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace quiver
