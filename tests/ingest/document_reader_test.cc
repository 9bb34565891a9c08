#include "ingest/document_reader.h"

#include "ingest/document_reader_dates.h"

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

// The date of the one document `bytes` read as `path` gives ("" for none).
std::string DateOf(const std::string& path, const std::string& bytes) {
  ReadResult r;
  ParseContent(path, bytes, &r);
  EXPECT_EQ(r.documents.size(), 1u) << path;
  return r.documents.empty() ? "?" : r.documents[0].date;
}

TEST(DocumentDates, NormalisesTheWaysDocumentsWriteDates) {
  EXPECT_EQ(NormalizeDocumentDate("2016-10-11"), "2016-10-11");
  EXPECT_EQ(NormalizeDocumentDate("2016/10/11"), "2016-10-11");
  EXPECT_EQ(NormalizeDocumentDate("2016-10-11T14:30:00Z"), "2016-10-11T14:30:00+00:00");
  EXPECT_EQ(NormalizeDocumentDate("2016-10-11T14:30:00.123+0200"), "2016-10-11T14:30:00+02:00");
  EXPECT_EQ(NormalizeDocumentDate("2016-10-11T14:30:00"), "2016-10-11");  // No offset: the day.
  EXPECT_EQ(NormalizeDocumentDate("11 October 2016"), "2016-10-11");
  EXPECT_EQ(NormalizeDocumentDate("October 11, 2016"), "2016-10-11");
  EXPECT_EQ(NormalizeDocumentDate("Oct. 11, 2016"), "2016-10-11");
  EXPECT_EQ(NormalizeDocumentDate("July 06, 2011"), "2011-07-06");
  EXPECT_EQ(NormalizeDocumentDate("Tuesday, 11 October 2016"), "2016-10-11");
  EXPECT_EQ(NormalizeDocumentDate("Tue, 11 Oct 2016 14:30:00 GMT"), "2016-10-11T14:30:00+00:00");
  EXPECT_EQ(NormalizeDocumentDate("October 11, 2016 at 3:02 pm ET"), "2016-10-11");
  EXPECT_EQ(NormalizeDocumentDate("Oct 11 2016 15:02 +0100"), "2016-10-11T15:02:00+01:00");
  for (const char* bad : {"", "yesterday", "2016-02-30", "31 June 2016", "October 2016",
                          "11/10/2016", "2016-10-11 garbage here", "Smarch 3, 2016", "0000-01-01"}) {
    EXPECT_EQ(NormalizeDocumentDate(bad), std::nullopt) << bad;
  }
}

TEST(DocumentDates, HtmlMetaWinsOverTimeElements) {
  EXPECT_EQ(DateOf("a.html",
                   "<html><head><meta property=\"article:published_time\" "
                   "content=\"2016-10-11T09:00:00+02:00\"><meta name=\"date\" content=\"2016-01-01\">"
                   "</head><body><time datetime=\"2015-05-05\">then</time><p>Putin met Hollande.</p>"
                   "</body></html>"),
            "2016-10-11T09:00:00+02:00");
  EXPECT_EQ(DateOf("b.html", "<html><head><meta property=\"og:published_time\" content=\"2016-10-12\">"
                             "</head><body><p>Putin met Hollande.</p></body></html>"),
            "2016-10-12");
  EXPECT_EQ(DateOf("c.html", "<html><body><p>Putin met Hollande.</p><span itemprop=\"x\"></span>"
                             "<meta itemprop=\"datePublished\" content=\"2013-09-18\"></body></html>"),
            "2013-09-18");
  EXPECT_EQ(DateOf("d.html",
                   "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                   "\"datePublished\": \"2011-07-06T10:00:00Z\"}</script></head><body>"
                   "<p>Juppe spoke.</p></body></html>"),
            "2011-07-06T10:00:00+00:00");
  EXPECT_EQ(DateOf("e.html", "<html><body><p>Posted <time datetime=\"2012-06-01\">June 1</time>."
                             " Putin met Hollande.</p></body></html>"),
            "2012-06-01");
  EXPECT_EQ(DateOf("f.html", "<html><body><p>Putin met Hollande.</p></body></html>"), "");
}

