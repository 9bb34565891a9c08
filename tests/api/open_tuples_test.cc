// Open-IE tuples through the public API (quiver/open_tuples.h,
// Extractor::ExtractOpenTuples): what `quiver extract --format carb` and
// `--format carb-features` write, without reaching into ingest/.

#include "quiver/open_tuples.h"

#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "quiver/extractor.h"

namespace quiver {
namespace {

bool SameTuple(const OpenTuple& a, const OpenTuple& b) {
  return a.relation == b.relation && a.args == b.args && a.confidence == b.confidence &&
         a.features == b.features && a.extra == b.extra;
}

TEST(OpenTuples, ASentenceGivesScoredTuplesAndEveryCandidateWithFeatures) {
  auto extractor = Extractor::Create();
  ASSERT_TRUE(extractor.ok()) << extractor.status();
  const std::string sentence = "Barack Obama was born in Honolulu in 1961 .";
  auto got = (*extractor)->ExtractOpenTuples(sentence);
  ASSERT_TRUE(got.ok()) << got.status();
  ASSERT_FALSE(got->tuples.empty());
  ASSERT_GE(got->candidates.size(), got->tuples.size());

  bool names_obama = false;
  for (const OpenTuple& t : got->tuples) {
    EXPECT_FALSE(t.extra);
    EXPECT_FALSE(t.relation.empty());
    ASSERT_GE(t.args.size(), 1u);
    EXPECT_GT(t.confidence, 0.0);
    EXPECT_LT(t.confidence, 1.0);
    // Relation and arguments are the sentence's own words.
    EXPECT_NE(sentence.find(t.relation), std::string::npos) << t.relation;
    for (const std::string& a : t.args) EXPECT_NE(sentence.find(a), std::string::npos) << a;
    if (t.args[0].find("Obama") != std::string::npos) names_obama = true;
  }
  EXPECT_TRUE(names_obama);

  // The reported tuples are the non-extra candidates, in order, each with
  // its features; only the confidence is the model's when there is one.
  std::vector<const OpenTuple*> reported;
  for (const OpenTuple& c : got->candidates) {
    ASSERT_FALSE(c.features.empty());
    std::set<std::string> names;
    for (const auto& [name, value] : c.features) EXPECT_TRUE(names.insert(name).second) << name;
    if (!c.extra) reported.push_back(&c);
  }
  ASSERT_EQ(reported.size(), got->tuples.size());
  bool rescored = false;
  for (size_t i = 0; i < reported.size(); ++i) {
    EXPECT_EQ(reported[i]->relation, got->tuples[i].relation);
    EXPECT_EQ(reported[i]->args, got->tuples[i].args);
    EXPECT_EQ(reported[i]->features, got->tuples[i].features);
    if (reported[i]->confidence != got->tuples[i].confidence) rescored = true;
  }
  EXPECT_EQ(rescored, got->learned && !reported.empty());
}

TEST(OpenTuples, ManySentencesComeInInputOrderAsOneByOne) {
  const std::vector<std::string> sentences = {
      "Norway rejected the proposal of Sweden .",
      "The committee , which met in Paris , approved the budget on Tuesday .",
      "",
      "Ada Lovelace wrote the first program for the Analytical Engine .",
      "He said that the company would open a factory in Ohio next year ."};
  ExtractorOptions options;
  options.jobs = 2;
  auto extractor = Extractor::Create(options);
  ASSERT_TRUE(extractor.ok()) << extractor.status();
  std::vector<size_t> order;
  std::vector<SentenceTuples> all;
  absl::Status st = (*extractor)->ExtractOpenTuples(sentences, [&](size_t i, SentenceTuples&& t) {
    order.push_back(i);
    all.push_back(std::move(t));
  });
  ASSERT_TRUE(st.ok()) << st;
  ASSERT_EQ(order, (std::vector<size_t>{0, 1, 2, 3, 4}));
  EXPECT_TRUE(all[2].tuples.empty());
  EXPECT_TRUE(all[2].candidates.empty());
  for (size_t i = 0; i < sentences.size(); ++i) {
    auto one = (*extractor)->ExtractOpenTuples(sentences[i]);
    ASSERT_TRUE(one.ok()) << one.status();
    ASSERT_EQ(one->tuples.size(), all[i].tuples.size()) << sentences[i];
    for (size_t k = 0; k < one->tuples.size(); ++k)
      EXPECT_TRUE(SameTuple(one->tuples[k], all[i].tuples[k])) << sentences[i];
    ASSERT_EQ(one->candidates.size(), all[i].candidates.size()) << sentences[i];
    for (size_t k = 0; k < one->candidates.size(); ++k)
      EXPECT_TRUE(SameTuple(one->candidates[k], all[i].candidates[k])) << sentences[i];
  }
}

TEST(OpenTuples, FormatCarbWritesCaRBsTabFormat) {
  SentenceTuples t;
  OpenTuple a;
  a.relation = "rejected";
  a.args = {"Norway", "the proposal", "on Tuesday"};
  a.confidence = 0.8123456;
  a.features = {{"kind=svo", 1}, {"arg1_words", 1}};
  OpenTuple b;
  b.relation = "of";
  b.args = {"the proposal", "Sweden"};
  b.confidence = 0.25;
  b.extra = true;
  b.features = {{"kind=possession", 1}};
  t.tuples = {a};
  t.candidates = {a, b};

  const std::string s = "Norway rejected the proposal of Sweden on Tuesday .";
  t.learned = false;
  EXPECT_EQ(FormatCarb(s, t), s + "\t0.812\trejected\tNorway\tthe proposal\ton Tuesday");
  t.learned = true;
  EXPECT_EQ(FormatCarb(s, t), s + "\t0.812346\trejected\tNorway\tthe proposal\ton Tuesday");
  EXPECT_EQ(FormatCarbFeatures(s, t),
            s + "\t0.812\tkind=svo=1.0000;arg1_words=1.0000\trejected\tNorway\tthe proposal\t"
                "on Tuesday\n" +
                s + "\t0.250\tkind=possession=1.0000\tof\tthe proposal\tSweden");
  EXPECT_EQ(FormatCarb(s, SentenceTuples()), "");
}

}  // namespace
}  // namespace quiver
