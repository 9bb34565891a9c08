// The typed view: every link family the extraction code once matched by
// label gives the same answer as a typed relation, on labels of real parses
// and on hand-picked edge cases; and the view's relations on a real parse.

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "ingest/link_parser.h"
#include "ingest/sentence_view.h"

namespace quiver::ingest {
namespace {

// The families the clause, noun-phrase, entity and linkage code asked for.
const std::vector<std::string> kFamilies = {
    "S",  "SI", "SX", "O",  "WV", "Wa", "Pv", "Pa",  "Pg", "PP", "I",   "IV", "TO", "K",
    "N",  "E",  "VJ", "MV", "MVp", "MVx", "MVi", "CO", "C", "Ce", "TH", "R",  "Rn", "RS",
    "B",  "M",  "Mp", "Mf", "Mv", "Mg", "Ma", "MX", "J",  "D",  "DG", "DD", "YS", "YP",
    "Y",  "G",  "GN", "A",  "AN", "AL", "NM", "ND", "NN", "NIa", "EA", "EN", "EC", "H",
    "SJ", "Xd", "Xc"};

std::set<std::string> ParsedLabels() {
  std::set<std::string> labels = {
      "Ss*s", "Sp", "SIs", "SX", "Os", "Op", "MVp", "MVx", "MVi", "MVa", "Mp", "Mv", "Mg",
      "Ma",   "Mf", "M",   "MX*x", "Rn", "R",  "RS", "Ce", "Cs",  "C",   "SJlp", "SJrs", "SJ",
      "SJ*",  "YS", "YP",  "Y",  "GN", "G",  "NIa", "NIf", "Xd", "Xc", "Xp", "Wd", "Wa", "WV",
      "Pv",   "Pa", "Pg*b", "PP", "P", "I*t", "IV", "TO", "TOn", "E", "EA", "EN", "SF", "SFsi",
      "OF",   "ON", "AN", "A",  "AL", "ALx", "Dmc", "DG", "DD", "ND", "NM", "NN", "H", "B*m"};
  static auto dict = LinkDictionary::Load();
  if (!dict.ok()) return labels;
  ParserSession parser(*dict, ParserSettings());
  for (const char* s : {"Russia's delegation vetoed the resolution that France had drafted .",
                        "The minister, who arrived in Paris on Monday, said he would not resign .",
                        "Two boys playing the piano were seen by the teacher and her friends ."}) {
    ParseTree tree;
    ParseOutcome o = parser.Parse(s, &tree);
    EXPECT_TRUE(o == ParseOutcome::kComplete || o == ParseOutcome::kPartial) << s;
    for (const ParseLink& l : tree.links) labels.insert(l.label);
  }
  return labels;
}

TEST(SentenceView, TypedRelationsAnswerAsLinkFamiliesDid) {
  for (const std::string& label : ParsedLabels())
    for (const std::string& family : kFamilies)
      EXPECT_EQ(RelIs(RelOfLabel(label), RelOfLabel(family)), LinkIs(label, family))
          << label << " as " << family << " (" << RelName(RelOfLabel(label)) << ")";
}

TEST(SentenceView, UnknownLabelsMatchNothing) {
  EXPECT_EQ(RelOfLabel("ZZq"), Rel::kOther);
  EXPECT_FALSE(RelIs(Rel::kOther, Rel::kOther));
  EXPECT_EQ(RelOfLabel(""), Rel::kOther);
}

TEST(SentenceView, RealParseHasSubjectObjectAndPlural) {
  static auto dict = LinkDictionary::Load();
  ASSERT_TRUE(dict.ok()) << dict.status();
  ParserSession parser(*dict, ParserSettings());
  ParseTree tree;
  const std::string s = "The farmers sold the apples in Bergen .";
  ASSERT_EQ(parser.Parse(s, &tree), ParseOutcome::kComplete);
  SentenceView v(tree);
  auto index = [&](const std::string& w) {
    for (int i = 0; i < v.size(); ++i)
      if (v.word(i).text == w) return i;
    return -1;
  };
  const int farmers = index("farmers"), sold = index("sold"), apples = index("apples");
  ASSERT_GE(sold, 0);
  EXPECT_EQ(v.Find(farmers, Rel::kSubject, true), sold);
  EXPECT_EQ(v.Find(sold, Rel::kObject, true), apples);
  const int in = v.Find(sold, Rel::kVerbModifier, true);  // the family finds MVp
  EXPECT_EQ(in, index("in"));
  EXPECT_EQ(v.Find(in, Rel::kPrepObject, true), index("Bergen"));
  bool plural = false;
  for (const Adjacent& a : v.at(farmers))
    if (a.Is(Rel::kSubject)) plural = a.plural;
  EXPECT_TRUE(plural);
  EXPECT_EQ(v.pos(sold), WordPos::kVerb);
  EXPECT_EQ(v.pos(0), WordPos::kWall);
}

}  // namespace
}  // namespace quiver::ingest
