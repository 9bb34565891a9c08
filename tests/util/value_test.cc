#include "quiver/value.h"

#include "gtest/gtest.h"

namespace quiver {
namespace {

TEST(Value, DefaultIsNull) {
  Value v;
  EXPECT_TRUE(v.is_null());
  EXPECT_EQ(v.ToString(), "null");
}

TEST(Value, ScalarsKeepTheirType) {
  EXPECT_EQ(Value(int64_t{42}).type(), Value::Type::kInt);
  EXPECT_EQ(Value(1.5).type(), Value::Type::kDouble);
  EXPECT_EQ(Value("x").type(), Value::Type::kString);
  EXPECT_EQ(Value(true).type(), Value::Type::kBool);
  EXPECT_NE(Value(1), Value(1.0));  // structural equality keeps int and float apart
}

TEST(Value, PrintsCypherLiterals) {
  EXPECT_EQ(Value(2.0).ToString(), "2.0");
  EXPECT_EQ(Value(0.1).ToString(), "0.1");
  EXPECT_EQ(Value("it's").ToString(), "'it\\'s'");
  EXPECT_EQ(Value(ValueList{Value(1), Value("a"), Value()}).ToString(), "[1, 'a', null]");
  EXPECT_EQ(Value(ValueMap{{"b", Value(2)}, {"a", Value(1)}}).ToString(), "{a: 1, b: 2}");
}

TEST(Value, PrintsGraphElements) {
  NodeValue n{7, {"Person"}, {{"name", Value("Ada")}}};
  EXPECT_EQ(Value(n).ToString(), "(:Person {name: 'Ada'})");
  RelationshipValue r{3, 7, 8, "KNOWS", {}};
  EXPECT_EQ(Value(r).ToString(), "[:KNOWS]");
  NodeValue m{8, {}, {}};
  PathValue p{{n, m}, {r}};
  EXPECT_EQ(Value(p).ToString(), "<(:Person {name: 'Ada'})-[:KNOWS]->()>");
}

TEST(Value, CopiesShareCompositePayload) {
  Value a(ValueList{Value(1), Value(2)});
  Value b = a;
  EXPECT_EQ(&a.AsList(), &b.AsList());
  EXPECT_EQ(a, b);
}

TEST(Value, TemporalValuesParseAndPrintAsIsoText) {
  auto d = ParseTemporal(TemporalValue::Kind::kDate, "2015W302");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_TRUE(d->is_temporal());
  EXPECT_EQ(d->AsTemporal().kind, TemporalValue::Kind::kDate);
  EXPECT_EQ(d->ToString(), "2015-07-21");
  EXPECT_EQ(Value(ValueList{*d}).ToString(), "[2015-07-21]");
  EXPECT_EQ(*d, *ParseTemporal(TemporalValue::Kind::kDate, "2015-07-21"));
  EXPECT_NE(*d, *ParseTemporal(TemporalValue::Kind::kLocalDateTime, "2015-07-21"));
  EXPECT_STREQ(Value::TypeName(d->type()), "TEMPORAL");
  auto bad = ParseTemporal(TemporalValue::Kind::kDuration, "P1Q");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace quiver
