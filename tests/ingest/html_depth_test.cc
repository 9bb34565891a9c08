#include "ingest/html_depth.h"

#include <string>

#include <gtest/gtest.h>

namespace quiver::ingest {
namespace {

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(HtmlDepth, CountsOpenElements) {
  EXPECT_EQ(HtmlNestingDepth("<html><body><div><span>x</span></div></body></html>"), 2);
  EXPECT_EQ(HtmlNestingDepth("<div><div><div>x</div></div></div><div>y</div>"), 3);
}

TEST(HtmlDepth, VoidOptionalEndAndSelfClosedTagsDoNotNest) {
  EXPECT_EQ(HtmlNestingDepth(Repeat("<p>x", 5000) + Repeat("<br>", 5000) +
                             Repeat("<li>a", 5000) + Repeat("<x-icon/>", 5000)),
            0);
}

TEST(HtmlDepth, AnEndTagClosesWhatWasOpenedInsideIt) {
  // <span>s left open inside the <div> are closed with it.
  EXPECT_EQ(HtmlNestingDepth(Repeat("<div>" + Repeat("<span>", 3) + "</div>", 1000)), 4);
}

TEST(HtmlDepth, StrayEndTagsDoNotHideDepth) {
  // The parser ignores </span> with no <span> open: the <div>s stay open.
  const std::string page = Repeat("<div>", 30) + Repeat("</span>", 30) + Repeat("<div>", 30);
  EXPECT_EQ(HtmlNestingDepth(page), 60);
}

TEST(HtmlDepth, ScriptsAndCommentsAreNotMarkup) {
  EXPECT_EQ(HtmlNestingDepth("<script>" + Repeat("<div>", 100) + "</script><!--" +
                             Repeat("<div>", 100) + "--><div>x</div>"),
            1);
}

TEST(HtmlDepth, StopsCountingPastTheLimit) {
  EXPECT_EQ(HtmlNestingDepth(Repeat("<div>", 100000), 10), 11);
}

}  // namespace
}  // namespace quiver::ingest
