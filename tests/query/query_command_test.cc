// `quiver query` run as a user would: formats, parameters, errors.

#include <gtest/gtest.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cli/query_format.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

using ::quiver::testing::CommandResult;
using ::quiver::testing::LoadExampleTriples;
using ::quiver::testing::QuiverBinary;
using ::quiver::testing::RunCommand;
using ::quiver::testing::TempDir;

class QueryCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = dir_.Sub("g");
    LoadExampleTriples(store_);
  }
  CommandResult Query(const std::string& args) {
    return RunCommand(absl::StrCat("COLUMNS=200 ", QuiverBinary(), " query ", store_, " ", args));
  }
  TempDir dir_;
  std::string store_;
};

TEST_F(QueryCommand, TableIsAligned) {
  CommandResult r = Query("\"MATCH (a {name: 'Jonas Berg'})-[r]->(b) RETURN a, type(r) AS t "
                          "ORDER BY t LIMIT 2\"");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "+--------------+--------------------+\n"
            "| a            | t                  |\n"
            "+--------------+--------------------+\n"
            "| (Jonas Berg) | chief_executive_of |\n"
            "| (Jonas Berg) | meet_with          |\n"
            "+--------------+--------------------+\n"
            "2 rows\n");
}

TEST_F(QueryCommand, CsvJsonAndJsonl) {
  CommandResult r = Query("-f csv \"UNWIND ['a,b', 'c'] AS x RETURN x, 1 AS n\"");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "x,n\r\n\"a,b\",1\r\nc,1\r\n");
  r = Query("-f jsonl \"UNWIND [1, 2] AS x RETURN x\"");
  EXPECT_EQ(r.out, "{\"x\":1}\n{\"x\":2}\n");
  r = Query("-f json \"MATCH (a {name: 'Kelvik'}) RETURN a\"");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "\"labels\": []")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "\"name\": \"Kelvik\"")) << r.out;
}

TEST_F(QueryCommand, ParametersAreJsonLiterals) {
  CommandResult r = Query("-f jsonl -p who=Kelvik -p n=2 -p l='[1,2]' "
                          "\"RETURN \\$who AS w, \\$n + 1 AS n, size(\\$l) AS s\"");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "{\"n\":3,\"s\":2,\"w\":\"Kelvik\"}\n");
}

TEST_F(QueryCommand, ErrorsShowTheCaretAndFail) {
  CommandResult r = Query("\"MATCH (n) RETRN n\"");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_TRUE(absl::StrContains(r.err, "line 1, column 11")) << r.err;
  EXPECT_TRUE(absl::StrContains(r.err, "\nMATCH (n) RETRN n\n          ^")) << r.err;
  r = Query("-f xml \"RETURN 1\"");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_TRUE(absl::StrContains(r.err, "unknown format 'xml'")) << r.err;
}

TEST(QueryFormat, ParamValues) {
  EXPECT_EQ(*cli::ParseParamValue("42"), Value(42));
  EXPECT_EQ(*cli::ParseParamValue("1.5"), Value(1.5));
  EXPECT_EQ(*cli::ParseParamValue("true"), Value(true));
  EXPECT_EQ(*cli::ParseParamValue("null"), Value());
  EXPECT_EQ(*cli::ParseParamValue("\"x y\""), Value("x y"));
  EXPECT_EQ(*cli::ParseParamValue("'x'"), Value("x"));
  EXPECT_EQ(*cli::ParseParamValue("Hollande"), Value("Hollande"));
  EXPECT_EQ(*cli::ParseParamValue("[1, \"a\"]"), Value(ValueList{Value(1), Value("a")}));
}

TEST(QueryFormat, ParamValueNestedPastTheLimitIsAnError) {
  const int ok = cli::kMaxParamDepth - 1;
  EXPECT_TRUE(cli::ParseParamValue(std::string(ok, '[') + std::string(ok, ']')).ok());
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  absl::StatusOr<Value> v = cli::ParseParamValue(deep);
  ASSERT_FALSE(v.ok());
  EXPECT_TRUE(absl::StrContains(v.status().message(), "nests more than")) << v.status();
}

TEST(QueryFormat, ParamValueWithInvalidUtf8IsAnError) {
  absl::StatusOr<Value> v = cli::ParseParamValue("\"a\xff\"");
  ASSERT_FALSE(v.ok());
  EXPECT_TRUE(absl::StrContains(v.status().message(), "invalid UTF-8 at byte 2"))
      << v.status();
}

TEST_F(QueryCommand, InvalidUtf8InTheStatementIsASyntaxErrorNotACrash) {
  auto r = Query("\"RETURN 'a\xff" "b' AS x\"");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(absl::StrContains(r.err, "invalid UTF-8: byte 0xff at byte offset 9")) << r.err;
}

TEST(QueryFormat, TemporalParamsHaveATypedJsonForm) {
  auto d = cli::ParseParamValue(R"({"$date": "2015-W30-2"})");
  ASSERT_TRUE(d.ok()) << d.status();
  ASSERT_TRUE(d->is_temporal());
  EXPECT_EQ(d->ToString(), "2015-07-21");
  auto l = cli::ParseParamValue(R"([{"$duration": "PT1.5S"}, {"$datetime": "2015-07-21T21:40Z"}])");
  ASSERT_TRUE(l.ok()) << l.status();
  EXPECT_EQ(l->ToString(), "[PT1.5S, 2015-07-21T21:40Z]");
  EXPECT_FALSE(cli::ParseParamValue(R"({"$date": "2015-02-30"})").ok());
  // Other keys, or more than one, leave an ordinary map.
  EXPECT_TRUE(cli::ParseParamValue(R"({"$date": "x", "y": 1})")->is_map());
}

TEST_F(QueryCommand, TemporalValuesPrintAsIsoTextInEveryFormat) {
  const char* q = "\"RETURN date('2015-07-21') AS d, [duration('P1DT2H')] AS l\"";
  EXPECT_EQ(Query(absl::StrCat("-f jsonl ", q)).out, "{\"d\":\"2015-07-21\",\"l\":[\"P1DT2H\"]}\n");
  EXPECT_EQ(Query(absl::StrCat("-f csv ", q)).out, "d,l\r\n2015-07-21,[P1DT2H]\r\n");
}

}  // namespace
}  // namespace quiver
