#include "ingest/link_parser.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace quiver::ingest {
namespace {

// Offsets into the blanked text must still index the sentence as written,
// so every kind of double quote becomes as many spaces as it has bytes.
TEST(BlankQuotes, BlanksEveryDoubleQuoteByteForByte) {
  const std::string ascii = "He said \"no\" twice.";
  EXPECT_EQ(BlankQuotes(ascii), "He said  no  twice.");
  const std::string typographic = "She called it \xE2\x80\x9Cunacceptable\xE2\x80\x9D.";
  const std::string blanked = BlankQuotes(typographic);
  EXPECT_EQ(blanked.size(), typographic.size());
  EXPECT_EQ(blanked, "She called it    unacceptable   .");
  EXPECT_EQ(BlankQuotes("`` Stop , '' he said ."), "   Stop ,    he said .");
}

TEST(BlankQuotes, LeavesApostrophesAndOtherPunctuationAlone) {
  EXPECT_EQ(BlankQuotes("Russia's veto wasn't 'final'."), "Russia's veto wasn't 'final'.");
  // An en dash shares the typographic quotes' first two bytes.
  EXPECT_EQ(BlankQuotes("2014\xE2\x80\x93" "2015"), "2014\xE2\x80\x93" "2015");
  EXPECT_EQ(BlankQuotes(""), "");
}

// Links as "label left right" with the words' texts, for comparing trees.
std::vector<std::string> Links(const ParseTree& tree) {
  std::vector<std::string> out;
  for (const ParseLink& l : tree.links) {
    out.push_back(l.label + " " + tree.words[l.left].text + " " + tree.words[l.right].text);
  }
  return out;
}

bool HasLink(const ParseTree& tree, std::string_view family, const std::string& left,
             const std::string& right) {
  for (const ParseLink& l : tree.links) {
    if (LinkIs(l.label, family) && tree.words[l.left].text == left &&
        tree.words[l.right].text == right) {
      return true;
    }
  }
  return false;
}

// "the the" leaves the sentence without a complete linkage. With the
// whole-sentence null-link pass ruled out (null_pass_max_words below its
// length), the fallback splits it at ", and" and parses the pieces: the
// second clause gets its own complete parse, the first a null-link one, and
// the tree covers both in sentence order.
TEST(ParserSession, TextPastTheInputLimitIsTooLongWithoutReachingLinkGrammar) {
  // link-grammar 5.12 corrupts its heap on input over 32,767 bytes.
  auto dict = LinkDictionary::Load();
  if (!dict.ok()) GTEST_SKIP() << dict.status();
  std::string s;
  while (s.size() <= 40000) s += "Russia vetoed and ";
  s += "stopped .";
  ParserSession session(*dict, ParserSettings());
  ParseTree tree;
  EXPECT_EQ(session.Parse(s, &tree), ParseOutcome::kTooLong);
}

TEST(ParserSession, FallbackChunksGiveATreeWhenTheSentenceHasNoCompleteLinkage) {
  auto dict = LinkDictionary::Load();
  if (!dict.ok()) GTEST_SKIP() << dict.status();
  const std::string s =
      "Russia vetoed the the resolution on Syria , and China abstained from the vote on it .";
  ParserSettings settings;
  settings.null_pass_max_words = 5;
  settings.piece_null_pass_max_words = 10;
  ParserSession session(*dict, settings);
  ParseTree tree;
  ASSERT_EQ(session.Parse(s, &tree), ParseOutcome::kPartial);
  EXPECT_GE(tree.null_count, 1);
  EXPECT_TRUE(HasLink(tree, "S", "China", "abstained")) << testing::PrintToString(Links(tree));
  EXPECT_TRUE(HasLink(tree, "O", "vetoed", "resolution")) << testing::PrintToString(Links(tree));
  uint32_t last = 0;
  for (size_t i = 1; i < tree.words.size(); ++i) {
    const ParseWord& w = tree.words[i];
    if (w.begin == w.end) continue;  // RIGHT-WALL
    EXPECT_GE(w.begin, last);
    last = w.end;
    if (w.tag != "null") {
      EXPECT_EQ(w.text, s.substr(w.begin, w.end - w.begin));
    }
  }
  // Neither the comma nor "and" is a word of the tree: they belong to no chunk.
  for (const ParseWord& w : tree.words) EXPECT_NE(w.text, "and");

  // Pieces too long for a null-link pass and failing whole get nothing.
  settings.piece_null_pass_max_words = 3;
  ParserSession strict(*dict, settings);
  ParseTree part;
  // Only the clean clause; a chunk without a parse makes the whole partial.
  ASSERT_EQ(strict.Parse(s, &part), ParseOutcome::kPartial);
  EXPECT_TRUE(HasLink(part, "S", "China", "abstained"));
  EXPECT_FALSE(HasLink(part, "O", "vetoed", "resolution"));
}

// A short sentence without a complete linkage still gets the null-link pass
// on the whole, as before.
// link-grammar aborts on an empty sentence; `quiver extract --format carb`
// hands the parser any line (found by fuzz_sentence).
TEST(ParserSession, EmptySentenceIsNoParse) {
  auto dict = LinkDictionary::Load();
  if (!dict.ok()) GTEST_SKIP() << dict.status();
  ParserSession session(*dict, ParserSettings());
  ParseTree tree;
  EXPECT_EQ(session.Parse("", &tree), ParseOutcome::kNoParse);
  EXPECT_EQ(session.Parse(" ", &tree), ParseOutcome::kNoParse);
}

TEST(ParserSession, ShortSentenceWithoutCompleteLinkageGetsNullLinks) {
  auto dict = LinkDictionary::Load();
  if (!dict.ok()) GTEST_SKIP() << dict.status();
  ParserSession session(*dict, ParserSettings());
  ParseTree tree;
  ASSERT_EQ(session.Parse("Russia vetoed the the resolution .", &tree), ParseOutcome::kPartial);
  EXPECT_EQ(tree.null_count, 1);
  EXPECT_TRUE(HasLink(tree, "O", "vetoed", "resolution"));
}

// Same sentence, same settings, two sessions: the same tree (repeatable_rand,
// and the chunking depends on the text alone).
TEST(ParserSession, FallbackParsesAreDeterministic) {
  auto dict = LinkDictionary::Load();
  if (!dict.ok()) GTEST_SKIP() << dict.status();
  const std::string s =
      "The minister , who had arrived from Moscow that morning after the the talks , met "
      "his French counterpart in Paris , and the two men later spoke to reporters outside .";
  ParserSettings settings;
  settings.null_pass_max_words = 5;
  ParseTree a, b;
  ParserSession first(*dict, settings);
  const ParseOutcome oa = first.Parse(s, &a);
  ParserSession second(*dict, settings);
  const ParseOutcome ob = second.Parse(s, &b);
  EXPECT_EQ(oa, ob);
  EXPECT_EQ(Links(a), Links(b));
  EXPECT_FALSE(a.links.empty());
}

}  // namespace
}  // namespace quiver::ingest
