// Extraction files (quiver/extraction_file.h): a record reads back as the
// same record, every qualifier value with its type; bad lines name the field.

#include "quiver/extraction_file.h"

#include <cmath>
#include <limits>

#include "gtest/gtest.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

ExtractionRecord FullRecord() {
  ExtractionRecord r;
  r.input_file = "corpus/news.jsonl";
  r.input_line = 12;
  DocumentInput& d = r.document;
  d.source = "corpus/news.jsonl#a1";
  d.title = "Dahl in Bergen";
  d.date = "2016-10-11T14:30:00+02:00";
  d.url = "https://example.org/a1";
  d.content = "Erik Dahl met Sweden's minister in Bergen.";
  Triple t;
  t.subject = "Erik Dahl";
  t.relation = "meet";
  t.object = "Åsa Berg";
  t.subject_labels = {"Person"};
  t.object_labels = {"Person", "Minister"};
  t.subject_aliases = {"Dahl"};
  t.object_aliases = {"Berg"};
  t.text = "met";
  t.negated = true;
  t.confidence = 0.1 + 0.2;  // Not a short decimal: must still read back exactly.
  t.qualifiers["modality"] = Value("asserted");
  t.qualifiers["count"] = Value(int64_t{3});
  t.qualifiers["weight"] = Value(1.0);
  t.qualifiers["flag"] = Value(false);
  t.qualifiers["none"] = Value();
  t.qualifiers["list"] = Value(ValueList{Value(1), Value("x")});
  t.qualifiers["map"] = Value(ValueMap{{"k", Value(2.5)}});
  t.qualifiers["inf"] = Value(std::numeric_limits<double>::infinity());
  t.qualifiers["time_start"] = *ParseTemporal(TemporalValue::Kind::kDate, "2016-10-10");
  t.qualifiers["at"] = *ParseTemporal(TemporalValue::Kind::kDateTime, "2016-10-10T09:00+02:00");
  t.qualifiers["took"] = *ParseTemporal(TemporalValue::Kind::kDuration, "P1DT2H");
  t.qualifiers["when"] = *ParseTemporal(TemporalValue::Kind::kLocalTime, "21:40:32.142");
  t.sentence = 4;
  t.begin = 10;
  t.end = 52;
  t.sentence_text = "Erik Dahl met Sweden's minister in Bergen.";
  t.source = "wire";
  t.subject_mention = "Dahl";
  t.object_mention = "Sweden's minister";
  t.subject_reason = "short form of Erik Dahl (same document)";
  t.object_reason = "office";
  d.triples.push_back(t);
  Triple plain;
  plain.subject = "a";
  plain.relation = "r";
  plain.object = "b";
  d.triples.push_back(plain);
  return r;
}

void ExpectSameTriple(const Triple& a, const Triple& b) {
  EXPECT_EQ(a.subject, b.subject);
  EXPECT_EQ(a.relation, b.relation);
  EXPECT_EQ(a.object, b.object);
  EXPECT_EQ(a.subject_labels, b.subject_labels);
  EXPECT_EQ(a.object_labels, b.object_labels);
  EXPECT_EQ(a.subject_aliases, b.subject_aliases);
  EXPECT_EQ(a.object_aliases, b.object_aliases);
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.negated, b.negated);
  EXPECT_EQ(a.confidence, b.confidence);
  EXPECT_EQ(a.qualifiers, b.qualifiers);
  EXPECT_EQ(a.sentence, b.sentence);
  EXPECT_EQ(a.begin, b.begin);
  EXPECT_EQ(a.end, b.end);
  EXPECT_EQ(a.sentence_text, b.sentence_text);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.subject_mention, b.subject_mention);
  EXPECT_EQ(a.object_mention, b.object_mention);
  EXPECT_EQ(a.subject_reason, b.subject_reason);
  EXPECT_EQ(a.object_reason, b.object_reason);
}

TEST(ExtractionFile, ARecordReadsBackWithEveryFieldAndValueType) {
  const ExtractionRecord r = FullRecord();
  const std::string line = FormatExtractionRecord(r);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_EQ(line.rfind("{\"quiver_extraction\":1,", 0), 0u) << line;
  auto back = ParseExtractionRecord(line);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->input_file, r.input_file);
  EXPECT_EQ(back->input_line, r.input_line);
  EXPECT_EQ(back->document.source, r.document.source);
  EXPECT_EQ(back->document.title, r.document.title);
  EXPECT_EQ(back->document.date, r.document.date);
  EXPECT_EQ(back->document.url, r.document.url);
  EXPECT_TRUE(back->document.content.empty());
  EXPECT_EQ(back->document.content_hash, ContentHashHex(r.document.content));
  ASSERT_EQ(back->document.triples.size(), 2u);
  ExpectSameTriple(back->document.triples[0], r.document.triples[0]);
  ExpectSameTriple(back->document.triples[1], r.document.triples[1]);
  // 1.0 stays a double and 3 an integer (Value's == tells them apart).
  EXPECT_TRUE(back->document.triples[0].qualifiers.at("weight").is_double());
  EXPECT_TRUE(back->document.triples[0].qualifiers.at("count").is_int());
  // And the line it writes again is the same line.
  EXPECT_EQ(FormatExtractionRecord(*back), line);
}

