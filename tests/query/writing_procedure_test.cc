// Procedures that write (Procedure::writes) run in the statement's write
// transaction, and procedure names may use keywords after a dot (kg.merge).

#include "graph/write_txn.h"
#include "gtest/gtest.h"
#include "query/procedures/database_registry.h"
#include "quiver/database.h"
#include "quiver/result.h"
#include "tests/query/example_graph.h"

namespace quiver {
namespace {

using testing::OpenQueryTestDb;

TEST(WritingProcedure, RunsInTheStatementsWriteTransaction) {
  auto db = OpenQueryTestDb(false);
  ASSERT_TRUE(db);
  query::Procedure p;
  p.name = "test.merge.create";  // `merge` is a keyword.
  p.inputs = {{"name", query::ProcType::kString}};
  p.outputs = {{"made", query::ProcType::kBool}};
  p.writes = true;
  p.fn = [](const graph::Reader& reader, const ValueList& args)
      -> absl::StatusOr<std::vector<ValueList>> {
    auto* txn = dynamic_cast<const graph::WriteTxn*>(&reader);
    if (txn == nullptr) return absl::FailedPreconditionError("not in a write transaction");
    ValueMap props;
    props["name"] = args[0];
    auto id = const_cast<graph::WriteTxn*>(txn)->CreateNode({}, props);
    if (!id.ok()) return id.status();
    return std::vector<ValueList>{{Value(true)}};
  };
  ASSERT_TRUE(query::DatabaseProcedures(*db).Register(p).ok());
  auto r = db->Query("CALL test.merge.create('Oslo') YIELD made RETURN made");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->rows().size(), 1u);
  EXPECT_TRUE(r->rows()[0][0].AsBool());
  auto found = db->FindNodes("oslo");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->size(), 1u);
}

TEST(WritingProcedure, ReadOnlyProceduresStillReadASnapshot) {
  auto db = OpenQueryTestDb(false);
  ASSERT_TRUE(db);
  query::Procedure p;
  p.name = "test.where";
  p.outputs = {{"writing", query::ProcType::kBool}};
  p.fn = [](const graph::Reader& reader, const ValueList&)
      -> absl::StatusOr<std::vector<ValueList>> {
    return std::vector<ValueList>{{Value(dynamic_cast<const graph::WriteTxn*>(&reader) != nullptr)}};
  };
  ASSERT_TRUE(query::DatabaseProcedures(*db).Register(p).ok());
  auto r = db->Query("CALL test.where() YIELD writing RETURN writing");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->rows()[0][0].AsBool());
}

}  // namespace
}  // namespace quiver
