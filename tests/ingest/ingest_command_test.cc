// `quiver ingest` and `quiver extract` end to end, through the program.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "tests/test_support.h"

namespace quiver::testing {
namespace {

TEST(IngestCommand, IngestsExamplesReportsSkipsAndIsIdempotent) {
  TempDir dir;
  WriteFile(dir.Sub("bad.txt"), std::string("\x00\x01\x02", 3));
  const std::string cmd = QuiverBinary() + " ingest " + dir.Sub("store") + " " +
                          std::string(QUIVER_SOURCE_DIR) + "/examples/articles " +
                          dir.Sub("bad.txt") + " --jobs 2";
  CommandResult first = RunCommand(cmd);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("bad.txt: binary file"), std::string::npos) << first.err;
  EXPECT_NE(first.out.find("skipped    1"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("documents  4 (0 unchanged)"), std::string::npos) << first.out;
  CommandResult second = RunCommand(cmd);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("documents  4 (4 unchanged)"), std::string::npos) << second.out;
  EXPECT_NE(second.out.find("created    0 nodes, 0 edges, 0 evidence"), std::string::npos)
      << second.out;
}

// Issue 4: "The graph is identical for --jobs 1 and --jobs N", through the
// program: parsing is spread over sentences, writes stay in input order.
TEST(IngestCommand, TheGraphIsTheSameForAnyNumberOfJobs) {
  TempDir dir;
  const std::string articles = std::string(QUIVER_SOURCE_DIR) + "/examples/articles";
  std::vector<std::string> exports;
  for (const char* jobs : {"1", "3"}) {
    const std::string store = dir.Sub(std::string("store") + jobs);
    CommandResult ingest =
        RunCommand(QuiverBinary() + " ingest " + store + " " + articles + " --jobs " + jobs);
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
    const std::string out = dir.Sub(std::string("graph") + jobs + ".jsonl");
    CommandResult exported =
        RunCommand(QuiverBinary() + " export " + store + " --format jsonl -o " + out);
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    exports.push_back(ReadFile(out));
  }
  EXPECT_GT(exports[0].size(), 1000u);  // Nodes, edges and evidence, not an empty graph.
  EXPECT_EQ(exports[0], exports[1]);
}

TEST(IngestCommand, NothingReadableFails) {
  TempDir dir;
  CommandResult r = RunCommand(QuiverBinary() + " ingest " + dir.Sub("store") + " " +
                               dir.Sub("missing.txt"));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("missing.txt: does not exist"), std::string::npos) << r.err;
}

TEST(ExtractCommand, OneSentenceOfThousandsOfClausesIsCutNotACrash) {
  // 2,000 clauses joined by "and", 33 KB: link-grammar's heap corruption
  // ("malloc(): invalid size") before sentences were bounded.
  std::string input;
  for (int i = 0; i < 2000; ++i) input += i == 0 ? "Russia vetoed" : " and Russia vetoed";
  input += ".\n";
  CommandResult r = RunCommand(QuiverBinary() + " extract -", input);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("1 over-long sentence(s) cut into pieces of at most 150 words"),
            std::string::npos)
      << r.err;
}

TEST(ExtractCommand, CarbFormatEchoesEachSentenceWithAConfidence) {
  const std::string input =
      "The proposal was rejected by Norway .\nSweden did not sign the treaty .\n";
  CommandResult r = RunCommand(QuiverBinary() + " extract --format carb -", input);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = absl::StrSplit(r.out, '\n', absl::SkipEmpty());
  ASSERT_GE(lines.size(), 2u) << r.out;
  bool rejected = false;
  for (const std::string& line : lines) {
    std::vector<std::string> cols = absl::StrSplit(line, '\t');
    ASSERT_GE(cols.size(), 5u) << line;
    EXPECT_TRUE(cols[0] == "The proposal was rejected by Norway ." ||
                cols[0] == "Sweden did not sign the treaty .")
        << cols[0];
    double conf = std::stod(cols[1]);
    EXPECT_GT(conf, 0.0);
    EXPECT_LT(conf, 1.0);
    if (cols[2] == "was rejected by" && cols[3] == "The proposal" && cols[4] == "Norway")
      rejected = true;
  }
  EXPECT_TRUE(rejected) << r.out;
}

// --jobs parses lines on several threads; the output must still follow the
// input line by line and be the same as on one thread.
TEST(ExtractCommand, CarbOutputOnSeveralThreadsEqualsOneThread) {
  const std::vector<std::string> sentences = {
      "The treaty was signed by Denmark and Finland in 1998 .",
      "Oslo did not approve the new budget .",
      "Maria Lindqvist , the mayor of Uppsala , opened the bridge on Monday .",
      "The committee plans to publish its report next spring .",
      "Farmers in the north say the drought has ruined their harvest .",
      "Berlin .",
      "The company that built the stadium was later sold to an investor from Qatar .",
      "After the vote , the minister resigned and left the capital .",
      "Heavy rain flooded several villages along the river .",
      "The museum , which opened in 1902 , houses paintings by local artists .",
  };
  std::string input;
  for (const std::string& s : sentences) input += s + "\n\n";  // Blank lines are skipped.
  CommandResult one = RunCommand(QuiverBinary() + " extract --format carb --jobs 1 -", input);
  CommandResult three = RunCommand(QuiverBinary() + " extract --format carb --jobs 3 -", input);
  ASSERT_EQ(one.exit_code, 0) << one.err;
  ASSERT_EQ(three.exit_code, 0) << three.err;
  EXPECT_EQ(one.out, three.out);
  // In input order: each line's sentence is the current input sentence or a later one.
  std::vector<std::string> lines = absl::StrSplit(three.out, '\n', absl::SkipEmpty());
  ASSERT_GE(lines.size(), sentences.size() - 1) << three.out;
  size_t at = 0;
  for (const std::string& line : lines) {
    std::vector<std::string> cols = absl::StrSplit(line, '\t');
    while (at < sentences.size() && sentences[at] != cols[0]) ++at;
    ASSERT_LT(at, sentences.size()) << "out of order or altered: " << line;
  }
}

TEST(ExtractCommand, JsonLinesCarryEvidence) {
  CommandResult r = RunCommand(QuiverBinary() + " extract -",
                               "Norway rejected the proposal of Sweden.\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"subject\":\"Norway\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"relation\":\"reject\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"sentence_text\":\"Norway rejected the proposal of Sweden.\""),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace quiver::testing
