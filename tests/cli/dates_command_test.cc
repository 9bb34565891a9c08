// Dated documents end to end: `quiver ingest` finds or is given each
// document's date, `quiver stats` shows the range, queries filter facts by
// when they were seen, and a bad date is a warning or an error, never a crash.

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

using ::quiver::testing::CommandResult;
using ::quiver::testing::RunQuiver;
using ::quiver::testing::TempDir;
using ::quiver::testing::WriteFile;

TEST(DatesCommand, FoundAndGivenDatesDateTheFactsAndShowInStats) {
  TempDir dir;
  const std::string store = dir.Sub("g");
  WriteFile(dir.Sub("a.txt"),
            "Putin cancels trip\nPublished: October 12, 2016\n\n"
            "Russian President Vladimir Putin cancelled his visit to Paris on Tuesday.\n");
  WriteFile(dir.Sub("b.txt"), "Juppe in Moscow\n\nFrance criticised Russia last week.\n");
  CommandResult r = RunQuiver(absl::StrCat("ingest ", store, " ", dir.Sub("a.txt"), " ",
                                           dir.Sub("b.txt"), " --date 2011-07-06"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunQuiver("stats " + store);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("dated      2 (2011-07-06 to 2016-10-12)"), std::string::npos) << r.out;

  r = RunQuiver(absl::StrCat(
      "query ", store,
      " \"MATCH (a)-[r]->(b) WHERE r.first_seen >= date('2016-10-01') "
      "RETURN a.name AS who, type(r) AS did, r.first_seen AS day\""));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Vladimir Putin"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2016-10-11"), std::string::npos) << r.out;  // "on Tuesday"
  EXPECT_EQ(r.out.find("France"), std::string::npos) << r.out;      // 2011: filtered out

  r = RunQuiver(absl::StrCat("query ", store,
                             " \"MATCH (a {name: 'France'})-[r]->() RETURN r.first_seen, r.last_seen\""));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // "last week" before 2011-07-06 (a Wednesday): Monday 27 June to Sunday 3 July.
  EXPECT_NE(r.out.find("2011-06-27"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2011-07-03"), std::string::npos) << r.out;
  EXPECT_EQ(RunQuiver("check " + store).exit_code, 0);
}

TEST(DatesCommand, AMalformedDateIsAWarningNamingTheFile) {
  TempDir dir;
  const std::string store = dir.Sub("g");
  const std::string bad = dir.Sub("bad.txt");
  WriteFile(bad, "Talks\nPublished: 31 June 2016\n\nFrance criticised Russia.\n");
  CommandResult r = RunQuiver(absl::StrCat("ingest ", store, " ", bad));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(absl::StrCat("warning: ", bad, ": date \"31 June 2016\"")), std::string::npos)
      << r.err;
  r = RunQuiver("stats " + store);
  EXPECT_NE(r.out.find("dated      0\n"), std::string::npos) << r.out;
}

TEST(DatesCommand, ABadDateOptionIsRefused) {
  TempDir dir;
  WriteFile(dir.Sub("a.txt"), "France criticised Russia.\n");
  for (const char* date : {"2016-02-30", "11/10/2016", "yesterday"}) {
    CommandResult r = RunQuiver(absl::StrCat("ingest ", dir.Sub("g"), " ", dir.Sub("a.txt"),
                                             " --date '", date, "'"));
    EXPECT_NE(r.exit_code, 0) << date;
    EXPECT_NE(r.err.find("YYYY-MM-DD"), std::string::npos) << r.err;
    r = RunQuiver(absl::StrCat("extract ", dir.Sub("a.txt"), " --date '", date, "'"));
    EXPECT_NE(r.exit_code, 0) << date;
  }
}

}  // namespace
}  // namespace quiver
