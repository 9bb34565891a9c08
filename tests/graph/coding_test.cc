#include "graph/coding.h"

#include <limits>

#include "gtest/gtest.h"
#include "util/temporal_parse.h"

namespace quiver::graph {
namespace {

TEST(Coding, BigEndianFixedSortsNumerically) {
  std::string a, b;
  PutFixed64BE(&a, 255);
  PutFixed64BE(&b, 256);
  EXPECT_LT(a, b);
  EXPECT_EQ(DecodeFixed64BE(b.data()), 256u);
}

TEST(Coding, TemporalValuesRoundTripAndRejectCorruption) {
  using Kind = TemporalValue::Kind;
  const std::pair<Kind, const char*> cases[] = {
      {Kind::kDate, "-999999999-01-01"},
      {Kind::kLocalTime, "23:59:59.999999999"},
      {Kind::kTime, "21:40-18:00"},
      {Kind::kLocalDateTime, "+999999999-12-31T23:59:59"},
      {Kind::kDateTime, "1818-07-21T21:40:32.142[Europe/Stockholm]"},
      {Kind::kDateTime, "2015-07-21T21:40+01:00"},
      {Kind::kDuration, "P-12Y5M-14DT-1.000000001S"}};
  for (const auto& [kind, text] : cases) {
    auto t = temporal::Parse(kind, text);
    ASSERT_TRUE(t.ok()) << text;
    Value v(ValueList{Value(*t), Value(1)});
    std::string s;
    PutValue(&s, v);
    std::string_view in = s;
    Value out;
    ASSERT_TRUE(GetValue(&in, &out)) << text;
    EXPECT_EQ(out, v) << text;
    EXPECT_TRUE(in.empty());
    for (size_t n = 1; n < s.size(); ++n) {
      std::string_view cut(s.data(), n);
      EXPECT_FALSE(GetValue(&cut, &out)) << text << " cut at " << n;
    }
  }
  // An unknown kind, and a time of day past midnight, are corruption.
  std::string bad = {char(Value::Type::kTemporal), 6, 0};
  std::string_view in = bad;
  Value out;
  EXPECT_FALSE(GetValue(&in, &out));
  std::string late = {char(Value::Type::kTemporal), char(Kind::kLocalTime)};
  PutVarint64(&late, 86'400'000'000'000);
  in = late;
  EXPECT_FALSE(GetValue(&in, &out));
}

TEST(Coding, VarintsRoundTripAndRejectTruncation) {
  for (uint64_t v : {uint64_t{0}, uint64_t{127}, uint64_t{128}, uint64_t{1} << 40,
                     std::numeric_limits<uint64_t>::max()}) {
    std::string s;
    PutVarint64(&s, v);
    std::string_view in = s;
    uint64_t out;
    ASSERT_TRUE(GetVarint64(&in, &out));
    EXPECT_EQ(out, v);
    EXPECT_TRUE(in.empty());
    std::string_view cut(s.data(), s.size() - 1);
    if (!cut.empty()) {
      EXPECT_FALSE(GetVarint64(&cut, &out));
    }
  }
  for (int64_t v : {int64_t{0}, int64_t{-1}, int64_t{1}, std::numeric_limits<int64_t>::min()}) {
    std::string s;
    PutVarsint64(&s, v);
    std::string_view in = s;
    int64_t out;
    ASSERT_TRUE(GetVarsint64(&in, &out));
    EXPECT_EQ(out, v);
  }
}

TEST(Coding, ValuesRoundTrip) {
  ValueMap inner{{"k", Value("v")}, {"n", Value()}};
  Value v(ValueList{Value(true), Value(int64_t{-5}), Value(2.5), Value("naïve"),
                    Value(inner), Value(ValueList{})});
  std::string s;
  PutValue(&s, v);
  std::string_view in = s;
  Value out;
  ASSERT_TRUE(GetValue(&in, &out));
  EXPECT_EQ(out, v);
}

TEST(Coding, MalformedValuesAreRejectedNotRead) {
  Value out;
  for (std::string bad : {std::string("\x04\x05" "ab", 4),  // string shorter than its length
                          std::string("\x63", 1),           // unknown tag
                          std::string("\x05\xFF\xFF\xFF\x0F", 5),  // huge list count
                          std::string("\x01\x07", 2)}) {           // bool byte not 0/1
    std::string_view in = bad;
    EXPECT_FALSE(GetValue(&in, &out)) << bad;
  }
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "\x05\x01";  // lists nested 100 deep
  std::string_view in = deep;
  EXPECT_FALSE(GetValue(&in, &out));
}

TEST(Coding, GraphElementsAreNotStorable) {
  EXPECT_TRUE(IsStorable(Value(ValueList{Value(1)})));
  EXPECT_FALSE(IsStorable(Value(NodeValue{})));
  EXPECT_FALSE(IsStorable(Value(ValueList{Value(RelationshipValue{})})));
}

TEST(Coding, PrefixSuccessorBoundsThePrefix) {
  EXPECT_EQ(PrefixSuccessor("ab"), "ac");
  EXPECT_EQ(PrefixSuccessor(std::string("a\xFF", 2)), "b");
  EXPECT_EQ(PrefixSuccessor(std::string("\xFF\xFF", 2)), "");
  EXPECT_EQ(PrefixSuccessor(""), "");
}

}  // namespace
}  // namespace quiver::graph
