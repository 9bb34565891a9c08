// Parser: statements become ASTs; mistakes become SyntaxErrors with a line,
// a column and a caret under the offending token.

#include "query/parser/parser.h"

#include <gtest/gtest.h>

#include "absl/strings/match.h"

namespace quiver::query {
namespace {

std::string Error(std::string_view text) {
  auto st = Parse(text);
  EXPECT_FALSE(st.ok()) << text;
  return st.ok() ? "" : std::string(st.status().message());
}

TEST(Parser, ParsesMatchWhereReturn) {
  auto st = Parse("MATCH (a:Person {name: 'Hollande'})-[r:cancel]->(b) "
                  "WHERE r.count > 1 RETURN a.name, type(r) AS t ORDER BY t DESC LIMIT 10");
  ASSERT_TRUE(st.ok()) << st.status();
  ASSERT_EQ(st->parts.size(), 1u);
  const auto& clauses = st->parts[0].clauses;
  ASSERT_EQ(clauses.size(), 2u);
  EXPECT_EQ(clauses[0].kind, ast::ClauseKind::kMatch);
  ASSERT_EQ(clauses[0].patterns.size(), 1u);
  const auto& part = clauses[0].patterns[0];
  ASSERT_EQ(part.nodes.size(), 2u);
  EXPECT_EQ(part.nodes[0].variable, "a");
  EXPECT_EQ(part.nodes[0].labels, std::vector<std::string>{"Person"});
  EXPECT_EQ(part.rels[0].types, std::vector<std::string>{"cancel"});
  EXPECT_EQ(part.rels[0].direction, ast::Direction::kRight);
  ASSERT_TRUE(clauses[0].where);
  const auto& proj = clauses[1].projection;
  ASSERT_EQ(proj.items.size(), 2u);
  EXPECT_EQ(proj.items[0].alias, "a.name");
  EXPECT_EQ(proj.items[1].alias, "t");
  ASSERT_EQ(proj.order_by.size(), 1u);
  EXPECT_TRUE(proj.order_by[0].descending);
  EXPECT_TRUE(proj.limit);
}

TEST(Parser, KeywordsAreCaseInsensitive) {
  EXPECT_TRUE(Parse("match (n) where n.x = 1 return n").ok());
  EXPECT_TRUE(Parse("MaTcH (n) ReTuRn DISTINCT n SkIp 1").ok());
}

TEST(Parser, KeywordsMayNameProperties) {
  auto st = Parse("MATCH (n) RETURN n.count, n.end, n.type");
  ASSERT_TRUE(st.ok()) << st.status();
  EXPECT_EQ(st->parts[0].clauses[1].projection.items[1].expr->name, "end");
}

TEST(Parser, VariableLengthRanges) {
  auto st = Parse("MATCH (a)-[*]-(b), (a)-[:T*2]->(c), (a)<-[*1..3]-(d), (a)-[*..6]-(e) RETURN a");
  ASSERT_TRUE(st.ok()) << st.status();
  const auto& p = st->parts[0].clauses[0].patterns;
  EXPECT_TRUE(p[0].rels[0].var_length);
  EXPECT_FALSE(p[0].rels[0].min_hops);
  EXPECT_EQ(*p[1].rels[0].min_hops, 2);
  EXPECT_EQ(*p[1].rels[0].max_hops, 2);
  EXPECT_EQ(*p[2].rels[0].min_hops, 1);
  EXPECT_EQ(*p[2].rels[0].max_hops, 3);
  EXPECT_EQ(p[2].rels[0].direction, ast::Direction::kLeft);
  EXPECT_FALSE(p[3].rels[0].min_hops);
  EXPECT_EQ(*p[3].rels[0].max_hops, 6);
}

TEST(Parser, ShortestPathAndUnion) {
  auto st = Parse("MATCH p = shortestPath((a)-[*..6]-(b)) RETURN p UNION ALL MATCH (n) RETURN n AS p");
  ASSERT_TRUE(st.ok()) << st.status();
  EXPECT_EQ(st->parts.size(), 2u);
  EXPECT_TRUE(st->union_all[0]);
  EXPECT_EQ(st->parts[0].clauses[0].patterns[0].shortest, ast::ShortestKind::kShortest);
  EXPECT_EQ(st->parts[0].clauses[0].patterns[0].path_variable, "p");
}

TEST(Parser, ListComprehensionIsNotAListLiteral) {
  auto st = Parse("RETURN [x IN [1,2,3] WHERE x > 1 | x * 2] AS l, [x IN [1]] AS m");
  ASSERT_TRUE(st.ok()) << st.status();
  const auto& items = st->parts[0].clauses[0].projection.items;
  EXPECT_EQ(items[0].expr->kind, ast::ExprKind::kListComprehension);
  EXPECT_EQ(items[1].expr->kind, ast::ExprKind::kListComprehension);
}

TEST(Parser, SubqueriesKeepTheirClauses) {
  // The short form is one MATCH; the long form keeps each clause.
  auto st = Parse("MATCH (n) WHERE EXISTS { (n)-->(m), (m)-->() WHERE m.x = 1 } "
                  "RETURN COUNT { MATCH (n)-->(m) MATCH (m)-->(o) RETURN o } AS c");
  ASSERT_TRUE(st.ok()) << st.status();
  const auto& clauses = st->parts[0].clauses;
  ASSERT_EQ(clauses.size(), 2u);
  const ast::Expr& exists = *clauses[0].where;
  ASSERT_EQ(exists.kind, ast::ExprKind::kExistsSubquery);
  ASSERT_EQ(exists.subquery->clauses.size(), 1u);
  EXPECT_EQ(exists.subquery->clauses[0].kind, ast::ClauseKind::kMatch);
  EXPECT_EQ(exists.subquery->clauses[0].patterns.size(), 2u);
  EXPECT_TRUE(exists.subquery->clauses[0].where);
  const ast::Expr& count = *clauses[1].projection.items[0].expr;
  ASSERT_EQ(count.kind, ast::ExprKind::kCountSubquery);
  ASSERT_EQ(count.subquery->clauses.size(), 3u);
  EXPECT_EQ(count.subquery->clauses[2].kind, ast::ClauseKind::kReturn);
  // count(...) and exists(...) stay functions; `count` stays a name.
  auto f = Parse("WITH 1 AS count RETURN count(count), exists(count.x)");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_EQ(f->parts[0].clauses[1].projection.items[0].expr->kind, ast::ExprKind::kFunction);
  EXPECT_EQ(f->parts[0].clauses[1].projection.items[1].expr->kind, ast::ExprKind::kFunction);
  EXPECT_TRUE(absl::StrContains(Error("RETURN EXISTS { }"), "unexpected '}'"));
  // A CALL inside a subquery marks the statement as one with a CALL (the
  // engine does not cache those).
  EXPECT_FALSE(st->has_call);
  auto c = Parse("RETURN EXISTS { CALL db.labels() YIELD label RETURN label } AS e");
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_TRUE(c->has_call);
}

TEST(Parser, LiteralsAndEscapes) {
  auto st = Parse("RETURN 0x1F, 0o17, 1.5e3, 'it\\'s', \"\\u00e9\", -9223372036854775808");
  ASSERT_TRUE(st.ok()) << st.status();
  const auto& items = st->parts[0].clauses[0].projection.items;
  EXPECT_EQ(items[0].expr->value, Value(31));
  EXPECT_EQ(items[1].expr->value, Value(15));
  EXPECT_EQ(items[2].expr->value, Value(1500.0));
  EXPECT_EQ(items[3].expr->value, Value("it's"));
  EXPECT_EQ(items[4].expr->value, Value("\xc3\xa9"));
  EXPECT_EQ(items[5].expr->value, Value(std::numeric_limits<int64_t>::min()));
}

TEST(Parser, SyntaxErrorHasLineColumnAndCaret) {
  std::string msg = Error("MATCH (n RETURN n");
  EXPECT_EQ(msg,
            "SyntaxError (compile time): line 1, column 10: unexpected 'RETURN'; "
            "expected ')' or ':' or '{' or '$'\n"
            "MATCH (n RETURN n\n"
            "         ^")
      << msg;
}

TEST(Parser, SyntaxErrorOnSecondLine) {
  std::string msg = Error("MATCH (n)\nWHERE n.x = \nRETURN n");
  EXPECT_TRUE(absl::StartsWith(msg, "SyntaxError (compile time): line 3, column 1: ")) << msg;
  EXPECT_TRUE(absl::EndsWith(msg, "\nRETURN n\n^")) << msg;
}

TEST(Parser, BangEqualsSuggestsAngleBrackets) {
  std::string msg = Error("MATCH (n) WHERE n.x != 1 RETURN n");
  EXPECT_TRUE(absl::StrContains(msg, "line 1, column 21: unknown operator '!=': use <> for not-equal"))
      << msg;
  EXPECT_TRUE(absl::EndsWith(msg, "\n                    ^")) << msg;
}

TEST(Parser, UnterminatedStringAndEndOfInput) {
  EXPECT_TRUE(absl::StrContains(Error("RETURN 'abc"), "line 1, column 8")) << Error("RETURN 'abc");
  EXPECT_TRUE(absl::StrContains(Error("MATCH (n) RETURN"), "unexpected end of input"));
}

TEST(Parser, IntegerOverflowIsASyntaxError) {
  EXPECT_TRUE(absl::StrContains(Error("RETURN 9223372036854775808"), "IntegerOverflow"));
}

TEST(Parser, SpansPointAtNodes) {
  auto st = Parse("MATCH (n)\n  RETURN m");
  ASSERT_TRUE(st.ok());
  const auto& e = st->parts[0].clauses[1].projection.items[0].expr;
  EXPECT_EQ(e->span.line, 2);
  EXPECT_EQ(e->span.column, 10);
}

}  // namespace
}  // namespace quiver::query
