// The engine's side of quiver::Result (quiver/result.h): the source a
// streaming Result pulls pages from, and the one way to make a Result with
// a source, statistics or a plan. Not installed: programs using Quiver see
// only the opaque declarations in result.h.

#ifndef QUIVER_QUERY_RESULT_SOURCE_H_
#define QUIVER_QUERY_RESULT_SOURCE_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "quiver/result.h"
#include "quiver/value.h"

namespace quiver::internal {

// Thread-safety: Fetch is called by one thread at a time (a Result's
// reader), not necessarily the same one each time; the source is
// destroyed on whichever thread drops the last Result copy.
class ResultSource {
 public:
  virtual ~ResultSource() = default;
  // Appends the next page of rows to *rows. Returns false once the
  // statement has finished (rows appended by that call still count), and
  // then sets *status to its outcome; it is not called again after that.
  virtual bool Fetch(std::vector<ValueList>* rows, absl::Status* status) = 0;
};

struct ResultAccess {
  // `rows` so far, the rest from `source`.
  static Result Streaming(std::vector<std::string> columns, std::vector<ValueList> rows,
                          std::shared_ptr<ResultSource> source) {
    Result r(std::move(columns), std::move(rows));
    r.source_ = std::move(source);
    return r;
  }
  static QueryStats* mutable_stats(Result& r) { return &r.stats_; }
  static void set_plan(Result& r, std::string plan) { r.plan_ = std::move(plan); }
};

}  // namespace quiver::internal

#endif  // QUIVER_QUERY_RESULT_SOURCE_H_
