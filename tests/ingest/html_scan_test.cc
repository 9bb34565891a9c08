#include "ingest/internal/html_scan.h"

#include <gtest/gtest.h>

#include <string>

namespace quiver::ingest {
namespace {

TEST(HtmlScan, NestingCountsOpenElementsNotVoidOnesCommentsOrScripts) {
  EXPECT_EQ(HtmlNestingEstimate("<html><body><p>a<br>b<img src=x/></p></body></html>"), 3u);
  EXPECT_EQ(HtmlNestingEstimate("<div><!-- <div><div> --><script>if (a<b) x='<div>';</script></div>"),
            2u);
  EXPECT_EQ(HtmlNestingEstimate("a < b and <3"), 0u);
}

TEST(HtmlScan, StrayEndTagsDoNotHideDepth) {
  // A parser ignores </x> when no <x> is open: the <div>s stay open.
  std::string html;
  for (int i = 0; i < 100; ++i) html += "<div></x>";
  EXPECT_EQ(HtmlNestingEstimate(html), 100u);
  // </div> closes the <div> under the unclosed <p>.
  EXPECT_EQ(HtmlNestingEstimate("<div><p>a</div><div><p>b</div>"), 2u);
}

TEST(HtmlScan, StripKeepsTextBlocksTitleAndCommonReferences) {
  std::string title;
  std::string text = StripHtmlTags(
      "<!DOCTYPE html><title>Port &amp; town</title><style>p{}</style>"
      "<p>Fish &lt;3 caf\xC3\xA9</p><div>Next</div><!-- gone --><b>bold</b> &copy;",
      &title);
  EXPECT_EQ(title, "Port & town");
  EXPECT_EQ(text, "\nFish <3 caf\xC3\xA9\n\nNext\nbold &copy;");
}

}  // namespace
}  // namespace quiver::ingest
