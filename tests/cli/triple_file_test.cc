#include "cli/triple_file.h"

#include "gtest/gtest.h"

namespace quiver::cli {
namespace {

ParsedTriples Parse(const std::string& content, TripleFormat format = TripleFormat::kTsv) {
  auto parsed = ParseTriples("f.tsv", content, format);
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  return parsed.ok() ? *parsed : ParsedTriples{};
}

TEST(TripleFile, FormatFromFlagOrExtension) {
  EXPECT_EQ(*ChooseTripleFormat("a.tsv", ""), TripleFormat::kTsv);
  EXPECT_EQ(*ChooseTripleFormat("a.JSONL", "auto"), TripleFormat::kJsonl);
  EXPECT_EQ(*ChooseTripleFormat("a.jsonl", "tsv"), TripleFormat::kTsv);
  EXPECT_EQ(ChooseTripleFormat("a.bin", "").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ChooseTripleFormat("a.tsv", "xml").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(TripleFile, TsvColumnsBecomeTripleAndEvidence) {
  auto p = Parse("# comment\n\nRussia\tveto\tresolution\nFabius\tminister of\tFrance\tsrc\tFabius is minister.\r\n");
  ASSERT_TRUE(p.errors.empty());
  ASSERT_EQ(p.triples.size(), 2u);
  EXPECT_EQ(p.triples[0].sentence, 3u);  // line number
  EXPECT_EQ(p.triples[1].relation, "minister_of");
  EXPECT_EQ(p.triples[1].text, "minister of");
  EXPECT_EQ(p.triples[1].source, "src");
  EXPECT_EQ(p.triples[1].sentence_text, "Fabius is minister.");
}

// Found by fuzz_triple_file: "headquartered in\rKelvik" kept its \r.
TEST(TripleFile, AnyWhiteSpaceInARelationBecomesUnderscore) {
  auto tsv = Parse("Berg\tbased in\rthe\vport\fof\tKelvik\n");
  ASSERT_EQ(tsv.triples.size(), 1u);
  EXPECT_EQ(tsv.triples[0].relation, "based_in_the_port_of");
  auto jsonl = Parse("{\"subject\": \"a\", \"relation\": \"meet\\n with\", \"object\": \"b\"}\n",
                     TripleFormat::kJsonl);
  ASSERT_EQ(jsonl.triples.size(), 1u);
  EXPECT_EQ(jsonl.triples[0].relation, "meet_with");
}

TEST(TripleFile, BadTsvLinesAreReportedWithFileAndLine) {
  auto p = Parse("a\tb\n\tveto\tc\na\tb\tc\td\te\tf\nok\tfine\tthing\nx\t\xC3\x28\ty\n" +
                 std::string("y\tr\t") + std::string(5000, 'z') + "\n");
  ASSERT_EQ(p.triples.size(), 1u);
  ASSERT_EQ(p.errors.size(), 5u);
  EXPECT_EQ(p.errors[0], "f.tsv:1: expected 3 to 5 tab-separated columns (subject, relation, object[, source[, sentence]]), found 2");
  EXPECT_EQ(p.errors[1], "f.tsv:2: subject is empty");
  EXPECT_NE(p.errors[2].find("f.tsv:3: expected 3 to 5"), std::string::npos);
  EXPECT_EQ(p.errors[3], "f.tsv:5: invalid UTF-8 at byte 3 of the line");
  EXPECT_EQ(p.errors[4], "f.tsv:6: object is too long (5000 bytes; at most 4096)");
}

TEST(TripleFile, JsonLinesWithLabelsAndErrors) {
  auto p = Parse(
      R"({"subject":"Putin","relation":"cancel","object":"visit","subject_labels":["Person"],"sentence":"Putin cancelled."})" "\n"
      R"({"subject":"Putin","relation":"cancel"})" "\n"
      R"({"subject":1,"relation":"r","object":"o"})" "\n"
      R"({"subject":"s","relation":"r","object":"o","subject_labels":"Person"})" "\n"
      "{not json\n"
      "[1,2]\n",
      TripleFormat::kJsonl);
  ASSERT_EQ(p.triples.size(), 1u);
  EXPECT_EQ(p.triples[0].subject_labels, std::vector<std::string>{"Person"});
  EXPECT_EQ(p.triples[0].sentence_text, "Putin cancelled.");
  ASSERT_EQ(p.errors.size(), 5u);
  EXPECT_EQ(p.errors[0], "f.tsv:2: missing \"object\"");
  EXPECT_EQ(p.errors[1], "f.tsv:3: \"subject\" must be a string");
  EXPECT_EQ(p.errors[2], "f.tsv:4: \"subject_labels\" must be a list of strings");
  EXPECT_EQ(p.errors[3], "f.tsv:5: invalid JSON");
  EXPECT_EQ(p.errors[4], "f.tsv:6: expected a JSON object");
}

TEST(TripleFile, BinaryFileIsRefusedWhole) {
  std::string content("PK\x03\x04\0\0garbage", 12);
  auto p = ParseTriples("archive.zip", content, TripleFormat::kTsv);
  ASSERT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(p.status().message(), "archive.zip: binary file (NUL byte at offset 4), not a triple file");
}

}  // namespace
}  // namespace quiver::cli
