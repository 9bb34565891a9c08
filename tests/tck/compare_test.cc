#include "tests/tck/compare.h"

#include <cmath>
#include <limits>

#include "gtest/gtest.h"
#include "tests/tck/value_notation.h"

namespace quiver::tck {
namespace {

Value P(std::string_view text) {
  auto v = ParseTckValue(text);
  EXPECT_TRUE(v.ok()) << v.status();
  return v.ok() ? *v : Value();
}

NodeValue Node(uint64_t id, std::vector<std::string> labels, ValueMap props = {}) {
  return NodeValue{id, std::move(labels), std::move(props)};
}

TEST(Compare, TemporalValuesMatchTheirIsoText) {
  TemporalValue d;  // 1970-01-01
  d.kind = TemporalValue::Kind::kDate;
  d.epoch_day = 1;
  EXPECT_TRUE(TckEqual(P("'1970-01-02'"), Value(d)));
  EXPECT_FALSE(TckEqual(P("'1970-01-01'"), Value(d)));
  ValueMap props{{"date", Value(d)}};
  EXPECT_TRUE(TckEqual(P("(:A {date: '1970-01-02'})"), Value(Node(1, {"A"}, props))));
  // Only the expected side is text: a string result is not a date.
  EXPECT_FALSE(TckEqual(Value(d), P("'1970-01-02'")));
}

TEST(Compare, NumbersKeepTheirType) {
  EXPECT_TRUE(TckEqual(P("1"), Value(1)));
  EXPECT_FALSE(TckEqual(P("1"), Value(1.0)));
  EXPECT_FALSE(TckEqual(P("1.0"), Value(1)));
  EXPECT_TRUE(TckEqual(P("NaN"), Value(std::nan(""))));
  EXPECT_FALSE(TckEqual(P("NaN"), Value(1.0)));
  EXPECT_TRUE(TckEqual(P("0.30000000000000004"), Value(0.1 + 0.2)));
  EXPECT_TRUE(TckEqual(P("-0.0"), Value(0.0)));
  EXPECT_FALSE(TckEqual(P("0.3"), Value(0.31)));
  EXPECT_FALSE(TckEqual(P("null"), Value(false)));
}

TEST(Compare, NodesCompareByLabelSetAndPropertiesNotId) {
  Value actual(Node(77, {"B", "A"}, {{"name", Value("x")}}));
  EXPECT_TRUE(TckEqual(P("(:A:B {name: 'x'})"), actual));
  EXPECT_FALSE(TckEqual(P("(:A {name: 'x'})"), actual));
  EXPECT_FALSE(TckEqual(P("(:A:B {name: 'y'})"), actual));
  EXPECT_FALSE(TckEqual(P("(:A:B)"), actual));
}

TEST(Compare, RelationshipsCompareByTypeAndProperties) {
  Value actual(RelationshipValue{5, 1, 2, "T", {{"w", Value(1)}}});
  EXPECT_TRUE(TckEqual(P("[:T {w: 1}]"), actual));
  EXPECT_FALSE(TckEqual(P("[:U {w: 1}]"), actual));
  EXPECT_FALSE(TckEqual(P("[:T]"), actual));
}

TEST(Compare, PathsCheckEachRelationshipsDirection) {
  PathValue path;
  path.nodes = {Node(10, {"A"}), Node(20, {"B"})};
  path.relationships = {RelationshipValue{3, 20, 10, "R", {}}};  // B -> A.
  EXPECT_TRUE(TckEqual(P("<(:A)<-[:R]-(:B)>"), Value(path)));
  EXPECT_FALSE(TckEqual(P("<(:A)-[:R]->(:B)>"), Value(path)));
  EXPECT_FALSE(TckEqual(P("<(:A)<-[:R]-(:C)>"), Value(path)));
}

TEST(Compare, ListOrderMattersUnlessIgnored) {
  Value actual = P("[1, [3, 2]]");
  EXPECT_FALSE(TckEqual(P("[[2, 3], 1]"), actual));
  CompareOptions ignore;
  ignore.ignore_list_order = true;
  EXPECT_TRUE(TckEqual(P("[[2, 3], 1]"), actual, ignore));
  EXPECT_FALSE(TckEqual(P("[[2, 3], 1, 1]"), actual, ignore));
  EXPECT_FALSE(TckEqual(P("[1, 1]"), P("[1, 2]"), ignore));
}

TEST(Compare, MapsNeedTheSameKeys) {
  EXPECT_TRUE(TckEqual(P("{a: 1, b: null}"), P("{b: null, a: 1}")));
  EXPECT_FALSE(TckEqual(P("{a: 1}"), P("{a: 1, b: null}")));
}

ResultTable Table(std::vector<std::string> cols, std::vector<std::vector<Value>> rows) {
  return ResultTable{std::move(cols), std::move(rows)};
}

TEST(Compare, AnyOrderIsMultisetEquality) {
  ResultTable expected = Table({"x"}, {{Value(1)}, {Value(2)}, {Value(2)}});
  EXPECT_FALSE(CompareResults(expected, Table({"x"}, {{Value(2)}, {Value(1)}, {Value(2)}}),
                              RowOrder::kAnyOrder));
  auto diff = CompareResults(expected, Table({"x"}, {{Value(2)}, {Value(1)}, {Value(1)}}),
                             RowOrder::kAnyOrder);
  ASSERT_TRUE(diff.has_value());
  EXPECT_NE(diff->find("missing | 2 |"), std::string::npos) << *diff;
  EXPECT_NE(diff->find("unexpected | 1 |"), std::string::npos) << *diff;
  EXPECT_TRUE(CompareResults(expected, Table({"x"}, {{Value(1)}, {Value(2)}}),
                             RowOrder::kAnyOrder));
}

TEST(Compare, InOrderChecksSequence) {
  ResultTable expected = Table({"x"}, {{Value(1)}, {Value(2)}});
  EXPECT_FALSE(CompareResults(expected, Table({"x"}, {{Value(1)}, {Value(2)}}),
                              RowOrder::kInOrder));
  auto diff = CompareResults(expected, Table({"x"}, {{Value(2)}, {Value(1)}}), RowOrder::kInOrder);
  ASSERT_TRUE(diff.has_value());
  EXPECT_NE(diff->find("row 1"), std::string::npos) << *diff;
  EXPECT_TRUE(CompareResults(expected, Table({"x"}, {{Value(1)}, {Value(2)}, {Value(3)}}),
                             RowOrder::kInOrder));
}

TEST(Compare, ColumnsMatchByNameInAnyPosition) {
  ResultTable expected = Table({"a", "b"}, {{Value(1), Value("x")}});
  EXPECT_FALSE(CompareResults(expected, Table({"b", "a"}, {{Value("x"), Value(1)}}),
                              RowOrder::kInOrder));
  auto diff = CompareResults(expected, Table({"a", "c"}, {{Value(1), Value("x")}}),
                             RowOrder::kAnyOrder);
  ASSERT_TRUE(diff.has_value());
  EXPECT_NE(diff->find("columns differ"), std::string::npos);
}

}  // namespace
}  // namespace quiver::tck
