// Reading the whole graph through the public API: ForEachNode, ForEachEdge,
// ForEachDocument and quiver::Export (what `quiver export` and the TCK's
// side-effect check use instead of the store's internals).

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "quiver/database.h"
#include "quiver/export.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

using ::quiver::testing::ReadFile;
using ::quiver::testing::TempDir;

Triple Fact(std::string subject, std::string relation, std::string object) {
  Triple t;
  t.subject = std::move(subject);
  t.relation = std::move(relation);
  t.object = std::move(object);
  t.sentence_text = t.subject + " " + t.relation + " " + t.object + ".";
  return t;
}

std::unique_ptr<Database> ThreeFacts(const TempDir& dir) {
  auto db = Database::Open(dir.Sub("g"));
  EXPECT_TRUE(db.ok()) << db.status();
  DocumentInput a;
  a.source = "a.txt";
  a.content = "a";
  a.triples = {Fact("Ada", "knows", "Bob"), Fact("Bob", "knows", "Cy")};
  DocumentInput b;
  b.source = "b.txt";
  b.content = "b";
  b.triples = {Fact("Cy", "admires", "Ada")};
  EXPECT_TRUE((*db)->AddDocument(a).ok());
  EXPECT_TRUE((*db)->AddDocument(b).ok());
  return std::move(*db);
}

TEST(WholeGraph, ForEachVisitsEveryElementInIdOrder) {
  TempDir dir;
  auto db = ThreeFacts(dir);
  std::vector<NodeId> node_ids;
  std::set<std::string> names;
  ASSERT_TRUE(db->ForEachNode([&](const Node& n) {
                  node_ids.push_back(n.id);
                  names.insert(n.name);
                  return true;
                }).ok());
  EXPECT_EQ(names, (std::set<std::string>{"Ada", "Bob", "Cy"}));
  EXPECT_TRUE(std::is_sorted(node_ids.begin(), node_ids.end()));

  std::vector<std::string> facts;
  ASSERT_TRUE(db->ForEachEdge([&](const Edge& e) {
                  facts.push_back(db->GetNode(e.src)->name + " " + e.type + " " +
                                  db->GetNode(e.dst)->name);
                  return true;
                }).ok());
  EXPECT_EQ(facts, (std::vector<std::string>{"Ada knows Bob", "Bob knows Cy", "Cy admires Ada"}));

  std::vector<std::string> sources;
  ASSERT_TRUE(db->ForEachDocument([&](const Document& d) {
                  sources.push_back(d.source);
                  return true;
                }).ok());
  EXPECT_EQ(sources, (std::vector<std::string>{"a.txt", "b.txt"}));
}

TEST(WholeGraph, ForEachStopsWhenTheCallbackSaysSo) {
  TempDir dir;
  auto db = ThreeFacts(dir);
  int seen = 0;
  ASSERT_TRUE(db->ForEachEdge([&](const Edge&) { return ++seen < 2; }).ok());
  EXPECT_EQ(seen, 2);
  seen = 0;
  ASSERT_TRUE(db->ForEachNode([&](const Node&) { return ++seen < 1; }).ok());
  EXPECT_EQ(seen, 1);
}

TEST(WholeGraph, ExportWritesEveryNodeAndEdge) {
  TempDir dir;
  auto db = ThreeFacts(dir);
  ExportOptions options;
  options.format = ExportFormat::kJsonl;
  auto summary = Export(*db, dir.Sub("g.jsonl"), options);
  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_EQ(summary->nodes, 3);
  EXPECT_EQ(summary->edges, 3);
  ASSERT_EQ(summary->files, std::vector<std::string>{dir.Sub("g.jsonl")});
  std::string text = ReadFile(dir.Sub("g.jsonl"));
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 6);
  EXPECT_NE(text.find("Cy admires Ada."), std::string::npos);  // Evidence is in.

  options.format = ExportFormat::kCsv;
  summary = Export(*db, dir.Sub("csv"), options);
  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_EQ(summary->files.size(), 2u);
  EXPECT_NE(ReadFile(dir.Sub("csv/relationships.csv")).find("admires"), std::string::npos);
}

TEST(WholeGraph, ExportErrorsAreStatuses) {
  TempDir dir;
  auto db = ThreeFacts(dir);
  auto unknown = ParseExportFormat("xlsx");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(unknown.status().message().find("graphml"), std::string::npos);
  EXPECT_EQ(*ParseExportFormat("nt"), ExportFormat::kNtriples);

  auto unwritable = Export(*db, dir.Sub("no/such/dir/g.graphml"),
                           ExportOptions{ExportFormat::kGraphml, "urn:quiver:", true});
  ASSERT_FALSE(unwritable.ok());
  EXPECT_EQ(unwritable.status().code(), absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace quiver
