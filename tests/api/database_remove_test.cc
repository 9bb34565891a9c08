// Database::RemoveDocument and replacement through Database::AddDocument, as
// a library user sees them.

#include <array>

#include "gtest/gtest.h"
#include "quiver/database.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

using ::quiver::testing::TempDir;

DocumentInput Doc(std::string source, std::string content,
                  std::vector<std::array<std::string, 3>> facts) {
  DocumentInput d;
  d.source = std::move(source);
  d.content = std::move(content);
  uint32_t sentence = 0;
  for (auto& [s, r, o] : facts) {
    Triple t;
    t.subject = s;
    t.relation = r;
    t.object = o;
    t.sentence = sentence++;
    d.triples.push_back(std::move(t));
  }
  return d;
}

TEST(DatabaseRemove, RemovesBySourceAndCountsDrop) {
  TempDir dir;
  auto db = Database::Open(dir.Sub("g"));
  ASSERT_TRUE(db.ok()) << db.status();
  ASSERT_TRUE((*db)->AddDocument(Doc("a", "A", {{"Putin", "cancel", "visit"}})).ok());
  ASSERT_TRUE((*db)->AddDocument(Doc("b", "B", {{"Putin", "cancel", "visit"},
                                                {"France", "host", "conference"}}))
                  .ok());
  auto removed = (*db)->RemoveDocument("b");
  ASSERT_TRUE(removed.ok()) << removed.status();
  EXPECT_EQ(removed->documents, 1);
  EXPECT_EQ(removed->evidence, 2);
  EXPECT_EQ(removed->edges, 1);
  EXPECT_EQ(removed->nodes, 2);
  auto stats = (*db)->GetStats();
  EXPECT_EQ(stats->documents, 1);
  EXPECT_EQ(stats->edges, 1);
  EXPECT_EQ(stats->nodes, 2);
  EXPECT_EQ(stats->evidence, 1);

  auto again = (*db)->RemoveDocument("b");
  EXPECT_EQ(again.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(again.status().message().find("source b"), absl::string_view::npos);
}

TEST(DatabaseRemove, NewContentUnderAStoredSourceReplacesIt) {
  TempDir dir;
  auto db = Database::Open(dir.Sub("g"));
  ASSERT_TRUE(db.ok()) << db.status();
  ASSERT_TRUE((*db)->AddDocument(Doc("a", "v1", {{"Russia", "veto", "resolution"}})).ok());
  auto r = (*db)->AddDocument(Doc("a", "v2", {{"Russia", "oppose", "resolution"}}));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->replaced, 1);
  auto stats = (*db)->GetStats();
  EXPECT_EQ(stats->documents, 1);
  EXPECT_EQ(stats->edges, 1);
  ASSERT_EQ(stats->relation_types.size(), 1u);
  EXPECT_EQ(stats->relation_types[0].first, "oppose");
}

TEST(DatabaseRemove, ReadOnlyStoreRefuses) {
  TempDir dir;
  {
    auto db = Database::Open(dir.Sub("g"));
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->AddDocument(Doc("a", "A", {{"x", "r", "y"}})).ok());
  }
  Options options;
  options.read_only = true;
  auto db = Database::Open(dir.Sub("g"), options);
  ASSERT_TRUE(db.ok()) << db.status();
  EXPECT_EQ((*db)->RemoveDocument("a").status().code(), absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace quiver
