// quiver diagram and quiver export end to end, and the HTML diagram in a
// real browser (headless Chromium; skipped when it is not installed).

#include <fstream>
#include <regex>

#include "gtest/gtest.h"
#include "tests/render/tricky_store.h"
#include "tests/test_support.h"

namespace quiver::render {
namespace {

using ::quiver::testing::ReadFile;
using ::quiver::testing::RunHeadlessChromium;
using ::quiver::testing::RunQuiver;
using ::quiver::testing::TempDir;
using ::quiver::testing::WriteFile;

class DiagramCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = dir_.Sub("store");
    testing::TrickyStore(store_, /*in_memory=*/false);  // Closed on return.
  }
  TempDir dir_;
  std::string store_;
};

TEST_F(DiagramCommand, SvgAroundANameHasItsNeighbourhood) {
  auto r = RunQuiver("diagram " + store_ + " --around Plain --depth 1 -o " + dir_.Sub("d.svg"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("2 nodes, 1 edges, layout dot"), std::string::npos) << r.err;
  std::string svg = ReadFile(dir_.Sub("d.svg"));
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("Plain"), std::string::npos);
  EXPECT_NE(svg.find("back\\slash;semi,comma"), std::string::npos);
  EXPECT_EQ(svg.find("Ελλάδα"), std::string::npos);  // Not connected.
}

TEST_F(DiagramCommand, SameInputSameBytes) {
  std::string a = dir_.Sub("a.dot"), b = dir_.Sub("b.dot");
  ASSERT_EQ(RunQuiver("diagram " + store_ + " --around 東京 --depth 2 -o " + a).exit_code, 0);
  ASSERT_EQ(RunQuiver("diagram " + store_ + " --around 東京 --depth 2 -o " + b).exit_code, 0);
  EXPECT_EQ(ReadFile(a), ReadFile(b));
  EXPECT_NE(ReadFile(a).find("digraph quiver"), std::string::npos);
}

TEST_F(DiagramCommand, ErrorsSayWhatIsWrong) {
  auto r = RunQuiver("diagram " + store_ + " --around Nobody -o " + dir_.Sub("x.svg"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no node is named 'Nobody'"), std::string::npos) << r.err;
  r = RunQuiver("diagram " + store_ + " --around Plain -o " + dir_.Sub("x.gif"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("unknown diagram format 'gif'"), std::string::npos) << r.err;
  r = RunQuiver("diagram " + store_ + " -o " + dir_.Sub("x.svg"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("say what to draw"), std::string::npos) << r.err;
  r = RunQuiver("diagram " + store_ + " --around Plain --layout circo -o " + dir_.Sub("x.svg"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("unknown layout 'circo'"), std::string::npos) << r.err;
}

TEST_F(DiagramCommand, QueryResultIsDrawnAndAnEmptyOneSaysSo) {
  auto r = RunQuiver("diagram " + store_ + " 'MATCH (a)-[r:greet]->(b) RETURN a, r, b' -o " +
                  dir_.Sub("q.svg"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("3 nodes, 2 edges"), std::string::npos) << r.err;
  std::string svg = ReadFile(dir_.Sub("q.svg"));
  EXPECT_NE(svg.find("東京"), std::string::npos);
  EXPECT_NE(svg.find("line one"), std::string::npos);
  EXPECT_NE(svg.find("greet ×2"), std::string::npos);  // The fact stated twice.
  r = RunQuiver("diagram " + store_ + " 'MATCH (a {name: \"Nobody\"}) RETURN a' -o " +
             dir_.Sub("e.svg"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nothing to draw: the query returned no rows"), std::string::npos) << r.err;
  r = RunQuiver("diagram " + store_ + " 'MATCH (a) RETURN a.name' -o " + dir_.Sub("e.svg"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no nodes, relationships or paths"), std::string::npos) << r.err;
  EXPECT_FALSE(std::ifstream(dir_.Sub("e.svg")).good());  // Nothing written.
}

TEST_F(DiagramCommand, CapIsReported) {
  auto r = RunQuiver("diagram " + store_ + " --around Ελλάδα --depth 3 --max-nodes 2 -o " +
                  dir_.Sub("c.svg"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("kept 2 of 4 nodes (2 left out"), std::string::npos) << r.err;
}

TEST_F(DiagramCommand, ExportWritesEveryFormat) {
  for (const char* f : {"graphml", "dot", "ntriples", "jsonl"}) {
    std::string out = dir_.Sub(std::string("g.") + f);
    auto r = RunQuiver("export " + store_ + " --format " + f + " -o " + out);
    ASSERT_EQ(r.exit_code, 0) << f << ": " << r.err;
    EXPECT_NE(r.err.find("exported 6 nodes and 4 edges"), std::string::npos) << r.err;
    EXPECT_NE(ReadFile(out).find("東京"), std::string::npos) << f;
  }
  auto r = RunQuiver("export " + store_ + " --format csv -o " + dir_.Sub("csv"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(ReadFile(dir_.Sub("csv/nodes.csv")).find("id:ID"), std::string::npos);
  r = RunQuiver("export " + store_ + " --format xml -o " + dir_.Sub("x"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("unknown export format 'xml'"), std::string::npos);
}

std::vector<std::string> ConsoleLines(const std::string& err) {
  std::vector<std::string> lines;
  std::regex console(":CONSOLE[(:]");
  size_t pos = 0;
  while (pos < err.size()) {
    size_t eol = err.find('\n', pos);
    if (eol == std::string::npos) eol = err.size();
    std::string line = err.substr(pos, eol - pos);
    if (std::regex_search(line, console)) lines.push_back(line);
    pos = eol + 1;
  }
  return lines;
}

TEST(Chromium, ConsoleErrorsAreSeen) {
  // The check below is only worth something if a broken page trips it.
  TempDir dir;
  WriteFile(dir.Sub("bad.html"), "<!DOCTYPE html><html><body><script>nosuch();</script></body></html>");
  ::quiver::testing::CommandResult r;
  if (!RunHeadlessChromium("file://" + dir.Sub("bad.html"), &r))
    GTEST_SKIP() << "chromium not installed";
  EXPECT_FALSE(ConsoleLines(r.err).empty()) << r.err;
}

TEST_F(DiagramCommand, HtmlLoadsInChromiumWithEvidenceAndNoConsoleError) {
  std::string html = dir_.Sub("d.html");
  auto q = RunQuiver("diagram " + store_ + " --around 'Say \"hi\", <friend> & '\\''co'\\''' -o " +
                     html);
  ASSERT_EQ(q.exit_code, 0) << q.err;
  std::string page = ReadFile(html);
  EXPECT_EQ(page.find("src="), std::string::npos);  // Self-contained: nothing to fetch.
  EXPECT_EQ(page.find("href=\"http"), std::string::npos);
  // The edge to 東京, stated twice: open the page on it.
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page, m, std::regex("\"(e[0-9]+)\":\\{\"evidence\":\\[\"Hi Tokyo")))
      << page;
  ::quiver::testing::CommandResult r;
  if (!RunHeadlessChromium("file://" + html + "#" + m[1].str(), &r))
    GTEST_SKIP() << "chromium not installed";
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(ConsoleLines(r.err).empty()) << r.err;
  EXPECT_NE(r.out.find("data-ready=\"1\""), std::string::npos) << r.out;  // The script ran.
  EXPECT_NE(r.out.find("<li>Hi Tokyo.</li><li>Hi again, Tokyo.</li>"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("東京"), std::string::npos);
}

}  // namespace
}  // namespace quiver::render
