// The learned confidence: the C++ scoring of a candidate equals the
// training script's (tools/train_confidence.py --score) on a fixture, the
// model file's errors are clear, and the embedded model ranks CaRB output.

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/carb_candidates.h"
#include "ingest/clause_extractor.h"
#include "ingest/confidence_model.h"
#include "ingest/link_parser.h"

namespace quiver::ingest {
namespace {

const std::string kFixture = std::string(QUIVER_SOURCE_DIR) + "/tests/ingest/data/confidence/";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// "a=1.0;kind=svo=1.0": the value follows the last '='.
Features ParseFeatureColumn(const std::string& column) {
  Features out;
  std::stringstream ss(column);
  for (std::string item; std::getline(ss, item, ';');) {
    const size_t eq = item.rfind('=');
    out.push_back({item.substr(0, eq), std::stod(item.substr(eq + 1))});
  }
  return out;
}

TEST(ConfidenceModel, ScoresAsTheTrainingScriptDoes) {
  auto model = ConfidenceModel::Parse(ReadFile(kFixture + "model.txt"));
  ASSERT_TRUE(model.ok()) << model.status();
  EXPECT_GT(model->size(), 10u);
  std::ifstream features(kFixture + "features.tsv");
  std::ifstream expected(kFixture + "expected.txt");
  std::string line, want;
  int n = 0;
  while (std::getline(features, line)) {
    ASSERT_TRUE(std::getline(expected, want)) << "expected.txt is shorter than features.tsv";
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
    ASSERT_GE(cols.size(), 3u) << line;
    EXPECT_NEAR(model->Score(ParseFeatureColumn(cols[2])), std::stod(want), 1e-9) << "line " << n + 1;
    ++n;
  }
  EXPECT_GT(n, 20);
}

TEST(ConfidenceModel, UnknownFeaturesWeighNothing) {
  auto model = ConfidenceModel::Parse("bias 0\nfeature kind=svo 2\n");
  ASSERT_TRUE(model.ok()) << model.status();
  EXPECT_DOUBLE_EQ(model->Score({}), 0.5);
  EXPECT_DOUBLE_EQ(model->Score({{"kind=never_seen", 1}}), 0.5);
  EXPECT_NEAR(model->Score({{"kind=svo", 1}}), 1 / (1 + std::exp(-2.0)), 1e-12);
}

TEST(ConfidenceModel, BadFilesAreRefusedWithTheLine) {
  auto no_bias = ConfidenceModel::Parse("feature a 1\n");
  EXPECT_EQ(no_bias.status().code(), absl::StatusCode::kInvalidArgument);
  auto bad_number = ConfidenceModel::Parse("bias 0\nfeature a x1\n");
  ASSERT_FALSE(bad_number.ok());
  EXPECT_NE(bad_number.status().message().find("line 2"), std::string::npos)
      << bad_number.status();
  auto twice = ConfidenceModel::Parse("bias 0\nfeature a 1\nfeature a 2\n");
  EXPECT_NE(twice.status().message().find("twice"), std::string::npos) << twice.status();
  auto unknown = ConfidenceModel::Parse("bias 0\nweights a 1\n");
  EXPECT_FALSE(unknown.ok());
  auto nan = ConfidenceModel::Parse("bias nan\n");
  EXPECT_FALSE(nan.ok());
}

TEST(ConfidenceModel, EmbeddedModelIsTheRepositoryFile) {
  const ConfidenceModel* embedded = ConfidenceModel::Embedded();
  ASSERT_NE(embedded, nullptr) << "ingest/model/confidence.txt was not compiled in";
  auto file = ConfidenceModel::Parse(ReadFile(std::string(QUIVER_SOURCE_DIR) +
                                              "/ingest/model/confidence.txt"));
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(embedded->size(), file->size());
  EXPECT_DOUBLE_EQ(embedded->threshold(), file->threshold());
  EXPECT_GT(embedded->threshold(), 0.0);
  EXPECT_LT(embedded->threshold(), 1.0);
}

TEST(ConfidenceModel, RankingDropsExtrasAndScoresTheRest) {
  OpenTuple kept, extra;
  kept.features = {{"kind=svo", 1}};
  kept.confidence = 0.9;
  extra.features = {{"kind=object_conjunct", 1}};
  extra.extra = true;
  auto model = ConfidenceModel::Parse("bias 1\n");
  ASSERT_TRUE(model.ok());
  auto ranked = RankCandidates({kept, extra}, &*model);
  ASSERT_EQ(ranked.size(), 1u);
  EXPECT_NEAR(ranked[0].confidence, 1 / (1 + std::exp(-1.0)), 1e-12);
  auto hand = RankCandidates({kept, extra}, nullptr);
  ASSERT_EQ(hand.size(), 1u);
  EXPECT_DOUBLE_EQ(hand[0].confidence, 0.9);
}

}  // namespace
}  // namespace quiver::ingest

