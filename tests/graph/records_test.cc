// Record encodings that grew fields at their end: new records round-trip,
// and records as older versions wrote them (bytes built here by hand, not
// by the encoder under test) still decode, with the new fields empty.

#include "graph/records.h"

#include "graph/coding.h"
#include "gtest/gtest.h"

namespace quiver::graph {
namespace {

// An EvidenceRecord as format version 2 first wrote it: no reasons.
std::string OldEvidence() {
  std::string v(1, char(kRecordFormat));
  PutVarint64(&v, 3);
  PutVarint64(&v, 9);
  PutLengthPrefixed(&v, "He left.");
  PutLengthPrefixed(&v, "a.txt");
  PutLengthPrefixed(&v, "He");
  PutLengthPrefixed(&v, "");
  return v;
}

TEST(Records, EvidenceReasonsRoundTrip) {
  Evidence e;
  e.begin = 3;
  e.end = 9;
  e.text = "He left.";
  e.subject_mention = "He";
  e.subject_reason = "pronoun: the last person named";
  e.object_mention = "French";
  e.object_reason = "demonym";
  Evidence back;
  ASSERT_TRUE(DecodeEvidence(EncodeEvidence(e), &back));
  EXPECT_EQ(back.subject_mention, "He");
  EXPECT_EQ(back.subject_reason, "pronoun: the last person named");
  EXPECT_EQ(back.object_mention, "French");
  EXPECT_EQ(back.object_reason, "demonym");
}

TEST(Records, EvidenceWithoutReasonsIsTheOldLayoutAndOldRecordsDecode) {
  Evidence old;
  old.subject_reason = "stale";  // Must be cleared by decoding.
  ASSERT_TRUE(DecodeEvidence(OldEvidence(), &old));
  EXPECT_EQ(old.text, "He left.");
  EXPECT_EQ(old.subject_mention, "He");
  EXPECT_EQ(old.subject_reason, "");
  EXPECT_EQ(old.object_reason, "");
  // No reasons to keep: the same bytes as before, so nothing grows.
  EXPECT_EQ(EncodeEvidence(old), OldEvidence());
  // A half-written reason pair is corruption, not an empty reason.
  std::string bad = OldEvidence();
  PutLengthPrefixed(&bad, "only one");
  EXPECT_FALSE(DecodeEvidence(bad, &old));
}

std::string OldMention() {
  std::string v(1, char(kRecordFormat));
  PutVarint64(&v, 2);
  v.push_back(1);
  for (int list = 0; list < 4; ++list) {
    PutVarint64(&v, 1);
    PutLengthPrefixed(&v, list % 2 ? "Person" : "Hollande");
  }
  return v;
}

TEST(Records, MentionResolutionsRoundTripAndOldRecordsHaveNone) {
  MentionRecord old;
  ASSERT_TRUE(DecodeMention(OldMention(), &old));
  EXPECT_EQ(old.mentions, 2);
  EXPECT_TRUE(old.created);
  EXPECT_TRUE(old.resolutions.empty());
  EXPECT_EQ(EncodeMention(old), OldMention());

  MentionRecord m = old;
  m.resolutions.push_back({"Hollande", "François Hollande", "short form", "new node", 2});
  m.resolutions.push_back({"he", "François Hollande", "pronoun", "", 1});
  MentionRecord back;
  ASSERT_TRUE(DecodeMention(EncodeMention(m), &back));
  ASSERT_EQ(back.resolutions.size(), 2u);
  EXPECT_EQ(back.resolutions[0].mention, "Hollande");
  EXPECT_EQ(back.resolutions[0].name, "François Hollande");
  EXPECT_EQ(back.resolutions[0].reason, "short form");
  EXPECT_EQ(back.resolutions[0].store, "new node");
  EXPECT_EQ(back.resolutions[0].count, 2);
  EXPECT_EQ(back.resolutions[1].mention, "he");
  EXPECT_EQ(back.resolutions[1].count, 1);
  std::string truncated = EncodeMention(m);
  truncated.pop_back();
  EXPECT_FALSE(DecodeMention(truncated, &back));
}

TEST(Records, StatementKeepsTextAndQualifiersAndOldEntriesAreConfidenceOnly) {
  StatementRecord s;
  s.confidence = 0.75;
  s.text = "called off";
  s.qualifiers["in"] = Value(std::string("Moscow"));
  StatementRecord back;
  ASSERT_TRUE(DecodeStatement(EncodeStatement(s), &back));
  EXPECT_TRUE(back.known);
  EXPECT_EQ(back.confidence, 0.75);
  EXPECT_EQ(back.text, "called off");
  ASSERT_EQ(back.qualifiers.count("in"), 1u);
  EXPECT_EQ(back.qualifiers.at("in").AsString(), "Moscow");
  EXPECT_EQ(DecodeConfidence(EncodeStatement(s)), 0.75);

  std::string old;  // Format version 2's 'e' value: 8 bytes of confidence.
  PutFixed64BE(&old, DoubleBits(0.5));
  ASSERT_TRUE(DecodeStatement(old, &back));
  EXPECT_FALSE(back.known);
  EXPECT_EQ(back.confidence, 0.5);
  EXPECT_TRUE(back.text.empty());
  EXPECT_EQ(DecodeConfidence(old), 0.5);
  EXPECT_FALSE(DecodeStatement("short", &back));
  EXPECT_FALSE(DecodeConfidence(old + "x"));  // Not a statement record.
}

TEST(Records, SetEdgeEndsGivesTheEncodingOfTheOtherEnds) {
  EdgeRecord a{1, 2, 3, {{"count", Value(int64_t{4})}, {"text", Value(std::string("met"))}}};
  EdgeRecord b = a;
  b.src = 0x0102030405060708ULL;
  b.dst = 99;
  b.type = 0xA0B0C0D0U;
  std::string encoded = EncodeEdge(a);
  SetEdgeEnds(&encoded, b.src, b.dst, b.type);
  EXPECT_EQ(encoded, EncodeEdge(b));
  EdgeRecord decoded;
  ASSERT_TRUE(DecodeEdge(encoded, &decoded));
  EXPECT_EQ(decoded.src, b.src);
  EXPECT_EQ(decoded.dst, 99u);
  EXPECT_EQ(decoded.type, b.type);
  EXPECT_EQ(decoded.properties.at("text").AsString(), "met");
}

}  // namespace
}  // namespace quiver::graph
