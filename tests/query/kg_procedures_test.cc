// kg.merge, kg.split and kg.merges through Database::Query, and later
// documents respecting what they changed.

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "quiver/database.h"
#include "quiver/result.h"
#include "tests/query/example_graph.h"

namespace quiver {
namespace {

Triple Fact(std::string s, std::string r, std::string o, uint32_t sentence,
            std::string subject_mention = "") {
  // Field by field: a braced list of the first three leaves the rest to
  // -Wmissing-field-initializers.
  Triple t;
  t.subject = std::move(s);
  t.relation = std::move(r);
  t.object = std::move(o);
  t.sentence = sentence;
  t.sentence_text = "sentence " + std::to_string(sentence);
  t.subject_mention = std::move(subject_mention);
  return t;
}

class KgProcedures : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::OpenQueryTestDb(false);
    ASSERT_NE(db_, nullptr);
    Triple short_form = Fact("Erik Dahl", "visit", "Oslo", 2, "Dahl");
    short_form.subject_aliases = {"Dahl"};
    Add("one", {Fact("Erik Dahl", "meet", "Marta Lind", 0), Fact("E. Dahl", "meet", "Marta Lind", 1),
                short_form});
  }

  void Add(const std::string& content, std::vector<Triple> triples) {
    DocumentInput doc;
    doc.source = content + ".txt";
    doc.content = content;
    doc.triples = std::move(triples);
    auto added = db_->AddDocument(doc);
    ASSERT_TRUE(added.ok()) << added.status();
  }

  std::vector<ValueList> Rows(const std::string& q) {
    auto r = db_->Query(q);
    EXPECT_TRUE(r.ok()) << q << ": " << r.status();
    return r.ok() ? r->rows() : std::vector<ValueList>();
  }

  std::string Error(const std::string& q) {
    auto r = db_->Query(q);
    EXPECT_FALSE(r.ok()) << q;
    return r.ok() ? "" : std::string(r.status().message());
  }

  int64_t Id(const std::string& name) {
    auto rows = Rows("MATCH (n {name: '" + name + "'}) RETURN id(n)");
    EXPECT_EQ(rows.size(), 1u) << name;
    return rows.size() == 1 ? rows[0][0].AsInt() : -1;
  }

  std::unique_ptr<Database> db_;
};

TEST_F(KgProcedures, MergeOfMatchedNodesCombinesFactsAndMovesNames) {
  int64_t dahl = Id("Erik Dahl");
  auto rows = Rows("MATCH (a {name: 'Erik Dahl'}), (b {name: 'E. Dahl'}) "
                   "CALL kg.merge(a, b) YIELD node RETURN id(node), node.name");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0].AsInt(), dahl);
  EXPECT_EQ(rows[0][1].AsString(), "Erik Dahl");
  EXPECT_EQ(Id("e. dahl"), dahl);
  auto meets = Rows("MATCH (a {name: 'Erik Dahl'})-[r:meet]->(b) RETURN b.name, r.count");
  ASSERT_EQ(meets.size(), 1u);
  EXPECT_EQ(meets[0][0].AsString(), "Marta Lind");
  EXPECT_EQ(meets[0][1].AsInt(), 2);
  auto found = db_->FindNodes("E. DAHL");
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].id, NodeId(dahl));
  EXPECT_EQ(Rows("MATCH (n) RETURN count(n)")[0][0].AsInt(), 3);
}

TEST_F(KgProcedures, MergeByNamesAndALaterDocumentLandsOnTheKeptNode) {
  int64_t dahl = Id("Erik Dahl");
  auto rows = Rows("CALL kg.merge('Erik Dahl', 'E. Dahl') YIELD node RETURN id(node)");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0].AsInt(), dahl);
  Add("two", {Fact("E. Dahl", "visit", "Bergen", 0)});
  auto visits = Rows("MATCH (a)-[:visit]->(b {name: 'Bergen'}) RETURN id(a)");
  ASSERT_EQ(visits.size(), 1u);
  EXPECT_EQ(visits[0][0].AsInt(), dahl);
}

TEST_F(KgProcedures, SplitMovesTheAliasStatementsAndLaterDocumentsFollow) {
  int64_t dahl = Id("Erik Dahl");
  auto rows = Rows("MATCH (n {name: 'Erik Dahl'}) CALL kg.split(n, 'Dahl') YIELD node "
                   "RETURN id(node), node.name");
  ASSERT_EQ(rows.size(), 1u);
  int64_t other = rows[0][0].AsInt();
  EXPECT_NE(other, dahl);
  EXPECT_EQ(rows[0][1].AsString(), "Dahl");
  auto oslo = Rows("MATCH (a)-[:visit]->(b {name: 'Oslo'}) RETURN id(a)");
  ASSERT_EQ(oslo.size(), 1u);
  EXPECT_EQ(oslo[0][0].AsInt(), other);
  Add("two", {Fact("Dahl", "visit", "Bergen", 0)});
  auto bergen = Rows("MATCH (a)-[:visit]->(b {name: 'Bergen'}) RETURN id(a)");
  ASSERT_EQ(bergen.size(), 1u);
  EXPECT_EQ(bergen[0][0].AsInt(), other);
  EXPECT_EQ(Id("Dahl"), other);
}

