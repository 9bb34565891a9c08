// End-to-end tests of `quiver load` and `quiver stats`, run as a user would.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "quiver/database.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

using ::quiver::testing::CommandResult;
using ::quiver::testing::ExampleFile;
using ::quiver::testing::QuiverBinary;
using ::quiver::testing::RunQuiver;
using ::quiver::testing::TempDir;
using ::quiver::testing::WriteFile;

TEST(LoadCommand, LoadsTheExamplesAndStatsCountThem) {
  TempDir dir;
  std::string store = dir.Sub("g");
  CommandResult r = RunQuiver(absl::StrCat("load ", store, " ", ExampleFile("triples.tsv"), " ",
                                           ExampleFile("entities.jsonl")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("loaded 2 file(s): 25 triples"), std::string::npos) << r.out;
  CommandResult s = RunQuiver("stats " + store);
  ASSERT_EQ(s.exit_code, 0) << s.err;
  EXPECT_NE(s.out.find("documents  2"), std::string::npos) << s.out;
  EXPECT_NE(s.out.find("Person"), std::string::npos) << s.out;
  EXPECT_NE(s.out.find("meet_with"), std::string::npos) << s.out;

  auto db = Database::Open(store);
  ASSERT_TRUE(db.ok());
  auto lind = (*db)->FindNodes("marta lind");
  ASSERT_EQ(lind->size(), 1u);  // one node from both files
  EXPECT_EQ((*lind)[0].labels, std::vector<std::string>{"Person"});
}

TEST(LoadCommand, LoadingTheSameFileTwiceChangesNothing) {
  TempDir dir;
  std::string store = dir.Sub("g");
  std::string load = absl::StrCat("load ", store, " ", ExampleFile("triples.tsv"));
  ASSERT_EQ(RunQuiver(load).exit_code, 0);
  std::string before = RunQuiver("stats " + store).out;
  CommandResult again = RunQuiver(load);
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.err.find("already loaded"), std::string::npos) << again.err;
  EXPECT_EQ(RunQuiver("stats " + store).out, before);
}

TEST(LoadCommand, ReportsBadLinesAndSkipsThem) {
  TempDir dir;
  std::string file = dir.Sub("t.tsv");
  WriteFile(file, "a\tknows\tb\nbroken line\nc\tknows\t\n");
  CommandResult r = RunQuiver(absl::StrCat("load ", dir.Sub("g"), " ", file));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(file + ":2: expected 3 to 5 tab-separated columns"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(file + ":3: object is empty"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("1 triples"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("skipped 2 bad line(s)"), std::string::npos) << r.out;
}

TEST(LoadCommand, StrictRefusesTheWholeLoad) {
  TempDir dir;
  std::string good = dir.Sub("good.tsv"), bad = dir.Sub("bad.tsv");
  WriteFile(good, "a\tknows\tb\n");
  WriteFile(bad, "c\tknows\td\nnot a triple\n");
  std::string store = dir.Sub("g");
  CommandResult r = RunQuiver(absl::StrCat("load --strict ", store, " ", good, " ", bad));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(bad + ":2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was loaded"), std::string::npos) << r.err;
  CommandResult s = RunQuiver("stats " + store);
  EXPECT_NE(s.exit_code, 0);  // no store was even created
  EXPECT_NE(s.err.find("does not exist"), std::string::npos) << s.err;
}

TEST(LoadCommand, BinaryAndMissingFilesAreReportedAndSkipped) {
  TempDir dir;
  std::string bin = dir.Sub("blob.tsv");
  WriteFile(bin, std::string("\x7f" "ELF\0\0\0", 7));
  std::string good = dir.Sub("good.tsv");
  WriteFile(good, "a\tknows\tb\n");
  CommandResult r = RunQuiver(absl::StrCat("load ", dir.Sub("g"), " ", bin, " ",
                                                   dir.Sub("missing.tsv"), " ", good));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(bin + ": binary file (NUL byte at offset 4)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("missing.tsv: cannot open"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("loaded 1 file(s)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("and 2 file(s)"), std::string::npos) << r.out;
}

TEST(LoadCommand, ReadsStandardInput) {
  TempDir dir;
  CommandResult r = RunQuiver(absl::StrCat("load ", dir.Sub("g"), " - --format jsonl"),
      R"({"subject":"Russia","relation":"veto","object":"resolution"})" "\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto db = Database::Open(dir.Sub("g"));
  ASSERT_TRUE(db.ok());
  EXPECT_EQ((*db)->FindNodes("russia")->size(), 1u);
}

TEST(LoadCommand, SecondWriterProcessIsToldWhoHoldsTheStore) {
  TempDir dir;
  std::string store = dir.Sub("g");
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    Options options;
    options.holder = "quiver ingest";
    auto db = Database::Open(store, options);
    char ok = db.ok() ? 'y' : 'n';
    (void)!write(ready[1], &ok, 1);
    pause();
    _exit(0);
  }
  char ok = 0;
  ASSERT_EQ(read(ready[0], &ok, 1), 1);
  ASSERT_EQ(ok, 'y');
  std::string file = dir.Sub("t.tsv");
  WriteFile(file, "a\tknows\tb\n");
  CommandResult r = RunQuiver(absl::StrCat("load ", store, " ", file));
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(absl::StrCat("store ", store, " is in use by process ", child,
                                    " (quiver ingest)")),
            std::string::npos)
      << r.err;
  // Once the holder is gone (even killed), the store opens again.
  EXPECT_EQ(RunQuiver(absl::StrCat("load ", store, " ", file)).exit_code, 0);
}

TEST(LoadCommand, KillDuringLoadLeavesAllOrNothing) {
  TempDir dir;
  std::string file = dir.Sub("big.tsv");
  std::string content;
  const int kLines = 60000;
  for (int i = 0; i < kLines; ++i)
    absl::StrAppend(&content, "entity", i % 5000, "\trel", i % 7, "\tentity", (i * 31) % 5000, "\n");
  WriteFile(file, content);
  for (int delay_ms : {50, 400, 1500}) {
    std::string store = dir.Sub(absl::StrCat("g", delay_ms));
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      execl(QuiverBinary().c_str(), "quiver", "load", store.c_str(), file.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    Options options;
    options.create_if_missing = false;
    auto db = Database::Open(store, options);
    if (!db.ok()) {
      // Killed before the store existed, or before RocksDB wrote its files.
      EXPECT_NE(db.status().code(), absl::StatusCode::kDataLoss) << db.status();
      continue;
    }
    auto stats = (*db)->GetStats();
    ASSERT_TRUE(stats.ok()) << stats.status();
    if (stats->documents == 0) {
      EXPECT_EQ(stats->nodes, 0);
      EXPECT_EQ(stats->edges, 0);
      EXPECT_EQ(stats->evidence, 0);
    } else {
      EXPECT_EQ(stats->documents, 1);
      EXPECT_EQ(stats->nodes, 5000);
      EXPECT_EQ(stats->evidence, kLines);
    }
  }
}

TEST(Cli, HelpDescribesEveryCommand) {
  CommandResult r = RunQuiver("--help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("load"), std::string::npos);
  EXPECT_NE(r.out.find("stats"), std::string::npos);
  CommandResult load = RunQuiver("load --help");
  EXPECT_EQ(load.exit_code, 0);
  EXPECT_NE(load.out.find("--strict"), std::string::npos);
  EXPECT_NE(load.out.find("--format"), std::string::npos);
  CommandResult bad = RunQuiver("frobnicate");
  EXPECT_NE(bad.exit_code, 0);
}

}  // namespace
}  // namespace quiver
