// quiver timeline and quiver diagram --from/--to end to end, and the HTML
// timeline in a real browser (headless Chromium; skipped when it is not
// installed).

#include <fstream>
#include <regex>

#include "gtest/gtest.h"
#include "tests/render/dated_store.h"
#include "tests/test_support.h"

namespace quiver::render {
namespace {

using ::quiver::testing::ReadFile;
using ::quiver::testing::RunHeadlessChromium;
using ::quiver::testing::RunQuiver;
using ::quiver::testing::TempDir;

class TimelineCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = dir_.Sub("store");
    testing::DatedStore(store_, /*in_memory=*/false);  // Closed on return.
  }
  ::quiver::testing::CommandResult Run(const std::string& args) {
    return RunQuiver("timeline " + store_ + " " + args);
  }
  TempDir dir_;
  std::string store_;
};

TEST_F(TimelineCommand, SvgOfAnEntityFoundByAnotherSpelling) {
  auto r = Run("'FRANCOIS  hollande' -o " + dir_.Sub("t.svg"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("(4 dated facts, 2 lanes)"), std::string::npos) << r.err;
  std::string svg = ReadFile(dir_.Sub("t.svg"));
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find(">Berlin</text>"), std::string::npos);
  EXPECT_NE(svg.find(">2016-01</text>"), std::string::npos);
}

TEST_F(TimelineCommand, SameStoreSameBytes) {
  for (const char* ext : {"svg", "html", "png", "pdf"}) {
    std::string a = dir_.Sub(std::string("a.") + ext),
                b = dir_.Sub(std::string("b.") + ext);
    ASSERT_EQ(Run("'François Hollande' -o " + a).exit_code, 0) << ext;
    ASSERT_EQ(Run("'François Hollande' -o " + b).exit_code, 0) << ext;
    EXPECT_EQ(ReadFile(a), ReadFile(b)) << ext;
    EXPECT_GT(ReadFile(a).size(), 1000u) << ext;
  }
}

TEST_F(TimelineCommand, ErrorsSayWhatIsWrong) {
  std::string out = " -o " + dir_.Sub("x.svg");
  struct Case {
    std::string args, message;
  } cases[] = {
      {"Nobody" + out, "quiver: no node is named 'Nobody'"},
      {"Paris" + out, "quiver: 'Paris' names 2 nodes: #"},
      {"Cheese" + out, "has no dated facts: none of its statements has a time"},
      {"'François Hollande' --from 2016-02-30" + out,
       "from: '2016-02-30' is not a date"},
      {"'François Hollande' --to yesterday" + out,
       "to: 'yesterday' is not a date"},
      {"'François Hollande' --from 2017-01-01 --to 2016-01-01" + out,
       "is after to"},
      {"'François Hollande' --from 2030-01-01" + out,
       "no dated facts from 2030-01-01"},
      {"'François Hollande' --lanes colour" + out, "unknown lanes 'colour'"},
      {"'François Hollande' -o " + dir_.Sub("x.gif"),
       "unknown timeline format 'gif'"},
      {"--id 1 Berlin" + out, "give either a NAME or --id"},
  };
  for (const auto& c : cases) {
    auto r = Run(c.args);
    EXPECT_EQ(r.exit_code, 1) << c.args;
    EXPECT_NE(r.err.find(c.message), std::string::npos)
        << c.args << ": " << r.err;
  }
  EXPECT_FALSE(std::ifstream(dir_.Sub("x.svg")).good());  // Nothing written.
}

TEST_F(TimelineCommand, CapIsReported) {
  auto r = Run("'François Hollande' --max-items 3 -o " + dir_.Sub("c.svg"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(
                "kept the earliest 3 of 4 dated facts (1 later ones left out)"),
            std::string::npos)
      << r.err;
}

TEST_F(TimelineCommand, DiagramFromToKeepsEdgesSeenInRange) {
  auto r = RunQuiver("diagram " + store_ +
                     " --around 'François Hollande' --from 2017-01-01 -o " +
                     dir_.Sub("d.dot"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Only meet (seen 2016-10-11 .. 2017-12-31) reaches 2017; visit, criticise
  // and the undated like are left out, and so is Cheese with them.
  EXPECT_NE(r.err.find("2 nodes, 1 edges"), std::string::npos) << r.err;
  EXPECT_NE(
      r.err.find("3 edge(s) undated or seen outside --from/--to left out"),
      std::string::npos)
      << r.err;
  std::string dot = ReadFile(dir_.Sub("d.dot"));
  EXPECT_NE(dot.find("meet"), std::string::npos);
  EXPECT_EQ(dot.find("Cheese"), std::string::npos);
  r = RunQuiver("diagram " + store_ +
                " 'MATCH (a)-[r]->(b) RETURN a, r, b' --to 2016-03-15 -o " +
                dir_.Sub("q.dot"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("2 nodes, 1 edges"), std::string::npos)
      << r.err;  // The visit.
  r = RunQuiver("diagram " + store_ + " --around Cheese --from 2016-01-01 -o " +
                dir_.Sub("e.svg"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nothing to draw between 2016-01-01 and the end"),
            std::string::npos)
      << r.err;
  r = RunQuiver("diagram " + store_ + " --around Cheese --from 2016-02-30 -o " +
                dir_.Sub("e.svg"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("from: '2016-02-30' is not a date"), std::string::npos)
      << r.err;
  auto help = RunQuiver("diagram --help");
  EXPECT_NE(help.out.find("edges without dates are left out"),
            std::string::npos)
      << help.out;
}

TEST_F(TimelineCommand, HtmlLoadsInChromiumWithEvidenceAndNoConsoleError) {
  std::string html = dir_.Sub("t.html");
  auto q = Run("'François Hollande' -o " + html);
  ASSERT_EQ(q.exit_code, 0) << q.err;
  std::string page = ReadFile(html);
  EXPECT_EQ(page.find("src="),
            std::string::npos);  // Self-contained: nothing to fetch.
  EXPECT_EQ(page.find("href=\"http"), std::string::npos);
  EXPECT_EQ(page.find("<b>criticised</b>"),
            std::string::npos);  // Escaped everywhere.
  // The meeting of 2016-10-11, stated in two documents: open the page on it.
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      page, m,
      std::regex("\"(i[0-9]+)\":\\{\"evidence\":\\[\\{\"date\":\"2016-10-11\",["
                 "^}]*\"sentence\":\"Hollande met Merkel")))
      << page;
  ::quiver::testing::CommandResult r;
  if (!RunHeadlessChromium("file://" + html + "#" + m[1].str(), &r))
    GTEST_SKIP() << "chromium not installed";
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find(":CONSOLE"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("data-ready=\"1\""), std::string::npos)
      << r.out;  // The script ran.
  EXPECT_NE(
      r.out.find("<b>François Hollande —meet→ Angela Merkel (2016-10-11)</b>"),
      std::string::npos)
      << r.out;
  EXPECT_NE(
      r.out.find(
          "<li>Hollande met Merkel on Tuesday. <cite>— Talks in Berlin, "
          "2016-10-11</cite></li><li>They met on Tuesday, 11 October 2016. "
          "<cite>— later.txt, 2017-02-01</cite></li>"),
      std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace quiver::render
