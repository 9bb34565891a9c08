#include "ingest/link_parser.h"

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

}  // namespace
}  // namespace quiver::ingest
