#include "graph/key_format.h"

#include "graph/coding.h"
#include "gtest/gtest.h"

namespace quiver::graph {
namespace {

// The appending forms write the layout of key_format.h after what the buffer
// held; the expected bytes are built here field by field with coding.h.
TEST(KeyFormat, AppendingFormsWriteTheDocumentedBytesAfterTheBuffer) {
  const uint64_t big = 0x0102030405060708ULL;
  const AdjEntry e{big, 0x0A0B0C0DU, 7, 0xF0E0D0C0B0A09080ULL};
  auto expect = [](std::initializer_list<std::pair<int, uint64_t>> fields, char tag = 0) {
    std::string k = "xy";
    if (tag) k.push_back(tag);
    for (auto [width, v] : fields) width == 8 ? PutFixed64BE(&k, v) : PutFixed32BE(&k, uint32_t(v));
    return k;
  };
  std::string buf = "xy";
  AppendOutKey(&buf, e);
  EXPECT_EQ(buf, expect({{8, e.src}, {4, e.type}, {8, e.dst}, {8, e.edge}}));
  buf = "xy";
  AppendInKey(&buf, e);
  EXPECT_EQ(buf, expect({{8, e.dst}, {4, e.type}, {8, e.src}, {8, e.edge}}));
  buf = "xy";
  AppendByTypeKey(&buf, e);
  EXPECT_EQ(buf, expect({{4, e.type}, {8, e.src}, {8, e.dst}, {8, e.edge}}));
  buf = "xy";
  AppendIdKey(&buf, big);
  EXPECT_EQ(buf, expect({{8, big}}));
  buf = "xy";
  AppendEvidenceKey(&buf, big, 3, 0xAABBCCDDU);
  EXPECT_EQ(buf, expect({{8, big}, {8, 3}, {4, 0xAABBCCDDU}}));
  buf = "xy";
  AppendDocEvidenceKey(&buf, 3, big, 9);
  EXPECT_EQ(buf, expect({{8, 3}, {8, big}, {4, 9}}, 'e'));
  buf = "xy";
  AppendDocNodeKey(&buf, 3, big);
  EXPECT_EQ(buf, expect({{8, 3}, {8, big}}, 'n'));
  buf = "xy";
  AppendNodeDocKey(&buf, big, 3);
  EXPECT_EQ(buf, expect({{8, big}, {8, 3}}, 'm'));
  // The string-returning forms are the same bytes alone.
  EXPECT_EQ(OutKey(e), expect({{8, e.src}, {4, e.type}, {8, e.dst}, {8, e.edge}}).substr(2));
  EXPECT_EQ(DocEvidenceKey(3, big, 9), expect({{8, 3}, {8, big}, {4, 9}}, 'e').substr(2));
}

TEST(KeyFormat, OutKeysSortBySourceThenTypeThenTarget) {
  std::string a = OutKey({1, 2, 9, 100});
  std::string b = OutKey({1, 3, 0, 1});
  std::string c = OutKey({2, 0, 0, 0});
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  EXPECT_EQ(a.size(), kAdjKeySize);
}

TEST(KeyFormat, AdjacencyKeysRoundTripInTrueOrientation) {
  AdjEntry e{10, 7, 20, 99};
  AdjEntry out, in, typed;
  ASSERT_TRUE(DecodeOutKey(OutKey(e), &out));
  ASSERT_TRUE(DecodeInKey(InKey(e), &in));
  ASSERT_TRUE(DecodeByTypeKey(ByTypeKey(e), &typed));
  for (const AdjEntry& d : {out, in, typed}) {
    EXPECT_EQ(d.src, 10u);
    EXPECT_EQ(d.dst, 20u);
    EXPECT_EQ(d.type, 7u);
    EXPECT_EQ(d.edge, 99u);
  }
  EXPECT_EQ(InKey(e).substr(0, 8), IdKey(20));  // `in` starts with the target
  EXPECT_FALSE(DecodeOutKey("short", &out));
}

TEST(KeyFormat, PrefixesMatchTheirKeys) {
  AdjEntry e{5, 3, 8, 1};
  EXPECT_EQ(OutKey(e).rfind(AdjPrefix(5), 0), 0u);
  EXPECT_EQ(OutKey(e).rfind(AdjPrefix(5, 3), 0), 0u);
  EXPECT_EQ(OutKey(e).rfind(AdjPrefix(5, 3, 8), 0), 0u);
  EXPECT_EQ(ByTypeKey(e).rfind(ByTypePrefix(3), 0), 0u);
  EXPECT_EQ(NameKey("putin", 4).rfind(NamePrefix("putin"), 0), 0u);
  // "putin" must not match "putina": the separator ends the name.
  EXPECT_NE(NameKey("putina", 4).rfind(NamePrefix("putin"), 0), 0u);
  EXPECT_EQ(NodeFromNameKey(NameKey("putin", 4)), 4u);
}

TEST(KeyFormat, EvidenceKeysOrderByEdgeDocSentence) {
  EXPECT_LT(EvidenceKey(1, 2, 3), EvidenceKey(1, 2, 4));
  EXPECT_LT(EvidenceKey(1, 2, 400), EvidenceKey(1, 3, 0));
  uint64_t edge, doc;
  uint32_t sentence;
  ASSERT_TRUE(DecodeEvidenceKey(EvidenceKey(7, 8, 9), &edge, &doc, &sentence));
  EXPECT_EQ(edge, 7u);
  EXPECT_EQ(doc, 8u);
  EXPECT_EQ(sentence, 9u);
}

}  // namespace
}  // namespace quiver::graph
