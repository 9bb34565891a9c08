// `quiver shell` run as a user scripts it: statements on stdin against a
// store loaded from examples/triples.tsv. An optional test drives the
// interactive prompt through tmux.

#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "quiver/database.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

using ::quiver::testing::CommandResult;
using ::quiver::testing::LoadExampleTriples;
using ::quiver::testing::QuiverBinary;
using ::quiver::testing::ReadFile;
using ::quiver::testing::RunCommand;
using ::quiver::testing::RunQuiver;
using ::quiver::testing::TempDir;
using ::quiver::testing::WriteFile;
using ::testing::HasSubstr;
using ::testing::Not;

class ShellTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = dir_.Sub("g");
    LoadExampleTriples(store_);
  }

  CommandResult Shell(const std::string& script, const std::string& flags = "") {
    return RunQuiver(absl::StrCat("shell ", flags, " ", store_), script);
  }

  // The id of the edge Marta Lind -[:mayor_of]-> Kelvik.
  EdgeId MayorOfEdge() {
    auto db = Database::Open(store_);
    EXPECT_TRUE(db.ok()) << db.status();
    if (!db.ok()) return 0;
    auto lind = (*db)->FindNodes("Marta Lind");
    EXPECT_TRUE(lind.ok() && lind->size() == 1u);
    if (!lind.ok() || lind->empty()) return 0;
    auto edges = (*db)->Neighbors((*lind)[0].id, Direction::kOutgoing, "mayor_of");
    EXPECT_TRUE(edges.ok() && edges->size() == 1u);
    if (!edges.ok() || edges->empty()) return 0;
    return (*edges)[0].edge.id;
  }

  TempDir dir_;
  std::string store_;
};

TEST_F(ShellTest, PrintsRowsOfMultiLineStatementsAndTheirTime) {
  CommandResult r = Shell(
      "MATCH (a)-[:mayor_of]->(b)\n"
      "  // who is mayor; where\n"
      "RETURN a.name AS who,\n"
      "       b.name AS place;\n"
      "RETURN 'x;y' AS s; RETURN 2 AS two;\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Marta Lind"));
  EXPECT_THAT(r.out, HasSubstr("Kelvik"));
  EXPECT_THAT(r.out, HasSubstr("x;y"));
  EXPECT_THAT(r.out, HasSubstr("two"));
  EXPECT_THAT(r.out, HasSubstr("1 row\n"));  // The table's own count.
  EXPECT_THAT(r.err, HasSubstr(" ms)"));
  // Not a terminal: no prompt, no escape codes.
  EXPECT_THAT(r.out, Not(HasSubstr("quiver>")));
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
}

TEST_F(ShellTest, AnErrorIsReportedAndLaterStatementsStillRun) {
  CommandResult r = Shell(
      "MATCH (n RETURN n;\n"
      "RETURN 'still running' AS after;\n");
  EXPECT_EQ(r.exit_code, 1);  // A failed script says so.
  EXPECT_THAT(r.err, HasSubstr("SyntaxError"));
  EXPECT_THAT(r.err, HasSubstr("^"));  // The engine's caret excerpt.
  EXPECT_THAT(r.out, HasSubstr("still running"));
  EXPECT_THAT(r.err, HasSubstr("1 statement or command failed"));
}

TEST_F(ShellTest, WhyPrintsTheSentenceAndDocumentOfAnEdge) {
  EdgeId edge = MayorOfEdge();
  CommandResult r = Shell(absl::StrCat(":why ", edge, "\n"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("(Marta Lind)-[:mayor_of]->(Kelvik)"));
  EXPECT_THAT(r.out, HasSubstr("Marta Lind, the mayor of Kelvik, opened the session."));
  EXPECT_THAT(r.out, HasSubstr("sentence "));

  CommandResult missing = Shell(":why 999999\n:why x\n");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, HasSubstr(":why 999999"));
  EXPECT_THAT(missing.err, HasSubstr("usage: :why EDGE_ID"));
}

