// Database::Prepare and PreparedStatement::Execute (quiver/statement.h):
// compile-time errors at Prepare, many runs with different parameters,
// plans that stay valid across writes, updating statements, and Execute
// from several threads at once.

#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "quiver/database.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

using ::quiver::testing::TempDir;

std::unique_ptr<Database> People(const TempDir& dir) {
  auto db = Database::Open(dir.Sub("g"));
  EXPECT_TRUE(db.ok()) << db.status();
  auto made = (*db)->Query(
      "CREATE (a:P {name: 'Ada'}), (b:P {name: 'Bob'}), (c:P {name: 'Cy'}), "
      "(a)-[:KNOWS]->(b), (a)-[:KNOWS]->(c), (b)-[:KNOWS]->(c)");
  EXPECT_TRUE(made.ok()) << made.status();
  return *std::move(db);
}

std::vector<std::string> Names(Result& r) {
  std::vector<std::string> out;
  ValueList row;
  while (r.Next(&row)) out.push_back(row[0].AsString());
  EXPECT_TRUE(r.status().ok()) << r.status();
  return out;
}

TEST(PreparedStatement, CompileErrorsComeFromPrepareWithTheirPosition) {
  TempDir dir;
  auto db = People(dir);
  auto st = db->Prepare("MATCH (n RETURN n");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(st.status().message(),
                               "SyntaxError (compile time): line 1, column 10:"))
      << st.status();
  auto undefined = db->Prepare("MATCH (n)\nRETURN m");
  ASSERT_FALSE(undefined.ok());
  EXPECT_TRUE(absl::StrContains(undefined.status().message(), "line 2, column 8"))
      << undefined.status();
  EXPECT_TRUE(absl::StrContains(undefined.status().message(), "UndefinedVariable"));
}

TEST(PreparedStatement, RunsManyTimesWithDifferentParameters) {
  TempDir dir;
  auto db = People(dir);
  auto st = db->Prepare("MATCH (a:P {name: $name})-[:KNOWS]->(b) RETURN b.name AS n ORDER BY n");
  ASSERT_TRUE(st.ok()) << st.status();
  EXPECT_EQ(st->columns(), std::vector<std::string>{"n"});
  EXPECT_EQ(st->parameters(), std::vector<std::string>{"name"});
  EXPECT_TRUE(st->read_only());
  for (int pass = 0; pass < 3; ++pass) {
    auto ada = st->Execute({{"name", Value("Ada")}});
    ASSERT_TRUE(ada.ok()) << ada.status();
    EXPECT_EQ(Names(*ada), (std::vector<std::string>{"Bob", "Cy"}));
    auto bob = st->Execute({{"name", Value("Bob")}});
    ASSERT_TRUE(bob.ok()) << bob.status();
    EXPECT_EQ(Names(*bob), std::vector<std::string>{"Cy"});
    auto nobody = st->Execute({{"name", Value("Zed")}});
    ASSERT_TRUE(nobody.ok()) << nobody.status();
    EXPECT_TRUE(Names(*nobody).empty());
  }
}

TEST(PreparedStatement, AMissingParameterIsTheErrorQueryGives) {
  TempDir dir;
  auto db = People(dir);
  const char* text = "MATCH (a:P) WHERE a.name = $who RETURN a";
  auto st = db->Prepare(text);
  ASSERT_TRUE(st.ok()) << st.status();
  auto run = st->Execute();
  ASSERT_FALSE(run.ok());
  auto direct = db->Query(text);
  ASSERT_FALSE(direct.ok());
  EXPECT_EQ(run.status(), direct.status());
  EXPECT_TRUE(absl::StrContains(run.status().message(), "ParameterMissing")) << run.status();
  EXPECT_TRUE(absl::StrContains(run.status().message(), "$who")) << run.status();
  // Given, it runs; an extra parameter is ignored, as Query ignores it.
  auto given = st->Execute({{"who", Value("Ada")}, {"unused", Value(1)}});
  ASSERT_TRUE(given.ok()) << given.status();
  EXPECT_EQ(given->size(), 1u);
}

