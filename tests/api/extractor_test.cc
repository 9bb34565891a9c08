// quiver::Extractor (quiver/extractor.h): documents in, ingest's facts out,
// in input order, with where each document was read.

#include "quiver/extractor.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "quiver/database.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

TEST(Extractor, ExtractPathsGivesEveryArticleInOrderWithProgress) {
  ExtractorOptions options;
  options.jobs = 2;
  std::vector<ExtractProgress> progress;
  options.progress = [&](const ExtractProgress& p) { progress.push_back(p); };
  auto extractor = Extractor::Create(options);
  ASSERT_TRUE(extractor.ok()) << extractor.status();
  std::vector<ExtractionRecord> records;
  const std::string folder = testing::ExampleFile("articles");
  auto summary = (*extractor)->ExtractPaths(
      {folder, folder + "/missing.txt"},
      [&](ExtractionRecord&& r) { records.push_back(std::move(r)); });
  ASSERT_TRUE(summary.ok()) << summary.status();
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(summary->documents, 4u);
  ASSERT_EQ(summary->skipped.size(), 1u);
  EXPECT_EQ(summary->skipped[0].second, "does not exist");
  ASSERT_EQ(progress.size(), 4u);
  EXPECT_EQ(progress.back().done, 4u);
  EXPECT_EQ(progress.back().total, 4u);
  EXPECT_EQ(progress.back().sentences, summary->sentences);
  EXPECT_EQ(progress.back().triples, summary->triples);
  int64_t triples = 0;
  for (size_t i = 0; i < records.size(); ++i) {
    const ExtractionRecord& r = records[i];
    EXPECT_EQ(r.input_file, r.document.source);
    EXPECT_EQ(r.input_line, 0);
    if (i > 0) {
      EXPECT_TRUE(ExtractionOrderLess(records[i - 1], r));
    }
    EXPECT_EQ(r.document.content_hash, ContentHashHex(r.document.content));
    triples += int64_t(r.document.triples.size());
  }
  EXPECT_EQ(triples, summary->triples);
  EXPECT_GT(triples, 0);
}

TEST(Extractor, ExtractTextStoresAsDatabaseIngestDoes) {
  auto extractor = Extractor::Create();
  ASSERT_TRUE(extractor.ok()) << extractor.status();
  DocumentInput doc;
  doc.source = "note";
  doc.date = "12 October 2016";
  doc.content = "Norway rejected the proposal of Sweden on Tuesday.";
  auto extracted = (*extractor)->ExtractText(doc);
  ASSERT_TRUE(extracted.ok()) << extracted.status();
  EXPECT_EQ(extracted->date, "2016-10-12");
  ASSERT_FALSE(extracted->triples.empty());
  EXPECT_EQ(extracted->triples[0].subject, "Norway");
  EXPECT_EQ(extracted->triples[0].sentence_text, doc.content);
  EXPECT_TRUE(extracted->triples[0].qualifiers.count("time_start"));

  testing::TempDir dir;
  auto a = Database::Open(dir.Sub("a"));
  auto b = Database::Open(dir.Sub("b"));
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE((*a)->AddDocument(*extracted).ok());
  ASSERT_TRUE((*b)->Ingest(doc).ok());
  auto rows = [](Database& db) {
    auto r = db.Query("MATCH (x)-[r]->(y) RETURN x.name, type(r), y.name, r.first_seen");
    EXPECT_TRUE(r.ok());
    std::string out;
    if (r.ok()) {
      for (const ValueList& row : r->rows()) {
        for (const Value& v : row) out += v.ToString() + "\t";
        out += "\n";
      }
    }
    return out;
  };
  EXPECT_NE(rows(**a), "");
  EXPECT_EQ(rows(**a), rows(**b));
  // Same content hash: ingesting it again into the first store is a duplicate.
  auto again = (*a)->Ingest(doc);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->duplicate);

  doc.date = "the day after";
  EXPECT_EQ((*extractor)->ExtractText(doc).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(Extractor, OptionsOutOfRangeAreRefused) {
  ExtractorOptions o;
  o.jobs = 0;
  EXPECT_EQ(Extractor::Create(o).status().code(), absl::StatusCode::kInvalidArgument);
  o = ExtractorOptions();
  o.first_line = 5;
  o.last_line = 4;
  EXPECT_EQ(Extractor::Create(o).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace quiver
