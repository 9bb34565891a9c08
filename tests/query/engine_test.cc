// Database::Query end to end on the example graph (examples/triples.tsv):
// name/alias matching, plans, each clause, errors with positions, limits.

#include <gtest/gtest.h>

#include "absl/strings/match.h"
#include "query/procedures/database_registry.h"
#include "quiver/database.h"
#include "tests/query/example_graph.h"

namespace quiver {
namespace {

using testing::FormatResult;
using testing::OpenQueryTestDb;

class QueryEngine : public ::testing::Test {
 protected:
  void SetUp() override { db_ = OpenQueryTestDb(true); }

  std::string Run(const std::string& q, const ValueMap& params = {}) {
    auto r = db_->Query(q, params);
    if (!r.ok()) return "ERROR " + std::string(r.status().message());
    return FormatResult(*r);
  }
  std::string Plan(const std::string& q) {
    auto r = db_->Query("EXPLAIN " + q);
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? r->plan() : "";
  }

  std::unique_ptr<Database> db_;
};

TEST_F(QueryEngine, OneHopFromANamedNode) {
  EXPECT_EQ(Run("MATCH (a {name: 'Jonas Berg'})-[r]->(b) RETURN type(r), b.name ORDER BY b.name"),
            "type(r) | b.name\n"
            "'meet_with' | 'Marta Lind'\n"
            "'chief_executive_of' | 'Nordvik Shipping'\n"
            "'threaten' | 'lawsuit'");
}

TEST_F(QueryEngine, NamesMatchCaseAndAccentInsensitivelyAndByAlias) {
  auto nodes = db_->FindNodes("Marta Lind");
  ASSERT_TRUE(nodes.ok());
  ASSERT_EQ(nodes->size(), 1u);
  ASSERT_TRUE(db_->AddAlias((*nodes)[0].id, "the Mayor").ok());
  EXPECT_EQ(Run("MATCH (n {name: 'the mayor'}) RETURN n.name"), "n.name\n'Marta Lind'");
  EXPECT_EQ(Run("MATCH (n {name: 'MARTA  LIND'}) RETURN n.name"), "n.name\n'Marta Lind'");
  // Not the first node of the pattern: the same rule applies when checking.
  EXPECT_EQ(Run("MATCH (k {name: 'Kelvik'})<-[:mayor_of]-(m {name: 'The Mayor'}) RETURN m.name"),
            "m.name\n'Marta Lind'");
  // WHERE compares the property exactly.
  EXPECT_EQ(Run("MATCH (n) WHERE n.name = 'the mayor' RETURN n.name"), "n.name");
}

TEST_F(QueryEngine, ExplainChoosesTheNameIndex) {
  std::string plan = Plan("MATCH (a)-[r]->(b {name: 'Kelvik'}) RETURN a.name");
  EXPECT_TRUE(absl::StrContains(plan, "NodeByNameSeek (b) name = 'Kelvik'")) << plan;
  EXPECT_TRUE(absl::StrContains(plan, "Expand (b)<-[r]-(a)")) << plan;
  plan = Plan("MATCH (a)-[r]->(b) WHERE b.name = $who RETURN a.name");
  EXPECT_TRUE(absl::StrContains(plan, "NodeByNameSeek (b) name = $who")) << plan;
  plan = Plan("MATCH (a)-[r:veto]->(b) RETURN a");
  EXPECT_TRUE(absl::StrContains(plan, "RelationshipTypeScan (a)-[r:veto]->(b)")) << plan;
  plan = Plan("MATCH (a:Person)-->(b) RETURN a");
  EXPECT_TRUE(absl::StrContains(plan, "NodeByLabelScan (a:Person)")) << plan;
  plan = Plan("MATCH (a)-->(b) RETURN a ORDER BY a.name LIMIT 3");
  EXPECT_TRUE(absl::StrContains(plan, "AllNodesScan (a)")) << plan;
  EXPECT_TRUE(absl::StrContains(plan, "Top a.name")) << plan;
}

TEST_F(QueryEngine, ProfileReportsRowsPerOperator) {
  auto r = db_->Query("PROFILE MATCH (a {name: 'Jonas Berg'})-->(b) RETURN b.name");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->size(), 3u);
  EXPECT_TRUE(absl::StrContains(r->plan(), "Match  [rows=3")) << r->plan();
}

TEST_F(QueryEngine, FactEdgesCarryTheirProperties) {
  EXPECT_EQ(Run("MATCH ({name: 'Marta Lind'})-[r:chair]->() RETURN r.count, r.negated, r.text"),
            "r.count | r.negated | r.text\n1 | false | 'chair'");
}

TEST_F(QueryEngine, VariableLengthAndShortestPath) {
  EXPECT_EQ(Run("MATCH p = shortestPath((a {name: 'Eira Dahl'})-[*..6]-(b {name: 'Vestfjord'})) "
                "RETURN length(p)"),
            "length(p)\n3");
  EXPECT_EQ(Run("MATCH (a {name: 'coastal ferry'})-[*2]->(b) RETURN b.name"), "b.name\n'Vestfjord'");
  EXPECT_EQ(Run("MATCH (a {name: 'coastal ferry'})-[*1..2]->(b) RETURN b.name ORDER BY b.name"),
            "b.name\n'Kelvik'\n'Vestfjord'");
  EXPECT_EQ(Run("MATCH p = allShortestPaths((a {name: 'Jonas Berg'})-[*]-(b {name: 'Marta Lind'})) "
                "RETURN count(p)"),
            "count(p)\n2");
}

TEST_F(QueryEngine, AggregationDistinctOrderSkipLimit) {
  EXPECT_EQ(Run("MATCH (a)-[r]->() WITH a, count(r) AS out WHERE out > 2 "
                "RETURN a.name, out ORDER BY out DESC, a.name"),
            "a.name | out\n'Marta Lind' | 4\n'Eira Dahl' | 3\n'Jonas Berg' | 3\n"
            "'Nordvik Shipping' | 3");
  EXPECT_EQ(Run("UNWIND [3, 1, 2, 1, null] AS x RETURN DISTINCT x ORDER BY x SKIP 1 LIMIT 2"),
            "x\n2\n3");
  EXPECT_EQ(Run("UNWIND [1, 2, 3] AS x RETURN sum(x), avg(x), min(x), max(x), collect(x), count(*)"),
            "sum(x) | avg(x) | min(x) | max(x) | collect(x) | count(*)\n6 | 2.0 | 1 | 3 | [1, 2, 3] | 3");
  EXPECT_EQ(Run("MATCH (n {name: 'nobody'}) RETURN count(n), collect(n.name)"),
            "count(n) | collect(n.name)\n0 | []");
}

TEST_F(QueryEngine, OptionalMatchGivesNulls) {
  EXPECT_EQ(Run("MATCH (a {name: 'Vestfjord'}) OPTIONAL MATCH (a)-[r]->(b) RETURN a.name, r, b"),
            "a.name | r | b\n'Vestfjord' | null | null");
}

TEST_F(QueryEngine, ThreeValuedLogic) {
  EXPECT_EQ(Run("RETURN null AND false, null OR true, null = null, 1 = 1.0, NOT null, "
                "[1, null] = [1, 2], 2 IN [1, null], 1 IN [1, null]"),
            "null AND false | null OR true | null = null | 1 = 1.0 | NOT null | [1, null] = [1, 2] | "
            "2 IN [1, null] | 1 IN [1, null]\n"
            "false | true | null | true | null | null | null | true");
}

TEST_F(QueryEngine, ExpressionsAndFunctions) {
  EXPECT_EQ(Run("RETURN [x IN range(1, 5) WHERE x % 2 = 0 | x * 10] AS l, size('héllo') AS s, "
                "substring('quiver', 1, 3) AS sub, split('a,b', ',') AS parts, "
                "'Kelvik' STARTS WITH 'Kel' AS sw, 'abc' =~ 'a.c' AS re, coalesce(null, 2) AS c, "
                "toInteger('42') AS i, round(2.5) AS r, head([1,2]) AS h"),
            "l | s | sub | parts | sw | re | c | i | r | h\n"
            "[20, 40] | 5 | 'uiv' | ['a', 'b'] | true | true | 2 | 42 | 3.0 | 1");
}

TEST_F(QueryEngine, ParametersAndUnion) {
  EXPECT_EQ(Run("MATCH (n {name: $who}) RETURN n.name AS x UNION RETURN 'y' AS x",
                {{"who", Value("Kelvik")}}),
            "x\n'Kelvik'\n'y'");
  EXPECT_EQ(Run("RETURN 1 AS x UNION ALL RETURN 1 AS x"), "x\n1\n1");
}

TEST_F(QueryEngine, CreateSetRemoveDeleteWithCounters) {
  auto r = db_->Query("CREATE (a:Person {name: 'Ada'})-[:KNOWS {since: 2020}]->(b:Person {name: 'Bo'})");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->stats().nodes_created, 2);
  EXPECT_EQ(r->stats().relationships_created, 1);
  EXPECT_EQ(r->stats().labels_added, 2);
  EXPECT_EQ(r->stats().properties_set, 3);
  EXPECT_EQ(Run("MATCH (a:Person)-[r:KNOWS]->(b) SET a.age = 36, r.since = 2021, b:Friend "
                "RETURN a.age, r.since, labels(b)"),
            "a.age | r.since | labels(b)\n36 | 2021 | ['Person', 'Friend']");
  EXPECT_EQ(Run("MATCH (a {name: 'Ada'}) REMOVE a.age RETURN a.age, keys(a)"),
            "a.age | keys(a)\nnull | ['name']");
  EXPECT_TRUE(absl::StartsWith(Run("MATCH (a {name: 'Ada'}) DELETE a"),
                               "ERROR ConstraintVerificationFailed (runtime) [DeleteConnectedNode]"));
  // The failed statement changed nothing.
  EXPECT_EQ(Run("MATCH (a:Person) RETURN count(a)"), "count(a)\n2");
  r = db_->Query("MATCH (a:Person) DETACH DELETE a");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->stats().nodes_deleted, 2);
  EXPECT_EQ(Run("MATCH (a:Person) RETURN count(a)"), "count(a)\n0");
}

