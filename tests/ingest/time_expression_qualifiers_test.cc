#include "ingest/time_expression_qualifiers.h"

#include <gtest/gtest.h>

namespace quiver::ingest {
namespace {

Triple In(std::string sentence, std::string relation_words, uint32_t index = 0) {
  Triple t;
  t.subject = "Putin";
  t.relation = "meet";
  t.object = "Hollande";
  t.text = std::move(relation_words);
  t.sentence = index;
  t.sentence_text = std::move(sentence);
  return t;
}

std::string Text(const Value& v) { return v.is_string() ? v.AsString() : v.ToString(); }

std::string Get(const Triple& t, const std::string& key) {
  auto it = t.qualifiers.find(key);
  return it == t.qualifiers.end() ? "-" : Text(it->second);
}

TEST(TimeQualifiers, AStatementTakesItsSentencesTimeAndTheDocumentsDate) {
  std::vector<Triple> triples = {In("Putin met Hollande on Tuesday.", "met"),
                                 In("Putin met Hollande.", "met", 1)};
  AddTimeQualifiers("2016-10-12T09:00:00+02:00", &triples);
  EXPECT_EQ(Get(triples[0], "time"), "on Tuesday");
  EXPECT_EQ(Get(triples[0], "time_start"), "2016-10-11");
  EXPECT_EQ(Get(triples[0], "time_end"), "2016-10-11");
  EXPECT_EQ(Get(triples[0], "time_granularity"), "day");
  EXPECT_EQ(Get(triples[0], "time_kind"), "point");
  EXPECT_EQ(Get(triples[0], "reported"), "2016-10-12");
  // No time expression: the report date alone.
  EXPECT_EQ(Get(triples[1], "time"), "-");
  EXPECT_EQ(Get(triples[1], "reported"), "2016-10-12");
}

TEST(TimeQualifiers, AnUndatedDocumentKeepsAbsoluteTimesAndTheWordsOfRelativeOnes) {
  std::vector<Triple> triples = {In("Putin met Hollande in May 2012.", "met"),
                                 In("Putin met Hollande yesterday.", "met", 1)};
  AddTimeQualifiers("", &triples);
  EXPECT_EQ(Get(triples[0], "time_start"), "2012-05-01");
  EXPECT_EQ(Get(triples[0], "time_end"), "2012-05-31");
  EXPECT_EQ(Get(triples[0], "reported"), "-");
  EXPECT_EQ(Get(triples[1], "time"), "yesterday");
  EXPECT_EQ(Get(triples[1], "time_start"), "-");
  EXPECT_EQ(Get(triples[1], "reported"), "-");
}

TEST(TimeQualifiers, TheTimeAfterTheVerbWinsOverOneInAnAside) {
  std::vector<Triple> triples = {
      In("Hollande, elected in May 2012, met Putin on Tuesday.", "met"),
      In("On Tuesday, Putin met Hollande.", "met", 1)};
  AddTimeQualifiers("2016-10-12", &triples);
  EXPECT_EQ(Get(triples[0], "time"), "on Tuesday");
  EXPECT_EQ(Get(triples[1], "time"), "On Tuesday");
}

TEST(TimeQualifiers, ATimeBeforeTheSubjectBelongsToAnotherClauseUnlessItOpensTheSentenceOrLeadsToIt) {
  Triple crackdown = In("The minister, who held talks in Moscow last week, said Assad continued "
                        "a crackdown.",
                        "continued");
  crackdown.subject = "Bashar al-Assad";
  crackdown.subject_mention = "Assad";
  Triple opening = In("Last week, the minister said Assad continued a crackdown.", "continued", 1);
  opening.subject = "Assad";
  // Reported speech dated by its saying: the time leads to the subject.
  Triple threat = In("Juppe said Tuesday that Russia was threatening to use a veto.",
                     "was threatening", 2);
  threat.subject = "Russia";
  std::vector<Triple> triples = {crackdown, opening, threat};
  AddTimeQualifiers("2011-07-06", &triples);
  EXPECT_EQ(Get(triples[0], "time"), "-");
  EXPECT_EQ(Get(triples[0], "reported"), "2011-07-06");
  EXPECT_EQ(Get(triples[1], "time"), "Last week");
  EXPECT_EQ(Get(triples[2], "time"), "Tuesday");
}

TEST(TimeQualifiers, TheRelationIsFoundByItsVerbAsAWholeWord) {
  // "use" first occurs inside "because", and "to" in "attempted to sway",
  // both before "last week".
  std::vector<Triple> triples = {
      In("Juppe attempted to sway Lavrov because of talks last week, but said Tuesday that "
         "Russia was threatening to use a veto.",
         "to use"),
      In("Juppe attempted to sway Lavrov because of talks last week, but said Tuesday that "
         "Russia was threatening to use a veto.",
         "attempted to sway")};
  AddTimeQualifiers("2011-07-06", &triples);
  EXPECT_EQ(Get(triples[0], "time"), "Tuesday");
  EXPECT_EQ(Get(triples[1], "time"), "last week");
}

}  // namespace
}  // namespace quiver::ingest