TEST(DocumentDates, AHugeJsonLdScriptIsReadWithoutRecursion) {
  // libstdc++'s std::regex recursed once per character of such a value.
  const std::string html = "<html><head><script type=\"application/ld+json\">{\"datePublished\": \"" +
                           std::string(4 << 20, '1') + "\"}</script></head><body><p>Putin spoke.</p>" +
                           "</body></html>";
  EXPECT_EQ(DateOf("big.html", html), "");
}

TEST(DocumentDates, MarkdownFrontMatterGivesTheDateAndIsNotText) {
  ReadResult r;
  ParseContent("a.md", "---\ntitle: Talks\ndate: \"2016-10-11\"\n---\n# Talks\n\nPutin met Hollande.\n",
               &r);
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].date, "2016-10-11");
  EXPECT_EQ(r.documents[0].text.find("date:"), std::string::npos) << r.documents[0].text;
  EXPECT_EQ(r.documents[0].title, "Talks");
  // Without front matter, a date line under the heading, as in the corpus.
  EXPECT_EQ(DateOf("b.md", "# Paris Says Russia Reviewing Syria Stance\n\nJuly 06, 2011\n\nJuppe spoke.\n"),
            "2011-07-06");
}

TEST(DocumentDates, PlainTextDatelinesAndPublishedLines) {
  EXPECT_EQ(DateOf("a.txt", "Talks end in clash\n\nAlex Lantier\n\n18 September 2013\n\nFabius met Lavrov.\n"),
            "2013-09-18");
  EXPECT_EQ(DateOf("b.txt", "Talks\nUpdated: October 12, 2016\nPublished: October 11, 2016\nPutin spoke.\n"),
            "2016-10-11");
  EXPECT_EQ(DateOf("c.txt", "Talks\nUpdated October 12, 2016\nPutin spoke.\n"), "2016-10-12");
  EXPECT_EQ(DateOf("d.txt", "PARIS, Oct. 11, 2016 \xE2\x80\x94 Putin cancelled his visit.\n"),
            "2016-10-11");
  EXPECT_EQ(DateOf("e.txt", "Putin cancelled his visit.\nHe had planned it for months.\n"), "");
  // A date in the body, past the first lines, is no publication date.
  std::string late = "Talks\n";
  for (int i = 0; i < 10; ++i) late += "Putin spoke.\n";
  EXPECT_EQ(DateOf("f.txt", late + "October 11, 2016\n"), "");
}

TEST(DocumentDates, AMalformedDateWarnsNamingTheFileAndKeepsTheDocumentUndated) {
  ReadResult r;
  ParseContent("bad.txt", "Talks\nPublished: 31 June 2016\nPutin spoke.\n", &r);
  ParseContent("news.jsonl", "{\"id\":\"3\",\"text\":\"Putin spoke.\",\"date\":\"last Tuesday\"}\n", &r);
  ASSERT_EQ(r.documents.size(), 2u);
  EXPECT_EQ(r.documents[0].date, "");
  EXPECT_EQ(r.documents[1].date, "");
  ASSERT_EQ(r.warnings.size(), 2u);
  EXPECT_EQ(r.warnings[0].path, "bad.txt");
  EXPECT_NE(r.warnings[0].reason.find("\"31 June 2016\""), std::string::npos) << r.warnings[0].reason;
  EXPECT_EQ(r.warnings[1].path, "news.jsonl:1");
}

TEST(DocumentDates, JsonLinesDatesAreNormalised) {
  ReadResult r;
  ParseContent("news.jsonl", "{\"text\":\"Putin spoke.\",\"date\":\"October 11, 2016\"}\n", &r);
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].date, "2016-10-11");
}

TEST(DocumentDates, DefaultDateFillsOnlyUndatedDocuments) {
  std::vector<SourceDocument> docs(2);
  docs[0].date = "2011-07-06";
  FillMissingDates("2016-10-11", &docs);
  EXPECT_EQ(docs[0].date, "2011-07-06");
  EXPECT_EQ(docs[1].date, "2016-10-11");
  EXPECT_EQ(CheckDateOption("2016-10-11"), "");
  EXPECT_NE(CheckDateOption("2016-02-30"), "");
  EXPECT_NE(CheckDateOption("11 October 2016"), "");
}

}  // namespace
}  // namespace quiver::ingest