TEST_F(KgProcedures, MergesListsEveryChangeWithItsReason) {
  Rows("CALL kg.merge('Erik Dahl', 'E. Dahl') YIELD node RETURN node");
  Rows("CALL kg.split('Erik Dahl', 'Dahl') YIELD node RETURN node");
  auto log = Rows("CALL kg.merges() YIELD seq, kind, names, reason, time, edges "
                  "RETURN seq, kind, names, reason, time, edges");
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0][0].AsInt(), 1);
  EXPECT_EQ(log[0][1].AsString(), "merge");
  ASSERT_EQ(log[0][2].AsList().size(), 1u);
  EXPECT_EQ(log[0][2].AsList()[0].AsString(), "E. Dahl");
  EXPECT_EQ(log[0][3].AsString(), "user: kg.merge");
  EXPECT_EQ(log[0][4].AsString().size(), 20u);  // 2026-11-29T08:59:09Z
  EXPECT_EQ(log[0][4].AsString().back(), 'Z');
  EXPECT_EQ(log[0][5].AsInt(), 1);
  EXPECT_EQ(log[1][1].AsString(), "split");
  EXPECT_EQ(log[1][3].AsString(), "user: kg.split");
}

// Ingest's own merges are explained from the documents' provenance: the
// short form the fixture's document resolved, and a later document whose
// "Dahl" the store put on Erik Dahl by alias.
TEST_F(KgProcedures, MentionsExplainsEveryAutomaticMerge) {
  Triple later = Fact("Dahl", "visit", "Bergen", 0);
  later.subject_reason = "proper name";
  Add("two", {later});
  int64_t dahl = Id("Erik Dahl");
  auto rows = Rows("CALL kg.mentions('Erik Dahl') YIELD source, mention, name, reason, store, "
                   "count, created RETURN source, mention, name, reason, store, count, created");
  std::vector<std::string> got;
  for (const auto& r : rows) {
    std::string line;
    for (const auto& v : r) {
      line += v.is_null()     ? "null"
              : v.is_string() ? v.AsString()
              : v.is_bool()   ? (v.AsBool() ? "true" : "false")
                              : std::to_string(v.AsInt());
      line += " | ";
    }
    got.push_back(line);
  }
  const std::string node = "node " + std::to_string(dahl) + " \"Erik Dahl\"";
  std::vector<std::string> want = {
      "one.txt | Erik Dahl | Erik Dahl | null | new node | 1 | true | ",
      "one.txt | Dahl | Erik Dahl | null | same normalised name as " + node +
          " (created by this document); labels agree: the mention has none | 1 | true | ",
      "two.txt | Dahl | Dahl | proper name | alias \"Dahl\" of " + node +
          " (created by one.txt); labels agree: the mention has none | 1 | false | ",
  };
  EXPECT_EQ(got, want);
  // By node too; a node no document named has no rows.
  EXPECT_EQ(Rows("MATCH (n {name: 'Erik Dahl'}) CALL kg.mentions(n) YIELD mention "
                 "RETURN mention").size(), 3u);
  Rows("CREATE (:Place {name: 'Nowhere'})");
  EXPECT_TRUE(Rows("CALL kg.mentions('Nowhere') YIELD mention RETURN mention").empty());
  EXPECT_NE(Error("CALL kg.mentions('Nobody')").find("no node is named \"Nobody\""),
            std::string::npos);
}

TEST_F(KgProcedures, BadArgumentsAreProcedureErrorsThatSayWhy) {
  EXPECT_NE(Error("CALL kg.merge('Erik Dahl', 'erik  DAHL')").find("with itself"),
            std::string::npos);
  EXPECT_NE(Error("CALL kg.merge('Erik Dahl', 'Nobody')").find("no node is named \"Nobody\""),
            std::string::npos);
  std::string bad = Error("CALL kg.merge(1, 'Erik Dahl')");
  EXPECT_EQ(bad.rfind("ProcedureError (runtime)", 0), 0u) << bad;
  EXPECT_NE(bad.find("argument `a` must be a node or a node's name, not INTEGER"),
            std::string::npos) << bad;
  EXPECT_NE(Error("CALL kg.split('Erik Dahl', 'Lind')").find("has no alias \"Lind\""),
            std::string::npos);
  EXPECT_NE(Error("CALL kg.split('Erik Dahl', 'Erik Dahl')").find("is the name of node"),
            std::string::npos);
  Rows("CREATE (:Place {name: 'Dahl'})");  // A second node called Dahl.
  EXPECT_NE(Error("CALL kg.split('Dahl', 'x')").find("2 nodes are named \"Dahl\""),
            std::string::npos);
  // Nothing changed.
  EXPECT_TRUE(Rows("CALL kg.merges() YIELD seq RETURN seq").empty());
  EXPECT_EQ(Rows("MATCH (n) RETURN count(n)")[0][0].AsInt(), 5);
}

}  // namespace
}  // namespace quiver
