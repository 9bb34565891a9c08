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

TEST(SentenceSplitter, ASentenceOverTheWordLimitIsCutAtClauseMarks) {
  // 400 words in clauses of four, with a comma after each clause.
  std::string text;
  for (int i = 0; i < 100; ++i) text += "Norway rejected Sweden again, ";
  text += "and stopped.";
  SplitStats stats;
  auto s = SplitSentences(text, &stats);
  EXPECT_EQ(stats.long_sentences_cut, 1);
  ASSERT_GE(s.size(), 3u);
  size_t words = 0;
  for (const SentenceSpan& piece : s) {
    size_t n = 0;
    bool in_word = false;
    for (char c : piece.text) {
      if (c != ' ' && !in_word) ++n;
      in_word = c != ' ';
    }
    EXPECT_LE(n, size_t(kMaxSentenceWords)) << piece.text;
    EXPECT_EQ(piece.text.back() == ',' || piece.text.back() == '.', true) << piece.text;
    // Offsets still index the text.
    EXPECT_EQ(text.substr(piece.begin, piece.end - piece.begin), piece.text);
    words += n;
  }
  EXPECT_EQ(words, 402u);  // Nothing lost.
}

TEST(SentenceSplitter, AWordOverTheByteLimitIsCutAndNothingIsLost) {
  std::string text = "See " + std::string(3 * kMaxSentenceBytes, 'x') + " now.";
  SplitStats stats;
  auto s = SplitSentences(text, &stats);
  EXPECT_EQ(stats.long_sentences_cut, 1);
  size_t bytes = 0;
  for (const SentenceSpan& piece : s) {
    EXPECT_LE(piece.text.size(), kMaxSentenceBytes);
    bytes += piece.text.size();
  }
  EXPECT_EQ(bytes, text.size() - 1);  // The space at the first cut is trimmed.
}

TEST(SentenceSplitter, ATextWithoutFullStopsIsCutIntoBoundedPieces) {
  // 200,000 words with no sentence end: once a heap corruption inside
  // link-grammar; now pieces of at most kMaxSentenceWords words.
  std::string text;
  for (int i = 0; i < 50000; ++i) text += "the army held the ";
  SplitStats stats;
  auto s = SplitSentences(text, &stats);
  EXPECT_EQ(stats.long_sentences_cut, 1);
  EXPECT_EQ(s.size(), (200000 + kMaxSentenceWords - 1) / kMaxSentenceWords);
  EXPECT_EQ(s.back().end, text.size() - 1);  // Code points, all ASCII; the last space trimmed.
}

TEST(SentenceSplitter, OffsetsStayRightAcrossManySentences) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "\xC3\x89lan fini. ";
  auto s = SplitSentences(NormalizeNfc(text));
  ASSERT_EQ(s.size(), 20000u);
  EXPECT_EQ(s[19999].begin, 19999u * 11);  // 11 code points a sentence with its space.
}

}  // namespace
}  // namespace quiver::ingest