TEST_F(QueryEngine, MergeMatchesOrCreates) {
  EXPECT_EQ(Run("MERGE (n:Town {name: 'Kelvik'}) ON MATCH SET n.seen = true "
                "ON CREATE SET n.new = true RETURN n.seen, n.new"),
            "n.seen | n.new\nnull | true");
  EXPECT_EQ(Run("MERGE (n:Town {name: 'Kelvik'}) ON MATCH SET n.seen = true "
                "ON CREATE SET n.new = true RETURN n.seen, n.new"),
            "n.seen | n.new\ntrue | true");
}

TEST_F(QueryEngine, ProcedureCall) {
  ASSERT_TRUE(db_->Query("CREATE (:Town {name: 'x'})").ok());
  EXPECT_EQ(Run("CALL db.labels() YIELD label RETURN label"), "label\n'Town'");
  EXPECT_TRUE(absl::StrContains(Run("CALL no.such()"), "ProcedureNotFound"));
}

TEST_F(QueryEngine, StoreProceduresAreLocalToTheirDatabase) {
  query::Procedure proc;
  proc.name = "test.echo";
  proc.inputs = {{"x", query::ProcType::kInt}};
  proc.outputs = {{"y", query::ProcType::kInt}};
  proc.fn = [](const graph::Reader&, const ValueList& args)
      -> absl::StatusOr<std::vector<ValueList>> { return std::vector<ValueList>{{args[0]}}; };
  ASSERT_TRUE(query::DatabaseProcedures(*db_).Register(proc).ok());
  EXPECT_EQ(Run("CALL test.echo(7) YIELD y RETURN y + 1 AS z"), "z\n8");
  EXPECT_EQ(Run("CALL test.echo($x)", {{"x", Value(3)}}), "y\n3");
  EXPECT_TRUE(absl::StrContains(Run("CALL test.echo('a')"), "[InvalidArgumentType]"));
  auto other = OpenQueryTestDb(false);
  auto r = other->Query("CALL test.echo(1)");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(absl::StrContains(r.status().message(), "ProcedureNotFound"));
}

