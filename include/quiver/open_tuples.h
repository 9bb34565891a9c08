// Open-information-extraction tuples of a sentence: n-ary readings
// (relation, arg1, arg2, then prepositional arguments) as written in the
// sentence, what `quiver extract --format carb` writes for CaRB, with the
// candidate features the confidence model is trained on
// (tools/train_confidence.py reads `--format carb-features`). Made by
// Extractor::ExtractOpenTuples (quiver/extractor.h); the graph keeps only
// the confident clause readings of the same parses, as triples.

#ifndef QUIVER_OPEN_TUPLES_H_
#define QUIVER_OPEN_TUPLES_H_

#include <string>
#include <utility>
#include <vector>

namespace quiver {

struct OpenTuple {
  std::string relation;
  std::vector<std::string> args;  // arg1, arg2, then prepositional arguments.
  // In (0, 1): see SentenceTuples for which confidence it is.
  double confidence = 0;
  // What the confidence model sees: named features, one-hot ("kind=svo",
  // value 1) or numeric ("arg1_words"), names unique within a tuple.
  std::vector<std::pair<std::string, double>> features;
  // A recall candidate that the reported tuples leave out (one conjunct of
  // a coordination, a possession): kept among the candidates so that a
  // model can be trained on it.
  bool extra = false;
};

struct SentenceTuples {
  // The tuples to report (no extras), in the extractor's order. Their
  // confidence is the learned model's score when `learned`, else the
  // hand-written one.
  std::vector<OpenTuple> tuples;
  // Every candidate, extras included, with its hand-written confidence and
  // its features: the training rows for the confidence model.
  std::vector<OpenTuple> candidates;
  // Whether this build of the library has a learned confidence model.
  bool learned = false;
};

// CaRB's tab format, one line per reported tuple:
// sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2[<TAB>arg3...], the
// confidence to 6 decimals when learned (each distinct value is a threshold
// on CaRB's curve), else 3. No newline after the last line; "" when there
// is no tuple.
std::string FormatCarb(const std::string& sentence, const SentenceTuples& tuples);

// One line per candidate: sentence<TAB>hand confidence (3 decimals)<TAB>
// features ("name=value;...", 4 decimals)<TAB>relation<TAB>arguments, as
// `quiver extract --format carb-features` writes. No newline after the last.
std::string FormatCarbFeatures(const std::string& sentence, const SentenceTuples& tuples);

}  // namespace quiver

#endif  // QUIVER_OPEN_TUPLES_H_
