// End-to-end tests of `quiver check`: a store built by ingest, load and
// curation is clean (exit 0), and damage written underneath is printed with
// its key (exit 1).

#include <memory>

#include "absl/strings/str_cat.h"
#include "graph/key_format.h"
#include "graph/store.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

using ::quiver::testing::CommandResult;
using ::quiver::testing::ExampleFile;
using ::quiver::testing::RunQuiver;
using ::quiver::testing::TempDir;

TEST(CheckCommand, AStoreBuiltByIngestLoadAndCurationIsClean) {
  TempDir dir;
  const std::string store = dir.Sub("g");
  CommandResult r = RunQuiver(absl::StrCat("ingest ", store, " ", ExampleFile("articles")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunQuiver(absl::StrCat("load ", store, " ", ExampleFile("triples.tsv"), " ",
                             ExampleFile("entities.jsonl")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunQuiver(absl::StrCat("query ", store,
                             " 'CALL kg.merge(\"Marta Lind\", \"Kelvik\") YIELD node RETURN node'"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunQuiver(absl::StrCat("remove ", store, " ", ExampleFile("entities.jsonl")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunQuiver("check " + store);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find(" documents, "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nok\n"), std::string::npos) << r.out;
}

TEST(CheckCommand, DamageIsPrintedWithItsKeyAndExitsWithOne) {
  TempDir dir;
  const std::string store = dir.Sub("g");
  ASSERT_EQ(RunQuiver(absl::StrCat("load ", store, " ", ExampleFile("triples.tsv"))).exit_code, 0);
  {
    auto s = graph::Store::Open(store, Options());
    ASSERT_TRUE(s.ok()) << s.status();
    graph::AdjEntry e{1, 1, 2, 1};  // Marta Lind -mayor_of-> Kelvik, the first line.
    ASSERT_TRUE((*s)->db()
                    ->Delete(rocksdb::WriteOptions(), (*s)->handle(graph::Cf::kOut),
                             graph::OutKey(e))
                    .ok());
  }
  CommandResult r = RunQuiver("check " + store);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("out: src 1, type 1, dst 2, edge 1 [0000000000000001" "00000001"
                       "0000000000000002" "0000000000000001]: missing: the index entry of edge 1"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.err.find("1 problem(s)"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace quiver