TEST_F(QueryEngine, SemanticErrorsPointAtTheMistake) {
  EXPECT_EQ(Run("MATCH (n)\nRETURN n, m"),
            "ERROR SyntaxError (compile time) [UndefinedVariable]: line 2, column 11: "
            "variable `m` not defined\nRETURN n, m\n          ^");
  EXPECT_TRUE(absl::StrContains(Run("MATCH (n) WITH n.name RETURN 1"), "[NoExpressionAlias]"));
  EXPECT_TRUE(absl::StrContains(Run("MATCH (n) WHERE count(n) > 1 RETURN n"), "[InvalidAggregation]"));
  EXPECT_TRUE(absl::StrContains(Run("RETURN nosuch(1)"), "[UnknownFunction]"));
  EXPECT_TRUE(absl::StrContains(Run("MATCH (n) RETURN n AS a, 1 AS a"), "[ColumnNameConflict]"));
  EXPECT_TRUE(absl::StrContains(Run("RETURN 1 AS a UNION RETURN 2 AS b"), "[DifferentColumnsInUnion]"));
  EXPECT_TRUE(absl::StrContains(Run("CREATE (a)-[:T]-(b)"), "[RequiresDirectedRelationship]"));
  EXPECT_TRUE(absl::StrContains(Run("RETURN $missing"), "ParameterMissing (compile time) [MissingParameter]"));
}

