// `quiver shell --read-only` in one process while `quiver load` writes the
// same store from another, as an analyst questions a store that is still
// being fed. The shell catches up with the writer before each statement;
// every answer must be a whole number of documents (each file is one
// document, written in one batch) and counts never go back.

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

using ::quiver::testing::CommandResult;
using ::quiver::testing::QuiverBinary;
using ::quiver::testing::ReadFile;
using ::quiver::testing::RunCommand;
using ::quiver::testing::RunQuiver;
using ::quiver::testing::TempDir;
using ::quiver::testing::WriteFile;

constexpr int kDocuments = 300;
constexpr int kFactsPerDocument = 6;
constexpr int kStatements = 400;

// Document d: "Hub d" steps to kFactsPerDocument leaves of its own.
std::string TripleFile(int d) {
  std::string tsv;
  for (int k = 0; k < kFactsPerDocument; ++k) {
    absl::StrAppend(&tsv, "Hub ", d, "\tstep\tLeaf ", d, "-", k, "\n");
  }
  return tsv;
}

TEST(LiveReader, ReadOnlyShellSeesWholeDocumentsWhileAnotherProcessLoads) {
  TempDir dir;
  const std::string store = dir.Sub("g");
  // The store exists before the reader opens it: document 0.
  WriteFile(dir.Sub("d0.tsv"), TripleFile(0));
  CommandResult first = RunQuiver(absl::StrCat("load ", store, " ", dir.Sub("d0.tsv")));
  ASSERT_EQ(first.exit_code, 0) << first.err;

  std::string files;
  for (int d = 1; d < kDocuments; ++d) {
    std::string path = dir.Sub(absl::StrCat("d", d, ".tsv"));
    WriteFile(path, TripleFile(d));
    absl::StrAppend(&files, " ", path);
  }
  // Each statement answers: how many step facts, and how many hubs have a
  // number of facts other than kFactsPerDocument (a document seen in part).
  std::string script;
  for (int i = 0; i < kStatements; ++i) {
    absl::StrAppend(&script,
                    "MATCH (h)-[r:step]->() WITH h, count(r) AS c "
                    "RETURN sum(c) AS facts, sum(CASE WHEN c <> ",
                    kFactsPerDocument, " THEN 1 ELSE 0 END) AS partial;\n");
  }
  WriteFile(dir.Sub("script.cypher"), script);

  const std::string quiver = QuiverBinary();
  CommandResult run = RunCommand(absl::StrCat(
      "(", quiver, " load ", store, files, " >", dir.Sub("writer.out"), " 2>&1; echo $? >",
      dir.Sub("writer.rc"), ") & ", quiver, " shell --read-only --format csv --no-timing ",
      store, " <", dir.Sub("script.cypher"), "; status=$?; wait; exit $status"));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  // Only each statement's row count on stderr: no warning, no error.
  for (absl::string_view line : absl::StrSplit(run.err, '\n', absl::SkipEmpty())) {
    // "==PID==WARNING: ASan doesn't fully support makecontext…": the
    // sanitizer runtime's own banner in sanitizer builds, not Quiver's.
    if (absl::StartsWith(line, "==")) continue;
    EXPECT_EQ(line, "1 row") << "the reader printed a warning or an error";
  }
  ASSERT_EQ(ReadFile(dir.Sub("writer.rc")), "0\n") << ReadFile(dir.Sub("writer.out"));

  int64_t last = 0;
  int answers = 0;
  std::vector<int64_t> distinct;
  for (absl::string_view line : absl::StrSplit(run.out, '\n')) {
    std::vector<std::string> cells = absl::StrSplit(absl::StripSuffix(line, "\r"), ',');
    int64_t facts = 0, partial = 0;
    if (cells.size() != 2 || !absl::SimpleAtoi(cells[0], &facts) ||
        !absl::SimpleAtoi(cells[1], &partial)) {
      continue;  // A header line or a blank.
    }
    ++answers;
    EXPECT_EQ(partial, 0) << "a document seen in part at " << facts << " facts";
    EXPECT_EQ(facts % kFactsPerDocument, 0) << facts;
    EXPECT_GE(facts, last) << "the reader went back in time";
    if (facts != last) distinct.push_back(facts);
    last = facts;
  }
  EXPECT_EQ(answers, kStatements) << run.out;

  // After the writer ended, a fresh reader sees every document.
  CommandResult after = RunQuiver(
      absl::StrCat("query --format csv ", store,
                   " 'MATCH ()-[r:step]->() RETURN count(r) AS facts'"));
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(after.out, absl::StrCat("facts\r\n", kDocuments * kFactsPerDocument, "\r\n"));
  // How much the two runs overlapped depends on the machine; say it.
  std::cout << "reader saw " << distinct.size() << " distinct fact counts, last " << last
            << "\n";
}

}  // namespace
}  // namespace quiver
