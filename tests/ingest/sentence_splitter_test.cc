#include "ingest/sentence_splitter.h"

#include <gtest/gtest.h>

namespace quiver::ingest {
namespace {

TEST(SentenceSplitter, SplitsWithCodePointOffsets) {
  std::string text = NormalizeNfc("Fran\xC3\xA7ois spoke. Mr. Smith left.");
  auto s = SplitSentences(text);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].text, "Fran\xC3\xA7ois spoke.");
  EXPECT_EQ(s[0].begin, 0u);
  EXPECT_EQ(s[0].end, 15u);  // 15 code points, 16 bytes.
  EXPECT_EQ(s[1].text, "Mr. Smith left.");
  EXPECT_EQ(s[1].begin, 16u);
}

TEST(SentenceSplitter, NfcComposesDecomposedAccents) {
  EXPECT_EQ(NormalizeNfc("Franc\xCC\xA7ois"), "Fran\xC3\xA7ois");
}

}  // namespace
}  // namespace quiver::ingest