TEST_F(ShellTest, SchemaListsRelationTypesWithCounts) {
  CommandResult r = Shell(":schema\n:stats\n:help\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("relationship types"));
  EXPECT_THAT(r.out, HasSubstr("mayor_of"));
  EXPECT_THAT(r.out, HasSubstr("meet_with"));
  EXPECT_THAT(r.out, HasSubstr("edges      "));
  EXPECT_THAT(r.out, HasSubstr(":diagram FILE"));
}

TEST_F(ShellTest, FormatTimingAndQuit) {
  CommandResult r = Shell(
      ":format csv\n:timing off\n"
      "MATCH (a)-[:mayor_of]->(b) RETURN a.name AS who, b.name AS place;\n"
      ":quit\n"
      "RETURN 'never' AS x;\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("who,place"));
  EXPECT_THAT(r.out, HasSubstr("Marta Lind,Kelvik"));
  EXPECT_THAT(r.err, HasSubstr("1 row\n"));  // Not in the CSV data.
  EXPECT_THAT(r.out, Not(HasSubstr("1 row")));
  EXPECT_THAT(r.err, Not(HasSubstr(" ms)")));
  EXPECT_THAT(r.out, Not(HasSubstr("never")));
}

TEST_F(ShellTest, WritesByDefaultAndNotWhenReadOnly) {
  CommandResult w = Shell("CREATE (:Ship {name: 'Selma'});\n"
                          "MATCH (s:Ship) RETURN s.name AS ship;\n");
  EXPECT_EQ(w.exit_code, 0) << w.err;
  EXPECT_THAT(w.err, HasSubstr("nodes created 1"));
  EXPECT_THAT(w.out, HasSubstr("Selma"));

  CommandResult r = Shell("CREATE (:Ship {name: 'Other'});\n"
                          "MATCH (s:Ship) RETURN s.name AS ship;\n",
                          "--read-only");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("Selma"));
  EXPECT_THAT(r.out, Not(HasSubstr("Other")));
}

TEST_F(ShellTest, DiagramDrawsTheLastStatementsResult) {
  std::string file = dir_.Sub("d.dot");
  CommandResult r = Shell(":diagram " + file + "\n"  // nothing ran yet
                          "MATCH p = (a)-[:mayor_of]->(b) RETURN p;\n"
                          ":diagram " + file + "\n");
  EXPECT_THAT(r.err, HasSubstr("run a statement first"));
  EXPECT_THAT(r.out, HasSubstr("wrote " + file));
  std::string dot = ReadFile(file);
  EXPECT_THAT(dot, HasSubstr("digraph"));
  EXPECT_THAT(dot, HasSubstr("Marta Lind"));
}

TEST_F(ShellTest, AStatementWithoutItsSemicolonAtTheEndStillRuns) {
  CommandResult r = Shell("RETURN 'last' AS x");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("last"));
}

TEST_F(ShellTest, AStoreInUseOpensReadOnlyOnlyWhenAsked) {
  auto writer = Database::Open(store_);
  ASSERT_TRUE(writer.ok()) << writer.status();
  CommandResult w = Shell("RETURN 1 AS one;\n");
  EXPECT_EQ(w.exit_code, 1);
  EXPECT_THAT(w.err, HasSubstr("--read-only"));
  CommandResult r = Shell("MATCH (a)-[:mayor_of]->(b) RETURN b.name AS place;\n", "--read-only");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Kelvik"));
}

