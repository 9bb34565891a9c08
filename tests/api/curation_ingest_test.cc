// kg.merge and kg.split, then Database::Ingest of new text: the store-side
// name resolution respects what the user decided.

#include <string>

#include "gtest/gtest.h"
#include "quiver/database.h"
#include "quiver/result.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

class CurationIngest : public ::testing::Test {
 protected:
  void SetUp() override {
    Options options;
    options.in_memory = true;
    auto db = Database::Open("/curation-ingest-test", options);
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
  }

  // False (and the test is skipped) without link-grammar's dictionary.
  bool Ingest(const std::string& source, const std::string& text) {
    DocumentInput doc;
    doc.source = source;
    doc.content = text;
    auto added = db_->Ingest(doc);
    if (added.status().code() == absl::StatusCode::kFailedPrecondition) return false;
    EXPECT_TRUE(added.ok()) << added.status();
    return true;
  }

  std::vector<ValueList> Rows(const std::string& q) {
    auto r = db_->Query(q);
    EXPECT_TRUE(r.ok()) << q << ": " << r.status();
    return r.ok() ? r->rows() : std::vector<ValueList>();
  }

  std::unique_ptr<Database> db_;
};

TEST_F(CurationIngest, ADocumentNamingTheMergedNodeLandsOnTheKeptOne) {
  DocumentInput doc;
  doc.source = "list.txt";
  doc.content = "list";
  doc.triples = {testing::MakeTriple("Norwegian Labour Party", "lead", "government"),
                 testing::MakeTriple("Arbeiderpartiet", "win", "election")};
  ASSERT_TRUE(db_->AddDocument(doc).ok());
  auto merged = Rows("CALL kg.merge('Norwegian Labour Party', 'Arbeiderpartiet') YIELD node "
                     "RETURN id(node)");
  ASSERT_EQ(merged.size(), 1u);
  if (!Ingest("news.txt", "Arbeiderpartiet rejected the budget."))
    GTEST_SKIP() << "no link-grammar dictionary";
  auto rows = Rows("MATCH (a)-[:reject]->(b) RETURN id(a), a.name, b.name");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0].AsInt(), merged[0][0].AsInt());
  EXPECT_EQ(rows[0][1].AsString(), "Norwegian Labour Party");
  EXPECT_EQ(Rows("MATCH (n {name: 'Arbeiderpartiet'}) RETURN count(n)")[0][0].AsInt(), 1);
}

TEST_F(CurationIngest, SplitByTheMentionAsWrittenAndLaterDocumentsFollow) {
  if (!Ingest("one.txt", "Erik Dahl met Marta Lind in Oslo. Dahl visited Bergen."))
    GTEST_SKIP() << "no link-grammar dictionary";
  auto before = Rows("MATCH (a)-[:visit]->(b {name: 'Bergen'}) RETURN a.name");
  ASSERT_EQ(before.size(), 1u);
  ASSERT_EQ(before[0][0].AsString(), "Erik Dahl");  // The short form resolved to him.

  auto split = Rows("CALL kg.split('Erik Dahl', 'Dahl') YIELD node RETURN id(node), node.name");
  ASSERT_EQ(split.size(), 1u);
  EXPECT_EQ(split[0][1].AsString(), "Dahl");
  auto after = Rows("MATCH (a)-[:visit]->(b {name: 'Bergen'}) RETURN id(a)");
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0][0].AsInt(), split[0][0].AsInt());
  // The statement written with the full name stays.
  EXPECT_EQ(Rows("MATCH (a {name: 'Erik Dahl'})-[:meet]->(b) RETURN b.name").size(), 1u);

  // A later article's "Dahl" is the split-off node, and the full name no
  // longer brings the alias "Dahl" back to Erik Dahl.
  ASSERT_TRUE(Ingest("two.txt", "Dahl praised the council. Erik Dahl criticised the mayor."));
  auto praise = Rows("MATCH (a)-[:praise]->(b) RETURN id(a)");
  ASSERT_EQ(praise.size(), 1u);
  EXPECT_EQ(praise[0][0].AsInt(), split[0][0].AsInt());
  auto dahls = Rows("MATCH (n {name: 'Dahl'}) RETURN id(n)");
  ASSERT_EQ(dahls.size(), 1u);
  EXPECT_EQ(dahls[0][0].AsInt(), split[0][0].AsInt());
}

}  // namespace
}  // namespace quiver
