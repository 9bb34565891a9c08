// The learned confidence of a candidate tuple: logistic regression over the
// named features of ingest/tuple_features.h. The weights come from
// tools/train_confidence.py (trained on CaRB dev) as a small text file,
// ingest/model/confidence.txt, embedded at build time:
//
//   # comment lines
//   bias <weight>
//   threshold <p>            the graph keeps clauses scoring at least p
//   feature <name> <weight>  numeric value times weight; one-hot names
//                            ("kind=svo") have the value 1 when present
//
// Features the model does not know weigh nothing.

#ifndef QUIVER_INGEST_CONFIDENCE_MODEL_H_
#define QUIVER_INGEST_CONFIDENCE_MODEL_H_

#include <map>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "ingest/tuple_features.h"

namespace quiver::ingest {

class ConfidenceModel {
 public:
  // Errors: kInvalidArgument naming the line and what is wrong with it.
  static absl::StatusOr<ConfidenceModel> Parse(std::string_view text);

  // The model built into this binary, or nullptr when it was built without
  // one (then extraction keeps its hand-written confidence). Thread-safe.
  static const ConfidenceModel* Embedded();

  // The probability that the candidate matches a gold tuple, in (0, 1).
  double Score(const Features& features) const;
  // The score at and above which the graph keeps a clause.
  double threshold() const { return threshold_; }
  size_t size() const { return weights_.size(); }

 private:
  double bias_ = 0;
  double threshold_ = 0.5;
  std::map<std::string, double, std::less<>> weights_;
};

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_CONFIDENCE_MODEL_H_
