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

// A pair of dashes encloses a parenthetical: the clause around it stays one
// chunk, so "seized upon attacks … to impose" still reads as one clause.
TEST(SentenceChunker, PairOfEmDashesIsAParenthetical) {
  const std::string s =
      "The government has seized upon attacks in Paris and Brussels\xE2\x80\x94"
      "carried out by the same small networks\xE2\x80\x94to impose a state of emergency .";
  EXPECT_EQ(Texts(s, 10),
            (std::vector<std::string>{
                "The government has seized upon attacks in Paris and Brussels|to impose a state of "
                "emergency .",
                "carried out by the same small networks"}));
}

TEST(SentenceChunker, PairOfDoubleHyphensIsAParenthetical) {
  const std::string s =
      "The minister -- who had arrived from Moscow that morning -- met his French counterpart "
      "in Paris .";
  EXPECT_EQ(Texts(s, 10),
            (std::vector<std::string>{"The minister | met his French counterpart in Paris .",
                                      " who had arrived from Moscow that morning "}));
}

// A third dash splits as a single one does; dashes of different kinds do
// not pair, nor do dashes across a ";".
TEST(SentenceChunker, UnpairedDashesStillSplit) {
  const std::string odd =
      "Russia vetoed the draft -- as expected by the council -- and then it left the room "
      "-- the talks ended there .";
  EXPECT_EQ(Texts(odd, 10),
            (std::vector<std::string>{"Russia vetoed the draft | and then it left the room ",
                                      " as expected by the council ",
                                      " the talks ended there ."}));
  const std::string across =
      "Russia vetoed the draft on Syria -- China abstained from the vote ; France protested "
      "at length -- the council adjourned at noon .";
  EXPECT_EQ(Texts(across, 10),
            (std::vector<std::string>{"Russia vetoed the draft on Syria ",
                                      " China abstained from the vote ", " France protested at length ",
                                      " the council adjourned at noon ."}));
}

// An en dash inside a word is a range, not punctuation.
TEST(SentenceChunker, EnDashInsideAWordDoesNotSplit) {
  const std::string s =
      "The 2014\xE2\x80\x93" "2015 talks in Geneva between the two governments ended without "
      "any agreement .";
  EXPECT_EQ(ChunkSentence(s, 5).size(), 1u);
}

// FallbackChunks: for a sentence without a complete linkage, also commas
// before clause connectives (the comma and the connective belong to no
// chunk).
TEST(SentenceChunker, FallbackSplitsAtCommaBeforeAConnective) {
  const std::string s =
      "Russia vetoed the resolution , and China abstained from the vote , while France "
      "protested loudly .";
  std::vector<std::string> texts;
  for (const SentenceChunk& c : FallbackChunks(s)) texts.push_back(Text(s, c));
  EXPECT_EQ(texts, (std::vector<std::string>{"Russia vetoed the resolution ",
                                             " China abstained from the vote ",
                                             " France protested loudly ."}));
  // ChunkSentence leaves commas alone.
  EXPECT_EQ(ChunkSentence(s, 5).size(), 1u);
}

// A comma phrase opening with a participle, a relative pronoun or (after a
// name) a determiner is a parenthetical; other comma phrases stay.
TEST(SentenceChunker, FallbackTakesOutAppositionsAndParticipialPhrases) {
  auto texts = [](const std::string& s) {
    std::vector<std::string> out;
    for (const SentenceChunk& c : FallbackChunks(s)) out.push_back(Text(s, c));
    return out;
  };
  EXPECT_EQ(texts("Laurent Fabius , the French foreign minister , met Lavrov in Moscow ."),
            (std::vector<std::string>{"Laurent Fabius | met Lavrov in Moscow .",
                                      " the French foreign minister "}));
  EXPECT_EQ(texts("The museum , founded by the city in 1990 , holds paintings by Munch ."),
            (std::vector<std::string>{"The museum | holds paintings by Munch .",
                                      " founded by the city in 1990 "}));
  EXPECT_EQ(texts("Russia vetoed the resolution , which France had drafted with Britain ."),
            (std::vector<std::string>{"Russia vetoed the resolution | .",
                                      " which France had drafted with Britain"}));
  // An opening phrase is not an apposition: "2005" is no name.
  EXPECT_EQ(FallbackChunks("In 2005 , the company bought a bank in Oslo .").size(), 1u);
  EXPECT_EQ(FallbackChunks("Paris , London and Berlin signed the treaty .").size(), 1u);
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
