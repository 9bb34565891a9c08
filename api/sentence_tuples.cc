// internal::SentenceTuplesOf and quiver::FormatCarb / FormatCarbFeatures
// (quiver/open_tuples.h): ingest/'s CaRB candidates, ranking and writers
// behind the public types. The writers are ingest/'s own, so the CLI's
// output is what the CaRB scorer and tools/train_confidence.py always read.

#include "api/sentence_tuples.h"

#include <utility>
#include <vector>

#include "ingest/carb_candidates.h"
#include "ingest/carb_writer.h"
#include "ingest/confidence_model.h"

namespace quiver {

namespace {

OpenTuple ToPublic(ingest::OpenTuple t) {
  OpenTuple out;
  out.relation = std::move(t.relation);
  out.args = std::move(t.args);
  out.confidence = t.confidence;
  out.features = std::move(t.features);
  out.extra = t.extra;
  return out;
}

ingest::OpenTuple ToIngest(const OpenTuple& t) {
  ingest::OpenTuple out;
  out.relation = t.relation;
  out.args = t.args;
  out.confidence = t.confidence;
  out.features = t.features;
  out.extra = t.extra;
  return out;
}

std::vector<ingest::OpenTuple> ToIngest(const std::vector<OpenTuple>& tuples) {
  std::vector<ingest::OpenTuple> out;
  out.reserve(tuples.size());
  for (const OpenTuple& t : tuples) out.push_back(ToIngest(t));
  return out;
}

}  // namespace

namespace internal {

SentenceTuples SentenceTuplesOf(const std::string& sentence, ingest::ParserSession& parser) {
  std::vector<ingest::OpenTuple> candidates = ingest::CarbCandidates(sentence, parser);
  const ingest::ConfidenceModel* model = ingest::ConfidenceModel::Embedded();
  SentenceTuples out;
  out.learned = model != nullptr;
  for (ingest::OpenTuple& t : ingest::RankCandidates(candidates, model))
    out.tuples.push_back(ToPublic(std::move(t)));
  for (ingest::OpenTuple& t : candidates) out.candidates.push_back(ToPublic(std::move(t)));
  return out;
}

}  // namespace internal

std::string FormatCarb(const std::string& sentence, const SentenceTuples& tuples) {
  return ingest::FormatCarb(sentence, ToIngest(tuples.tuples), tuples.learned ? 6 : 3);
}

std::string FormatCarbFeatures(const std::string& sentence, const SentenceTuples& tuples) {
  return ingest::FormatCarbFeatures(sentence, ToIngest(tuples.candidates));
}

}  // namespace quiver
