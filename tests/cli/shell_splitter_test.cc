// The shell's statement splitter: where statements end.

#include "cli/shell/statement_splitter.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace quiver::cli::shell {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(StatementSplitter, SplitsAtSemicolons) {
  EXPECT_THAT(SplitStatements("MATCH (n) RETURN n; RETURN 1;RETURN 2;"),
              ElementsAre("MATCH (n) RETURN n", "RETURN 1", "RETURN 2"));
}

TEST(StatementSplitter, SemicolonsInStringsDoNotEndAStatement) {
  EXPECT_THAT(SplitStatements("RETURN 'a;b', \"c;d\", `e;f`; RETURN 'it\\'s;' AS x;"),
              ElementsAre("RETURN 'a;b', \"c;d\", `e;f`", "RETURN 'it\\'s;' AS x"));
  // The other quote does not end a string.
  EXPECT_THAT(SplitStatements("RETURN \"it's; fine\";"), ElementsAre("RETURN \"it's; fine\""));
}

TEST(StatementSplitter, SemicolonsInCommentsDoNotEndAStatement) {
  EXPECT_THAT(SplitStatements("MATCH (n) // not here; nor here\nRETURN n;"),
              ElementsAre("MATCH (n) // not here; nor here\nRETURN n"));
  EXPECT_THAT(SplitStatements("MATCH (n) /* a; b\n c; */ RETURN n;"),
              ElementsAre("MATCH (n) /* a; b\n c; */ RETURN n"));
  // '//' inside a string is not a comment.
  EXPECT_THAT(SplitStatements("RETURN 'http://x'; RETURN 2;"),
              ElementsAre("RETURN 'http://x'", "RETURN 2"));
}

TEST(StatementSplitter, StatementsSpanLinesAndPendingSaysSo) {
  StatementSplitter s;
  EXPECT_FALSE(s.pending());
  EXPECT_THAT(s.Feed("MATCH (n)"), IsEmpty());
  EXPECT_TRUE(s.pending());
  EXPECT_THAT(s.Feed("WHERE n.name = 'x;"), IsEmpty());
  EXPECT_TRUE(s.pending());
  EXPECT_THAT(s.Feed("y'"), IsEmpty());
  EXPECT_THAT(s.Feed("RETURN n; RETURN"), ElementsAre("MATCH (n)\nWHERE n.name = 'x;\ny'\nRETURN n"));
  EXPECT_TRUE(s.pending());
  EXPECT_THAT(s.Feed("1;"), ElementsAre("RETURN\n1"));
  EXPECT_FALSE(s.pending());
}

TEST(StatementSplitter, CommentsAndEmptyStatementsAreDropped) {
  StatementSplitter s;
  EXPECT_THAT(s.Feed("// just a comment;"), IsEmpty());
  EXPECT_FALSE(s.pending());
  EXPECT_THAT(s.Feed(";;  ;"), IsEmpty());
  EXPECT_THAT(s.Feed("/* open"), IsEmpty());
  EXPECT_TRUE(s.pending());  // Inside a block comment: continue.
  EXPECT_THAT(s.Feed("close */"), IsEmpty());
  EXPECT_FALSE(s.pending());
  EXPECT_EQ(s.TakeRest(), "");
}

TEST(StatementSplitter, TakeRestReturnsAnUnterminatedStatement) {
  StatementSplitter s;
  EXPECT_THAT(s.Feed("RETURN 1; RETURN 2"), ElementsAre("RETURN 1"));
  EXPECT_EQ(s.TakeRest(), "RETURN 2");
  EXPECT_FALSE(s.pending());
  EXPECT_THAT(SplitStatements("RETURN 1;\nRETURN 2\n"), ElementsAre("RETURN 1", "RETURN 2"));
}

TEST(StatementSplitter, ResetForgetsAnOpenString) {
  StatementSplitter s;
  s.Feed("RETURN 'oops");
  EXPECT_TRUE(s.pending());
  s.Reset();
  EXPECT_FALSE(s.pending());
  EXPECT_THAT(s.Feed("RETURN 1;"), ElementsAre("RETURN 1"));
}

}  // namespace
}  // namespace quiver::cli::shell
