// Ingests ../shared/corpus through Database::Ingest and looks for the facts
// its README lists, with the store API. Skips when ../shared is absent.

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include <gtest/gtest.h>

#include "quiver/database.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

namespace fs = std::filesystem;

struct Fact {
  const char* subject;
  const char* relation;
  const char* object;
};

// True when a node found by `subject` has an edge of `relation` to a node
// found by `object`.
bool HasFact(Database& db, const Fact& f) {
  auto subjects = db.FindNodes(f.subject);
  auto objects = db.FindNodes(f.object);
  if (!subjects.ok() || !objects.ok()) return false;
  for (const Node& s : *subjects) {
    // The type keeps a governing preposition (DESIGN.md §2): "meet_with"
    // states "meet".
    auto out = db.Neighbors(s.id, Direction::kOutgoing);
    if (!out.ok()) continue;
    const std::string rel = f.relation;
    for (const Neighbor& n : *out) {
      const std::string& type = n.edge.type;
      if (type != rel && type.rfind(rel + "_", 0) != 0) continue;
      for (const Node& o : *objects)
        if (n.other == o.id) return true;
    }
  }
  return false;
}

TEST(CorpusFacts, ReadmeFactsAreInTheGraph) {
  const fs::path corpus = fs::path(QUIVER_SHARED_DIR) / "corpus";
  if (!fs::exists(corpus)) GTEST_SKIP() << corpus << " is absent";
  testing::TempDir dir;
  Options options;
  options.create_if_missing = true;
  auto db = Database::Open(dir.path() + "/store", options);
  ASSERT_TRUE(db.ok()) << db.status();
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(corpus))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    DocumentInput doc;
    doc.source = f.string();
    doc.content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    auto r = (*db)->Ingest(doc);
    ASSERT_TRUE(r.ok()) << r.status();
  }
  const Fact facts[] = {
      {"Hollande", "cancel", "meeting"},       {"Russia", "veto", "resolution"},
      {"Putin", "cancel", "visit"},            {"Peskov", "spokesman_of", "Kremlin"},
      {"Russia", "block", "resolution"},       {"Laurent Fabius", "minister_of", "France"},
      {"France", "host", "conference"},        {"Hollande", "press", "Putin"},
      {"Fabius", "meet", "Lavrov"},            {"Russia", "oppose", "draft resolution"},
      {"Hollande", "impose", "state of emergency"}, {"Alain Juppe", "minister_of", "France"},
  };
  int found = 0;
  std::string missing;
  for (const Fact& f : facts) {
    if (HasFact(**db, f)) {
      ++found;
    } else {
      missing += std::string(" (") + f.subject + "; " + f.relation + "; " + f.object + ")";
    }
  }
  // All 12 since "X's decision to V" is read from the words where the
  // parser hangs the "to" elsewhere and a distant purpose infinitive after
  // a name counts (docs/extraction.md); fewer is a regression.
  EXPECT_GE(found, 12) << "missing:" << missing;
  std::cout << "corpus facts found: " << found << " of 12; missing:" << missing << "\n";
  // The corpus names one Putin.
  auto putin = (*db)->FindNodes("Vladimir Putin");
  ASSERT_TRUE(putin.ok());
  EXPECT_EQ(putin->size(), 1u);
}

TEST(CorpusFacts, ReingestingUnchangedContentChangesNothing) {
  testing::TempDir dir;
  Options options;
  options.create_if_missing = true;
  auto db = Database::Open(dir.path() + "/store", options);
  ASSERT_TRUE(db.ok());
  DocumentInput doc;
  doc.source = "a.txt";
  doc.content = "Norway rejected the proposal. The council approved the budget.";
  auto first = (*db)->Ingest(doc);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_GT(first->edges_created, 0);
  auto before = (*db)->GetStats();
  auto second = (*db)->Ingest(doc);
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->duplicate);
  auto after = (*db)->GetStats();
  EXPECT_EQ(before->edges, after->edges);
  EXPECT_EQ(before->evidence, after->evidence);
}

}  // namespace
}  // namespace quiver
