#include "tests/tck/gherkin.h"

#include "gtest/gtest.h"

namespace quiver::tck {
namespace {

constexpr char kFeature[] = R"(# a comment
@featuretag
Feature: Widgets
  Some description text.

  Background:
    Given a clean slate

  Scenario: [1] plain one
    Given nothing
    When executing query:
      """
      RETURN 1
        AS x
      """
    Then the result should be, in any order:
      | x  |
      | 1  |
      | 'a\|b' |
    And no side effects

  @skip
  Scenario Outline: [2] outline <what>
    When executing query:
      """
      RETURN <value> AS v
      """
    Then the result should be:
      | v       |
      | <value> |

    Examples:
      | what  | value |
      | one   | 1     |
      | two   | 2     |
)";

TEST(Gherkin, ParsesFeatureBackgroundScenariosAndTags) {
  auto f = ParseFeature(kFeature, "w.feature");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_EQ(f->name, "Widgets");
  EXPECT_EQ(f->tags, std::vector<std::string>{"@featuretag"});
  ASSERT_EQ(f->background.size(), 1u);
  EXPECT_EQ(f->background[0].text, "a clean slate");
  ASSERT_EQ(f->scenarios.size(), 2u);
  EXPECT_FALSE(f->scenarios[0].outline);
  EXPECT_TRUE(f->scenarios[1].outline);
  EXPECT_EQ(f->scenarios[1].tags, std::vector<std::string>{"@skip"});
  EXPECT_EQ(f->scenarios[0].line, 9);
}

TEST(Gherkin, DocStringLosesTheDelimiterIndentationOnly) {
  auto f = ParseFeature(kFeature, "w.feature");
  ASSERT_TRUE(f.ok()) << f.status();
  const Step& when = f->scenarios[0].steps[1];
  EXPECT_EQ(when.keyword, "When");
  EXPECT_EQ(when.text, "executing query:");
  ASSERT_TRUE(when.doc_string.has_value());
  EXPECT_EQ(*when.doc_string, "RETURN 1\n  AS x");
}

TEST(Gherkin, TableCellsAreTrimmedAndUnescaped) {
  auto f = ParseFeature(kFeature, "w.feature");
  ASSERT_TRUE(f.ok()) << f.status();
  const Step& then = f->scenarios[0].steps[2];
  ASSERT_TRUE(then.table.has_value());
  ASSERT_EQ(then.table->size(), 3u);
  EXPECT_EQ((*then.table)[0], std::vector<std::string>{"x"});
  EXPECT_EQ((*then.table)[2], std::vector<std::string>{"'a|b'"});
}

TEST(Gherkin, SplitTableRowHandlesEscapesAndEmptyRows) {
  EXPECT_EQ(SplitTableRow(R"(| a\\b | c\nd | \x |)"),
            (std::vector<std::string>{"a\\b", "c\nd", "\\x"}));
  EXPECT_TRUE(SplitTableRow("|").empty());
  EXPECT_EQ(SplitTableRow("|  |"), std::vector<std::string>{""});
}

TEST(Gherkin, ExpandsOutlinesOneScenarioPerExampleRow) {
  auto f = ParseFeature(kFeature, "w.feature");
  ASSERT_TRUE(f.ok()) << f.status();
  auto scenarios = ExpandFeature(*f);
  ASSERT_TRUE(scenarios.ok()) << scenarios.status();
  ASSERT_EQ(scenarios->size(), 3u);
  const Scenario& plain = (*scenarios)[0];
  EXPECT_EQ(plain.steps.size(), 5u);  // Background step first.
  EXPECT_EQ(plain.steps[0].text, "a clean slate");
  const Scenario& two = (*scenarios)[2];
  EXPECT_EQ(two.name, "[2] outline two");
  EXPECT_EQ(two.line, 35);  // The Examples row.
  EXPECT_EQ(*two.steps[1].doc_string, "RETURN 2 AS v");
  EXPECT_EQ((*two.steps[2].table)[1], std::vector<std::string>{"2"});
  EXPECT_EQ(two.tags, (std::vector<std::string>{"@featuretag", "@skip"}));
}

TEST(Gherkin, UnknownPlaceholdersStay) {
  EXPECT_EQ(SubstitutePlaceholders("a <x> <y> <", {"x"}, {"1"}), "a 1 <y> <");
}

TEST(Gherkin, ErrorsNameFileAndLine) {
  auto unterminated = ParseFeature("Feature: f\n  Scenario: s\n    When q:\n      \"\"\"\n  x\n",
                                   "bad.feature");
  ASSERT_FALSE(unterminated.ok());
  EXPECT_NE(std::string(unterminated.status().message()).find("bad.feature:4"),
            std::string::npos)
      << unterminated.status();
  auto stray = ParseFeature("Feature: f\n  Given x\n", "s.feature");
  ASSERT_FALSE(stray.ok());
  EXPECT_NE(std::string(stray.status().message()).find("s.feature:2"), std::string::npos);
  auto ragged = ParseFeature(
      "Feature: f\n Scenario Outline: o\n  When <a>\n  Examples:\n   | a |\n   | 1 | 2 |\n",
      "r.feature");
  EXPECT_FALSE(ragged.ok());
  EXPECT_FALSE(ParseFeature("no feature here", "n.feature").ok());
}

}  // namespace
}  // namespace quiver::tck