TEST(PreparedStatement, StaysValidAcrossWritesAndSeesThem) {
  TempDir dir;
  auto db = People(dir);
  auto count = db->Prepare("MATCH (p:P) RETURN count(*) AS c");
  auto knows = db->Prepare("MATCH (:P {name: $a})-[:KNOWS]->(b) RETURN b.name AS n");
  ASSERT_TRUE(count.ok() && knows.ok());
  auto before = count->Execute();
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->row(0)[0].AsInt(), 3);

  // A prepared update, run several times.
  auto add = db->Prepare(
      "MATCH (a:P {name: $from}) CREATE (a)-[:KNOWS]->(:P {name: $to}) RETURN $to AS t");
  ASSERT_TRUE(add.ok()) << add.status();
  EXPECT_FALSE(add->read_only());
  EXPECT_EQ(add->parameters(), (std::vector<std::string>{"from", "to"}));
  for (const char* to : {"Dee", "Eve"}) {
    auto r = add->Execute({{"from", Value("Cy")}, {"to", Value(to)}});
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->stats().nodes_created, 1);
    EXPECT_EQ(r->row(0)[0].AsString(), to);
  }
  // And a write outside any statement.
  DocumentInput doc;
  doc.source = "d";
  doc.content = "Cy met Fay.";
  doc.triples.push_back(testing::MakeTriple("Cy", "met", "Fay"));
  ASSERT_TRUE(db->AddDocument(doc).ok());

  auto after = count->Execute();
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->row(0)[0].AsInt(), 5);
  auto cy = knows->Execute({{"a", Value("Cy")}});
  ASSERT_TRUE(cy.ok()) << cy.status();
  std::vector<std::string> names = Names(*cy);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"Dee", "Eve"}));
}

TEST(PreparedStatement, ExplainAndProfile) {
  TempDir dir;
  auto db = People(dir);
  auto explain = db->Prepare("EXPLAIN MATCH (a)-[:KNOWS]->(b) RETURN b");
  ASSERT_TRUE(explain.ok()) << explain.status();
  auto plan = explain->Execute();
  ASSERT_TRUE(plan.ok());
  EXPECT_TRUE(absl::StrContains(plan->plan(), "KNOWS")) << plan->plan();
  EXPECT_EQ(plan->size(), 0u);

  auto profile = db->Prepare("PROFILE MATCH (a)-[:KNOWS]->(b) RETURN b.name");
  ASSERT_TRUE(profile.ok()) << profile.status();
  for (int pass = 0; pass < 2; ++pass) {
    auto r = profile->Execute();
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->size(), 3u);
    // Each run's own counts, not the sum of both.
    EXPECT_TRUE(absl::StrContains(r->plan(), "rows=3")) << r->plan();
    EXPECT_FALSE(absl::StrContains(r->plan(), "rows=6")) << r->plan();
  }
}

TEST(PreparedStatement, ExecutesOnSeveralThreadsAtOnce) {
  TempDir dir;
  auto db = People(dir);
  auto st = db->Prepare(
      "UNWIND range(1, $n) AS x MATCH (a:P {name: $name})-[:KNOWS]->(b) "
      "RETURN x, b.name AS n");
  ASSERT_TRUE(st.ok()) << st.status();
  const char* names[] = {"Ada", "Bob", "Cy"};
  const int64_t expect_per_x[] = {2, 1, 0};
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        int who = (t + i) % 3;
        int64_t n = 1 + (i % 7) * 300;  // Up to 1801 x: several pages.
        auto r = st->Execute({{"n", Value(n)}, {"name", Value(names[who])}});
        if (!r.ok() || r->size() != size_t(n * expect_per_x[who]) || !r->status().ok())
          ++wrong;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace quiver
