// Extraction on the project's own sentences, through the real parser.

#include <gtest/gtest.h>

#include <tuple>

#include "ingest/clause_extractor.h"
#include "ingest/pipeline.h"
#include "ingest/shallow_extractor.h"
#include "tests/ingest/extraction_fixture.h"

namespace quiver::ingest {
namespace {

using fixture::Dump;
using fixture::Extract;
using fixture::Find;
using fixture::ModalityOf;

TEST(Extraction, ActiveSubjectVerbObjectByLemma) {
  auto ts = Extract("The mayor of Lyon cancelled the concert. Oslo cancelled the festival.");
  const Triple* t = Find(ts, "Oslo", "cancel", "festival");
  ASSERT_NE(t, nullptr) << Dump(ts);
  EXPECT_EQ(t->text, "cancelled");
  EXPECT_FALSE(t->negated);
  // Concept-to-concept statements stay out of the graph.
  EXPECT_EQ(Find(ts, "mayor", "cancel", "concert"), nullptr) << Dump(ts);
}

TEST(Extraction, PassiveWithAgentTurnsAround) {
  auto ts = Extract("The proposal was rejected by Norway.");
  const Triple* t = Find(ts, "Norway", "reject", "proposal");
  ASSERT_NE(t, nullptr) << Dump(ts);
  EXPECT_EQ(t->text, "was rejected by");
}

TEST(Extraction, NegationWithNotAndNever) {
  auto ts = Extract("Canada did not sign the treaty. Peru never signed the agreement.");
  const Triple* a = Find(ts, "Canada", "sign", "treaty");
  const Triple* b = Find(ts, "Peru", "sign", "agreement");
  ASSERT_NE(a, nullptr) << Dump(ts);
  ASSERT_NE(b, nullptr) << Dump(ts);
  EXPECT_TRUE(a->negated);
  EXPECT_TRUE(b->negated);
}

TEST(Extraction, AContractedAuxiliaryNegates) {
  // link-grammar keeps "didn't" as one word: these were all asserted.
  // The modal under "won't" and "can't" stays (planned, possible).
  struct Case {
    const char* sentence;
    const char* subject;
    const char* modality;
  };
  for (const Case& c : {Case{"Canada didn't sign the treaty.", "Canada", "asserted"},
                        Case{"Peru hasn't signed the treaty.", "Peru", "asserted"},
                        Case{"Chile isn\xE2\x80\x99t signing the treaty.", "Chile", "asserted"},
                        Case{"Cuba won't sign the treaty.", "Cuba", "planned"},
                        Case{"Mali can't sign the treaty.", "Mali", "possible"}}) {
    auto ts = Extract(c.sentence);
    const Triple* t = Find(ts, c.subject, "sign", "treaty");
    ASSERT_NE(t, nullptr) << c.sentence << Dump(ts);
    EXPECT_TRUE(t->negated) << c.sentence;
    EXPECT_EQ(ModalityOf(ts, c.subject, "sign", "treaty"), c.modality) << c.sentence;
  }
  // "The treaty wasn't signed by Norway": the passive's auxiliary too.
  auto passive = Extract("The treaty wasn't signed by Norway.");
  const Triple* t = Find(passive, "Norway", "sign", "treaty");
  ASSERT_NE(t, nullptr) << Dump(passive);
  EXPECT_TRUE(t->negated);
}

TEST(Extraction, NeitherNorDeniesEachConjunct) {
  auto ts = Extract("Peru neither confirmed nor denied the report. Neither Chile nor Cuba "
                    "backed the plan. Mali did not confirm nor deny the claim.");
  for (auto [s, r, o] : {std::tuple{"Peru", "confirm", "report"}, {"Peru", "deny", "report"},
                         {"Chile", "back", "plan"}, {"Cuba", "back", "plan"},
                         {"Mali", "deny", "claim"}}) {
    const Triple* t = Find(ts, s, r, o);
    ASSERT_NE(t, nullptr) << s << " " << r << Dump(ts);
    EXPECT_TRUE(t->negated) << s << " " << r << Dump(ts);  // Mali: "not" once, not twice.
  }
}

TEST(Extraction, HasYetToIsNotYetDone) {
  auto ts = Extract("Sweden has yet to sign the treaty. Yet Norway has to sign the pact.");
  const Triple* sweden = Find(ts, "Sweden", "sign", "treaty");
  ASSERT_NE(sweden, nullptr) << Dump(ts);
  EXPECT_TRUE(sweden->negated);
  const Triple* norway = Find(ts, "Norway", "sign", "pact");
  ASSERT_NE(norway, nullptr) << Dump(ts);
  EXPECT_FALSE(norway->negated);
}

TEST(Extraction, ReportedlyAndAllegedlyReport) {
  auto ts = Extract("Peru reportedly signed the treaty. The arms were allegedly supplied by "
                    "Chile. Cuba quickly signed the pact.");
  EXPECT_EQ(ModalityOf(ts, "Peru", "sign", "treaty"), "reported") << Dump(ts);
  EXPECT_EQ(ModalityOf(ts, "Chile", "supply", "arm"), "reported") << Dump(ts);
  EXPECT_EQ(ModalityOf(ts, "Cuba", "sign", "pact"), "asserted") << Dump(ts);
}

TEST(Extraction, RaisedSubjectsActInTheInfinitive) {
  // "Peru is expected to sign": Peru signs, as far as anyone expects.
  struct Case {
    const char* sentence;
    const char* subject;
    const char* modality;
    bool negated;
  };
  for (const Case& c : {Case{"Peru is expected to sign the treaty.", "Peru", "possible", false},
                        Case{"Chile is said to have signed the treaty.", "Chile", "reported", false},
                        Case{"Cuba is likely to sign the treaty.", "Cuba", "possible", false},
                        Case{"Mali is unlikely to sign the treaty.", "Mali", "possible", true},
                        Case{"Chad is ready to sign the treaty.", "Chad", "planned", false}}) {
    auto ts = Extract(c.sentence);
    const Triple* t = Find(ts, c.subject, "sign", "treaty");
    ASSERT_NE(t, nullptr) << c.sentence << Dump(ts);
    EXPECT_EQ(t->negated, c.negated) << c.sentence;
    EXPECT_EQ(ModalityOf(ts, c.subject, "sign", "treaty"), c.modality) << c.sentence;
  }
  // Other passives keep their reading: being asked is not doing.
  auto asked = Extract("Peru was asked to leave the council.");
  EXPECT_EQ(Find(asked, "Peru", "leave", "council"), nullptr) << Dump(asked);
}

TEST(Extraction, InfinitiveChainWithPlannedModality) {
  auto ts = Extract("Sweden wants to close the museum.");
  EXPECT_EQ(ModalityOf(ts, "Sweden", "close", "museum"), "planned") << Dump(ts);
}

TEST(Extraction, ModalVerbIsPossible) {
  auto ts = Extract("Siemens may sell the factory.");
  EXPECT_EQ(ModalityOf(ts, "Siemens", "sell", "factory"), "possible") << Dump(ts);
}

TEST(Extraction, ConditionIsPossibleNotAsserted) {
  auto ts = Extract("If Norway rejects the offer, the talks will end.");
  EXPECT_EQ(ModalityOf(ts, "Norway", "reject", "offer"), "possible") << Dump(ts);
}

TEST(Extraction, ReportedSpeechGivesTheInnerClauseAsReported) {
  auto ts = Extract("Erik Dahl said that Iceland vetoed the plan.");
  EXPECT_EQ(ModalityOf(ts, "Iceland", "veto", "plan"), "reported") << Dump(ts);
}

TEST(Extraction, QuotationBeforeTheSpeechVerbIsReported) {
  auto ts = Extract("Norway rejected the plan, Erik Dahl said.");
  EXPECT_EQ(ModalityOf(ts, "Norway", "reject", "plan"), "reported") << Dump(ts);
}

TEST(Extraction, CoordinatedSubjectsGiveOneTripleEach) {
  auto ts = Extract("Norway and Sweden signed the treaty.");
  EXPECT_NE(Find(ts, "Norway", "sign", "treaty"), nullptr) << Dump(ts);
  EXPECT_NE(Find(ts, "Sweden", "sign", "treaty"), nullptr) << Dump(ts);
}

TEST(Extraction, NoDeterminerNegates) {
  auto ts = Extract("Interpol has no jurisdiction.");
  const Triple* t = Find(ts, "Interpol", "have", "jurisdiction");
  ASSERT_NE(t, nullptr) << Dump(ts);
  EXPECT_TRUE(t->negated);
}

TEST(Extraction, NoLongerNegates) {
  auto ts = Extract("Denmark no longer supports the plan.");
  const Triple* t = Find(ts, "Denmark", "support", "plan");
  ASSERT_NE(t, nullptr) << Dump(ts);
  EXPECT_TRUE(t->negated);
}

TEST(Extraction, AppositionStatesTheOffice) {
  auto ts = Extract("Anna Berg, the Swedish foreign minister, visited Oslo.");
  EXPECT_NE(Find(ts, "Anna Berg", "minister_of", "Sweden"), nullptr) << Dump(ts);
}

TEST(Extraction, PurposeInfinitiveAndAppositiveNameObject) {
  auto ts = Extract("Erik Dahl traveled to Oslo to meet his Swedish counterpart, Anna Berg.");
  EXPECT_EQ(ModalityOf(ts, "Erik Dahl", "meet", "Anna Berg"), "planned") << Dump(ts);
}

TEST(Extraction, FailingToActNegates) {
  auto ts = Extract("Sweden failed to convince Norway.");
  const Triple* t = Find(ts, "Sweden", "convince", "Norway");
  ASSERT_NE(t, nullptr) << Dump(ts);
  EXPECT_TRUE(t->negated);
}

TEST(Extraction, CoordinatedVerbsShareSubjectAndObject) {
  auto ts = Extract("Norway met and discussed the crisis.");
  EXPECT_NE(Find(ts, "Norway", "discuss", "crisis"), nullptr) << Dump(ts);
}

TEST(Extraction, PhrasalVerbKeepsItsParticle) {
  auto ts = Extract("Interpol rounded up the suspects.");
  EXPECT_NE(Find(ts, "Interpol", "round_up", "suspect"), nullptr) << Dump(ts);
}

TEST(Extraction, PrepositionalObjectBecomesTheRelation) {
  auto ts = Extract("Angela Merkel met with Emmanuel Macron in Berlin.");
  const Triple* t = Find(ts, "Angela Merkel", "meet_with", "Emmanuel Macron");
  ASSERT_NE(t, nullptr) << Dump(ts);
  EXPECT_EQ(t->qualifiers.at("in").AsString(), "Berlin");
}

TEST(Extraction, PlaceOrTimePrepositionBeforeAConceptIsNoRelation) {
  auto ts = Extract("Norway clashed in meetings. Sweden spoke with reporters.");
  EXPECT_EQ(Find(ts, "Norway", "clash_in", "meeting"), nullptr) << Dump(ts);
  EXPECT_NE(Find(ts, "Sweden", "speak_with", "reporter"), nullptr) << Dump(ts);
}

TEST(Extraction, DemonymTitleBecomesOfficeFact) {
  auto ts = Extract("Spanish Prime Minister Pedro Sanchez visited Lisbon.");
  EXPECT_NE(Find(ts, "Pedro Sanchez", "minister_of", "Spain"), nullptr) << Dump(ts);
  EXPECT_NE(Find(ts, "Pedro Sanchez", "visit", "Lisbon"), nullptr) << Dump(ts);
}

TEST(Extraction, ShortFormAndPronounResolveToTheFullName) {
  // "She" needs a person known to be a woman (link-grammar's given names
  // tag "Anna" female, "Maria" either).
  auto ts = Extract("President Anna Lopez opened the bridge. Lopez thanked the workers. "
                    "She praised the engineers.");
  EXPECT_NE(Find(ts, "Anna Lopez", "thank", "worker"), nullptr) << Dump(ts);
  const Triple* t = Find(ts, "Anna Lopez", "praise", "engineer");
  ASSERT_NE(t, nullptr) << Dump(ts);
  EXPECT_NE(t->qualifiers.at("subject_resolution").AsString().find("pronoun"), std::string::npos);
}

TEST(Extraction, ItResolvesToACountryNamedAsSubject) {
  auto ts = Extract("Norway has announced that it will close the embassy.");
  const Triple* t = Find(ts, "Norway", "close", "embassy");
  ASSERT_NE(t, nullptr) << Dump(ts);
  EXPECT_EQ(t->qualifiers.at("modality").AsString(), "planned");
  const std::string why = t->qualifiers.at("subject_resolution").AsString();
  EXPECT_EQ(why.rfind("it -> Norway: pronoun:", 0), 0u) << why;
}

TEST(Extraction, ItStaysUnresolvedWhenACommonNounOrAnObjectIsNearer) {
  // "it" may be the resolution; "Sweden" is named last but as an object.
  auto ts = Extract("Norway drafted a resolution, and it condemned the attack. "
                    "Denmark met Sweden on Monday. It signed the treaty.");
  EXPECT_FALSE(fixture::HasRelation(ts, "condemn")) << Dump(ts);
  EXPECT_FALSE(fixture::HasRelation(ts, "sign")) << Dump(ts);
}

TEST(Extraction, TheyStaysUnresolvedEvenAfterAPeople) {
  // No "they" rule reached the hand check's bar (docs/extraction.md).
  auto ts = Extract("The Russians said they would veto the resolution.");
  EXPECT_FALSE(fixture::HasRelation(ts, "veto")) << Dump(ts);
}

TEST(Extraction, PurposeInfinitiveAfterANamedPlaceIsTheSubjects) {
  // "to" is seven words from "seized"; what stands between is the verb's
  // object and a prepositional phrase ending in names, which take no
  // infinitive of their own.
  auto ts = Extract("Norway has seized upon the protests in Bergen and Oslo to impose a curfew.");
  EXPECT_EQ(ModalityOf(ts, "Norway", "impose", "curfew"), "planned") << Dump(ts);
  // A distant "to" after a common noun stays the noun's ("a mandate to").
  auto mandate = Extract(
      "Norway touched upon the misuse of a mandate from the United Nations to enforce a zone.");
  EXPECT_FALSE(fixture::HasRelation(mandate, "enforce")) << Dump(mandate);
}

TEST(Extraction, OfPhraseWithAMassNounIsPartOfTheConceptName) {
  auto ts = Extract("Norway imposed a state of emergency.");
  EXPECT_NE(Find(ts, "Norway", "impose", "state of emergency"), nullptr) << Dump(ts);
}

TEST(Extraction, PossessorsDecisionToActIsTheirs) {
  auto ts = Extract("Sweden welcomed Norway's decision to cancel the visit.");
  EXPECT_EQ(ModalityOf(ts, "Norway", "cancel", "visit"), "asserted") << Dump(ts);
  EXPECT_EQ(Find(ts, "Sweden", "cancel", "visit"), nullptr) << Dump(ts);
}

// A linkage like the one link-grammar gives a long sentence that opens with
// a demonym it can read as a verb ("French"): the "to" hangs on that verb,
// not on "decision". The noun still governs the infinitive after it.
TEST(ClauseExtractor, DecisionNounGovernsTheInfinitiveTheParserHungElsewhere) {
  const std::string text = "Dutch Minister Anna Berg's decision to cancel the visit";
  ParseTree t;
  t.words.push_back({"LEFT-WALL", "", false, 0, 0});
  size_t at = 0;
  const std::pair<const char*, const char*> words[] = {
      {"Dutch", "v"}, {"Minister", "n"}, {"Anna", ""}, {"Berg", ""}, {"'s", "p"},
      {"decision", "n"}, {"to", "r"}, {"cancel", "v"}, {"the", ""}, {"visit", "n"}};
  for (const auto& [w, tag] : words) {
    at = text.find(w, at);
    ASSERT_NE(at, std::string::npos) << w;
    t.words.push_back({w, tag, false, static_cast<uint32_t>(at),
                       static_cast<uint32_t>(at + std::string(w).size())});
    at += std::string(w).size();
  }
  t.words.push_back({"RIGHT-WALL", "", false, 0, 0});
  t.links = {{0, 1, "Wg"}, {1, 6, "Os"}, {1, 7, "MVi"}, {7, 8, "I"}, {8, 10, "Os"},
             {9, 10, "Ds"}, {5, 6, "Ds"}, {4, 5, "YS"}, {2, 4, "GN"}, {3, 4, "G"}};
  LinkGraph g(t);
  std::vector<Clause> clauses = ExtractClauses(g);
  const Clause* cancel = nullptr;
  for (const Clause& c : clauses)
    if (c.relation == "cancel") cancel = &c;
  ASSERT_NE(cancel, nullptr);
  EXPECT_EQ(cancel->subject, 4);  // Berg, the possessor.
  EXPECT_EQ(cancel->object, 10);
  EXPECT_EQ(cancel->modality, Modality::kAsserted);
  EXPECT_TRUE(cancel->graph_worthy);
}

TEST(ShallowExtractor, SplitsAtTheFirstVerbGroup) {
  auto t = ShallowExtract("Last week Norway has rejected the offer of Sweden , officials said .");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->arg1, "Last week Norway");
  EXPECT_EQ(t->relation, "has rejected");
  EXPECT_EQ(t->arg2, "the offer of Sweden");
  EXPECT_EQ(t->verb_lemma, "reject");
  EXPECT_EQ(t->subject_name, "Norway");
  // "Sweden" does not stand right after the verb group: no name pair.
  EXPECT_EQ(t->object_name, "");
  auto direct = ShallowExtract("Last week Norway has rejected Sweden in the vote .");
  ASSERT_TRUE(direct.has_value());
  EXPECT_EQ(direct->object_name, "Sweden");
  auto aux = ShallowExtract("Russia has the support of Syria in this .");
  ASSERT_TRUE(aux.has_value());
  EXPECT_EQ(aux->subject_name, "");
  EXPECT_FALSE(ShallowExtract("No verb here at all").has_value());
}

TEST(ShallowExtractor, APronounOpeningTheSentenceIsNoName) {
  // Without a parse nothing resolves "He"; the hand check found it stored
  // as a node named "He".
  auto he = ShallowExtract("He criticized Hollande in the debate .");
  ASSERT_TRUE(he.has_value());
  EXPECT_EQ(he->relation, "criticized");
  EXPECT_EQ(he->subject_name, "");
  EXPECT_EQ(he->object_name, "Hollande");
  auto they = ShallowExtract("They criticized Hollande in the debate .");
  ASSERT_TRUE(they.has_value());
  EXPECT_EQ(they->subject_name, "");
  auto name = ShallowExtract("Sarkozy criticized Hollande in the debate .");
  ASSERT_TRUE(name.has_value());
  EXPECT_EQ(name->subject_name, "Sarkozy");
}

TEST(Extraction, TooLongSentencesAreCountedAndFallBack) {
  static auto dict = LinkDictionary::Load();
  ASSERT_TRUE(dict.ok());
  ParserSettings settings;
  settings.max_words = 5;
  ParserSession parser(*dict, settings);
  SourceDocument doc;
  doc.text = "Norway rejected Sweden on Monday morning after a long and tiring debate.";
  ExtractedDocument d = ExtractDocument(doc, parser);
  EXPECT_EQ(d.stats.too_long, 1);
  EXPECT_EQ(d.stats.fallback, 1);
  ASSERT_EQ(d.input.triples.size(), 1u);
  EXPECT_EQ(d.input.triples[0].subject, "Norway");
  EXPECT_EQ(d.input.triples[0].relation, "reject");
  EXPECT_EQ(d.input.triples[0].object, "Sweden");
  EXPECT_EQ(d.input.triples[0].qualifiers.at("extraction").AsString(), "shallow");
}

TEST(Extraction, SameGraphForOneAndTwoThreads) {
  std::vector<SourceDocument> docs;
  for (int i = 0; i < 4; ++i) {
    SourceDocument d;
    d.source = "doc" + std::to_string(i);
    d.text = "The council approved the budget. Norway rejected the plan number " +
             std::to_string(i) + ".";
    docs.push_back(d);
  }
  auto run = [&](int jobs) {
    std::vector<std::string> out;
    auto st = ExtractAll(docs, jobs, ParserSettings(), [&](size_t i, ExtractedDocument&& d) {
      for (const Triple& t : d.input.triples)
        out.push_back(std::to_string(i) + t.subject + t.relation + t.object);
    });
    EXPECT_TRUE(st.ok());
    return out;
  };
  auto one = run(1);
  EXPECT_FALSE(one.empty());
  EXPECT_EQ(one, run(2));
}

}  // namespace
}  // namespace quiver::ingest
