// `quiver ingest` and `quiver extract` end to end, through the program.

#include <gtest/gtest.h>

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

TEST(IngestCommand, NothingReadableFails) {
  TempDir dir;
  CommandResult r = RunCommand(QuiverBinary() + " ingest " + dir.Sub("store") + " " +
                               dir.Sub("missing.txt"));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("missing.txt: does not exist"), std::string::npos) << r.err;
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