TEST(ExtractionFile, NaNReadsBackAsNaN) {
  ExtractionRecord r = FullRecord();
  r.document.triples[0].qualifiers["nan"] = Value(std::numeric_limits<double>::quiet_NaN());
  auto back = ParseExtractionRecord(FormatExtractionRecord(r));
  ASSERT_TRUE(back.ok()) << back.status();
  const Value& v = back->document.triples[0].qualifiers.at("nan");
  ASSERT_TRUE(v.is_double());
  EXPECT_TRUE(std::isnan(v.AsDouble()));
}

TEST(ExtractionFile, BadLinesNameTheField) {
  const std::string hash = std::string(32, 'a');
  const std::string head = "{\"quiver_extraction\":1,\"source\":\"s\",\"content_hash\":\"" + hash +
                           "\",\"input\":{\"file\":\"f\",\"line\":0},\"triples\":";
  struct Case {
    std::string line;
    std::string message;
  } cases[] = {
      {"nope", "not JSON"},
      {"[1]", "not a JSON object"},
      {"{\"source\":\"s\"}", "quiver_extraction: missing"},
      {"{\"quiver_extraction\":2}", "quiver_extraction: version 2 is not supported"},
      {"{\"quiver_extraction\":1,\"content_hash\":\"xyz\"}", "content_hash: must be 32"},
      {"{\"quiver_extraction\":1,\"content_hash\":\"" + hash + "\"}", "input: must be an object"},
      {head + "{}}", "triples: must be a list"},
      {head + "[{\"subject\":\"a\",\"relation\":\"r\"}]}", "triples[0].object: missing"},
      {head + "[{\"subject\":\"a\",\"relation\":\"r\",\"object\":\"b\",\"sentence\":-1}]}",
       "triples[0].sentence: must be a whole number from 0"},
      {head + "[{\"subject\":\"a\",\"relation\":\"r\",\"object\":\"b\",\"subject_labels\":[1]}]}",
       "triples[0].subject_labels[0]: must be a string"},
      {head + "[{\"subject\":\"a\",\"relation\":\"r\",\"object\":\"b\",\"qualifiers\":"
              "{\"t\":{\"temporal\":\"date\",\"value\":\"2016-13-45\"}}}]}",
       "triples[0].qualifiers.t: "},
      {head + "[{\"subject\":\"a\",\"relation\":\"r\",\"object\":\"b\",\"qualifiers\":"
              "{\"t\":{\"temporal\":\"week\",\"value\":\"x\"}}}]}",
       "triples[0].qualifiers.t: unknown temporal kind \"week\""},
      {head + "[{\"subject\":\"a\",\"relation\":\"r\",\"object\":\"b\",\"qualifiers\":"
              "{\"m\":{\"a\":1}}}]}",
       "triples[0].qualifiers.m: an object must be"},
  };
  for (const Case& c : cases) {
    auto r = ParseExtractionRecord(c.line);
    ASSERT_FALSE(r.ok()) << c.line;
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(std::string(r.status().message()).find(c.message), std::string::npos)
        << c.line << " -> " << r.status();
  }
}

TEST(ExtractionFile, AFileReportsItsBadLineByNumber) {
  testing::TempDir dir;
  const std::string path = dir.Sub("x.jsonl");
  testing::WriteFile(path, FormatExtractionRecord(FullRecord()) + "\n\n{\"quiver_extraction\":1}\n");
  auto read = ReadExtractionFile(path);
  ASSERT_FALSE(read.ok());
  EXPECT_NE(std::string(read.status().message()).find(path + ":3: content_hash: missing"),
            std::string::npos)
      << read.status();
  testing::WriteFile(path, FormatExtractionRecord(FullRecord()) + "\n\n");
  read = ReadExtractionFile(path);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->size(), 1u);
  EXPECT_EQ(ReadExtractionFile(dir.Sub("none.jsonl")).status().code(), absl::StatusCode::kNotFound);
}

TEST(ExtractionFile, OrderIsByFileThenLine) {
  ExtractionRecord a, b, c;
  a.input_file = "d/a.jsonl";
  a.input_line = 9;
  b.input_file = "d/a.jsonl";
  b.input_line = 10;
  c.input_file = "d/b.txt";
  EXPECT_TRUE(ExtractionOrderLess(a, b));
  EXPECT_FALSE(ExtractionOrderLess(b, a));
  EXPECT_TRUE(ExtractionOrderLess(b, c));
  EXPECT_FALSE(ExtractionOrderLess(a, a));
}

}  // namespace
}  // namespace quiver
