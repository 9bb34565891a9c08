// End-to-end tests of `quiver remove` and of loading a changed file again,
// run as a user would.

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "quiver/database.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

using ::quiver::testing::CommandResult;
using ::quiver::testing::ReadFile;
using ::quiver::testing::RunQuiver;
using ::quiver::testing::TempDir;
using ::quiver::testing::WriteFile;

class RemoveCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = dir_.Sub("g");
    a_ = dir_.Sub("a.tsv");
    b_ = dir_.Sub("b.tsv");
    WriteFile(a_, "Putin\tcancel\tvisit\nRussia\tveto\tresolution\n");
    WriteFile(b_, "Putin\tcancel\tvisit\nFrance\thost\tconference\n");
  }

  void Load(const std::string& store, const std::string& files) {
    CommandResult r = RunQuiver(absl::StrCat("load ", store, " ", files));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  std::string Stats(const std::string& store) {
    CommandResult r = RunQuiver("stats " + store);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }

  // The cancel fact's count and the sources of its evidence.
  std::pair<int64_t, std::vector<std::string>> Cancel() {
    auto db = Database::Open(store_);
    EXPECT_TRUE(db.ok()) << db.status();
    auto putin = (*db)->FindNodes("Putin");
    EXPECT_EQ(putin->size(), 1u);
    auto out = (*db)->Neighbors((*putin)[0].id, Direction::kOutgoing, "cancel");
    EXPECT_EQ(out->size(), 1u);
    if (out->size() != 1) return {0, {}};
    std::vector<std::string> sources;
    auto evidence = (*db)->EvidenceFor((*out)[0].edge.id);
    EXPECT_TRUE(evidence.ok()) << evidence.status();
    for (const auto& ev : *evidence)
      sources.push_back((*db)->GetDocument(ev.doc)->source);
    std::sort(sources.begin(), sources.end());
    return {(*out)[0].edge.count(), sources};
  }

  TempDir dir_;
  std::string store_, a_, b_;
};

TEST_F(RemoveCommandTest, RemovingOneDocumentDropsItsEvidenceAndItsOwnFacts) {
  Load(store_, a_ + " " + b_);
  EXPECT_NE(Stats(store_).find("edges      3"), std::string::npos);
  EXPECT_EQ(Cancel().first, 2);

  CommandResult r = RunQuiver(absl::StrCat("remove ", store_, " ", b_));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("removed 1 document(s): 1 edges, 2 evidence, 2 nodes"),
            std::string::npos)
      << r.out;
  std::string stats = Stats(store_);
  EXPECT_NE(stats.find("documents  1"), std::string::npos) << stats;
  EXPECT_NE(stats.find("edges      2"), std::string::npos) << stats;
  EXPECT_NE(stats.find("evidence   2"), std::string::npos) << stats;
  EXPECT_EQ(stats.find("host"), std::string::npos) << stats;
  auto [count, sources] = Cancel();
  EXPECT_EQ(count, 1);
  EXPECT_EQ(sources, std::vector<std::string>{a_});
}

TEST_F(RemoveCommandTest, RemovingEveryDocumentEmptiesTheStore) {
  Load(store_, a_ + " " + b_);
  CommandResult r = RunQuiver(absl::StrCat("remove ", store_, " ", a_, " ", b_));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("removed 2 document(s): 3 edges, 4 evidence"), std::string::npos)
      << r.out;
  std::string stats = Stats(store_);
  EXPECT_NE(stats.find("nodes      0"), std::string::npos) << stats;
  EXPECT_NE(stats.find("edges      0"), std::string::npos) << stats;
  EXPECT_NE(stats.find("documents  0"), std::string::npos) << stats;
}

TEST_F(RemoveCommandTest, UnknownSourceIsNamedAndFailsButTheOthersAreRemoved) {
  Load(store_, a_ + " " + b_);
  std::string nope = dir_.Sub("nope.tsv");
  CommandResult r = RunQuiver(absl::StrCat("remove ", store_, " ", nope, " ", b_));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no document with source " + nope), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 of 2 source(s) not found"), std::string::npos) << r.err;
  EXPECT_NE(Stats(store_).find("documents  1"), std::string::npos);
}

TEST_F(RemoveCommandTest, MissingStoreIsAnErrorNotACreation) {
  CommandResult r = RunQuiver(absl::StrCat("remove ", dir_.Sub("none"), " ", a_));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
}

TEST_F(RemoveCommandTest, HelpSaysWhatItDoes) {
  CommandResult r = RunQuiver("remove --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("STORE"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("One atomic write per source"), std::string::npos) << r.out;
}

TEST_F(RemoveCommandTest, LoadARemoveBExportsTheSameAsLoadingAAlone) {
  std::string alone = dir_.Sub("alone");
  Load(alone, a_);
  Load(store_, a_);
  Load(store_, b_);
  ASSERT_EQ(RunQuiver(absl::StrCat("remove ", store_, " ", b_)).exit_code, 0);
  for (const char* format : {"jsonl", "graphml"}) {
    std::string x = dir_.Sub(absl::StrCat("alone.", format));
    std::string y = dir_.Sub(absl::StrCat("removed.", format));
    ASSERT_EQ(RunQuiver(absl::StrCat("export ", alone, " -f ", format, " -o ", x)).exit_code, 0);
    ASSERT_EQ(RunQuiver(absl::StrCat("export ", store_, " -f ", format, " -o ", y)).exit_code, 0);
    EXPECT_FALSE(ReadFile(x).empty());
    EXPECT_EQ(ReadFile(x), ReadFile(y)) << format;
  }
}

TEST_F(RemoveCommandTest, LoadingAChangedFileReplacesItsEarlierVersion) {
  Load(store_, a_ + " " + b_);
  WriteFile(a_, "Putin\tcancel\tvisit\nHollande\timpose\tcurfew\n");
  Load(store_, a_);
  std::string stats = Stats(store_);
  EXPECT_NE(stats.find("documents  2"), std::string::npos) << stats;
  EXPECT_EQ(stats.find("veto"), std::string::npos) << stats;  // Only the old version said it.
  EXPECT_NE(stats.find("impose"), std::string::npos) << stats;
  auto [count, sources] = Cancel();
  EXPECT_EQ(count, 2);  // The new version and b.tsv.
  EXPECT_EQ(sources, (std::vector<std::string>{a_, b_}));
  // Loading it once more changes nothing.
  Load(store_, a_);
  EXPECT_EQ(Stats(store_), stats);
}

}  // namespace
}  // namespace quiver
