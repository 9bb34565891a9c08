#include "graph/key_format.h"

#include "gtest/gtest.h"

namespace quiver::graph {
namespace {

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