namespace quiver::ingest {
namespace {

// Graph-worthiness of each clause of `sentence`, before and after the cut
// by `model` (the shipped one by default).
std::vector<std::pair<bool, bool>> Cut(const std::string& sentence, std::vector<Clause>* out,
                                       const ConfidenceModel* model = ConfidenceModel::Embedded()) {
  static auto dict = LinkDictionary::Load();
  EXPECT_TRUE(dict.ok()) << dict.status();
  ParserSession parser(*dict, ParserSettings());
  ParseTree tree;
  ParseOutcome o = parser.Parse(sentence, &tree);
  EXPECT_TRUE(o == ParseOutcome::kComplete || o == ParseOutcome::kPartial) << sentence;
  SentenceView g(tree);
  std::vector<Clause> clauses = ExtractClauses(g);
  std::vector<std::pair<bool, bool>> worthy;
  for (const Clause& c : clauses) worthy.push_back({c.graph_worthy, false});
  KeepConfidentClauses(g, sentence, o == ParseOutcome::kPartial, model, &clauses);
  for (size_t i = 0; i < clauses.size(); ++i) worthy[i].second = clauses[i].graph_worthy;
  *out = clauses;
  return worthy;
}

TEST(ConfidenceModel, GraphKeepsAConfidentMainClause) {
  std::vector<Clause> clauses;
  auto worthy = Cut("Russia vetoed the resolution on Syria .", &clauses);
  ASSERT_FALSE(clauses.empty());
  for (size_t i = 0; i < clauses.size(); ++i)
    if (clauses[i].relation == "veto") {
      EXPECT_TRUE(worthy[i].second);
    }
}

TEST(ConfidenceModel, GraphDropsAWeakClauseAndNeverAddsOne) {
  // A model that scores a clause kind low drops it and keeps the others:
  // here the subject-verb-object clause goes, the passive with its agent
  // stays.
  auto model = ConfidenceModel::Parse("bias 1\nthreshold 0.5\nfeature kind=svo -4\n");
  ASSERT_TRUE(model.ok()) << model.status();
  std::vector<Clause> clauses;
  auto worthy = Cut("Norway rejected the offer , and the plan was seen by reporters in the hall .",
                    &clauses, &*model);
  bool dropped = false, passive = false;
  for (size_t i = 0; i < clauses.size(); ++i) {
    EXPECT_FALSE(!worthy[i].first && worthy[i].second) << "a clause became graph-worthy";
    if (worthy[i].first && !worthy[i].second) dropped = true;
    if (clauses[i].passive && clauses[i].relation == "see") {
      passive = true;
      EXPECT_TRUE(worthy[i].second) << "the passive with its agent was dropped";
    }
  }
  EXPECT_TRUE(dropped) << "no clause scored under the model's threshold";
  EXPECT_TRUE(passive) << "the parse has no passive 'see' clause";
}

TEST(ConfidenceModel, GraphKeepsCopulasAndAppositionsWhateverTheirScore) {
  // They reach the graph only as roles with a named other side, which the
  // hand checks accepted; a model scoring appositions low leaves them be.
  auto model = ConfidenceModel::Parse("bias 1\nthreshold 0.5\nfeature kind=apposition -4\n");
  ASSERT_TRUE(model.ok()) << model.status();
  std::vector<Clause> clauses;
  auto worthy = Cut("Olle Lund , a member of the Green Party , was seen by reporters .", &clauses,
                    &*model);
  bool apposition = false;
  for (size_t i = 0; i < clauses.size(); ++i) {
    if (!clauses[i].apposition) continue;
    apposition = true;
    EXPECT_EQ(worthy[i].first, worthy[i].second) << "the apposition was cut";
  }
  EXPECT_TRUE(apposition) << "the parse has no apposition";
}

}  // namespace
}  // namespace quiver::ingest
