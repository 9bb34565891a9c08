// Open-IE tuples (CaRB format) on the project's own sentences, through the
// real parser: arguments as written, openers, nominal facts.

#include <gtest/gtest.h>

#include "ingest/carb_writer.h"
#include "ingest/clause_extractor.h"
#include "ingest/link_parser.h"

namespace quiver::ingest {
namespace {

std::vector<OpenTuple> Tuples(const std::string& sentence) {
  static auto dict = LinkDictionary::Load();
  EXPECT_TRUE(dict.ok()) << dict.status();
  ParserSession parser(*dict, ParserSettings());
  ParseTree tree;
  ParseOutcome o = parser.Parse(sentence, &tree);
  if (o != ParseOutcome::kComplete && o != ParseOutcome::kPartial) return {};
  LinkGraph g(tree);
  return ToOpenTuples(g, ExtractClauses(g), sentence, o == ParseOutcome::kPartial);
}

const OpenTuple* Find(const std::vector<OpenTuple>& ts, const std::string& rel,
                      const std::string& arg1) {
  for (const OpenTuple& t : ts)
    if (t.relation == rel && t.args[0] == arg1) return &t;
  return nullptr;
}

// Argument `i` of the tuple (rel; arg1; ...), or a note saying it is not
// there: one EXPECT_EQ checks the tuple and its argument.
std::string Arg(const std::vector<OpenTuple>& ts, const std::string& rel, const std::string& arg1,
                size_t i) {
  const OpenTuple* t = Find(ts, rel, arg1);
  if (t == nullptr) return "(no such tuple)";
  return i < t->args.size() ? t->args[i] : "(no argument " + std::to_string(i) + ")";
}

std::string Dump(const std::vector<OpenTuple>& ts) {
  std::string out;
  for (const OpenTuple& t : ts) {
    out += "(" + t.relation;
    for (const std::string& a : t.args) out += "; " + a;
    out += ") ";
  }
  return out;
}

TEST(CarbTuples, ParticipleSubjectStopsBeforeTheParticiple) {
  // Before: arg1 was "two tired boys playing the piano".
  auto ts = Tuples("The photo shows two tired boys playing the piano .");
  EXPECT_EQ(Arg(ts, "playing", "two tired boys", 1), "the piano") << Dump(ts);
}

TEST(CarbTuples, RelativeClauseSubjectIsTheAntecedentAlone) {
  auto ts = Tuples("The farmers who planted the orchard sold the apples .");
  EXPECT_EQ(Arg(ts, "planted", "The farmers", 1), "the orchard") << Dump(ts);
}

TEST(CarbTuples, OpeningPhraseIsAFurtherArgument) {
  auto ts = Tuples("In 1987 , the mayor opened a new library .");
  EXPECT_EQ(Arg(ts, "opened", "the mayor", 1), "a new library") << Dump(ts);
  EXPECT_EQ(Arg(ts, "opened", "the mayor", 2), "In 1987") << Dump(ts);
  EXPECT_EQ(Arg(ts, "opened", "the mayor", 3), "(no argument 3)") << Dump(ts);
}

TEST(CarbTuples, TitleBeforeANameIsACopula) {
  auto ts = Tuples("The council thanked former Senator Maria Lopez .");
  EXPECT_EQ(Arg(ts, "is", "Maria Lopez", 1), "former Senator") << Dump(ts);
  // A name that merely starts with a noun is no title.
  auto names = Tuples("The Labour Party won the election .");
  EXPECT_EQ(Find(names, "is", "Party"), nullptr) << Dump(names);
}


TEST(CarbTuples, AdverbBeforeTheVerbJoinsTheRelation) {
  auto ts = Tuples("The engineers also repaired the old bridge .");
  EXPECT_EQ(Arg(ts, "also repaired", "The engineers", 1), "the old bridge") << Dump(ts);
}

TEST(CarbTuples, SayThatKeepsTheComplementiserInTheRelation) {
  auto ts = Tuples("The mayor said that the bridge was unsafe .");
  EXPECT_EQ(Arg(ts, "said that", "The mayor", 1), "the bridge was unsafe") << Dump(ts);
}

TEST(CarbTuples, PlaceInsideANounPhraseRanksBelowClauses) {
  auto ts = Tuples("The museum in Bergen bought a painting .");
  const OpenTuple* place = Find(ts, "is in", "The museum");
  const OpenTuple* bought = Find(ts, "bought", "The museum in Bergen");
  ASSERT_NE(place, nullptr) << Dump(ts);
  ASSERT_NE(bought, nullptr) << Dump(ts);
  EXPECT_LT(place->confidence, 0.15);
  EXPECT_GT(bought->confidence, place->confidence);
}


TEST(CarbTuples, IntransitiveClauseTakesItsOpeningPhrase) {
  auto ts = Tuples("On that night the lights went out .");
  EXPECT_EQ(Arg(ts, "went out", "the lights", 1), "On that night") << Dump(ts);
  // Without an opening phrase there is no second argument and no tuple.
  auto bare = Tuples("The lights went out .");
  EXPECT_EQ(Find(bare, "went out", "The lights"), nullptr) << Dump(bare);
}

}  // namespace
}  // namespace quiver::ingest
