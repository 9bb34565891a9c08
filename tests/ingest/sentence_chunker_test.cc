#include "ingest/sentence_chunker.h"

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/link_parser.h"

namespace quiver::ingest {
namespace {

// The chunk's text with the bytes between its ranges dropped.
std::string Text(std::string_view s, const SentenceChunk& c) {
  std::string out;
  for (const auto& [b, e] : c.ranges) {
    if (!out.empty()) out += '|';
    out += std::string(s.substr(b, e - b));
  }
  return out;
}

// The texts of the chunks of `s`, in order.
std::vector<std::string> Texts(const std::string& s, int min_words) {
  std::vector<std::string> out;
  for (const SentenceChunk& c : ChunkSentence(s, min_words)) out.push_back(Text(s, c));
  return out;
}

TEST(SentenceChunker, ShortSentenceIsOneChunk) {
  const std::string s = "Russia vetoed the resolution ; China abstained .";
  EXPECT_EQ(Texts(s, 20), std::vector<std::string>{s});
}

TEST(SentenceChunker, SplitsAtSemicolonAndDashes) {
  const std::string s =
      "Russia vetoed the resolution on Syria ; China abstained from the vote -- "
      "and France protested loudly \xE2\x80\x94 the council adjourned .";
  EXPECT_EQ(Texts(s, 10), (std::vector<std::string>{"Russia vetoed the resolution on Syria ",
                                                     " China abstained from the vote ",
                                                     " and France protested loudly ",
                                                     " the council adjourned ."}));
}

TEST(SentenceChunker, ShortPieceStaysWithItsNeighbour) {
  const std::string s = "Yes ; Russia vetoed the resolution on Syria in the council last week .";
  EXPECT_EQ(Texts(s, 5), std::vector<std::string>{s});
}

TEST(SentenceChunker, ParentheticalIsItsOwnChunkAndTheRestStaysTogether) {
  const std::string s =
      "The museum ( which opened in 1990 after a long delay ) holds paintings by Munch .";
  EXPECT_EQ(Texts(s, 10), (std::vector<std::string>{"The museum | holds paintings by Munch .",
                                                     " which opened in 1990 after a long delay "}));
}

TEST(SentenceChunker, ShortParentheticalIsNotSplitOff) {
  const std::string s = "The United Nations ( UN ) passed a resolution on Syria in the council .";
  EXPECT_EQ(ChunkSentence(s, 5).size(), 1u);
}

TEST(SentenceChunker, UnbalancedParenthesisAndLoneMarksDoNotCrash) {
  for (std::string s : {std::string("( ( ( a b c d e f g h i j k l"), std::string("; ; ; ; ; ; ; ; ; ; ; ;"),
                        std::string("-- -- -- -- -- -- -- -- -- -- -- --"), std::string(")")}) {
    auto chunks = ChunkSentence(s, 3);
    ASSERT_FALSE(chunks.empty()) << s;
    for (const auto& c : chunks) {
      for (const auto& [b, e] : c.ranges) {
        EXPECT_LE(b, e);
        EXPECT_LE(e, s.size());
      }
    }
  }
}

// A chunked parse is one tree of the whole sentence: one LEFT-WALL, words in
// sentence order with spans into it, links between valid words.
TEST(SentenceChunker, ChunkedParseMergesIntoOneTreeOfTheSentence) {
  auto dict = LinkDictionary::Load();
  if (!dict.ok()) GTEST_SKIP() << dict.status();
  ParserSettings settings;
  settings.chunk_min_words = 8;
  ParserSession session(*dict, settings);
  const std::string s =
      "Russia vetoed the resolution on Syria ; China abstained from the vote on it .";
  ParseTree tree;
  ASSERT_EQ(session.Parse(s, &tree), ParseOutcome::kComplete);
  ASSERT_GE(tree.words.size(), 3u);
  EXPECT_EQ(tree.words[0].begin, tree.words[0].end);  // LEFT-WALL
  int walls = 0;
  uint32_t last = 0;
  std::string joined;
  for (size_t i = 1; i < tree.words.size(); ++i) {
    const ParseWord& w = tree.words[i];
    if (w.begin == w.end) {
      ++walls;
      continue;
    }
    EXPECT_GE(w.begin, last);
    last = w.end;
    EXPECT_EQ(w.text, s.substr(w.begin, w.end - w.begin));
    joined += w.text + " ";
  }
  EXPECT_LE(walls, 1);
  EXPECT_EQ(joined, "Russia vetoed the resolution on Syria China abstained from the vote on it . ");
  bool china_subject = false;
  for (const ParseLink& l : tree.links) {
    ASSERT_GE(l.left, 0);
    ASSERT_LT(l.right, static_cast<int>(tree.words.size()));
    if (LinkIs(l.label, "S") && tree.words[l.left].text == "China") china_subject = true;
  }
  EXPECT_TRUE(china_subject);
}

}  // namespace
}  // namespace quiver::ingest
