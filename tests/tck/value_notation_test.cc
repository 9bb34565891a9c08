#include "tests/tck/value_notation.h"

#include <cmath>

#include "gtest/gtest.h"

namespace quiver::tck {
namespace {

Value P(std::string_view text) {
  auto v = ParseTckValue(text);
  EXPECT_TRUE(v.ok()) << text << ": " << v.status();
  return v.ok() ? *v : Value();
}

TEST(ValueNotation, Scalars) {
  EXPECT_TRUE(P("null").is_null());
  EXPECT_EQ(P("true"), Value(true));
  EXPECT_EQ(P("false"), Value(false));
  EXPECT_EQ(P("42"), Value(int64_t{42}));
  EXPECT_EQ(P("-7"), Value(int64_t{-7}));
  EXPECT_EQ(P("0x1F"), Value(int64_t{31}));
  EXPECT_EQ(P("-0x10"), Value(int64_t{-16}));
  EXPECT_EQ(P("0o17"), Value(int64_t{15}));
  EXPECT_EQ(P("-9223372036854775808"), Value(std::numeric_limits<int64_t>::min()));
  EXPECT_EQ(P("1.5"), Value(1.5));
  EXPECT_EQ(P("1e10"), Value(1e10));
  EXPECT_EQ(P("2.5E-3"), Value(2.5e-3));
  EXPECT_EQ(P(".5"), Value(0.5));
  Value neg_zero = P("-0.0");
  ASSERT_TRUE(neg_zero.is_double());
  EXPECT_TRUE(std::signbit(neg_zero.AsDouble()));
  EXPECT_TRUE(std::isnan(P("NaN").AsDouble()));
  EXPECT_EQ(P("-Infinity"), Value(-std::numeric_limits<double>::infinity()));
  EXPECT_TRUE(P("1").is_int());
  EXPECT_TRUE(P("1.0").is_double());
}

TEST(ValueNotation, StringsWithEscapes) {
  EXPECT_EQ(P("'plain'"), Value("plain"));
  EXPECT_EQ(P(R"('it\'s')"), Value("it's"));
  EXPECT_EQ(P(R"('a\\b')"), Value("a\\b"));
  EXPECT_EQ(P(R"('x\ny\tz')"), Value("x\ny\tz"));
  EXPECT_EQ(P(R"("dq")"), Value("dq"));
  EXPECT_EQ(P(R"('\u00e9')"), Value("\xc3\xa9"));
  EXPECT_EQ(P("''"), Value(""));
  EXPECT_EQ(P("'ünï'"), Value("ünï"));
}

TEST(ValueNotation, ListsAndMaps) {
  EXPECT_EQ(P("[]"), Value(ValueList{}));
  EXPECT_EQ(P("[1, 'a', [null]]"),
            Value(ValueList{Value(1), Value("a"), Value(ValueList{Value()})}));
  EXPECT_EQ(P("{}"), Value(ValueMap{}));
  EXPECT_EQ(P("{a: 1, `b c`: [true]}"),
            Value(ValueMap{{"a", Value(1)}, {"b c", Value(ValueList{Value(true)})}}));
}

TEST(ValueNotation, NodesAndRelationships) {
  Value n = P("(:A:B {name: 'x', n: 2})");
  ASSERT_TRUE(n.is_node());
  EXPECT_EQ(n.AsNode().labels, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(n.AsNode().properties.at("name"), Value("x"));
  EXPECT_TRUE(P("()").is_node());
  EXPECT_TRUE(P("({k: 1})").AsNode().labels.empty());
  Value r = P("[:KNOWS {since: 1999}]");
  ASSERT_TRUE(r.is_relationship());
  EXPECT_EQ(r.AsRelationship().type, "KNOWS");
  EXPECT_EQ(r.AsRelationship().properties.at("since"), Value(1999));
  Value nested = P("[[:T], [ :U ]]");
  ASSERT_TRUE(nested.is_list());
  EXPECT_TRUE(nested.AsList()[0].is_relationship());
  EXPECT_EQ(nested.AsList()[1].AsRelationship().type, "U");
}

TEST(ValueNotation, PathsRecordDirectionByPosition) {
  Value p = P("<(:A)-[:X]->({n: 1})<-[:Y {w: 2}]-(:C)>");
  ASSERT_TRUE(p.is_path());
  const PathValue& path = p.AsPath();
  ASSERT_EQ(path.nodes.size(), 3u);
  ASSERT_EQ(path.relationships.size(), 2u);
  EXPECT_EQ(path.relationships[0].src, path.nodes[0].id);  // Forward.
  EXPECT_EQ(path.relationships[1].src, path.nodes[2].id);  // Backward.
  EXPECT_EQ(path.relationships[1].type, "Y");
  EXPECT_EQ(p.ToString(), "<(:A)-[:X]->({n: 1})<-[:Y {w: 2}]-(:C)>");
  EXPECT_EQ(P("<()>").AsPath().nodes.size(), 1u);
}

TEST(ValueNotation, RejectsMalformedTextWithAColumn) {
  for (const char* bad : {"", "[1, 2", "{a 1}", "'open", "(:A", "<(a)-[:T]-(b)>",
                          "99999999999999999999", "1 2", "nul", "[:]", "<(a)-[:T]->>"}) {
    auto v = ParseTckValue(bad);
    EXPECT_FALSE(v.ok()) << "accepted: " << bad;
    if (!v.ok()) {
      EXPECT_NE(std::string(v.status().message()).find("column"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace quiver::tck
