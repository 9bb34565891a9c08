#include "tests/tck/suite.h"

#include <filesystem>

#include "gtest/gtest.h"
#include "tests/test_support.h"

namespace quiver::tck {
namespace {

TEST(Suite, CollectsFeatureFilesWithTheirFolders) {
  quiver::testing::TempDir dir;
  std::filesystem::create_directories(dir.Sub("root/a/b"));
  quiver::testing::WriteFile(dir.Sub("root/a/b/Two.feature"), "Feature: x\n");
  quiver::testing::WriteFile(dir.Sub("root/a/One.feature"), "Feature: x\n");
  quiver::testing::WriteFile(dir.Sub("root/a/notes.txt"), "no\n");
  auto files = CollectFeatureFiles({dir.Sub("root"), dir.Sub("root/a/One.feature")});
  ASSERT_TRUE(files.ok()) << files.status();
  ASSERT_EQ(files->size(), 3u);
  EXPECT_EQ((*files)[0].folder, "a");
  EXPECT_EQ((*files)[0].relative, "a/One.feature");
  EXPECT_EQ((*files)[1].folder, "a/b");
  EXPECT_EQ((*files)[2].folder, "a");  // A file counts under its parent's name.
  EXPECT_TRUE(absl::IsNotFound(CollectFeatureFiles({dir.Sub("absent")}).status()));
}

TEST(Suite, FloorsFailFoldersBelowThem) {
  auto floors = ParseFloors("# comment\nclauses/match 3\n\nexpr 0  # trailing\nmissing 1\n");
  ASSERT_TRUE(floors.ok()) << floors.status();
  EXPECT_EQ(floors->size(), 3u);
  std::map<std::string, Tally> tallies;
  tallies["clauses/match"].passed = 2;
  tallies["expr"].failed = 5;
  auto below = CheckFloors(*floors, tallies);
  ASSERT_EQ(below.size(), 2u);
  EXPECT_EQ(below[0], "clauses/match: 2 passed, below the floor of 3");
  tallies["clauses/match"].passed = 3;
  tallies["missing"].passed = 1;
  EXPECT_TRUE(CheckFloors(*floors, tallies).empty());
  EXPECT_FALSE(ParseFloors("x y\n").ok());
  EXPECT_FALSE(ParseFloors("x 1 2\n").ok());
}

TEST(Suite, ReadsTierListsFromAReadme) {
  auto tiers = ParseTiers(
      "# Title\n- `not/Listed.feature` (1)\n## Tier 1: core\n- `a/A1.feature` (3)\n"
      "## Tier 2: more\n- `b/B1.feature` (0)\ntext\n## Other\n- `c/C.feature` (1)\n");
  EXPECT_EQ(tiers.size(), 2u);
  EXPECT_EQ(tiers["a/A1.feature"], "Tier 1");
  EXPECT_EQ(tiers["b/B1.feature"], "Tier 2");
}

}  // namespace
}  // namespace quiver::tck