TEST_F(ShellTest, AMissingStoreIsAnError) {
  CommandResult r = RunQuiver("shell " + dir_.Sub("nothing-here"), "RETURN 1;\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("does not exist"));
  EXPECT_THAT(r.err, HasSubstr("--create"));
  CommandResult created =
      RunQuiver("shell --create " + dir_.Sub("nothing-here"), "RETURN 1 AS one;\n");
  EXPECT_EQ(created.exit_code, 0) << created.err;
  EXPECT_THAT(created.out, HasSubstr("one"));
}

TEST_F(ShellTest, ParamsAreUsedByLaterStatementsAndListed) {
  CommandResult r = Shell(
      ":param who \"Marta Lind\"\n"
      ":param since {\"$date\": \"2016-10-11\"}\n"
      "MATCH (a {name: $who})-[:mayor_of]->(b) RETURN b.name AS place, $since AS since;\n"
      ":params\n"
      ":param who\n"
      "RETURN $who AS gone;\n"
      ":param bad {\"$date\": \"2016-13-45\"}\n");
  EXPECT_THAT(r.out, HasSubstr("Kelvik"));
  EXPECT_THAT(r.out, HasSubstr("2016-10-11"));
  EXPECT_THAT(r.out, HasSubstr("$who = 'Marta Lind'"));
  EXPECT_THAT(r.out, HasSubstr("$since = 2016-10-11"));
  EXPECT_THAT(r.err, HasSubstr("ParameterMissing"));  // Unset by `:param who`.
  EXPECT_THAT(r.err, HasSubstr("error: :param bad:"));
  EXPECT_EQ(r.exit_code, 1);
}

TEST_F(ShellTest, MaxRowsAndWidthShapeTables) {
  CommandResult r = Shell(
      ":maxrows 2\n"
      "UNWIND range(1, 5) AS x RETURN x;\n"
      ":maxrows off\n"
      ":width 24\n"
      "RETURN 'a value much longer than twenty-four columns' AS long;\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("| 2 "));
  EXPECT_THAT(r.out, Not(HasSubstr("| 3 ")));
  EXPECT_THAT(r.err, HasSubstr("3 more rows not shown"));
  EXPECT_THAT(r.out, HasSubstr("…"));
  EXPECT_THAT(r.out, Not(HasSubstr("twenty-four columns")));
}

TEST_F(ShellTest, ReadRunsAScriptAndStopsAtSelfReference) {
  const std::string script = dir_.Sub("script.cypher");
  WriteFile(script, ":param n 3\nRETURN $n * 2 AS six;\nRETURN 'second' AS s\n");
  const std::string loop = dir_.Sub("loop.cypher");
  WriteFile(loop, absl::StrCat(":read ", loop, "\n"));
  CommandResult r = Shell(absl::StrCat(":read ", script, "\nRETURN $n AS still;\n:read ", loop,
                                       "\n:read ", dir_.Sub("missing.cypher"), "\n"));
  EXPECT_THAT(r.out, HasSubstr("six"));
  EXPECT_THAT(r.out, HasSubstr("| 6 "));
  EXPECT_THAT(r.out, HasSubstr("second"));
  EXPECT_THAT(r.out, HasSubstr("still"));  // Parameters set by a script stay.
  EXPECT_THAT(r.err, HasSubstr("nest more than 16 deep"));
  EXPECT_THAT(r.err, HasSubstr("missing.cypher: cannot open"));
  EXPECT_EQ(r.exit_code, 1);
}

// The interactive prompt, through a real terminal. Skipped without tmux.
TEST_F(ShellTest, InteractivePromptInTmux) {
  if (std::system("command -v tmux >/dev/null 2>&1") != 0) GTEST_SKIP() << "no tmux";
  // A tmux server of its own (-L), so other tmux users are left alone.
  std::string session = absl::StrCat("quiver_shell_test_", getpid());
  std::string tmux = "tmux -L " + session;
  std::string history = dir_.Sub("history");
  std::string start = absl::StrCat(tmux, " new-session -d -s ", session, " -x 120 -y 40 'QUIVER_HISTORY=",
                                   history, " ", QuiverBinary(), " shell ", store_, "'");
  ASSERT_EQ(std::system(start.c_str()), 0);
  // Types `text` literally (a ';' ending a tmux argument would separate
  // tmux commands, hence the escape), then Enter.
  auto type_line = [&](std::string text) {
    if (!text.empty() && text.back() == ';') text.insert(text.size() - 1, "\\");
    EXPECT_EQ(std::system(absl::StrCat(tmux, " send-keys -t ", session, " -l '", text, "'").c_str()),
              0);
    EXPECT_EQ(std::system(absl::StrCat(tmux, " send-keys -t ", session, " Enter").c_str()), 0);
  };
  auto screen = [&] {
    return RunCommand(absl::StrCat(tmux, " capture-pane -p -t ", session)).out;
  };
  auto wait_for = [&](const std::string& text) {
    for (int i = 0; i < 200; ++i) {
      if (screen().find(text) != std::string::npos) return true;
      usleep(50000);
    }
    return false;
  };
  EXPECT_TRUE(wait_for("quiver>")) << screen();
  type_line("MATCH (a)-[:mayor_of]->(b)");
  EXPECT_TRUE(wait_for("     ->")) << screen();  // Continuation prompt (tmux trims the trailing space).
  type_line("RETURN b.name AS place;");
  EXPECT_TRUE(wait_for("Kelvik")) << screen();
  // Tab completes a relationship type from the store; Ctrl-C drops the line.
  EXPECT_EQ(std::system(absl::StrCat(tmux, " send-keys -t ", session, " -l 'MATCH ()-[:mee'").c_str()), 0);
  EXPECT_EQ(std::system(absl::StrCat(tmux, " send-keys -t ", session, " Tab").c_str()), 0);
  EXPECT_TRUE(wait_for("[:meet_with")) << screen();
  EXPECT_EQ(std::system(absl::StrCat(tmux, " send-keys -t ", session, " C-c").c_str()), 0);
  EXPECT_TRUE(wait_for("^C")) << screen();
  type_line("RETURN \"after interrupt\" AS x;");  // Would be a syntax error if kept.
  EXPECT_TRUE(wait_for("| after interrupt")) << screen();
  type_line(":quit");
  for (int i = 0; i < 200 && std::system(absl::StrCat(tmux, " has-session -t ", session,
                                                       " 2>/dev/null").c_str()) == 0; ++i) {
    usleep(50000);
  }
  if (std::system(absl::StrCat(tmux, " kill-session -t ", session, " 2>/dev/null").c_str()) == 0) {
    ADD_FAILURE() << "the shell did not leave on :quit";
  }
  if (std::system(absl::StrCat(tmux, " kill-server 2>/dev/null").c_str()) != 0) {
    // Normally gone already with its last session.
  }
  EXPECT_THAT(ReadFile(history), HasSubstr("b.name"));
}

}  // namespace
}  // namespace quiver
