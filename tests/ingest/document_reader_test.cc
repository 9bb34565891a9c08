#include "ingest/document_reader.h"

#include <gtest/gtest.h>

namespace quiver::ingest {
namespace {

TEST(DocumentReader, SkipsBinaryInvalidAndEmptyWithReasons) {
  ReadResult r;
  ParseContent("a.txt", std::string("ab\0cd", 5), &r);
  ParseContent("b.txt", "caf\xC3(", &r);
  ParseContent("c.txt", "  \n ", &r);
  ASSERT_EQ(r.skipped.size(), 3u);
  EXPECT_EQ(r.skipped[0].path, "a.txt");
  EXPECT_NE(r.skipped[0].reason.find("binary"), std::string::npos);
  EXPECT_NE(r.skipped[1].reason.find("invalid UTF-8 at byte 3"), std::string::npos);
  EXPECT_NE(r.skipped[2].reason.find("empty"), std::string::npos);
  EXPECT_TRUE(r.documents.empty());
}

TEST(DocumentReader, HtmlDropsScriptsStylesAndNavigation) {
  std::string title;
  std::string text = HtmlToText(
      "<html><head><title>Talks</title><style>p{}</style></head><body><nav>Home</nav>"
      "<p>The envoy met the mayor.</p><script>var x;</script></body></html>",
      &title);
  EXPECT_EQ(title, "Talks");
  EXPECT_NE(text.find("The envoy met the mayor."), std::string::npos);
  EXPECT_EQ(text.find("Home"), std::string::npos);
  EXPECT_EQ(text.find("var x"), std::string::npos);
}

TEST(DocumentReader, JsonLinesKeepTitleUrlDateAndReportBadLines) {
  ReadResult r;
  ParseContent("news.jsonl",
               "{\"id\":\"7\",\"title\":\"T\",\"text\":\"Body.\",\"url\":\"http://x\",\"date\":\"2020-01-02\"}\n"
               "not json\n",
               &r);
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].source, "news.jsonl#7");
  EXPECT_EQ(r.documents[0].url, "http://x");
  EXPECT_EQ(r.documents[0].date, "2020-01-02");
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0].path, "news.jsonl:2");
}

TEST(DocumentReader, MissingPathIsReportedAndTheRunGoesOn) {
  ReadResult r = ReadInputs({"/nonexistent/quiver/file.txt"});
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0].reason, "does not exist");
}

TEST(DocumentReader, DeeplyNestedHtmlIsReadWithoutRecursion) {
  std::string html = "<html><head><title>Deep</title></head><body>";
  for (int i = 0; i < 50000; ++i) html += "<span>";
  html += "The envoy met the mayor.";
  html += "</body></html>";
  std::string title;
  std::string text = HtmlToText(html, &title);
  EXPECT_EQ(title, "Deep");
  EXPECT_NE(text.find("The envoy met the mayor."), std::string::npos) << text.substr(0, 200);
}

TEST(DocumentReader, AnOverLargeJsonLinesRecordIsSkippedWithItsSize) {
  ReadResult r;
  std::string big = "{\"text\": \"" + std::string(kMaxDocumentBytes, 'a') + "\"}\n";
  ParseContent("news.jsonl", big + "{\"text\": \"Norway won.\"}\n", &r);
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0].path, "news.jsonl:1");
  EXPECT_NE(r.skipped[0].reason.find("too large"), std::string::npos) << r.skipped[0].reason;
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].text, "Norway won.");
}

TEST(DocumentReader, HtmlNestedPastTheLimitIsSkippedWithTheReason) {
  // 200,000 nested <div>s kept gumbo busy for 213 s.
  std::string html = "<html><body>";
  for (int i = 0; i < 200000; ++i) html += "<div>";
  html += "Norway met Sweden.</body></html>";
  ReadResult r;
  ParseContent("deep.html", html, &r);
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_NE(r.skipped[0].reason.find("nests elements more than 2000 deep"), std::string::npos)
      << r.skipped[0].reason;
  EXPECT_TRUE(r.documents.empty());
}

}  // namespace
}  // namespace quiver::ingest