TEST_F(QueryEngine, RuntimeTypeErrors) {
  EXPECT_TRUE(absl::StartsWith(Run("RETURN true + 1"),
                               "ERROR TypeError (runtime) [InvalidArgumentType]: line 1, column 13"))
      << Run("RETURN true + 1");
  EXPECT_TRUE(absl::StrContains(Run("RETURN 1 / 0"), "[DivisionByZero]"));
}

TEST_F(QueryEngine, LimitsStopRunawayStatements) {
  QueryOptions tight;
  tight.max_rows = 100;
  auto r = db_->Query("UNWIND range(1, 1000) AS x RETURN x", {}, tight);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_TRUE(absl::StrContains(r.status().message(), "max_rows")) << r.status();

  QueryOptions shallow;
  shallow.max_var_length_depth = 3;
  r = db_->Query("MATCH (a)-[*1..10]->(b) RETURN count(*)", {}, shallow);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(absl::StrContains(r.status().message(), "max_var_length_depth")) << r.status();

  QueryOptions quick;
  quick.timeout_ms = 50;
  quick.max_rows = 0;
  r = db_->Query("UNWIND range(1, 3000) AS a UNWIND range(1, 3000) AS b RETURN count(*)", {}, quick);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(absl::StrContains(r.status().message(), "timeout_ms")) << r.status();
}

TEST_F(QueryEngine, ResultStreamsRowsWithNext) {
  auto r = db_->Query("UNWIND [1, 2] AS x RETURN x");
  ASSERT_TRUE(r.ok());
  ValueList row;
  std::vector<int64_t> seen;
  while (r->Next(&row)) seen.push_back(row[0].AsInt());
  EXPECT_EQ(seen, (std::vector<int64_t>{1, 2}));
}

}  // namespace
}  // namespace quiver
